package gen

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestPipelineDoors keeps the rooms of the pipeline apart: readers know
// nothing of Go (no gen/ir, no jennifer, no emitter), the emitter knows
// nothing of the input formats, and -diff's comparison reads only the
// resolved model.
func TestPipelineDoors(t *testing.T) {
	const mod = "github.com/rst2go/rst2go/"
	forbidden := map[string][]string{
		"doc":       {mod + "gen/ir", mod + "gen/resolve", mod + "gen/emit", mod + "gen/naming", "github.com/dave/jennifer"},
		"rst":       {mod + "gen/ir", mod + "gen/resolve", mod + "gen/emit", mod + "gen/naming", "github.com/dave/jennifer"},
		"html":      {mod + "gen/ir", mod + "gen/resolve", mod + "gen/emit", mod + "gen/naming", mod + "gen/rst", "github.com/dave/jennifer"},
		"markdown":  {mod + "gen/ir", mod + "gen/resolve", mod + "gen/emit", mod + "gen/naming", mod + "gen/rst", "github.com/dave/jennifer"},
		"text":      {mod + "gen/ir", mod + "gen/resolve", mod + "gen/emit", mod + "gen/naming", mod + "gen/rst", "github.com/dave/jennifer"},
		"rst/table": {mod + "gen/doc", mod + "gen/ir", "github.com/dave/jennifer"},
		"emit":      {mod + "gen/rst", mod + "gen/resolve"},
		"godoc":     {mod + "gen/rst", mod + "gen/ir", "github.com/dave/jennifer"},
		"resolve":   {mod + "gen/rst", mod + "gen/emit", "github.com/dave/jennifer"},
		"apidiff":   {mod + "gen/rst", mod + "gen/html", mod + "gen/markdown", mod + "gen/text", mod + "gen/resolve", mod + "gen/emit", "github.com/dave/jennifer"},
	}
	for dir, bad := range forbidden {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in gen/%s", dir)
		}
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				for _, b := range bad {
					if path == b || strings.HasPrefix(path, b+"/") {
						t.Errorf("gen/%s imports %s", file, path)
					}
				}
			}
		}
	}
}
