package resolve

import (
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
)

// Hand-written matchers for the expressions the resolver runs most: on
// ecs/rst the set trigger (setTrigger) and the status code (statusCode)
// were a fifth of the resolver's time in the regexp package's backtracker.
// Each matcher finds exactly what its expression finds, which stays the
// definition: scan_test.go checks the one against the other.
//
// (?i) in Go's expressions folds a letter to every letter of its Unicode
// simple folding orbit: for the ASCII letters that is the other case,
// and also U+017F (ſ) for s and U+212A (Kelvin sign) for k. \s is
// [\t\n\f\r ] and \b an ASCII word boundary (\w is [0-9A-Za-z_]).

// isSpace reports whether c is \s.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// skipSpace returns the end of the run of \s at i (\s*).
func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// foldAt matches word, lower-case ASCII letters, at s[i:] as (?i) does
// and returns the end of the match, or -1.
func foldAt(s string, i int, word string) int {
	for k := 0; k < len(word); k++ {
		c := word[k]
		switch {
		case i < len(s) && s[i]|0x20 == c:
			i++
		case c == 's' && strings.HasPrefix(s[i:], "\u017f"):
			i += len("\u017f")
		case c == 'k' && strings.HasPrefix(s[i:], "\u212a"):
			i += len("\u212a")
		default:
			return -1
		}
	}
	return i
}

// wordsAt matches words separated by \s+ (the expression
// word\s+word\s+...), each as foldAt, and returns the end, or -1.
func wordsAt(s string, i int, words ...string) int {
	for k, w := range words {
		if k > 0 {
			j := skipSpace(s, i)
			if j == i {
				return -1
			}
			i = j
		}
		if i = foldAt(s, i, w); i < 0 {
			return -1
		}
	}
	return i
}

// anyAt matches the first of alternatives (foldAt each, in order, as an
// alternation tries them) at s[i:] and returns the end, or -1.
func anyAt(s string, i int, alternatives ...string) int {
	for _, a := range alternatives {
		if j := foldAt(s, i, a); j >= 0 {
			return j
		}
	}
	return -1
}

// optional is an optional group (?:\s+X)? whose match at i is end (-1:
// none): the end of the group, or i when it does not match. Groups that
// follow it are all optional, so the greedy choice is final.
func optional(i, end int) int {
	if end >= 0 {
		return end
	}
	return i
}

// spaced is \s+X: the end of X matched by match after a run of at least
// one \s at i, or -1.
func spaced(s string, i int, match func(int) int) int {
	j := skipSpace(s, i)
	if j == i {
		return -1
	}
	return match(j)
}

// findStatus finds the leftmost match of statusCode,
// (?i)status\s+code\s*:?\s*(\d{3}), in s from i: its start and end, and
// the code. start is -1 when there is none.
func findStatus(s string, i int) (start, end int, code string) {
	for ; i < len(s); i++ {
		if c := s[i]; c|0x20 != 's' && c != "\u017f"[0] {
			continue
		}
		j := wordsAt(s, i, "status", "code")
		if j < 0 {
			continue
		}
		j = skipSpace(s, j)
		if j < len(s) && s[j] == ':' {
			j++
		}
		j = skipSpace(s, j)
		if j+3 <= len(s) && isDigit(s[j]) && isDigit(s[j+1]) && isDigit(s[j+2]) {
			return i, j + 3, s[j : j+3]
		}
	}
	return -1, -1, ""
}

// statusIn is the status code that text gives ("Status code: 400"), as
// statusCode.FindStringSubmatch(text)[1], or "".
func statusIn(text string) string {
	_, _, code := findStatus(text, 0)
	return code
}

// withoutStatus is text less every match of statusCode
// (statusCode.ReplaceAllString(text, "")).
func withoutStatus(text string) string {
	start, end, _ := findStatus(text, 0)
	if start < 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	from := 0
	for start >= 0 {
		b.WriteString(text[from:start])
		from = end
		start, end, _ = findStatus(text, end)
	}
	b.WriteString(text[from:])
	return b.String()
}

