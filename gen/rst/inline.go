package rst

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// This file reads RST inline markup: **strong**, *emphasis*, ``literal``,
// roles (:ref:`Title <label>`, :doc:`page`, any other :role:`text`),
// hyperlink references (`Title <#anchor>`__, `Title <page.html#anchor>`_,
// `name`_) and backslash escapes. It follows docutils' recognition rules
// (states.Inliner: start-strings after white space or opening punctuation
// and before non-space, end-strings after non-space and before white space,
// closing punctuation or the end) closely enough for this documentation
// family; substitution and footnote references stay plain text.

// paragraphText is the text of a paragraph with a map from byte offsets to
// source positions.
type paragraphText struct {
	// noEnd remembers, per end-string (see endIndex), the smallest start
	// from which no end was found: no later start can find one either, so
	// a paragraph full of unmatched markers is read in linear time, not
	// quadratic. math.MaxInt: none known.
	noEnd  [4]int
	text   string
	starts []int // byte offset in text where each line starts (nil: one line)
	lines  []line
	file   string
	a      *arena // where the inlines go (nil: a new one)
}

func newParagraphText(file string, lines []line) paragraphText {
	p := paragraphText{file: file, lines: lines}
	if len(lines) == 1 {
		// The line's own text: inline text slices it without a copy.
		p.text = lines[0].text
		return p
	}
	n := 0
	for _, l := range lines {
		n += len(l.text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	p.starts = make([]int, 0, len(lines))
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		p.starts = append(p.starts, b.Len())
		b.WriteString(l.text)
	}
	p.text = b.String()
	return p
}

func (p *paragraphText) pos(off int) source.Pos {
	if len(p.lines) == 0 {
		return source.Pos{File: p.file}
	}
	i, start := 0, 0
	if p.starts != nil {
		i = max(sort.SearchInts(p.starts, off+1)-1, 0)
		start = p.starts[i]
	}
	l := p.lines[i]
	return source.Pos{File: p.file, Line: l.num, Col: l.col + off - start + 1}
}

// roleName returns the length of the longest prefix of s made of
// docutils' simple role name characters, [A-Za-z0-9_.+-].
func roleName(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '+' || c == '-') {
			break
		}
		i++
	}
	return i
}

// roleStart matches ^:(name(?::name)?):` where name is [A-Za-z0-9_.+-]+:
// a role before its text (":ref:`", ":x:y:`"). It returns the role and the
// length of the match, or ok=false.
func roleStart(s string) (role string, n int, ok bool) {
	if len(s) < 2 || s[0] != ':' {
		return "", 0, false
	}
	a := 1 + roleName(s[1:])
	if a == 1 {
		return "", 0, false
	}
	// The regexp prefers the domain form "x:y" when it matches.
	if a < len(s) && s[a] == ':' {
		if b := a + 1 + roleName(s[a+1:]); b > a+1 && strings.HasPrefix(s[b:], ":`") {
			return s[1:b], b + 2, true
		}
	}
	if strings.HasPrefix(s[a:], ":`") {
		return s[1:a], a + 2, true
	}
	return "", 0, false
}

// roleSuffix matches ^:([A-Za-z0-9_.+-]+): : a role after its text
// ("`text`:role:"). It returns the role and the length of the match.
func roleSuffix(s string) (role string, n int, ok bool) {
	if len(s) < 3 || s[0] != ':' {
		return "", 0, false
	}
	a := 1 + roleName(s[1:])
	if a == 1 || a >= len(s) || s[a] != ':' {
		return "", 0, false
	}
	return s[1:a], a + 1, true
}

