// Package doc is the format-neutral document model that every reader
// produces and the resolver consumes.
//
// A [Page] is one input document: its title, sections, tables and example
// code blocks, in document order. A [Table] keeps what the page shows
// (labels, title, header, rows of cells); [Table.Interpret] reads a
// parameter table's columns into [Param]s, the same way whatever the input
// format was. Cell content is structured text ([Block], [Inline]): paragraphs,
// lists, code and notes, with emphasis, literals and references ([Ref]) kept
// apart from plain text so that the resolver can follow references and the
// emitter can turn them into doc links.
//
// Readers fill the model and know nothing of Go. The resolver writes the Go
// names it chooses back into GoName fields, so that a dump of the model
// (rst2go -dump) shows both the reading and the naming.
package doc

import (
	"strings"

	"github.com/rst2go/rst2go/gen/source"
)

// Page is one input document.
type Page struct {
	// Path is the file as named on the command line (slash-separated).
	Path string `json:"path"`
	// Format is the reader that read it: "rst", "html", "md" or "text".
	Format string `json:"format"`
	// OriginalName is the name the page had when published, where the
	// source says (RST ":original_name: en-us_topic_0161097718.html").
	OriginalName string     `json:"originalName,omitempty"`
	Title        string     `json:"title"`
	TitlePos     source.Pos `json:"titlePos"`
	// Labels are the reference targets that name the page itself
	// (normalized, see [NormalizeLabel]).
	Labels   []string   `json:"labels,omitempty"`
	Sections []*Section `json:"sections,omitempty"`
	Tables   []*Table   `json:"tables,omitempty"`
	Examples []*Example `json:"examples,omitempty"`
	// Summary is the first paragraph of the page's "Function" section,
	// its plain text: what the API does.
	Summary string `json:"summary,omitempty"`
	// MethodLines are the blocks that open with an HTTP method and a URI,
	// in document order (see [MethodLine]).
	MethodLines []*MethodLine `json:"methodLines,omitempty"`
}

// Finish is the last step of every reader: a page with neither a title
// nor sections gets a "no-title" warning, and each table not interpreted
// yet (Kind "") is interpreted (see [Table.Interpret]). A reader that
// drops a parameter table's rows as it reads (to keep less of a large
// page) interprets the table first.
func (p *Page) Finish(diags *source.List) {
	if p.Title == "" && len(p.Sections) == 0 {
		diags.Warnf(source.Pos{File: p.Path, Line: 1, Col: 1}, "no-title", "page has no title")
	}
	for _, t := range p.Tables {
		if t.Kind == "" {
			t.Interpret()
		}
	}
	p.shareStatusCaptions()
}

// shareStatusCaptions gives the status caption of a header table to the
// table right after it: the family writes "**Status code: 200**", then
// "Response header parameters", then the body's table, and the status
// captions both. The body table is the next table of the same section,
// with no caption of its own and no "header" in its title.
func (p *Page) shareStatusCaptions() {
	for i := 1; i < len(p.Tables); i++ {
		prev, t := p.Tables[i-1], p.Tables[i]
		if t.Caption != "" || t.Section != prev.Section || !strings.HasPrefix(strings.ToLower(prev.Caption), "status code") {
			continue
		}
		if strings.Contains(strings.ToLower(prev.Title), "header") && !strings.Contains(strings.ToLower(t.Title), "header") {
			t.Caption = prev.Caption
		}
	}
}

// Section is a titled part of a page. Sections are listed in document
// order; Parent is the index of the enclosing section, or -1.
type Section struct {
	Title  string     `json:"title"`
	Pos    source.Pos `json:"pos"`
	Level  int        `json:"level"`
	Parent int        `json:"parent"`
	// ID is the anchor the published page gives the section ([MakeID] of
	// its title); Labels are explicit targets placed before it.
	ID     string   `json:"id"`
	Labels []string `json:"labels,omitempty"`
}

// Example is a code block of a page, usually an example request or
// response. Whether it is JSON is decided by its content, later.
type Example struct {
	Pos source.Pos `json:"pos"`
	// Section is the index of the enclosing section in Page.Sections, or -1.
	Section int `json:"section"`
	// Caption is the short paragraph or list item text that introduces the
	// block ("Normal response", "Example request").
	Caption string `json:"caption,omitempty"`
	Lang    string `json:"lang,omitempty"`
	Text    string `json:"text"`
}

// Table is one table of a page as the page shows it.
type Table struct {
	Pos source.Pos `json:"pos"`
	// Form says how the source wrote it: "grid", "simple", "html", ...
	Form string `json:"form"`
	// Labels are the normalized reference targets naming the table.
	Labels []string `json:"labels,omitempty"`
	// Title is the table's own title in plain text ("Table 3 error field
	// structure"); it may be garbled in real docs.
	Title    string     `json:"title,omitempty"`
	TitlePos source.Pos `json:"titlePos,omitzero"`
	// Caption is the text that introduces the table: the list item it sits
	// in ("Normal responses") or a short paragraph just before it
	// ("Status code: 200").
	Caption string `json:"caption,omitempty"`
	// Section is the index of the enclosing section in Page.Sections, or -1.
	Section int      `json:"section"`
	Header  []string `json:"header"`
	Rows    []*Row   `json:"rows"`

	// Kind is what Interpret found: a parameter table or something else.
	Kind    TableKind `json:"kind"`
	Columns Columns   `json:"columns,omitzero"`
	Params  []*Param  `json:"params,omitempty"`

	// GoName is the Go type name the resolver gave the table, if any.
	GoName string `json:"goName,omitempty"`
}

// Row is one body row of a table.
type Row struct {
	Pos   source.Pos `json:"pos"`
	Cells []*Cell    `json:"cells"`
}

// Cell is one cell of a row. A cell covered by a span from another cell
// holds no blocks and has Spanned set.
type Cell struct {
	Pos     source.Pos `json:"pos"`
	Blocks  []*Block   `json:"blocks,omitempty"`
	Spanned bool       `json:"spanned,omitempty"`
}

// Text returns the cell's plain text: blocks joined by a blank line,
// whitespace inside a paragraph folded to one space.
func (c *Cell) Text() string {
	if c == nil {
		return ""
	}
	return BlocksText(c.Blocks)
}

// Refs returns the references in the cell, in document order.
func (c *Cell) Refs() []*Ref {
	if c == nil {
		return nil
	}
	var refs []*Ref
	for _, b := range c.Blocks {
		refs = b.appendRefs(refs)
	}
	return refs
}
