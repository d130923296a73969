package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// This file reads tables: a header of one-paragraph cells, then body rows
// grouped by the shapes of their cells (see the package comment).

// header is a table header found in a sequence of blocks.
type header struct {
	texts []string
	cols  []colKind
	param bool // a parameter table, as doc.Table.Interpret reads it
	// flex is the column that may hold several paragraphs: the
	// description, or the last column.
	flex int
	// typed counts the columns before flex whose shape is known (name,
	// type, mandatory; the first column of other tables).
	typed int
}

// maxHeader bounds a header: no table of the family has more columns.
const maxHeader = 12

// header reads the header starting at seq[i], or returns nil. It is asked
// at most places of a table body, so it allocates only for a header.
func (r *reader) header(seq []*block, i int) *header {
	if i >= len(seq) {
		return nil
	}
	ind := seq[i].indent
	var seen [colDescription + 1]bool
	var words [maxHeader]string // the colOther cells so far
	nwords, n := 0, 0
	for j := i; j < len(seq) && n < maxHeader; j++ {
		b := seq[j]
		if b.indent != ind {
			break
		}
		k, w, ok := headerCell(b)
		if !ok && n > 0 && !seen[colDescription] && unknownHeaderCell(b) && knownCellFollows(seq, j+1, ind) {
			// A column the vocabulary does not know ("CRUD") between
			// known ones.
			k, w, ok = colOther, doc.NormalizeLabel(b.lines[0].body()), true
		}
		if !ok {
			break
		}
		if k == colOther {
			dup := false
			for _, x := range words[:nwords] {
				dup = dup || x == w
			}
			if dup {
				break
			}
			words[nwords] = w
			nwords++
		} else {
			if seen[k] {
				break
			}
			seen[k] = true
		}
		n++
	}
	if n < 2 {
		return nil
	}
	h := &header{}
	for _, b := range seq[i : i+n] {
		k, _, ok := headerCell(b)
		if !ok {
			k = colOther
		}
		h.texts = append(h.texts, b.folded())
		h.cols = append(h.cols, k)
	}
	if len(h.texts) < 2 || !h.classify() {
		return nil
	}
	body := i + len(h.texts)
	if body >= len(seq) || seq[body].indent != ind || seq[body].marker != "" || codeKind(seq[body], false) != "" {
		return nil
	}
	// A parameter name that is also a header word ("Value") may have
	// joined the header: give it back if the first row then fits.
	last := len(h.cols) - 1
	if h.param && last >= 2 && h.cols[last] == colOther && h.fit(seq, body, ind) == vNo {
		shorter := &header{texts: h.texts[:last], cols: h.cols[:last]}
		if shorter.classify() && shorter.fit(seq, body-1, ind) != vNo {
			return shorter
		}
	}
	return h
}

// unknownHeaderCell reports whether a paragraph could be a header cell of
// a column the vocabulary does not know: one to three capitalised words.
func unknownHeaderCell(b *block) bool {
	if b.marker != "" || !b.single() {
		return false
	}
	s := b.lines[0].body()
	r, _ := utf8.DecodeRuneInString(s)
	n := wordCount(s)
	return unicode.IsUpper(r) && n <= 3 && len(s) <= 30 && !strings.ContainsAny(s, ".:;,!?{}[]<>=\"") && !doc.StartsWithTableN(s)
}

// knownCellFollows reports whether one of the next two paragraphs is a
// known header cell.
func knownCellFollows(seq []*block, j, ind int) bool {
	for end := j + 2; j < len(seq) && j < end; j++ {
		if seq[j].indent != ind {
			return false
		}
		if _, _, ok := headerCell(seq[j]); ok {
			return true
		}
		if !unknownHeaderCell(seq[j]) {
			return false
		}
	}
	return false
}

// classify decides whether the header cells make a table and which column
// is flexible.
func (h *header) classify() bool {
	t := &doc.Table{Header: h.texts}
	t.Interpret()
	h.param = t.Kind == doc.Parameters
	h.flex = len(h.cols) - 1
	// A table starts with its name (or key) column.
	if h.cols[0] != colName && !otherLeads[doc.NormalizeLabel(h.texts[0])] {
		return false
	}
	if h.param {
		h.flex = t.Columns.Description
	} else {
		for c, k := range h.cols {
			if k == colDescription {
				h.flex = c
				break
			}
		}
	}
	h.typed = 0
	for c := 0; c < h.flex; c++ {
		if h.cols[c] != colOther || c == 0 && !h.param {
			h.typed++
		}
	}
	return true
}

