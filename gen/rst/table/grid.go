package table

import (
	"slices"
	"strings"
)

// GridLines reports how many lines, starting at lines[0], belong to a grid
// table, as docutils' Body.isolate_grid_table does. lines[0] must be a top
// border ("+---+---+" after leading spaces). The table's text block ends at
// the first blank line, the first line indented differently from lines[0],
// or the first line that does not start with '+' or '|'; the table ends at
// the last border line of that block (not before the third line).
//
// On error the count is still how many lines docutils takes in as the
// malformed table, so that a caller can go on after it; it is 0 when
// lines[0] is not a top border at all.
func GridLines(lines []string) (int, error) {
	w := getWork()
	defer w.put()
	n, _, err := w.gridLines(lines)
	return n, err
}

// Grid isolates and parses the grid table that starts at lines[0]: it is
// [GridLines] followed by [ParseGrid] of the lines counted, preparing each
// line once. n is 0 when no table could be isolated (err says why);
// otherwise it is the number of lines of the table, also when err reports
// that the table is malformed.
func Grid(lines []string) (n int, t *Table, err error) {
	w := getWork()
	defer w.put()
	n, block, err := w.gridLines(lines)
	if err != nil {
		return 0, nil, err
	}
	t, err = w.parseGrid(block)
	return n, t, err
}

// gridLines is GridLines; it also returns the prepared lines of the table.
func (w *work) gridLines(lines []string) (int, []srcLine, error) {
	if len(lines) == 0 {
		return 0, nil, &Error{Msg: "no lines"}
	}
	first := prepareLine(lines[0])
	ind := first.indent
	if !isGridBorder(&first, ind) {
		return 0, nil, &Error{Line: 0, Col: first.srcCol(ind), Msg: "grid table must start with a border line like +---+"}
	}

	block := append(w.lines[:0], first)
	defer func() { w.lines = block }() // keep what it grew to
	for i := 1; i < len(lines); i++ {
		l := prepareLine(lines[i])
		if l.text == "" || l.indent != ind {
			break
		}
		if c := l.at(ind); c != '+' && c != '|' { // check left edge
			break
		}
		block = append(block, l)
	}

	end := len(block)
	if !isGridBorder(&block[end-1], ind) { // find bottom
		bottom := -1
		for i := end - 2; i > 1; i-- {
			if isGridBorder(&block[i], ind) {
				bottom = i
				break
			}
		}
		if bottom < 0 {
			return end, nil, errorAt(block, end-1, ind, "bottom border missing or corrupt")
		}
		end = bottom + 1
	}
	if err := checkRightEdge(block[:end], ind); err != nil {
		return end, nil, err
	}
	return end, block[:end], nil
}

// checkRightEdge checks that every line is as wide as the first and ends
// with '+' or '|', the last check of isolate_grid_table.
func checkRightEdge(lines []srcLine, ind int) *Error {
	w := lines[0].width
	for i := range lines {
		l := &lines[i]
		if c := l.at(w - 1); l.width != w || (c != '+' && c != '|') {
			return errorAt(lines, i, min(w-1, l.width), "right border not aligned or missing")
		}
	}
	return nil
}

// ParseGrid parses an isolated grid table: the lines [GridLines] counted.
// All lines may share an indentation, which is the table's left edge.
// Besides docutils' parse errors it reports a block that GridLines would
// not have isolated: one that does not start with a top border, or whose
// left or right border is not aligned.
func ParseGrid(block []string) (*Table, error) {
	w := getWork()
	defer w.put()
	return w.parseGrid(w.prepare(block))
}

func (w *work) parseGrid(lines []srcLine) (*Table, error) {
	if err := checkGridFrame(lines); err != nil {
		return nil, err
	}
	p := newGridParser(lines, w)
	defer func() { w.rects, w.corners = p.cells[:0], p.corners[:0] }()
	if err := p.findHeadBodySep(); err != nil {
		return nil, err
	}
	if err := p.parseTable(); err != nil {
		return nil, err
	}
	return p.structureFromCells()
}