// matchTrigger finds the words that introduce a set in a sentence ("The
// value can be", "Possible values are:", "Options:", ...): the leftmost
// match of setTrigger in m, as setTrigger.FindStringIndex(m) does. Every match starts at the start
// of m (the expression's ^ alternatives) or at a word boundary before a
// letter that starts one of its other alternatives; at a start, the
// alternatives are tried in the expression's order, and its optional
// parts taken whenever they match (greedily, as they are all followed by
// optional parts only, the first match the backtracker finds).
func matchTrigger(m string) []int {
	for i := 0; i < len(m); i++ {
		end := -1
		switch m[i] | 0x20 {
		case 'i', 't', 'p', 'e', 'v', 'o':
			if isBoundary(m, i) {
				end = triggerWordsAt(m, i)
			}
		}
		if end < 0 && i == 0 {
			end = triggerStartAt(m)
		}
		if end >= 0 {
			return []int{i, triggerTail(m, end)}
		}
	}
	return nil
}

// triggerWordsAt matches setTrigger's alternatives that start at a word
// boundary, in order, at m[i:] and returns the end, or -1.
func triggerWordsAt(m string, i int) int {
	// \b(?:its|the|this|parameter)\s+(?:value|values)\s+
	// (?:of\s+this\s+(?:parameter|field)\s+)?(?:can|must|may|should)\s+
	// (?:only\s+)?be(?:\s+set\s+to)?(?:\s+one\s+of(?:\s+the\s+following)?)?
	if j := anyAt(m, i, "its", "the", "this", "parameter"); j >= 0 {
		if j = spaced(m, j, func(k int) int { return valueWordAt(m, k) }); j >= 0 {
			if k := skipSpace(m, j); k > j {
				j = k
				if of := wordsAt(m, j, "of", "this"); of >= 0 {
					if of = spaced(m, of, func(k int) int { return anyAt(m, k, "parameter", "field") }); of >= 0 {
						if k := skipSpace(m, of); k > of {
							j = k
						}
					}
				}
				if j = anyAt(m, j, "can", "must", "may", "should"); j >= 0 {
					if k := skipSpace(m, j); k > j {
						j = k
						if only := foldAt(m, j, "only"); only >= 0 {
							if k := skipSpace(m, only); k > only && foldAt(m, k, "be") >= 0 {
								j = k
							}
						}
						if j = foldAt(m, j, "be"); j >= 0 {
							j = optional(j, spaced(m, j, func(k int) int { return wordsAt(m, k, "set", "to") }))
							one := spaced(m, j, func(k int) int { return wordsAt(m, k, "one", "of") })
							if one >= 0 {
								one = optional(one, spaced(m, one, func(k int) int { return wordsAt(m, k, "the", "following") }))
							}
							return optional(j, one)
						}
					}
				}
			}
		}
	}
	// \bpossible\s+values\s+(?:are|include)(?:\s+as\s+follows)?
	if j := wordsAt(m, i, "possible", "values"); j >= 0 {
		if j = spaced(m, j, func(k int) int { return anyAt(m, k, "are", "include") }); j >= 0 {
			return optional(j, spaced(m, j, func(k int) int { return wordsAt(m, k, "as", "follows") }))
		}
	}
	// \benumerat(?:ed|ion)\s+values?\s*(?:are|include)?
	if j := foldAt(m, i, "enumerat"); j >= 0 {
		if j = anyAt(m, j, "ed", "ion"); j >= 0 {
			if j = spaced(m, j, func(k int) int { return foldAt(m, k, "value") }); j >= 0 {
				j = optional(j, foldAt(m, j, "s"))
				j = skipSpace(m, j)
				return optional(j, anyAt(m, j, "are", "include"))
			}
		}
	}
	// \bvalid\s+values\s+(?:are|include)
	if j := wordsAt(m, i, "valid", "values"); j >= 0 {
		if j = spaced(m, j, func(k int) int { return anyAt(m, k, "are", "include") }); j >= 0 {
			return j
		}
	}
	// \boptions?\s+(?:are|include)
	if j := foldAt(m, i, "option"); j >= 0 {
		j = optional(j, foldAt(m, j, "s"))
		if j = spaced(m, j, func(k int) int { return anyAt(m, k, "are", "include") }); j >= 0 {
			return j
		}
	}
	// \bthe\s+following\s+values\s+are\s+(?:supported|available|allowed)
	if j := wordsAt(m, i, "the", "following", "values", "are"); j >= 0 {
		if j = spaced(m, j, func(k int) int { return anyAt(m, k, "supported", "available", "allowed") }); j >= 0 {
			return j
		}
	}
	return -1
}