// verdict is how well the paragraphs at a place fit the start of a row.
type verdict int

const (
	vNo       verdict = iota // a cell does not fit its column
	vUnlikely                // every cell fits only weakly
	vLikely                  // some fit well, some weakly
	vSure                    // every cell of known shape fits well
)

// fit judges whether a row can start at seq[k]: the cells before the
// flexible column must be one-line paragraphs at the table's indentation
// with the shapes of their columns.
func (h *header) fit(seq []*block, k, ind int) verdict {
	if k+h.flex > len(seq) || h.flex == 0 && k >= len(seq) {
		return vNo
	}
	strong, weak := 0, 0
	for c := 0; c < h.flex; c++ {
		b := seq[k+c]
		if b.indent != ind || b.marker != "" || !b.single() {
			return vNo
		}
		var s shape
		switch {
		case h.cols[c] == colName:
			s = nameShape(b)
		case h.cols[c] == colType:
			s = typeShape(b)
		case h.cols[c] == colMandatory:
			s = mandatoryShape(b)
		case c == 0 && !h.param:
			s = keyShape(b)
		default:
			if utf8.RuneCountInString(b.lines[0].body()) > 100 {
				return vNo
			}
			continue
		}
		switch s {
		case noFit:
			return vNo
		case strongFit:
			strong++
		default:
			weak++
		}
	}
	switch {
	case weak == 0:
		return vSure
	case strong == 0:
		return vUnlikely
	}
	return vLikely
}

// kindName names a column kind in messages.
func kindName(k colKind) string {
	switch k {
	case colName:
		return "name"
	case colType:
		return "type"
	case colMandatory:
		return "mandatory"
	case colDescription:
		return "description"
	}
	return "table"
}

// rows reads the body of one table: the blocks after its header, at its
// indentation ind. top is set for a table outside list items, where
// headings may end it.
type rows struct {
	r   *reader
	seq []*block
	ind int
	top bool
	h   *header
	// headed is set while reading a description that starts with a
	// sub-heading ("Definition"): "Constraints" is then one too, not a
	// section.
	headed bool
}

// readTable reads the header h at seq[i] and the rows after it, and
// returns the table and the index after it.
func (r *reader) readTable(seq []*block, i int, h *header, top bool) (*doc.Table, int) {
	rs := &rows{r: r, seq: seq, ind: seq[i].indent, top: top, h: h}
	t := &doc.Table{Pos: seq[i].pos(r.file), Form: "text", Header: h.texts, Section: -1}
	n := len(h.cols)
	k := i + n
	for !rs.rowEnds(k) {
		rowPos := seq[k].pos(r.file)
		name := seq[k].folded()
		if len(t.Rows) == 0 {
			rs.checkFirstRow(k)
		}
		cells := make([]*doc.Cell, n)
		complete := true
		for c := 0; c < h.flex; c++ {
			if c > 0 && !rs.cellAt(k) {
				complete = false
				break
			}
			cells[c] = r.cell(seq[k : k+1])
			k++
		}
		if complete {
			start := k
			// An empty description: the next row starts right away.
			empty := h.typed >= 2 && h.fit(seq, k, rs.ind) == vSure
			rs.headed = false
			if !empty && !rs.flexEnds(k, true) {
				rs.headed = seq[k].single() && isCellHeading(seq[k].lines[0].body())
				k++
				if h.flex == n-1 {
					k = rs.moreParagraphs(k, name)
				}
			}
			cells[h.flex] = r.cell(seq[start:k])
			for c := h.flex + 1; c < n; c++ {
				if !rs.cellAt(k) {
					complete = false
					break
				}
				cells[c] = r.cell(seq[k : k+1])
				k++
			}
		}
		for c := range cells {
			if cells[c] == nil {
				cells[c] = &doc.Cell{Pos: rowPos}
			} else if !cells[c].Pos.IsValid() {
				cells[c].Pos = rowPos
			}
		}
		t.Rows = append(t.Rows, &doc.Row{Pos: rowPos, Cells: cells})
		if !complete {
			got := 0
			for _, c := range cells {
				if len(c.Blocks) > 0 {
					got++
				}
			}
			r.diags.WarnParamf(rowPos, name, "incomplete-row", "table row %q has %d of %d cells; the table ends here", short(name), got, n)
			break
		}
	}
	return t, k
}

