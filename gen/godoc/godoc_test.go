package godoc

import (
	"bytes"
	"go/format"
	"slices"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
)

// Builders for small inputs.

func par(in ...*doc.Inline) *doc.Block  { return &doc.Block{Kind: doc.Paragraph, Inlines: in} }
func tp(s string) *doc.Block            { return par(txt(s)) }
func txt(s string) *doc.Inline          { return &doc.Inline{Kind: doc.Plain, Text: s} }
func strong(s string) *doc.Inline       { return &doc.Inline{Kind: doc.Strong, Text: s} }
func em(s string) *doc.Inline           { return &doc.Inline{Kind: doc.Emphasis, Text: s} }
func lit(s string) *doc.Inline          { return &doc.Inline{Kind: doc.Literal, Text: s} }
func heading(s string) *doc.Block       { return par(strong(s)) }
func code(s string) *doc.Block          { return &doc.Block{Kind: doc.Code, Text: s} }
func item(b ...*doc.Block) []*doc.Block { return b }

func ref(text string, r *doc.Ref) *doc.Inline {
	return &doc.Inline{Kind: doc.Link, Text: text, Ref: r}
}

func ul(items ...[]*doc.Block) *doc.Block { return &doc.Block{Kind: doc.List, Items: items} }
func ol(items ...[]*doc.Block) *doc.Block {
	return &doc.Block{Kind: doc.List, Items: items, Ordered: true}
}

func note(label string, b ...*doc.Block) *doc.Block {
	return &doc.Block{Kind: doc.Note, Label: label, Blocks: b}
}

// testOpts links the label "internal-error" to the Go type InternalError.
var testOpts = Options{Link: func(r *doc.Ref) (string, bool) {
	if r.Label == "internal-error" {
		return "InternalError", true
	}
	return "", false
}}

var testNames = map[string]bool{"InternalError": true}

var (
	internalError = &doc.Ref{Label: "internal-error"}
	table3        = &doc.Ref{Label: "table-3"}
	apiGuide      = &doc.Ref{URL: "https://example.com/api"}
)

// hasKind reports whether a block of kind k occurs in blocks, at any
// depth.
func hasKind(blocks []*doc.Block, k doc.BlockKind) bool {
	for _, b := range blocks {
		if b == nil {
			continue
		}
		if b.Kind == k || hasKind(b.Blocks, k) {
			return true
		}
		for _, item := range b.Items {
			if hasKind(item, k) {
				return true
			}
		}
	}
	return false
}

