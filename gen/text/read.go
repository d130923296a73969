// Package text reads text copied from a rendered API reference page in a
// browser (select all, copy, paste into a .txt file) into the document
// model ([doc.Page]). It gives the model the RST reader gives for the
// page's RST source, and so the same Go.
//
// A copy keeps little structure: paragraphs separated by blank lines, list
// items as "  • Normal responses" with their content indented below, table
// cells one paragraph each, code with its indentation lost. The reader
// rebuilds the rest by these rules.
//
// Lines and blocks. A byte order mark goes; CR LF, LF and CR end lines;
// invalid UTF-8, NUL and other control characters, no-break and zero-width
// spaces are cleaned. A block is a run of non-blank lines; a line opening
// JSON under a paragraph starts a block of its own. A bullet (• ◦ ▪ ■ ● ‣
// –, or on an indented line - * "1.") starts a list item, which owns the
// blocks indented deeper than its bullet.
//
// Title. Browsers copy navigation before the title ("nav-img", "Advanced",
// breadcrumbs). The title is the first of the first eight blocks that is,
// once lines known as navigation (isNoise) are left out, one unindented
// line shaped like a title: a letter or digit first, no sentence
// punctuation, no code, URL or key=value, not a section name or a table
// header word. Before it may stand only lines known as navigation, dropped
// silently, and blocks of two or more short lines that are neither
// sentences nor code, dropped with a "title-guess" warning naming the
// title taken. Anything
// else first (prose, a list, a table, a section name) means the copy has no
// title line: then, as in RST, the first heading becomes the title, and
// with none the page gets a "no-title" warning.
//
// Sections. The title is section 0. Other headings are unindented one-line
// blocks outside list items: a section name of the family ("URI",
// "Request", "Example Response", "Returned Values", ...), or a title-case
// line of two to ten words without sentence punctuation ("bandwidth Field
// Description") that does not introduce a table or code (then it is a
// caption). They are level 1 under the title: a copy shows no deeper
// levels.
//
// Tables. A header is two or more one-line paragraphs that are header
// words, capitalised as the family writes them, no kind twice: Parameter,
// Mandatory, Type, Description (the words doc.Table.Interpret knows), or
// the first words of status code, returned value, key and permission
// tables; an unknown capitalised word between known ones ("CRUD") is a
// column too. Body rows follow as paragraphs, column by column. The Description
// column (the last column, in tables that are not parameter tables) may
// hold several paragraphs and lists; every other cell is one paragraph. A
// paragraph starts a new row only where it and the paragraphs after it have
// the shapes of the columns before the description: a parameter name (one
// identifier-ish token, or a placeholder such as "{key}"), a type word
// ("String", "Array of objects", "Map<String,String>", "X object"), a
// mandatory word ("Yes", "No (query parameter)"). Where every shape fits
// well the reading is sure; where the shapes fit only partly the reader
// takes the likelier reading and warns ("ambiguous-row"). A description
// may be empty when the next paragraphs are surely a row; what follows a
// description's sub-heading ("Range") is its content. A table ends at
// a "Table N" line, at another header, at a heading, at a caption followed
// by a table or code, at prose introducing a table ("the following table
// ..."), at a bullet at the table's own indentation (or one whose item
// holds a table or code), where the text dedents, or where no row can
// start.
//
// Titles, captions, links. A one-line "Table N ..." paragraph right before
// a header titles the table (kept as written, however garbled) and gives
// it the label "table N". "Table N" in a cell becomes a reference to that
// label when the page has such a table, as the RST source links it. A
// table's caption is a short paragraph right before it (doc.IsCaption), or
// else the lead of the list item it opens ("Normal responses"). Later
// tables of the same item take no caption from the lead: in the RST the
// family's pages were converted to, those tables stand after the list.
//
// Examples. A block whose first line opens JSON ("{", "[", `{"`) is an
// example of Lang "json", continued over blank lines while its brackets
// are open and the lines go on looking like JSON. An HTTP request line
// ("GET https://...") is an example where the section, the caption or the
// list item speaks of one. The caption is the short paragraph before the
// example or the lead of its list item. The text is kept as copied, less
// the indentation it shares.
//
// Cells. Paragraphs become paragraphs, bullets lists (an item holds its
// lead and the blocks under it), JSON lines code. A paragraph that is only
// a label in capitals, "NOTE:" (or "WARNING:", ...), makes the rest of the
// cell a note; "Note:" is text. The
// sub-headings of modern cells ("Definition", "Range", "Default value"),
// bold on the page, are strong text again.
//
// Reading never fails: problems are positioned warnings, and the rest of
// the page still comes out. Time is linear in the input: each block is
// looked at a bounded number of times with bounded look-ahead.
package text

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// Read reads one page. path is used in positions and stored in the page.
func Read(path string, src []byte) (*doc.Page, source.List) {
	var diags source.List
	r := &reader{file: path, diags: &diags, page: &doc.Page{Path: path, Format: "text"}, section: -1}
	blocks := splitBlocks(splitLines(src))
	rest := r.findTitle(blocks)
	r.walk(buildTree(rest), nil)
	r.keepResolvableMentions()
	r.page.Finish(&diags)
	return r.page, diags
}

