package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/source"
)

// format prints findings the way the goldens hold them: one a line,
// place, message and code.
func format(l source.List) []byte {
	var b strings.Builder
	for _, d := range l {
		fmt.Fprintf(&b, "%s: %s [%s]\n", d.Pos, d.Message, d.Code)
	}
	return []byte(b.String())
}

// lintFiles generates and lints pages, named as given.
func lintFiles(t *testing.T, inputs []gen.Input) source.List {
	t.Helper()
	res, err := gen.Generate(inputs, gen.Options{Package: "fixture"})
	if err != nil {
		t.Fatal(err)
	}
	return Check(res, inputs)
}

// TestFixtures lints each page under testdata/ and compares the findings
// with the golden beside it (go test -update rewrites them). Each page is
// named after the finding it shows (json_comment.rst shows json-comment;
// example_unknown_key__by_status.rst shows example-unknown-key, found
// by matching examples by status) and must show it: the fixtures check
// themselves.
func TestFixtures(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.rst"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".rst")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			inputs := []gen.Input{{Path: filepath.Base(page), Data: data}}
			got := lintFiles(t, inputs)
			golden.Check(t, filepath.Join("testdata", name+".golden"), format(got))
			code, _, _ := strings.Cut(name, "__")
			code = strings.ReplaceAll(code, "_", "-")
			if !slices.ContainsFunc(got, func(d source.Diagnostic) bool { return d.Code == code }) {
				t.Errorf("%s shows no %s finding", page, code)
			}
			if again := lintFiles(t, inputs); again.String() != got.String() {
				t.Error("a second run gave different findings")
			}
		})
	}
}

// TestCases lints each page under testdata/cases/ (constructs that once
// led lint astray: a header table taken for the body, markup in a URI, a
// status lost under a bullet) and compares the findings, often none, with
// the golden beside it.
func TestCases(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "cases", "*.rst"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".rst")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			got := lintFiles(t, []gen.Input{{Path: filepath.Base(page), Data: data}})
			golden.Check(t, filepath.Join("testdata", "cases", name+".golden"), format(got))
		})
	}
}

// TestEveryCodeHasFixture: each of lint's codes is shown by a fixture.
func TestEveryCodeHasFixture(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Codes {
		if seen[c.Name] {
			t.Errorf("code %s listed twice", c.Name)
		}
		seen[c.Name] = true
		if c.Meaning == "" {
			t.Errorf("code %s has no meaning", c.Name)
		}
		page := filepath.Join("testdata", strings.ReplaceAll(c.Name, "-", "_")+".rst")
		if _, err := os.Stat(page); err != nil {
			t.Errorf("code %s has no fixture: %v", c.Name, err)
		}
	}
}

// TestSeed lints the seed page of spec/: its Table 3 is titled with the
// garbled "internalEroCMM.0101r" under the row internalError.
func TestSeed(t *testing.T) {
	const seed = "spec/ecs/responses_batch_operation.rst"
	data, err := os.ReadFile(filepath.Join("..", "..", seed))
	if err != nil {
		t.Fatal(err)
	}
	got := lintFiles(t, []gen.Input{{Path: seed, Data: data}})
	golden.Check(t, filepath.Join("testdata", "seed.golden"), format(got))
}

// TestNoInputs: nothing to lint, nothing found, no panic.
func TestNoInputs(t *testing.T) {
	if got := Check(nil, nil); len(got) != 0 {
		t.Errorf("Check(nil) = %v", got)
	}
	if got := Check(&gen.Result{}, nil); len(got) != 0 {
		t.Errorf("Check(empty) = %v", got)
	}
}

// TestHoles: a Result built by hand, with nil pages, tables, examples,
// sections, files, types and fields, is linted without a panic.
func TestHoles(t *testing.T) {
	page := &doc.Page{
		Path:     "h.rst",
		Sections: []*doc.Section{nil, {Title: "Example Response", Parent: 0}},
		Tables:   []*doc.Table{nil, {Kind: doc.Parameters, Title: "Table 1 x field description", GoName: "X", Section: 1}},
		Examples: []*doc.Example{nil, {Section: 1, Text: "{\"a\": 1}"}},
	}
	typ := &ir.Type{GoName: "X", Page: page, Role: "response", Fields: []*ir.Field{nil, {JSONName: "a"}}}
	res := &gen.Result{
		Pages:   []*doc.Page{nil, page},
		Package: &ir.Package{Files: []*ir.File{nil, {Types: []*ir.Type{nil, typ}}}},
	}
	Check(res, nil)
	if len(typ.Fields) != 2 {
		t.Error("Check changed the Result")
	}
}
