// Package table owns the two table forms of reStructuredText: it finds
// where a grid table or a simple table ends and parses it into cells with
// their row and column spans, as docutils does.
//
// The reference is docutils (parsers/rst/states.py and
// parsers/rst/tableparser.py), and the code follows its methods:
//
//   - [GridLines] is Body.isolate_grid_table and [SimpleLines] is
//     Body.isolate_simple_table: they decide how many lines belong to the
//     table.
//   - [ParseGrid] is GridTableParser: find_head_body_sep, then
//     parse_table's queue of upper-left corners, each traced by
//     scan_cell → scan_right → scan_down → scan_left → scan_up, mark_done
//     and check_parse_complete, and finally structure_from_cells, where
//     row and column spans fall out of the sets of row and column
//     boundaries.
//   - [ParseSimple] is SimpleTableParser: parse_columns from the top
//     border, parse_table grouping lines into rows, parse_row,
//     check_columns (text in a column margin is an error, except that the
//     last column may overflow to the right) and init_row for column spans.
//   - [Grid] and [Simple] isolate and parse in one call, preparing each
//     line once; a reader uses them.
//
// What this package adds is positions: every cell keeps the byte offset,
// in the caller's line, where each of its text lines starts, so that
// readers can report file:line:col although columns are measured in
// display cells (East Asian wide characters take two, combining marks
// none) and tabs are expanded.
//
// Input is prepared as docutils prepares it: tabs are expanded to tab
// stops every 8 code points counted from the start of each given line (so
// give whole source lines), vertical tabs and form feeds become spaces, and
// trailing white space is dropped.
//
// Where this package departs from docutils, it does so on purpose:
//
//   - Combining marks take no column in grid tables either. docutils
//     counts them as one column in a grid table (isolate_grid_table
//     compares len() of lines), so a visually aligned grid table holding a
//     decomposed "é" is malformed there and parses here.
//   - Malformed input never raises: docutils' assertions in mark_done and
//     structure_from_cells ("cell already used", "unused cells
//     remaining") become errors, as does a grid handed to [ParseGrid]
//     without a proper frame.
//   - Errors point at the line at fault where docutils reports the
//     table's first line (a missing bottom or right border, an incomplete
//     parse), and at the span line for a column span alignment problem.
//   - A line indented more than the grid table's first line ends the
//     grid table (docutils ends its text block there as well, and reports
//     "Unexpected indentation." outside the table); a line indented less
//     ends it too, since in docutils it lies outside the nested block the
//     table is parsed in.
//
// Cell text is returned as found: callers remove the common indentation
// and parse the text again as reStructuredText, as docutils does.
package table

import (
	"fmt"
	"sync"
)

// Cell is one cell of a parsed table.
type Cell struct {
	// Row and Col are the grid position of the cell's upper-left slot,
	// 0-based; rows count header rows first.
	Row, Col int
	// MoreRows and MoreCols are the span beyond one row or column (0 for
	// no span), as docutils' morerows and morecols.
	MoreRows, MoreCols int
	// Line is the 0-based offset, within the block given to the parser,
	// of the cell's first text line. For a simple-table row that holds no
	// text lines it is the line of the border that ends the row.
	Line int
	// Lines are the cell's text lines, one per source line of the cell,
	// trailing white space removed, common indentation kept. For a grid
	// table it is the text between the cell's left and right border, for a
	// simple table the text of the cell's columns. Tabs are expanded and
	// docutils' padding of wide characters is not in the text.
	Lines []string
	// ByteCols holds, for each entry of Lines, the 0-based byte offset in
	// the original block line where that text line starts. A line that
	// ends before the cell's first column gets the offset it would have if
	// the line went on with spaces.
	ByteCols []int
}

// Table is a parsed table.
type Table struct {
	Kind      string    // "grid" or "simple"
	ColWidths []int     // display widths of the columns
	HeadRows  int       // how many of Rows are header rows (0 when the table has no header separator)
	Rows      [][]*Cell // every row, header rows first; a slot covered by another cell's span is nil
}

// Error is a malformed-table error. Line is the 0-based line offset within
// the block, Col a 0-based byte column in that line (or 0).
type Error struct {
	Line, Col int
	Msg       string
}

// Error prints the 1-based line and the message.
func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line+1, e.Msg) }

// errorAt returns an error at column c (a display column) of line i.
func errorAt(lines []srcLine, i, c int, format string, args ...any) *Error {
	e := &Error{Line: i, Msg: fmt.Sprintf(format, args...)}
	if i >= 0 && i < len(lines) {
		e.Col = lines[i].srcCol(c)
	}
	return e
}

// slab hands out the cells, row slices and text slices of one table from a
// few large allocations: tables of ten thousand rows are real, and one
// allocation per cell would dominate the parse.
type slab struct {
	cells    []Cell
	strs     []string
	ints     []int
	rowSlots []*Cell
}

func newSlab(cells, textLines, rows, cols int) *slab {
	return &slab{
		cells:    make([]Cell, cells),
		strs:     make([]string, textLines),
		ints:     make([]int, textLines),
		rowSlots: make([]*Cell, rows*cols),
	}
}

// cell returns the next cell, with room for n text lines.
func (s *slab) cell(n int) *Cell {
	c := &s.cells[0]
	s.cells = s.cells[1:]
	c.Lines, s.strs = s.strs[:n:n], s.strs[n:]
	c.ByteCols, s.ints = s.ints[:n:n], s.ints[n:]
	return c
}

// rows returns the table's rows, every slot nil.
func (s *slab) rows(rows, cols int) [][]*Cell {
	out := make([][]*Cell, rows)
	for r := range out {
		out[r] = s.rowSlots[r*cols : (r+1)*cols : (r+1)*cols]
	}
	return out
}

// work is the working memory of a parse: prepared lines, marks, queues.
// Parses reuse it (workPool), so that a page of many tables allocates
// little more than the tables returned, which never point into it.
type work struct {
	lines    []srcLine
	chars    []string
	done     []int
	rowSep   []bool
	colSep   []bool
	covered  []bool
	rule     []uint8
	rects    []rect
	corners  cornerHeap
	rowIndex []int32
	colIndex []int32
	rowAt    []int
	colAt    []int
	cells    []simpleCell
	rowTops  []int
}

var workPool = sync.Pool{New: func() any { return new(work) }}

func getWork() *work { return workPool.Get().(*work) }

// put returns w to the pool, without the caller's text.
func (w *work) put() {
	clear(w.lines)
	clear(w.chars)
	w.lines, w.chars = w.lines[:0], w.chars[:0]
	workPool.Put(w)
}

// resize returns buf with length n, zeroed, reusing its memory when it is
// large enough.
func resize[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// prepare prepares every line of a block into w.lines.
func (w *work) prepare(block []string) []srcLine {
	w.lines = resize(w.lines, len(block))
	for i, s := range block {
		w.lines[i] = prepareLine(s)
	}
	return w.lines
}