func TestLines(t *testing.T) {
	tests := []struct {
		name   string
		lead   string
		blocks []*doc.Block
		want   []string
	}{
		{
			name:   "plain paragraph",
			blocks: []*doc.Block{tp("Name of the group.")},
			want:   []string{"// Name of the group."},
		},
		{
			name:   "white space folds, no wrapping",
			blocks: []*doc.Block{tp("  Name\n of   the\tgroup, " + strings.Repeat("long ", 30) + "end. ")},
			want:   []string{"// Name of the group, " + strings.Repeat("long ", 30) + "end."},
		},
		{
			name:   "two paragraphs",
			blocks: []*doc.Block{tp("First."), tp("Second.")},
			want:   []string{"// First.", "//", "// Second."},
		},
		{
			name:   "lead and paragraph",
			lead:   "Name is the name of the group.",
			blocks: []*doc.Block{tp("At most 64 characters.")},
			want:   []string{"// Name is the name of the group.", "//", "// At most 64 characters."},
		},
		{
			name: "lead only",
			lead: " Name is the\nname. ",
			want: []string{"// Name is the name."},
		},
		{
			name:   "strong emphasis literal",
			blocks: []*doc.Block{par(txt("Set "), strong("enabled"), txt(" to "), lit("true"), txt(" or "), em("false"), txt("."))},
			want:   []string{"// Set enabled to true or false."},
		},
		{
			name:   "space across inlines folds",
			blocks: []*doc.Block{par(txt("a "), strong(" b "), txt(" c"), lit(""), txt(" d"))},
			want:   []string{"// a b c d"},
		},
		{
			name:   "reference with Go type is a doc link",
			blocks: []*doc.Block{par(txt("See "), ref("Internal Error", internalError), txt(" for details."))},
			want:   []string{"// See [InternalError] for details."},
		},
		{
			name:   "reference without Go type is plain text",
			blocks: []*doc.Block{par(txt("See "), ref("Table 3", table3), txt("."))},
			want:   []string{"// See Table 3."},
		},
		{
			name:   "URL reference is a link with a definition",
			blocks: []*doc.Block{par(txt("See the "), ref("API guide", apiGuide), txt("."))},
			want: []string{
				"// See the [API guide].",
				"//",
				"// [API guide]: https://example.com/api",
			},
		},
		{
			name:   "URL reference whose text is the URL stays a plain URL",
			blocks: []*doc.Block{par(txt("See "), ref("https://example.com/api", apiGuide), txt("."))},
			want:   []string{"// See https://example.com/api."},
		},
		{
			name: "same link text for two URLs: the second prints its URL",
			blocks: []*doc.Block{
				par(ref("guide", apiGuide), txt(" and "), ref("guide", &doc.Ref{URL: "http://example.org/g"})),
			},
			want: []string{
				"// [guide] and guide (http://example.org/g)",
				"//",
				"// [guide]: https://example.com/api",
			},
		},
		{
			name:   "link text with brackets prints its URL",
			blocks: []*doc.Block{par(ref("a[1]", apiGuide))},
			want:   []string{"// a[1] (https://example.com/api)"},
		},
		{
			name:   "link that gofmt would not find again prints its URL",
			blocks: []*doc.Block{par(txt("x [y "), ref("z", apiGuide))},
			want:   []string{"// x [y z (https://example.com/api)"},
		},
		{
			name:   "URL that cannot be a definition is dropped",
			blocks: []*doc.Block{par(ref("guide", &doc.Ref{URL: "https://a b"}), txt("."))},
			want:   []string{"// guide."},
		},
		{
			name: "bullet list",
			blocks: []*doc.Block{
				tp("Values:"),
				ul(item(tp("a: first")), item(tp("b: second"))),
			},
			want: []string{"// Values:", "//   - a: first", "//   - b: second"},
		},
		{
			name: "ordered list",
			blocks: []*doc.Block{
				tp("Steps:"),
				ol(item(tp("one")), item(tp("two"))),
				tp("Done."),
			},
			want: []string{"// Steps:", "//  1. one", "//  2. two", "//", "// Done."},
		},
		{
			name:   "list alone gets an intro paragraph",
			blocks: []*doc.Block{ul(item(tp("a")), item(tp("b")))},
			want:   []string{"// List:", "//   - a", "//   - b"},
		},
		{
			name: "list first, then a paragraph",
			blocks: []*doc.Block{
				ul(item(tp("a")), item(tp("b"))),
				tp("After."),
			},
			want: []string{"//   - a", "//   - b", "//", "// After."},
		},
		{
			name: "list item with two paragraphs",
			blocks: []*doc.Block{
				tp("Kinds:"),
				ul(item(tp("a"), tp("more about a")), item(tp("b"))),
			},
			want: []string{"// Kinds:", "//", "//   - a", "//", "//     more about a", "//", "//   - b"},
		},
		{
			name: "nested lists flatten into the outer item",
			blocks: []*doc.Block{
				tp("Kinds:"),
				ul(
					item(tp("outer"), ul(item(tp("inner 1")), item(tp("inner 2")))),
					item(tp("next"), ol(item(tp("x")), item(tp("y"), tp("y more")))),
				),
			},
			want: []string{
				"// Kinds:",
				"//",
				"//   - outer",
				"//",
				"//     – inner 1",
				"//",
				"//     – inner 2",
				"//",
				"//   - next",
				"//",
				"//     (1) x",
				"//",
				"//     (2) y",
				"//",
				"//     y more",
			},
		},
		{
			name: "a code block inside a list item stays code, after the item; the list goes on",
			blocks: []*doc.Block{
				tp("Kinds:"),
				ol(item(tp("a"), code("{\n  \"x\": 1\n}"), note("note", tp("careful"))), item(tp("b"))),
			},
			want: []string{
				"// Kinds:",
				"//  1. a",
				"//",
				"// Code:",
				"//",
				"//\t{",
				"//\t  \"x\": 1",
				"//\t}",
				"//",
				"// Note: careful",
				"//  2. b",
			},
		},
		{
			name: "a bullet that only captions its code block introduces it",
			blocks: []*doc.Block{
				tp("Before base64 encoding:"),
				ul(item(tp("Linux"), code("#!/bin/bash\necho user_test > /home/user.txt")), item(tp("Windows"), code("rem cmd\necho 111 > c:\\aaa.txt"))),
				tp("After base64 encoding:"),
			},
			want: []string{
				"// Before base64 encoding:",
				"//",
				"// Linux:",
				"//",
				"//\t#!/bin/bash",
				"//\techo user_test > /home/user.txt",
				"//",
				"// Windows:",
				"//",
				"//\trem cmd",
				"//\techo 111 > c:\\aaa.txt",
				"//",
				"// After base64 encoding:",
			},
		},
		{
			name: "a note under a cell heading: each label its own paragraph",
			blocks: []*doc.Block{
				tp("The image ID."),
				par(strong("Constraints")),
				note("note", ul(item(tp("Some flavors support some images.")), item(tp("If creation fails, retry.")))),
				par(strong("Range")),
				note("", tp("1 to 64 characters.")),
			},
			want: []string{
				"// The image ID.",
				"//",
				"// Constraints:",
				"//",
				"// Note:",
				"//   - Some flavors support some images.",
				"//   - If creation fails, retry.",
				"//",
				"// Range:",
				"//",
				"// Note: 1 to 64 characters.",
			},
		},
		{
			name: "adjacent lists of one kind join",
			blocks: []*doc.Block{
				tp("Steps:"),
				ol(item(tp("a")), item(tp("b"))),
				ol(item(tp("c"))),
			},
			want: []string{"// Steps:", "//  1. a", "//  2. b", "//  1. c"},
		},
		{
			name: "lists of different kinds are kept apart",
			blocks: []*doc.Block{
				tp("Steps:"),
				ol(item(tp("a"))),
				ul(item(tp("b"))),
			},
			want: []string{"// Steps:", "//  1. a", "//", "// List:", "//   - b"},
		},
		{
			name: "list then code",
			blocks: []*doc.Block{
				tp("Modes:"),
				ul(item(tp("fast")), item(tp("slow"))),
				code("mode = fast\n"),
			},
			want: []string{"// Modes:", "//   - fast", "//   - slow", "//", "// Code:", "//", "//\tmode = fast"},
		},
		{
			name: "code then list",
			blocks: []*doc.Block{
				tp("Example:"),
				code("mode = fast\n"),
				ul(item(tp("fast"))),
			},
			want: []string{"// Example:", "//", "//\tmode = fast", "//", "// List:", "//   - fast"},
		},
		{
			name: "code with blank lines and indentation",
			blocks: []*doc.Block{
				tp("Example:"),
				code("\n\n    {\n      \"a\": 1,  \n\n  \t \n      \"b\":\t2\r\n    }\n\n"),
			},
			want: []string{
				"// Example:",
				"//",
				"//\t{",
				`//	  "a": 1,`,
				"//",
				"//",
				"//\t  \"b\":\t2",
				"//\t}",
			},
		},
		{
			name:   "adjacent code blocks join",
			blocks: []*doc.Block{tp("Example:"), code("a"), code("b")},
			want:   []string{"// Example:", "//", "//\ta", "//", "//\tb"},
		},
		{
			name:   "code alone gets an intro paragraph",
			blocks: []*doc.Block{code("x := 1")},
			want:   []string{"// Code:", "//", "//\tx := 1"},
		},
		{
			name:   "empty code block is dropped",
			blocks: []*doc.Block{tp("A."), code(" \n\t\n")},
			want:   []string{"// A."},
		},
		{
			name:   "code starting like a list",
			blocks: []*doc.Block{tp("YAML:"), code("- name: a\n  value: 1\n")},
			want:   []string{"// YAML:", "//", "//\t...", "//\t- name: a", "//\t  value: 1"},
		},
		{
			name:   "note",
			blocks: []*doc.Block{tp("Flag."), note("note", tp("Only for admins."))},
			want:   []string{"// Flag.", "//", "// Note: Only for admins."},
		},
		{
			name:   "warning with two paragraphs",
			blocks: []*doc.Block{note("warning", tp("Deletes data."), tp("Cannot be undone."))},
			want:   []string{"// Warning: Deletes data.", "//", "// Cannot be undone."},
		},
		{
			name:   "note starting with a list",
			blocks: []*doc.Block{tp("Flag."), note("", ul(item(tp("a")), item(tp("b"))))},
			want:   []string{"// Flag.", "//", "// Note:", "//   - a", "//   - b"},
		},
		{
			name: "modern cell with N/A parts",
			blocks: []*doc.Block{
				heading("Definition"), par(txt("Name of the group. See "), ref("x", internalError), txt(".")),
				heading("Constraints"), tp("N/A"),
				heading("Range"), tp("1 to 255 characters"),
				heading("Default Value"), tp("N/A"),
			},
			want: []string{
				"// Name of the group. See [InternalError].",
				"//",
				"// Range: 1 to 255 characters",
			},
		},
		{
			name: "cell heading with a list",
			blocks: []*doc.Block{
				heading("Definition"), tp("Policies."),
				heading("Constraints"), tp("None"),
				heading("Range"),
				ul(item(par(strong("anti-affinity"), txt(": apart."))), item(par(strong("affinity"), txt(": together.")))),
				heading("Default Value"), tp("-"),
			},
			want: []string{
				"// Policies.",
				"//",
				"// Range:",
				"//   - anti-affinity: apart.",
				"//   - affinity: together.",
			},
		},
		{
			name: "cell headings in other spellings",
			blocks: []*doc.Block{
				heading(" definition "), tp("Count."),
				heading("Value Range"), tp("1-10"), tp("Even numbers only."),
				par(txt(" "), strong("Default value:"), txt("\n")), tp("2"),
				heading("Default"), tp("n/a"),
				heading("Constraints"),
			},
			want: []string{
				"// Count.",
				"//",
				"// Value Range: 1-10",
				"//",
				"// Even numbers only.",
				"//",
				"// Default value: 2",
			},
		},
		{
			name:   "bold text that is not a heading stays",
			blocks: []*doc.Block{heading("Example"), tp("x")},
			want:   []string{"// Example", "//", "// x"},
		},
		{
			name:   "definition only N/A",
			blocks: []*doc.Block{heading("Definition"), tp("N/A")},
			want:   nil,
		},
		{
			name:   "dash paragraph is dropped",
			blocks: []*doc.Block{tp("A."), tp(" - "), tp("B.")},
			want:   []string{"// A.", "//", "// B."},
		},
		{
			name:   "dash paragraph alone",
			blocks: []*doc.Block{tp("-")},
			want:   nil,
		},

		// Injection: docs text stays inert text.
		{
			name:   "go:generate directive",
			blocks: []*doc.Block{tp("//go:generate rm -rf /")},
			want:   []string{"// //go:generate rm -rf /"},
		},
		{
			name:   "line directive",
			blocks: []*doc.Block{tp("//line x.go:1")},
			want:   []string{"// //line x.go:1"},
		},
		{
			name:   "go:build directive",
			blocks: []*doc.Block{tp("//go:build ignore"), ul(item(tp("//go:build ignore")))},
			want:   []string{"// //go:build ignore", "//   - //go:build ignore"},
		},
		{
			name:   "build constraints for go vet",
			blocks: []*doc.Block{tp("+build ignore"), tp("go:build ignore //go:build")},
			want:   []string{`// \+build ignore`, "//", `// \go:build ignore //go:build`},
		},
		{
			name:   "build constraints in code",
			blocks: []*doc.Block{tp("Tags:"), code("// +build linux\n  +build x\ngo:build y")},
			want:   []string{"// Tags:", "//", "//\t// +build linux", `//	  \+build x`, `//	\go:build y`},
		},
		{
			name:   "comment delimiters",
			blocks: []*doc.Block{tp("*/ func init() { panic(1) } /*")},
			want:   []string{"// */ func init() { panic(1) } /*"},
		},
		{
			name:   "backquotes and quote pairs",
			blocks: []*doc.Block{par(lit("back`quote"), txt(" and ``x'' and '' and ```"))},
			want:   []string{"// back`quote and “x” and ” and “`"},
		},
		{
			name:   "heading marker",
			blocks: []*doc.Block{tp("# not a heading"), tp("#also not"), tp("#")},
			want:   []string{`// \# not a heading`, "//", "// #also not", "//", "// #"},
		},
		{
			name:   "old-style heading gets a period",
			blocks: []*doc.Block{tp("First."), tp("Maximum length 64"), tp("More text"), tp("Last line")},
			want:   []string{"// First.", "//", "// Maximum length 64.", "//", "// More text.", "//", "// Last line"},
		},
		{
			name:   "old-style heading before link definitions",
			blocks: []*doc.Block{tp("First."), par(txt("Read the "), ref("guide", apiGuide)), tp("Maximum length 64")},
			want: []string{
				"// First.",
				"//",
				"// Read the [guide]",
				"//",
				"// Maximum length 64.",
				"//",
				"// [guide]: https://example.com/api",
			},
		},
		{
			name:   "leading tab or spaces is not code",
			blocks: []*doc.Block{tp("\tx := 1"), tp("    y := 2")},
			want:   []string{"// x := 1", "//", "// y := 2"},
		},
		{
			name:   "list markers at the start of a paragraph",
			blocks: []*doc.Block{tp("- not a list"), tp("1. not a list"), tp("2) nor this")},
			want:   []string{"// - not a list", "//", "// 1. not a list", "//", "// 2) nor this"},
		},
		{
			name:   "list markers in a later paragraph of an item",
			blocks: []*doc.Block{tp("Kinds:"), ol(item(tp("a"), tp("- b"), tp("2. c"), tp("+build x")))},
			want: []string{
				"// Kinds:",
				"//",
				"//  1. a",
				"//",
				`//     \- b`,
				"//",
				`//     \2. c`,
				"//",
				`//     \+build x`,
			},
		},
		{
			name:   "link definition in text",
			blocks: []*doc.Block{tp("[a]: https://evil.example"), ul(item(tp("[b]: http://x.example")))},
			want:   []string{`// \[a]: https://evil.example`, `//   - \[b]: http://x.example`},
		},
		{
			name:   "link definition made of a link",
			blocks: []*doc.Block{par(ref("a", apiGuide), txt(": http://x.example"))},
			want:   []string{`// \[a]: http://x.example`, "//", "// [a]: https://example.com/api"},
		},
		{
			name:   "control characters and bad UTF-8",
			blocks: []*doc.Block{tp("a\r\nb\x00c\uFEFFd\x1be \xff"), tp("Code:"), code("x\x00\r\ny\x0b\xff")},
			want:   []string{"// a bcde \uFFFD", "//", "// Code:", "//", "//\tx", "//\ty\uFFFD"},
		},
		{
			name: "empty input",
			want: nil,
		},
		{
			name:   "blank input",
			lead:   " \n",
			blocks: []*doc.Block{tp(" "), par(), nil, ul(), ul(item(tp(""))), note("note"), code("")},
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Lines(tt.lead, tt.blocks, testOpts)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Lines:\n got: %q\nwant: %q", got, tt.want)
			}
			if c, want := Comment(tt.lead, tt.blocks, testOpts), strings.Join(tt.want, "\n"); c != want {
				t.Errorf("Comment:\n got: %q\nwant: %q", c, want)
			}
			checkSafe(t, got, want{
				code:  hasKind(tt.blocks, doc.Code),
				list:  hasKind(tt.blocks, doc.List),
				names: testNames,
			})
		})
	}
}