// cellAt reports whether seq[k] can be a one-paragraph cell of the row
// being read.
func (rs *rows) cellAt(k int) bool {
	if k >= len(rs.seq) {
		return false
	}
	b := rs.seq[k]
	if b.indent != rs.ind || b.marker != "" || codeKind(b, false) != "" || rs.r.header(rs.seq, k) != nil || rs.r.titleLine(rs.seq, k) {
		return false
	}
	s := b.lines[0].body()
	return !(rs.top && rs.ind == 0 && b.single() && knownSection(s) && !isCellHeading(s))
}

// checkFirstRow warns when the first row after a header does not have the
// shapes of its columns: it is read as a row all the same.
func (rs *rows) checkFirstRow(k int) {
	h := rs.h
	if h.fit(rs.seq, k, rs.ind) != vNo {
		return
	}
	for c := 0; c < h.flex && k+c < len(rs.seq); c++ {
		b := rs.seq[k+c]
		bad := b.indent != rs.ind || b.marker != "" || !b.single()
		if !bad {
			switch h.cols[c] {
			case colName:
				bad = nameShape(b) == noFit
			case colType:
				bad = typeShape(b) == noFit
			case colMandatory:
				bad = mandatoryShape(b) == noFit
			}
		}
		if bad {
			rs.r.diags.Warnf(b.pos(rs.r.file), "ambiguous-row", "%q does not look like a %s cell; read as one", short(b.folded()), kindName(h.cols[c]))
			return
		}
	}
}

// moreParagraphs extends the last column of a row over the paragraphs and
// lists after its first paragraph, up to where the next row starts, and
// returns the index after them.
func (rs *rows) moreParagraphs(k int, name string) int {
	h, file := rs.h, rs.r.file
	for !rs.flexEnds(k, false) {
		b := rs.seq[k]
		// What follows a sub-heading ("Default value") is its content,
		// unless a row surely starts there (the sub-heading is empty).
		headed := rs.afterCellHeading(k)
		if headed && h.fit(rs.seq, k, rs.ind) == vSure {
			return k
		}
		if b.indent == rs.ind && b.marker == "" && !headed {
			switch h.fit(rs.seq, k, rs.ind) {
			case vSure:
				return k
			case vLikely:
				rs.r.diags.WarnParamf(b.pos(file), name, "ambiguous-row", "%q may start a row or go on with the description of %q; read as a new row", short(b.folded()), short(name))
				return k
			case vUnlikely:
				// Weak shapes in every column: description, as a rule.
				// Where the name is the only evidence, say so.
				if h.typed == 1 {
					rs.r.diags.WarnParamf(b.pos(file), name, "ambiguous-row", "%q may start a row or go on with the description of %q; read as description", short(b.folded()), short(name))
				}
			default:
				if h.cols[0] == colName && nameShape(b) == strongFit && !strings.Contains(b.folded(), " ") {
					rs.r.diags.WarnParamf(b.pos(file), name, "ambiguous-row", "%q looks like a parameter name but the cells after it do not fit a row; read as description of %q", short(b.folded()), short(name))
				}
			}
		}
		k++
	}
	return k
}

// rowEnds reports whether the table ends where a row would start.
func (rs *rows) rowEnds(k int) bool {
	if k >= len(rs.seq) {
		return true
	}
	b := rs.seq[k]
	return b.indent != rs.ind || b.marker != "" || codeKind(b, false) != "" || rs.startsOther(k, false)
}

// flexEnds reports whether the table ends at seq[k], where a description
// could go on. The first paragraph of a description is one whatever it
// looks like, unless it starts another table or a section.
func (rs *rows) flexEnds(k int, first bool) bool {
	if k >= len(rs.seq) {
		return true
	}
	b := rs.seq[k]
	switch {
	case b.indent < rs.ind:
		return true
	case b.marker != "":
		return b.indent <= rs.ind || rs.r.structural(b)
	case b.indent > rs.ind:
		return false
	}
	return rs.startsOther(k, first)
}

