package lint

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is a forgiving JSON reader for example blocks. encoding/json
// says only that an example is broken and where it stopped; documentation
// breaks JSON in a few recurring ways (comments, trailing commas, "..."
// ellipses, single quotes, unquoted keys, missing commas, raw newlines in
// certificates, XXX placeholders, two alternatives joined by "Or"), and a
// lint should say which, where, and still check the keys it can read. The
// reader never fails: it records problems at byte offsets and carries on.
// Whether an example is valid JSON is still decided by json.Valid; this
// reader only explains.

// jsonKind is the kind of a JSON value.
type jsonKind byte

const (
	jsonObject jsonKind = 'o'
	jsonArray  jsonKind = 'a'
	jsonString jsonKind = 's'
	jsonNumber jsonKind = 'n'
	jsonBool   jsonKind = 'b'
	jsonNull   jsonKind = 'z'
	jsonBad    jsonKind = '?' // an ellipsis, a bare word, something unreadable
)

// String names the kind the way messages say it ("a JSON string").
func (k jsonKind) String() string {
	switch k {
	case jsonObject:
		return "object"
	case jsonArray:
		return "array"
	case jsonString:
		return "string"
	case jsonNumber:
		return "number"
	case jsonBool:
		return "boolean"
	case jsonNull:
		return "null"
	}
	return "unreadable value"
}

// jsonValue is one value of an example, with its offset in the text.
type jsonValue struct {
	kind    jsonKind
	off     int
	text    string // a number or bad value as written; a string's content
	members []jsonMember
	elems   []*jsonValue
}

type jsonMember struct {
	key    string
	keyOff int
	value  *jsonValue
}

// jsonProblem is one way an example is not JSON.
type jsonProblem struct {
	off  int
	code string
	what string // "a // comment", "a trailing comma", ...
}

// JSON problem codes, most specific first.
const (
	codeComment       = "json-comment"
	codeTrailingComma = "json-trailing-comma"
	codeEllipsis      = "json-ellipsis"
	codeSingleQuote   = "json-single-quote"
	codeUnquotedKey   = "json-unquoted-key"
	codeMissingComma  = "json-missing-comma"
	codeControlChar   = "json-control-char"
	codeBareWord      = "json-bare-word"
	codeExtraText     = "json-extra-text"
	codeSyntax        = "json-syntax"
)

// maxJSONDepth bounds nesting so that hostile input cannot exhaust the
// stack; encoding/json's own limit is 10000.
const maxJSONDepth = 500

type jsonReader struct {
	s        string
	i        int
	depth    int
	problems []jsonProblem
}

// readJSON reads every value of s: normally one, more when text joins
// alternatives ("{...} Or {...}"). Problems are in text order.
func readJSON(s string) ([]*jsonValue, []jsonProblem) {
	r := &jsonReader{s: s}
	var roots []*jsonValue
	for {
		r.space()
		if r.i >= len(r.s) {
			break
		}
		if len(roots) > 0 {
			// Text after the value: report it once, then look for
			// another value to read.
			start := r.i
			for r.i < len(r.s) && r.s[r.i] != '{' && r.s[r.i] != '[' {
				r.i++
			}
			r.problem(start, codeExtraText, "text after the end of the value "+quoteCut(r.s[start:r.i]))
			if r.i >= len(r.s) {
				break
			}
		}
		start := r.i
		roots = append(roots, r.value())
		if r.i == start {
			r.i++ // always advance
		}
	}
	return roots, r.problems
}

func (r *jsonReader) problem(off int, code, what string) {
	r.problems = append(r.problems, jsonProblem{off: off, code: code, what: what})
}

// space skips white space and comments, reporting comments.
func (r *jsonReader) space() {
	for r.i < len(r.s) {
		switch c := r.s[r.i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			r.i++
		case strings.HasPrefix(r.s[r.i:], "//"):
			r.problem(r.i, codeComment, "a // comment")
			r.skipLine()
		case c == '#':
			r.problem(r.i, codeComment, "a # comment")
			r.skipLine()
		case strings.HasPrefix(r.s[r.i:], "/*"):
			r.problem(r.i, codeComment, "a /* */ comment")
			end := strings.Index(r.s[r.i+2:], "*/")
			if end < 0 {
				r.i = len(r.s)
			} else {
				r.i += 2 + end + 2
			}
		case strings.HasPrefix(r.s[r.i:], "\u00a0"), strings.HasPrefix(r.s[r.i:], "\u3000"):
			r.problem(r.i, codeSyntax, "a non-breaking or wide space")
			_, n := utf8.DecodeRuneInString(r.s[r.i:])
			r.i += n
		default:
			return
		}
	}
}

