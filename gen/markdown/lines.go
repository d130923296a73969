package markdown

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/source"
)

// clean prepares a page for goldmark the way the RST reader prepares its
// lines: a byte order mark is dropped, CR LF and lone CR end lines,
// invalid UTF-8 becomes U+FFFD and NUL bytes become spaces. Line numbers
// do not change, so positions in the cleaned text are positions in the
// file; columns count bytes of the cleaned line. Tabs stay: Markdown
// measures indentation with them.
func clean(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if utf8.Valid(src) && bytes.IndexByte(src, '\r') < 0 && bytes.IndexByte(src, 0) < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			i++
			if i < len(src) && src[i] == '\n' {
				i++
			}
		case c == 0:
			out = append(out, ' ')
			i++
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, src[i:i+size]...)
			}
			i += size
		}
	}
	return out
}

// positions turns byte offsets of the cleaned text into file positions.
type positions struct {
	file   string
	starts []int // offset where each line starts
	size   int
}

func newPositions(file string, src []byte) *positions {
	p := &positions{file: file, starts: []int{0}, size: len(src)}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			p.starts = append(p.starts, i+1)
		}
	}
	return p
}

// at returns the position of offset off; a negative offset (goldmark's
// "no position") gives a position that names only the file.
func (p *positions) at(off int) source.Pos {
	if off < 0 {
		return source.Pos{File: p.file}
	}
	off = min(off, p.size)
	i := sort.SearchInts(p.starts, off+1) - 1
	i = max(i, 0)
	return source.Pos{File: p.file, Line: i + 1, Col: off - p.starts[i] + 1}
}
