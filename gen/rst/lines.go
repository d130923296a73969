package rst

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/rst2go/rst2go/gen/doc"
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
func splitLines(lines []line, src []byte) []line {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	// Lines are slices of src itself unless they need cleaning: reading a
	// page copies nothing here (Read's caller leaves src unchanged).
	s := unsafe.String(unsafe.SliceData(src), len(src))
	valid := utf8.ValidString(s)
	lines = slices.Grow(lines, strings.Count(s, "\n")+1)
	// IndexAny is slow; most pages have no CR at all.
	hasCR := strings.IndexByte(s, '\r') >= 0
	num := 0
	for len(s) > 0 {
		num++
		var end int
		if hasCR {
			end = strings.IndexAny(s, "\r\n")
		} else {
			end = strings.IndexByte(s, '\n')
		}
		var raw string
		if end < 0 {
			raw, s = s, ""
		} else {
			raw = s[:end]
			if s[end] == '\r' && end+1 < len(s) && s[end+1] == '\n' {
				end++
			}
			s = s[end+1:]
		}
		lines = append(lines, line{text: cleanLine(raw, valid), num: num})
	}
	return lines
}

// cleanLine is one line of splitLines; valid says the whole page is valid
// UTF-8, so that the line need not be checked again.
func cleanLine(s string, valid bool) string {
	if !valid && !utf8.ValidString(s) {
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

func expandTabs(s string) string { return doc.ExpandTabs(s, 8) }

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
	out := make([]line, len(lines))
	copy(out, lines)
	dedentInPlace(out)
	return out
}

// dedentInPlace is dedent on the caller's own lines.
func dedentInPlace(lines []line) {
	least := -1
	for _, l := range lines {
		if !l.blank() && (least < 0 || l.indent() < least) {
			least = l.indent()
		}
	}
	for i, l := range lines {
		lines[i] = l.cut(max(least, 0))
	}
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

// textCache holds the texts of a block's lines, made on first use: the
// table package takes []string, and a page of many tables must not copy
// the rest of the page for each of them. The texts live on the scratch
// stack until the block is parsed (release).
type textCache struct {
	lines []line
	s     *scratch
	mark  int
	texts []string
}

// from returns the texts of lines[i:].
func (c *textCache) from(i int) []string {
	if c.texts == nil {
		c.mark = len(c.s.texts)
		for _, l := range c.lines {
			c.s.texts = append(c.s.texts, l.text)
		}
		c.texts = c.s.texts[c.mark:len(c.s.texts):len(c.s.texts)]
	}
	return c.texts[i:]
}

func (c *textCache) release() {
	if c.texts != nil {
		clear(c.s.texts[c.mark:])
		c.s.texts = c.s.texts[:c.mark]
	}
}
