package resolve

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/config"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/naming"
	"github.com/rst2go/rst2go/gen/source"
)

// Enums: where a field's description lists the complete set of its values,
// the field gets a named type with a constant per value. The family writes
// a set in these ways (see the README's "Enums"):
//
//   - a sentence: "Its value can be **volume**, **image**, or **blank**.",
//     "The value of this parameter can be **4** or **6**.", "Options:
//     **asc** and **desc**", "Possible values are **na** and **backup**.",
//     "Enumerated values: **PER** (exclusive) and **WHOLE** (shared)";
//   - a bullet list whose every item starts with a value: "- **ACTIVE**:
//     The ECS is running.", "- **0**: **NOSTATE**", "- ACTIVE: ...", with
//     or without an introduction ("**Range**", "Options:", "Enumeration
//     values:", "The value can be:"), "Empty string: ..." standing for "";
//   - the same as paragraphs, one value each ("UP: The host is normal."),
//     and "Options:" followed by a paragraph "ACTIVE, BUILD, and ERROR".
//
// A list introduced or ended as examples ("such as", "for example",
// "including", "e.g.", "etc.", "...") is open and never becomes a set, nor
// does a list with an item that is not a value ("or the IP protocol
// number", "- If this parameter is not specified, ...") or a list that
// explains the parts of a format ("{type}:{count}", then "- **type**:").

// enumSet is one set of values read from a description.
type enumSet struct {
	values []*ir.EnumValue
	pos    source.Pos
	docs   bool // the values are explained (a bullet list)
}

// notEnum says why a list of values seen in a description did not become
// a set.
type notEnum struct {
	pos    source.Pos
	reason string
}

// Markers around strong and literal text in the marked form of a
// paragraph: values are usually bold.
const (
	markOpen  = '\x01'
	markClose = '\x02'
)

// marked is a paragraph's text with strong and literal runs between
// markOpen and markClose, white space folded.
func marked(in []*doc.Inline) string {
	n := 0
	for _, x := range in {
		n += len(x.Text) + 2
	}
	var f folder
	f.b.Grow(n)
	for _, x := range in {
		if x.Kind == doc.Strong || x.Kind == doc.Literal {
			f.write(string(markOpen))
			f.write(strings.TrimSpace(x.Text))
			f.write(string(markClose))
		} else {
			f.write(x.Text)
		}
	}
	return f.b.String()
}

// A folder writes text with white space folded, as
// strings.Join(strings.Fields(text), " ") of all the text written, in one
// pass.
type folder struct {
	b     strings.Builder
	space bool // white space since the last word
}

func (f *folder) write(s string) {
	for i := 0; i < len(s); {
		c, n := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, n = utf8.DecodeRuneInString(s[i:])
		}
		if c < utf8.RuneSelf && asciiSpace(byte(c)) || c >= utf8.RuneSelf && unicode.IsSpace(c) {
			f.space = true
			i += n
			continue
		}
		if f.space && f.b.Len() > 0 {
			f.b.WriteByte(' ')
		}
		f.space = false
		j := i + n
		for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpace(s[j]) {
			j++
		}
		f.b.WriteString(s[i:j])
		i = j
	}
}

// asciiSpace reports whether c is white space to strings.Fields.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func unmark(s string) string {
	return unmarker.Replace(s)
}

// unmarker is made once: a Replacer is costly to make and safe to share.
var unmarker = strings.NewReplacer(string(markOpen), "", string(markClose), "")

// containsASCIIFold reports whether s holds lower, a lower-case ASCII
// word, in any case.
func containsASCIIFold[T ~string | ~[]byte](s T, lower string) bool {
	for i := 0; i+len(lower) <= len(s); i++ {
		if s[i]|0x20 == lower[0] && asciiEqualFold(s[i:i+len(lower)], lower) {
			return true
		}
	}
	return false
}

