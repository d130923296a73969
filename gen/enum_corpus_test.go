package gen

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCorpusEnums logs, per corpus folder, how many enum types the run
// gives and which lists of values seen in descriptions stayed plain
// strings, and why (the closing note's figures); it checks that every
// enum has values with distinct constant names and that some were found.
func TestCorpusEnums(t *testing.T) {
	root := corpusDir(t)
	for _, folder := range []string{"ecs-2022/rst", "ecs/rst", "cbr/rst"} {
		t.Run(strings.ReplaceAll(folder, "/", "_"), func(t *testing.T) {
			res, err := Generate(readTree(t, filepath.Join(root, folder)), Options{Package: "corpus"})
			if err != nil {
				t.Fatal(err)
			}
			enums, fields, ints := 0, 0, 0
			for _, f := range res.Package.Files {
				for _, typ := range f.Types {
					e := typ.Enum
					if e == nil {
						continue
					}
					enums++
					fields += len(e.Fields)
					if e.Base.Name != "string" {
						ints++
					}
					seen := map[string]bool{}
					for _, v := range e.Values {
						if seen[v.GoName] {
							t.Errorf("%s: constant %s twice", typ.GoName, v.GoName)
						}
						seen[v.GoName] = true
					}
					if len(e.Values) == 0 {
						t.Errorf("%s: no values", typ.GoName)
					}
				}
			}
			reasons := map[string]int{}
			for _, n := range res.Package.NotEnums {
				reasons[n.Reason]++
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s: %d enum types (%d integer) on %d fields; %d lists seen stayed plain:\n", folder, enums, ints, fields, len(res.Package.NotEnums))
			for _, r := range slices.Sorted(maps.Keys(reasons)) {
				fmt.Fprintf(&b, "  %-30s %3d\n", r, reasons[r])
			}
			if testing.Verbose() {
				for _, n := range res.Package.NotEnums {
					fmt.Fprintf(&b, "    %s %s: %s\n", n.Pos, n.Field, n.Reason)
				}
			}
			t.Log("\n" + b.String())
			if enums == 0 {
				t.Error("no enum types")
			}
		})
	}
}
