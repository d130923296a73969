package table

import "math"

// SimpleLines reports how many lines, starting at lines[0], belong to a
// simple table, as docutils' Body.isolate_simple_table does. lines[0] must
// be a top border of at least two columns ("=====  =====" after leading
// spaces). The table ends at the first border line after it (a line of '='
// and spaces at the table's indentation) that is followed by a blank line
// or the end of the input, or else at the second such border. Blank lines
// do not end a simple table; a non-blank line indented less than lines[0]
// ends the input, as the end of the nested block docutils would parse the
// table in.
//
// On error the count is still how many lines docutils takes in as the
// malformed table; it is 0 when lines[0] is not a top border at all.
func SimpleLines(lines []string) (int, error) {
	w := getWork()
	defer w.put()
	n, _, err := w.simpleLines(lines)
	return n, err
}

// Simple isolates and parses the simple table that starts at lines[0]: it
// is [SimpleLines] followed by [ParseSimple] of the lines counted,
// preparing each line once. n is 0 when no table could be isolated (err
// says why); otherwise it is the number of lines of the table, also when
// err reports that the table is malformed.
func Simple(lines []string) (n int, t *Table, err error) {
	w := getWork()
	defer w.put()
	n, block, err := w.simpleLines(lines)
	if err != nil {
		return 0, nil, err
	}
	t, err = w.parseSimple(block)
	return n, t, err
}

// simpleLines is SimpleLines; it also returns the prepared lines of the
// table.
func (w *work) simpleLines(lines []string) (int, []srcLine, error) {
	if len(lines) == 0 {
		return 0, nil, &Error{Msg: "no lines"}
	}
	first := prepareLine(lines[0])
	ind := first.indent
	if !isSimpleTop(first.text[ind:]) {
		return 0, nil, &Error{Line: 0, Col: first.srcCol(ind), Msg: "simple table must start with a border line like ===  ==="}
	}
	topLen := len(first.text) - ind

	// prepared holds lines[i] once it has been looked at.
	prepared := append(w.lines[:0], first)
	defer func() { w.lines = prepared }() // keep what it grew to
	line := func(i int) *srcLine {
		for len(prepared) <= i {
			prepared = append(prepared, prepareLine(lines[len(prepared)]))
		}
		return &prepared[i]
	}
	// endOfInput reports whether line i is past the nested block.
	endOfInput := func(i int) bool {
		if i >= len(lines) {
			return true
		}
		l := line(i)
		return l.text != "" && l.indent < ind
	}

	found, foundAt := 0, -1
	i := 1
	for ; !endOfInput(i); i++ {
		l := line(i)
		if l.indent != ind || !isSimpleBorder(l.text[ind:]) {
			continue
		}
		if len(l.text)-ind != topLen {
			return i + 1, nil, errorAt(prepared, i, ind, "bottom/header table border does not match top border")
		}
		found++
		foundAt = i
		if found == 2 || endOfInput(i+1) || line(i+1).text == "" {
			return i + 1, prepared[:i+1], nil
		}
	}
	if found > 0 {
		return foundAt + 1, nil, errorAt(prepared, foundAt, ind, "no bottom table border found or no blank line after table bottom")
	}
	return i, nil, &Error{Line: 0, Col: first.srcCol(ind), Msg: "no bottom table border found"}
}

// isSimpleTop matches docutils' simple_table_top_pat, `=+( +=+)+ *$`: a
// border of at least two columns.
func isSimpleTop(s string) bool {
	return isSimpleBorder(s) && len(s) > 0 && s[len(s)-1] == '=' && containsByte(s, ' ')
}

// isSimpleBorder matches docutils' simple_table_border_pat, `=+[ =]*$`,
// which is also SimpleTableParser.head_body_separator_pat.
func isSimpleBorder(s string) bool { return isRuleOf(s, '=') }

// isSpanLine matches SimpleTableParser.span_pat, `-[ -]*$`: a column span
// underline.
func isSpanLine(s string) bool { return isRuleOf(s, '-') }

