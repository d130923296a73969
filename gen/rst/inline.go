package rst

import (
	"regexp"
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
	// noEnd remembers, per end-string, the smallest start from which no
	// end was found: no later start can find one either, so a paragraph
	// full of unmatched markers is read in linear time, not quadratic.
	noEnd  map[string]int
	text   string
	starts []int // byte offset in text where each line starts
	lines  []line
	file   string
}

func newParagraphText(file string, lines []line) *paragraphText {
	p := &paragraphText{file: file, lines: lines}
	var b strings.Builder
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
	i := sort.SearchInts(p.starts, off+1) - 1
	i = max(i, 0)
	l := p.lines[i]
	return source.Pos{File: p.file, Line: l.num, Col: l.col + off - p.starts[i] + 1}
}

var (
	roleStart  = regexp.MustCompile("^:([A-Za-z0-9_.+-]+(?::[A-Za-z0-9_.+-]+)?):`")
	roleSuffix = regexp.MustCompile("^:([A-Za-z0-9_.+-]+):")
)

// parseInlines reads the inline markup of a paragraph.
func parseInlines(p *paragraphText) []*doc.Inline {
	s := p.text
	p.noEnd = map[string]int{}
	var out []*doc.Inline
	var plain strings.Builder
	flush := func() {
		if plain.Len() > 0 {
			out = append(out, &doc.Inline{Kind: doc.Plain, Text: plain.String()})
			plain.Reset()
		}
	}
	emit := func(in *doc.Inline) {
		flush()
		if in.Text != "" || in.Ref != nil {
			out = append(out, in)
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' {
			if i+1 >= len(s) {
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i+1:])
			if !unicode.IsSpace(r) {
				plain.WriteString(s[i+1 : i+1+size])
			}
			i += 1 + size
			continue
		}
		if (c == '*' || c == '`' || c == ':') && canStart(s, i) {
			if in, next, ok := markupAt(p, i); ok {
				emit(in)
				i = next
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		plain.WriteString(s[i : i+size])
		i += size
	}
	flush()
	return out
}

// markupAt tries to read one piece of inline markup starting at s[i].
func markupAt(p *paragraphText, i int) (*doc.Inline, int, bool) {
	s := p.text
	switch {
	case strings.HasPrefix(s[i:], "``"):
		if end := p.findEnd(i+2, "``"); end >= 0 {
			return &doc.Inline{Kind: doc.Literal, Text: s[i+2 : end]}, end + 2, true
		}
	case strings.HasPrefix(s[i:], "**"):
		if end := p.findEnd(i+2, "**"); end >= 0 {
			return &doc.Inline{Kind: doc.Strong, Text: unescape(s[i+2 : end])}, end + 2, true
		}
	case s[i] == '*':
		if end := p.findEnd(i+1, "*"); end >= 0 {
			return &doc.Inline{Kind: doc.Emphasis, Text: unescape(s[i+1 : end])}, end + 1, true
		}
	case s[i] == ':':
		m := roleStart.FindStringSubmatch(s[i:])
		if m == nil {
			return nil, 0, false
		}
		open := i + len(m[0])
		end := p.findEnd(open, "`")
		if end < 0 {
			return nil, 0, false
		}
		return roleInline(p, i, m[1], s[open:end]), end + 1, true
	case s[i] == '`':
		end := p.findEnd(i+1, "`")
		if end < 0 {
			return nil, 0, false
		}
		body := s[i+1 : end]
		next := end + 1
		switch {
		case strings.HasPrefix(s[next:], "__"):
			return hyperlink(p, i, body), next + 2, true
		case strings.HasPrefix(s[next:], "_"):
			return hyperlink(p, i, body), next + 1, true
		}
		if m := roleSuffix.FindStringSubmatch(s[next:]); m != nil {
			return roleInline(p, i, m[1], body), next + len(m[0]), true
		}
		return &doc.Inline{Kind: doc.Emphasis, Text: unescape(body)}, next, true
	}
	return nil, 0, false
}

// roleInline reads :role:`body`. :ref: and :doc: become references; other
// roles keep their text.
func roleInline(p *paragraphText, at int, role, body string) *doc.Inline {
	title, target, explicit := splitTitleTarget(body)
	pos := p.pos(at)
	switch role {
	case "ref":
		text := title
		if !explicit {
			text = target
		}
		return &doc.Inline{Kind: doc.Link, Text: text, Ref: &doc.Ref{Pos: pos, Label: doc.NormalizeLabel(target)}}
	case "doc":
		text := title
		if !explicit {
			text = target
		}
		return &doc.Inline{Kind: doc.Link, Text: text, Ref: &doc.Ref{Pos: pos, Page: target}}
	case "literal", "code", "file", "samp", "command", "kbd":
		return &doc.Inline{Kind: doc.Literal, Text: unescape(title)}
	}
	return &doc.Inline{Kind: doc.Plain, Text: unescape(title)}
}

// hyperlink reads `body`_ or `body`__.
func hyperlink(p *paragraphText, at int, body string) *doc.Inline {
	title, target, explicit := splitTitleTarget(body)
	pos := p.pos(at)
	if !explicit {
		return &doc.Inline{Kind: doc.Link, Text: title, Ref: &doc.Ref{Pos: pos, Label: doc.NormalizeLabel(title)}}
	}
	return &doc.Inline{Kind: doc.Link, Text: title, Ref: linkTarget(pos, target)}
}

// linkTarget classifies a hyperlink target: "#anchor" on this page,
// "page.html#anchor" on another page, an outside URL, or "name_" (an
// indirect reference to a target name).
func linkTarget(pos source.Pos, target string) *doc.Ref {
	switch {
	case strings.HasPrefix(target, "#"):
		return &doc.Ref{Pos: pos, Label: doc.NormalizeLabel(target[1:])}
	case strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:"):
		return &doc.Ref{Pos: pos, URL: target}
	case strings.HasSuffix(target, "_"):
		return &doc.Ref{Pos: pos, Label: doc.NormalizeLabel(strings.TrimSuffix(target, "_"))}
	}
	page, anchor, _ := strings.Cut(target, "#")
	return &doc.Ref{Pos: pos, Page: page, Label: doc.NormalizeLabel(anchor)}
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
	if failed, ok := p.noEnd[end]; ok && from >= failed {
		return -1
	}
	j := findEnd(p.text, from, end)
	if j < 0 && from < len(p.text) && !isSpace(p.text[from]) {
		if failed, ok := p.noEnd[end]; !ok || from < failed {
			p.noEnd[end] = from
		}
	}
	return j
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
