package rst

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
)

// dropRowsPage has what reading a table's rows into Params as it is read
// must keep: references in name and type cells (read in the scratch
// arena), a row continuing the description above it, a second parameter
// table after the first (the scratch arena reused), a parameter table
// inside a cell (kept as text) and a table that is not a parameter table
// (its rows kept). A ' stands for a backquote.
var dropRowsPage = strings.ReplaceAll(`T
=

+-----------------+----------------+---------------------+-----------+
| Parameter       | Type           | Description         | Mandatory |
+=================+================+=====================+===========+
| :ref:'a <la>'   | Object         | First, see          | Yes       |
|                 |                | :ref:'b <lb>'.      |           |
+-----------------+----------------+---------------------+-----------+
|                 |                | More about a.       |           |
+-----------------+----------------+---------------------+-----------+
| c               | :ref:'T <lt>'  | ========= ====      | No        |
|                 |                | Parameter Type      |           |
|                 |                | ========= ====      |           |
|                 |                | x         Int       |           |
|                 |                | ========= ====      |           |
+-----------------+----------------+---------------------+-----------+

========= ====== ================
Parameter Type   Description
========= ====== ================
d         String See :ref:'e <le>'.
========= ====== ================

===== ====
Code  Text
===== ====
200   OK
===== ====
`, "'", "`")

func TestReadDropRows(t *testing.T) {
	lean, diags := ReadWith("t.rst", []byte(dropRowsPage), Options{DropRows: true})
	full, _ := Read("t.rst", []byte(dropRowsPage))
	if len(lean.Tables) != 3 {
		t.Fatalf("%d tables, want 3 (diagnostics: %s)", len(lean.Tables), diags)
	}
	sameTables(t, "t.rst", full, lean)
	// By hand: the first table's rows, as Params.
	ps := lean.Tables[0].Params
	if len(ps) != 2 {
		t.Fatalf("%d params, want 2", len(ps))
	}
	if got := ps[0].NameRefs; len(got) != 1 || got[0].Label != "la" || got[0].Pos.Line != 7 {
		t.Errorf("a: name refs %+v, want one to la at line 7", got)
	}
	if got := doc.BlocksText(ps[0].Description); got != "First, see b.\n\nMore about a." {
		t.Errorf("a: description %q", got)
	}
	if got := ps[1].TypeRefs; len(got) != 1 || got[0].Label != "lt" || ps[1].Type != "T" || ps[1].Mandatory != doc.MandatoryNo {
		t.Errorf("c: type %q, type refs %+v, mandatory %q; want T, lt, no", ps[1].Type, got, ps[1].Mandatory)
	}
	if got := doc.BlocksText(ps[1].Description); got != "x | Int" {
		t.Errorf("c: description %q, want the nested table's row as text", got)
	}
	if got := lean.Tables[1].Params[0].DescRefs; len(got) != 1 || got[0].Label != "le" {
		t.Errorf("d: description refs %+v, want one to le", got)
	}
	if lean.Tables[2].Kind != doc.Other || len(lean.Tables[2].Rows) != 1 {
		t.Errorf("status table: kind %s, %d rows; want other, 1", lean.Tables[2].Kind, len(lean.Tables[2].Rows))
	}
}

// TestReadDropRowsCorpus: on every RST page of the corpus, reading with
// DropRows gives the tables Read gives, less the parameter tables' rows.
func TestReadDropRowsCorpus(t *testing.T) {
	n := 0
	err := filepath.WalkDir(corpusDir(t), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".rst" {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		full, fullDiags := Read(p, src)
		lean, leanDiags := ReadWith(p, src, Options{DropRows: true})
		if fullDiags.String() != leanDiags.String() {
			t.Errorf("%s: diagnostics differ:\n%s\nwith DropRows:\n%s", p, fullDiags, leanDiags)
		}
		sameTables(t, p, full, lean)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no RST pages in the corpus at %s", corpusDir(t))
	}
}

// sameTables checks that lean, read with DropRows, has full's tables,
// without the rows of its parameter tables.
func sameTables(t *testing.T, path string, full, lean *doc.Page) {
	t.Helper()
	if len(full.Tables) != len(lean.Tables) {
		t.Errorf("%s: %d tables with DropRows, %d without", path, len(lean.Tables), len(full.Tables))
		return
	}
	for i, ft := range full.Tables {
		lt := lean.Tables[i]
		if ft.Kind == doc.Parameters {
			if lt.Rows != nil {
				t.Errorf("%s: table %d kept its rows", path, i)
			}
			ft2 := *ft
			ft2.Rows = nil
			ft = &ft2
		}
		if !reflect.DeepEqual(ft, lt) {
			t.Errorf("%s: table %d at %s differs with DropRows", path, i, ft.Pos)
		}
	}
	if !reflect.DeepEqual(full.Examples, lean.Examples) || !reflect.DeepEqual(full.Sections, lean.Sections) {
		t.Errorf("%s: examples or sections differ with DropRows", path)
	}
}
