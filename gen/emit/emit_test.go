package emit_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/emit"
)

// TestGroupsAsWhole: a file formatted a group of declarations at a time
// (groups of one declaration, or of a few fields) is byte for byte the
// file formatted in one pass, on every golden case of gen.
func TestGroupsAsWhole(t *testing.T) {
	cases, err := os.ReadDir(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		res, err := gen.Generate(readInputs(t, filepath.Join("..", "testdata", c.Name())), gen.Options{Package: "fixture"})
		if err != nil || res.Package == nil {
			continue // a case of bad input: nothing to emit
		}
		for _, f := range res.Package.Files {
			whole, err := emit.File(res.Package, f)
			if err != nil {
				t.Fatalf("%s/%s: %v", c.Name(), f.Name, err)
			}
			for _, n := range []int{1, 5} {
				restore := emit.SetGroupFields(n)
				grouped, err := emit.File(res.Package, f)
				restore()
				if err != nil {
					t.Fatalf("%s/%s: groups of %d: %v", c.Name(), f.Name, n, err)
				}
				if !bytes.Equal(grouped, whole) {
					t.Errorf("%s/%s: groups of %d fields differ from the whole file:\n%s\nwant:\n%s", c.Name(), f.Name, n, grouped, whole)
				}
			}
			files++
		}
	}
	t.Logf("%d files", files)
	if files < 20 {
		t.Errorf("only %d files compared", files)
	}
}

// readInputs reads the pages of a golden case (every file but the
// expected output and the config).
func readInputs(t *testing.T, dir string) []gen.Input {
	t.Helper()
	return readPages(t, dir, func(p string) bool { return gen.FormatOf(p) != "" })
}

// readPages reads the files under dir that keep takes, as inputs named
// by their slash path below dir.
func readPages(tb testing.TB, dir string, keep func(path string) bool) []gen.Input {
	tb.Helper()
	var inputs []gen.Input
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !keep(p) {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		inputs = append(inputs, gen.Input{Path: filepath.ToSlash(rel), Data: data})
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return inputs
}
