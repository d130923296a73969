package gen

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/config"
)

// A small page: a request with a free-form object (map[string]any) and a
// field the config gives a Go type.
const anyPage = `Creating Things
===============

Request
-------

=========== ========= ========= ===============================
Parameter   Mandatory Type      Description
=========== ========= ========= ===============================
meta        No        Object    DESC: meta, free-form
thing       No        String    DESC: thing, typed by the config
=========== ========= ========= ===============================
`

// TestImportNamedAny: a goType in a package whose path ends in /any is
// imported under another name, so the file's own "any" stays the
// predeclared one.
func TestImportNamedAny(t *testing.T) {
	cfg, diags := config.Parse("rst2go.yaml", []byte("fields:\n  - type: CreateThingsRequest\n    param: thing\n    goType: \"*example.com/x/any.Thing\"\n"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	res, err := Generate([]Input{{Path: "things.rst", Data: []byte(anyPage)}}, Options{Package: "p", Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	src := res.Files[0].Data
	f, err := parser.ParseFile(token.NewFileSet(), "things.go", src, 0)
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	if len(f.Imports) != 1 || f.Imports[0].Name == nil || f.Imports[0].Name.Name != "anypkg" {
		t.Fatalf("want one import named anypkg:\n%s", src)
	}
	for _, want := range []string{"*anypkg.Thing", "map[string]any"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("no %s in:\n%s", want, src)
		}
	}
}
