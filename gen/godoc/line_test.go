package godoc

import (
	"go/doc/comment"
	"strings"
	"testing"
)

// TestLineOf: lineOf prints a paragraph as comment.Printer does.
func TestLineOf(t *testing.T) {
	for _, text := range [][]comment.Text{
		nil,
		{comment.Plain("plain")},
		{comment.Plain("a "), comment.Italic("b"), comment.Plain(" c")},
		{&comment.DocLink{Name: "T", Text: []comment.Text{comment.Plain("T")}}, comment.Plain(" and ")},
		{&comment.Link{Text: []comment.Text{comment.Plain("web")}, URL: "https://x.org"}},
		{&comment.Link{Auto: true, Text: []comment.Text{comment.Plain("https://x.org")}, URL: "https://x.org"}},
		{comment.Plain("\\"), comment.Plain("# x")},
	} {
		var pr comment.Printer
		d := &comment.Doc{Content: []comment.Block{&comment.Paragraph{Text: text}}}
		want := strings.TrimSuffix(string(pr.Comment(d)), "\n")
		if got := lineOf(text); got != want {
			t.Errorf("lineOf(%#v) = %q, want %q", text, got, want)
		}
		if got := lineOf(escape(text)); got != "\\"+want {
			t.Errorf("lineOf(escape(%#v)) = %q, want %q", text, got, "\\"+want)
		}
	}
}