func (r *jsonReader) skipLine() {
	for r.i < len(r.s) && r.s[r.i] != '\n' {
		r.i++
	}
}

// ellipsis returns the length of the ellipsis ("..", "...", "…") at the
// reader's offset, or 0.
func (r *jsonReader) ellipsis() int {
	switch {
	case r.i >= len(r.s):
		return 0
	case strings.HasPrefix(r.s[r.i:], ".."):
		n := 0
		for r.i+n < len(r.s) && r.s[r.i+n] == '.' {
			n++
		}
		return n
	case strings.HasPrefix(r.s[r.i:], "…"):
		return len("…")
	}
	return 0
}

func (r *jsonReader) value() *jsonValue {
	r.space()
	v := &jsonValue{kind: jsonBad, off: r.i}
	if r.i >= len(r.s) {
		r.problem(r.i, codeSyntax, "the text ends where a value should be")
		return v
	}
	if n := r.ellipsis(); n > 0 {
		r.problem(r.i, codeEllipsis, "an ellipsis "+strconv.Quote(r.s[r.i:r.i+n])+" in place of a value")
		v.text = r.s[r.i : r.i+n]
		r.i += n
		return v
	}
	switch c := r.s[r.i]; {
	case c == '{' || c == '[':
		if r.depth >= maxJSONDepth {
			r.problem(r.i, codeSyntax, "nesting too deep to read")
			r.i = len(r.s)
			return v
		}
		r.depth++
		defer func() { r.depth-- }()
		if c == '{' {
			r.object(v)
		} else {
			r.array(v)
		}
	case c == '"':
		v.kind = jsonString
		v.text = r.str('"')
	case c == '\'':
		r.problem(r.i, codeSingleQuote, "a string in single quotes")
		v.kind = jsonString
		v.text = r.str('\'')
	case c == '-' || c >= '0' && c <= '9' || c == '+' || c == '.':
		r.number(v)
	default:
		word := r.word()
		switch word {
		case "true", "false":
			v.kind, v.text = jsonBool, word
		case "null":
			v.kind, v.text = jsonNull, word
		case "":
			_, n := utf8.DecodeRuneInString(r.s[r.i:])
			r.problem(r.i, codeSyntax, "unexpected "+strconv.Quote(r.s[r.i:r.i+n])+" where a value should be")
			if c != '}' && c != ']' && c != ',' {
				r.i += n // leave a closing bracket or comma to the caller
			}
		default:
			r.problem(v.off, codeBareWord, "a bare word "+strconv.Quote(word)+" in place of a value")
			v.text = word
		}
	}
	return v
}

// word reads a run of letters, digits and _.-$ (a bare word or an
// unquoted key).
func (r *jsonReader) word() string {
	start := r.i
	for r.i < len(r.s) {
		c, n := utf8.DecodeRuneInString(r.s[r.i:])
		if !(c == '_' || c == '-' || c == '.' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 && c != '…' && c != '\u00a0' && c != '\u3000' && c != utf8.RuneError) {
			break
		}
		r.i += n
	}
	return r.s[start:r.i]
}

func (r *jsonReader) number(v *jsonValue) {
	start := r.i
	for r.i < len(r.s) && strings.IndexByte("+-0123456789.eExXabcdefABCDEF", r.s[r.i]) >= 0 {
		if r.s[r.i] == '.' && strings.HasPrefix(r.s[r.i:], "..") {
			break
		}
		r.i++
	}
	if r.i < len(r.s) && isWordStart(r.s[r.i]) {
		r.i = start
		v.text = r.word()
		r.problem(start, codeBareWord, "a bare word "+strconv.Quote(v.text)+" in place of a value")
		return
	}
	v.text = r.s[start:r.i]
	if json.Valid([]byte(v.text)) {
		v.kind = jsonNumber
		return
	}
	if _, err := strconv.ParseFloat(v.text, 64); err == nil {
		v.kind = jsonNumber // readable, but not as JSON writes numbers
	}
	r.problem(start, codeSyntax, "a number written "+strconv.Quote(v.text)+", not as JSON writes numbers")
}

