// Package html reads HTML pages of API reference documentation into the
// document model ([doc.Page]).
//
// The pages this family publishes are DITA exports: an <h1 class=
// "topictitle1"> title after <a name> anchors naming the page, sections as
// <div class="section"> with an <h4 class="sectiontitle">, tables in
// <div class="tablenoborder"> after <a name> anchor pairs with a
// <caption><b>Table N </b>title</caption> and one header row of <th>, notes
// as <div class="note">, examples in <pre class="screen">. The reader reads
// them, and plain HTML written the same way, into the same model the RST
// reader gives the RST twin of a page, so that both generate the same Go:
//
//   - h1..h6 are sections; their level is the heading's rank among the
//     ranks the page uses. Anchors (<a name>, and the id of the heading and
//     of the div.section it opens) right before or on a heading label it.
//   - A <table> is read into a grid: rowspan and colspan are expanded, a
//     covered cell is Spanned and empty (as the RST twin shows a rowspan: a
//     value in the first row, empty cells below). The header is the last row
//     of <thead>, or the leading rows of <th>. Its <caption> is the title;
//     the anchors before it and its id are its labels; the list item lead or
//     short paragraph before it is its caption, as in the RST reader.
//   - Cells keep their structure: paragraphs (text directly in a cell is
//     one), lists, code and notes, with strong, emphasis, literal and link
//     inlines. Links become references: "#a" a label on this page,
//     "page.html#a" a label on another page, "page.html" the page, and
//     "http(s)://..." a URL.
//   - <pre> outside tables is an example, captioned like a table.
//   - <head>, scripts, styles, navigation (<nav>, DITA's familylinks,
//     "Parent topic" and child-link lists, breadcrumbs) are not content.
//
// Positions come from a tokenizer pass (see tree.go). Reading never fails:
// broken markup is read as a browser would read it, near enough, and what
// is doubtful is reported as a positioned warning.
package html

