// Package markdown reads API reference pages written in Markdown (CommonMark
// with GFM tables) into the document model ([doc.Page]), the same model the
// RST reader gives for the same content.
//
// goldmark parses the page (its parser only, with the GFM table extension);
// this package lays the tree out as a page, the way package rst does:
//
//   - Headings are sections: the first one is the page title. A section's
//     level is its heading's rank among the heading levels the page uses,
//     so a page whose top heading is "##" reads as one whose top is "#".
//   - An HTML anchor, <a name="x"></a> or <a id="x"></a>, inline or as an
//     HTML block, labels the heading or table after it, as an RST target
//     does; a heading attribute {#x} labels its section.
//   - A paragraph "**Table 3** Response body" (or "Table 3 ...") right
//     before a table is its title; another short paragraph ("Status code:
//     200", "Normal responses"), or the lead text of the list item the
//     table sits in, is its caption (see [doc.IsCaption]).
//   - Fenced and indented code blocks are examples, captioned the same way.
//   - Cells are inline text: <br> and <p> split a cell into paragraphs and
//     <ul>/<ol> with <li> make lists; links to "#anchor", "page.md#anchor",
//     "page.md" and outside URLs become references.
//
// Reading never fails: what cannot be read (a table whose delimiter row does
// not match its header, cells beyond the header's columns, nesting deeper
// than 64 levels, HTML tables) is reported as a positioned warning.
package markdown

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// maxDepth bounds nesting (block quotes in list items ...), as the RST
// reader does, so that hostile input cannot exhaust the stack.
const maxDepth = 64

// markdown is goldmark's CommonMark parser with GFM tables and heading
// attributes, made when the first Markdown page is read: a run without
// one does not pay for it. goldmark parsers are safe for concurrent use.
var markdown = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
			util.Prioritized(extension.NewTableParagraphTransformer(), 200))...),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
		parser.WithHeadingAttribute(),
	)
})

// reader holds what every part of a reading needs.
type reader struct {
	src        []byte
	pos        *positions
	diags      *source.List
	deepWarned bool // a nesting warning was given
}

// Read reads one page. path is used in positions and stored in the page.
func Read(path string, src []byte) (*doc.Page, source.List) {
	var diags source.List
	src = clean(src)
	src, bounded := boundLinks(src)
	src, deep := boundNesting(src)
	r := &reader{src: src, pos: newPositions(path, src), diags: &diags}
	if deep >= 0 {
		r.deepWarned = true
		diags.Warnf(r.pos.at(deep), "nesting", "nesting deeper than %d levels: %q and what it holds is not read", maxDepth, excerpt(r.restOfLine(deep)))
	}
	if bounded >= 0 {
		diags.Warnf(r.pos.at(bounded), "too-complex", "a block with more than %d links left open (\"](\" with no \")\"), or with many lines and brackets: some brackets are read as spaces, or reading would take time quadratic in the block", maxOpenLinks)
	}
	root := markdown().Parse(text.NewReader(src))
	w := &walker{r: r, page: &doc.Page{Path: path, Format: "md"}, section: -1}
	w.rankHeadings(root)
	w.walk(root, "", 0)
	w.flushLabels()
	w.page.Finish(&diags)
	return w.page, diags
}

func (r *reader) tooDeep(n ast.Node) {
	if r.deepWarned {
		return
	}
	r.deepWarned = true
	off := r.offset(n)
	r.diags.Warnf(r.pos.at(off), "nesting", "nesting deeper than %d levels: %q and what it holds is not read", maxDepth, excerpt(r.restOfLine(off)))
}

// restOfLine is the source text from off to the end of its line.
func (r *reader) restOfLine(off int) string {
	if off < 0 || off >= len(r.src) {
		return ""
	}
	line, _, _ := strings.Cut(string(r.src[off:min(len(r.src), off+200)]), "\n")
	return line
}

// offset is where a node starts, or -1.
func (r *reader) offset(n ast.Node) int {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if n.Type() != ast.TypeInline {
		if lines := n.Lines(); lines != nil && lines.Len() > 0 {
			return lines.At(0).Start
		}
	}
	return n.Pos()
}

