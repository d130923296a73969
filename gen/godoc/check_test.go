package godoc

import (
	"bytes"
	"go/build/constraint"
	"go/doc/comment"
	"go/format"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	_ "github.com/rst2go/rst2go/gen/golden" // defines -update for every test package
)

// want says what structure the input may produce.
type want struct {
	code  bool // the input has a code block (only then may "//\t" lines appear)
	list  bool // the input has a list
	names map[string]bool
}

// checkSafe asserts the safety properties of rendered lines: every line is
// "//", "// text" or (code only) "//\tcode"; none is a directive or a build
// constraint for go vet; the text is valid for the Go scanner and keeps
// byte for byte through go/format; and the lines are a fixpoint of gofmt's
// doc comment reformatting.
func checkSafe(t testing.TB, lines []string, w want) {
	t.Helper()
	for _, line := range lines {
		switch {
		case line == "//", strings.HasPrefix(line, "// "):
		case strings.HasPrefix(line, "//\t"):
			if !w.code {
				t.Errorf("code line without code input: %q", line)
			}
		default:
			t.Errorf("line does not start with \"// \", \"//\\t\" or is \"//\": %q", line)
		}
		if strings.HasPrefix(line, "//go:") || strings.HasPrefix(line, "//line") ||
			strings.HasPrefix(line, "//export") || strings.HasPrefix(line, "//extern") {
			t.Errorf("directive: %q", line)
		}
		if constraint.IsPlusBuild(line) || constraint.IsGoBuild(line) ||
			constraint.IsGoBuild("//"+strings.TrimSpace(line[2:])) {
			t.Errorf("go vet would read a build constraint: %q", line)
		}
		if !utf8.ValidString(line) || strings.ContainsAny(line, "\x00\r\n\uFEFF") {
			t.Errorf("bad character in %q", line)
		}
		if strings.TrimRightFunc(line, unicode.IsSpace) != line {
			t.Errorf("trailing space in %q", line)
		}
	}
	if len(lines) == 0 {
		return
	}

	// Fixpoint: gofmt's formatDocComment, once with gofmt's parser (no
	// symbols) and once knowing the doc link names.
	var b strings.Builder
	for _, line := range lines {
		b.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, "//"), " "))
		b.WriteString("\n")
	}
	for _, p := range []*comment.Parser{
		{},
		{LookupSym: func(recv, name string) bool { return recv == "" && w.names[name] }},
	} {
		d := p.Parse(b.String())
		var pr comment.Printer
		again := strings.Split(commentText(pr.Comment(d)), "\n")
		if !slices.Equal(again, lines) {
			t.Errorf("not a fixpoint of gofmt:\n got: %q\nagain: %q", lines, again)
		}
		for _, blk := range d.Content {
			switch blk.(type) {
			case *comment.Heading:
				t.Errorf("text became a heading: %q", lines)
			case *comment.Code:
				if !w.code {
					t.Errorf("text became code: %q", lines)
				}
			case *comment.List:
				if !w.list {
					t.Errorf("text became a list: %q", lines)
				}
			}
		}
	}

	// The Go scanner and printer keep the comment exactly, above a type
	// and above a field.
	src := goSource(lines)
	out, err := format.Source(src)
	if err != nil {
		t.Fatalf("format.Source: %v\n%s", err, src)
	}
	if !bytes.Equal(out, src) {
		t.Errorf("gofmt changed the source:\n--- in\n%s\n--- out\n%s", src, out)
	}
}

// goSource puts lines above a type and above one of its fields.
func goSource(lines []string) []byte {
	var b bytes.Buffer
	b.WriteString("package p\n\n")
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	b.WriteString("type T struct {\n\tA int\n\n")
	for _, l := range lines {
		b.WriteString("\t" + l + "\n")
	}
	b.WriteString("\tB string `json:\"b\"`\n}\n")
	return b.Bytes()
}

// checkNoDirectives parses src with comments and fails on any comment line
// that is a directive.
func checkNoDirectives(t testing.TB, src []byte) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range f.Comments {
		for _, c := range g.List {
			if strings.HasPrefix(c.Text, "//go:") || strings.HasPrefix(c.Text, "//line") {
				t.Errorf("directive comment %q", c.Text)
			}
		}
	}
}
