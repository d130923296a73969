package naming

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rules is a set of initialisms with the naming functions that use it. A
// Rules is not changed once made, so it is safe for concurrent use. A nil
// *Rules stands for the default rules (those of the package-level
// functions); the zero Rules has no initialisms at all.
type Rules struct {
	// initialisms maps the lower-case form of each initialism to its
	// canonical spelling.
	initialisms map[string]string
	// mixed holds the canonical spellings that mix upper and lower case
	// (IPv6, QoS), longest first: they are recognised as words where they
	// are written that way inside camel-case text.
	mixed [][]rune
}

var defaultRules = NewRules()

// NewRules returns rules with the default [Initialisms] plus extra ones,
// each given in its canonical spelling ("CCI", "OAuth"). A canonical
// spelling that starts with a lower-case letter gets it upper-cased ("vCPU"
// is taken as "VCPU"), since it may begin an exported name. An extra word
// replaces a default one with the same lower-case form. NewRules panics if
// an extra word is empty or has a rune that is not a letter or a digit.
func NewRules(extra ...string) *Rules {
	r := &Rules{initialisms: make(map[string]string, len(Initialisms)+len(extra))}
	for _, w := range Initialisms {
		r.add(w)
	}
	for _, w := range extra {
		if w == "" || strings.IndexFunc(w, func(c rune) bool { return !isWordRune(c) }) >= 0 {
			panic(fmt.Sprintf("naming.NewRules: %q is not a single word of letters and digits", w))
		}
		r.add(w)
	}
	for _, c := range r.initialisms {
		if c != strings.ToUpper(c) {
			r.mixed = append(r.mixed, []rune(c))
		}
	}
	sort.Slice(r.mixed, func(i, j int) bool {
		if len(r.mixed[i]) != len(r.mixed[j]) {
			return len(r.mixed[i]) > len(r.mixed[j])
		}
		return string(r.mixed[i]) < string(r.mixed[j])
	})
	return r
}

func (r *Rules) add(canonical string) {
	c, size := utf8.DecodeRuneInString(canonical)
	if u := unicode.ToUpper(c); unicode.IsLetter(u) {
		canonical = string(u) + canonical[size:]
	}
	r.initialisms[strings.ToLower(canonical)] = canonical
}

func (r *Rules) orDefault() *Rules {
	if r == nil {
		return defaultRules
	}
	return r
}

// Exported turns a source name (a parameter name, a header name, the words
// of a title) into an exported Go identifier in CamelCase with Go
// initialisms, by the default rules. See the package documentation for the
// rules.
//
// The result is a valid exported Go identifier, or "" when name has no
// letter or digit at all ("", "-", "[]"): callers choose a name then.
func Exported(name string) string { return defaultRules.Exported(name) }

// Exported is [Exported] with the initialisms of r.
func (r *Rules) Exported(name string) string {
	r = r.orDefault()
	var words []word
	if i := strings.IndexByte(name, ':'); i > 0 && isOSNamespace(name[:i]) {
		words = r.split(name[:i], true)
		words = append(words, r.split(name[i+1:], false)...)
	} else {
		words = r.split(name, false)
	}
	return r.join(words)
}

// word is one word of a name, as written.
type word struct {
	text string
	// sep is the separator text just before the word.
	sep string
	// upper says the word is written all upper-case (OpenStack namespace).
	upper bool
}

// join spells each word and makes the result exported.
func (r *Rules) join(words []word) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(r.spell(w))
	}
	s := b.String()
	if s == "" {
		return ""
	}
	if c, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(c) {
		return "X" + s
	}
	return s
}

// spell writes one word as it appears in an identifier.
func (r *Rules) spell(w word) string {
	if w.upper {
		return strings.ToUpper(w.text)
	}
	lower := strings.ToLower(w.text)
	if c, ok := r.initialisms[lower]; ok {
		return c
	}
	if n := len(w.text); n > 2 && (w.text[n-1] == 's' || w.text[n-1] == 'S') {
		if c, ok := r.initialisms[strings.ToLower(w.text[:n-1])]; ok {
			return c + w.text[n-1:]
		}
	}
	if parts := r.splitRun(w.text); parts != nil {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(r.spell(word{text: p}))
		}
		return b.String()
	}
	return capitalize(w.text)
}

// capitalize upper-cases the first rune of s if it is a letter that has an
// upper case.
func capitalize(s string) string {
	c, size := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(c) {
		return s
	}
	if u := unicode.ToUpper(c); u != c && unicode.IsLetter(u) {
		return string(u) + s[size:]
	}
	return s
}