// checkGridFrame checks what isolate_grid_table guarantees to the parser.
func checkGridFrame(lines []srcLine) *Error {
	if len(lines) == 0 {
		return &Error{Msg: "no lines"}
	}
	ind := lines[0].indent
	if !isGridBorder(&lines[0], ind) {
		return errorAt(lines, 0, ind, "grid table must start with a border line like +---+")
	}
	for i := range lines {
		l := &lines[i]
		if c := l.at(ind); l.indent != ind || (c != '+' && c != '|') {
			return errorAt(lines, i, min(ind, l.indent), "left border not aligned or missing")
		}
	}
	return checkRightEdge(lines, ind)
}

// isGridBorder reports whether the line is a grid table border from
// column ind on, docutils' grid_table_top_pat: `\+-[-+]+-\+ *$`.
func isGridBorder(l *srcLine, ind int) bool { return isGridRule(l, ind, '-') }

// isHeadBodySep reports whether the line is the head/body separator from
// column ind on, GridTableParser.head_body_separator_pat: `\+=[=+]+=\+ *$`.
func isHeadBodySep(l *srcLine, ind int) bool { return isGridRule(l, ind, '=') }

func isGridRule(l *srcLine, ind int, fill byte) bool {
	s := l.text[ind:]
	n := len(s)
	if n < 5 || s[0] != '+' || s[1] != fill || s[n-2] != fill || s[n-1] != '+' {
		return false
	}
	for i := 2; i < n-2; i++ {
		if s[i] != fill && s[i] != '+' {
			return false
		}
	}
	return true
}

// gridParser is docutils' GridTableParser. Columns are display columns
// relative to the table's left edge; rows are indexes into the block.
type gridParser struct {
	lines   []srcLine
	base    int // the table's left edge: the block's indentation
	bottom  int // the last line
	right   int // the column of the right border
	headSep int // the head/body separator line, or -1

	// chars holds each line from the table's left edge, one byte a
	// display column: ASCII characters as they are, anything else as a
	// byte that draws nothing (see srcLine.at). Every entry has right+1
	// bytes, as checkGridFrame made sure. For ASCII lines, nearly all, it
	// is the line itself.
	chars []string

	done    []int  // per text column, the last line seen (mark_done)
	rowSep  []bool // row boundaries, by line (docutils' rowseps keys)
	colSep  []bool // column boundaries, by column (colseps keys)
	cells   []rect
	corners cornerHeap
	w       *work

	// scan_up's verdict for the corner being traced: the left edge is
	// good on lines (top, upGood] and broken on line upBad.
	upGood, upBad int

	rule []uint8   // per line: 0 not yet known, 1 only '-' and '+', 2 other
	runs [][]int32 // per line, made when needed: see dashRuns
}

type rect struct{ top, left, bottom, right int32 }

func newGridParser(lines []srcLine, w *work) *gridParser {
	base := lines[0].indent
	right := lines[0].width - base - 1
	w.chars = resize(w.chars, len(lines))
	w.done = resize(w.done, right+1)
	w.rowSep = resize(w.rowSep, len(lines))
	w.colSep = resize(w.colSep, right+1)
	w.rule = resize(w.rule, len(lines))
	p := &gridParser{
		lines:   lines,
		base:    base,
		bottom:  len(lines) - 1,
		right:   right,
		headSep: -1,
		chars:   w.chars,
		done:    w.done,
		rowSep:  w.rowSep,
		colSep:  w.colSep,
		rule:    w.rule,
		cells:   w.rects[:0],
		corners: w.corners[:0],
		w:       w,
	}
	for i := range lines {
		l := &lines[i]
		if l.m == nil || l.m.starts == nil {
			p.chars[i] = l.text[base:]
			continue
		}
		b := make([]byte, l.width-base)
		for c := range b {
			b[c] = l.at(base + c)
		}
		p.chars[i] = string(b)
	}
	for i := range p.done {
		p.done[i] = -1
	}
	p.rowSep[0] = true
	p.colSep[0] = true
	return p
}