// asciiEqualFold reports whether s is lower, a lower-case ASCII word, in
// any case.
func asciiEqualFold[T ~string | ~[]byte](s T, lower string) bool {
	for i := 0; i < len(lower); i++ {
		if s[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}

// readEnum reads the sets a description gives and why a list it holds is
// not a set. Only the description's own paragraphs and lists are read,
// not those inside list items (values that hold under a condition: "- For
// D2 ECSs, the value can be 2, 4 or 8.") or notes.
func readEnum(blocks []*doc.Block) (sets []*enumSet, defaults []*ir.EnumValue, not []notEnum) {
	// intro is the marked text of the paragraph just before, introLoc
	// where its trigger is: each paragraph's trigger is searched once.
	intro, introLoc := "", []int(nil)
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		switch b.Kind {
		case doc.Paragraph:
			introOnly := triggerOnly(intro, introLoc)
			introduced := introOnly || isRange(intro)
			// Values one a paragraph ("UP: The status is normal.")
			// read as a list.
			if n := paragraphRun(blocks[i:], introduced); n >= 2 {
				list := &doc.Block{Kind: doc.List, Pos: b.Pos}
				for _, p := range blocks[i : i+n] {
					list.Items = append(list.Items, []*doc.Block{p})
				}
				if s, ne := listSet(list, intro, introduced); s != nil {
					sets = append(sets, s)
				} else if ne != nil {
					not = append(not, *ne)
				}
				i += n - 1
				intro, introLoc = "", nil
				continue
			}
			m := marked(b.Inlines)
			loc := matchTrigger(m)
			if s, n, ok := sentenceSet(b, m, loc); ok {
				sets = append(sets, s)
			} else if n != nil {
				not = append(not, *n)
			} else if loc == nil && (introOnly || isRange(intro) && allMarked(m)) {
				// "Options:" then the values as a paragraph; "**Range**"
				// then marked values only ("**ACTIVE**, **BUILD**, and
				// **ERROR**"), for after "Range" plain words are as often
				// a description ("letters, digits, and hyphens").
				if s, n, ok := textSet(b, "", m); ok {
					sets = append(sets, s)
				} else if n != nil {
					not = append(not, *n)
				}
			}
			if d := defaultIn(m); d != "" {
				defaults = append(defaults, &ir.EnumValue{Value: d, Pos: b.Pos})
			}
			// "**Default Value**" then the value as a paragraph.
			if i+1 < len(blocks) && strings.EqualFold(strings.Trim(unmark(m), " :"), "default value") && blocks[i+1].Kind == doc.Paragraph {
				if v, ok := loneValue(marked(blocks[i+1].Inlines)); ok {
					defaults = append(defaults, &ir.EnumValue{Value: v, Pos: blocks[i+1].Pos})
				}
			}
			intro, introLoc = m, loc
		case doc.List:
			introduced := triggerOnly(intro, introLoc) || isRange(intro)
			if s, n := listSet(b, intro, introduced); s != nil {
				sets = append(sets, s)
			} else if n != nil {
				not = append(not, *n)
			}
			intro, introLoc = "", nil
		default:
			intro, introLoc = "", nil
		}
	}
	return sets, defaults, not
}

// triggerOnly reports whether a paragraph is only the words that
// introduce a set ("Options:", "The value can be as follows:"); loc is
// matchTrigger(m).
func triggerOnly(m string, loc []int) bool {
	return loc != nil && strings.Trim(m[loc[1]:], " :：") == "" && !hasOpenWords(unmark(m))
}

// isRange reports whether a paragraph is "**Range**", which introduces a
// list of values as triggerOnly's words do ("Options:", "The value can
// be:").
func isRange(intro string) bool {
	return strings.Trim(unmark(intro), " :") == "Range"
}

// allMarked reports whether the marked text m is a list of marked values
// only: each of its items is one marked run ("**a**, **b**, and **c**.").
func allMarked(m string) bool {
	items := splitItems(strings.TrimSuffix(strings.TrimSpace(m), "."))
	if len(items) < 2 {
		return false
	}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if len(it) < 2 || it[0] != markOpen || it[len(it)-1] != markClose || strings.Count(it, string(markOpen)) != 1 {
			return false
		}
	}
	return true
}

// paragraphRun counts the paragraphs from the first of blocks that each
// read as a list item of values; introduced says the paragraph before
// introduces values (triggerOnly or isRange).
func paragraphRun(blocks []*doc.Block, introduced bool) int {
	n := 0
	for _, b := range blocks {
		if b.Kind != doc.Paragraph || listItemValue([]*doc.Block{b}, introduced, true) == nil {
			break
		}
		n++
	}
	return n
}

// sentenceSet reads "The value can be a, b, or c." in a paragraph. A
// trigger that ends the paragraph ("The value can be:") introduces the
// list that follows and is not read here. loc is matchTrigger(m).
func sentenceSet(b *doc.Block, m string, loc []int) (*enumSet, *notEnum, bool) {
	if loc == nil {
		return nil, nil, false
	}
	return textSet(b, m[:loc[0]], m[loc[1]:])
}

