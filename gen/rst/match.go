package rst

import (
	"strings"
	"unicode/utf8"
)

// This file recognizes the line patterns of the block parser. They are
// docutils' regular expressions, written out by hand because the parser
// tries them on every construct of every page and table cell, where
// package regexp was most of the reader's time. match_test.go checks each
// against its regular expression (given in its comment), also by fuzzing.

// targetLine matches
//
//	^\.\. _(`[^`]+`|[^:`][^:]*(?:\\:[^:]*)*):(?:\s+(.*))?$
//
// a hyperlink target (".. _label:", ".. _`a: b`:", ".. _a\:b: URL") and
// returns the name as written and the value after it. The name ends at
// the first colon that is not escaped with a backslash and is followed by
// white space or the end of the line; the regular expression prefers that
// one, as a backtracking matcher tries the shortest name first here.
func targetLine(s string) (name, value string, ok bool) {
	r, found := strings.CutPrefix(s, ".. _")
	if !found || r == "" || r[0] == ':' {
		return "", "", false
	}
	if r[0] == '`' {
		end := strings.IndexByte(r[1:], '`') + 1
		if end < 2 || end+1 >= len(r) || r[end+1] != ':' {
			return "", "", false
		}
		value, ok = restValue(r, end+2)
		return r[:end+1], value, ok
	}
	for e := 1; e < len(r); e++ {
		if r[e] != ':' {
			continue
		}
		if value, ok := restValue(r, e+1); ok {
			return r[:e], value, true
		}
		if e < 2 || r[e-1] != '\\' {
			return "", "", false // an unescaped colon inside the name
		}
	}
	return "", "", false
}

// isGridTop matches `^\+-[-+]*\+$`, a grid table's top border.
func isGridTop(s string) bool {
	n := len(s)
	if n < 3 || s[0] != '+' || s[1] != '-' || s[n-1] != '+' {
		return false
	}
	for i := 2; i < n-1; i++ {
		if s[i] != '-' && s[i] != '+' {
			return false
		}
	}
	return true
}

// isSimpleTop matches `^=+( +=+)+$`, a simple table's top border of at
// least two columns: '=' and spaces, starting and ending with '=', with a
// space somewhere.
func isSimpleTop(s string) bool {
	n := len(s)
	if n < 3 || s[0] != '=' || s[n-1] != '=' {
		return false
	}
	space := false
	for i := 1; i < n-1; i++ {
		switch s[i] {
		case ' ':
			space = true
		case '=':
		default:
			return false
		}
	}
	return space
}

// spaceRun returns i plus the number of spaces at s[i:].
func spaceRun(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// bulletMarker matches `^([-*+•‣⁃])( +|$)` and returns the match (the
// bullet and the spaces after it), or "".
func bulletMarker(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '+', '•', '‣', '⁃':
	default:
		return ""
	}
	if n == len(s) {
		return s
	}
	if s[n] != ' ' {
		return ""
	}
	return s[:spaceRun(s, n)]
}

// enumMarker matches `^(\(?)(\d+|#)([.)])( +|$)` and returns the match
// ("1. ", "(2) ", "#. "), or "".
func enumMarker(s string) string {
	i := 0
	if i < len(s) && s[i] == '(' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '#':
		i++
	case i < len(s) && isDigit(s[i]):
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	default:
		return ""
	}
	if i >= len(s) || (s[i] != '.' && s[i] != ')') {
		return ""
	}
	i++
	if i == len(s) {
		return s
	}
	if s[i] != ' ' {
		return ""
	}
	return s[:spaceRun(s, i)]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isRESpace is \s of package regexp: [\t\n\f\r ].
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// restValue matches `(?:\s+(.*))?$` at s[i:]: the end of s, or white
// space and a value. It returns the value ("" at the end).
func restValue(s string, i int) (string, bool) {
	if i == len(s) {
		return "", true
	}
	if !isRESpace(s[i]) {
		return "", false
	}
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	return s[i:], true
}

// fieldLine matches `^:([^:\s][^:]*):(?:\s+(.*))?$`, a field list item
// (":original_name: x.html"), and returns the field name and value.
func fieldLine(s string) (name, value string, ok bool) {
	if len(s) < 3 || s[0] != ':' || s[1] == ':' || isRESpace(s[1]) {
		return "", "", false
	}
	end := strings.IndexByte(s[2:], ':')
	if end < 0 {
		return "", "", false
	}
	end += 2
	value, ok = restValue(s, end+1)
	if !ok {
		return "", "", false
	}
	return s[1:end], value, true
}

// optionLine matches `^:([A-Za-z][\w-]*):(?:\s+(.*))?$`, a directive
// option (":name: label"), and returns the option name and value.
func optionLine(s string) (name, value string, ok bool) {
	if len(s) < 3 || s[0] != ':' || !isLetter(s[1]) {
		return "", "", false
	}
	end := 2
	for end < len(s) && (isLetter(s[end]) || isDigit(s[end]) || s[end] == '_' || s[end] == '-') {
		end++
	}
	if end >= len(s) || s[end] != ':' {
		return "", "", false
	}
	value, ok = restValue(s, end+1)
	if !ok {
		return "", "", false
	}
	return s[1:end], value, true
}

func isOptionLine(s string) bool {
	_, _, ok := optionLine(s)
	return ok
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// directiveLine matches `^\.\. ([A-Za-z][A-Za-z0-9_.:+-]*)::(?:\s+(.*))?$`
// (".. code-block:: json") and returns the directive name and argument.
// The name may hold colons, but the "::" that ends it must end the run of
// name characters: anything else after "::" is neither white space nor
// the end of the line.
func directiveLine(s string) (name, arg string, ok bool) {
	if len(s) < 4 || !strings.HasPrefix(s, ".. ") || !isLetter(s[3]) {
		return "", "", false
	}
	end := 4
	for end < len(s) && isDirectiveChar(s[end]) {
		end++
	}
	if end-2 < 4 || s[end-2:end] != "::" {
		return "", "", false
	}
	arg, ok = restValue(s, end)
	if !ok {
		return "", "", false
	}
	return s[3 : end-2], arg, true
}

func isDirectiveChar(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '_' || c == '.' || c == ':' || c == '+' || c == '-'
}