// findHeadBodySep is TableParser.find_head_body_sep. Like docutils, it
// rewrites the separator's '=' into '-' for the scans that follow.
func (p *gridParser) findHeadBodySep() error {
	for i := range p.lines {
		if !isHeadBodySep(&p.lines[i], p.base) {
			continue
		}
		if p.headSep >= 0 {
			return errorAt(p.lines, i, p.base,
				"multiple head/body row separators (table lines %d and %d); only one allowed", p.headSep+1, i+1)
		}
		p.headSep = i
	}
	if p.headSep == 0 || p.headSep == len(p.lines)-1 {
		return errorAt(p.lines, p.headSep, p.base,
			"the head/body row separator may not be the first or last line of the table")
	}
	if p.headSep > 0 {
		p.chars[p.headSep] = strings.ReplaceAll(p.chars[p.headSep], "=", "-")
	}
	return nil
}

// parseTable is GridTableParser.parse_table: a queue of upper-left
// corners, processed top to bottom and left to right, starting with the
// table's own corner. Each traced cell adds its upper-right and lower-left
// corners. docutils keeps a list that it sorts after every cell; a heap
// gives the same order without the quadratic cost on long tables.
func (p *gridParser) parseTable() error {
	corners := &p.corners
	corners.push(0, 0)
	for len(*corners) > 0 {
		top, left := corners.pop()
		if top == p.bottom || left == p.right || top <= p.done[left] {
			continue
		}
		bottom, right, ok := p.scanCell(top, left)
		if !ok {
			continue
		}
		if err := p.markDone(top, left, bottom, right); err != nil {
			return err
		}
		p.noteSeparators(top, left, bottom, right)
		p.cells = append(p.cells, rect{int32(top), int32(left), int32(bottom), int32(right)})
		corners.push(top, right)
		corners.push(bottom, left)
	}
	return p.checkParseComplete()
}

// markDone is GridTableParser.mark_done. docutils asserts that the cell
// sits right below what has been seen of each of its columns; here a cell
// that does not is a malformed table.
func (p *gridParser) markDone(top, left, bottom, right int) error {
	done := p.done[left:right]
	for _, d := range done {
		if d != top-1 {
			return errorAt(p.lines, top, p.base+left, "malformed table; cells overlap or leave a gap")
		}
	}
	for c := range done {
		done[c] = bottom - 1
	}
	return nil
}

// checkParseComplete is GridTableParser.check_parse_complete: every text
// column must have been seen down to the bottom border. The error points
// at the highest border below which a column was not traced.
func (p *gridParser) checkParseComplete() error {
	col := -1
	for c := 0; c < p.right; c++ {
		if p.done[c] != p.bottom-1 && (col < 0 || p.done[c] < p.done[col]) {
			col = c
		}
	}
	if col < 0 {
		return nil
	}
	return errorAt(p.lines, p.done[col]+1, p.base+col, "malformed table; parse incomplete")
}

// scanCell is GridTableParser.scan_cell: trace the cell whose upper-left
// corner is at (top, left).
func (p *gridParser) scanCell(top, left int) (bottom, right int, ok bool) {
	if p.chars[top][left] != '+' {
		return 0, 0, false
	}
	p.upGood, p.upBad = top, p.bottom+1
	return p.scanRight(top, left)
}

// scanRight is GridTableParser.scan_right: along the top border, try each
// '+' as the upper-right corner. The border in between must be '-'.
func (p *gridParser) scanRight(top, left int) (bottom, right int, ok bool) {
	line := p.chars[top][:p.right+1]
	for i := left + 1; i < len(line); i++ {
		next := strings.IndexByte(line[i:], '+')
		if next < 0 || !onlyDashes(line[i:i+next]) {
			return 0, 0, false
		}
		i += next
		if bottom, ok := p.scanDown(top, left, i); ok {
			return bottom, i, true
		}
	}
	return 0, 0, false
}

func onlyDashes(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			return false
		}
	}
	return true
}