// textSet reads the values listed in rest, the text after the words that
// introduce them (before is the text before those words).
func textSet(b *doc.Block, before, rest string) (*enumSet, *notEnum, bool) {
	// The sentence ends at a period outside a value.
	end := len(rest)
	inMark := false
	for i, c := range rest {
		switch {
		case c == markOpen:
			inMark = true
		case c == markClose:
			inMark = false
		case !inMark && (c == ';' || c == '.' && (i+1 == len(rest) || rest[i+1] == ' ')):
			end = i
		}
		if end != len(rest) {
			break
		}
	}
	tail := rest[:min(end+3, len(rest))] // with "..." and "etc." whole
	rest = strings.TrimSpace(rest[:end])
	rest = strings.TrimSuffix(rest, " only")
	if rest == "" {
		return nil, nil, false
	}
	sentenceStart := before
	if k := strings.LastIndex(before, ". "); k >= 0 {
		sentenceStart = before[k+2:]
	}
	var values []*ir.EnumValue
	bad := false
	for _, item := range splitItems(rest) {
		v, explain, ok := itemValue(item)
		if !ok {
			bad = true
			continue
		}
		ev := &ir.EnumValue{Value: v, Pos: b.Pos}
		if explain != "" {
			ev.Doc = []*doc.Block{{Kind: doc.Paragraph, Pos: b.Pos, Inlines: []*doc.Inline{{Kind: doc.Plain, Text: explain}}}}
		}
		values = append(values, ev)
	}
	switch {
	case hasOpenWords(unmark(tail)) || hasOpenWords(unmark(sentenceStart)):
		if len(values) > 0 {
			return nil, &notEnum{b.Pos, "examples (an open list)"}, false
		}
		return nil, nil, false
	case bad:
		if len(values) >= 2 {
			return nil, &notEnum{b.Pos, "an item is not a value"}, false
		}
		return nil, nil, false
	case len(values) < 2 && !strings.ContainsRune(rest, markOpen):
		return nil, nil, false
	}
	return &enumSet{values: values, pos: b.Pos}, nil, true
}

// itemValue reads one item of a sentence's list: a marked value or one
// plain word, with an explanation in parentheses after it ("**0**
// (encryption disabled)") or after a colon ("0: disabled").
func itemValue(item string) (value, explain string, ok bool) {
	item = strings.TrimSpace(item)
	if i := strings.IndexByte(item, '('); i > 0 && strings.HasSuffix(item, ")") {
		explain = strings.TrimSpace(unmark(item[i+1 : len(item)-1]))
		item = strings.TrimSpace(item[:i])
	} else if i := strings.IndexAny(item, ":："); i > 0 && !strings.ContainsRune(item[:i], markOpen) && isIntText(strings.TrimSpace(item[:i])) {
		explain = strings.TrimSpace(unmark(item[i+1:]))
		item = strings.TrimSpace(item[:i])
	}
	v, ok := loneValue(item)
	return v, explain, ok
}

// loneValue reads text that is one value: a marked run without spaces
// or one plain word; not a range ("1-99999") nor "N/A".
func loneValue(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	var v string
	switch {
	case len(s) >= 2 && s[0] == markOpen && s[len(s)-1] == markClose && strings.Count(s, string(markOpen)) == 1:
		v = strings.TrimSpace(s[1 : len(s)-1])
		if strings.ContainsAny(v, " \t") || len(v) > 64 {
			return "", false
		}
		// Quotes around a value are not part of it ("**"none"**").
		v = strings.Trim(v, `"'`)
	case isPlainValue(s) && len(s) <= 64 && (s == "*" || strings.IndexFunc(s, isLetterOrDigit) >= 0):
		v = s
	default:
		return "", false
	}
	if isNumberRange(v) || strings.EqualFold(v, "N/A") || v == "-" {
		return "", false
	}
	return v, true
}

// defaultAt finds "The default value is **x**" and "Default: **x**".
var defaultAt = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\bdefault(?:\s+value)?(?:\s+is|\s*:|：)\s*(\x01[^\x02]*\x02|[A-Za-z0-9_.-]+\s*(?:\.|$))`)
})

// defaultIn reads the default value a paragraph's marked text gives. Every
// match of defaultAt holds "default", whose letters have no case folds
// outside ASCII: text without it (most) needs no search.
func defaultIn(m string) string {
	if !containsASCIIFold(m, "default") {
		return ""
	}
	sub := defaultAt().FindStringSubmatch(m)
	if sub == nil {
		return ""
	}
	v, ok := loneValue(sub[1])
	if !ok {
		return ""
	}
	return v
}

// listSeps separate a list item's value from its explanation.
// A verb stays part of the explanation ("indicates a permanent link").
var listSep = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(?:[:：=–—-]\s*|(?:indicates|means|specifies)\b)`)
})

