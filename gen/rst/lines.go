package rst

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// line is one source line, or what is left of it once a block's
// indentation is taken off. num is the 1-based line number; col is the
// 0-based byte offset in the (tab-expanded) physical line where text starts,
// so that any offset into text maps back to file:line:col.
type line struct {
	text string
	num  int
	col  int
}

// splitLines prepares a page for the block parser: a byte order mark is
// dropped, CR LF and lone CR end lines, tabs are expanded to 8-column stops
// (docutils does the same before measuring indentation and tables),
// invalid UTF-8 becomes U+FFFD, NUL bytes become spaces and trailing
// white space goes.
func splitLines(src []byte) []line {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	var lines []line
	num := 0
	for len(src) > 0 {
		num++
		end := bytes.IndexAny(src, "\r\n")
		var raw []byte
		if end < 0 {
			raw, src = src, nil
		} else {
			raw = src[:end]
			if src[end] == '\r' && end+1 < len(src) && src[end+1] == '\n' {
				end++
			}
			src = src[end+1:]
		}
		lines = append(lines, line{text: cleanLine(raw), num: num})
	}
	return lines
}

func cleanLine(raw []byte) string {
	s := string(raw)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", " ")
	}
	if strings.IndexByte(s, '\t') >= 0 {
		s = expandTabs(s)
	}
	return strings.TrimRight(s, " \t\v\f")
}

func expandTabs(s string) string {
	var b strings.Builder
	column := 0
	for _, r := range s {
		if r == '\t' {
			n := 8 - column%8
			b.WriteString(strings.Repeat(" ", n))
			column += n
			continue
		}
		b.WriteRune(r)
		column++
	}
	return b.String()
}

func (l line) blank() bool { return l.text == "" }

// indent is the number of leading spaces.
func (l line) indent() int {
	return len(l.text) - len(strings.TrimLeft(l.text, " "))
}

// cut removes n bytes of indentation (or all of it, if the line has less).
func (l line) cut(n int) line {
	n = min(n, l.indent())
	return line{text: l.text[n:], num: l.num, col: l.col + n}
}

// dedent removes the smallest indentation of the non-blank lines.
func dedent(lines []line) []line {
	least := -1
	for _, l := range lines {
		if !l.blank() && (least < 0 || l.indent() < least) {
			least = l.indent()
		}
	}
	out := make([]line, len(lines))
	for i, l := range lines {
		out[i] = l.cut(max(least, 0))
	}
	return out
}

// indentedBlock returns the lines from lines[start] on that are blank or
// indented by at least one space, without trailing blank lines: the body of
// a directive, list item or block quote.
func indentedBlock(lines []line, start int) []line {
	end := start
	for end < len(lines) && (lines[end].blank() || lines[end].indent() > 0) {
		end++
	}
	for end > start && lines[end-1].blank() {
		end--
	}
	return lines[start:end]
}

func texts(lines []line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.text
	}
	return out
}
