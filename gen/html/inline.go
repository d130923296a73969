package html

import (
	"regexp"
	"strings"
	"sync"

	"github.com/rst2go/rst2go/gen/doc"
)

// This file reads inline content (text, emphasis, literals and links) and
// the blocks of a table cell or note: paragraphs, lists, code and notes.

var (
	strongTags   = set("strong", "b")
	emphasisTags = set("em", "i", "cite", "dfn")
	literalTags  = set("code", "tt", "samp", "kbd", "var")
)

// inlineBuf collects inlines, joining adjacent plain text.
type inlineBuf struct {
	out   []*doc.Inline
	plain strings.Builder
}

func (b *inlineBuf) text(s string) { b.plain.WriteString(s) }

func (b *inlineBuf) add(in *doc.Inline) {
	b.flush()
	b.out = append(b.out, in)
}

func (b *inlineBuf) flush() {
	if b.plain.Len() > 0 {
		b.out = append(b.out, &doc.Inline{Kind: doc.Plain, Text: b.plain.String()})
		b.plain.Reset()
	}
}

func (b *inlineBuf) done() []*doc.Inline {
	b.flush()
	return b.out
}

// inlines reads inline content. Text keeps its white space; readers of the
// model fold it ([doc.InlinesText]), as a browser does.
func (r *reader) inlines(nodes []*node) []*doc.Inline {
	var b inlineBuf
	r.addInlines(&b, nodes)
	return b.done()
}

func (r *reader) addInlines(b *inlineBuf, nodes []*node) {
	for _, n := range nodes {
		r.addInline(b, n)
	}
}

func (r *reader) addInline(b *inlineBuf, n *node) {
	switch {
	case n.tag == "":
		b.text(n.text)
	case skip(n) || n.tag == "img" || n.tag == "head" || n.tag == "title":
	case n.tag == "br":
		b.text("\n")
	case n.tag == "a" && n.attr("href") != "":
		// The text of a link is plain: markup inside it is dropped, as
		// an RST link title can hold none.
		if ref := r.ref(n); ref != nil {
			b.add(&doc.Inline{Kind: doc.Link, Text: textOf(n.kids), Ref: ref})
		} else {
			r.addInlines(b, n.kids)
		}
	case strongTags[n.tag]:
		r.styled(b, n, doc.Strong)
	case emphasisTags[n.tag]:
		r.styled(b, n, doc.Emphasis)
	case literalTags[n.tag]:
		r.styled(b, n, doc.Literal)
	default:
		r.addInlines(b, n.kids)
	}
}

// styled adds strong, emphasis or literal text. RST cannot nest a link in
// them: a styled run holding a link is read as its parts.
func (r *reader) styled(b *inlineBuf, n *node, kind doc.InlineKind) {
	inner := r.inlines(n.kids)
	var text strings.Builder
	for _, in := range inner {
		if in.Kind == doc.Link {
			for _, in := range inner {
				if in.Kind == doc.Plain {
					b.text(in.Text)
				} else {
					b.add(in)
				}
			}
			return
		}
		text.WriteString(in.Text)
	}
	// White space at the edges goes outside, as RST markup cannot hold
	// it: "<b>Table 1 </b>x" is strong "Table 1", then " x".
	s := text.String()
	core := strings.TrimSpace(s)
	if core == "" {
		b.text(s) // "<b> </b>" still parts two words
		return
	}
	start := strings.Index(s, core)
	b.text(s[:start])
	b.add(&doc.Inline{Kind: kind, Text: core})
	b.text(s[start+len(core):])
}

// ref reads a link's href, or nil when it is no reference ("#",
// "javascript:...").
func (r *reader) ref(n *node) *doc.Ref {
	href := strings.TrimSpace(n.attr("href"))
	pos := r.pos.pos(n.off)
	lower := strings.ToLower(href)
	switch {
	case href == "" || href == "#" || strings.HasPrefix(lower, "javascript:"):
		return nil
	case strings.HasPrefix(href, "#"):
		return &doc.Ref{Pos: pos, Label: doc.NormalizeLabel(href[1:])}
	case strings.Contains(href, "://") || strings.HasPrefix(lower, "mailto:") || strings.HasPrefix(href, "//"):
		return &doc.Ref{Pos: pos, URL: href}
	}
	page, anchor, _ := strings.Cut(href, "#")
	page, _, _ = strings.Cut(page, "?")
	if page == "" {
		if doc.NormalizeLabel(anchor) == "" {
			return nil // "?q=1": this page again
		}
		return &doc.Ref{Pos: pos, Label: doc.NormalizeLabel(anchor)}
	}
	return &doc.Ref{Pos: pos, Page: page, Label: doc.NormalizeLabel(anchor)}
}

