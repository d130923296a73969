package rst

import (
	"strings"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/rst/table"
	"github.com/rst2go/rst2go/gen/source"
)

// This file is the block level of the reader: it turns lines into a tree of
// nodes the way docutils' body state machine does (sections, paragraphs,
// bullet and enumerated lists, literal and code blocks, directives,
// targets, block quotes, grid and simple tables). Table cells are parsed
// again with the same machinery, as docutils' nested_parse does.

type nodeKind int

const (
	paragraphNode nodeKind = iota
	listNode
	codeNode
	noteNode
	tableNode
	sectionNode
	targetNode
	tableDirectiveNode
	quoteNode
	fieldNode
)

type node struct {
	kind nodeKind
	pos  source.Pos

	inlines []*doc.Inline // paragraph; section and table-directive titles
	items   [][]*node     // list
	ordered bool
	text    string  // code text; target label; field value
	lang    string  // code language; field name
	label   string  // note kind
	style   string  // section adornment ("=", "=over")
	body    []*node // quote, note, table directive
	table   *doc.Table
	labels  []string // table directive :name:
}

// maxDepth bounds nesting (block quotes in list items in cells ...), so
// that hostile input cannot exhaust the stack.
const maxDepth = 64

type parser struct {
	file  string
	diags *source.List
	depth int

	a *arena   // the page's
	s *scratch // the reader's

	// dropRows: a parameter table's rows are read into Params as the
	// table is read, and dropped (see Options.DropRows); inCell counts
	// the table cells being parsed (a table in a cell is kept as text).
	dropRows bool
	inCell   int
}

// pushLines copies lines onto the line stack and returns the copy, which
// is the caller's until it pops the stack back (popLines).
func (p *parser) pushLines(lines ...line) []line {
	start := len(p.s.lines)
	p.s.lines = append(p.s.lines, lines...)
	return p.s.lines[start:len(p.s.lines):len(p.s.lines)]
}

// popLines takes the lines pushed since mark off the stack.
func (p *parser) popLines(mark int) {
	clear(p.s.lines[mark:]) // the page's text: not to be kept by the pool
	p.s.lines = p.s.lines[:mark]
}

// dedent is dedent on the line stack.
func (p *parser) dedent(lines []line) []line {
	out := p.pushLines(lines...)
	dedentInPlace(out)
	return out
}

// add appends a node to the block being parsed.
func (p *parser) add(v node) {
	n := p.s.nodes.new()
	*n = v
	p.s.stack = append(p.s.stack, n)
}

func (p *parser) pos(l line) source.Pos {
	return source.Pos{File: p.file, Line: l.num, Col: l.col + l.indent() + 1}
}

// isAdornment reports whether s is a section adornment line: one
// punctuation character repeated.
func isAdornment(s string) bool {
	if len(s) < 1 || !strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", rune(s[0])) {
		return false
	}
	return strings.Count(s, s[:1]) == len(s)
}