// emptyString is the words that stand for the value "" in a list item:
// "Empty string: There is no host information."
var emptyString = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?i:an\s+)?(?i:empty\s+string)\s*[:：]\s*`) })

// listSet reads a bullet list whose every item starts with a value. intro
// is the marked text of the paragraph just before it, triggered whether
// that paragraph introduces values (triggerOnly or isRange).
func listSet(b *doc.Block, intro string, triggered bool) (*enumSet, *notEnum) {
	var values []*ir.EnumValue
	bad := 0
	for _, item := range b.Items {
		ev := listItemValue(item, triggered, false)
		if ev == nil {
			bad++
			continue
		}
		values = append(values, ev)
	}
	switch {
	case len(values) == 0:
		return nil, nil
	case formatParts(intro, values):
		return nil, &notEnum{b.Pos, "parts of a format"}
	case intro != "" && hasOpenWords(unmark(intro)) && (triggered || len(values) >= 2):
		return nil, &notEnum{b.Pos, "examples (an open list)"}
	case bad > 0:
		if len(values) >= 2 || triggered {
			return nil, &notEnum{b.Pos, "a list item is not a value"}
		}
		return nil, nil
	case len(values) < 2 && !triggered:
		return nil, nil
	}
	return &enumSet{values: values, pos: b.Pos, docs: true}, nil
}

// formatParts reports whether a list explains the parts of a format the
// text before it gives ("in the format of {type}:{count}", then "-
// **type**: ...", "- **count**: ..."): its items are names, not values.
func formatParts(intro string, values []*ir.EnumValue) bool {
	for _, v := range values {
		if strings.Contains(intro, "{"+v.Value+"}") {
			return true
		}
	}
	return false
}

// listItemValue reads "**value**: explanation" (or "value: explanation"
// where plain values are expected: after an introduction, or an upper-case
// word or number) from a list item.
//
// A paragraph read as an item (para) needs an explanation after its value
// (a lone bold paragraph is a sub-heading: "**Definition**"), and one
// without markup needs an introduction or an upper-case value ("UP: The
// host is normal.").
func listItemValue(item []*doc.Block, triggered, para bool) *ir.EnumValue {
	if len(item) == 0 || item[0].Kind != doc.Paragraph {
		return nil
	}
	first := item[0]
	in := first.Inlines
	for len(in) > 0 && in[0].Kind == doc.Plain && strings.TrimSpace(in[0].Text) == "" {
		in = in[1:]
	}
	if len(in) == 0 {
		return nil
	}
	var value string
	var rest []*doc.Inline
	if in[0].Kind == doc.Strong || in[0].Kind == doc.Literal {
		v, ok := loneValue(string(markOpen) + in[0].Text + string(markClose))
		if !ok {
			return nil
		}
		value, rest = v, in[1:]
		if para && strings.TrimSpace(doc.InlinesText(rest)) == "" {
			return nil
		}
		if len(rest) > 0 {
			if rest[0].Kind != doc.Plain {
				return nil
			}
			text := rest[0].Text
			loc := listSep().FindStringIndex(text)
			if loc == nil {
				if strings.TrimSpace(text) != "" {
					return nil
				}
				loc = []int{0, len(text)}
			}
			cut := text[loc[1]:]
			if sep := strings.TrimSpace(text[:loc[1]]); sep != "" && unicode.IsLetter(rune(sep[0])) {
				cut = strings.TrimSpace(text) // a verb: keep it
			}
			rest = append([]*doc.Inline{{Kind: doc.Plain, Text: cut}}, rest[1:]...)
		}
	} else if in[0].Kind == doc.Plain && emptyString().MatchString(in[0].Text) {
		loc := emptyString().FindStringIndex(in[0].Text)
		value = ""
		rest = append([]*doc.Inline{{Kind: doc.Plain, Text: in[0].Text[loc[1]:]}}, in[1:]...)
	} else if in[0].Kind == doc.Plain {
		v, end := plainItemAt(in[0].Text)
		if end < 0 {
			if v, ok := loneValue(in[0].Text); ok && len(in) == 1 && len(item) == 1 && triggered && !para {
				return &ir.EnumValue{Value: v, Pos: first.Pos}
			}
			return nil
		}
		if !triggered && (!plainLooksValue(v) || para && strings.ToUpper(v) != v) {
			return nil
		}
		value = v
		rest = append([]*doc.Inline{{Kind: doc.Plain, Text: in[0].Text[end:]}}, in[1:]...)
	} else {
		return nil
	}
	ev := &ir.EnumValue{Value: value, Pos: first.Pos}
	if doc.InlinesText(rest) != "" {
		ev.Doc = append(ev.Doc, &doc.Block{Kind: doc.Paragraph, Pos: first.Pos, Inlines: trimInlines(rest)})
	}
	ev.Doc = append(ev.Doc, item[1:]...)
	return ev
}

func trimInlines(in []*doc.Inline) []*doc.Inline {
	out := append([]*doc.Inline(nil), in...)
	if len(out) > 0 && out[0].Kind == doc.Plain {
		out[0] = &doc.Inline{Kind: doc.Plain, Text: strings.TrimLeft(out[0].Text, " ")}
	}
	return out
}

func isLetterOrDigit(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// plainLooksValue reports whether a word written without markup before a
// colon in a list item reads as a value (text copied from a rendered page
// has lost the bold): an upper-case word or a number ("ACTIVE", "0"), or
// a word in lower case ("fixed", "vault_delete"); not a capitalized word,
// which is a label ("Maximum: 10", "Note: ...").
func plainLooksValue(s string) bool {
	if isIntText(s) {
		return true
	}
	switch strings.ToUpper(s) {
	case "NOTE", "WARNING", "CAUTION", "DANGER", "TIP", "EXAMPLE", "IMPORTANT":
		return false // a label
	}
	upper, lower := 0, 0
	for _, c := range s {
		switch {
		case unicode.IsUpper(c):
			upper++
		case unicode.IsLower(c):
			lower++
		}
	}
	return upper > 1 && lower == 0 || upper == 0 && lower > 0
}

// sameValues reports whether two sets hold the same values in any order.
func sameValues(a, b []*ir.EnumValue) bool {
	if len(a) != len(b) {
		return false
	}
	in := map[string]bool{}
	for _, v := range a {
		in[v.Value] = true
	}
	for _, v := range b {
		if !in[v.Value] {
			return false
		}
	}
	return true
}

// enumKey identifies a set for sharing: the field's JSON name, the base
// type and the values in any order (the first field's order is kept).
func enumKey(jsonName string, base *ir.GoType, values []*ir.EnumValue) string {
	vs := make([]string, len(values))
	for i, v := range values {
		vs[i] = v.Value
	}
	slices.Sort(vs)
	return jsonName + "\x00" + base.Name + "\x00" + strings.Join(vs, "\x00")
}

// runeNames spell the punctuation a value may be made of ("*" → Star),
// so that every value gets a constant name.
var runeNames = map[rune]string{
	'*': "Star", '+': "Plus", '-': "Minus", '.': "Dot", '/': "Slash", ':': "Colon", '=': "Equal", '?': "Question",
	'%': "Percent", '&': "And", '@': "At", '#': "Hash", '!': "Bang", '~': "Tilde", '<': "Less", '>': "Greater",
	'_': "Underscore", ' ': "Space", '$': "Dollar", '^': "Caret", '|': "Bar", ',': "Comma",
}

var numberValue = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?\d+(?:\.\d+)*$`) })

