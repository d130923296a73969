// Package godoc turns the model's structured text ([doc.Block]) into Go doc
// comment lines. It owns every decision about how docs text looks in a
// generated comment; the comment syntax itself is built and printed by the
// standard library's go/doc/comment, never by pasting docs text together.
//
// Rendering rules:
//
//   - Paragraphs: all white space (newlines included) folds to single
//     spaces and a paragraph is one line, never wrapped, so a one-word change
//     in a description changes one comment line. Strong, emphasis and literal
//     text print as their plain text. A paragraph that is exactly "-" is
//     dropped.
//   - References: one whose target has a Go type name (Options.Link) prints as
//     a doc link [TypeName]; one with an http:// or https:// URL prints as a
//     link [text] with a "[text]: URL" definition at the end of the comment;
//     any other prints as its text. A link whose text cannot be a link
//     (brackets in it, the same text used for another URL, or a text gofmt
//     would not find again) prints as "text (URL)".
//   - Lists: bullet and numbered lists. Go doc comments have no nested lists,
//     so a nested list's items become further paragraphs of the outer item,
//     starting "– " (bullets) or "(1) " (numbers); a note inside an item
//     becomes a paragraph of that item. Nor can an item hold a code block:
//     the list ends after the item's text, the code block follows (after a
//     "Code:" paragraph, see below), then the item's other blocks, and the
//     list goes on after them. A bullet item that is only a short caption
//     and a code block ("- Linux", then a script) becomes the paragraph
//     "Linux:" and the code block. A code block in a nested list becomes a
//     paragraph of its folded text.
//   - Code blocks print verbatim, each line after a tab, with trailing
//     spaces and the common indentation removed; an empty block is dropped.
//   - Notes: a paragraph starting with the capitalised label ("Note: ",
//     "Warning: ") followed by the note's blocks.
//   - Cell headings: a paragraph that is only a bold Definition,
//     Constraints, Range, Value range, Default value or Default (any case,
//     optional colon) heads the blocks up to the next such heading. The
//     Definition heading is dropped and its blocks are the description. Any
//     other heading becomes a label at the start of its first paragraph
//     ("Range: 1 to 255 characters"), or a paragraph "Range:" when its
//     content starts with a list, code or another label ("Constraints:"
//     then "Note: ..."): each label its own paragraph. A heading whose content is only
//     "N/A", "None" or "-" (or nothing) is dropped with its content.
//
// Safety: docs text never becomes comment structure, code or a directive.
// Every line is "//", starts with "// ", or (code lines only) starts with
// "//\t", so no line is a //go: or //line directive; and the lines are a
// fixpoint of gofmt's doc comment reformatting, which parses and prints the
// comment again. Where the parser would read text as something else, the
// text is changed in a small, visible way:
//
//   - A paragraph that would be a heading ("# x"), a link definition
//     ("[x]: http://..."), or a build constraint for go vet ("+build x",
//     "go:build x"), and a later paragraph of a list item that would start a
//     new item ("- x", "1. x"), gets a backslash in front: "\# x".
//   - A paragraph that gofmt would take for an old-style heading (a short
//     capitalised line without punctuation between two paragraphs) gets a
//     final period.
//   - Pairs of backquotes and of single quotes become “ and ”, as gofmt
//     itself would turn them (everywhere, so that none is left for it).
//   - A code line that go vet would read as a build constraint gets a
//     backslash before "+build" or "go:build"; a code block whose first
//     line would start a list ("- a: 1") gets a first line "...".
//   - A list and a code block, or two lists of different kinds, never follow
//     each other directly: the parser would merge them into one block. A
//     paragraph "Code:" or "List:" (naming what follows) goes between them.
//     Adjacent code blocks join into one, and adjacent lists of the same
//     kind into one list (numbers kept). A comment with no paragraph at all
//     starts with such a paragraph too, since gofmt would otherwise remove
//     the indentation of its only block.
//   - Invalid UTF-8 becomes U+FFFD; NUL, byte order marks and other control
//     characters (which the Go scanner rejects or gofmt would strip) are
//     removed.
package godoc

