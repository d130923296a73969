// Package rst reads reStructuredText pages of API reference documentation
// into the document model ([doc.Page]).
//
// The reader follows docutils: grid and simple tables are parsed with
// docutils' algorithms (package table) and their cells parsed again as RST;
// sections, `.. _label:` targets, `.. table::` titles, lists, literal and
// code blocks, notes and block quotes are read as docutils reads them.
// Targets name the element that follows them, as docutils' pending targets
// do: a table, a section, or the block quote, list or short caption
// paragraph a table opens. Parsing never fails: what cannot be read is
// reported as a positioned warning and the rest of the page still comes out.
package rst

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// Read reads one page. path is used in positions and stored in the page.
//
// The model's strings point into src, which is not copied: src must not
// change while the page is in use (the command maps input files
// read-only, see package mapfile). The page's cells, blocks and inlines
// come from a few large allocations (see arena): reading is one pass over
// the lines with little garbage.
func Read(path string, src []byte) (*doc.Page, source.List) {
	return ReadWith(path, src, Options{})
}

// Options are choices about what a page keeps.
type Options struct {
	// DropRows reads each parameter table's rows into its Params as the
	// table is read and keeps no rows (nor their cells): the Params hold
	// all that the resolver and the emitter read of them, and on a page
	// of many tables the rows' names, types and cells were half the page's
	// memory. Description cells' content is kept (in the Params).
	DropRows bool
}

// ReadWith reads one page as Read does, with options.
func ReadWith(path string, src []byte, opts Options) (*doc.Page, source.List) {
	var diags source.List
	sc := scratchPool.Get().(*scratch)
	p := &parser{file: path, diags: &diags, a: &sc.arena, s: sc, dropRows: opts.DropRows}
	defer func() {
		p.s.reset()
		scratchPool.Put(p.s)
	}()
	sc.pageLines = splitLines(sc.pageLines[:0], src)
	nodes := p.parseBlocks(sc.pageLines)
	w := &walker{page: &doc.Page{Path: path, Format: "rst"}, section: -1}
	w.walk(nodes, "")
	w.flushLabels()
	w.page.Finish(&diags)
	return w.page, diags
}

// walker lays the node tree out as a page: sections, tables and examples in
// document order, with the labels and captions that belong to them.
type walker struct {
	page    *doc.Page
	section int
	styles  []string // section adornment styles in order of first use
	pending []string // labels waiting for the element they name
	// caption is the last short paragraph, waiting for a table or code
	// block right after it.
	caption string
	// status holds the section's status caption over what is under it.
	status doc.StatusHold
}

func (w *walker) flushLabels() { w.pending = nil }

func (w *walker) walk(nodes []*node, context string) {
	for _, n := range nodes {
		switch n.kind {
		case targetNode:
			w.pending = append(w.pending, n.text)
			continue
		case fieldNode:
			if n.lang == "original_name" && w.page.OriginalName == "" {
				w.page.OriginalName = n.text
			}
			continue
		case sectionNode:
			w.addSection(n)
			w.caption = ""
			w.status.Reset()
		case tableDirectiveNode:
			labels := append(w.takeLabels(), n.labels...)
			title := inlinesText(n.inlines)
			w.tablesIn(n.body, labels, title, n.pos, context)
			w.caption = ""
		case tableNode:
			w.addTable(n.table, w.takeLabels(), "", source.Pos{}, w.captionOr(context))
			w.caption = ""
		case quoteNode:
			// Labels before a block quote name what it holds.
			ctx := w.captionOr(context)
			w.caption = ""
			w.walk(n.body, ctx)
		case listNode:
			labels := w.takeLabels()
			for _, item := range n.items {
				w.pending = append(w.pending, labels...)
				labels = nil
				w.caption = ""
				w.walk(item, w.status.Caption(itemLead(item, context)))
				w.caption = ""
			}
			// The family writes "-  Normal responses" as a one-line item
			// followed by the table in a block quote: the last item's
			// lead captions what comes right after the list.
			if len(n.items) > 0 {
				if lead := itemLead(n.items[len(n.items)-1], ""); doc.IsCaption(lead) {
					w.caption = w.status.Caption(lead)
				}
			}
		case noteNode:
			w.flushLabels()
			w.walk(n.body, context)
		case codeNode:
			w.page.Examples = append(w.page.Examples, &doc.Example{
				Pos: n.pos, Section: w.section, Caption: w.captionOr(context), Lang: n.lang, Text: n.text,
			})
			w.flushLabels()
			w.caption = ""
		case paragraphNode:
			if doc.IsMethodLine(foldedPrefix(n.inlines, 24)) {
				if text := inlinesText(n.inlines); doc.IsMethodLine(text) {
					w.page.MethodLines = append(w.page.MethodLines, &doc.MethodLine{
						Pos: n.pos, Section: w.section, Caption: w.captionOr(context), Text: text,
					})
				}
			}
			if w.page.Summary == "" && w.section >= 0 && doc.IsSummarySection(w.page.Sections[w.section].Title) {
				w.page.SetSummary(w.section, inlinesText(n.inlines))
			}
			if text, ok := caption(n.inlines); ok {
				// Labels before a caption paragraph name the table after it.
				w.caption = w.status.Caption(text)
				continue
			}
			w.flushLabels()
			// "**Status code: 404**" then "The task ID does not
			// exist." then the example: the status still captions it.
			if !doc.IsStatusCaption(w.caption) {
				w.caption = ""
			}
		}
	}
}