// valueName is the part of a constant's name that comes from its value:
// "volume" → Volume, "co-p1" → CoP1, "SHUTOFF" → Shutoff (an upper-case
// word longer than an initialism is read as a word), "2.0" → 2_0, "-1" →
// Minus1, "" → Empty, "*" → Star. The result follows the type's name, so
// it may start with a digit.
// shortWords are the words of two letters that values are written in
// upper case (the dictionary holds words of three letters or more).
var shortWords = map[string]bool{"up": true, "on": true, "no": true}

func (r *resolver) valueName(v string) string {
	switch {
	case v == "":
		return "Empty"
	case numberValue().MatchString(v):
		if rest, ok := strings.CutPrefix(v, "-"); ok {
			return "Minus" + strings.ReplaceAll(rest, ".", "_")
		}
		return strings.ReplaceAll(v, ".", "_")
	}
	word := v
	if lower := strings.ToLower(word); strings.ToUpper(word) == word && lower != word && (len(word) > 4 || naming.IsWord(lower) || shortWords[lower]) {
		// SHUTOFF, and DOWN, which is a word too: Down, not DOWN
		// beside Unknown. An initialism stays one (IP, VM, SSD).
		word = strings.ToLower(word)
	}
	if n := r.settings.exportedName(word); n != "" {
		if unicode.IsDigit(rune(word[0])) {
			n = strings.TrimPrefix(n, "X") // the type name comes first
		}
		return n
	}
	var b strings.Builder
	for _, c := range v {
		if name, ok := runeNames[c]; ok {
			b.WriteString(name)
		} else {
			b.WriteString("U" + strings.ToUpper(strconv.FormatInt(int64(c), 16)))
		}
	}
	return b.String()
}

// enums are the resolver's enum types, shared by identical sets on fields
// of one JSON name.
type enums struct {
	byKey map[string]*ir.Type
	twins map[*ir.Type][]*tableInfo // the tables sharing a type, first the type's own
	// NotEnum records the lists seen that did not become a set, for
	// -v and the tests.
	not []ir.NotEnum
	// locked are the names the names lock keeps for enum types, by key.
	locked map[string]string
	plans  map[*ir.Type]*enumPlan
	order  []*enumPlan
	// paramsOwners gives, for the path, query and header tables an
	// operation's Params type absorbs, that operation (see paramsOp).
	paramsOwners map[*ir.Type]*ir.Operation
	// infos gives the table of each struct type (see infoOf).
	infos map[*ir.Type]*tableInfo
}

// enumKeyOf is an enum type's key in the names lock: its field's path
// from its struct's key. (A string or integer field has no table, so no
// struct has this key.)
func enumKeyOf(owner *ir.Type, f *ir.Field) string {
	if owner.Key == "" {
		return ""
	}
	return ir.FieldKey(owner.Key, f.JSONName, ir.Object)
}

