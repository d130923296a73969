package source

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escape makes text from outside (a file name, an OS error, words of a
// page) safe to print on a terminal or in a CI log, and to put on one line
// of a Go comment: every byte of invalid UTF-8 becomes \xNN and every rune
// that is not printable (control characters, line and paragraph
// separators, bidirectional and other format characters, the byte order
// mark) becomes \n, \t, \uNNNN or the like, as in a Go string literal.
// Printable text, backslashes included, is kept as it is, so a line
// cannot be split (no "::error" or "//line" at the start of a line of
// someone's log or of a Go file) and no escape sequence reaches a
// terminal. This is the one place rst2go escapes names for output.
func Escape(s string) string {
	if printable(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError && strconv.IsPrint(r) || r == utf8.RuneError && size == 3 {
			// (A genuine U+FFFD is printable and kept.)
			b.WriteString(s[i : i+size])
		} else {
			q := strconv.QuoteToASCII(s[i : i+size])
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}

// QuotePath is how a path is written in a generated file's "// Source:"
// line: as it is when every character is printable and none is a quote or
// a backslash, else as a Go string literal (strconv.Quote), so the line
// is one "//" comment line whatever the path holds (a newline, "*/",
// "/*line", control bytes, invalid UTF-8) and says unambiguously which
// file it was.
func QuotePath(p string) string {
	if q := strconv.Quote(p); q[1:len(q)-1] != p || p == "" {
		return q
	}
	return p
}

// printable reports whether s is valid UTF-8 with only printable runes.
func printable(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !strconv.IsPrint(r) {
			return false
		}
		i += size
	}
	return true
}