func (w *walker) captionOr(context string) string {
	if w.caption != "" {
		return w.caption
	}
	return context
}

func (w *walker) takeLabels() []string {
	l := w.pending
	w.pending = nil
	return l
}

// tablesIn adds the tables inside a `.. table::` directive body.
func (w *walker) tablesIn(body []*node, labels []string, title string, titlePos source.Pos, context string) {
	for _, n := range body {
		switch n.kind {
		case tableNode:
			w.addTable(n.table, labels, title, titlePos, w.captionOr(context))
			labels = nil
		case quoteNode:
			w.tablesIn(n.body, labels, title, titlePos, context)
			labels = nil
		}
	}
}

func (w *walker) addTable(t *doc.Table, labels []string, title string, titlePos source.Pos, caption string) {
	t.Labels = append(t.Labels, labels...)
	t.Title, t.TitlePos = title, titlePos
	if title == "" && caption != "" && doc.StartsWithTableN(caption) {
		t.Title, t.TitlePos = caption, t.Pos
	}
	t.Caption = caption
	t.Section = w.section
	w.page.Tables = append(w.page.Tables, t)
}

func (w *walker) addSection(n *node) {
	level := -1
	for i, s := range w.styles {
		if s == n.style {
			level = i
		}
	}
	if level < 0 {
		w.styles = append(w.styles, n.style)
		level = len(w.styles) - 1
	}
	title := inlinesText(n.inlines)
	parent := w.section
	for parent >= 0 && w.page.Sections[parent].Level >= level {
		parent = w.page.Sections[parent].Parent
	}
	s := &doc.Section{Title: title, Pos: n.pos, Level: level, Parent: parent, ID: doc.MakeID(title), Labels: w.takeLabels()}
	w.page.Sections = append(w.page.Sections, s)
	w.section = len(w.page.Sections) - 1
	if w.page.Title == "" {
		w.page.Title, w.page.TitlePos = title, n.pos
		w.page.Labels = append(w.page.Labels, s.Labels...)
	}
}

// itemLead is the text of a list item's first paragraph ("Normal
// responses"), the context for tables and code blocks inside the item.
func itemLead(item []*node, outer string) string {
	if len(item) > 0 && item[0].kind == paragraphNode {
		return inlinesText(item[0].inlines)
	}
	return outer
}

// caption returns the text of a paragraph when it reads as a caption
// (doc.IsCaption). Most paragraphs are long sentences: their text is not
// built just to be measured.
func caption(in []*doc.Inline) (string, bool) {
	if n := foldedLen(in); n > 80 && !doc.StartsWithTableN(foldedPrefix(in, len("Table 1"))) {
		return "", false
	}
	text := inlinesText(in)
	return text, doc.IsCaption(text)
}

// foldedLen is len(doc.InlinesText(in)).
func foldedLen(in []*doc.Inline) int { return doc.FoldedLen(in, math.MaxInt) }

// foldedPrefix is the first n bytes (or fewer) of doc.InlinesText(in).
func foldedPrefix(in []*doc.Inline, n int) string {
	var b []byte
	space := false
	for _, x := range in {
		for t := x.Text; t != "" && len(b) < n; {
			r, size := utf8.DecodeRuneInString(t)
			if unicode.IsSpace(r) {
				space = true
			} else {
				if space && len(b) > 0 {
					b = append(b, ' ')
				}
				b = append(b, t[:size]...)
				space = false
			}
			t = t[size:]
		}
	}
	return string(b[:min(n, len(b))])
}

// inlinesText is doc.InlinesText, building the text once: a run of text
// that is already folded is returned as it is, and white space is folded
// on the way instead of by splitting into words.
func inlinesText(in []*doc.Inline) string {
	n := 0
	for _, x := range in {
		n += len(x.Text)
	}
	if len(in) == 1 && folded(in[0].Text) {
		return in[0].Text
	}
	var b strings.Builder
	b.Grow(n)
	space := false
	for _, x := range in {
		for t := x.Text; t != ""; {
			r, size := utf8.DecodeRuneInString(t)
			if unicode.IsSpace(r) {
				space = true
			} else {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(t[:size])
				space = false
			}
			t = t[size:]
		}
	}
	return b.String()
}

// folded reports whether doc.InlinesText leaves s as it is: words with
// single spaces between them.
func folded(s string) bool {
	space := true // a space at the start is not allowed either
	for _, r := range s {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
		case unicode.IsSpace(r):
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}
