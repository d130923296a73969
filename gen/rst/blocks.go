package rst

import (
	"regexp"
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
}

func (p *parser) pos(l line) source.Pos {
	return source.Pos{File: p.file, Line: l.num, Col: l.col + l.indent() + 1}
}

var (
	gridTop       = regexp.MustCompile(`^\+-[-+]*\+$`)
	simpleTop     = regexp.MustCompile(`^=+( +=+)+$`)
	bulletItem    = regexp.MustCompile(`^([-*+•‣⁃])( +|$)`)
	enumItem      = regexp.MustCompile(`^(\(?)(\d+|#)([.)])( +|$)`)
	targetLine    = regexp.MustCompile("^\\.\\. _(`[^`]+`|[^:`][^:]*(?:\\\\:[^:]*)*):(?:\\s+(.*))?$")
	directiveLine = regexp.MustCompile(`^\.\. ([A-Za-z][A-Za-z0-9_.:+-]*)::(?:\s+(.*))?$`)
	fieldLine     = regexp.MustCompile(`^:([^:\s][^:]*):(?:\s+(.*))?$`)
	optionLine    = regexp.MustCompile(`^:([A-Za-z][\w-]*):(?:\s+(.*))?$`)
)

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
	if p.depth >= maxDepth {
		if len(lines) > 0 {
			p.diags.Warnf(p.pos(lines[0]), "nesting", "nesting deeper than %d levels: the rest is kept as text", maxDepth)
		}
		return []*node{{kind: codeNode, pos: p.posOf(lines), text: strings.Join(texts(dedent(lines)), "\n")}}
	}
	p.depth++
	defer func() { p.depth-- }()

	var nodes []*node
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
			nodes = append(nodes, &node{kind: quoteNode, pos: p.pos(l), body: p.parseBlocks(dedent(block))})
			i += len(block)
			continue
		}
		n, next := p.parseOne(lines, i)
		if n != nil {
			nodes = append(nodes, n...)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
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
// indented) and returns the nodes and the index after it.
func (p *parser) parseOne(lines []line, i int) ([]*node, int) {
	l := lines[i]
	t := l.text
	switch {
	case strings.HasPrefix(t, ".. ") || t == "..":
		return p.explicitMarkup(lines, i)
	case gridTop.MatchString(t):
		return p.gridTable(lines, i)
	case simpleTop.MatchString(t):
		// docutils' simple_table_top needs two columns: a lone "===="
		// line is an adornment (a section overline) or a transition.
		if n, next, ok := p.simpleTable(lines, i); ok {
			return n, next
		}
	}
	if n, next, ok := p.section(lines, i); ok {
		return n, next
	}
	if m := bulletItem.FindStringSubmatch(t); m != nil {
		return p.list(lines, i, false)
	}
	if m := enumItem.FindStringSubmatch(t); m != nil {
		return p.list(lines, i, true)
	}
	if m := fieldLine.FindStringSubmatch(t); m != nil {
		body := indentedBlock(lines, i+1)
		value := strings.TrimSpace(m[2] + " " + strings.Join(texts(dedent(body)), " "))
		return []*node{{kind: fieldNode, pos: p.pos(l), lang: m[1], text: value}}, i + 1 + len(body)
	}
	return p.paragraph(lines, i)
}

// section reads a title with an underline, or with an over- and underline.
func (p *parser) section(lines []line, i int) ([]*node, int, bool) {
	t := lines[i].text
	if isAdornment(t) && i+2 < len(lines) && lines[i+2].text == t && !lines[i+1].blank() {
		title := lines[i+1].cut(lines[i+1].indent())
		return []*node{p.sectionNode(title, t[:1]+"over")}, i + 3, true
	}
	if i+1 < len(lines) && isAdornment(lines[i+1].text) && !isAdornment(t) {
		u := lines[i+1].text
		if len(u) >= 4 || len(u) >= utf8.RuneCountInString(t) {
			return []*node{p.sectionNode(lines[i], u[:1])}, i + 2, true
		}
	}
	return nil, 0, false
}

func (p *parser) sectionNode(title line, style string) *node {
	return &node{kind: sectionNode, pos: p.pos(title), style: style, inlines: parseInlines(newParagraphText(p.file, []line{title}))}
}

// paragraph reads text lines up to a blank line. A paragraph ending in
// "::" introduces a literal block (the indented lines that follow).
func (p *parser) paragraph(lines []line, i int) ([]*node, int) {
	end := i
	for end < len(lines) && !lines[end].blank() {
		end++
	}
	para := lines[i:end]
	// Indented lines directly under the first ones (a definition list in
	// docutils) stay part of the paragraph's text.
	var nodes []*node
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
		nodes = append(nodes, &node{kind: paragraphNode, pos: p.pos(para[0]), inlines: parseInlines(newParagraphText(p.file, para))})
	}
	if literal {
		j := end
		for j < len(lines) && lines[j].blank() {
			j++
		}
		if j < len(lines) && lines[j].indent() > 0 {
			body := indentedBlock(lines, j)
			nodes = append(nodes, &node{kind: codeNode, pos: p.pos(lines[j]), text: codeText(body)})
			return nodes, j + len(body)
		}
	}
	return nodes, end
}