type reader struct {
	file    string
	diags   *source.List
	page    *doc.Page
	section int
	// caption is the last short paragraph, waiting for a table or code
	// block right after it.
	caption string
	// title is a "Table N ..." line right before a table header.
	title *block
}

// item is the list item whose content is being read.
type item struct {
	lead string
	// tableSeen is set once a table of the item took the lead as its
	// caption.
	tableSeen bool
}

// titleSearch is how many blocks may stand before the title.
const titleSearch = 8

// findTitle finds the page title among the first blocks (see the package
// comment) and returns the blocks after it, or all blocks if there is
// none.
func (r *reader) findTitle(blocks []*block) []*block {
	unsure := 0
	for i := 0; i < len(blocks) && i < titleSearch; i++ {
		b := blocks[i]
		if b.marker != "" {
			break
		}
		var kept []line
		for _, l := range b.lines {
			if !isNoise(l.body()) {
				kept = append(kept, l)
			}
		}
		if len(kept) == 0 {
			continue
		}
		if l := kept[0]; len(kept) == 1 && l.indent == 0 && titleShape(l.body()) {
			title := strings.Join(strings.Fields(l.body()), " ")
			pos := source.Pos{File: r.file, Line: l.num, Col: l.start + 1}
			if unsure > 0 {
				r.diags.Warnf(pos, "title-guess", "took %q as the page title, reading the %d line(s) before it as navigation", title, unsure)
			}
			r.addSection(title, pos)
			j := i + 1
			for j < len(blocks) && j < i+4 && blocks[j].marker == "" && allNoise(blocks[j]) {
				j++
			}
			return blocks[j:]
		}
		if len(b.lines) < 2 || !allShort(kept) || opensJSON(kept[0].body()) {
			break
		}
		unsure += len(kept)
	}
	return blocks
}

func allNoise(b *block) bool {
	for _, l := range b.lines {
		if !isNoise(l.body()) {
			return false
		}
	}
	return true
}

func allShort(lines []line) bool {
	for _, l := range lines {
		s := l.body()
		if utf8.RuneCountInString(s) > 60 || strings.HasSuffix(s, ".") {
			return false
		}
	}
	return true
}

// introduces reports whether seq[i] starts a table or a JSON example: the
// paragraph before it is then its caption.
func (r *reader) introduces(seq []*block, i int) bool {
	return i < len(seq) && (r.header(seq, i) != nil || r.titleLine(seq, i) || codeKind(seq[i], false) == "json")
}

func (r *reader) addSection(title string, pos source.Pos) {
	level, parent := 1, 0
	if len(r.page.Sections) == 0 {
		level, parent = 0, -1
	}
	r.page.Sections = append(r.page.Sections, &doc.Section{Title: title, Pos: pos, Level: level, Parent: parent, ID: doc.MakeID(title)})
	r.section = len(r.page.Sections) - 1
	if r.page.Title == "" {
		r.page.Title, r.page.TitlePos = title, pos
	}
	r.caption, r.title = "", nil
}

