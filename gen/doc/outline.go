package doc

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Outline renders what a reader made of a page, one line per element:
// sections, tables with their rows of cell text, and examples. Reader tests
// compare outlines, so that every reader is held to the same reading.
func Outline(p *Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "page %q original=%q labels=%v\n", p.Title, p.OriginalName, p.Labels)
	for i, s := range p.Sections {
		fmt.Fprintf(&b, "section %d %q level=%d parent=%d id=%s labels=%v at %d\n", i, s.Title, s.Level, s.Parent, s.ID, s.Labels, s.Pos.Line)
	}
	for _, t := range p.Tables {
		fmt.Fprintf(&b, "table %s at %d:%d labels=%v title=%q caption=%q section=%d header=%q\n", t.Form, t.Pos.Line, t.Pos.Col, t.Labels, t.Title, t.Caption, t.Section, t.Header)
		for _, r := range t.Rows {
			var cells []string
			for _, c := range r.Cells {
				cells = append(cells, c.Text())
			}
			fmt.Fprintf(&b, "  row %d: %q\n", r.Pos.Line, cells)
		}
	}
	for _, e := range p.Examples {
		fmt.Fprintf(&b, "example at %d caption=%q lang=%q section=%d %q\n", e.Pos.Line, e.Caption, e.Lang, e.Section, e.Text)
	}
	return b.String()
}

// IsCaption reports whether a short paragraph reads as the caption of the
// table or code block after it: "Table 3 ...", or short and not a sentence
// ("Normal response", "Status code: 200", "agency").
func IsCaption(text string) bool {
	if StartsWithTableN(text) {
		return true
	}
	return text != "" && len(text) <= 80 && !strings.HasSuffix(text, ".") && !strings.HasSuffix(text, ":")
}

// tableNumber is the family's "Table N" at the start of a title, also
// numbered by chapter ("Table 2-3", "Table 5.4").
var tableNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^Table\s+(\d+(?:[-‐–.]\d+)?)\b`) })

// CutTableNumber splits a title that opens with "Table N" into the number
// and the rest ("Table 4 metadata field description" → "4", " metadata
// field description"); ok is false, and rest the whole title, otherwise.
func CutTableNumber(title string) (number, rest string, ok bool) {
	m := tableNumber().FindStringSubmatchIndex(title)
	if m == nil {
		return "", title, false
	}
	return title[m[2]:m[3]], title[m[1]:], true
}

// StartsWithTableN reports whether text opens with "Table <digit>", the
// family's way of titling a table.
func StartsWithTableN(text string) bool {
	rest, ok := strings.CutPrefix(text, "Table ")
	return ok && len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9'
}