import (
	"bytes"
	"go/build/constraint"
	"go/doc/comment"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/doc"
)

// Options say how references print.
type Options struct {
	// Link returns the Go type name a reference points to (a generated
	// type in the same package), or ok=false. A reference with a Go type
	// becomes a doc link [TypeName]; a reference with a URL (Ref.URL
	// starting with http:// or https://) becomes a link (text + URL); any
	// other reference prints as its plain text. Link may be nil.
	Link func(*doc.Ref) (goName string, ok bool)
}

// Lines renders a doc comment: lead (a sentence, may be "") as the first
// paragraph, then blocks. Each returned line starts with "//" and is ready
// to be written above a declaration: "" lines become "//", text lines
// "// text", code lines "//\tcode", exactly gofmt's rule (go/printer
// formatDocComment). Returns nil when there is nothing to say.
func Lines(lead string, blocks []*doc.Block, opts Options) []string {
	text := Comment(lead, blocks, opts)
	if text == "" {
		return nil
	}
	return strings.Split(text, "\n")
}

// Comment is [Lines] joined by newlines: the text of the comment in one
// string (no final newline), "" when there is nothing to say.
func Comment(lead string, blocks []*doc.Block, opts Options) string {
	return commentText(printed(lead, blocks, opts))
}

// printed is the comment as go/doc/comment prints it (without comment
// markers), nil when there is nothing to say.
func printed(lead string, blocks []*doc.Block, opts Options) []byte {
	r := &renderer{opts: opts}
	var nodes []*node
	if p := (para{{text: lead}}); !p.empty() {
		nodes = append(nodes, &node{kind: doc.Paragraph, para: p})
	}
	nodes = append(nodes, r.flow(blocks)...)
	if len(nodes) == 0 {
		return nil
	}
	seq := arrange(nodes)
	d := r.build(seq)
	// A web link prints as [text] plus a definition; if the parser would
	// not connect the two again, the text prints plain instead. Each round
	// demotes at least one more text, so this ends.
	for len(d.Links) > 0 {
		progress := false
		for _, t := range r.unusedLinks(d) {
			if !r.demote[t] {
				if r.demote == nil {
					r.demote = map[string]bool{}
				}
				r.demote[t] = true
				progress = true
			}
		}
		if !progress {
			break
		}
		d = r.build(seq)
	}
	var pr comment.Printer
	return pr.Comment(d)
}

// commentText prefixes printed comment text the way gofmt does, its
// lines joined by newlines (no final newline).
func commentText(text []byte) string {
	var b strings.Builder
	b.Grow(len(text) + 3*bytes.Count(text, []byte("\n")))
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		switch {
		case len(line) == 0:
			b.WriteString("//")
		case line[0] == '\t':
			b.WriteString("//")
			b.Write(line)
		default:
			b.WriteString("// ")
			b.Write(line)
		}
	}
	return b.String()
}

// An atom is a run of paragraph text: plain text, or a reference with its
// target.
type atom struct {
	text   string
	goName string // doc link target
	url    string // web link target (a valid http(s) URL)
}

// A para is a paragraph before folding.
type para []atom

// empty reports whether p renders to nothing.
func (p para) empty() bool {
	for _, a := range p {
		if a.goName != "" || a.url != "" || !blank(a.text) {
			return false
		}
	}
	return true
}

// blank reports whether fold(clean(s)) is "": s holds only white space
// and what clean removes (control characters, byte order marks). An
// invalid byte would become U+FFFD, which is text.
func blank(s string) bool {
	for _, c := range s {
		if c != '\uFEFF' && !unicode.IsControl(c) && !unicode.IsSpace(c) {
			return false
		}
	}
	return true
}