// valueWordAt matches (?:value|values) at m[i:] where \s+ must follow:
// "value" when a space follows it, else "values" (the alternation's
// second try), and returns the end, or -1.
func valueWordAt(m string, i int) int {
	j := foldAt(m, i, "value")
	if j < 0 || j < len(m) && isSpace(m[j]) {
		return j
	}
	return foldAt(m, j, "s")
}

// triggerStartAt matches setTrigger's alternatives anchored at the start
// of m (^\s*options|^\s*value\s+range|^\s*range|^\s*values) and returns
// the end, or -1.
func triggerStartAt(m string) int {
	i := skipSpace(m, 0)
	if j := foldAt(m, i, "options"); j >= 0 {
		return j
	}
	if j := wordsAt(m, i, "value", "range"); j >= 0 {
		return j
	}
	if j := foldAt(m, i, "range"); j >= 0 {
		return j
	}
	return foldAt(m, i, "values")
}

// triggerTail matches what follows every alternative of setTrigger,
// (?:\s+as\s+follows)?\s*(?::|：)?\s*, at m[i:] and returns the end.
func triggerTail(m string, i int) int {
	i = optional(i, spaced(m, i, func(k int) int { return wordsAt(m, k, "as", "follows") }))
	i = skipSpace(m, i)
	if strings.HasPrefix(m[i:], ":") {
		i++
	} else if strings.HasPrefix(m[i:], "：") {
		i += len("：")
	}
	return skipSpace(m, i)
}

// isBoundary reports whether \b holds at i in s: a word byte on one side
// and not on the other (outside s counts as not a word byte). Bytes of
// other characters than ASCII are not word bytes, as in Go's \b.
func isBoundary(s string, i int) bool {
	before := i > 0 && isWordByte(s[i-1])
	after := i < len(s) && isWordByte(s[i])
	return before != after
}

// boundedWordsAt is wordsAt with \b before and after the words
// (\bword\s+word\b), and returns the end, or -1.
func boundedWordsAt(s string, i int, words ...string) int {
	if !isBoundary(s, i) {
		return -1
	}
	j := wordsAt(s, i, words...)
	if j < 0 || !isBoundary(s, j) {
		return -1
	}
	return j
}