// reserveLockedEnums reserves the names the lock keeps for enum types, so
// that no struct takes them: enums are named after structs, when fields
// are filled in.
func (r *resolver) reserveLockedEnums() {
	if r.lock == nil {
		return
	}
	r.enums.locked = map[string]string{}
	for _, info := range r.tables {
		if len(info.keys) == 0 {
			continue
		}
		for _, fp := range info.fields {
			if fp.word.kind != scalarWord && fp.word.kind != emptyWord {
				continue
			}
			// Looked up by each of the struct's keys (then its alts
			// and legacy keys), kept under the first (the one
			// fieldEnum asks for), as struct names are.
			primary := ir.FieldKey(info.keys[0], jsonName(fp.param.Name), ir.Object)
			for _, key := range info.allKeys() {
				k := ir.FieldKey(key, jsonName(fp.param.Name), ir.Object)
				if e, ok := r.lockName(k); ok && !r.names.Used(e.Name) {
					r.names.Reserve(e.Name)
					r.enums.locked[primary] = e.Name
					break
				}
			}
		}
	}
}

// fieldEnum gives a string or integer field the enum type of its
// documented set, if it has one, and returns the type when it is new (to
// be emitted after the struct). Sets are read from the field's row in
// every table sharing the struct: sets that differ, a value listed twice,
// or a default value outside the set give a warning and no enum.
func (r *resolver) fieldEnum(info *tableInfo, i int, f *ir.Field, owner *ir.Type, override *config.Field, pkg *ir.Package) *ir.Type {
	base := f.Type
	if base.Kind != ir.Builtin || base.Name != "string" && base.Name != "int" && base.Name != "int64" {
		if override != nil && len(override.Values) > 0 {
			r.diags.Errorf(override.Pos, "config", "values: %s.%s is %s, not a string or an integer", owner.GoName, f.JSONName, base)
		}
		return nil
	}
	if override != nil && override.NoEnum {
		return nil
	}
	isInt := base.Name != "string"
	var chosen *enumSet
	conflict := false
	for _, t := range r.tablesOf(info) {
		if i >= len(t.fields) {
			continue
		}
		p := t.fields[i].param
		sets, defaults, not := readEnum(p.Description)
		for _, n := range not {
			r.enums.not = append(r.enums.not, ir.NotEnum{Pos: n.pos, Field: f.JSONName, Reason: n.reason})
		}
		for _, s := range sets {
			if d := duplicateValue(s.values); d != nil {
				r.warnParam(p, d.Pos, "enum-conflict", "%s: value %q is listed twice; the field stays %s", p.Name, d.Value, base)
				conflict = true
				continue
			}
			if isInt && !allIntegers(s.values) {
				r.enums.not = append(r.enums.not, ir.NotEnum{Pos: s.pos, Field: f.JSONName, Reason: "values are not integers"})
				continue
			}
			switch {
			case chosen == nil:
				chosen = s
			case !sameValues(chosen.values, s.values):
				r.warnParam(p, s.pos, "enum-conflict", "%s: the values listed here (%s) differ from those at %s (%s); the field stays %s", p.Name, valueList(s.values), chosen.pos, valueList(chosen.values), base)
				conflict = true
			case s.docs && !chosen.docs:
				chosen = s // the explained list, in its order
			}
		}
		if chosen != nil && !conflict {
			for _, d := range defaults {
				if !hasValue(chosen.values, d.Value) {
					r.warnParam(p, d.Pos, "enum-conflict", "%s: default value %q is not one of the listed values (%s); the field stays %s", p.Name, d.Value, valueList(chosen.values), base)
					conflict = true
					break
				}
			}
		}
	}
	if conflict {
		r.enums.not = append(r.enums.not, ir.NotEnum{Pos: f.Pos, Field: f.JSONName, Reason: "contradictory lists"})
		return nil
	}
	var values []*ir.EnumValue
	if chosen != nil {
		values = chosen.values
	}
	if override != nil {
		for _, v := range override.Values {
			if isInt && !isIntText(v) {
				r.diags.Errorf(override.Pos, "config", "values: %q is not an integer, and %s.%s is %s", v, owner.GoName, f.JSONName, base)
				continue
			}
			if !hasValue(values, v) {
				values = append(values[:len(values):len(values)], &ir.EnumValue{Value: v, Pos: override.Pos, Added: true})
			}
		}
	}
	if len(values) == 0 {
		return nil
	}
	key := enumKey(f.JSONName, base, values)
	if t := r.enums.byKey[key]; t != nil {
		f.Type = ir.NamedType(t)
		t.Enum.Fields = append(t.Enum.Fields, f)
		plan := r.enums.plans[t]
		if !slices.Contains(plan.owners, owner) {
			plan.owners = append(plan.owners, owner)
		}
		// The type is keyed by its first field, unless the lock names
		// it by another's: the struct it was first found in may be
		// another now (pages renamed, reordered), its fields the same.
		if _, ok := r.enums.locked[t.Key]; !ok {
			if k := enumKeyOf(owner, f); k != "" && r.enums.locked[k] != "" {
				t.Key = k
			}
		}
		return nil
	}
	t := &ir.Type{Pos: values[0].Pos, Underlying: base, Page: owner.Page, Table: owner.Table, Key: enumKeyOf(owner, f)}
	t.Enum = &ir.Enum{Base: base, Fields: []*ir.Field{f}}
	for _, v := range values {
		c := *v
		t.Enum.Values = append(t.Enum.Values, &c)
	}
	r.enums.byKey[key] = t
	if r.enums.plans == nil {
		r.enums.plans = map[*ir.Type]*enumPlan{}
	}
	plan := &enumPlan{typ: t, field: f, owners: []*ir.Type{owner}, parts: r.intNames(values, isInt)}
	r.enums.plans[t] = plan
	r.enums.order = append(r.enums.order, plan)
	f.Type = ir.NamedType(t)
	return t
}