// A node is a block after headings, notes and nested lists are resolved:
// a paragraph, a list of paragraphs or a code block.
type node struct {
	kind    doc.BlockKind
	para    para     // Paragraph
	items   [][]para // List
	numbers []int    // List: item numbers when ordered
	ordered bool
	code    string // Code: cleaned lines, each ending in "\n"
	// labelled is set on a paragraph that starts with a label
	// ("Range: ", "Note:").
	labelled bool
}

// renderer holds the options and, per build, the link definitions.
type renderer struct {
	opts   Options
	demote map[string]bool // link texts to print as "text (URL)"

	defs   []*comment.LinkDef
	byText map[string]*comment.LinkDef
	names  map[string]bool // doc link names in use
}

// flow resolves a block sequence: cell headings, notes, dropped
// paragraphs.
func (r *renderer) flow(blocks []*doc.Block) []*node {
	var out []*node
	for i := 0; i < len(blocks); i++ {
		label, isDef, ok := cellHeading(blocks[i])
		if !ok {
			out = r.appendBlock(out, blocks[i])
			continue
		}
		j := i + 1
		for j < len(blocks) {
			if _, _, ok := cellHeading(blocks[j]); ok {
				break
			}
			j++
		}
		content := blocks[i+1 : j]
		i = j - 1
		if placeholder(content) {
			continue
		}
		body := r.flow(content)
		if !isDef {
			body = labelled(label, body)
		}
		out = append(out, body...)
	}
	return out
}

// headingKinds maps the lower-case cell headings to whether they are the
// Definition heading.
var headingKinds = map[string]bool{
	"definition":    true,
	"constraints":   false,
	"range":         false,
	"value range":   false,
	"default value": false,
	"default":       false,
}

