package gen

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/gocheck"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/mapfile"
)

// corpusDir is the folder of real documentation pages (see
// golden.CorpusDir).
func corpusDir(tb testing.TB) string { return golden.CorpusDir(tb) }

// readTree reads every page of a folder, named relative to it, leaving
// out the want/ folders of golden cases.
func readTree(t testing.TB, dir string) []Input {
	t.Helper()
	var inputs []Input
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "want" {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() || FormatOf(p) == "" {
			return err
		}
		// Mapped read-only, as the command reads pages: a reader that
		// wrote to its input would fault here.
		data, err := mapfile.Read(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		inputs = append(inputs, Input{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return inputs
}

// TestCorpus generates a package from each RST folder of the corpus and
// checks the invariants of the family: no errors, the package type-checks,
// every row that links to a parameter table gets that table's struct, and
// under 2% of fields end up json.RawMessage.
func TestCorpus(t *testing.T) {
	root := corpusDir(t)
	for _, folder := range []string{"ecs-2022/rst", "ecs/rst", "cbr/rst"} {
		t.Run(strings.ReplaceAll(folder, "/", "_"), func(t *testing.T) {
			inputs := readTree(t, filepath.Join(root, folder))
			if len(inputs) == 0 {
				t.Fatalf("no pages in %s", folder)
			}
			res, err := Generate(inputs, Options{Package: "corpus"})
			if err != nil {
				t.Fatal(err)
			}
			if res.Diags.HasErrors() {
				t.Errorf("errors:\n%s", res.Diags)
			}
			files := map[string][]byte{}
			for _, f := range res.Files {
				files[f.Name] = f.Data
			}
			if err := gocheck.Package(files); err != nil {
				t.Errorf("generated package does not type-check: %v", err)
			}
			c := countCorpus(t, res)
			t.Logf("%s: %d pages, %d files, %d tables (%d parameter tables), %d types, %d fields, %d json.RawMessage (%.2f%%), %d linking rows all with their struct, %d warnings",
				folder, len(inputs), len(res.Files), c.tables, c.paramTables, c.types, c.fields, c.raw, 100*float64(c.raw)/float64(max(c.fields, 1)), c.linking, len(res.Diags))
			if c.fields == 0 {
				t.Fatal("no fields generated")
			}
			if 100*c.raw >= 2*c.fields {
				t.Errorf("%d of %d fields are json.RawMessage, want under 2%%", c.raw, c.fields)
			}
		})
	}
}

type corpusCounts struct {
	tables, paramTables, types, fields, raw, linking int
}

// countCorpus counts, and checks that each row whose references resolve
// to a parameter table has a field typed with that table's struct.
func countCorpus(t *testing.T, res *Result) corpusCounts {
	var c corpusCounts
	fieldsOf := map[string]map[string]*ir.Field{}
	for _, f := range res.Package.Files {
		for _, typ := range f.Types {
			c.types++
			byName := map[string]*ir.Field{}
			for _, fld := range typ.Fields {
				c.fields++
				byName[fld.GoName] = fld
				if strings.Contains(fld.Type.String(), "json.RawMessage") {
					c.raw++
				}
			}
			fieldsOf[typ.GoName] = byName
		}
	}
	for _, p := range res.Pages {
		for _, tab := range p.Tables {
			c.tables++
			if tab.Kind != doc.Parameters {
				continue
			}
			c.paramTables++
			for _, param := range tab.Params {
				wantType := ""
				for _, refs := range [][]*doc.Ref{param.TypeRefs, param.NameRefs, param.DescRefs} {
					for _, ref := range refs {
						if name := res.Package.Links[ref]; name != "" && wantType == "" {
							wantType = name
						}
					}
				}
				if wantType == "" || tab.GoName == "" || param.GoName == "" {
					continue
				}
				fld := fieldsOf[tab.GoName][param.GoName]
				if fld == nil {
					continue // a duplicate row, skipped with a warning
				}
				if !refersTo(fld.Type, wantType) && !scalarish(fld.Type) {
					t.Errorf("%s: %s.%s is %s, want the struct %s of the table its row links to", param.Pos, tab.GoName, param.GoName, fld.Type, wantType)
				}
				c.linking++
			}
		}
	}
	return c
}

func refersTo(t *ir.GoType, name string) bool {
	for ; t != nil; t = t.Elem {
		if t.Kind == ir.Named && t.Ref.GoName == name {
			return true
		}
	}
	return false
}

// scalarish reports whether a row's own type word says it is a scalar or
// a list of scalars: its links then point to explanations (an enumeration
// table), not to its structure.
func scalarish(t *ir.GoType) bool {
	for ; t != nil; t = t.Elem {
		if t.Kind == ir.Builtin {
			return true
		}
	}
	return false
}