// textOf is the plain text of content, white space folded, with blocks
// parted by a space.
func textOf(nodes []*node) string {
	var b strings.Builder
	var walk func([]*node)
	walk = func(nodes []*node) {
		for _, n := range nodes {
			switch {
			case n.tag == "":
				b.WriteString(n.text)
			case skip(n) || n.tag == "head" || n.tag == "title":
			case n.tag == "br" || isBlock(n):
				b.WriteByte(' ')
				walk(n.kids)
				b.WriteByte(' ')
			default:
				walk(n.kids)
			}
		}
	}
	walk(nodes)
	return strings.Join(strings.Fields(b.String()), " ")
}

// blocks reads the content of a table cell, list item or note. Lists of
// the same kind with nothing between them are one list, as in RST (the
// family's HTML often writes each item as a list of its own).
func (r *reader) blocks(kids []*node) []*doc.Block {
	var out []*doc.Block
	add := func(b *doc.Block) {
		if n := len(out); n > 0 && b.Kind == doc.List && out[n-1].Kind == doc.List && out[n-1].Ordered == b.Ordered {
			out[n-1].Items = append(out[n-1].Items, b.Items...) // both are new blocks of this cell
			return
		}
		out = append(out, b)
	}
	segment(kids, func(run []*node) {
		if p := r.paragraph(run); p != nil {
			add(p)
		}
	}, func(n *node) {
		for _, b := range r.blockOf(n) {
			add(b)
		}
	})
	return out
}

// paragraph reads inline content as a paragraph, or nil if it holds no text.
func (r *reader) paragraph(run []*node) *doc.Block {
	in := r.inlines(run)
	empty := true
	for _, x := range in {
		if x.Ref != nil || strings.TrimSpace(x.Text) != "" {
			empty = false
		}
	}
	if empty {
		return nil
	}
	return &doc.Block{Kind: doc.Paragraph, Pos: r.pos.pos(runOff(run)), Inlines: in}
}

func (r *reader) blockOf(n *node) []*doc.Block {
	switch {
	case skip(n) || n.tag == "head" || n.tag == "title" || n.tag == "meta" || n.tag == "hr":
		return nil
	case isList(n):
		b := &doc.Block{Kind: doc.List, Pos: r.pos.pos(contentOff(n)), Ordered: n.tag == "ol"}
		for _, item := range items(n) {
			b.Items = append(b.Items, r.blocks(item))
		}
		if len(b.Items) == 0 {
			return nil
		}
		return []*doc.Block{b}
	case isPre(n):
		text := preText(n)
		if text == "" {
			return nil
		}
		return []*doc.Block{{Kind: doc.Code, Pos: r.pos.pos(contentOff(n)), Text: text, Lang: langOf(n)}}
	case noteLabel(n) != "":
		body := r.blocks(noteBody(n))
		return []*doc.Block{{Kind: doc.Note, Pos: r.pos.pos(n.off), Label: noteLabel(n), Blocks: dropNoteTitle(body)}}
	case n.tag == "table":
		r.diags.Warnf(r.pos.pos(n.off), "nested-table", "a table inside a table cell is kept as text")
		t := r.readTable(n)
		var out []*doc.Block
		for _, row := range t.Rows {
			var cells []string
			for _, c := range row.Cells {
				cells = append(cells, c.Text())
			}
			out = append(out, &doc.Block{Kind: doc.Paragraph, Pos: row.Pos, Inlines: []*doc.Inline{{Kind: doc.Plain, Text: strings.Join(cells, " | ")}}})
		}
		return out
	case headingRank(n) > 0 || (n.tag == "p" && !n.hasBlock):
		if p := r.paragraph(n.kids); p != nil {
			return []*doc.Block{p}
		}
		return nil
	}
	return r.blocks(n.kids)
}

// noteWords are the class words of notes (DITA's note types, and the
// admonitions of Sphinx's HTML).
var noteWords = set("note", "notice", "caution", "warning", "danger", "tip", "important", "attention",
	"hint", "remember", "restriction", "error", "seealso")

