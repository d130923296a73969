package html

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/rst2go/rst2go/gen/source"
)

// This file builds the element tree the reader walks. golang.org/x/net/html
// gives positions to no node, so the tree is built here from the
// tokenizer's tokens, whose raw bytes partition the input: the byte offset
// of a token is the sum of the lengths of the tokens before it. The tree
// building follows the HTML5 rules that matter for documentation pages
// (void elements, a block start closing an open <p>, <li>, <tr>, <td> and
// row groups closing their open siblings, end tags that never cross a table
// cell) and leaves out the rest (foster parenting, the adoption agency):
// this reader wants the page as written, with positions, and a page that
// needs those rules is broken in ways a warning reports better than a
// repair would.

// node is an element or a text run of the page.
type node struct {
	tag   string // lower-case element name; "" for text
	attrs []html.Attribute
	kids  []*node
	text  string // text nodes: decoded text
	off   int    // byte offset of the start tag, or of the text's first non-space byte
	skip  bool   // no content: see isSkipped
	// hasBlock is set on an element that holds a block element somewhere
	// below it, so that an inline element wrapped around blocks (<a><div>)
	// is read as a container in constant time.
	hasBlock bool
}

func (n *node) attr(key string) string {
	for _, a := range n.attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasClass reports whether the class attribute holds word.
func (n *node) hasClass(word string) bool {
	for c := range strings.FieldsSeq(n.attr("class")) {
		if strings.EqualFold(c, word) {
			return true
		}
	}
	return false
}

// maxDepth bounds element nesting, so that hostile input cannot exhaust the
// stack of the recursive walks: deeper start tags are dropped (their
// content stays, one level up) with a warning.
const maxDepth = 256

// voidTags have no content and no end tag.
var voidTags = set("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr")

// blockTags are the elements a browser lays out as blocks: a start tag of
// one of them ends an open <p>, and the reader groups the inline content
// between them into paragraphs.
var blockTags = set("address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
	"dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
	"h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "li", "listing", "main",
	"menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
	"thead", "tr", "ul", "xmp", "script", "style", "noscript", "template", "title", "meta", "link")

// closesP are the start tags that end an open <p> (HTML5 "close a p
// element" for block starts).
var closesP = set("address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
	"dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav",
	"ol", "p", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing",
	"hr", "table", "xmp", "li", "dd", "dt")

// tableParts are the elements an end tag of another table part may close
// on its way to its own element; every other end tag stops at a cell or a
// table, so that a stray </div> in a cell cannot close the table.
var tableParts = set("table", "caption", "colgroup", "thead", "tbody", "tfoot", "tr", "td", "th")

// optionalEnd are elements whose end tag HTML lets a page leave out; an
// unclosed one at the end of the page is no problem.
var optionalEnd = set("html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody",
	"tfoot", "colgroup", "caption", "option", "optgroup", "rb", "rt", "rp", "rtc")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// positions turns byte offsets into file:line:col. Lines end at LF, CR LF
// or a lone CR; columns count bytes from 1.
type positions struct {
	file   string
	starts []int // offset where each line starts
}

func newPositions(file string, src []byte) *positions {
	p := &positions{file: file, starts: []int{0}}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			p.starts = append(p.starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			p.starts = append(p.starts, i+1)
		}
	}
	return p
}

func (p *positions) pos(off int) source.Pos {
	line := sort.SearchInts(p.starts, off+1) - 1
	line = max(line, 0)
	return source.Pos{File: p.file, Line: line + 1, Col: off - p.starts[line] + 1}
}

// builder holds the state of one tree construction.
type builder struct {
	pos   *positions
	diags *source.List
	root  *node
	stack []*node
	open  map[string]int // open elements by name, so that most searches end at once
	deep  bool           // the nesting warning was given
}

// parseTree reads src into a tree under a synthetic root.
func parseTree(src []byte, pos *positions, diags *source.List) *node {
	b := &builder{pos: pos, diags: diags, root: &node{tag: "#root"}, open: map[string]int{}}
	b.stack = []*node{b.root}
	z := html.NewTokenizer(bytes.NewReader(src))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.TextToken:
			// Measure the leading space before Text, which converts
			// CR LF to LF in the buffer that raw shares.
			lead := len(raw) - len(bytes.TrimLeft(raw, " \t\r\n\f"))
			text := cleanText(z.Text())
			if text == "" {
				continue
			}
			b.top().kids = append(b.top().kids, &node{text: text, off: start + lead})
		case html.StartTagToken, html.SelfClosingTagToken:
			n := &node{tag: tagName(raw), off: start}
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				// Only the attributes the reader reads are kept: DITA
				// writes width, valign, headers ... on every cell.
				switch string(k) {
				case "id", "name", "class", "href", "colspan", "rowspan", "role", "content":
					n.attrs = append(n.attrs, html.Attribute{Key: string(k), Val: cleanText(v)})
				}
			}
			n.skip = isSkipped(n)
			// A self-closing tag is taken at its word (<a name="x"/> is
			// empty), as the XHTML that DITA tools write means it.
			b.start(n, tt == html.SelfClosingTagToken || voidTags[n.tag])
		case html.EndTagToken:
			b.end(tagName(raw), start)
		}
	}
	for len(b.stack) > 1 {
		n := b.top()
		if !optionalEnd[n.tag] {
			b.diags.Warnf(b.pos.pos(n.off), "unclosed", "%q is never closed: it ends with the page", "<"+n.tag+">")
		}
		b.pop()
	}
	return b.root
}

