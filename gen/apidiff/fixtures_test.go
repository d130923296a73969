package apidiff_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/apidiff"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/source"
)

// TestFixtures compares each case under testdata/: old/ and new/ are two
// versions of a small doc set, one construct each; want.txt, want.jsonl
// and want.md are the reports (with descriptions, as -v prints them).
// go test -update rewrites them.
func TestFixtures(t *testing.T) {
	cases, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		t.Run(c.Name(), func(t *testing.T) {
			dir := filepath.Join("testdata", c.Name())
			old, new := resolveSet(t, dir, "old"), resolveSet(t, dir, "new")
			changes := apidiff.Compare(old, new)
			report := apidiff.Report{Verbose: true}
			for _, f := range []struct {
				name  string
				write func(*bytes.Buffer, []apidiff.Change) error
			}{
				{"want.txt", func(b *bytes.Buffer, c []apidiff.Change) error { return report.WriteText(b, c) }},
				{"want.jsonl", func(b *bytes.Buffer, c []apidiff.Change) error { return report.WriteJSON(b, c) }},
				{"want.md", func(b *bytes.Buffer, c []apidiff.Change) error { return report.WriteMarkdown(b, c) }},
			} {
				var b bytes.Buffer
				if err := f.write(&b, changes); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join(dir, f.name), b.Bytes())
			}
			if len(changes) == 0 {
				t.Errorf("no changes: a fixture pair shows at least one")
			}
			for _, s := range []apidiff.Set{old, new} {
				if same := apidiff.Compare(s, s); len(same) != 0 {
					t.Errorf("a set against itself gives %d change(s), the first %+v", len(same), same[0])
				}
			}
		})
	}
}

// resolveSet reads and resolves the pages under dir/side, named relative
// to dir, as the command does.
func resolveSet(t *testing.T, dir, side string) apidiff.Set {
	t.Helper()
	var inputs []gen.Input
	err := filepath.WalkDir(filepath.Join(dir, side), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || gen.FormatOf(p) == "" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		inputs = append(inputs, gen.Input{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatalf("no pages under %s/%s", dir, side)
	}
	res, err := gen.Resolve(inputs, gen.Options{Package: "fixture"})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diags {
		// Warnings are the resolver's business (a data structure
		// table nothing refers to is one); errors mean a broken fixture.
		if d.Severity == source.Error {
			t.Errorf("%s: %s", side, d)
		}
	}
	return apidiff.Set{Package: res.Package, Root: side}
}
