package markdown

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"sync"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
	"github.com/yuin/goldmark/ast"
)

// This file turns goldmark's inline nodes into the model's inlines:
// **strong**, *emphasis*, `code` (a literal), links (references), and raw
// HTML: <br> and <p> break a table cell into paragraphs, <ul>/<ol> with
// <li> make lists, and <a name="x"> / <a id="x"> anchors are labels. Other
// tags are dropped and the text between them kept. Backslash escapes and
// entity references are resolved here, since goldmark leaves that to its
// renderer.

// sink receives the inlines of a paragraph, a heading or a cell in order,
// each with the byte offset where it starts, and the raw HTML between them.
type sink interface {
	inline(in *doc.Inline, off int)
	html(tag tag, off int)
}

// inlines feeds the inline children of parent to s.
func (r *reader) inlines(parent ast.Node, s sink, depth int) {
	if depth > maxDepth {
		r.tooDeep(parent)
		return
	}
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			s.inline(&doc.Inline{Kind: doc.Plain, Text: r.textOf(n)}, n.Segment.Start)
		case *ast.String:
			s.inline(&doc.Inline{Kind: doc.Plain, Text: string(n.Value)}, n.Pos())
		case *ast.CodeSpan:
			s.inline(&doc.Inline{Kind: doc.Literal, Text: r.flatText(n, depth+1)}, n.Pos())
		case *ast.Emphasis:
			if r.hasStructure(n, depth+1) {
				// A link or a line break inside emphasis: keep those,
				// at the cost of the emphasis around them.
				r.inlines(n, s, depth+1)
				continue
			}
			kind := doc.Emphasis
			if n.Level >= 2 {
				kind = doc.Strong
			}
			s.inline(&doc.Inline{Kind: kind, Text: r.flatText(n, depth+1)}, n.Pos())
		case *ast.Link:
			ref := linkRef(r.pos.at(n.Pos()), unescape(string(n.Destination)))
			if ref == nil {
				r.inlines(n, s, depth+1)
				continue
			}
			s.inline(&doc.Inline{Kind: doc.Link, Text: r.flatText(n, depth+1), Ref: ref}, n.Pos())
		case *ast.AutoLink:
			label := string(n.Label(r.src))
			if n.AutoLinkType != ast.AutoLinkURL {
				s.inline(&doc.Inline{Kind: doc.Plain, Text: label}, n.Pos())
				continue
			}
			s.inline(&doc.Inline{Kind: doc.Link, Text: label, Ref: linkRef(r.pos.at(n.Pos()), string(n.URL(r.src)))}, n.Pos())
		case *ast.RawHTML:
			s.html(parseTag(r.rawHTML(n)), n.Pos())
		case *ast.Image:
			// An image carries no words for a parameter table.
		default:
			r.inlines(n, s, depth+1)
		}
	}
}

// textOf is the text of a text node: escapes and entities resolved unless
// it is code, and a line break kept as a newline.
func (r *reader) textOf(n *ast.Text) string {
	v := string(n.Segment.Value(r.src))
	if !n.IsRaw() {
		v = unescape(v)
	}
	if n.SoftLineBreak() || n.HardLineBreak() {
		v += "\n"
	}
	return v
}

func (r *reader) rawHTML(n *ast.RawHTML) string {
	var b strings.Builder
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		b.Write(seg.Value(r.src))
	}
	return b.String()
}

// flatText is the plain text under n, markup dropped.
func (r *reader) flatText(n ast.Node, depth int) string {
	var f flat
	r.inlines(n, &f, depth)
	return f.b.String()
}

type flat struct{ b strings.Builder }

func (f *flat) inline(in *doc.Inline, _ int) { f.b.WriteString(in.Text) }
func (f *flat) html(t tag, _ int) {
	if t.breaks() {
		f.b.WriteByte(' ')
	}
}

// hasStructure reports whether n holds a link, an anchor or a tag that
// breaks text.
func (r *reader) hasStructure(n ast.Node, depth int) bool {
	if depth > maxDepth {
		return false
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Link, *ast.AutoLink:
			return true
		case *ast.RawHTML:
			if t := parseTag(r.rawHTML(c)); t.breaks() || t.anchor != "" {
				return true
			}
		}
		if r.hasStructure(c, depth+1) {
			return true
		}
	}
	return false
}

// linkRef reads a link destination: "#anchor" on this page,
// "page.md#anchor" or "page.md" on another, or an outside URL. An empty
// destination is no reference (nil).
func linkRef(pos source.Pos, dest string) *doc.Ref {
	dest = strings.TrimSpace(dest)
	switch {
	case dest == "" || dest == "#":
		return nil
	case strings.HasPrefix(dest, "#"):
		return &doc.Ref{Pos: pos, Label: doc.NormalizeLabel(dest[1:])}
	case strings.Contains(dest, "://") || strings.HasPrefix(dest, "mailto:"):
		return &doc.Ref{Pos: pos, URL: dest}
	}
	page, anchor, _ := strings.Cut(dest, "#")
	return &doc.Ref{Pos: pos, Page: page, Label: doc.NormalizeLabel(anchor)}
}