// walker lays the tree out as a page: sections, tables and examples in
// document order, with the labels, titles and captions that belong to
// them. It follows the RST reader's walker step by step.
type walker struct {
	r       *reader
	page    *doc.Page
	section int
	ranks   [7]int   // heading level → section level
	pending []string // labels waiting for the element they name
	// caption is the last short paragraph, waiting for a table or code
	// block right after it; title is the last "Table N" paragraph.
	caption string
	// status holds the section's status caption over what is under it.
	status   doc.StatusHold
	title    string
	titlePos source.Pos
}

func (w *walker) flushLabels() { w.pending = nil }

func (w *walker) takeLabels() []string {
	l := w.pending
	w.pending = nil
	return l
}

func (w *walker) captionOr(context string) string {
	if w.caption != "" {
		return w.caption
	}
	return context
}

// rankHeadings finds the heading levels the page uses and numbers them
// from 0.
func (w *walker) rankHeadings(root ast.Node) {
	var used [7]bool
	var visit func(n ast.Node, depth int)
	visit = func(n ast.Node, depth int) {
		if depth > maxDepth {
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Heading:
				used[min(max(c.Level, 1), 6)] = true
			case *ast.Blockquote, *ast.List, *ast.ListItem:
				visit(c, depth+1)
			}
		}
	}
	visit(root, 0)
	rank := 0
	for level := 1; level <= 6; level++ {
		w.ranks[level] = rank
		if used[level] {
			rank++
		}
	}
}

func (w *walker) walk(parent ast.Node, context string, depth int) {
	if depth > maxDepth {
		w.r.tooDeep(parent)
		return
	}
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			w.addSection(n)
			w.caption, w.title = "", ""
		case *ast.Paragraph, *ast.TextBlock:
			w.paragraph(n, context)
		case *east.Table:
			w.addTable(n, context)
			w.caption, w.title = "", ""
		case *ast.Blockquote:
			// Labels and a title before a block quote name what it holds.
			ctx := w.captionOr(context)
			w.caption = ""
			w.walk(n, ctx, depth+1)
		case *ast.List:
			labels := w.takeLabels()
			var last ast.Node
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				w.pending = append(w.pending, labels...)
				labels = nil
				w.caption, w.title = "", ""
				w.walk(item, w.status.Caption(w.itemLead(item, context)), depth+1)
				w.caption, w.title = "", ""
				last = item
			}
			// "- Normal responses" followed, after the list, by the table
			// it introduces: the last item's lead captions it, as in RST.
			if last != nil {
				if lead := w.itemLead(last, ""); doc.IsCaption(lead) {
					w.caption = w.status.Caption(lead)
				}
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			w.addExample(n, context)
			w.flushLabels()
			w.caption, w.title = "", ""
		case *ast.HTMLBlock:
			w.htmlBlock(n)
		}
	}
}

// paragraph reads a paragraph outside tables: anchors in it are labels; a
// "Table N" paragraph titles the next table; another short one captions
// it; a sentence ends what came before.
func (w *walker) paragraph(n ast.Node, context string) {
	p := &para{first: -1}
	w.r.inlines(n, p, 0)
	text := p.text()
	w.page.SetSummary(w.section, text)
	if doc.IsMethodLine(text) {
		w.page.MethodLines = append(w.page.MethodLines, &doc.MethodLine{
			Pos: w.r.pos.at(max(p.first, 0)), Section: w.section, Caption: w.captionOr(context), Text: text,
		})
	}
	switch {
	case w.r.malformedTable(n):
		w.flushLabels()
		w.caption, w.title = "", ""
	case text == "":
		w.pending = append(w.pending, p.labels...)
	case doc.StartsWithTableN(text):
		w.pending = append(w.pending, p.labels...)
		w.title, w.titlePos = text, w.r.pos.at(p.first)
	case doc.IsCaption(text):
		w.pending = append(w.pending, p.labels...)
		w.caption = w.status.Caption(text)
	default:
		w.flushLabels()
		w.title = ""
		// "Status code: 404" then "The task ID does not exist." then
		// the example: the status still captions it.
		if !doc.IsStatusCaption(w.caption) {
			w.caption = ""
		}
	}
}

