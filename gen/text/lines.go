package text

import (
	"regexp"
	"strings"
	"sync"

	"github.com/rst2go/rst2go/gen/source"
)

// This file turns bytes into lines, lines into blocks (runs of non-blank
// lines) and blocks into a tree: a list item owns the blocks indented
// under it, which is all the structure a copied page keeps.

// line is one source line after cleaning.
type line struct {
	num    int    // 1-based line number
	text   string // the cleaned line, trailing white space removed
	start  int    // byte offset in text of the first character that is not white space
	indent int    // display width of the white space before start
}

// body is the line without its indentation.
func (l line) body() string { return l.text[l.start:] }

func (l line) blank() bool { return l.start >= len(l.text) }

// splitLines cleans a page into lines: a byte order mark goes, CR LF, LF
// and lone CR end lines, invalid UTF-8 becomes U+FFFD, NUL and other
// control characters and no-break spaces become spaces, zero-width
// characters go, and trailing white space is trimmed. Columns count bytes
// of the cleaned line, which are the input's bytes wherever the line needed
// no cleaning.
func splitLines(src []byte) []line {
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		src = src[3:]
	}
	// One string for the whole page: clean lines are slices of it.
	text := string(src)
	lines := make([]line, 0, strings.Count(text, "\n")+1)
	for num := 1; len(text) > 0; num++ {
		end := strings.IndexAny(text, "\r\n")
		var raw string
		switch {
		case end < 0:
			raw, text = text, ""
		case text[end] == '\r' && end+1 < len(text) && text[end+1] == '\n':
			raw, text = text[:end], text[end+2:]
		default:
			raw, text = text[:end], text[end+1:]
		}
		lines = append(lines, newLine(num, cleanLine(raw)))
	}
	return lines
}

func newLine(num int, text string) line {
	l := line{num: num, text: text}
	for l.start < len(text) {
		switch text[l.start] {
		case ' ':
			l.indent++
		case '\t':
			l.indent += tabWidth - l.indent%tabWidth
		default:
			return l
		}
		l.start++
	}
	return l
}

// tabWidth is the tab stop used to measure indentation. Browsers copy
// indentation as spaces; a tab is rare and its width a guess.
const tabWidth = 4

func cleanLine(raw string) string {
	clean := true
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c < 0x20 && c != '\t' || c >= 0x7F {
			clean = false
			break
		}
	}
	if clean {
		return strings.TrimRight(raw, " \t")
	}
	var b strings.Builder
	b.Grow(len(raw))
	for _, r := range raw { // an invalid byte reads as U+FFFD, which stays
		switch {
		case r == '\t':
			b.WriteByte('\t')
		case r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0:
			b.WriteByte(' ')
		case r == '\u00A0' || r == '\u2007' || r == '\u202F' || r == '\u3000' || r >= '\u2000' && r <= '\u200A':
			b.WriteByte(' ')
		case r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u200E' || r == '\u200F' || r == '\u2060' || r == '\uFEFF':
			// zero-width: nothing to see, nothing to keep
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimRight(b.String(), " \t")
}

// block is a run of non-blank lines, a paragraph as the page shows it. A
// bullet starts a block of its own; so does a line indented less than the
// block's first line, and a line opening JSON under one that does not.
type block struct {
	lines  []line
	indent int
	// marker is the bullet ("•", "-", "1.") of a list item, "" for a
	// paragraph. The first line's start is moved past the marker, so that
	// the item's text reads like a paragraph.
	marker  string
	ordered bool
	// kids are the blocks indented under a list item: its content.
	kids []*block
}

// text is the block's text: its lines without indentation, joined by
// newlines.
func (b *block) text() string {
	if len(b.lines) == 1 {
		return b.lines[0].body()
	}
	var s strings.Builder
	for i, l := range b.lines {
		if i > 0 {
			s.WriteByte('\n')
		}
		s.WriteString(l.body())
	}
	return s.String()
}

// folded is the block's text with white space folded: how a browser
// shows it.
func (b *block) folded() string {
	if b.single() {
		if s := b.lines[0].body(); !strings.Contains(s, "  ") && !strings.Contains(s, "\t") {
			return s
		}
	}
	return strings.Join(strings.Fields(b.text()), " ")
}

func (b *block) single() bool { return len(b.lines) == 1 }

func (b *block) pos(file string) source.Pos {
	l := b.lines[0]
	return source.Pos{File: file, Line: l.num, Col: l.start + 1}
}

var (
	// bulletLine is a list item: a bullet character and text, or a
	// number with "." or ")" and text (see bulletAt).
	bulletLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:([•◦▪▫■□●○‣⁃∙–*-])|(\d{1,3}[.)]))[ \t]+\S`)
	})
)

// splitBlocks groups lines into blocks. A block's lines are a slice of
// lines, whose bullet lines it changes in place.
func splitBlocks(lines []line) []*block {
	var blocks []*block
	var cur *block
	first := 0 // index in lines of cur's first line
	for i := range lines {
		l := &lines[i]
		if l.blank() {
			cur = nil
			continue
		}
		m := bulletAt(l.body(), l.indent)
		// A line opening JSON right under a paragraph ("Normal response")
		// starts the code block the copy lost a blank line before.
		code := cur != nil && opensJSON(l.body()) && !opensJSON(cur.lines[0].body()) && cur.lines[0].body()[0] != '{' && cur.lines[0].body()[0] != '['
		if cur == nil || m != nil || l.indent < cur.indent || code {
			cur = &block{indent: l.indent}
			blocks = append(blocks, cur)
			first = i
			if m != nil {
				body := l.body()
				if m[2] >= 0 {
					cur.marker = body[m[2]:m[3]]
				} else {
					cur.marker, cur.ordered = body[m[4]:m[5]], true
				}
				// Move the start past the marker and the space after it.
				k := len(cur.marker)
				for k < len(body) && (body[k] == ' ' || body[k] == '\t') {
					k++
				}
				l.start += k
			}
		}
		cur.lines = lines[first : i+1]
	}
	return blocks
}

// bulletAt matches bulletLine, looking at the first byte first: most
// lines cannot start a list item. An ASCII marker ("- ", "* ", "1. ")
// counts only on an indented line, as a copy indents its lists: at the
// margin it is text ("* is a reserved character").
func bulletAt(s string, indent int) []int {
	if s == "" || strings.IndexByte("-*0123456789\xe2", s[0]) < 0 || indent == 0 && s[0] != 0xe2 {
		return nil
	}
	return bulletLine().FindStringSubmatchIndex(s)
}

// maxDepth bounds the nesting of list items, so that hostile input cannot
// make the reader recurse without end: deeper items are read as items
// without content of their own.
const maxDepth = 32

// buildTree gives each list item the blocks indented deeper than its
// bullet, up to the next block that is not. It returns the top level.
func buildTree(blocks []*block) []*block {
	var roots []*block
	var open []*block // list items whose content may go on
	for _, b := range blocks {
		for len(open) > 0 && open[len(open)-1].indent >= b.indent {
			open = open[:len(open)-1]
		}
		if len(open) > 0 {
			top := open[len(open)-1]
			top.kids = append(top.kids, b)
		} else {
			roots = append(roots, b)
		}
		if b.marker != "" && len(open) < maxDepth {
			open = append(open, b)
		}
	}
	return roots
}