// isRuleOf reports whether s starts with fill and holds nothing but fill
// and spaces.
func isRuleOf(s string, fill byte) bool {
	if s == "" || s[0] != fill {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != fill && s[i] != ' ' {
			return false
		}
	}
	return true
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

// ParseSimple parses an isolated simple table: the lines [SimpleLines]
// counted. The indentation of the top border is the table's left edge.
// Besides docutils' parse errors it reports a block that SimpleLines
// would not have isolated: one without top or bottom border, with a
// border of another length, or with text left of the table.
func ParseSimple(block []string) (*Table, error) {
	w := getWork()
	defer w.put()
	return w.parseSimple(w.prepare(block))
}

func (w *work) parseSimple(lines []srcLine) (*Table, error) {
	p := &simpleParser{lines: lines, headSep: -1, cells: w.cells[:0], rowTops: w.rowTops[:0]}
	defer func() { w.cells, w.rowTops = p.cells[:0], p.rowTops[:0] }()
	if err := p.checkFrame(); err != nil {
		return nil, err
	}
	if err := p.findHeadBodySep(); err != nil {
		return nil, err
	}
	if err := p.parseTable(); err != nil {
		return nil, err
	}
	return p.structureFromCells(), nil
}

// simpleParser is docutils' SimpleTableParser. Columns are display columns
// relative to the table's left edge.
type simpleParser struct {
	lines     []srcLine
	base      int    // the table's left edge: the top border's indentation
	headSep   int    // the head/body separator line, or -1
	columns   []span // the table's columns, from the top border (self.columns)
	borderEnd int    // where the top border ends (self.border_end)
	cells     []simpleCell
	rowTops   []int // per row, its first line
	scratch   []span
}

// span is a column or a cell's columns: [start, end).
type span struct{ start, end int }

// simpleCell is a cell as parse_row finds it, kept small because long
// tables have tens of thousands.
type simpleCell struct {
	row, col, moreCols int32
	top, bottom        int32 // its lines: [top, bottom)
	start, end         int32 // its columns: [start, end)
}

// checkFrame checks what isolate_simple_table guarantees to the parser.
func (p *simpleParser) checkFrame() *Error {
	lines := p.lines
	if len(lines) == 0 {
		return &Error{Msg: "no lines"}
	}
	ind := lines[0].indent
	p.base = ind
	if !isSimpleTop(lines[0].text[ind:]) {
		return errorAt(lines, 0, ind, "simple table must start with a border line like ===  ===")
	}
	topLen := len(lines[0].text) - ind
	for i := 1; i < len(lines); i++ {
		l := &lines[i]
		if l.text == "" {
			continue
		}
		if l.indent < ind {
			return errorAt(lines, i, l.indent, "text left of the table's left edge")
		}
		if l.indent == ind && isSimpleBorder(l.text[ind:]) && len(l.text)-ind != topLen {
			return errorAt(lines, i, ind, "bottom/header table border does not match top border")
		}
	}
	if last := len(lines) - 1; last == 0 || lines[last].indent != ind || !isSimpleBorder(lines[last].text[ind:]) {
		return errorAt(lines, last, ind, "no bottom table border found")
	}
	return nil
}

// isBorder reports whether line i is one of '=' and spaces at the table's
// left edge.
func (p *simpleParser) isBorder(i int) bool {
	l := &p.lines[i]
	return l.text != "" && l.indent == p.base && isSimpleBorder(l.text[p.base:])
}

// findHeadBodySep is TableParser.find_head_body_sep. docutils has already
// turned the top and bottom borders into span lines, so only the lines
// between them can be the separator.
func (p *simpleParser) findHeadBodySep() error {
	for i := 1; i < len(p.lines)-1; i++ {
		if !p.isBorder(i) {
			continue
		}
		if p.headSep >= 0 {
			return errorAt(p.lines, i, p.base,
				"multiple head/body row separators (table lines %d and %d); only one allowed", p.headSep+1, i+1)
		}
		p.headSep = i
	}
	return nil
}

// isSpan reports whether line i ends a row: a column span underline, or
// one of the borders docutils rewrites into one (top, bottom, head/body
// separator).
func (p *simpleParser) isSpan(i int) bool {
	if i == 0 || i == len(p.lines)-1 || i == p.headSep {
		return true
	}
	l := &p.lines[i]
	return l.text != "" && l.indent == p.base && isSpanLine(l.text[p.base:])
}

// parseTable is SimpleTableParser.parse_table: the top border gives the
// columns; a line whose first column is not blank starts a row, other
// lines continue it; a span line or border ends it.
func (p *simpleParser) parseTable() error {
	p.columns = p.lineColumns(0)
	p.borderEnd = p.columns[len(p.columns)-1].end
	first := p.columns[0]
	start := 1
	textFound := false
	for offset := 1; offset < len(p.lines); offset++ {
		switch {
		case p.isSpan(offset):
			if err := p.parseRow(start, offset, offset); err != nil {
				return err
			}
			start = offset + 1
			textFound = false
		case !p.lines[offset].blank(p.base+first.start, p.base+first.end):
			if textFound && offset != start {
				if err := p.parseRow(start, offset, -1); err != nil {
					return err
				}
			}
			start = offset
			textFound = true
		case !textFound:
			// Lines before a row's first text line belong to no row; text
			// they hold outside the first column is dropped, as docutils
			// drops it.
			start = offset + 1
		}
	}
	return nil
}

// lineColumns returns the runs of non-space characters of a span line or
// border, the (begin, end) pairs of parse_columns. Such lines are ASCII,
// so columns are bytes.
func (p *simpleParser) lineColumns(i int) []span {
	s := p.lines[i].text[p.base:]
	var cols []span
	for c := 0; c < len(s); {
		for c < len(s) && s[c] == ' ' {
			c++
		}
		begin := c
		for c < len(s) && s[c] != ' ' {
			c++
		}
		if c > begin {
			cols = append(cols, span{begin, c})
		}
	}
	return cols
}

// spanColumns is parse_columns for a span line: its last column must end
// where the top border ends, and it takes the table's last column's end
// (which an overflowing row may have moved).
func (p *simpleParser) spanColumns(i int) ([]span, error) {
	cols := p.lineColumns(i)
	if len(cols) == 0 || cols[len(cols)-1].end != p.borderEnd {
		return nil, errorAt(p.lines, i, p.base, "column span incomplete")
	}
	cols[len(cols)-1].end = p.columns[len(p.columns)-1].end
	return cols, nil
}

// parseRow is SimpleTableParser.parse_row for the lines [start, end),
// ended by the span line spanLine (or -1 when the row is ended by the
// next row's first line).
func (p *simpleParser) parseRow(start, end, spanLine int) error {
	if start == end && spanLine < 0 {
		return nil // no new row, just blank lines
	}
	var cols []span
	if spanLine >= 0 {
		var err error
		if cols, err = p.spanColumns(spanLine); err != nil {
			return err
		}
	} else {
		cols = append(p.scratch[:0], p.columns...)
		p.scratch = cols
	}
	if err := p.checkColumns(start, end, cols); err != nil {
		return err
	}
	return p.initRow(cols, start, end, spanLine)
}

// checkColumns is SimpleTableParser.check_columns: the margins between
// columns must be blank, except that text may run on to the right of the
// last column, which then widens the table's last column.
func (p *simpleParser) checkColumns(start, end int, cols []span) error {
	last := len(cols) - 1
	tableLast := &p.columns[len(p.columns)-1]
	for i, col := range cols {
		nextStart := math.MaxInt
		if i < last {
			nextStart = cols[i+1].start
		}
		for j := start; j < end; j++ {
			l := &p.lines[j]
			if i == last && !l.blank(p.base+col.end, math.MaxInt) {
				newEnd := l.width - p.base
				cols[i].end = max(tableLast.end, newEnd)
				tableLast.end = max(tableLast.end, newEnd)
			} else if c := l.firstText(p.base+col.end, satAdd(p.base, nextStart)); c >= 0 {
				return errorAt(p.lines, j, c, "text in column margin")
			}
		}
	}
	return nil
}

// satAdd adds without overflowing past math.MaxInt.
func satAdd(a, b int) int {
	if b > math.MaxInt-a {
		return math.MaxInt
	}
	return a + b
}

// initRow is SimpleTableParser.init_row: each cell must start at a column
// start and end at a column end; the columns in between are its span.
func (p *simpleParser) initRow(cols []span, start, end, spanLine int) error {
	errLine := start
	if spanLine >= 0 {
		errLine = spanLine
	}
	row := len(p.rowTops)
	i := 0
	for _, c := range cols {
		if i >= len(p.columns) || c.start != p.columns[i].start {
			return errorAt(p.lines, errLine, p.base+c.start, "column span alignment problem")
		}
		col, more := i, 0
		for c.end != p.columns[i].end {
			i++
			more++
			if i >= len(p.columns) {
				return errorAt(p.lines, errLine, p.base+c.start, "column span alignment problem")
			}
		}
		p.cells = append(p.cells, simpleCell{
			row: int32(row), col: int32(col), moreCols: int32(more),
			top: int32(start), bottom: int32(end),
			start: int32(c.start), end: int32(c.end),
		})
		i++
	}
	p.rowTops = append(p.rowTops, start)
	return nil
}

// structureFromCells is SimpleTableParser.structure_from_cells, with the
// rows laid out on the full grid of columns like a grid table's.
func (p *simpleParser) structureFromCells() *Table {
	widths := make([]int, len(p.columns))
	for i, c := range p.columns {
		widths[i] = c.end - c.start
	}
	textLines := 0
	for _, c := range p.cells {
		textLines += int(c.bottom - c.top)
	}
	s := newSlab(len(p.cells), textLines, len(p.rowTops), len(p.columns))
	rows := s.rows(len(p.rowTops), len(p.columns))
	for _, sc := range p.cells {
		top, a, b := int(sc.top), p.base+int(sc.start), p.base+int(sc.end)
		cell := s.cell(int(sc.bottom) - top)
		cell.Row, cell.Col, cell.MoreCols = int(sc.row), int(sc.col), int(sc.moreCols)
		cell.Line = top
		for k := range cell.Lines {
			l := &p.lines[top+k]
			cell.Lines[k] = l.cut(a, b)
			cell.ByteCols[k] = l.srcCol(a)
		}
		rows[sc.row][sc.col] = cell
	}

	t := &Table{Kind: "simple", ColWidths: widths, Rows: rows}
	if p.headSep >= 0 {
		// The first row below the separator starts the body; with none,
		// docutils puts every row in the body.
		for i, top := range p.rowTops {
			if top > p.headSep {
				t.HeadRows = i
				break
			}
		}
	}
	return t
}