// parseBlocks reads lines whose first non-blank line has no indentation.
func (p *parser) parseBlocks(lines []line) []*node {
	mark := len(p.s.stack)
	if p.depth >= maxDepth {
		if len(lines) > 0 {
			p.diags.Warnf(p.pos(lines[0]), "nesting", "nesting deeper than %d levels: the rest is kept as text", maxDepth)
		}
		p.add(node{kind: codeNode, pos: p.posOf(lines), text: strings.Join(texts(dedent(lines)), "\n")})
		return p.popNodes(mark)
	}
	p.depth++
	defer func() { p.depth-- }()

	tc := &textCache{lines: lines, s: p.s}
	defer tc.release()
	for i := 0; i < len(lines); {
		l := lines[i]
		if l.blank() {
			i++
			continue
		}
		if l.indent() > 0 {
			block := indentedBlock(lines, i)
			if len(block) == 0 {
				i++
				continue
			}
			top := len(p.s.lines)
			body := p.parseBlocks(p.dedent(block))
			p.popLines(top)
			p.add(node{kind: quoteNode, pos: p.pos(l), body: body})
			i += len(block)
			continue
		}
		next := p.parseOne(lines, i, tc)
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return p.popNodes(mark)
}

// popNodes takes the nodes added since mark off the stack.
func (p *parser) popNodes(mark int) []*node {
	nodes := p.s.nodeLists.take(len(p.s.stack) - mark)
	copy(nodes, p.s.stack[mark:])
	clear(p.s.stack[mark:])
	p.s.stack = p.s.stack[:mark]
	return nodes
}

func (p *parser) posOf(lines []line) source.Pos {
	for _, l := range lines {
		if !l.blank() {
			return p.pos(l)
		}
	}
	return source.Pos{File: p.file}
}

// parseOne reads the construct starting at lines[i] (not blank, not
// indented), adds its nodes and returns the index after it.
func (p *parser) parseOne(lines []line, i int, tc *textCache) int {
	l := lines[i]
	t := l.text
	switch {
	case strings.HasPrefix(t, ".. ") || t == "..":
		return p.explicitMarkup(lines, i)
	case isGridTop(t):
		return p.gridTable(lines, i, tc)
	case isSimpleTop(t):
		// docutils' simple_table_top needs two columns: a lone "===="
		// line is an adornment (a section overline) or a transition.
		if next, ok := p.simpleTable(lines, i, tc); ok {
			return next
		}
	}
	if next, ok := p.section(lines, i); ok {
		return next
	}
	if bulletMarker(t) != "" {
		return p.list(lines, i, false)
	}
	if enumMarker(t) != "" {
		return p.list(lines, i, true)
	}
	if name, value, ok := fieldLine(t); ok {
		body := indentedBlock(lines, i+1)
		value := strings.TrimSpace(value + " " + strings.Join(texts(dedent(body)), " "))
		p.add(node{kind: fieldNode, pos: p.pos(l), lang: name, text: value})
		return i + 1 + len(body)
	}
	return p.paragraph(lines, i)
}

// section reads a title with an underline, or with an over- and underline.
func (p *parser) section(lines []line, i int) (int, bool) {
	t := lines[i].text
	if isAdornment(t) && i+2 < len(lines) && lines[i+2].text == t && !lines[i+1].blank() {
		title := lines[i+1].cut(lines[i+1].indent())
		p.sectionNode(title, t[:1]+"over")
		return i + 3, true
	}
	if i+1 < len(lines) && isAdornment(lines[i+1].text) && !isAdornment(t) {
		u := lines[i+1].text
		if len(u) >= 4 || len(u) >= utf8.RuneCountInString(t) {
			p.sectionNode(lines[i], u[:1])
			return i + 2, true
		}
	}
	return 0, false
}

func (p *parser) sectionNode(title line, style string) {
	p.add(node{kind: sectionNode, pos: p.pos(title), style: style, inlines: p.inlines([]line{title})})
}

// inlines reads the inline markup of a paragraph's lines.
func (p *parser) inlines(lines []line) []*doc.Inline {
	pt := newParagraphText(p.file, lines)
	pt.a = p.a
	return parseInlines(&pt)
}

// paragraph reads text lines up to a blank line. A paragraph ending in
// "::" introduces a literal block (the indented lines that follow).
func (p *parser) paragraph(lines []line, i int) int {
	end := i
	for end < len(lines) && !lines[end].blank() {
		end++
	}
	para := lines[i:end]
	// Indented lines directly under the first ones (a definition list in
	// docutils) stay part of the paragraph's text.
	last := para[len(para)-1].text
	literal := strings.HasSuffix(last, "::")
	if literal {
		trimmed := append([]line(nil), para...)
		lt := trimmed[len(trimmed)-1]
		switch {
		case lt.text == "::":
			trimmed = trimmed[:len(trimmed)-1]
		case strings.HasSuffix(lt.text, " ::"):
			lt.text = strings.TrimRight(strings.TrimSuffix(lt.text, "::"), " ")
			trimmed[len(trimmed)-1] = lt
		default:
			lt.text = strings.TrimSuffix(lt.text, ":")
			trimmed[len(trimmed)-1] = lt
		}
		para = trimmed
	}
	if len(para) > 0 {
		p.add(node{kind: paragraphNode, pos: p.pos(para[0]), inlines: p.inlines(para)})
	}
	if literal {
		j := end
		for j < len(lines) && lines[j].blank() {
			j++
		}
		if j < len(lines) && lines[j].indent() > 0 {
			body := indentedBlock(lines, j)
			p.add(node{kind: codeNode, pos: p.pos(lines[j]), text: p.codeText(body)})
			return j + len(body)
		}
	}
	return end
}

// codeText is the text of a literal or code block: indentation removed,
// blank lines at both ends dropped.
func (p *parser) codeText(body []line) string {
	defer p.popLines(len(p.s.lines))
	ls := p.dedent(body)
	for len(ls) > 0 && ls[0].text == "" {
		ls = ls[1:]
	}
	for len(ls) > 0 && ls[len(ls)-1].text == "" {
		ls = ls[:len(ls)-1]
	}
	n := 0
	for _, l := range ls {
		n += len(l.text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, l := range ls {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
	}
	return b.String()
}

// list reads consecutive items of a bullet or enumerated list.
func (p *parser) list(lines []line, i int, ordered bool) int {
	n := node{kind: listNode, pos: p.pos(lines[i]), ordered: ordered}
	var bullet string
	for i < len(lines) {
		for i < len(lines) && lines[i].blank() && len(n.items) > 0 {
			// look ahead: a blank line between items is fine
			j := i
			for j < len(lines) && lines[j].blank() {
				j++
			}
			if j < len(lines) && lines[j].indent() == 0 && isItemOf(lines[j].text, ordered, bullet) {
				i = j
				break
			}
			p.add(n)
			return i
		}
		if i >= len(lines) || lines[i].indent() != 0 || !isItemOf(lines[i].text, ordered, bullet) {
			break
		}
		marker := itemMarker(lines[i].text, ordered)
		if bullet == "" {
			bullet = markerStyle(marker, ordered)
		}
		first := lines[i].cut(0)
		first.text = first.text[len(marker):]
		first.col += len(marker)
		rest := indentedBlock(lines, i+1)
		top := len(p.s.lines)
		if !first.blank() {
			p.pushLines(first)
		}
		dedentInPlace(p.pushLines(rest...))
		n.items = append(n.items, p.parseBlocks(p.s.lines[top:len(p.s.lines):len(p.s.lines)]))
		p.popLines(top)
		i += 1 + len(rest)
	}
	p.add(n)
	return i
}

func itemMarker(t string, ordered bool) string {
	if ordered {
		return enumMarker(t)
	}
	return bulletMarker(t)
}

func markerStyle(marker string, ordered bool) string {
	m := strings.TrimSpace(marker)
	if !ordered {
		return m
	}
	// Enumerated items match by their punctuation, not their number.
	return strings.Trim(m, "0123456789#")
}

func isItemOf(t string, ordered bool, style string) bool {
	m := itemMarker(t, ordered)
	return m != "" && (style == "" || markerStyle(m, ordered) == style)
}

// explicitMarkup reads ".. " constructs: targets, directives and comments.
func (p *parser) explicitMarkup(lines []line, i int) int {
	l := lines[i]
	if name, value, ok := targetLine(l.text); ok {
		// A target goes on only over indented lines right below it
		// (docutils reads it with until_blank).
		next := i + 1
		for next < len(lines) && !lines[next].blank() && lines[next].indent() > 0 {
			value += lines[next].text
			next++
		}
		if strings.TrimSpace(value) != "" {
			return next // an outside URL target: not a table's name
		}
		name = strings.Trim(name, "`")
		name = strings.ReplaceAll(name, `\:`, ":")
		p.add(node{kind: targetNode, pos: p.pos(l), text: doc.NormalizeLabel(name)})
		return next
	}
	if strings.TrimSpace(strings.TrimPrefix(l.text, "..")) == "" && (i+1 >= len(lines) || lines[i+1].blank()) {
		return i + 1 // an empty comment: what follows is not its body
	}
	body := indentedBlock(lines, i+1)
	next := i + 1 + len(body)
	name, arg, ok := directiveLine(l.text)
	if !ok {
		return next // a comment
	}
	name = strings.ToLower(name)
	defer p.popLines(len(p.s.lines))
	// The argument may go on over the first body lines, up to a blank line
	// or an option.
	content := p.dedent(body)
	argLines := []line{{text: arg, num: l.num, col: l.col + len(l.text) - len(arg)}}
	for len(content) > 0 && !content[0].blank() && !isOptionLine(content[0].text) && (name == "table" || name == "admonition") {
		argLines = append(argLines, content[0])
		content = content[1:]
	}
	var options []line
	for len(content) > 0 && isOptionLine(content[0].text) {
		options = append(options, content[0])
		content = content[1:]
	}
	switch name {
	case "table":
		n := node{kind: tableDirectiveNode, pos: p.pos(l), body: p.parseBlocks(p.dedent(content))}
		if strings.TrimSpace(arg) != "" {
			n.inlines = p.inlines(argLines)
		}
		for _, o := range options {
			if name, value, _ := optionLine(o.text); name == "name" {
				n.labels = append(n.labels, doc.NormalizeLabel(value))
			}
		}
		p.add(n)
		return next
	case "code-block", "code", "sourcecode", "highlight", "literalinclude", "parsed-literal":
		if name == "highlight" || name == "literalinclude" {
			return next
		}
		pos := p.pos(l)
		if len(content) > 0 {
			pos = p.posOf(content)
		}
		p.add(node{kind: codeNode, pos: pos, lang: strings.TrimSpace(arg), text: p.codeText(content)})
		return next
	case "note", "warning", "important", "caution", "tip", "attention", "danger", "hint", "error", "admonition", "seealso":
		top := len(p.s.lines)
		if strings.TrimSpace(arg) != "" {
			p.pushLines(argLines...)
			p.pushLines(line{num: l.num})
		}
		dedentInPlace(p.pushLines(content...))
		bodyLines := p.s.lines[top:len(p.s.lines):len(p.s.lines)]
		dedentInPlace(bodyLines)
		body := p.parseBlocks(bodyLines)
		p.add(node{kind: noteNode, pos: p.pos(l), label: name, body: body})
		return next
	case "container", "rst-class", "class", "only", "topic", "sidebar", "rubric":
		body := p.parseBlocks(p.dedent(content))
		p.add(node{kind: quoteNode, pos: p.pos(l), body: body})
		return next
	}
	return next // toctree, image, raw, ...: nothing for us
}

// gridTable isolates and parses a grid table starting at lines[i].
func (p *parser) gridTable(lines []line, i int, tc *textCache) int {
	n, t, err := table.Grid(tc.from(i))
	if n == 0 {
		p.tableError(lines[i:], err)
		return p.skipBroken(lines, i)
	}
	if err != nil {
		p.tableError(lines[i:i+n], err)
		return i + n
	}
	p.tableNode(lines[i:i+n], t)
	return i + n
}

// simpleTable isolates and parses a simple table starting at lines[i].
func (p *parser) simpleTable(lines []line, i int, tc *textCache) (int, bool) {
	n, t, err := table.Simple(tc.from(i))
	if n == 0 {
		p.tableError(lines[i:], err)
		return p.skipBroken(lines, i), true
	}
	if err != nil {
		p.tableError(lines[i:i+n], err)
		return i + n, true
	}
	p.tableNode(lines[i:i+n], t)
	return i + n, true
}

// skipBroken drops a malformed table: the lines up to the next blank line.
func (p *parser) skipBroken(lines []line, i int) int {
	for i < len(lines) && !lines[i].blank() {
		i++
	}
	return i
}

func (p *parser) tableError(block []line, err error) {
	pos := p.pos(block[0])
	msg := "malformed table"
	if te, ok := err.(*table.Error); ok {
		if te.Line >= 0 && te.Line < len(block) {
			pos = source.Pos{File: p.file, Line: block[te.Line].num, Col: block[te.Line].col + te.Col + 1}
		}
		msg = "malformed table: " + te.Msg
	} else if err != nil {
		msg = "malformed table: " + err.Error()
	}
	p.diags.Warnf(pos, "malformed-table", "%s; the table is skipped", msg)
}

// tableNode adds a parsed table to the model: header texts and rows of
// cells whose text is parsed again as RST.
//
// The page keeps only what it needs of a table: the header's cells are
// read in the scratch arena (the page keeps their text), and so, when the
// reader drops rows (p.dropRows), are a parameter table's rows, except
// for the content of its description cells: the table is interpreted
// (doc.Table.Interpret) as soon as it is read, its Params keep the
// description blocks and copies of the references of the other cells,
// and its rows are dropped. A table inside a cell keeps its rows: the cell
// shows them as text.
func (p *parser) tableNode(block []line, t *table.Table) {
	dt := &doc.Table{Pos: p.pos(block[0]), Form: t.Kind, Section: -1}
	page, tmp := p.a, p.s.cells
	if p.inCell > 0 {
		tmp = page // a scratch arena in use by the cell around: not to be reset
	}
	lean := false // rows in tmp, all but the description cells' content
	var cols doc.Columns
	for r, row := range t.Rows {
		head := r < t.HeadRows
		rows := page
		if head || lean {
			rows = tmp
		}
		cells := rows.cellRefs.take(len(row))
		var rowPos source.Pos
		for c, cell := range row {
			if cell == nil {
				cells[c] = rows.cells.new()
				cells[c].Spanned = true
				continue
			}
			if head || lean && c != cols.Description {
				p.a = tmp
			}
			cells[c] = p.cell(block, cell, rows)
			p.a = page
			if !rowPos.IsValid() {
				rowPos = cells[c].Pos
			}
		}
		if head {
			if r == t.HeadRows-1 { // docutils-tables.py reads the last header row
				dt.Header = dt.Header[:0]
				for _, c := range cells {
					dt.Header = append(dt.Header, c.Text())
				}
				cols, lean = doc.ParamColumns(dt.Header)
				lean = lean && p.dropRows && p.inCell == 0
			}
			continue
		}
		if dt.Rows == nil {
			dt.Rows = make([]*doc.Row, 0, len(t.Rows)-r)
		}
		dr := rows.rows.new()
		*dr = doc.Row{Pos: rowPos, Cells: cells}
		dt.Rows = append(dt.Rows, dr)
	}
	if lean {
		dt.Interpret()
		for _, prm := range dt.Params {
			prm.NameRefs = p.keepRefs(prm.NameRefs)
			prm.TypeRefs = p.keepRefs(prm.TypeRefs)
		}
		dt.Rows = nil
	}
	if tmp != page {
		tmp.reset()
	}
	p.add(node{kind: tableNode, pos: dt.Pos, table: dt})
}

// keepRefs moves references read in the scratch arena into the page's.
func (p *parser) keepRefs(refs []*doc.Ref) []*doc.Ref {
	for i, r := range refs {
		refs[i] = p.a.ref(*r)
	}
	return refs
}

// cell parses a table cell's text as RST; the cell itself comes from
// arena a, its content from p.a.
func (p *parser) cell(block []line, c *table.Cell, a *arena) *doc.Cell {
	// The cell's lines live on the stack only while the cell is parsed:
	// nothing in the model points to them.
	p.inCell++
	mark := len(p.s.lines)
	for k, text := range c.Lines {
		idx := c.Line + k
		if idx < 0 || idx >= len(block) {
			continue
		}
		src := block[idx]
		p.s.lines = append(p.s.lines, line{text: strings.TrimRight(text, " "), num: src.num, col: src.col + c.ByteCols[k]})
	}
	ls := p.s.lines[mark:len(p.s.lines):len(p.s.lines)]
	dedentInPlace(ls)
	out := a.cells.new()
	out.Pos = p.posOf(ls)
	if !out.Pos.IsValid() && len(ls) > 0 {
		out.Pos = source.Pos{File: p.file, Line: ls[0].num, Col: ls[0].col + 1}
	}
	nodes, lists := p.s.nodes.mark(), p.s.nodeLists.mark()
	out.Blocks = p.blocks(p.parseBlocks(ls))
	p.s.nodes.release(nodes) // the blocks hold no node
	p.s.nodeLists.release(lists)
	p.popLines(mark)
	p.inCell--
	return out
}

// blocks converts cell nodes into model blocks. Structure that a cell
// cannot carry (targets, a table in a table) is dropped with a warning
// where content would be lost.
func (p *parser) blocks(nodes []*node) []*doc.Block {
	mark := len(p.s.bstack)
	p.addBlocks(nodes)
	out := copyOf(&p.a.blockRefs, p.s.bstack[mark:])
	clear(p.s.bstack[mark:])
	p.s.bstack = p.s.bstack[:mark]
	return out
}

// addBlock appends a block to the list blocks is building.
func (p *parser) addBlock(v doc.Block) {
	b := p.a.blocks.new()
	*b = v
	p.s.bstack = append(p.s.bstack, b)
}

// plainInlines is a paragraph's inlines of one plain text.
func (p *parser) plainInlines(text string) []*doc.Inline {
	in := p.a.inlineRefs.take(1)
	in[0] = p.a.inline(doc.Inline{Kind: doc.Plain, Text: text})
	return in
}

func (p *parser) addBlocks(nodes []*node) {
	for _, n := range nodes {
		switch n.kind {
		case paragraphNode:
			p.addBlock(doc.Block{Kind: doc.Paragraph, Pos: n.pos, Inlines: n.inlines})
		case sectionNode:
			p.addBlock(doc.Block{Kind: doc.Paragraph, Pos: n.pos, Inlines: n.inlines})
		case listNode:
			b := doc.Block{Kind: doc.List, Pos: n.pos, Ordered: n.ordered}
			if len(n.items) > 0 {
				b.Items = make([][]*doc.Block, len(n.items))
				for k, item := range n.items {
					b.Items[k] = p.blocks(item)
				}
			}
			p.addBlock(b)
		case codeNode:
			if n.text != "" {
				p.addBlock(doc.Block{Kind: doc.Code, Pos: n.pos, Text: n.text, Lang: n.lang})
			}
		case noteNode:
			body := p.blocks(n.body)
			p.addBlock(doc.Block{Kind: doc.Note, Pos: n.pos, Label: n.label, Blocks: body})
		case quoteNode, tableDirectiveNode:
			p.addBlocks(n.body)
		case fieldNode:
			p.addBlock(doc.Block{Kind: doc.Paragraph, Pos: n.pos, Inlines: p.plainInlines(n.lang + ": " + n.text)})
		case tableNode:
			p.diags.Warnf(n.pos, "nested-table", "a table inside a table cell is kept as text")
			for _, row := range n.table.Rows {
				var cells []string
				for _, c := range row.Cells {
					cells = append(cells, c.Text())
				}
				p.addBlock(doc.Block{Kind: doc.Paragraph, Pos: row.Pos, Inlines: p.plainInlines(strings.Join(cells, " | "))})
			}
		}
	}
}