// isOSNamespace reports whether p, the part of a name before its first ":",
// is an OpenStack extension namespace: hyphen-separated ASCII words, the
// first of which is "os" (OS-EXT-STS, os-ext-srv-attr, os).
func isOSNamespace(p string) bool {
	parts := strings.Split(p, "-")
	if !strings.EqualFold(parts[0], "os") {
		return false
	}
	for _, part := range parts {
		if part == "" {
			return false
		}
		for i := 0; i < len(part); i++ {
			if c := part[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				return false
			}
		}
	}
	return true
}

func isWordRune(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

func isApostrophe(c rune) bool { return c == '\'' || c == '’' }

// isUpper includes title-case letters (ǅ), which start a word like an
// upper-case one.
func isUpper(c rune) bool { return unicode.IsUpper(c) || unicode.IsTitle(c) }

// split cuts s into words: at every rune that is not a letter or a digit,
// then at case changes (see camel). Apostrophes inside a word are dropped,
// with the "s" of a possessive "'s". If upper is set, the words of at most
// four letters are marked to be written upper-case.
func (r *Rules) split(s string, upper bool) []word {
	var (
		words []word
		run   []rune
		sep   strings.Builder
	)
	flush := func() {
		if len(run) == 0 {
			return
		}
		for k, t := range r.camel(run) {
			w := word{text: t, upper: upper && utf8.RuneCountInString(t) <= 4}
			if k == 0 {
				w.sep = sep.String()
				sep.Reset()
			}
			words = append(words, w)
		}
		run = run[:0]
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case isWordRune(c):
			run = append(run, c)
		case isApostrophe(c) && len(run) > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
			if (rs[i+1] == 's' || rs[i+1] == 'S') && (i+2 == len(rs) || !isWordRune(rs[i+2])) {
				i++ // possessive: "ECS's" is "ECS"
			}
			// Otherwise only the apostrophe is dropped: "don't" is "dont".
		default:
			flush()
			sep.WriteRune(c)
		}
	}
	flush()
	return words
}

// camel cuts a run of letters and digits into words at case changes.
func (r *Rules) camel(rs []rune) []string {
	var out []string
	start := 0
	for i := 0; i < len(rs); {
		if i > start && r.boundary(rs, i) {
			out = append(out, string(rs[start:i]))
			start = i
		}
		if i == start {
			if m := r.matchMixed(rs, i); m > 0 {
				out = append(out, string(rs[i:i+m]))
				i += m
				start = i
				continue
			}
		}
		i++
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

// boundary reports whether a new word starts at rs[i], i > 0, inside a run
// of letters and digits.
func (r *Rules) boundary(rs []rune, i int) bool {
	prev, cur := rs[i-1], rs[i]
	if !isUpper(cur) {
		return false
	}
	if !isUpper(prev) {
		// lower → Upper, digit → Upper, uncased letter → Upper
		return true
	}
	// Inside an upper-case run: a mixed-case initialism starts here
	// (VPCIPv6), or the last upper-case letter starts a lower-case word
	// (HTTPServer), unless that is a plural "s" (IDs, ECSsList).
	if r.matchMixed(rs, i) > 0 {
		return true
	}
	return i+1 < len(rs) && unicode.IsLower(rs[i+1]) && !isPluralS(rs, i+1)
}

// isPluralS reports whether rs[j] is a lone lower-case "s" ending a word.
func isPluralS(rs []rune, j int) bool {
	return rs[j] == 's' && (j+1 == len(rs) || !unicode.IsLower(rs[j+1]))
}

// matchMixed returns the length of the mixed-case initialism written
// exactly at rs[i:] and ending a word (with a plural "s" if one follows), or
// 0.
func (r *Rules) matchMixed(rs []rune, i int) int {
	for _, m := range r.mixed {
		if !hasRunePrefix(rs[i:], m) {
			continue
		}
		end := i + len(m)
		switch {
		case end == len(rs) || !unicode.IsLower(rs[end]):
			return len(m)
		case isPluralS(rs, end):
			return len(m) + 1
		}
	}
	return 0
}

func hasRunePrefix(rs, prefix []rune) bool {
	if len(rs) < len(prefix) {
		return false
	}
	for i, c := range prefix {
		if rs[i] != c {
			return false
		}
	}
	return true
}

// CutNamespace returns the part of a parameter name after its OpenStack
// extension namespace ("OS-EXT-STS:vm_state" → "vm_state", true), or name
// and false when it has none. Callers drop the namespace only where the
// rest is unique in its struct.
func CutNamespace(name string) (string, bool) {
	if i := strings.IndexByte(name, ':'); i > 0 && i < len(name)-1 && isOSNamespace(name[:i]) {
		return name[i+1:], true
	}
	return name, false
}