// parseInlines reads the inline markup of a paragraph. Plain text is
// sliced from the paragraph's text; it is copied only where a backslash
// escape drops characters.
func parseInlines(p *paragraphText) []*doc.Inline {
	s := p.text
	p.noEnd = [4]int{math.MaxInt, math.MaxInt, math.MaxInt, math.MaxInt}
	if p.a == nil {
		p.a = new(arena)
	}
	out := p.a.inlineScratch[:0]
	var escaped strings.Builder // plain text so far, when an escape was dropped
	plainStart := 0             // where the current plain run starts in s
	flush := func(end int) {
		text := s[plainStart:end]
		if escaped.Len() > 0 {
			escaped.WriteString(text)
			text = escaped.String()
			escaped.Reset()
		}
		if text != "" {
			out = append(out, p.a.inline(doc.Inline{Kind: doc.Plain, Text: text}))
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			escaped.WriteString(s[plainStart:i])
			if i+1 >= len(s) {
				i++
				plainStart = i
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i+1:])
			if !unicode.IsSpace(r) {
				escaped.WriteString(s[i+1 : i+1+size])
			}
			i += 1 + size
			plainStart = i
			continue
		case (c == '*' || c == '`' || c == ':') && canStart(s, i):
			if in, next, ok := markupAt(p, i); ok {
				flush(i)
				if in.Text != "" || in.Ref != nil {
					out = append(out, p.a.inline(in))
				}
				i = next
				plainStart = i
				continue
			}
		}
		// Every byte that can start markup or an escape is ASCII, so the
		// scan may step over the rest byte by byte.
		i++
	}
	flush(len(s))
	p.a.inlineScratch = out
	return copyOf(&p.a.inlineRefs, out)
}

// markupAt tries to read one piece of inline markup starting at s[i].
func markupAt(p *paragraphText, i int) (doc.Inline, int, bool) {
	s := p.text
	switch {
	case strings.HasPrefix(s[i:], "``"):
		if end := p.findEnd(i+2, "``"); end >= 0 {
			return doc.Inline{Kind: doc.Literal, Text: s[i+2 : end]}, end + 2, true
		}
	case strings.HasPrefix(s[i:], "**"):
		if end := p.findEnd(i+2, "**"); end >= 0 {
			return doc.Inline{Kind: doc.Strong, Text: unescape(s[i+2 : end])}, end + 2, true
		}
	case s[i] == '*':
		if end := p.findEnd(i+1, "*"); end >= 0 {
			return doc.Inline{Kind: doc.Emphasis, Text: unescape(s[i+1 : end])}, end + 1, true
		}
	case s[i] == ':':
		role, n, ok := roleStart(s[i:])
		if !ok {
			return doc.Inline{}, 0, false
		}
		open := i + n
		end := p.findEnd(open, "`")
		if end < 0 {
			return doc.Inline{}, 0, false
		}
		return roleInline(p, i, role, s[open:end]), end + 1, true
	case s[i] == '`':
		end := p.findEnd(i+1, "`")
		if end < 0 {
			return doc.Inline{}, 0, false
		}
		body := s[i+1 : end]
		next := end + 1
		switch {
		case strings.HasPrefix(s[next:], "__"):
			return hyperlink(p, i, body), next + 2, true
		case strings.HasPrefix(s[next:], "_"):
			return hyperlink(p, i, body), next + 1, true
		}
		if role, n, ok := roleSuffix(s[next:]); ok {
			return roleInline(p, i, role, body), next + n, true
		}
		return doc.Inline{Kind: doc.Emphasis, Text: unescape(body)}, next, true
	}
	return doc.Inline{}, 0, false
}

// roleInline reads :role:`body`. :ref: and :doc: become references; other
// roles keep their text.
func roleInline(p *paragraphText, at int, role, body string) doc.Inline {
	title, target, explicit := splitTitleTarget(body)
	pos := p.pos(at)
	switch role {
	case "ref":
		text := title
		if !explicit {
			text = target
		}
		return doc.Inline{Kind: doc.Link, Text: text, Ref: p.a.ref(doc.Ref{Pos: pos, Label: doc.NormalizeLabel(target)})}
	case "doc":
		text := title
		if !explicit {
			text = target
		}
		return doc.Inline{Kind: doc.Link, Text: text, Ref: p.a.ref(doc.Ref{Pos: pos, Page: target})}
	case "literal", "code", "file", "samp", "command", "kbd":
		return doc.Inline{Kind: doc.Literal, Text: unescape(title)}
	}
	return doc.Inline{Kind: doc.Plain, Text: unescape(title)}
}