// enumPlan is what naming an enum type needs: its first field, the
// structs whose fields share it, and its constants' name parts.
type enumPlan struct {
	typ    *ir.Type
	field  *ir.Field
	owners []*ir.Type
	parts  []string
}

// nameEnums names the enum types once every struct has its name, in the
// order they were made: the name the lock keeps, else enumName's.
// Constants are the type's name plus the value's part. The doc comment
// names the structs.
func (r *resolver) nameEnums(pkg *ir.Package) {
	for _, plan := range r.enums.order {
		t, f := plan.typ, plan.field
		switch name, ok := r.enums.locked[t.Key]; {
		case ok && t.Key != "":
			t.GoName = name
			delete(r.enums.locked, t.Key)
		default:
			t.GoName = r.unique(t, r.enumName(plan))
		}
		for k, v := range t.Enum.Values {
			v.GoName = r.names.Unique(t.GoName + plan.parts[k])
		}
		in := []*doc.Inline{{Kind: doc.Plain, Text: t.GoName + " is the type of the " + f.JSONName + " field of "}}
		const most = 3
		for i, o := range plan.owners[:min(len(plan.owners), most)] {
			switch {
			case i > 0 && i == len(plan.owners)-1:
				in = append(in, &doc.Inline{Kind: doc.Plain, Text: " and "})
			case i > 0:
				in = append(in, &doc.Inline{Kind: doc.Plain, Text: ", "})
			}
			link := &doc.Ref{Pos: f.Pos, Label: "rst2go-enum-owner"}
			pkg.Links[link] = o.GoName
			in = append(in, &doc.Inline{Kind: doc.Link, Text: o.GoName, Ref: link})
		}
		if n := len(plan.owners) - most; n > 0 {
			in = append(in, &doc.Inline{Kind: doc.Plain, Text: fmt.Sprintf(" and %d more", n)})
		}
		in = append(in, &doc.Inline{Kind: doc.Plain, Text: "."})
		t.Doc = []*doc.Block{{Kind: doc.Paragraph, Pos: f.Pos, Inlines: in}}
	}
}

// enumName is the name an enum type wants: the field's name where it is
// free and says more than one word (SortKey, PowerState; not Status or
// Type, which say too little alone), else qualified as little as makes
// it free: by the field its struct was named from (FlavorStatus), by its
// operation or page stem (ListServersSortKey, RebuildECSStatus), and
// last by its struct's whole name (ListServersResponseStatus), which
// unique numbers if taken.
func (r *resolver) enumName(plan *enumPlan) string {
	f, owner := plan.field, r.namingOwner(plan.owners)
	var wants []string
	if longWords(f.GoName) > 1 {
		wants = append(wants, f.GoName)
	}
	if op := r.paramsOp(owner); op != nil {
		wants = append(wants, naming.Qualify(op.GoName, f.GoName))
	} else if info := r.enums.infoOf(r, owner); info != nil {
		switch {
		case !info.root && info.claim != "":
			wants = append(wants, naming.Qualify(info.claim, f.GoName))
		case info.root && info.role.suffix != "" && strings.HasSuffix(owner.GoName, info.role.suffix):
			wants = append(wants, naming.Qualify(strings.TrimSuffix(owner.GoName, info.role.suffix), f.GoName))
		}
	}
	for _, w := range wants {
		// A qualifier that ends with the field says it twice
		// (QueryJobStatusStatus): the struct's name says it once.
		if w != f.GoName && strings.HasSuffix(w, f.GoName+f.GoName) || len(w) > maxName {
			continue
		}
		if !r.names.Used(w) {
			return w
		}
	}
	if n := r.ownerName(owner) + f.GoName; len(n) <= maxName {
		return n
	}
	return f.GoName // too long to read: unique numbers it
}

// longWords counts the words of a Go name that have more than one
// letter: ModeB and AHeadings say too little alone, SortKey does not.
func longWords(name string) int {
	n := 0
	for _, w := range naming.Words(name) {
		if len(w) > 1 {
			n++
		}
	}
	return n
}