import (
	"bytes"
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// Read reads one page. path is used in positions and stored in the page.
func Read(path string, src []byte) (*doc.Page, source.List) {
	var diags source.List
	// A byte order mark is not content; columns on line 1 count from
	// after it, as in the RST reader.
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	pos := newPositions(path, src)
	root := parseTree(src, pos, &diags)
	r := &reader{
		pos:     pos,
		diags:   &diags,
		page:    &doc.Page{Path: path, Format: "html"},
		section: -1,
	}
	r.rankLevels(root)
	r.flow(root.kids)
	if r.page.Title == "" && len(r.page.Sections) == 0 {
		r.page.Title, r.page.TitlePos = r.headTitle, r.headTitlePos
	}
	r.page.Finish(&diags)
	return r.page, diags
}

// reader lays the element tree out as a page: sections, tables and examples
// in document order, with the labels and captions that belong to them. It
// follows the RST reader's walker, so that a page and its RST twin read
// alike.
type reader struct {
	pos   *positions
	diags *source.List

	page    *doc.Page
	section int
	levels  [7]int   // section level of h1..h6
	pending []string // labels waiting for the element they name
	// caption is the last short paragraph, waiting for a table or code
	// block right after it; context is the lead of the list item the walk
	// is in.
	caption string
	context string
	// status holds the section's status caption over what is under it.
	status doc.StatusHold
	// inItem is set inside a list item, outerLead is the lead of the
	// outermost item, broken is set once a table in the outermost item
	// has ended its lists (see list).
	inItem    bool
	outerLead string
	broken    bool

	headTitle    string // <title>, for a page without headings
	headTitlePos source.Pos
}

// skipTags and skipClasses mark what is not content: the head, scripts,
// forms and navigation. DITA puts "Parent topic" links in
// div.familylinks and child topic links in ul.ullinks.
var (
	skipTags = set("script", "style", "nav", "noscript", "template", "iframe", "object", "embed", "svg",
		"math", "button", "select", "textarea", "input", "map", "audio", "video", "canvas", "footer",
		"link", "base", "frameset", "frame", "noframes")
	skipClasses = set("familylinks", "parentlink", "ullinks", "ulchildlink", "olchildlink", "linklist",
		"related-links", "relinfo", "relconcepts", "reltasks", "relref", "breadcrumb", "breadcrumbs",
		"navigation", "navbar", "nav", "crumbs")
)

// skip reports whether n is no content (set once, when the tree is built).
func skip(n *node) bool { return n.skip }

func isSkipped(n *node) bool {
	if n.tag == "" {
		return false
	}
	if skipTags[n.tag] || n.attr("role") == "navigation" {
		return true
	}
	for c := range strings.FieldsSeq(n.attr("class")) {
		if skipClasses[strings.ToLower(c)] {
			return true
		}
	}
	return false
}

// isBlock reports whether n is laid out as a block: a block element, or an
// inline one wrapped around blocks.
func isBlock(n *node) bool {
	return n.tag != "" && (blockTags[n.tag] || n.hasBlock)
}

// segment calls run for each stretch of inline content (text and inline
// elements, as a browser's anonymous block) and block for each block
// element, in order.
func segment(kids []*node, run func([]*node), block func(*node)) {
	start := 0
	for i, k := range kids {
		if !isBlock(k) {
			continue
		}
		if i > start {
			run(kids[start:i])
		}
		block(k)
		start = i + 1
	}
	if start < len(kids) {
		run(kids[start:])
	}
}

func headingRank(n *node) int {
	if len(n.tag) == 2 && n.tag[0] == 'h' && n.tag[1] >= '1' && n.tag[1] <= '6' {
		return int(n.tag[1] - '0')
	}
	return 0
}

// rankLevels gives each heading rank the page uses its section level: its
// place among the ranks in use, so that a page of h1 and h4 has levels 0
// and 1, as the RST twin's two adornment styles do.
func (r *reader) rankLevels(root *node) {
	var used [7]bool
	var walk func(n *node)
	walk = func(n *node) {
		for _, k := range n.kids {
			if k.tag == "" || skip(k) || k.tag == "table" || k.tag == "head" {
				continue
			}
			if rank := headingRank(k); rank > 0 {
				used[rank] = true
			}
			walk(k)
		}
	}
	walk(root)
	level := 0
	for rank := 1; rank <= 6; rank++ {
		r.levels[rank] = level
		if used[rank] {
			level++
		}
	}
}

// flow walks the content of a container at page level.
func (r *reader) flow(kids []*node) {
	segment(kids, r.run, r.block)
}

// run reads a stretch of inline content at page level: anchors in it wait
// for the next element; a short paragraph is a caption for what follows;
// any other text ends the wait of both.
func (r *reader) run(nodes []*node) {
	r.pending = appendAnchors(r.pending, nodes)
	text := doc.InlinesText(r.inlines(nodes))
	r.page.SetSummary(r.section, text)
	if doc.IsMethodLine(text) {
		caption := r.caption
		if caption == "" && r.inItem && !r.broken {
			caption = r.context
		}
		r.page.MethodLines = append(r.page.MethodLines, &doc.MethodLine{
			Pos: r.pos.pos(runOff(nodes)), Section: r.section, Caption: caption, Text: text,
		})
	}
	switch {
	case text == "":
	case doc.IsCaption(text):
		r.caption = r.status.Caption(text)
	default:
		r.pending = nil
		// "Status code: 404" then "The task ID does not exist." then
		// the example: the status still captions it.
		if !doc.IsStatusCaption(r.caption) {
			r.caption = ""
		}
	}
}

func (r *reader) block(n *node) {
	if skip(n) {
		return
	}
	switch {
	case n.tag == "head":
		r.head(n)
	case n.tag == "title":
		r.title(n)
	case n.tag == "meta":
		r.meta(n)
	case headingRank(n) > 0:
		r.heading(n)
	case n.tag == "table":
		r.table(n)
	case isList(n):
		r.list(n)
	case isPre(n):
		r.example(n)
	case noteLabel(n) != "":
		// Labels before a note name nothing in it (the RST reader's
		// notes do the same).
		r.pending = nil
		r.flow(noteBody(n))
	case n.tag == "hr":
	default:
		// Containers (body, div, div.p, div.tablenoborder, blockquote,
		// an <a name> or a <p> wrapped around blocks, ...) are
		// transparent: their content is read in place.
		r.pending = appendLabel(r.pending, n.attr("name"))
		if (n.tag == "section" || n.hasClass("section")) && opensWithHeading(n) {
			r.pending = appendLabel(r.pending, n.attr("id"))
		}
		r.flow(n.kids)
	}
}

// opensWithHeading reports whether n's first element is a heading, whose
// section n's id then names.
func opensWithHeading(n *node) bool {
	for _, k := range n.kids {
		if k.tag == "" {
			if strings.TrimSpace(k.text) != "" {
				return false
			}
			continue
		}
		return headingRank(k) > 0
	}
	return false
}

func (r *reader) head(n *node) {
	for _, k := range n.kids {
		switch k.tag {
		case "title":
			r.title(k)
		case "meta":
			r.meta(k)
		}
	}
}

func (r *reader) title(n *node) {
	if r.headTitle == "" {
		r.headTitle = textOf(n.kids)
		r.headTitlePos = r.pos.pos(contentOff(n))
	}
}

// meta reads <meta name="original_name" content="x.html">, the published
// name of a page copied under another name.
func (r *reader) meta(n *node) {
	switch strings.ToLower(n.attr("name")) {
	case "original_name", "original-name", "originalname":
		if r.page.OriginalName == "" {
			r.page.OriginalName = strings.TrimSpace(n.attr("content"))
		}
	}
}

func (r *reader) takeLabels() []string {
	l := r.pending
	r.pending = nil
	return l
}

// heading adds a section. A heading left open holds what follows it (a
// browser does the same): its title is the text up to the first block, and
// the blocks are read after it.
func (r *reader) heading(n *node) {
	head, rest := n.kids, []*node(nil)
	for i, k := range n.kids {
		if isBlock(k) {
			head, rest = n.kids[:i], n.kids[i:]
			break
		}
	}
	defer r.flow(rest)
	labels := appendLabel(r.takeLabels(), n.attr("id"))
	labels = dedupe(appendAnchors(labels, head))
	title := doc.InlinesText(r.inlines(head))
	if title == "" {
		r.pending = labels // an empty heading names nothing: pass its labels on
		return
	}
	level := r.levels[headingRank(n)]
	parent := r.section
	for parent >= 0 && r.page.Sections[parent].Level >= level {
		parent = r.page.Sections[parent].Parent
	}
	pos := r.pos.pos(n.off)
	if off, ok := firstText(head); ok {
		pos = r.pos.pos(off)
	}
	s := &doc.Section{Title: title, Pos: pos, Level: level, Parent: parent, ID: doc.MakeID(title), Labels: labels}
	r.page.Sections = append(r.page.Sections, s)
	r.section = len(r.page.Sections) - 1
	r.caption = ""
	r.status.Reset()
	if r.page.Title == "" {
		r.page.Title, r.page.TitlePos = title, pos
		r.page.Labels = append(r.page.Labels, labels...)
	}
}

func isList(n *node) bool {
	return n.tag == "ul" || n.tag == "ol" || n.tag == "menu" || n.tag == "dir"
}

func isPre(n *node) bool {
	return n.tag == "pre" || n.tag == "xmp" || n.tag == "listing" || n.tag == "plaintext"
}

// items splits a list's content into items: each <li>, and any other
// content between them (text or elements a page put there) as an item of
// its own.
func items(n *node) [][]*node {
	var out [][]*node
	var stray []*node
	flush := func() {
		if len(stray) > 0 && textOf(stray) != "" {
			out = append(out, stray)
		}
		stray = nil
	}
	for _, k := range n.kids {
		if k.tag == "li" {
			flush()
			out = append(out, k.kids)
			continue
		}
		if !skip(k) {
			stray = append(stray, k)
		}
	}
	flush()
	return out
}

// list walks a list at page level as the RST reader walks the family's
// RST twin of it: labels before the list go to its first item; the lead of
// each item (its first paragraph, "Normal responses") is the context of the
// code blocks the item holds; the last item's lead, if short, captions what
// follows the list.
//
// A table in an item is another matter: the twin has a label at the left
// margin before every table, which ends all the lists it is in, so the
// table comes after them, captioned by the lead of the outermost item (if
// short), and the rest of that item reads as if outside any list. inItem,
// outerLead and broken keep track of this.
func (r *reader) list(n *node) {
	labels := r.takeLabels()
	top := !r.inItem || r.broken
	var lead, raw string
	broken := false
	for _, item := range items(n) {
		r.pending = append(r.pending, labels...)
		labels = nil
		r.caption = ""
		raw = r.itemLead(item)
		lead = r.status.Caption(raw)
		context, inItem, outerLead, outerBroken := r.context, r.inItem, r.outerLead, r.broken
		r.context, r.inItem = lead, true
		if top {
			r.outerLead, r.broken = lead, false
		}
		r.flow(item)
		broken = r.broken
		r.context, r.inItem, r.outerLead, r.broken = context, inItem, outerLead, outerBroken
		if broken {
			// The lists are over: the rest of the item read on as if
			// outside them, and the items after it are a list of their
			// own at the margin.
			r.broken = r.broken || !top
			top = true
			continue
		}
		r.caption = ""
	}
	if !broken && doc.IsCaption(raw) {
		r.caption = lead
	}
}

// itemLead is the text of an item's first paragraph, or the context the
// list is in if the item opens with something else.
func (r *reader) itemLead(item []*node) string {
	lead, found := "", false
	segment(item, func(run []*node) {
		if !found {
			if t := doc.InlinesText(r.inlines(run)); t != "" {
				lead, found = t, true
			}
		}
	}, func(b *node) {
		if found || skip(b) {
			return
		}
		found = true
		lead = r.context
		if b.tag == "p" && !b.hasBlock {
			lead = doc.InlinesText(r.inlines(b.kids))
		}
	})
	if !found {
		return r.context
	}
	return lead
}

// example adds a code block outside tables.
func (r *reader) example(n *node) {
	caption := r.caption
	if caption == "" && r.inItem && !r.broken {
		caption = r.context
	}
	r.page.Examples = append(r.page.Examples, &doc.Example{
		Pos:     r.pos.pos(contentOff(n)),
		Section: r.section,
		Caption: caption,
		Lang:    langOf(n),
		Text:    preText(n),
	})
	r.pending = nil
	r.caption = ""
}

// table adds a table. Its caption is the short paragraph right before it,
// or, for the first table in a list item, the lead of the outermost item
// when that is short (see list).
func (r *reader) table(n *node) {
	t := r.readTable(n)
	t.Labels = dedupe(append(r.takeLabels(), t.Labels...))
	caption := r.caption
	if r.inItem && !r.broken {
		caption = ""
		if doc.IsCaption(r.outerLead) {
			caption = r.outerLead
		}
		r.broken = true
	}
	if t.Title == "" && caption != "" && doc.StartsWithTableN(caption) {
		t.Title, t.TitlePos = caption, t.Pos
	}
	t.Caption = caption
	t.Section = r.section
	r.page.Tables = append(r.page.Tables, t)
	r.caption = ""
}

// appendLabel adds a normalized label unless it is empty. Repeats (DITA
// writes each page anchor twice) go when the labels are taken.
func appendLabel(labels []string, name string) []string {
	if l := doc.NormalizeLabel(name); l != "" {
		return append(labels, l)
	}
	return labels
}

// dedupe drops repeated labels, keeping the first of each.
func dedupe(labels []string) []string {
	seen := make(map[string]bool, len(labels))
	out := labels[:0:0]
	for _, l := range labels {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// appendAnchors adds the anchors in inline content: <a name="x"> and an <a
// id="x"> that links nowhere.
func appendAnchors(labels []string, nodes []*node) []string {
	for _, n := range nodes {
		if n.tag == "" || skip(n) {
			continue
		}
		if n.tag == "a" {
			labels = appendLabel(labels, n.attr("name"))
			if n.attr("href") == "" {
				labels = appendLabel(labels, n.attr("id"))
			}
		}
		labels = appendAnchors(labels, n.kids)
	}
	return labels
}

// contentOff is the offset of n's first text, or of n itself.
func contentOff(n *node) int {
	if off, ok := firstText(n.kids); ok {
		return off
	}
	return n.off
}

// runOff is the offset of the first text of inline content, or of its
// start.
func runOff(run []*node) int {
	if off, ok := firstText(run); ok {
		return off
	}
	return run[0].off
}

func firstText(nodes []*node) (int, bool) {
	for _, k := range nodes {
		if k.tag == "" {
			if strings.TrimSpace(k.text) != "" {
				return k.off, true
			}
			continue
		}
		if off, ok := firstText(k.kids); ok {
			return off, true
		}
	}
	return 0, false
}
