package resolve

import "strings"

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

// boundaryBefore reports whether \b holds at i, given that s[i] is a word
// byte (isWordByte is \w).
func boundaryBefore(s string, i int) bool {
	return i == 0 || !isWordByte(s[i-1])
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
// statusCode().FindStringSubmatch(text)[1], or "".
func statusIn(text string) string {
	_, _, code := findStatus(text, 0)
	return code
}

// withoutStatus is text less every match of statusCode
// (statusCode().ReplaceAllString(text, "")).
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

// matchTrigger finds the leftmost match of setTrigger in m, as
// setTrigger().FindStringIndex(m) does. Every match starts at the start
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
			if boundaryBefore(m, i) {
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
