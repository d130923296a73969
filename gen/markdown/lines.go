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

// Two shapes of text make goldmark take time quadratic in a block (the
// text between blank lines), and both are bounded here, keeping every
// offset where it is (a byte becomes a space), with a warning:
//
//   - a "](" with no ")" after it: goldmark scans from each one to the end
//     of the block for the ")" ("[a](" 100,000 times took a minute). A
//     block with more than maxOpenLinks of them has their "(" read as a
//     space.
//   - a "]" in a block of many lines: goldmark gathers each link label
//     through every line of the block ("[a]" on 40,000 lines: 3.5 s). A
//     block whose lines times "]"s pass maxLabelWork has its "]" read as
//     a space.
//
// Real pages close their links and keep paragraphs short; neither bound
// touches the corpus.
const (
	maxOpenLinks = 64
	maxLabelWork = 1 << 22
)

// boundLinks returns src, or a copy with the bounds above applied, and
// the offset of the first byte changed (-1 if none).
func boundLinks(src []byte) ([]byte, int) {
	if bytes.Count(src, []byte("](")) <= maxOpenLinks && bytes.Count(src, []byte("]"))*bytes.Count(src, []byte("\n")) <= maxLabelWork {
		return src, -1
	}
	out, first := src, -1
	change := func(at int) {
		if first < 0 {
			out = bytes.Clone(src)
			first = at
		}
		out[at] = ' '
	}
	for start := 0; start < len(src); {
		end := bytes.Index(src[start:], []byte("\n\n"))
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		block := src[start:end]
		if closers := bytes.Count(block, []byte("]")); closers*(bytes.Count(block, []byte("\n"))+1) > maxLabelWork {
			for i, c := range block {
				if c == ']' {
					change(start + i)
				}
			}
			start = end + 2
			continue
		}
		var open []int
		for i := 0; i < len(block); {
			j := bytes.Index(block[i:], []byte("]("))
			if j < 0 {
				break
			}
			at := i + j + 1 // the "("
			next := bytes.Index(block[at:], []byte("]("))
			if next < 0 {
				next = len(block) - at
			}
			if bytes.IndexByte(block[at:at+next], ')') < 0 {
				open = append(open, start+at)
			}
			i = at
		}
		if len(open) > maxOpenLinks {
			for _, at := range open {
				change(at)
			}
		}
		start = end + 2
	}
	return out, first
}

// boundNesting keeps the container markers that open a line ("> ", "- ",
// "1. ", ...) to maxDepth+1, so that goldmark, which takes time quadratic
// in the markers of one line ("- " 20,000 times: 4 s; ">" 40,000 times:
// 2 s), never sees more; the reader does not follow nesting deeper than
// maxDepth anyway (a "nesting" warning says so). Markers beyond become
// spaces, so no offset moves. It returns src, or a changed copy and the
// offset of the first line changed (-1 if none).
func boundNesting(src []byte) ([]byte, int) {
	out, first := src, -1
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		if len(line) > 2*maxDepth {
			depth := 0
			for i := 0; i < len(line); {
				n := containerMarker(line[i:])
				if n == 0 {
					if line[i] == ' ' || line[i] == '\t' {
						i++
						continue
					}
					break
				}
				depth++
				if depth > maxDepth+1 {
					if first < 0 {
						out = bytes.Clone(src)
						first = start
					}
					for k := range n {
						out[start+i+k] = ' '
					}
				}
				i += n
			}
		}
		start = end + 1
	}
	return out, first
}

// containerMarker is the length of the block quote or list marker that
// line starts with (without the space after a list marker), or 0.
func containerMarker(line []byte) int {
	if len(line) == 0 {
		return 0
	}
	switch c := line[0]; {
	case c == '>':
		return 1
	case c == '-' || c == '*' || c == '+':
		if len(line) > 1 && (line[1] == ' ' || line[1] == '\t') {
			return 1
		}
	case c >= '0' && c <= '9':
		i := 0
		for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		if i+1 < len(line) && (line[i] == '.' || line[i] == ')') && (line[i+1] == ' ' || line[i+1] == '\t') {
			return i + 1
		}
	}
	return 0
}