// scanDown is GridTableParser.scan_down: down the right border, try each
// '+' as the lower-right corner.
func (p *gridParser) scanDown(top, left, right int) (bottom int, ok bool) {
	for i := top + 1; i <= p.bottom; i++ {
		switch p.chars[i][right] {
		case '+':
			if p.scanLeft(left, i, right) {
				if p.scanUp(top, left, i) {
					return i, true
				}
				// docutils goes on down, but scan_up checks the left
				// border from each lower bottom up through this line
				// again, so it can only fail.
				return 0, false
			}
		case '|':
		default:
			return 0, false
		}
	}
	return 0, false
}

// scanLeft is GridTableParser.scan_left: the bottom border from right back
// to left must be '-' and '+' and end in a '+' at the left border.
func (p *gridParser) scanLeft(left, bottom, right int) bool {
	line := p.chars[bottom]
	if line[left] != '+' {
		return false
	}
	const shortScan = 24
	if right-left <= shortScan {
		return onlyRule(line[left+1 : right])
	}
	if p.isRule(bottom) {
		return true
	}
	return p.dashRuns(bottom)[right-1] <= int32(left+1)
}

// onlyRule reports whether s holds only '-' and '+'.
func onlyRule(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '-' && s[i] != '+' {
			return false
		}
	}
	return true
}

// scanUp is GridTableParser.scan_up: the left border from bottom back up
// to top must be '|' and '+'. What one corner's trace has learnt about its
// left border is kept, so a cell's left border is read once.
func (p *gridParser) scanUp(top, left, bottom int) bool {
	if bottom-1 >= p.upBad {
		return false
	}
	for p.upGood < bottom-1 {
		r := p.upGood + 1
		if c := p.chars[r][left]; c != '|' && c != '+' {
			p.upBad = r
			return false
		}
		p.upGood = r
	}
	return true
}

// isRule reports whether line r holds only '-' and '+' across the table,
// a full border line, where every scan_left succeeds that starts and ends
// on a '+'.
func (p *gridParser) isRule(r int) bool {
	if p.rule[r] == 0 {
		p.rule[r] = 2
		if onlyRule(p.chars[r]) {
			p.rule[r] = 1
		}
	}
	return p.rule[r] == 1
}

// dashRuns returns, for line r, the first column of the run of '-' and '+'
// that ends at each column (c+1 when column c is neither), so that each
// scan_left on a partial border line takes constant time.
func (p *gridParser) dashRuns(r int) []int32 {
	if p.runs == nil {
		p.runs = make([][]int32, len(p.lines))
	}
	if p.runs[r] == nil {
		line := p.chars[r]
		runs := make([]int32, len(line))
		start := int32(0)
		for c := range runs {
			if ch := line[c]; ch != '-' && ch != '+' {
				start = int32(c + 1)
			}
			runs[c] = start
		}
		p.runs[r] = runs
	}
	return p.runs[r]
}

// noteSeparators records the row and column boundaries a traced cell
// shows: every '+' on its four borders. These are the entries docutils'
// scan_right, scan_down, scan_left and scan_up collect on their way round
// a cell that is found.
func (p *gridParser) noteSeparators(top, left, bottom, right int) {
	notePluses(p.colSep, p.chars[top], left+1, right+1)
	notePluses(p.colSep, p.chars[bottom], left+1, right)
	for r := top + 1; r <= bottom; r++ {
		if p.chars[r][right] == '+' {
			p.rowSep[r] = true
		}
	}
	for r := top + 1; r < bottom; r++ {
		if p.chars[r][left] == '+' {
			p.rowSep[r] = true
		}
	}
}

// notePluses sets seps[c] for each '+' at a column c in [from, to) of line.
func notePluses(seps []bool, line string, from, to int) {
	for from < to {
		i := strings.IndexByte(line[from:to], '+')
		if i < 0 {
			return
		}
		seps[from+i] = true
		from += i + 1
	}
}