// str reads a string quoted with q, reporting raw control characters and
// bad escapes; it returns the content (escapes decoded where valid).
func (r *jsonReader) str(q byte) string {
	start := r.i
	r.i++
	var b strings.Builder
	control := false
	for r.i < len(r.s) {
		c := r.s[r.i]
		switch {
		case c == q:
			r.i++
			return b.String()
		case c == '\\':
			if r.i+1 >= len(r.s) {
				r.i++
				continue
			}
			e := r.s[r.i+1]
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b', 'f', 'n', 'r', 't':
				b.WriteByte(map[byte]byte{'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}[e])
			case 'u':
				if r.i+6 <= len(r.s) {
					if n, err := strconv.ParseUint(r.s[r.i+2:r.i+6], 16, 32); err == nil {
						b.WriteRune(rune(n))
						r.i += 6
						continue
					}
				}
				r.problem(r.i, codeSyntax, "a bad \\u escape in a string")
			case '\'':
				b.WriteByte(e)
				if q == '"' {
					r.problem(r.i, codeSyntax, `an escape \' that JSON does not have`)
				}
			default:
				r.problem(r.i, codeSyntax, "an escape "+strconv.Quote(r.s[r.i:r.i+2])+" that JSON does not have")
				b.WriteByte(e)
			}
			r.i += 2
		case c < 0x20:
			if !control {
				what := "a raw line break inside a string"
				if c != '\n' && c != '\r' {
					what = "a raw control character inside a string"
				}
				r.problem(r.i, codeControlChar, what)
				control = true
			}
			b.WriteByte(c)
			r.i++
		default:
			b.WriteByte(c)
			r.i++
		}
	}
	r.problem(start, codeSyntax, "a string that does not end")
	return b.String()
}

// object reads {...} into v. After a problem it resynchronizes on the next
// comma or closing brace.
func (r *jsonReader) object(v *jsonValue) {
	v.kind = jsonObject
	r.i++ // {
	lastComma := -1
	for {
		r.space()
		if r.i >= len(r.s) {
			r.problem(v.off, codeSyntax, "an object that does not end")
			return
		}
		c := r.s[r.i]
		switch {
		case c == '}':
			if lastComma >= 0 {
				r.problem(lastComma, codeTrailingComma, "a trailing comma before }")
			}
			r.i++
			return
		case c == ']':
			// Close the object here and leave the ] to the array
			// that may be around it.
			r.problem(r.i, codeSyntax, "] where } should close the object")
			return
		case c == ',':
			r.problem(r.i, codeSyntax, "a comma with no member before it")
			r.i++
			continue
		}
		if n := r.ellipsis(); n > 0 {
			r.problem(r.i, codeEllipsis, "an ellipsis "+strconv.Quote(r.s[r.i:r.i+n])+" in place of members")
			r.i += n
			lastComma = -1
			if !r.afterMember(v, &lastComma) {
				return
			}
			continue
		}
		m := jsonMember{keyOff: r.i}
		switch {
		case c == '"':
			m.key = r.str('"')
		case c == '\'':
			r.problem(r.i, codeSingleQuote, "a key in single quotes")
			m.key = r.str('\'')
		default:
			m.key = r.word()
			if m.key == "" {
				_, n := utf8.DecodeRuneInString(r.s[r.i:])
				r.problem(r.i, codeSyntax, "unexpected "+strconv.Quote(r.s[r.i:r.i+n])+" where a key should be")
				r.skipTo(",}")
				if r.i < len(r.s) && r.s[r.i] == ',' {
					r.i++
				}
				continue
			}
			r.problem(m.keyOff, codeUnquotedKey, "a key "+strconv.Quote(m.key)+" without quotes")
		}
		r.space()
		switch {
		case r.i < len(r.s) && (r.s[r.i] == ':' || r.s[r.i] == '='):
			if r.s[r.i] == '=' {
				r.problem(r.i, codeSyntax, "= where : should follow the key")
			}
			r.i++
			m.value = r.value()
		case r.i < len(r.s) && strings.IndexByte("\"'{[-0123456789tfn", r.s[r.i]) >= 0:
			r.problem(r.i, codeSyntax, "no : after the key "+strconv.Quote(m.key))
			m.value = r.value()
		default:
			r.problem(r.i, codeSyntax, "no : after the key "+strconv.Quote(m.key))
			m.value = &jsonValue{kind: jsonBad, off: r.i}
		}
		v.members = append(v.members, m)
		lastComma = -1
		if !r.afterMember(v, &lastComma) {
			return
		}
	}
}

// skipEllipses reports and skips the ellipses (see ellipsis) written where
// more members or elements would be, and the space after each.
func (r *jsonReader) skipEllipses(what string) {
	for n := r.ellipsis(); n > 0; n = r.ellipsis() {
		r.problem(r.i, codeEllipsis, "an ellipsis "+strconv.Quote(r.s[r.i:r.i+n])+" in place of "+what)
		r.i += n
		r.space()
	}
}

// afterMember reads what follows a member: a comma, the end of the object
// or, when a comma is missing, the next key. It reports false when the
// object ends.
func (r *jsonReader) afterMember(v *jsonValue, lastComma *int) bool {
	r.space()
	r.skipEllipses("members")
	if r.i >= len(r.s) {
		r.problem(v.off, codeSyntax, "an object that does not end")
		return false
	}
	switch c := r.s[r.i]; {
	case c == ',':
		*lastComma = r.i
		r.i++
	case c == '}':
		r.i++
		return false
	case c == ']':
		r.problem(r.i, codeSyntax, "] where } should close the object")
		return false
	case c == '"' || c == '\'' || isWordStart(c):
		r.problem(r.i, codeMissingComma, "a missing comma between members")
	default:
		_, n := utf8.DecodeRuneInString(r.s[r.i:])
		r.problem(r.i, codeSyntax, "unexpected "+strconv.Quote(r.s[r.i:r.i+n])+" after a member")
		r.skipTo(",}")
		if r.i < len(r.s) && r.s[r.i] == ',' {
			*lastComma = r.i
			r.i++
		}
	}
	return true
}

func isWordStart(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// skipTo moves to the next byte of stop outside strings and nested
// brackets, or to the end.
func (r *jsonReader) skipTo(stop string) {
	depth := 0
	for r.i < len(r.s) {
		c := r.s[r.i]
		switch {
		case depth == 0 && strings.IndexByte(stop, c) >= 0:
			return
		case c == '"':
			r.skipString()
			continue
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth < 0 {
				return
			}
		}
		r.i++
	}
}

func (r *jsonReader) skipString() {
	r.i++
	for r.i < len(r.s) && r.s[r.i] != '"' && r.s[r.i] != '\n' {
		if r.s[r.i] == '\\' && r.i+1 < len(r.s) {
			r.i++
		}
		r.i++
	}
	if r.i < len(r.s) {
		r.i++
	}
}

func (r *jsonReader) array(v *jsonValue) {
	v.kind = jsonArray
	r.i++ // [
	lastComma := -1
	for {
		r.space()
		if r.i >= len(r.s) {
			r.problem(v.off, codeSyntax, "an array that does not end")
			return
		}
		switch r.s[r.i] {
		case ']':
			if lastComma >= 0 {
				r.problem(lastComma, codeTrailingComma, "a trailing comma before ]")
			}
			r.i++
			return
		case '}':
			r.problem(r.i, codeSyntax, "} where ] should close the array")
			return
		case ',':
			r.problem(r.i, codeSyntax, "a comma with no element before it")
			r.i++
			continue
		}
		start := r.i
		v.elems = append(v.elems, r.value())
		lastComma = -1
		r.space()
		r.skipEllipses("elements")
		if r.i >= len(r.s) {
			r.problem(v.off, codeSyntax, "an array that does not end")
			return
		}
		switch c := r.s[r.i]; {
		case c == ',':
			lastComma = r.i
			r.i++
		case c == ']':
			r.i++
			return
		case c == '}':
			r.problem(r.i, codeSyntax, "} where ] should close the array")
			return
		case c == '{' || c == '[' || c == '"' || c == '-' || c >= '0' && c <= '9' || isWordStart(c):
			r.problem(r.i, codeMissingComma, "a missing comma between elements")
		default:
			_, n := utf8.DecodeRuneInString(r.s[r.i:])
			r.problem(r.i, codeSyntax, "unexpected "+strconv.Quote(r.s[r.i:r.i+n])+" after an element")
			r.skipTo(",]")
			if r.i < len(r.s) && r.s[r.i] == ',' {
				lastComma = r.i
				r.i++
			}
		}
		if r.i == start {
			r.i++
		}
	}
}

// quoteCut quotes the first line of s, cut to a readable length.
func quoteCut(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i]) + " ..."
	}
	if len(s) > 40 {
		cut := 40
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return strconv.Quote(s)
}