// noteLabel is the kind of note n is ("note", "warning", ...), or "".
func noteLabel(n *node) string {
	if n.tag != "div" && n.tag != "aside" && n.tag != "section" && n.tag != "blockquote" {
		return ""
	}
	admonition := false
	for c := range strings.FieldsSeq(strings.ToLower(n.attr("class"))) {
		if noteWords[c] {
			return c
		}
		admonition = admonition || c == "admonition"
	}
	if admonition {
		return "note"
	}
	return ""
}

// noteBody is a note's content without its title (DITA's
// span.notetitle "NOTE:", Sphinx's p.admonition-title) and icon.
func noteBody(n *node) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.tag == "img" || k.hasClass("notetitle") || k.hasClass("admonition-title") || k.hasClass("title") {
			continue
		}
		out = append(out, k)
	}
	return out
}

var noteTitle = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*(note|notice|caution|warning|danger|tip|important|attention|hint)\s*(:\s*|$)`)
})

// dropNoteTitle removes a title word the note's text starts with
// ("NOTE: ...", "<b>Warning</b> ..."): the note's label says it. Plain
// text needs the colon: "Note that ..." is text.
func dropNoteTitle(blocks []*doc.Block) []*doc.Block {
	if len(blocks) == 0 || blocks[0].Kind != doc.Paragraph || len(blocks[0].Inlines) == 0 {
		return blocks
	}
	p := blocks[0]
	first := p.Inlines[0]
	m := noteTitle().FindStringIndex(first.Text)
	if m == nil || first.Kind == doc.Link || (first.Kind == doc.Plain && !strings.Contains(first.Text[:m[1]], ":")) {
		return blocks
	}
	inlines := p.Inlines[1:]
	if rest := first.Text[m[1]:]; rest != "" {
		inlines = append([]*doc.Inline{{Kind: first.Kind, Text: rest}}, inlines...)
	}
	if doc.InlinesText(inlines) == "" && !hasRef(inlines) {
		return blocks[1:]
	}
	q := *p
	q.Inlines = inlines
	return append([]*doc.Block{&q}, blocks[1:]...)
}

func hasRef(in []*doc.Inline) bool {
	for _, x := range in {
		if x.Ref != nil {
			return true
		}
	}
	return false
}

// preText is the text of a code block as the RST twin has it: the newline
// right after <pre> dropped (HTML does), tabs expanded to 4-column stops
// (the family's RST twins have them so), trailing white space, the common
// indentation and blank lines at both ends removed.
func preText(n *node) string {
	var b strings.Builder
	var walk func([]*node)
	walk = func(nodes []*node) {
		for _, k := range nodes {
			switch {
			case k.tag == "":
				b.WriteString(k.text)
			case k.tag == "br":
				b.WriteByte('\n')
			case skip(k):
			default:
				walk(k.kids)
			}
		}
	}
	walk(n.kids)
	text := strings.TrimPrefix(b.String(), "\n")
	lines := strings.Split(text, "\n")
	least := -1
	for i, l := range lines {
		l = strings.TrimRight(expandTabs(l), " \t\v\f\u00a0")
		lines[i] = l
		if l == "" {
			continue
		}
		if ind := len(l) - len(strings.TrimLeft(l, " ")); least < 0 || ind < least {
			least = ind
		}
	}
	for i, l := range lines {
		if len(l) >= least && least > 0 {
			lines[i] = l[least:]
		}
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// expandTabs expands tabs to 4-column stops, as the RST twins of the
// family's pages have them.
func expandTabs(s string) string { return doc.ExpandTabs(s, 4) }

// langOf reads a code block's language from its class or the class of the
// <code> in it or of its parent's wrapper: "language-json", "lang-json",
// "highlight-json", or a bare language word. DITA's "screen" and
// "codeblock" name no language.
func langOf(n *node) string {
	if l := langOfClass(n.attr("class")); l != "" {
		return l
	}
	for _, k := range n.kids {
		if k.tag == "code" {
			return langOfClass(k.attr("class"))
		}
	}
	return ""
}

var langWords = set("json", "xml", "yaml", "yml", "bash", "shell", "sh", "console", "python", "go", "java",
	"javascript", "js", "http", "text", "html", "ini", "toml", "sql")

func langOfClass(class string) string {
	for c := range strings.FieldsSeq(strings.ToLower(class)) {
		for _, prefix := range []string{"language-", "lang-", "highlight-", "brush:"} {
			if l, ok := strings.CutPrefix(c, prefix); ok && l != "" {
				return l
			}
		}
		if langWords[c] {
			return c
		}
	}
	return ""
}