// walk reads a sequence of sibling blocks: the top level (ctx nil) or the
// content of a list item.
func (r *reader) walk(seq []*block, ctx *item) {
	top := ctx == nil
	for i := 0; i < len(seq); {
		b := seq[i]
		if b.marker != "" {
			i = r.list(seq, i)
			continue
		}
		if kind := codeKind(b, r.exampleContext(ctx)); kind != "" {
			i = r.example(seq, i, kind, ctx)
			continue
		}
		heading := top && b.indent == 0 && b.single()
		if heading && knownSection(b.lines[0].body()) {
			r.addSection(b.folded(), b.pos(r.file))
			i++
			continue
		}
		if h := r.header(seq, i); h != nil {
			i = r.table(seq, i, h, ctx)
			continue
		}
		if heading && headingShape(b.lines[0].body()) && !r.introduces(seq, i+1) {
			r.addSection(b.folded(), b.pos(r.file))
			i++
			continue
		}
		if r.titleLine(seq, i) {
			r.title = b
			i++
			continue
		}
		r.page.SetSummary(r.section, b.folded())
		if text := b.folded(); doc.IsMethodLine(text) {
			r.page.MethodLines = append(r.page.MethodLines, &doc.MethodLine{
				Pos: b.pos(r.file), Section: r.section, Caption: r.captionOr(ctx), Text: text,
			})
		}
		r.title = nil
		r.caption = ""
		if text := b.folded(); doc.IsCaption(text) {
			r.caption = text
		}
		i++
	}
}

// list reads the consecutive items of a list starting at seq[i].
func (r *reader) list(seq []*block, i int) int {
	var lead string
	j := i
	for ; j < len(seq) && seq[j].marker != "" && seq[j].indent == seq[i].indent; j++ {
		lead = seq[j].folded()
		r.page.SetSummary(r.section, lead)
		r.caption, r.title = "", nil
		r.walk(seq[j].kids, &item{lead: lead})
	}
	// The lead of the last item captions what comes right after the list,
	// as in RST, where "-  Normal responses" is often a one-line item
	// followed by its table.
	r.caption, r.title = "", nil
	if doc.IsCaption(lead) {
		r.caption = lead
	}
	return j
}

// captionOr is the caption for a table or example: the waiting caption
// paragraph, else the lead of the enclosing list item.
func (r *reader) captionOr(ctx *item) string {
	if r.caption != "" || ctx == nil {
		return r.caption
	}
	return ctx.lead
}

// exampleContext reports whether an HTTP request line here is an example:
// the section, the caption or the list item speaks of one.
func (r *reader) exampleContext(ctx *item) bool {
	has := func(s string) bool { return containsFold(s, "example") }
	if has(r.caption) || ctx != nil && has(ctx.lead) {
		return true
	}
	return r.section >= 0 && has(r.page.Sections[r.section].Title)
}

// table reads the table whose header starts at seq[i].
func (r *reader) table(seq []*block, i int, h *header, ctx *item) int {
	t, next := r.readTable(seq, i, h, ctx == nil)
	if r.title != nil {
		t.Title, t.TitlePos = r.title.folded(), r.title.pos(r.file)
	}
	caption := r.caption
	if caption == "" && ctx != nil && !ctx.tableSeen {
		caption = ctx.lead
	}
	if ctx != nil {
		ctx.tableSeen = true
	}
	t.Caption = caption
	if t.Title == "" && doc.StartsWithTableN(caption) {
		t.Title, t.TitlePos = caption, t.Pos
	}
	if m := leadingTableNumber().FindStringSubmatch(t.Title); m != nil {
		t.Labels = append(t.Labels, tableLabel(m[1]))
	}
	t.Section = r.section
	r.page.Tables = append(r.page.Tables, t)
	r.caption, r.title = "", nil
	return next
}