// structureFromCells is GridTableParser.structure_from_cells: number the
// row and column boundaries, place every cell, and check that the cells
// cover the grid exactly once.
func (p *gridParser) structureFromCells() (*Table, error) {
	w := p.w
	w.rowIndex, w.rowAt = boundaryIndex(p.rowSep, w.rowIndex, w.rowAt)
	w.colIndex, w.colAt = boundaryIndex(p.colSep, w.colIndex, w.colAt)
	rowIndex, rowLines := w.rowIndex, w.rowAt
	colIndex, colPos := w.colIndex, w.colAt
	nRows, nCols := len(rowLines)-1, len(colPos)-1

	widths := make([]int, nCols)
	for c := range widths {
		widths[c] = colPos[c+1] - colPos[c] - 1
	}

	textLines := 0
	for _, r := range p.cells {
		textLines += int(r.bottom - r.top - 1)
	}
	s := newSlab(len(p.cells), textLines, nRows, nCols)
	rows := s.rows(nRows, nCols)
	w.covered = resize(w.covered, nRows*nCols)
	covered := w.covered
	for _, r := range p.cells {
		top, left, bottom, right := int(r.top), int(r.left), int(r.bottom), int(r.right)
		row, col := int(rowIndex[top]), int(colIndex[left])
		rowEnd, colEnd := int(rowIndex[bottom]), int(colIndex[right])
		if row < 0 || col < 0 || rowEnd <= row || colEnd <= col {
			return nil, errorAt(p.lines, top, p.base+left, "malformed table; cell corner is not on a row or column boundary")
		}
		for i := row; i < rowEnd; i++ {
			for j := col; j < colEnd; j++ {
				if covered[i*nCols+j] {
					return nil, errorAt(p.lines, top, p.base+left,
						"malformed table; cell (row %d, column %d) already used", i+1, j+1)
				}
				covered[i*nCols+j] = true
			}
		}
		cell := s.cell(bottom - top - 1)
		cell.Row, cell.Col = row, col
		cell.MoreRows, cell.MoreCols = rowEnd-row-1, colEnd-col-1
		cell.Line = top + 1
		a, b := p.base+left+1, p.base+right
		for k := range cell.Lines {
			l := &p.lines[top+1+k]
			cell.Lines[k] = l.cut(a, b)
			cell.ByteCols[k] = l.srcCol(a)
		}
		rows[row][col] = cell
	}
	if i := slices.Index(covered, false); i >= 0 {
		row, col := i/nCols, i%nCols
		return nil, errorAt(p.lines, rowLines[row], p.base+colPos[col], "malformed table; unused cells remaining")
	}

	t := &Table{Kind: "grid", ColWidths: widths, Rows: rows}
	if p.headSep >= 0 {
		t.HeadRows = int(rowIndex[p.headSep])
		if t.HeadRows < 0 {
			return nil, errorAt(p.lines, p.headSep, p.base, "malformed table; the head/body row separator is not a row boundary")
		}
	}
	return t, nil
}

// boundaryIndex numbers the boundaries that are set: index[i] is the
// number of boundary i, or -1 when i is not one, and at[n] is where
// boundary n is. It reuses the memory of index and at.
func boundaryIndex(set []bool, index []int32, at []int) ([]int32, []int) {
	index = resize(index, len(set))
	at = at[:0]
	for i, ok := range set {
		if ok {
			index[i] = int32(len(at))
			at = append(at, i)
		} else {
			index[i] = -1
		}
	}
	return index, at
}

// cornerHeap is a min-heap of upper-left corners ordered by line, then
// column, each packed into one integer.
type cornerHeap []uint64

func (h *cornerHeap) push(top, left int) {
	*h = append(*h, uint64(top)<<32|uint64(uint32(left)))
	q := *h
	for i := len(q) - 1; i > 0; {
		parent := (i - 1) / 2
		if q[parent] <= q[i] {
			break
		}
		q[parent], q[i] = q[i], q[parent]
		i = parent
	}
}

func (h *cornerHeap) pop() (top, left int) {
	q := *h
	x := q[0]
	n := len(q) - 1
	q[0] = q[n]
	q = q[:n]
	for i := 0; ; {
		small := i
		if l := 2*i + 1; l < n && q[l] < q[small] {
			small = l
		}
		if r := 2*i + 2; r < n && q[r] < q[small] {
			small = r
		}
		if small == i {
			break
		}
		q[i], q[small] = q[small], q[i]
		i = small
	}
	*h = q
	return int(x >> 32), int(uint32(x))
}