// hyperlink reads `body`_ or `body`__.
func hyperlink(p *paragraphText, at int, body string) doc.Inline {
	title, target, explicit := splitTitleTarget(body)
	pos := p.pos(at)
	if !explicit {
		return doc.Inline{Kind: doc.Link, Text: title, Ref: p.a.ref(doc.Ref{Pos: pos, Label: doc.NormalizeLabel(title)})}
	}
	return doc.Inline{Kind: doc.Link, Text: title, Ref: p.a.ref(linkTarget(pos, target))}
}

// linkTarget classifies a hyperlink target: "#anchor" on this page,
// "page.html#anchor" on another page, an outside URL, or "name_" (an
// indirect reference to a target name).
func linkTarget(pos source.Pos, target string) doc.Ref {
	switch {
	case strings.HasPrefix(target, "#"):
		return doc.Ref{Pos: pos, Label: doc.NormalizeLabel(target[1:])}
	case strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:"):
		return doc.Ref{Pos: pos, URL: target}
	case strings.HasSuffix(target, "_"):
		return doc.Ref{Pos: pos, Label: doc.NormalizeLabel(strings.TrimSuffix(target, "_"))}
	}
	page, anchor, _ := strings.Cut(target, "#")
	return doc.Ref{Pos: pos, Page: page, Label: doc.NormalizeLabel(anchor)}
}

// splitTitleTarget splits "Title <target>" (explicit) from "target".
func splitTitleTarget(body string) (title, target string, explicit bool) {
	body = strings.TrimSpace(body)
	if strings.HasSuffix(body, ">") {
		if open := strings.LastIndex(body, "<"); open >= 0 && (open == 0 || isSpace(body[open-1])) {
			target = strings.Join(strings.Fields(body[open+1:len(body)-1]), "")
			title = unescape(strings.TrimSpace(body[:open]))
			if title == "" {
				title = target
			}
			return title, target, true
		}
	}
	return unescape(body), unescape(body), false
}

func unescape(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			if isSpace(s[i+1]) {
				i++
				continue
			}
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }

// canStart reports whether inline markup may start at s[i]: after the start
// of text, white space or opening punctuation, and (for the start-string)
// not before white space.
func canStart(s string, i int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) && !strings.ContainsRune("-:/'\"<([{‘“«", r) && !unicode.Is(unicode.Ps, r) && !unicode.Is(unicode.Pi, r) {
			return false
		}
		if r == '\\' {
			return false
		}
	}
	// The character after the whole start-string must not be white space;
	// markupAt checks lengths, so look past any run of the same marker.
	j := i
	for j < len(s) && s[j] == s[i] && j-i < 2 {
		j++
	}
	if s[i] == ':' {
		return true
	}
	return j < len(s) && !isSpace(s[j])
}

// findEnd finds the end-string from position from: after non-space, not
// escaped, and followed by the end, white space or closing punctuation.
func (p *paragraphText) findEnd(from int, end string) int {
	k := endIndex(end)
	if from >= p.noEnd[k] {
		return -1
	}
	j := findEnd(p.text, from, end)
	if j < 0 && from < len(p.text) && !isSpace(p.text[from]) {
		p.noEnd[k] = min(p.noEnd[k], from)
	}
	return j
}

// endIndex numbers the end-strings for paragraphText.noEnd.
func endIndex(end string) int {
	switch end {
	case "``":
		return 0
	case "**":
		return 1
	case "*":
		return 2
	}
	return 3 // "`"
}

func findEnd(s string, from int, end string) int {
	if from >= len(s) || isSpace(s[from]) {
		return -1
	}
	for k := from; k < len(s); {
		j := strings.Index(s[k:], end)
		if j < 0 {
			return -1
		}
		j += k
		if j > from && !isSpace(s[j-1]) && !(end != "``" && s[j-1] == '\\') && endBoundary(s, j+len(end)) {
			// "**" must not be read as two "*" ends: for "*", skip "**".
			if end == "*" && j+1 < len(s) && s[j+1] == '*' {
				k = j + 2
				continue
			}
			return j
		}
		k = j + 1
	}
	return -1
}

func endBoundary(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r) || strings.ContainsRune("-.,:;!?\\/'\")]}>’”»_", r) || unicode.Is(unicode.Pe, r) || unicode.Is(unicode.Pf, r)
}
