package table

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// tabWidth is docutils' default tab_width: string2lines expands every tab
// of the input to the next multiple of 8 before any parsing happens.
const tabWidth = 8

// A srcLine is one input line prepared for column arithmetic, the way
// docutils prepares its input: tabs expanded (statemachine.string2lines),
// trailing white space removed (same place), and East Asian wide
// characters occupying two columns (StringList.pad_double_width).
//
// Columns are display columns counted from the start of the line. Where
// docutils inserts a pad character after a wide character, a srcLine has a
// "pad column" that holds no bytes; it behaves like docutils' pad: it is
// not white space and never a border character. Combining marks take no
// column: they belong to the column of the character before them.
type srcLine struct {
	text   string   // the line with tabs expanded and trailing white space removed
	width  int      // display width of text
	indent int      // leading spaces of text
	m      *lineMap // nil for the common case: ASCII without tabs
}

// lineMap holds what an ASCII line without tabs does not need.
type lineMap struct {
	// starts[c] is the byte in text where column c begins; starts[width]
	// is len(text). A pad column begins where the next column begins, so
	// it is empty. nil when text is ASCII: column c is byte c.
	starts []int32
	// srcOff[i] is the byte in the caller's line that produced byte i of
	// text; srcOff[len(text)] is where text ends in the caller's line.
	// nil when text is a prefix of the caller's line.
	srcOff []int32
}

// prepareLine prepares one line, without allocating when the line is
// ASCII without tabs (nearly every line of real tables).
func prepareLine(s string) srcLine {
	if !plainASCII(s) {
		return prepareSlow(s)
	}
	end := len(s)
	for end > 0 && isASCIISpace(s[end-1]) {
		end--
	}
	text := s[:end]
	return srcLine{text: text, width: len(text), indent: leadingSpaces(text)}
}

// plainASCII reports whether s is ASCII without tabs, vertical tabs and
// form feeds. Every line of every table is checked, so it looks at eight
// bytes at a time: a word with no byte of 0x80 or more and none below
// 0x0d (that covers \t, \v and \f) needs no closer look.
func plainASCII(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// w&highs: a byte of 0x80 or more; (w-13*ones)&^w&highs: a byte
		// below 13 (exact when no byte has its high bit set).
		if w&highs != 0 || (w-13*ones)&^w&highs != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '\t' || c == '\v' || c == '\f' {
			return false
		}
	}
	return true
}

// prepareSlow prepares a line holding tabs, vertical tabs, form feeds or
// non-ASCII text.
func prepareSlow(s string) srcLine {
	text := s
	var srcOff []int32
	if hasTabLike(s) {
		// Python's str.expandtabs, which docutils uses, counts code
		// points, not display columns, when it looks for the next stop;
		// docutils also turns \v and \f into spaces.
		buf := make([]byte, 0, len(s)+tabWidth)
		srcOff = make([]int32, 0, len(s)+tabWidth+1)
		codePoints := 0
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '\t':
				n := tabWidth - codePoints%tabWidth
				for range n {
					buf = append(buf, ' ')
					srcOff = append(srcOff, int32(i))
				}
				codePoints += n
			case '\v', '\f':
				buf = append(buf, ' ')
				srcOff = append(srcOff, int32(i))
				codePoints++
			default:
				buf = append(buf, s[i:i+size]...)
				for k := range size {
					srcOff = append(srcOff, int32(i+k))
				}
				codePoints++
			}
			i += size
		}
		srcOff = append(srcOff, int32(len(s)))
		text = string(buf)
	}

	end := len(text)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if !isSpace(r) {
			break
		}
		end -= size
	}
	text = text[:end]
	if srcOff != nil {
		srcOff = srcOff[:end+1]
	}

	l := srcLine{text: text, width: len(text), indent: leadingSpaces(text)}
	var starts []int32
	if !isASCII(text) {
		starts = make([]int32, 0, len(text)+1)
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			combining, wide := false, false
			if r >= utf8.RuneSelf && size > 1 { // an invalid byte is one narrow column
				combining = isCombining(text[i : i+size])
				wide = isWide(r)
			}
			if !combining {
				starts = append(starts, int32(i))
			}
			if wide {
				// docutils pads even a wide combining character, so
				// such a character is one column wide.
				starts = append(starts, -1)
			}
			i += size
		}
		l.width = len(starts)
		starts = append(starts, int32(len(text)))
		for c := l.width - 1; c >= 0; c-- {
			if starts[c] < 0 {
				starts[c] = starts[c+1]
			}
		}
		if l.width > 0 {
			// Combining marks before the first character have nothing to
			// attach to; let the first column hold them.
			starts[0] = 0
		}
	}
	if starts != nil || srcOff != nil {
		l.m = &lineMap{starts: starts, srcOff: srcOff}
	}
	return l
}

