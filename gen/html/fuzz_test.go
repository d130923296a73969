package html

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// FuzzRead: any input reads without panicking, every position the model
// holds lies inside the input (a line of it, a column of that line or just
// after its end), and a parameter table has no more parameters than rows.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`<h1>T</h1><table><caption>Table 1 x</caption><tr><th>Parameter<th>Type<th>Description<tr><td rowspan=3>a<td colspan=2>b</table>`))
	f.Add([]byte("<ul><li>Normal responses<table><tr><th>a</th></tr><tr><td><pre>x</pre></td></tr></table></li></ul><pre class=language-json>{}</pre>"))
	f.Add([]byte("<div class=note><span class=notetitle>NOTE:</span><p>n</p></div><a href='x.html#y'>l</a><a name=z></a>\r\n\ufeff\x00\xff"))
	f.Add([]byte("<table><tr><td><table><tr><td>nested</td></tr></table></td></tr></table><h2>a<h3>b</h4></p></br>"))
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, diags := Read("f.html", src)
		lines := lineLengths(bytes.TrimPrefix(src, []byte("\ufeff")))
		check := func(what string, pos source.Pos) {
			if pos.Line == 0 && pos.Col == 0 {
				return // unknown: a covered cell
			}
			if pos.Line < 1 || pos.Line > len(lines) || pos.Col < 1 || pos.Col > lines[pos.Line-1]+1 {
				t.Fatalf("%s at %d:%d, outside the input (%d lines)", what, pos.Line, pos.Col, len(lines))
			}
		}
		for _, d := range diags {
			check("diagnostic", d.Pos)
		}
		if p.Title != "" {
			check("title", p.TitlePos)
		}
		for _, s := range p.Sections {
			check("section", s.Pos)
		}
		for _, e := range p.Examples {
			check("example", e.Pos)
		}
		var checkBlocks func([]*doc.Block)
		checkBlocks = func(bs []*doc.Block) {
			for _, b := range bs {
				check("block", b.Pos)
				for _, in := range b.Inlines {
					if in.Ref != nil {
						check("reference", in.Ref.Pos)
					}
				}
				for _, item := range b.Items {
					checkBlocks(item)
				}
				checkBlocks(b.Blocks)
			}
		}
		for _, tab := range p.Tables {
			check("table", tab.Pos)
			if tab.Title != "" {
				check("table title", tab.TitlePos)
			}
			for _, r := range tab.Rows {
				check("row", r.Pos)
				for _, c := range r.Cells {
					check("cell", c.Pos)
					checkBlocks(c.Blocks)
					if c.Spanned && len(c.Blocks) > 0 {
						t.Fatalf("a covered cell holds text")
					}
				}
			}
			if tab.Kind == doc.Parameters && len(tab.Params) > len(tab.Rows) {
				t.Fatalf("%d params from %d rows", len(tab.Params), len(tab.Rows))
			}
		}
	})
}

// lineLengths returns the byte length of each line; lines end at LF, CR LF
// or a lone CR.
func lineLengths(src []byte) []int {
	var out []int
	start := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			out = append(out, i-start)
			start = i + 1
		case '\r':
			out = append(out, i-start)
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	return append(out, len(src)-start)
}
