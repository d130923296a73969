package html

import (
	"strconv"
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// maxColumns bounds a table's width and so its grid: API tables have a
// handful of columns, and a hostile colspan must not make a small page
// allocate a huge grid.
const maxColumns = 64

// gridRow is a row of a table once spans are laid out.
type gridRow struct {
	pos   source.Pos // the <tr>
	cells []*doc.Cell
	allTH bool // every cell of the row's own is a <th>
	head  bool // the row is in <thead>
}

// tableReader holds one table's reading.
type tableReader struct {
	r      *reader
	t      *doc.Table
	groups []*rowGroup
	body   *rowGroup // the open implicit body group of bare <tr>s
	stray  bool      // the stray-content warning was given
	wide   bool      // the too-wide warning was given
	// Cells that hold nothing are shared within the table: covered from
	// the row above (rowspan) or from the left (colspan), and padding at
	// the end of a short row. A wide table has many of them, and one
	// allocation each would let a hostile page cost memory far beyond its
	// size. Nothing writes to a cell once read.
	above, left, pad *doc.Cell
}

type rowGroup struct {
	head bool
	trs  []*node
}

// readTable reads a <table>: its caption as the title, its id and the
// anchors inside it (outside cells) as labels, the last header row as the
// header and the rest as rows, spans laid out on a grid. The caller adds
// the labels before it, the caption and the section.
func (r *reader) readTable(n *node) *doc.Table {
	tr := &tableReader{r: r, t: &doc.Table{Pos: r.pos.pos(n.off), Form: "html", Section: -1}}
	tr.t.Labels = appendLabel(nil, n.attr("id"))
	tr.collect(n.kids)
	tr.t.Labels = dedupe(tr.t.Labels)
	tr.above = &doc.Cell{Spanned: true}
	tr.left = &doc.Cell{Spanned: true}
	tr.pad = &doc.Cell{}
	var rows []*gridRow
	for _, g := range tr.groups {
		rows = append(rows, tr.grid(g)...)
	}
	width := 0
	for _, row := range rows {
		width = max(width, len(row.cells))
	}
	for _, row := range rows {
		for len(row.cells) < width {
			row.cells = append(row.cells, tr.pad)
		}
	}
	// The header is the last row of <thead>, or of the leading rows of
	// <th> (DITA writes one header row; the RST reader takes the last of
	// several, as docutils does).
	heads := 0
	for heads < len(rows) && rows[heads].head {
		heads++
	}
	if heads == 0 {
		for heads < len(rows) && rows[heads].allTH {
			heads++
		}
	}
	if heads > 0 {
		tr.t.Header = tr.headerTexts(rows[:heads])
	}
	for _, row := range rows[heads:] {
		rowPos := row.pos
		for _, c := range row.cells {
			if !c.Spanned && c.Pos.IsValid() {
				rowPos = c.Pos
				break
			}
		}
		tr.t.Rows = append(tr.t.Rows, &doc.Row{Pos: rowPos, Cells: row.cells})
	}
	return tr.t
}

// headerTexts are the texts of the last of the header rows. A cell covered
// from above still names its column: it takes the text of the cell that
// spans down to it.
func (tr *tableReader) headerTexts(rows []*gridRow) []string {
	last := len(rows) - 1
	texts := make([]string, len(rows[last].cells))
	for col, c := range rows[last].cells {
		for r := last - 1; c == tr.above && r >= 0; r-- {
			c = rows[r].cells[col]
		}
		texts[col] = c.Text()
	}
	return texts
}

// collect finds the caption and the rows of a table, in row groups. Bare
// rows form an implicit body group; wrappers a page put around rows are
// looked through.
func (tr *tableReader) collect(kids []*node) {
	for _, k := range kids {
		switch k.tag {
		case "":
			if strings.TrimSpace(k.text) != "" {
				tr.strayContent(k)
			}
		case "caption":
			if tr.t.Title == "" {
				tr.t.Title = textOf(k.kids)
				tr.t.TitlePos = tr.r.pos.pos(contentOff(k))
			}
			tr.t.Labels = appendAnchors(tr.t.Labels, k.kids)
		case "thead", "tbody", "tfoot":
			tr.body = nil
			tr.groups = append(tr.groups, &rowGroup{head: k.tag == "thead"})
			tr.rows(k.kids, tr.groups[len(tr.groups)-1])
		case "tr":
			if tr.body == nil {
				tr.body = &rowGroup{}
				tr.groups = append(tr.groups, tr.body)
			}
			tr.body.trs = append(tr.body.trs, k)
		case "colgroup", "col", "table":
			// A table directly in a table is no cell content: a browser
			// moves it out; the family has none.
		default:
			if skip(k) {
				continue
			}
			if k.tag == "a" {
				tr.t.Labels = appendAnchors(tr.t.Labels, []*node{k})
			}
			tr.collect(k.kids)
		}
	}
}

// rows adds the <tr>s of a row group, looking through wrappers.
func (tr *tableReader) rows(kids []*node, g *rowGroup) {
	for _, k := range kids {
		switch {
		case k.tag == "tr":
			g.trs = append(g.trs, k)
		case k.tag == "":
			if strings.TrimSpace(k.text) != "" {
				tr.strayContent(k)
			}
		case k.tag == "table" || skip(k):
		default:
			tr.rows(k.kids, g)
		}
	}
}

func (tr *tableReader) strayContent(n *node) {
	if !tr.stray {
		tr.stray = true
		tr.r.diags.Warnf(tr.r.pos.pos(n.off), "table-text", "text %q inside a table but outside its cells is ignored", clip(strings.TrimSpace(n.text)))
	}
}

// clip shortens text quoted in a warning.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	cut := 40
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut-- // not inside a UTF-8 sequence
	}
	return s[:cut] + "..."
}