// hasOpenWords reports whether s holds one of the words that mark a list
// of examples, as openWords.MatchString(s) does:
// (?i)\bsuch\s+as\b|\bfor\s+example\b|\bfor\s+instance\b|\be\.\s?g\.|
// \bincluding\b|\betc\b|\.\.\.|…|\bincludes?\b\s*(?::|but)|
// \band\s+so\s+on\b|\bamong\s+others\b.
func hasOpenWords(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] | 0x20 {
		case 's', "\u017f"[0] | 0x20:
			if boundedWordsAt(s, i, "such", "as") >= 0 {
				return true
			}
		case 'f':
			if boundedWordsAt(s, i, "for", "example") >= 0 || boundedWordsAt(s, i, "for", "instance") >= 0 {
				return true
			}
		case 'e':
			if isBoundary(s, i) {
				// e\.\s?g\.
				if j := foldAt(s, i, "e"); j < len(s) && s[j] == '.' {
					j++
					if j < len(s) && isSpace(s[j]) && foldAt(s, j+1, "g") >= 0 {
						j++
					}
					if j = foldAt(s, j, "g"); j >= 0 && j < len(s) && s[j] == '.' {
						return true
					}
				}
			}
			if boundedWordsAt(s, i, "etc") >= 0 {
				return true
			}
		case 'i':
			if boundedWordsAt(s, i, "including") >= 0 || includesAt(s, i) {
				return true
			}
		case 'a':
			if boundedWordsAt(s, i, "and", "so", "on") >= 0 || boundedWordsAt(s, i, "among", "others") >= 0 {
				return true
			}
		case '.' | 0x20:
			if strings.HasPrefix(s[i:], "...") {
				return true
			}
		case "…"[0] | 0x20:
			if strings.HasPrefix(s[i:], "…") {
				return true
			}
		}
	}
	return false
}

// includesAt matches \bincludes?\b\s*(?::|but) at s[i:]: with the s
// first, then without it.
func includesAt(s string, i int) bool {
	j := boundedWordsAt(s, i, "include")
	k := -1
	if j0 := wordsAt(s, i, "includes"); j0 >= 0 && isBoundary(s, i) && isBoundary(s, j0) {
		k = j0
	}
	for _, end := range []int{k, j} {
		if end < 0 {
			continue
		}
		end = skipSpace(s, end)
		if strings.HasPrefix(s[end:], ":") || foldAt(s, end, "but") >= 0 {
			return true
		}
	}
	return false
}

// splitItems splits the items of a sentence's list as
// itemSplit.Split(s, -1) does, at each leftmost match, left to right, of
// \s*,\s*(?:and|or)\s+|\s*,\s*|\s+(?:and|or)\s+ (case matters).
func splitItems(s string) []string {
	if s == "" {
		return []string{""}
	}
	var out []string
	beg := 0
	for i := 0; i < len(s); i++ {
		end := itemSepAt(s, i)
		if end < 0 {
			continue
		}
		out = append(out, s[beg:i])
		beg = end
		i = end - 1
	}
	return append(out, s[beg:])
}

// itemSepAt matches itemSplit's alternatives, in order, at s[i:] and
// returns the end, or -1.
func itemSepAt(s string, i int) int {
	if c := s[i]; c != ',' && !isSpace(c) {
		return -1
	}
	if j := skipSpace(s, i); j < len(s) && s[j] == ',' {
		j = skipSpace(s, j+1)
		// \s*,\s*(?:and|or)\s+, else \s*,\s*
		if k := andOrAt(s, j); k >= 0 {
			if l := skipSpace(s, k); l > k {
				return l
			}
		}
		return j
	}
	// \s+(?:and|or)\s+
	if j := skipSpace(s, i); j > i {
		if k := andOrAt(s, j); k >= 0 {
			if l := skipSpace(s, k); l > k {
				return l
			}
		}
	}
	return -1
}

// andOrAt matches (?:and|or), in lower case, at s[i:] and returns the
// end, or -1.
func andOrAt(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "and"):
		return i + 3
	case strings.HasPrefix(s[i:], "or"):
		return i + 2
	}
	return -1
}

// isPlainValue reports whether s is one word of value characters, as
// plainValue, ^[A-Za-z0-9_.:/*+-]+$, matches.
func isPlainValue(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isWordByte(c) && !strings.ContainsRune(".:/*+-", rune(c)) {
			return false
		}
	}
	return true
}

