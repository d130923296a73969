package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// This file reads GFM tables: the header row's cell texts, and body rows
// of cells whose inline content becomes blocks. A GFM cell is one line;
// raw HTML gives it more structure (<br> between paragraphs, <ul><li> lists).

// table turns a goldmark table into the model, without labels, title or
// caption (the walker knows those).
func (r *reader) table(t *east.Table) *doc.Table {
	// goldmark places the table at the paragraph it came from, which may
	// start with the lines before the header row: place it at the header.
	dt := &doc.Table{Pos: r.pos.at(r.lineStart(t.Pos())), Form: "gfm", Section: -1}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		switch row.(type) {
		case *east.TableHeader:
			dt.Pos = r.pos.at(r.lineStart(row.Pos()))
			// A <br> in a header cell wraps a line, as a multi-line
			// header cell of a grid table does: fold it to a space.
			for _, c := range r.cells(row) {
				dt.Header = append(dt.Header, strings.Join(strings.Fields(c.Text()), " "))
			}
		case *east.TableRow:
			cells := r.cells(row)
			rowPos := r.pos.at(r.lineStart(row.Pos()))
			if len(cells) > 0 {
				rowPos = cells[0].Pos
			}
			dt.Rows = append(dt.Rows, &doc.Row{Pos: rowPos, Cells: cells})
			r.extraCells(row)
		}
	}
	return dt
}

// lineStart moves off past spaces and tabs: goldmark places rows at the
// start of their line segment.
func (r *reader) lineStart(off int) int {
	if off < 0 {
		return off
	}
	for off < len(r.src) && (r.src[off] == ' ' || r.src[off] == '\t') {
		off++
	}
	return off
}

func (r *reader) cells(row ast.Node) []*doc.Cell {
	var cells []*doc.Cell
	rowPos := r.pos.at(r.lineStart(row.Pos()))
	for n := row.FirstChild(); n != nil; n = n.NextSibling() {
		// A cell GFM adds to a short row has no text: place it at the row.
		c := &doc.Cell{Pos: rowPos}
		if lines := n.Lines(); lines != nil && lines.Len() > 0 {
			c.Pos = r.pos.at(lines.At(0).Start)
		}
		b := &cellBuilder{r: r}
		r.inlines(n, b, 0)
		c.Blocks = b.finish()
		cells = append(cells, c)
	}
	return cells
}

// extraCells warns about the cells of a body row beyond the header's
// columns, which GFM drops.
func (r *reader) extraCells(row ast.Node) {
	last := row.LastChild()
	if last == nil || last.Lines() == nil || last.Lines().Len() == 0 {
		return
	}
	stop := last.Lines().At(last.Lines().Len() - 1).Stop
	if stop < 0 || stop > len(r.src) {
		return
	}
	line := r.src[stop:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i >= len(line) || line[i] != '|' {
		return
	}
	i = stop + i + 1
	start := r.lineStart(i)
	extra := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(string(r.src[i:stop+len(line)])), "|"))
	if extra == "" {
		return
	}
	r.diags.Warnf(r.pos.at(start), "extra-cells", "table row has more cells than the header row: %q is dropped", excerpt(extra))
}

// delimiterRow matches a GFM delimiter row ("|---|:--:|").
var delimiterRow = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
})

// malformedTable reports a paragraph that reads as a table with a header
// and a delimiter row that do not agree (goldmark leaves it a paragraph),
// and returns whether it found one.
func (r *reader) malformedTable(n ast.Node) bool {
	lines := n.Lines()
	if lines == nil {
		return false
	}
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		v := string(seg.Value(r.src))
		if strings.Contains(v, "|") && delimiterRow().MatchString(strings.TrimRight(v, "\n")) {
			head := lines.At(i - 1)
			prev := strings.TrimSpace(string(head.Value(r.src)))
			r.diags.Warnf(r.pos.at(r.lineStart(seg.Start)), "malformed-table",
				"malformed table: the delimiter row %q does not match the header row %q; the table is skipped",
				excerpt(v), excerpt(prev))
			return true
		}
	}
	return false
}

// cellBuilder collects the blocks of one cell: paragraphs split at <br>
// and <p>, and lists from <ul>/<ol> and <li>.
type cellBuilder struct {
	r     *reader
	top   []*doc.Block
	lists []*openList
	para  *doc.Block // the open paragraph, whose inlines are in run
	run   runs
}

type openList struct {
	block  *doc.Block
	item   []*doc.Block
	inItem bool
}

// container is where the next block goes: the open list item, if any.
func (c *cellBuilder) container() *[]*doc.Block {
	if n := len(c.lists); n > 0 {
		l := c.lists[n-1]
		l.inItem = true
		return &l.item
	}
	return &c.top
}

func (c *cellBuilder) inline(in *doc.Inline, off int) {
	if c.para == nil {
		if in.Ref == nil && strings.TrimSpace(in.Text) == "" {
			return
		}
		c.para = &doc.Block{Kind: doc.Paragraph, Pos: c.r.pos.at(off)}
		ct := c.container()
		*ct = append(*ct, c.para)
	}
	c.run.add(in)
}

func (c *cellBuilder) html(t tag, off int) {
	switch t.name {
	case "ul", "ol":
		c.endPara()
		if t.closing {
			c.popList()
		} else if len(c.lists) < maxDepth {
			c.lists = append(c.lists, &openList{block: &doc.Block{Kind: doc.List, Pos: c.r.pos.at(off), Ordered: t.name == "ol"}})
		}
	case "li":
		c.endPara()
		if n := len(c.lists); n > 0 {
			c.endItem(c.lists[n-1])
			c.lists[n-1].inItem = !t.closing
		}
	default:
		if t.breaks() {
			c.endPara()
		}
	}
}

func (c *cellBuilder) endPara() {
	if c.para != nil {
		c.para.Inlines = trimInlines(c.run.done())
		c.para, c.run = nil, runs{}
	}
}

func (c *cellBuilder) endItem(l *openList) {
	if l.inItem && len(l.item) > 0 {
		l.block.Items = append(l.block.Items, l.item)
	}
	l.item, l.inItem = nil, false
}

func (c *cellBuilder) popList() {
	n := len(c.lists)
	if n == 0 {
		return
	}
	l := c.lists[n-1]
	c.endItem(l)
	c.lists = c.lists[:n-1]
	if len(l.block.Items) > 0 {
		ct := c.container()
		*ct = append(*ct, l.block)
	}
}

// finish closes what the cell left open and returns its blocks.
func (c *cellBuilder) finish() []*doc.Block {
	c.endPara()
	for len(c.lists) > 0 {
		c.popList()
	}
	return c.top
}