// cellHeading reports whether b is a paragraph holding only a bold cell
// heading, with the heading's text (as written, without a final colon).
func cellHeading(b *doc.Block) (label string, isDef, ok bool) {
	if b == nil || b.Kind != doc.Paragraph {
		return "", false, false
	}
	var strong *doc.Inline
	for _, in := range b.Inlines {
		switch {
		case in == nil:
		case in.Kind == doc.Strong && strong == nil:
			strong = in
		case in.Kind == doc.Plain && allSpace(in.Text):
		default:
			return "", false, false
		}
	}
	if strong == nil {
		return "", false, false
	}
	label = fold(strings.TrimSuffix(fold(strong.Text), ":"))
	if len(label) > len("default value") || !asciiText(label) {
		// Lowering may shorten a word ("İ" is "i"), so only ASCII is
		// measured first.
		isDef, ok = headingKinds[strings.ToLower(label)]
		return label, isDef, ok
	}
	var lower [len("default value")]byte
	for i := range len(label) {
		c := label[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	isDef, ok = headingKinds[string(lower[:len(label)])] // no allocation
	return label, isDef, ok
}

// allSpace reports whether strings.TrimSpace(s) is "", looking no further
// than the first character that is not white space.
func allSpace(s string) bool {
	for _, c := range s {
		if !unicode.IsSpace(c) {
			return false
		}
	}
	return true
}

// placeholder reports whether a heading's content says nothing: no blocks,
// or only paragraphs "N/A", "None" or "-".
func placeholder(content []*doc.Block) bool {
	for _, b := range content {
		if b == nil {
			continue
		}
		if b.Kind != doc.Paragraph {
			return false
		}
		// Lowering a character takes at most three bytes off it.
		t, ok := shortText(b.Inlines, 3*len("none"))
		if !ok {
			return false
		}
		switch strings.ToLower(t) {
		case "n/a", "none", "-", "":
		default:
			return false
		}
	}
	return true
}

// labelled puts "label: " before the first paragraph of body, or a
// paragraph "label:" before body when it starts with a list, code or a
// paragraph that starts with a label of its own ("Constraints:", then
// "Note: ..."): each label its own paragraph.
func labelled(label string, body []*node) []*node {
	if len(body) == 0 {
		return nil
	}
	if body[0].kind == doc.Paragraph && !body[0].labelled {
		body[0].para = append(para{{text: label + ": "}}, body[0].para...)
		body[0].labelled = true
		return body
	}
	return append([]*node{{kind: doc.Paragraph, para: para{{text: label + ":"}}, labelled: true}}, body...)
}

// appendBlock resolves one block that is not a cell heading and appends
// what it becomes to out.
func (r *renderer) appendBlock(out []*node, b *doc.Block) []*node {
	if b == nil {
		return out
	}
	switch b.Kind {
	case doc.Paragraph:
		if t, ok := shortText(b.Inlines, 1); ok && t == "-" {
			return out
		}
		if p := r.para(b.Inlines); !p.empty() {
			return append(out, &node{kind: doc.Paragraph, para: p})
		}
	case doc.Code:
		if c := cleanCode(b.Text); c != "" {
			return append(out, &node{kind: doc.Code, code: c})
		}
	case doc.List:
		// A code block of an item cannot be one inside a list: the list
		// ends after the item's text, the code block follows (arrange
		// puts a paragraph between, or gofmt would fold it into the
		// list), then the item's other blocks, then the list goes on.
		// An item that is only a short caption and its code ("- Linux",
		// then the script) becomes that caption's paragraph ("Linux:")
		// and the code block: the caption introduces it.
		n := &node{kind: doc.List, ordered: b.Ordered}
		number := 0
		for _, item := range b.Items {
			nodes := r.flow(item)
			split := slices.IndexFunc(nodes, func(n *node) bool { return n.kind == doc.Code })
			if split < 0 {
				split = len(nodes)
			}
			lead := !b.Ordered && split == 1 && split < len(nodes) && nodes[0].kind == doc.Paragraph && captionLike(nodes[0].para)
			if ps := r.itemParas(nodes[:split]); len(ps) > 0 && !lead {
				number++
				n.items = append(n.items, ps)
				n.numbers = append(n.numbers, number)
			}
			if split < len(nodes) {
				if len(n.items) > 0 {
					out = append(out, n)
				}
				if lead {
					nodes[0].para = append(slices.Clip(nodes[0].para), atom{text: ":"})
				}
				out = append(out, nodes...)
				if !lead {
					out = append(out[:len(out)-len(nodes)], nodes[split:]...)
				}
				n = &node{kind: doc.List, ordered: b.Ordered}
			}
		}
		if len(n.items) > 0 {
			return append(out, n)
		}
	case doc.Note:
		return append(out, labelled(noteLabel(b.Label), r.flow(b.Blocks))...)
	}
	return out
}

// captionLike reports whether a paragraph reads as a caption: short, one
// line of plain text with no final punctuation ("Linux", "Windows").
func captionLike(p para) bool {
	var b strings.Builder
	for _, a := range p {
		if a.goName != "" || a.url != "" {
			return false
		}
		b.WriteString(a.text)
	}
	t := fold(b.String())
	return t != "" && len(t) <= 40 && !strings.ContainsAny(t[len(t)-1:], ".:;,!?")
}

// noteLabel is a note's label capitalised, "Note" when there is none.
func noteLabel(label string) string {
	label = fold(clean(label))
	if label == "" {
		return "Note"
	}
	c, n := utf8.DecodeRuneInString(label)
	return string(unicode.ToUpper(c)) + label[n:]
}

// itemParas flattens a list item's nodes into paragraphs: a nested list's
// items become paragraphs starting "– " or "(n) ", a code block becomes a
// paragraph of its folded text.
func (r *renderer) itemParas(nodes []*node) []para {
	var out []para
	for _, n := range nodes {
		switch n.kind {
		case doc.Paragraph:
			out = append(out, n.para)
		case doc.Code:
			out = append(out, para{{text: n.code}})
		case doc.List:
			for k, item := range n.items {
				marker := "– "
				if n.ordered {
					marker = "(" + strconv.Itoa(k+1) + ") "
				}
				out = append(out, append(para{{text: marker}}, item[0]...))
				out = append(out, item[1:]...)
			}
		}
	}
	return out
}

// para turns inlines into atoms, resolving reference targets.
func (r *renderer) para(inlines []*doc.Inline) para {
	p := make(para, 0, len(inlines))
	for _, in := range inlines {
		if in == nil {
			continue
		}
		a := atom{text: in.Text}
		if in.Ref != nil {
			if name, ok := r.goName(in.Ref); ok {
				a.goName = name
			} else if webURL(in.Ref.URL) {
				a.url = in.Ref.URL
			}
		}
		p = append(p, a)
	}
	return p
}

// goName asks Options.Link for a reference's Go type; the name must be a
// Go identifier.
func (r *renderer) goName(ref *doc.Ref) (string, bool) {
	if r.opts.Link == nil {
		return "", false
	}
	name, ok := r.opts.Link(ref)
	return name, ok && token.IsIdentifier(name)
}

// webURL reports whether u is an http(s) URL that can print as a link
// definition: no white space, control characters or invalid UTF-8.
func webURL(u string) bool {
	rest, ok := strings.CutPrefix(u, "http://")
	if !ok {
		rest, ok = strings.CutPrefix(u, "https://")
	}
	if !ok || rest == "" || !utf8.ValidString(u) {
		return false
	}
	return !strings.ContainsFunc(u, func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsControl(c) || c == '\uFEFF'
	})
}

// arrange joins adjacent code blocks and adjacent lists of one kind, and
// puts a paragraph naming the next block between a list or code block and
// a following list or code block, and at the start when there is no
// paragraph at all.
func arrange(nodes []*node) []*node {
	var seq []*node
	for _, n := range nodes {
		if len(seq) > 0 {
			prev := seq[len(seq)-1]
			switch {
			case prev.kind == doc.Code && n.kind == doc.Code:
				seq[len(seq)-1] = &node{kind: doc.Code, code: prev.code + "\n" + n.code}
				continue
			case prev.kind == doc.List && n.kind == doc.List && prev.ordered == n.ordered:
				seq[len(seq)-1] = &node{
					kind:    doc.List,
					ordered: n.ordered,
					items:   slices.Concat(prev.items, n.items),
					numbers: slices.Concat(prev.numbers, n.numbers),
				}
				continue
			case prev.kind != doc.Paragraph && n.kind != doc.Paragraph:
				seq = append(seq, intro(n))
			}
		}
		seq = append(seq, n)
	}
	if len(seq) > 0 && !slices.ContainsFunc(seq, func(n *node) bool { return n.kind == doc.Paragraph }) {
		seq = append([]*node{intro(seq[0])}, seq...)
	}
	return seq
}

// intro is the paragraph that goes before a list or code block n when
// nothing else may.
func intro(n *node) *node {
	text := "List:"
	if n.kind == doc.Code {
		text = "Code:"
	}
	return &node{kind: doc.Paragraph, para: para{{text: text}}}
}

// build makes the comment.Doc of an arranged sequence.
func (r *renderer) build(seq []*node) *comment.Doc {
	// The maps are made on first use: most comments have no link.
	r.defs, r.byText, r.names = nil, nil, nil
	d := &comment.Doc{Content: make([]comment.Block, 0, len(seq))}
	lines := make([]string, len(seq)) // each paragraph's line, for the heading check below
	for _, n := range seq {
		switch n.kind {
		case doc.Paragraph:
			text := r.texts(n.para)
			line := lineOf(text)
			if topHazard(line) {
				text, line = escape(text), "\\"+line
			}
			lines[len(d.Content)] = line
			d.Content = append(d.Content, &comment.Paragraph{Text: text})
		case doc.Code:
			code := n.code
			if first, _, _ := strings.Cut(code, "\n"); listMarker(first) {
				code = "...\n" + code
			}
			d.Content = append(d.Content, &comment.Code{Text: code})
		case doc.List:
			l := new(comment.List)
			for k, item := range n.items {
				li := new(comment.ListItem)
				if n.ordered {
					li.Number = strconv.Itoa(n.numbers[k])
				}
				for j, p := range item {
					text := r.texts(p)
					if itemHazard(lineOf(text), j == 0) {
						text = escape(text)
					}
					li.Content = append(li.Content, &comment.Paragraph{Text: text})
				}
				l.Items = append(l.Items, li)
			}
			d.Content = append(d.Content, l)
		}
	}
	d.Links = r.defs
	// A capitalised line without punctuation, between two paragraphs (or
	// before the link definitions), is an old-style heading to gofmt.
	for i, b := range d.Content {
		p, ok := b.(*comment.Paragraph)
		if !ok || i == 0 {
			continue
		}
		next := len(d.Links) > 0
		if i+1 < len(d.Content) {
			_, next = d.Content[i+1].(*comment.Paragraph)
		}
		if next && oldHeading(lines[i]) {
			p.Text = append(p.Text, comment.Plain("."))
		}
	}
	return d
}

// texts folds a paragraph into comment text: white space runs become one
// space (also across atoms), the ends are trimmed, quote pairs convert.
func (r *renderer) texts(p para) []comment.Text {
	var (
		out     []comment.Text
		b       strings.Builder
		space   bool // white space since the last output
		started bool // anything output
	)
	sep := func() {
		if space && started {
			b.WriteByte(' ')
		}
		space, started = false, true
	}
	addText := func(s string) {
		if asciiText(s) {
			// The common case, without clean's copy and rune decoding:
			// clean would only turn white space into spaces.
			for i := 0; i < len(s); {
				if asciiSpace(s[i]) {
					space = true
					i++
					continue
				}
				// Copy words and the single spaces between them at once.
				j := i + 1
				for j < len(s) && (!asciiSpace(s[j]) || s[j] == ' ' && j+1 < len(s) && !asciiSpace(s[j+1])) {
					j++
				}
				sep()
				b.WriteString(s[i:j])
				i = j
			}
			return
		}
		s = clean(s)
		for s != "" {
			c, n := utf8.DecodeRuneInString(s)
			if unicode.IsSpace(c) {
				space = true
				s = s[n:]
				continue
			}
			end := strings.IndexFunc(s, unicode.IsSpace)
			if end < 0 {
				end = len(s)
			}
			sep()
			b.WriteString(s[:end])
			s = s[end:]
		}
	}
	addLink := func(t comment.Text) {
		sep()
		if b.Len() > 0 {
			out = append(out, comment.Plain(quotes(b.String())))
			b.Reset()
		}
		out = append(out, t)
	}
	n := 0
	for _, a := range p {
		n += len(a.text)
	}
	b.Grow(n)
	for _, a := range p {
		switch {
		case a.goName != "":
			if r.names == nil {
				r.names = map[string]bool{}
			}
			r.names[a.goName] = true
			addLink(&comment.DocLink{Name: a.goName, Text: []comment.Text{comment.Plain(a.goName)}})
		case a.url != "":
			text := fold(clean(a.text))
			switch {
			case text == "" || text == a.url:
				addText(a.url)
			case r.linkOK(quotes(text), a.url):
				addLink(&comment.Link{Text: []comment.Text{comment.Plain(quotes(text))}, URL: a.url})
			default:
				addText(a.text)
				addText(" (" + a.url + ")")
			}
		default:
			addText(a.text)
		}
	}
	if b.Len() > 0 {
		out = append(out, comment.Plain(quotes(b.String())))
	}
	return out
}

// linkOK reports whether a link with this text can print as [text] with a
// definition, and records the definition.
func (r *renderer) linkOK(text, url string) bool {
	if r.demote[text] || strings.ContainsAny(text, "[]") {
		return false
	}
	if def := r.byText[text]; def != nil {
		return def.URL == url
	}
	def := &comment.LinkDef{Text: text, URL: url, Used: true}
	r.defs = append(r.defs, def)
	if r.byText == nil {
		r.byText = map[string]*comment.LinkDef{}
	}
	r.byText[text] = def
	return true
}

// unusedLinks parses the printed comment again and returns the texts of
// the link definitions that no link uses there.
func (r *renderer) unusedLinks(d *comment.Doc) []string {
	var pr comment.Printer
	p := comment.Parser{LookupSym: func(recv, name string) bool { return recv == "" && r.names[name] }}
	var out []string
	for _, def := range p.Parse(string(pr.Comment(d))).Links {
		if !def.Used {
			out = append(out, def.Text)
		}
	}
	return out
}

// lineOf is one paragraph's text as its comment line (without markers),
// the way comment.Printer prints a paragraph (there is a test): plain and
// italic text as it is, links and doc links in brackets, an automatic
// link as its text.
func lineOf(text []comment.Text) string {
	if len(text) == 1 {
		if s, ok := text[0].(comment.Plain); ok {
			return string(s)
		}
	}
	var b strings.Builder
	appendLine(&b, text)
	return b.String()
}

func appendLine(b *strings.Builder, text []comment.Text) {
	for _, t := range text {
		switch t := t.(type) {
		case comment.Plain:
			b.WriteString(string(t))
		case comment.Italic:
			b.WriteString(string(t))
		case *comment.Link:
			if t.Auto {
				appendLine(b, t.Text)
				continue
			}
			b.WriteString("[")
			appendLine(b, t.Text)
			b.WriteString("]")
		case *comment.DocLink:
			b.WriteString("[")
			appendLine(b, t.Text)
			b.WriteString("]")
		}
	}
}

// escape puts a backslash before a paragraph.
func escape(text []comment.Text) []comment.Text {
	if len(text) > 0 {
		if s, ok := text[0].(comment.Plain); ok {
			return append([]comment.Text{"\\" + s}, text[1:]...)
		}
	}
	return append([]comment.Text{comment.Plain("\\")}, text...)
}

// topHazard reports whether a paragraph line of the comment would parse as
// something else: a heading, a link definition, or (for go vet) a build
// constraint.
func topHazard(line string) bool {
	return newHeading(line) || linkDef(line) || vetHazard(line)
}

// itemHazard is topHazard for a paragraph of a list item: the first comes
// after the item's marker and can only be taken for a link definition; a
// later one may also start a new item.
func itemHazard(line string, first bool) bool {
	if first {
		return linkDef(line)
	}
	return linkDef(line) || listMarker(line) || vetHazard(line)
}

// newHeading reports whether line is a "# " heading.
func newHeading(line string) bool {
	return len(line) >= 2 && line[0] == '#' && (line[1] == ' ' || line[1] == '\t') &&
		strings.TrimSpace(line) != "#"
}

// linkDef reports whether line is a link definition ("[text]: URL").
func linkDef(line string) bool {
	if !strings.HasPrefix(line, "[") {
		return false
	}
	return len(new(comment.Parser).Parse(line).Links) > 0
}

// oldHeading reports whether line, between two paragraphs, is an
// old-style heading.
func oldHeading(line string) bool {
	c, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(c) {
		return false
	}
	// gofmt's parser wants a letter or digit at the end too (isOldHeading);
	// most lines end in a period, and need not be parsed.
	if c, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(line)); !unicode.IsLetter(c) && !unicode.IsDigit(c) {
		return false
	}
	d := new(comment.Parser).Parse("x\n\n" + line + "\n\nx\n")
	if len(d.Content) != 3 {
		return false
	}
	_, ok := d.Content[1].(*comment.Heading)
	return ok
}