// codeText is the text of a literal or code block: indentation removed,
// blank lines at both ends dropped.
func codeText(body []line) string {
	ls := texts(dedent(body))
	for len(ls) > 0 && ls[0] == "" {
		ls = ls[1:]
	}
	for len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return strings.Join(ls, "\n")
}

// list reads consecutive items of a bullet or enumerated list.
func (p *parser) list(lines []line, i int, ordered bool) ([]*node, int) {
	n := &node{kind: listNode, pos: p.pos(lines[i]), ordered: ordered}
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
			return []*node{n}, i
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
		item := append([]line{first}, dedent(rest)...)
		if first.blank() {
			item = dedent(rest)
		}
		n.items = append(n.items, p.parseBlocks(item))
		i += 1 + len(rest)
	}
	return []*node{n}, i
}

func itemMarker(t string, ordered bool) string {
	if ordered {
		return enumItem.FindString(t)
	}
	return bulletItem.FindString(t)
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
func (p *parser) explicitMarkup(lines []line, i int) ([]*node, int) {
	l := lines[i]
	if m := targetLine.FindStringSubmatch(l.text); m != nil {
		// A target goes on only over indented lines right below it
		// (docutils reads it with until_blank).
		next := i + 1
		for next < len(lines) && !lines[next].blank() && lines[next].indent() > 0 {
			m[2] += lines[next].text
			next++
		}
		if strings.TrimSpace(m[2]) != "" {
			return nil, next // an outside URL target: not a table's name
		}
		name := strings.Trim(m[1], "`")
		name = strings.ReplaceAll(name, `\:`, ":")
		return []*node{{kind: targetNode, pos: p.pos(l), text: doc.NormalizeLabel(name)}}, next
	}
	if strings.TrimSpace(strings.TrimPrefix(l.text, "..")) == "" && (i+1 >= len(lines) || lines[i+1].blank()) {
		return nil, i + 1 // an empty comment: what follows is not its body
	}
	body := indentedBlock(lines, i+1)
	next := i + 1 + len(body)
	m := directiveLine.FindStringSubmatch(l.text)
	if m == nil {
		return nil, next // a comment
	}
	name, arg := strings.ToLower(m[1]), m[2]
	// The argument may go on over the first body lines, up to a blank line
	// or an option.
	content := dedent(body)
	argLines := []line{{text: arg, num: l.num, col: l.col + len(l.text) - len(arg)}}
	for len(content) > 0 && !content[0].blank() && !optionLine.MatchString(content[0].text) && (name == "table" || name == "admonition") {
		argLines = append(argLines, content[0])
		content = content[1:]
	}
	var options []line
	for len(content) > 0 && optionLine.MatchString(content[0].text) {
		options = append(options, content[0])
		content = content[1:]
	}
	switch name {
	case "table":
		n := &node{kind: tableDirectiveNode, pos: p.pos(l), body: p.parseBlocks(dedent(content))}
		if strings.TrimSpace(arg) != "" {
			n.inlines = parseInlines(newParagraphText(p.file, argLines))
		}
		for _, o := range options {
			if om := optionLine.FindStringSubmatch(o.text); om != nil && om[1] == "name" {
				n.labels = append(n.labels, doc.NormalizeLabel(om[2]))
			}
		}
		return []*node{n}, next
	case "code-block", "code", "sourcecode", "highlight", "literalinclude", "parsed-literal":
		if name == "highlight" || name == "literalinclude" {
			return nil, next
		}
		pos := p.pos(l)
		if len(content) > 0 {
			pos = p.posOf(content)
		}
		return []*node{{kind: codeNode, pos: pos, lang: strings.TrimSpace(arg), text: codeText(content)}}, next
	case "note", "warning", "important", "caution", "tip", "attention", "danger", "hint", "error", "admonition", "seealso":
		var bodyLines []line
		if strings.TrimSpace(arg) != "" {
			bodyLines = append(bodyLines, argLines...)
			bodyLines = append(bodyLines, line{num: l.num})
		}
		bodyLines = append(bodyLines, dedent(content)...)
		return []*node{{kind: noteNode, pos: p.pos(l), label: name, body: p.parseBlocks(dedent(bodyLines))}}, next
	case "container", "rst-class", "class", "only", "topic", "sidebar", "rubric":
		return []*node{{kind: quoteNode, pos: p.pos(l), body: p.parseBlocks(dedent(content))}}, next
	}
	return nil, next // toctree, image, raw, ...: nothing for us
}

// gridTable isolates and parses a grid table starting at lines[i].
func (p *parser) gridTable(lines []line, i int) ([]*node, int) {
	n, err := table.GridLines(texts(lines[i:]))
	if err != nil || n == 0 {
		p.tableError(lines[i:], err)
		return p.skipBroken(lines, i)
	}
	t, err := table.ParseGrid(texts(lines[i : i+n]))
	if err != nil {
		p.tableError(lines[i:i+n], err)
		return nil, i + n
	}
	return []*node{p.tableNode(lines[i:i+n], t)}, i + n
}

// simpleTable isolates and parses a simple table starting at lines[i].
func (p *parser) simpleTable(lines []line, i int) ([]*node, int, bool) {
	n, err := table.SimpleLines(texts(lines[i:]))
	if err != nil || n == 0 {
		p.tableError(lines[i:], err)
		nodes, next := p.skipBroken(lines, i)
		return nodes, next, true
	}
	t, err := table.ParseSimple(texts(lines[i : i+n]))
	if err != nil {
		p.tableError(lines[i:i+n], err)
		return nil, i + n, true
	}
	return []*node{p.tableNode(lines[i:i+n], t)}, i + n, true
}

// skipBroken drops a malformed table: the lines up to the next blank line.
func (p *parser) skipBroken(lines []line, i int) ([]*node, int) {
	for i < len(lines) && !lines[i].blank() {
		i++
	}
	return nil, i
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

// tableNode turns a parsed table into the model: header texts and rows of
// cells whose text is parsed again as RST.
func (p *parser) tableNode(block []line, t *table.Table) *node {
	dt := &doc.Table{Pos: p.pos(block[0]), Form: t.Kind, Section: -1}
	for r, row := range t.Rows {
		cells := make([]*doc.Cell, len(row))
		var rowPos source.Pos
		for c, cell := range row {
			if cell == nil {
				cells[c] = &doc.Cell{Spanned: true}
				continue
			}
			cells[c] = p.cell(block, cell)
			if !rowPos.IsValid() {
				rowPos = cells[c].Pos
			}
		}
		if r < t.HeadRows {
			if r == t.HeadRows-1 { // docutils-tables.py reads the last header row
				dt.Header = dt.Header[:0]
				for _, c := range cells {
					dt.Header = append(dt.Header, c.Text())
				}
			}
			continue
		}
		dt.Rows = append(dt.Rows, &doc.Row{Pos: rowPos, Cells: cells})
	}
	return &node{kind: tableNode, pos: dt.Pos, table: dt}
}

func (p *parser) cell(block []line, c *table.Cell) *doc.Cell {
	var ls []line
	for k, text := range c.Lines {
		idx := c.Line + k
		if idx < 0 || idx >= len(block) {
			continue
		}
		src := block[idx]
		ls = append(ls, line{text: strings.TrimRight(text, " "), num: src.num, col: src.col + c.ByteCols[k]})
	}
	ls = dedent(ls)
	out := &doc.Cell{Pos: p.posOf(ls)}
	if !out.Pos.IsValid() && len(ls) > 0 {
		out.Pos = source.Pos{File: p.file, Line: ls[0].num, Col: ls[0].col + 1}
	}
	out.Blocks = p.blocks(p.parseBlocks(ls))
	return out
}

// blocks converts cell nodes into model blocks. Structure that a cell
// cannot carry (targets, a table in a table) is dropped with a warning
// where content would be lost.
func (p *parser) blocks(nodes []*node) []*doc.Block {
	var out []*doc.Block
	for _, n := range nodes {
		switch n.kind {
		case paragraphNode:
			out = append(out, &doc.Block{Kind: doc.Paragraph, Pos: n.pos, Inlines: n.inlines})
		case sectionNode:
			out = append(out, &doc.Block{Kind: doc.Paragraph, Pos: n.pos, Inlines: n.inlines})
		case listNode:
			b := &doc.Block{Kind: doc.List, Pos: n.pos, Ordered: n.ordered}
			for _, item := range n.items {
				b.Items = append(b.Items, p.blocks(item))
			}
			out = append(out, b)
		case codeNode:
			if n.text != "" {
				out = append(out, &doc.Block{Kind: doc.Code, Pos: n.pos, Text: n.text, Lang: n.lang})
			}
		case noteNode:
			out = append(out, &doc.Block{Kind: doc.Note, Pos: n.pos, Label: n.label, Blocks: p.blocks(n.body)})
		case quoteNode, tableDirectiveNode:
			out = append(out, p.blocks(n.body)...)
		case fieldNode:
			out = append(out, &doc.Block{Kind: doc.Paragraph, Pos: n.pos, Inlines: []*doc.Inline{{Kind: doc.Plain, Text: n.lang + ": " + n.text}}})
		case tableNode:
			p.diags.Warnf(n.pos, "nested-table", "a table inside a table cell is kept as text")
			for _, row := range n.table.Rows {
				var cells []string
				for _, c := range row.Cells {
					cells = append(cells, c.Text())
				}
				out = append(out, &doc.Block{Kind: doc.Paragraph, Pos: row.Pos, Inlines: []*doc.Inline{{Kind: doc.Plain, Text: strings.Join(cells, " | ")}}})
			}
		}
	}
	return out
}