// startsOther reports whether seq[k], at the table's indentation, starts
// something else: another table (its title or header), a heading, or a
// caption followed by a table or code. Where a description must start
// (first), only a table or a section name of the family ends the table.
func (rs *rows) startsOther(k int, first bool) bool {
	r, seq := rs.r, rs.seq
	b := seq[k]
	if r.header(seq, k) != nil || r.titleLine(seq, k) {
		return true
	}
	if !b.single() {
		return false
	}
	s := b.lines[0].body()
	if rs.top && rs.ind == 0 {
		if knownSection(s) && !(isCellHeading(s) && (first || rs.headed)) {
			return true
		}
		// A heading-shaped line is a heading unless it reads as a row
		// ("Name of the network" as a parameter name) or as the end of a
		// description (a row follows it: "Not supported").
		if !first && !rs.afterCellHeading(k) && headingShape(s) && !r.introduces(seq, k+1) && rs.h.fit(seq, k, rs.ind) == vNo && rs.h.fit(seq, k+1, rs.ind) == vNo {
			return true
		}
	}
	if first || rs.afterCellHeading(k) {
		return false
	}
	// A "Table N ..." line titles a table, even one whose header the
	// reader does not know; "The following table ..." introduces one;
	// "Parent topic: ..." ends a copied page.
	if doc.StartsWithTableN(s) && !strings.HasSuffix(s, ".") && utf8.RuneCountInString(s) <= 200 || parentTopic().MatchString(s) || introTable().MatchString(s) {
		return true
	}
	// A caption before a table or code. Before a titled table, only the
	// family's caption forms count: a last short paragraph of a
	// description ("HARD: forcible ECS stop") often stands there too.
	if !doc.IsCaption(s) || k+1 >= len(seq) || seq[k+1].indent != rs.ind {
		return false
	}
	if r.header(seq, k+1) != nil || codeKind(seq[k+1], false) == "json" {
		return true
	}
	return r.titleLine(seq, k+1) && (doc.StartsWithTableN(s) || statusCaption().MatchString(s))
}

// afterCellHeading reports whether seq[k] comes right after a
// description's sub-heading ("Range"), as its content.
func (rs *rows) afterCellHeading(k int) bool {
	if k == 0 {
		return false
	}
	prev := rs.seq[k-1]
	return prev.single() && prev.marker == "" && isCellHeading(prev.lines[0].body())
}

// structuralKids is how far into a list item structural looks.
const structuralKids = 4

// structural reports whether a list item holds a table or code near its
// start: it is part of the page's structure ("• Normal responses"), not
// a list in a cell.
func (r *reader) structural(b *block) bool {
	for j := 0; j < len(b.kids) && j < structuralKids; j++ {
		if r.introduces(b.kids, j) {
			return true
		}
	}
	return false
}

// cell makes a table cell of blocks.
func (r *reader) cell(nodes []*block) *doc.Cell {
	c := &doc.Cell{}
	if len(nodes) > 0 {
		c.Pos = nodes[0].pos(r.file)
	}
	c.Blocks = r.blocks(nodes, 0)
	return c
}

// blocks converts cell content: paragraphs, lists (an item's lead and the
// blocks under it), JSON code, notes.
func (r *reader) blocks(nodes []*block, depth int) []*doc.Block {
	var out []*doc.Block
	for i := 0; i < len(nodes); {
		b := nodes[i]
		switch {
		case b.marker != "":
			list := &doc.Block{Kind: doc.List, Pos: b.pos(r.file), Ordered: b.ordered}
			j := i
			for ; j < len(nodes) && nodes[j].marker != "" && nodes[j].indent == b.indent && nodes[j].ordered == b.ordered; j++ {
				it := []*doc.Block{r.paragraph(nodes[j])}
				if depth < maxDepth {
					it = append(it, r.blocks(nodes[j].kids, depth+1)...)
				}
				list.Items = append(list.Items, it)
			}
			out = append(out, list)
			i = j
			continue
		case codeKind(b, false) == "json", depth > 0 && preformatted(b):
			out = append(out, &doc.Block{Kind: doc.Code, Pos: b.pos(r.file), Text: codeText(b.lines)})
			i++
			continue
		}
		if label, ok := noteLabel(b); ok && i+1 < len(nodes) && depth < maxDepth {
			out = append(out, &doc.Block{Kind: doc.Note, Pos: b.pos(r.file), Label: label, Blocks: r.blocks(nodes[i+1:], depth+1)})
			return out
		}
		out = append(out, r.paragraph(b))
		i++
	}
	return out
}