// vetHazard reports whether go vet's buildtag check would read a comment
// line with this content as a build constraint.
func vetHazard(content string) bool {
	content = strings.TrimSpace(content)
	if !strings.HasPrefix(content, "+build") && !strings.HasPrefix(content, "go:build") {
		return false // what both checks start with
	}
	line := "//" + content
	return constraint.IsPlusBuild(line) || constraint.IsGoBuild(line)
}

// listMarker reports whether line starts with a list marker, as
// go/doc/comment reads one: a bullet (- * + •) or a number with . or ),
// then white space and more text.
func listMarker(line string) bool {
	line = strings.TrimSpace(line)
	var rest string
	switch c, n := utf8.DecodeRuneInString(line); {
	case c == '-' || c == '*' || c == '+' || c == '•':
		rest = line[n:]
	case '0' <= c && c <= '9':
		i := 1
		for i < len(line) && '0' <= line[i] && line[i] <= '9' {
			i++
		}
		if i >= len(line) || (line[i] != '.' && line[i] != ')') {
			return false
		}
		rest = line[i+1:]
	default:
		return false
	}
	return rest != "" && (rest[0] == ' ' || rest[0] == '\t') && strings.TrimSpace(rest) != ""
}

// cleanCode normalizes a code block: line ends, characters, trailing
// space, blank lines at the ends, common indentation. Lines that go vet
// would read as build constraints get a backslash. The result is "" or
// lines each ending in "\n".
func cleanCode(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimRightFunc(cleanKeep(l, '\t'), unicode.IsSpace)
		if strings.TrimSpace(l) == "" {
			l = ""
		}
		lines[i] = l
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return ""
	}
	prefix := leadingSpace(lines[0])
	for _, l := range lines[1:] {
		if l != "" {
			prefix = commonPrefix(prefix, leadingSpace(l))
		}
	}
	for i, l := range lines {
		l = strings.TrimPrefix(l, prefix)
		if vetHazard(l) {
			at := strings.IndexFunc(l, func(c rune) bool { return !unicode.IsSpace(c) })
			l = l[:at] + "\\" + l[at:]
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n") + "\n"
}

// leadingSpace is the run of spaces and tabs that starts s.
func leadingSpace(s string) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return s[:i]
}