// itemLead is the text of a list item's first paragraph ("Normal
// responses"), the context for tables and code blocks inside the item.
func (w *walker) itemLead(item ast.Node, outer string) string {
	switch first := item.FirstChild().(type) {
	case *ast.Paragraph, *ast.TextBlock:
		p := &para{first: -1}
		w.r.inlines(first, p, 0)
		return p.text()
	}
	return outer
}

func (w *walker) htmlBlock(n *ast.HTMLBlock) {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(w.r.src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(w.r.src))
	}
	block := b.String()
	w.pending = append(w.pending, anchorsIn([]byte(block))...)
	if i := indexFold(block, "<table"); i >= 0 {
		first, _, _ := strings.Cut(block[i:], "\n")
		w.r.diags.Warnf(w.r.pos.at(w.r.offset(n)), "html-table", "html table %q in markdown is not read", excerpt(first))
	}
}

func (w *walker) addSection(n *ast.Heading) {
	p := &para{first: -1}
	w.r.inlines(n, p, 0)
	w.pending = append(w.pending, p.labels...)
	if id, ok := n.AttributeString("id"); ok {
		if b, ok := id.([]byte); ok && len(b) > 0 {
			w.pending = append(w.pending, doc.NormalizeLabel(string(b)))
		}
	}
	title := p.text()
	level := w.ranks[min(max(n.Level, 1), 6)]
	parent := w.section
	for parent >= 0 && w.page.Sections[parent].Level >= level {
		parent = w.page.Sections[parent].Parent
	}
	// An ATX heading is placed at its "#"; a setext heading at its text,
	// since goldmark places it at its first line, which may hold only an
	// anchor.
	pos := w.r.pos.at(n.Pos())
	if p.first >= 0 {
		if first := w.r.pos.at(p.first); first.Line != pos.Line {
			pos = first
		}
	}
	s := &doc.Section{Title: title, Pos: pos, Level: level, Parent: parent, ID: doc.MakeID(title), Labels: w.takeLabels()}
	w.page.Sections = append(w.page.Sections, s)
	w.section = len(w.page.Sections) - 1
	w.status.Reset()
	if w.page.Title == "" {
		w.page.Title, w.page.TitlePos = title, pos
		w.page.Labels = append(w.page.Labels, s.Labels...)
	}
}

func (w *walker) addTable(n *east.Table, context string) {
	t := w.r.table(n)
	t.Labels = append(t.Labels, w.takeLabels()...)
	if w.title != "" {
		t.Title, t.TitlePos = w.title, w.titlePos
	}
	t.Caption = w.captionOr(context)
	t.Section = w.section
	w.page.Tables = append(w.page.Tables, t)
}

// addExample adds a code block. Its text loses trailing white space on each
// line and blank lines at both ends, as an RST code block's does.
func (w *walker) addExample(n ast.Node, context string) {
	lines := n.Lines()
	var ls []string
	at, found := n.Pos(), false // at the first non-blank line's text, as in RST
	for i := range lines.Len() {
		seg := lines.At(i)
		line := strings.TrimRight(string(seg.Value(w.r.src)), " \t\n")
		if !found && strings.TrimSpace(line) != "" {
			at, found = w.r.lineStart(seg.Start), true
		}
		ls = append(ls, strings.Repeat(" ", max(seg.Padding, 0))+line)
	}
	for len(ls) > 0 && strings.TrimSpace(ls[0]) == "" {
		ls = ls[1:]
	}
	for len(ls) > 0 && strings.TrimSpace(ls[len(ls)-1]) == "" {
		ls = ls[:len(ls)-1]
	}
	var lang string
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		lang = unescape(string(f.Language(w.r.src)))
	}
	w.page.Examples = append(w.page.Examples, &doc.Example{
		Pos: w.r.pos.at(at), Section: w.section, Caption: w.captionOr(context), Lang: lang, Text: strings.Join(ls, "\n"),
	})
}

// indexFold is strings.Index for an ASCII substring, ignoring case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// excerpt shortens source text quoted in a diagnostic to 40 bytes, at a
// character boundary.
func excerpt(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= 40 {
		return s
	}
	cut := 40
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}