// preformatted reports whether a block under a list item was
// preformatted text on the page (a <pre>, a code block): a browser copies
// a paragraph as one line, so a block of several lines was one ("#!/bin/bash",
// "echo ..."), and so was one long unbroken token (a base64 value).
func preformatted(b *block) bool {
	if !b.single() {
		return !isCellHeading(b.lines[0].body())
	}
	t := strings.TrimSpace(b.lines[0].body())
	return len(t) >= 24 && !strings.ContainsAny(t, " \t") && !strings.Contains(t, "://")
}

// paragraph makes a paragraph of a block's text: plain text, with "Table
// N" mentions as references, or a cell sub-heading as strong text.
func (r *reader) paragraph(b *block) *doc.Block {
	text := b.text()
	p := &doc.Block{Kind: doc.Paragraph, Pos: b.pos(r.file)}
	if isCellHeading(text) {
		p.Inlines = []*doc.Inline{{Kind: doc.Strong, Text: text}}
		return p
	}
	var mentions [][]int
	if strings.Contains(text, "able") || strings.Contains(text, "ABLE") {
		mentions = tableMention().FindAllStringSubmatchIndex(text, -1)
	}
	last := 0
	for _, m := range mentions {
		if m[0] > last {
			p.Inlines = append(p.Inlines, &doc.Inline{Kind: doc.Plain, Text: text[last:m[0]]})
		}
		p.Inlines = append(p.Inlines, &doc.Inline{Kind: doc.Link, Text: text[m[0]:m[1]], Ref: &doc.Ref{
			Pos:   r.posIn(b, m[0]),
			Label: tableLabel(text[m[2]:m[3]]),
		}})
		last = m[1]
	}
	if last < len(text) {
		p.Inlines = append(p.Inlines, &doc.Inline{Kind: doc.Plain, Text: text[last:]})
	}
	return p
}

// posIn is the position of byte off of b.text().
func (r *reader) posIn(b *block, off int) source.Pos {
	for _, l := range b.lines {
		n := len(l.text) - l.start
		if off <= n {
			return source.Pos{File: r.file, Line: l.num, Col: l.start + off + 1}
		}
		off -= n + 1
	}
	return b.pos(r.file)
}

// keepResolvableMentions turns "Table N" mentions back into plain text
// where the page has no table N: only the mentions that the RST source
// would have linked stay references.
func (r *reader) keepResolvableMentions() {
	labels := map[string]bool{}
	for _, t := range r.page.Tables {
		for _, l := range t.Labels {
			labels[l] = true
		}
	}
	for _, t := range r.page.Tables {
		for _, row := range t.Rows {
			for _, c := range row.Cells {
				fixBlocks(c.Blocks, labels)
			}
		}
	}
}

func fixBlocks(blocks []*doc.Block, labels map[string]bool) {
	for _, b := range blocks {
		if len(b.Inlines) > 0 {
			b.Inlines = fixInlines(b.Inlines, labels)
		}
		for _, it := range b.Items {
			fixBlocks(it, labels)
		}
		fixBlocks(b.Blocks, labels)
	}
}

func fixInlines(in []*doc.Inline, labels map[string]bool) []*doc.Inline {
	keep := true
	for _, x := range in {
		keep = keep && (x.Kind != doc.Link || labels[x.Ref.Label])
	}
	if keep {
		return in // mentions start and end plain runs: none to merge
	}
	var out []*doc.Inline
	var run []string // plain texts to join into one inline
	flush := func() {
		if len(run) > 0 {
			out = append(out, &doc.Inline{Kind: doc.Plain, Text: strings.Join(run, "")})
			run = run[:0]
		}
	}
	for _, x := range in {
		if x.Kind == doc.Plain || x.Kind == doc.Link && !labels[x.Ref.Label] {
			run = append(run, x.Text)
			continue
		}
		flush()
		out = append(out, x)
	}
	flush()
	return out
}

// short cuts long text for a message.
func short(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	n := 0
	for i := range s {
		if n == 57 {
			return s[:i] + "..."
		}
		n++
	}
	return s
}
