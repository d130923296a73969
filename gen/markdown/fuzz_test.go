package markdown

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

// FuzzRead: any input reads without panicking, every position the model
// and the diagnostics hold lies inside the input, and a parameter table has
// no more parameters than rows.
func FuzzRead(f *testing.F) {
	for _, tt := range outlineTests {
		f.Add([]byte(tt.src))
	}
	f.Add([]byte("| a |\n|---|\n| <ul><li>x<ol><li>y</li></ol></li></ul><br>**[t](#a)** |\n"))
	f.Add([]byte("- a\n  - b\n    > | x | y |\n    > |---|---|\n    > | 1 | 2 |\n"))
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	twins, _ := filepath.Glob(filepath.Join("testdata", "twins", "*.md"))
	for _, s := range append(seeds, twins...) {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, diags := Read("f.md", src)
		lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 1
		check := func(what string, pos source.Pos) {
			if pos.Line < 0 || pos.Line > lines || (pos.Line > 0 && pos.Col < 1) {
				t.Fatalf("%s at %s in a %d-line input", what, pos, lines)
			}
		}
		for _, d := range diags {
			check("diagnostic", d.Pos)
		}
		check("title", p.TitlePos)
		for _, s := range p.Sections {
			check("section", s.Pos)
		}
		for _, e := range p.Examples {
			check("example", e.Pos)
		}
		for _, tab := range p.Tables {
			check("table", tab.Pos)
			check("table title", tab.TitlePos)
			for _, r := range tab.Rows {
				check("row", r.Pos)
				for _, c := range r.Cells {
					check("cell", c.Pos)
					checkBlocks(c.Blocks, check)
					for _, ref := range c.Refs() {
						check("reference", ref.Pos)
					}
				}
			}
			if tab.Kind == doc.Parameters && len(tab.Params) > len(tab.Rows) {
				t.Fatalf("%d params from %d rows", len(tab.Params), len(tab.Rows))
			}
		}
	})
}

func checkBlocks(blocks []*doc.Block, check func(string, source.Pos)) {
	for _, b := range blocks {
		check("block", b.Pos)
		for _, item := range b.Items {
			checkBlocks(item, check)
		}
		checkBlocks(b.Blocks, check)
	}
}

// BenchmarkRead reads a synthetic page with one 10,000-row parameter
// table whose cells hold links, code, emphasis and <br>.
func BenchmarkRead(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("# Big Page\n\n## Response\n\n<a name=\"t1\"></a>\n**Table 1** Response body parameters\n\n")
	sb.WriteString("| Parameter | Mandatory | Type | Description |\n| --- | --- | --- | --- |\n")
	for i := range 10000 {
		fmt.Fprintf(&sb, "| field_%d | No | String | DESC: field %d, see [Table 2](#t2) and `code`.<br>**Range**<br>1 to %d characters |\n", i, i, i)
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Read("b.md", src)
	}
}

// BenchmarkPathological reads inputs that once took quadratic time in this
// package (minutes for the anchors): unclosed tags in an HTML block, and
// paragraphs and cells that goldmark splits into very many text nodes, each
// at two sizes ten times apart: ns/op must grow about tenfold, not a
// hundredfold. (goldmark itself is slow on thousands of nested block
// quotes or brackets; those are left out.)
func BenchmarkPathological(b *testing.B) {
	inputs := []struct {
		name, unit string
		prefix     string
		n          int
	}{
		{"unclosed tags", "<", "<div\n", 10000},
		{"unclosed anchors", "<a ", "<div\n", 3000},
		{"text nodes", "*a ", "", 3000},
		{"text nodes in cells", "*a ", "| a |\n|---|\n| ", 3000},
		{"entities", "&a", "", 5000},
	}
	for _, in := range inputs {
		for _, scale := range []int{1, 10} {
			src := []byte(in.prefix + strings.Repeat(in.unit, in.n*scale))
			b.Run(fmt.Sprintf("%s/%dB", in.name, len(src)), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					Read("big.md", src)
				}
			})
		}
	}
}
