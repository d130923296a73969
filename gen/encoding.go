package gen

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/source"
)

// checkEncoding warns when a page is not UTF-8, naming what it most likely
// is: the readers take every page as UTF-8 (bad bytes become U+FFFD, NUL a
// space), so a UTF-16 page reads as noise and a Latin-1 one loses its
// accented letters, and the warning says why.
func checkEncoding(path string, data []byte) (source.Diagnostic, bool) {
	at := source.Pos{File: path, Line: 1, Col: 1}
	warn := func(format string, args ...any) (source.Diagnostic, bool) {
		return source.Diagnostic{Pos: at, Severity: source.Warning, Code: "encoding", Message: fmt.Sprintf(format, args...)}, true
	}
	convert := "; convert it to UTF-8 (iconv -f %s -t UTF-8)"
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}):
		return warn("the page is UTF-32 (little-endian, byte order mark), not UTF-8"+convert, "UTF-32")
	case bytes.HasPrefix(data, []byte{0, 0, 0xfe, 0xff}):
		return warn("the page is UTF-32 (big-endian, byte order mark), not UTF-8"+convert, "UTF-32")
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return warn("the page is UTF-16 (little-endian, byte order mark), not UTF-8"+convert, "UTF-16")
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return warn("the page is UTF-16 (big-endian, byte order mark), not UTF-8"+convert, "UTF-16")
	}
	// UTF-16 without a byte order mark: ASCII text has a NUL in every
	// other byte.
	head := data[:min(len(data), 1024)&^1]
	if len(head) >= 8 {
		var even, odd int
		for i := 0; i < len(head); i += 2 {
			if head[i] == 0 {
				even++
			}
			if head[i+1] == 0 {
				odd++
			}
		}
		pairs := len(head) / 2
		switch {
		case odd*10 >= pairs*4 && even*10 < pairs:
			return warn("the page looks like UTF-16 (little-endian, no byte order mark), not UTF-8"+convert, "UTF-16LE")
		case even*10 >= pairs*4 && odd*10 < pairs:
			return warn("the page looks like UTF-16 (big-endian, no byte order mark), not UTF-8"+convert, "UTF-16BE")
		}
	}
	if utf8.Valid(data) {
		return source.Diagnostic{}, false
	}
	bad, line, col := 0, 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if bad == 0 {
				at.Line, at.Col = line, col
			}
			bad++
		}
		if data[i] == '\n' {
			line, col = line+1, 0
		}
		col += size
		i += size
	}
	return warn("the page is not UTF-8: %d invalid byte(s), the first here; an 8-bit encoding such as Latin-1 or Windows-1252? they are read as U+FFFD"+convert, bad, "LATIN1")
}