// titleLine reports whether seq[i] is a "Table N ..." line titling the
// table whose header follows.
func (r *reader) titleLine(seq []*block, i int) bool {
	if i+1 >= len(seq) {
		return false
	}
	b := seq[i]
	if b.marker != "" || !b.single() || seq[i+1].indent != b.indent {
		return false
	}
	s := b.lines[0].body()
	return doc.StartsWithTableN(s) && utf8.RuneCountInString(s) <= 200 && !strings.HasSuffix(s, ".") && r.header(seq, i+1) != nil
}

// codeKind tells whether a block is code: "json" when its first line
// opens a JSON value, "http" for a request line where an example is
// expected, "" otherwise.
func codeKind(b *block, example bool) string {
	if b.marker != "" {
		return ""
	}
	s := b.lines[0].body()
	switch {
	case opensJSON(s):
		return "json"
	case b.single() && (strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")) && json.Valid([]byte(s)):
		return "json"
	case example && httpLine().MatchString(s):
		return "http"
	}
	return ""
}

// opensJSON reports whether a line opens a JSON object or array: "{",
// "[", `{"a": 1`, "[{", ... but not "{User defined key}" or "[items]".
func opensJSON(s string) bool {
	if s == "" || s[0] != '{' && s[0] != '[' {
		return false
	}
	rest := strings.TrimLeft(s[1:], " \t")
	return rest == "" || strings.IndexByte(`"{}[]`, rest[0]) >= 0
}

// example reads a code block starting at seq[i].
func (r *reader) example(seq []*block, i int, kind string, ctx *item) int {
	b := seq[i]
	if kind == "http" {
		// A request line with its body right under it: two examples, as
		// the page has two code blocks.
		if len(b.lines) > 1 && codeKind(&block{lines: b.lines[1:]}, false) == "json" {
			r.addExample(b.lines[:1], "", ctx)
			return r.continueJSON(seq, i+1, &block{lines: b.lines[1:], indent: b.lines[1].indent}, ctx)
		}
		r.addExample(b.lines, "", ctx)
		return i + 1
	}
	return r.continueJSON(seq, i+1, b, ctx)
}

// continueJSON adds the JSON example that starts with block b and goes on
// over the blocks from seq[next] while its brackets are open.
func (r *reader) continueJSON(seq []*block, next int, b *block, ctx *item) int {
	lines := append([]line(nil), b.lines...)
	depth := 0
	for _, l := range b.lines {
		depth = jsonDepth(depth, l.body())
	}
	for depth > 0 && next < len(seq) && seq[next].marker == "" && seq[next].indent >= b.indent && jsonLine(seq[next].lines[0].body()) {
		lines = append(lines, line{num: seq[next].lines[0].num - 1}) // the blank line between
		for _, l := range seq[next].lines {
			depth = jsonDepth(depth, l.body())
		}
		lines = append(lines, seq[next].lines...)
		next++
	}
	r.addExample(lines, "json", ctx)
	return next
}

func (r *reader) addExample(lines []line, lang string, ctx *item) {
	first := lines[0]
	r.page.Examples = append(r.page.Examples, &doc.Example{
		Pos:     source.Pos{File: r.file, Line: first.num, Col: first.start + 1},
		Section: r.section,
		Caption: r.captionOr(ctx),
		Lang:    lang,
		Text:    codeText(lines),
	})
	r.caption, r.title = "", nil
}

// codeText is the text of code lines without the indentation they share.
func codeText(lines []line) string {
	base := -1
	for _, l := range lines {
		if !l.blank() && (base < 0 || l.indent < base) {
			base = l.indent
		}
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		if l.blank() {
			continue
		}
		b.WriteString(strings.Repeat(" ", l.indent-base))
		b.WriteString(l.body())
	}
	return b.String()
}

// jsonDepth adds a line's open brackets to depth and takes its closed
// ones off, skipping strings. A string does not go on over lines.
func jsonDepth(depth int, s string) int {
	inString := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		}
	}
	return depth
}

// jsonLine reports whether a line can go on a JSON value.
func jsonLine(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case strings.IndexByte(`{}[]",-`, c) >= 0 || c >= '0' && c <= '9':
		return true
	}
	return strings.HasPrefix(s, "true") || strings.HasPrefix(s, "false") || strings.HasPrefix(s, "null")
}