// at returns the byte at column c when it is an ASCII character: the
// characters tables are drawn with are all ASCII. Outside the line it
// returns a space; for a pad column 0; for any other non-ASCII character
// utf8.RuneSelf. None of those draws a table.
func (l *srcLine) at(c int) byte {
	if c < 0 || c >= l.width {
		return ' '
	}
	if l.m == nil || l.m.starts == nil {
		return l.text[c]
	}
	b := l.m.starts[c]
	if b == l.m.starts[c+1] {
		return 0
	}
	if ch := l.text[b]; ch < utf8.RuneSelf {
		return ch
	}
	return utf8.RuneSelf
}

// isPad reports whether column c is the second half of a wide character.
func (l *srcLine) isPad(c int) bool {
	return l.m != nil && l.m.starts != nil && c >= 0 && c < l.width && l.m.starts[c] == l.m.starts[c+1]
}

// textOff returns the byte in text where column c begins.
func (l *srcLine) textOff(c int) int {
	if c <= 0 {
		return 0
	}
	if c >= l.width {
		return len(l.text)
	}
	if l.m == nil || l.m.starts == nil {
		return c
	}
	return int(l.m.starts[c])
}

// srcCol returns the byte in the caller's line where column c begins.
// Past the end of the text it counts on as if the line went on with
// spaces, so that empty cell lines still get a sensible place.
func (l *srcLine) srcCol(c int) int {
	if c < 0 {
		c = 0
	}
	extra := 0
	if c > l.width {
		extra = c - l.width
	}
	off := l.textOff(c)
	if l.m != nil && l.m.srcOff != nil {
		off = int(l.m.srcOff[off])
	}
	return off + extra
}

// colIsSpace reports whether column c holds white space only.
func (l *srcLine) colIsSpace(c int) bool {
	if l.m == nil || l.m.starts == nil {
		return isASCIISpace(l.text[c])
	}
	a, b := int(l.m.starts[c]), int(l.m.starts[c+1])
	if a == b {
		return false // a pad is text, as docutils' pad character is
	}
	for _, r := range l.text[a:b] {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// cut returns the text of columns [a, b) with trailing white space
// removed, as docutils' StringList.get_2D_block does (less its removal of
// common indentation, which is the caller's). A wide character belongs to
// the slice that holds its first column; a trailing wide space is kept
// when its pad column is inside the slice, because docutils strips before
// it removes pads.
func (l *srcLine) cut(a, b int) string {
	a = max(a, 0)
	b = min(b, l.width)
	if a >= b {
		return ""
	}
	if l.m == nil || l.m.starts == nil {
		for b > a && isASCIISpace(l.text[b-1]) {
			b--
		}
		return l.text[a:b]
	}
	c := b - 1
	for c >= a && !l.isPad(c) && l.colIsSpace(c) {
		c--
	}
	return l.text[l.m.starts[a]:l.m.starts[c+1]]
}

// firstText returns the first column in [a, b) that is not white space,
// or -1. A pad column counts as text.
func (l *srcLine) firstText(a, b int) int {
	a = max(a, 0)
	b = min(b, l.width)
	for c := a; c < b; c++ {
		if !l.colIsSpace(c) {
			return c
		}
	}
	return -1
}

// blank reports whether columns [a, b) hold white space only, the test
// docutils writes as `not line[a:b].strip()`.
func (l *srcLine) blank(a, b int) bool { return l.firstText(a, b) < 0 }

// isSpace reports whether Python's str.isspace holds for r: docutils
// strips with str.strip(), which removes every Unicode space, and the
// ASCII separators U+001C to U+001F.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIISpace(byte(r))
	}
	return unicode.IsSpace(r)
}

func isASCIISpace(c byte) bool {
	return c == ' ' || ('\t' <= c && c <= '\r') || (0x1c <= c && c <= 0x1f)
}

// isWide reports whether r is East Asian Wide or Fullwidth, the two
// classes docutils pads to two columns. (width.LookupString would do
// without decoding, but it panics on a truncated UTF-8 sequence.)
func isWide(r rune) bool {
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}

// isCombining reports whether the character at the start of s has a
// non-zero canonical combining class, docutils' test
// (unicodedata.combining) for characters that take no column.
func isCombining(s string) bool {
	return norm.NFD.PropertiesString(s).CCC() != 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func hasTabLike(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\t' || c == '\v' || c == '\f' {
			return true
		}
	}
	return false
}

func leadingSpaces(s string) int {
	n := 0
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}
