package rst

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
)

// FuzzRead: any input reads without panicking, and every position the
// model holds lies inside the input.
func FuzzRead(f *testing.F) {
	f.Add([]byte("T\n=\n\n+---+---+\n| a | b |\n+===+===+\n| 1 | 2 |\n+---+---+\n"))
	f.Add([]byte("T\n=\n\n===== ====\na     b\n===== ====\nx     y\n===== ====\n"))
	f.Add([]byte(".. _x:\n\n.. table:: **Table 1** t\n\n   +---+\n   | a |\n   +---+\n"))
	f.Add([]byte("-  item\n\n   .. code-block::\n\n      {\"a\": 1}\n"))
	f.Add([]byte("see :ref:`a <b>` and `c <#d>`__ and ``e`` **f** *g* \\\\"))
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.rst"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, diags := Read("f.rst", src)
		lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 1
		check := func(what string, line int) {
			if line < 0 || line > lines {
				t.Fatalf("%s at line %d of a %d-line input", what, line, lines)
			}
		}
		for _, d := range diags {
			check("diagnostic", d.Pos.Line)
		}
		for _, tab := range p.Tables {
			check("table", tab.Pos.Line)
			for _, r := range tab.Rows {
				for _, c := range r.Cells {
					check("cell", c.Pos.Line)
					for _, ref := range c.Refs() {
						check("reference", ref.Pos.Line)
					}
				}
			}
			if tab.Kind == doc.Parameters && len(tab.Params) > len(tab.Rows) {
				t.Fatalf("%d params from %d rows", len(tab.Params), len(tab.Rows))
			}
		}
	})
}