func (b *builder) top() *node { return b.stack[len(b.stack)-1] }

// pop closes the innermost open element.
func (b *builder) pop() {
	n := b.top()
	b.stack = b.stack[:len(b.stack)-1]
	b.open[n.tag]--
	if blockTags[n.tag] || n.hasBlock {
		b.top().hasBlock = true
	}
}

// find returns the stack index of the innermost open element named in
// names, if no element in stop is open inside it; else 0 (the root).
func (b *builder) find(names []string, stop map[string]bool) int {
	open := false
	for _, name := range names {
		open = open || b.open[name] > 0
	}
	if !open {
		return 0
	}
	for i := len(b.stack) - 1; i > 0; i-- {
		tag := b.stack[i].tag
		if slices.Contains(names, tag) {
			return i
		}
		if stop[tag] {
			return 0
		}
	}
	return 0
}

// closeFrom closes the open elements from stack index i on (none for 0).
func (b *builder) closeFrom(i int) {
	for i > 0 && len(b.stack) > i {
		b.pop()
	}
}

// The stop sets are HTML5's scopes: an element of the set ends the search
// for an open element to close.
var (
	scope       = set("applet", "caption", "html", "table", "td", "th", "marquee", "object", "template")
	pScope      = set("applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button")
	listScope   = set("applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "ol", "ul")
	tableScope  = set("html", "table", "template")
	liClose     = set("td", "th", "table", "ul", "ol", "menu", "dir")
	dlClose     = set("td", "th", "table", "dl")
	cellClose   = set("tr", "table")
	rowClose    = set("table", "thead", "tbody", "tfoot")
	cellTags    = []string{"td", "th"}
	dtdd        = []string{"dt", "dd"}
	rowGroups   = []string{"thead", "tbody", "tfoot", "caption", "colgroup"}
	headingTags = []string{"h1", "h2", "h3", "h4", "h5", "h6"}
	headings    = set(headingTags...)
)

func (b *builder) start(n *node, empty bool) {
	switch n.tag {
	case "li":
		b.closeFrom(b.find([]string{"li"}, liClose))
	case "dt", "dd":
		b.closeFrom(b.find(dtdd, dlClose))
	case "td", "th":
		b.closeFrom(b.find(cellTags, cellClose))
	case "tr", "thead", "tbody", "tfoot", "caption", "colgroup":
		b.closeFrom(b.find(cellTags, cellClose))
		b.closeFrom(b.find([]string{"tr"}, rowClose))
		if n.tag != "tr" {
			b.closeFrom(b.find(rowGroups, tableScope))
		}
	}
	if closesP[n.tag] {
		b.closeFrom(b.find([]string{"p"}, pScope))
	}
	if headings[n.tag] && headings[b.top().tag] {
		b.pop() // <h2>a<h3>b: a heading does not hold another one
	}
	if empty {
		b.top().kids = append(b.top().kids, n)
		if blockTags[n.tag] {
			b.top().hasBlock = true
		}
		return
	}
	if len(b.stack) >= maxDepth {
		if !b.deep {
			b.deep = true
			b.diags.Warnf(b.pos.pos(n.off), "nesting", "elements nested deeper than %d levels: %q and deeper tags are dropped, their text kept", maxDepth, "<"+n.tag+">")
		}
		return
	}
	b.top().kids = append(b.top().kids, n)
	b.stack = append(b.stack, n)
	b.open[n.tag]++
}

// end closes the element an end tag names, within HTML5's scope for it. An
// end tag that closes nothing is reported and ignored, except </p> and
// </br>, which a browser reads as an empty paragraph and a line break:
// nothing to read either way.
func (b *builder) end(tag string, off int) {
	var i int
	switch {
	case tag == "p" || tag == "br":
		b.closeFrom(b.find([]string{"p"}, pScope))
		return
	case tag == "table":
		i = b.find([]string{tag}, nil)
	case tableParts[tag]:
		i = b.find([]string{tag}, tableScope)
	case tag == "li":
		i = b.find([]string{tag}, listScope)
	case headings[tag]:
		i = b.find(headingTags, scope) // </h3> closes any open heading
	case blockTags[tag]:
		i = b.find([]string{tag}, scope)
	default:
		// An inline end tag does not close the blocks inside it.
		i = b.find([]string{tag}, blockTags)
	}
	if i > 0 {
		b.closeFrom(i)
		return
	}
	if b.deep {
		return // its start tag may have been dropped for depth
	}
	b.diags.Warnf(b.pos.pos(off), "stray-end-tag", "end tag %q matches no open element; ignored", "</"+tag+">")
}

// tagName reads the name of a start or end tag from its raw text, as the
// tokenizer does ("<TD class=x>" is "td"), without the copy that
// Tokenizer.TagName makes of every name.
func tagName(raw []byte) string {
	raw = bytes.TrimPrefix(bytes.TrimPrefix(raw, []byte("<")), []byte("/"))
	end := 0
	for end < len(raw) {
		c := raw[end]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		end++
	}
	name := raw[:end]
	for _, c := range name {
		if c >= 'A' && c <= 'Z' || c == 0 || c >= 0x80 {
			return cleanText(bytes.ToLower(name))
		}
	}
	return string(name)
}

// cleanText makes decoded bytes safe text: invalid UTF-8 becomes U+FFFD and
// NUL bytes go, as a browser drops them from text.
func cleanText(b []byte) string {
	s := string(b)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return s
}