var entity = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
})

// unescape resolves CommonMark backslash escapes (a backslash before
// ASCII punctuation) and entity references, in one pass, so that "\&amp;"
// stays "&amp;".
func unescape(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
		case c == '&':
			if m := entity().FindString(s[i:min(len(s), i+40)]); m != "" {
				b.WriteString(html.UnescapeString(m))
				i += len(m)
				continue
			}
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// tag is one raw HTML tag, as far as the reader cares.
type tag struct {
	name    string // lower case: "br", "ul", "li", "a", ...; "" for a comment or other markup
	closing bool
	anchor  string // the name or id of an <a> tag
}

// breaks reports whether the tag ends a paragraph of a cell.
func (t tag) breaks() bool {
	switch t.name {
	case "br", "p", "ul", "ol", "li", "div":
		return true
	}
	return false
}

var (
	tagStart   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^<(/?)([A-Za-z][A-Za-z0-9-]*)`) })
	anchorAttr = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\s(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)
	})
)

func parseTag(raw string) tag {
	m := tagStart().FindStringSubmatch(raw[:min(len(raw), 64)])
	if m == nil || len(raw) > maxTag {
		return tag{}
	}
	t := tag{name: strings.ToLower(m[2]), closing: m[1] == "/"}
	if t.name == "a" && !t.closing {
		if a := anchorAttr().FindStringSubmatch(raw); a != nil {
			t.anchor = a[1] + a[2] + a[3]
		}
	}
	return t
}

// maxTag bounds the length of a tag read for an anchor, so that a block of
// unclosed "<a <a <a ..." is read in linear time.
const maxTag = 512

// anchorsIn finds the <a name="x"> and <a id="x"> anchors of an HTML block.
func anchorsIn(block []byte) []string {
	var labels []string
	gt := -1 // the next '>' at or after i, once looked for
	for i := 0; i < len(block); i++ {
		if block[i] != '<' {
			continue
		}
		if gt < i {
			j := bytes.IndexByte(block[i:], '>')
			if j < 0 {
				break
			}
			gt = i + j
		}
		if gt-i > maxTag {
			continue
		}
		if t := parseTag(string(block[i : gt+1])); t.anchor != "" {
			labels = append(labels, doc.NormalizeLabel(html.UnescapeString(t.anchor)))
		}
	}
	return labels
}

// para collects the text of a paragraph or a heading: its inlines, with
// line breaks as white space, and the anchors in it as labels.
type para struct {
	runs
	labels []string
	first  int // offset of the first text, -1 before any
}

func (p *para) inline(in *doc.Inline, off int) {
	if p.first < 0 && strings.TrimSpace(in.Text) != "" {
		p.first = off
	}
	p.add(in)
}

func (p *para) html(t tag, _ int) {
	if t.anchor != "" {
		p.labels = append(p.labels, doc.NormalizeLabel(html.UnescapeString(t.anchor)))
	}
	if t.breaks() {
		p.add(&doc.Inline{Kind: doc.Plain, Text: "\n"})
	}
}

// text is the paragraph's plain text.
func (p *para) text() string { return doc.InlinesText(p.done()) }

// runs builds the inlines of a paragraph, joining runs of plain text the
// way the RST reader gives them. The text is joined in a builder: goldmark
// may split a paragraph into very many text nodes ("*a *a *a ..."), and
// joining them one by one would take quadratic time.
type runs struct {
	ins   []*doc.Inline
	plain strings.Builder
}

func (r *runs) add(in *doc.Inline) {
	if in.Kind == doc.Plain {
		r.plain.WriteString(in.Text)
		return
	}
	r.flush()
	if in.Text != "" || in.Ref != nil {
		r.ins = append(r.ins, in)
	}
}

func (r *runs) flush() {
	if r.plain.Len() > 0 {
		r.ins = append(r.ins, &doc.Inline{Kind: doc.Plain, Text: r.plain.String()})
		r.plain.Reset()
	}
}

// done returns the inlines added so far.
func (r *runs) done() []*doc.Inline {
	r.flush()
	return r.ins
}

// trimInlines drops white space at both ends of a paragraph.
func trimInlines(ins []*doc.Inline) []*doc.Inline {
	for len(ins) > 0 && ins[0].Kind == doc.Plain {
		if t := strings.TrimLeft(ins[0].Text, " \t\n"); t != "" {
			ins[0].Text = t
			break
		}
		ins = ins[1:]
	}
	for len(ins) > 0 && ins[len(ins)-1].Kind == doc.Plain {
		if t := strings.TrimRight(ins[len(ins)-1].Text, " \t\n"); t != "" {
			ins[len(ins)-1].Text = t
			break
		}
		ins = ins[:len(ins)-1]
	}
	return ins
}