func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[:i]
}

// clean makes text safe for a comment: invalid UTF-8 becomes U+FFFD; NUL,
// byte order marks and control characters other than white space go.
func clean(s string) string {
	return cleanKeep(s, ' ')
}

// cleanKeep is clean, but keeps only keep among the white space controls
// (code keeps tabs; text folds all white space anyway).
func cleanKeep(s string, keep rune) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(c rune) rune {
		switch {
		case c == keep:
			return c
		case c == '\uFEFF':
			return -1
		case unicode.IsControl(c):
			if keep == ' ' && unicode.IsSpace(c) {
				return ' '
			}
			return -1
		}
		return c
	}, s)
}

// fold replaces each run of white space with one space and trims the ends.
func fold(s string) string {
	if folded(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// folded reports whether fold(s) is s: no white space but single spaces
// between words.
func folded(s string) bool {
	space := true // at the start, a space is not allowed either
	for _, c := range s {
		switch {
		case c == ' ':
			if space {
				return false
			}
			space = true
		case c < utf8.RuneSelf && asciiSpace(byte(c)), c >= utf8.RuneSelf && unicode.IsSpace(c):
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}

// asciiText reports whether s is ASCII without control characters other
// than white space.
func asciiText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || c < ' ' && !asciiSpace(c) {
			return false
		}
	}
	return true
}

func asciiSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' '
}

// shortText returns doc.InlinesText(in) when that is at most max bytes
// long, and ok=false (without building it) when it is longer: most
// paragraphs are compared with short words only to find they are not.
func shortText(in []*doc.Inline, max int) (string, bool) {
	if doc.FoldedLen(in, max) > max {
		return "", false
	}
	return doc.InlinesText(in), true
}

// quotes converts each pair of backquotes to “ and each pair of single
// quotes to ”, left to right, as gofmt's parser does; unlike gofmt it also
// converts pairs inside longer runs, so that no pair is left for gofmt.
func quotes(s string) string {
	if !strings.Contains(s, "``") && !strings.Contains(s, "''") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "``"):
			b.WriteString("“")
			i += 2
		case strings.HasPrefix(s[i:], "''"):
			b.WriteString("”")
			i += 2
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}