// cellsOf returns the <td> and <th> of a row, looking through wrappers.
func cellsOf(n *node, out []*node) []*node {
	for _, k := range n.kids {
		switch {
		case k.tag == "td" || k.tag == "th":
			out = append(out, k)
		case k.tag == "" || k.tag == "table" || k.tag == "tr" || skip(k):
		default:
			out = cellsOf(k, out)
		}
	}
	return out
}

// grid lays out the rows of a group (HTML's table model: spans do not reach
// out of their row group). A cell spanning rows or columns holds its
// content in its first grid cell; the cells it covers are Spanned and
// empty.
func (tr *tableReader) grid(g *rowGroup) []*gridRow {
	var (
		out     []*gridRow
		covered []int // per column: rows still covered by a rowspan
	)
	for ri, trNode := range g.trs {
		row := &gridRow{pos: tr.r.pos.pos(trNode.off), head: g.head, allTH: true}
		own := 0
		col := 0
		// fill lays down covered cells up to column end (or, for end<0,
		// as long as columns are covered).
		fill := func(end int) {
			for col < len(covered) && (end < 0 && covered[col] > 0 || col < end) {
				if covered[col] > 0 {
					row.cells = append(row.cells, tr.above)
					covered[col]--
				} else {
					row.cells = append(row.cells, tr.pad)
				}
				col++
			}
		}
		for _, td := range cellsOf(trNode, nil) {
			fill(-1)
			if col >= maxColumns {
				tr.tooWide(td)
				break
			}
			own++
			if td.tag != "th" {
				row.allTH = false
			}
			cell := &doc.Cell{Pos: tr.r.pos.pos(contentOff(td)), Blocks: tr.r.blocks(td.kids)}
			colspan := max(span(td.attr("colspan"), 1), 1)
			if col+colspan > maxColumns {
				tr.tooWide(td)
				colspan = maxColumns - col
			}
			rowspan := span(td.attr("rowspan"), 1)
			if rowspan == 0 || rowspan > len(g.trs)-ri {
				rowspan = len(g.trs) - ri // 0: to the end of the group
			}
			for k := range colspan {
				if k == 0 {
					row.cells = append(row.cells, cell)
				} else {
					row.cells = append(row.cells, tr.left)
				}
				for len(covered) <= col {
					covered = append(covered, 0)
				}
				covered[col] = rowspan - 1
				col++
			}
		}
		// Columns covered from above after the row's last cell.
		last := -1
		for c := col; c < len(covered); c++ {
			if covered[c] > 0 {
				last = c
			}
		}
		fill(last + 1)
		if own == 0 {
			row.allTH = false
		}
		if len(row.cells) > 0 {
			out = append(out, row)
		}
	}
	return out
}

func (tr *tableReader) tooWide(td *node) {
	if !tr.wide {
		tr.wide = true
		tr.r.diags.Warnf(tr.r.pos.pos(td.off), "table-width", "table is wider than %d columns: the cells beyond are dropped", maxColumns)
	}
}

// span reads a colspan or rowspan value as a browser does: leading digits,
// anything unreadable is def. A rowspan of 0 means "to the end of the
// group"; a colspan of 0 is 1.
func span(s string, def int) int {
	s = strings.TrimSpace(s)
	end := 0
	for end < len(s) && end < 6 && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return def
	}
	n, _ := strconv.Atoi(s[:end]) // at most 6 digits: no error
	return n
}