// digitsAt returns the end of the run of ASCII digits at s[i:] (\d*).
func digitsAt(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// intAt matches -?\d+ at s[i:] and returns the end, or -1.
func intAt(s string, i int) int {
	if i < len(s) && s[i] == '-' {
		i++
	}
	j := digitsAt(s, i)
	if j == i {
		return -1
	}
	return j
}

// isIntText reports whether s is an integer as intValue, ^-?\d+$, matches.
func isIntText(s string) bool {
	return intAt(s, 0) == len(s)
}

// isNumberRange reports whether s is a range of integers as numberRange,
// ^-?\d+\s*(?:-|~|to)\s*-?\d+$, matches.
func isNumberRange(s string) bool {
	j := intAt(s, 0)
	if j < 0 {
		return false
	}
	j = skipSpace(s, j)
	switch {
	case strings.HasPrefix(s[j:], "-"), strings.HasPrefix(s[j:], "~"):
		j++
	case strings.HasPrefix(s[j:], "to"):
		j += 2
	default:
		return false
	}
	return intAt(s, skipSpace(s, j)) == len(s)
}

// plainItemAt reads a list item written without markup, "ACTIVE: text",
// as plainItem, ^\s*([A-Za-z0-9_.-]+)\s*[:：]\s*, does: the value and the
// end of the match, or end -1.
func plainItemAt(s string) (value string, end int) {
	i := skipSpace(s, 0)
	j := i
	for j < len(s) && (isWordByte(s[j]) || s[j] == '.' || s[j] == '-') {
		j++
	}
	if j == i {
		return "", -1
	}
	k := skipSpace(s, j)
	switch {
	case strings.HasPrefix(s[k:], ":"):
		k++
	case strings.HasPrefix(s[k:], "："):
		k += len("：")
	default:
		return "", -1
	}
	return s[i:j], skipSpace(s, k)
}

// seeTableNumber finds "table N" as seeTableN,
// (?i)\btable\s+(\d+(?:[-‐–.]\d+)?)\b, does: the number of the leftmost
// match, or "".
func seeTableNumber(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i]|0x20 != 't' || !isBoundary(s, i) {
			continue
		}
		j := foldAt(s, i, "table")
		if j < 0 || skipSpace(s, j) == j {
			continue
		}
		j = skipSpace(s, j)
		// \d+ must be all of the digits for \b to hold after it.
		end := digitsAt(s, j)
		if end == j {
			continue
		}
		// (?:[-‐–.]\d+)? then \b; without the group, \b after \d+.
		for _, sep := range []string{"-", "‐", "–", "."} {
			if strings.HasPrefix(s[end:], sep) {
				k := end + len(sep)
				if l := digitsAt(s, k); l > k && isBoundary(s, l) {
					return s[j:l]
				}
				break
			}
		}
		if isBoundary(s, end) {
			return s[j:end]
		}
	}
	return ""
}

// blocksAny reports whether pred holds for one of the parts of
// doc.BlocksText(blocks): a paragraph's text (its inlines' texts joined,
// white space not yet folded) or a code block's, at any depth of lists
// and notes. For a predicate about runs of characters without white space
// ("3339", "table" in any case) that is whether it holds for
// doc.BlocksText(blocks), which folds white space within a paragraph and
// joins the parts with blank lines, but costs a string per paragraph and
// list item: most descriptions fail such a test, and need none.
func blocksAny(blocks []*doc.Block, pred func([]byte) bool) bool {
	var buf []byte
	var walk func([]*doc.Block) bool
	walk = func(blocks []*doc.Block) bool {
		for _, b := range blocks {
			switch b.Kind {
			case doc.Paragraph:
				buf = buf[:0]
				for _, in := range b.Inlines {
					buf = append(buf, in.Text...)
				}
				if pred(buf) {
					return true
				}
			case doc.Code:
				if pred(append(buf[:0], b.Text...)) {
					return true
				}
			case doc.List:
				for _, item := range b.Items {
					if walk(item) {
						return true
					}
				}
			case doc.Note:
				if walk(b.Blocks) {
					return true
				}
			}
		}
		return false
	}
	return walk(blocks)
}
