package text

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// FuzzRead: any input reads without panicking; every position the model
// and the diagnostics hold lies on a line of the input; every row has a
// cell per header cell and a table has no more parameters than rows; and
// reading is deterministic.
func FuzzRead(f *testing.F) {
	for _, tt := range outlineTests {
		f.Add([]byte(tt.src))
	}
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	seeds = append(seeds, filepath.Join("..", "testdata", "seed_formats", "responses_batch_operation.txt"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, diags := Read("f.txt", src)
		checkPage(t, src, p, diags)
		again, _ := Read("f.txt", src)
		if doc.Outline(again) != doc.Outline(p) {
			t.Fatalf("two readings differ:\n%s\n%s", doc.Outline(p), doc.Outline(again))
		}
	})
}

func checkPage(t *testing.T, src []byte, p *doc.Page, diags source.List) {
	t.Helper()
	lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 1
	check := func(what string, pos source.Pos) {
		if pos.Line < 0 || pos.Line > lines || pos.Col < 0 || pos.IsValid() && pos.Col < 1 {
			t.Fatalf("%s at %s, outside a %d-line input", what, pos, lines)
		}
	}
	for _, d := range diags {
		check("diagnostic", d.Pos)
		if !d.Pos.IsValid() || d.Message == "" || d.Message != strings.ToLower(d.Message[:1])+d.Message[1:] {
			t.Fatalf("diagnostic %q: want a position and a lowercase message", d)
		}
	}
	check("title", p.TitlePos)
	for _, s := range p.Sections {
		check("section", s.Pos)
		if s.Parent >= len(p.Sections) {
			t.Fatalf("section %q has parent %d of %d", s.Title, s.Parent, len(p.Sections))
		}
	}
	for _, e := range p.Examples {
		check("example", e.Pos)
	}
	var blocks func(bs []*doc.Block)
	blocks = func(bs []*doc.Block) {
		for _, b := range bs {
			check("block", b.Pos)
			for _, it := range b.Items {
				blocks(it)
			}
			blocks(b.Blocks)
		}
	}
	for _, tab := range p.Tables {
		check("table", tab.Pos)
		check("table title", tab.TitlePos)
		if tab.Section >= len(p.Sections) {
			t.Fatalf("table in section %d of %d", tab.Section, len(p.Sections))
		}
		for _, r := range tab.Rows {
			check("row", r.Pos)
			if len(r.Cells) != len(tab.Header) {
				t.Fatalf("row of %d cells under a header of %d", len(r.Cells), len(tab.Header))
			}
			for _, c := range r.Cells {
				check("cell", c.Pos)
				blocks(c.Blocks)
				for _, ref := range c.Refs() {
					check("reference", ref.Pos)
				}
			}
		}
		if len(tab.Params) > len(tab.Rows) {
			t.Fatalf("%d params from %d rows", len(tab.Params), len(tab.Rows))
		}
	}
}

// bigPage is a synthetic page: a title after navigation, a list item with
// a parameter table of n rows (every tenth with a description of several
// paragraphs and a list, every hundredth referring to a nested table),
// the nested tables, and an example.
func bigPage(n int) []byte {
	var b strings.Builder
	b.WriteString("nav-img\nAdvanced\n\nCreating Many Things\n\nThis API creates things.\n\n  • Normal responses\n\n")
	b.WriteString("    Parameter\n\n    Mandatory\n\n    Type\n\n    Description\n\n")
	tables := 0
	for i := range n {
		typ := "String"
		desc := fmt.Sprintf("Specifies field %d of the thing.", i)
		if i%100 == 0 {
			tables++
			typ = "Array of objects"
			desc += fmt.Sprintf(" For details, see Table %d.", tables)
		}
		fmt.Fprintf(&b, "    field_%d\n\n    No\n\n    %s\n\n    %s\n\n", i, typ, desc)
		if i%10 == 0 {
			b.WriteString("    The value can be:\n\n      • one: the first\n\n      • two: the second\n\n    Default value: one\n\n")
		}
	}
	for i := 1; i <= tables; i++ {
		fmt.Fprintf(&b, "    Table %d item field description\n\n    Parameter\n\n    Type\n\n    Description\n\n    id\n\n    String\n\n    Specifies the ID.\n\n", i)
	}
	b.WriteString("  • Example response\n\n    Normal response\n\n    {\n    \"field_0\": [{\"id\": \"a\"}]\n    }\n")
	return []byte(b.String())
}

func TestBigPage(t *testing.T) {
	src := bigPage(1000)
	p, diags := Read("big.txt", src)
	checkPage(t, src, p, diags)
	if len(diags) > 0 {
		t.Errorf("diagnostics:\n%s", diags)
	}
	if len(p.Tables) != 11 || len(p.Tables[0].Params) != 1000 || len(p.Examples) != 1 {
		t.Fatalf("%d tables, %d params, %d examples", len(p.Tables), len(p.Tables[0].Params), len(p.Examples))
	}
	if refs := p.Tables[0].Params[900].DescRefs; len(refs) != 1 || refs[0].Label != "table 10" {
		t.Errorf("field_900 refs %+v", refs)
	}
}

func BenchmarkRead(b *testing.B) {
	src := bigPage(10000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Read("b.txt", src)
	}
}