func TestNilLink(t *testing.T) {
	got := Lines("", []*doc.Block{par(txt("See "), ref("Internal Error", internalError), txt("."))}, Options{})
	want := []string{"// See Internal Error."}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLinkNotIdentifier(t *testing.T) {
	opts := Options{Link: func(*doc.Ref) (string, bool) { return "Bad]Name", true }}
	got := Lines("", []*doc.Block{par(ref("Internal Error", internalError))}, opts)
	want := []string{"// Internal Error"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestEndToEnd puts rendered lines above a type and a struct field, as the
// emitter does: gofmt keeps the source byte for byte, and no comment line
// is a directive.
func TestEndToEnd(t *testing.T) {
	blocks := []*doc.Block{
		heading("Definition"),
		par(txt("Name of the group. See "), ref("x", internalError), txt(" and the "), ref("guide", apiGuide), txt(".")),
		tp("//go:generate rm -rf /"),
		tp("//line evil.go:1"),
		tp("*/ func init() { panic(1) } /*"),
		tp("# not a heading"),
		ul(item(tp("//go:build ignore")), item(tp("second"), tp("- third"))),
		code("- a\n\tb"),
		note("warning", tp("+build ignore")),
		heading("Range"), tp("1 to 255 characters"),
	}
	lines := Lines("Name is the name.", blocks, testOpts)
	src := goSource(lines)
	out, err := format.Source(src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, src) {
		t.Errorf("gofmt changed the source:\n--- in\n%s\n--- out\n%s", src, out)
	}
	checkNoDirectives(t, out)
	checkSafe(t, lines, want{code: true, list: true, names: testNames})
}

func BenchmarkLines(b *testing.B) {
	blocks := []*doc.Block{
		heading("Definition"),
		par(txt("Name of the group. See "), ref("x", internalError), txt(" and the "), ref("guide", apiGuide), txt(".")),
		heading("Constraints"), tp("N/A"),
		heading("Range"),
		ul(item(par(strong("anti-affinity"), txt(": apart."))), item(par(strong("affinity"), txt(": together.")))),
		heading("Default Value"), tp("N/A"),
		tp("Example:"),
		code("{\n  \"group\": {\"name\": \"g\"}\n}"),
	}
	b.ReportAllocs()
	for b.Loop() {
		Comment("", blocks, testOpts)
	}
}