// infoOf is the table whose type t is, or nil.
func (e *enums) infoOf(r *resolver, t *ir.Type) *tableInfo {
	if e.infos == nil {
		e.infos = map[*ir.Type]*tableInfo{}
		for _, info := range r.tables {
			if !info.merged && e.infos[info.typ] == nil {
				e.infos[info.typ] = info
			}
		}
	}
	return e.infos[t]
}

// namingOwner is the struct whose name a shared enum type takes: the
// first that is generated under its own name. A parameter of an
// operation's Params type names it only when no body struct shares it,
// so a response field is never typed after another operation's
// parameters (ServerStatus, not ListServersStatus).
func (r *resolver) namingOwner(owners []*ir.Type) *ir.Type {
	for _, o := range owners {
		if r.paramsOp(o) == nil {
			return o
		}
	}
	return owners[0]
}

// ownerName is the name of the struct an enum field lives in. The field of
// a path, query or header table of a page with an operation lives in the
// operation's Params type (the table's own type is dropped, see
// absorbParamTypes), so its enum is named from that: ListThingsParamsSortDir,
// not ListThingsQueryParamsSortDir after a type that is not generated.
func (r *resolver) ownerName(owner *ir.Type) string {
	if op := r.paramsOp(owner); op != nil {
		return op.ParamsType.GoName
	}
	return owner.GoName
}

// paramsOp is the operation whose Params type holds the rows of t, a path,
// query, URI or request header table's type, or nil.
func (r *resolver) paramsOp(t *ir.Type) *ir.Operation {
	if r.enums.paramsOwners == nil {
		r.enums.paramsOwners = map[*ir.Type]*ir.Operation{}
		firstOp := map[*doc.Page]*ir.Operation{}
		for _, plan := range r.ops {
			if firstOp[plan.page] == nil {
				firstOp[plan.page] = plan.op
			}
		}
		for _, info := range r.tables {
			if op := firstOp[info.page]; op != nil && absorbed[info.role] {
				r.enums.paramsOwners[info.typ] = op
			}
		}
	}
	return r.enums.paramsOwners[t]
}

// intNames are the constants' name parts: from the values, except that an
// integer set whose every value is explained by one distinct word ("**0**:
// **NOSTATE**") is named by those words.
func (r *resolver) intNames(values []*ir.EnumValue, isInt bool) []string {
	names := make([]string, len(values))
	byWord := isInt
	seen := map[string]bool{}
	for i, v := range values {
		names[i] = r.valueName(v.Value)
		if !byWord {
			continue
		}
		w := strings.TrimSuffix(doc.BlocksText(v.Doc), ".")
		if len(v.Doc) != 1 || !isPlainValue(w) || isIntText(w) || seen[w] {
			byWord = false
			continue
		}
		seen[w] = true
	}
	if byWord {
		for i, v := range values {
			names[i] = r.valueName(strings.TrimSuffix(doc.BlocksText(v.Doc), "."))
		}
	}
	return names
}

func allIntegers(values []*ir.EnumValue) bool {
	for _, v := range values {
		if !isIntText(v.Value) {
			return false
		}
	}
	return true
}

func duplicateValue(values []*ir.EnumValue) *ir.EnumValue {
	seen := map[string]bool{}
	for _, v := range values {
		if seen[v.Value] {
			return v
		}
		seen[v.Value] = true
	}
	return nil
}

func hasValue(values []*ir.EnumValue, v string) bool {
	for _, x := range values {
		if x.Value == v {
			return true
		}
	}
	return false
}

func valueList(values []*ir.EnumValue) string {
	var parts []string
	for _, v := range values {
		parts = append(parts, strconv.Quote(v.Value))
	}
	return strings.Join(parts, ", ")
}

// tablesOf lists the tables whose rows make info's type: info, then the
// tables merged into it.
func (r *resolver) tablesOf(info *tableInfo) []*tableInfo {
	if r.enums.twins == nil {
		r.enums.twins = map[*ir.Type][]*tableInfo{}
		for _, t := range r.tables {
			if t.merged && !t.dead {
				r.enums.twins[t.typ] = append(r.enums.twins[t.typ], t)
			}
		}
	}
	return append([]*tableInfo{info}, r.enums.twins[info.typ]...)
}

// words counts the words of a Go name: an upper-case letter after a
// lower-case one or a digit starts one ("VMState" is two, "Volumetype"
// one).
func words(name string) int {
	n := 0
	prev := rune(0)
	for i, c := range name {
		next := rune(0)
		if i+1 < len(name) {
			next = rune(name[i+1])
		}
		if unicode.IsUpper(c) && (prev == 0 || unicode.IsLower(prev) || unicode.IsDigit(prev) || unicode.IsUpper(prev) && unicode.IsLower(next)) {
			n++
		}
		prev = c
	}
	return n
}
