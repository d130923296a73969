package text_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/text"
)

// This file checks the reader on more pages than the seed. copyText
// renders a published HTML page the way a browser copies it (TestCopyText
// holds it to the one real copy we have), and the Go generated from the
// copy is compared with the Go generated from the page's RST source.
// copyModel renders the tables of a page model the same way, so that
// every parameter table of the RST corpus can be read back.

// copyText renders a published page as text copied from a browser, in
// the format the seed copy shows: the navigation lines "nav-img" and
// "Advanced" first, then blocks separated by blank lines; a paragraph, a
// heading, a table caption and every table cell paragraph is one line; a
// list item is "  • " and its first paragraph, with the rest of its content
// indented four more columns; a <pre> keeps its lines without their
// indentation; a note starts with "NOTE:"; links and images leave their
// text only; the "Parent topic" links at the end are not copied.
func copyText(src []byte) []byte {
	root, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil
	}
	c := &copier{}
	c.flow(root, 0)
	c.flush()
	var b strings.Builder
	b.WriteString("nav-img\nAdvanced")
	for _, block := range c.blocks {
		b.WriteString("\n\n" + strings.Join(block, "\n"))
	}
	return []byte(b.String())
}

type copier struct {
	blocks [][]string // lines with their indentation
	para   strings.Builder
	indent int
}

func (c *copier) flush() {
	if t := strings.Join(strings.Fields(c.para.String()), " "); t != "" {
		c.blocks = append(c.blocks, []string{strings.Repeat(" ", c.indent) + t})
	}
	c.para.Reset()
}

func (c *copier) flow(n *html.Node, indent int) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.node(ch, indent)
	}
}

func (c *copier) node(n *html.Node, indent int) {
	if n.Type == html.TextNode {
		c.indent = indent
		c.para.WriteString(n.Data)
		return
	}
	if n.Type != html.ElementNode {
		c.flow(n, indent)
		return
	}
	switch n.Data {
	case "script", "style", "img":
	case "br":
		c.para.WriteString(" ")
	case "span":
		if attr(n, "class") == "notetitle" {
			c.flush()
			c.indent = indent
			c.para.WriteString("NOTE:")
			c.flush()
			return
		}
		c.flow(n, indent)
	case "div":
		if attr(n, "class") == "familylinks" {
			return
		}
		c.block(n, indent)
	case "pre":
		c.flush()
		var lines []string
		for l := range strings.SplitSeq(textOf(n), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, strings.Repeat(" ", indent)+l)
			}
		}
		if len(lines) > 0 {
			c.blocks = append(c.blocks, lines)
		}
	case "ul", "ol":
		c.flush()
		num := 0
		for li := n.FirstChild; li != nil; li = li.NextSibling {
			if li.Type != html.ElementNode || li.Data != "li" {
				continue
			}
			num++
			first := len(c.blocks)
			c.flow(li, indent+4)
			c.flush()
			marker := "•"
			if n.Data == "ol" {
				marker = fmt.Sprintf("%d.", num)
			}
			if first < len(c.blocks) {
				lead := c.blocks[first]
				lead[0] = strings.Repeat(" ", indent+2) + marker + " " + strings.TrimLeft(lead[0], " ")
			}
		}
	case "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "caption", "thead", "tbody", "tr", "th", "td",
		"li", "dl", "dt", "dd", "blockquote", "section", "body", "center":
		c.block(n, indent)
	default:
		c.flow(n, indent)
	}
}

func (c *copier) block(n *html.Node, indent int) {
	c.flush()
	c.flow(n, indent)
	c.flush()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
		for ch := x.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return b.String()
}

// TestCopyText: copyText renders the seed page's HTML as the seed's real
// browser copy, byte for byte.
func TestCopyText(t *testing.T) {
	dir := filepath.Join("..", "testdata", "seed_formats")
	page, err := os.ReadFile(filepath.Join(dir, "responses_batch_operation.html"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "responses_batch_operation.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := copyText(page); !bytes.Equal(got, want) {
		t.Errorf("copyText of the seed HTML differs from the seed copy:\n%s", golden.FirstDiff(string(want), string(got)))
	}
}

func abs(n int) int { return max(n, -n) }

// corpusDir is the folder of real documentation pages (see
// golden.CorpusDir).
func corpusDir(tb testing.TB) string { return golden.CorpusDir(tb) }

// TestCopiedTwins copies every published page of the 2022 ECS reference
// (copyText) and requires, for at least 90% of them, the same Go from the
// copy as from the page's RST source, each page generated on its own. A
// copy loses what the reader cannot get back: URLs, and where a note or a
// paragraph after a table ends (it reads as the last row's description).
// Pages pair by title; among RST pages of one title, the closest output
// counts.
func TestCopiedTwins(t *testing.T) {
	root := filepath.Join(corpusDir(t), "ecs-2022")
	generate := func(path string, data []byte) string {
		res, err := gen.Generate([]gen.Input{{Path: path, Data: data}}, gen.Options{Package: "twins"})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, f := range res.Files {
			_, rest, _ := strings.Cut(string(f.Data), "\npackage ") // without the Source line
			b.WriteString(f.Name + "\n" + rest)
		}
		return b.String()
	}
	rstByTitle := map[string][]string{}
	rstPages := map[string]string{}
	err := filepath.WalkDir(filepath.Join(root, "rst"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rst") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		res, err := gen.Generate([]gen.Input{{Path: "page.rst", Data: data}}, gen.Options{Package: "twins"})
		if err != nil {
			return err
		}
		title := res.Pages[0].Title
		rstByTitle[title] = append(rstByTitle[title], p)
		rstPages[p] = generate("page.rst", data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(root, "html", "*.html"))
	sort.Strings(pages)
	same, paired := 0, 0
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		copied := copyText(data)
		res, err := gen.Generate([]gen.Input{{Path: "page.txt", Data: copied}}, gen.Options{Package: "twins"})
		if err != nil {
			t.Fatal(err)
		}
		twins := rstByTitle[res.Pages[0].Title]
		if len(twins) == 0 {
			t.Logf("%s: no RST page titled %q", filepath.Base(p), res.Pages[0].Title)
			continue
		}
		paired++
		got := generate("page.txt", copied)
		best, distance := "", -1
		for _, twin := range twins {
			if d := abs(len(rstPages[twin]) - len(got)); rstPages[twin] == got {
				best, distance = "", 0
				break
			} else if distance < 0 || d < distance {
				best, distance = twin, d
			}
		}
		if best == "" {
			same++
			continue
		}
		diff := golden.FirstDiff(rstPages[best], got)
		t.Logf("%s ↔ %s: %s", filepath.Base(p), strings.TrimPrefix(best, root+string(filepath.Separator)), strings.ReplaceAll(diff, "\n", " "))
	}
	t.Logf("ecs-2022: %d HTML pages, %d paired with RST, %d give the same Go from their copy (%.1f%%)", len(pages), paired, same, 100*float64(same)/float64(max(paired, 1)))
	if paired < 200 {
		t.Errorf("only %d pages paired, want about 208", paired)
	}
	if 10*same < 9*paired {
		t.Errorf("%d of %d copies give the RST twin's Go, want at least 90%%", same, paired)
	}
}

// copyModel renders a page's title, sections and tables as copyText
// renders HTML: a table captioned by a list item ("Normal responses") sits
// in that item, with the next tables of the same caption; cells are one
// paragraph each, lists "  • ", notes "NOTE:", code without indentation.
// Elements keep their order in the source.
func copyModel(p *doc.Page) string {
	type elem struct {
		line int
		text string
	}
	var els []elem
	for _, s := range p.Sections[min(1, len(p.Sections)):] {
		els = append(els, elem{s.Pos.Line, s.Title + "\n\n"})
	}
	caption := ""
	for _, t := range p.Tables {
		var b strings.Builder
		indent := 0
		if t.Caption != "" && t.Caption != t.Title {
			indent = 4
			if t.Caption != caption {
				b.WriteString("  • " + oneLine(t.Caption) + "\n\n")
			}
		}
		caption = t.Caption
		pad := strings.Repeat(" ", indent)
		if t.Title != "" {
			b.WriteString(pad + oneLine(t.Title) + "\n\n")
		}
		for _, h := range t.Header {
			b.WriteString(pad + oneLine(h) + "\n\n")
		}
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				copyBlocks(&b, c.Blocks, indent)
			}
		}
		line := t.Pos.Line
		if t.TitlePos.IsValid() && t.TitlePos.Line < line {
			line = t.TitlePos.Line
		}
		els = append(els, elem{line, b.String()})
	}
	sort.SliceStable(els, func(i, j int) bool { return els[i].line < els[j].line })
	var b strings.Builder
	b.WriteString("nav-img\nAdvanced\n\n" + oneLine(p.Title) + "\n\n")
	for _, e := range els {
		b.WriteString(e.text)
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func copyBlocks(b *strings.Builder, blocks []*doc.Block, indent int) {
	pad := strings.Repeat(" ", indent)
	for _, x := range blocks {
		switch x.Kind {
		case doc.Paragraph:
			if t := oneLine(x.PlainText()); t != "" {
				b.WriteString(pad + t + "\n\n")
			}
		case doc.List:
			for _, item := range x.Items {
				lead := "-"
				if len(item) > 0 && item[0].Kind == doc.Paragraph {
					lead, item = oneLine(item[0].PlainText()), item[1:]
				}
				b.WriteString(pad + "  • " + lead + "\n\n")
				copyBlocks(b, item, indent+4)
			}
		case doc.Code:
			for l := range strings.SplitSeq(x.Text, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					b.WriteString(pad + l + "\n")
				}
			}
			b.WriteString("\n")
		case doc.Note:
			b.WriteString(pad + "NOTE:\n\n")
			copyBlocks(b, x.Blocks, indent)
		}
	}
}

// TestRenderedCorpus renders every RST page of the corpus with copyModel,
// reads the copy back, and requires at least 99% of the parameter tables
// to come back with the same header and the same text in every cell
// (white space folded: a copy loses the indentation of code).
func TestRenderedCorpus(t *testing.T) {
	root := corpusDir(t)
	key := func(t *doc.Table) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%q\n", t.Header)
		for _, r := range t.Rows {
			var cells []string
			for _, c := range r.Cells {
				cells = append(cells, oneLine(c.Text()))
			}
			fmt.Fprintf(&b, "  %q\n", cells)
		}
		return b.String()
	}
	params := func(p *doc.Page) []*doc.Table {
		var out []*doc.Table
		for _, t := range p.Tables {
			if t.Kind == doc.Parameters {
				out = append(out, t)
			}
		}
		return out
	}
	for _, folder := range []string{"ecs-2022/rst", "ecs/rst", "cbr/rst"} {
		tables, same := 0, 0
		err := filepath.WalkDir(filepath.Join(root, folder), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rst") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			res, err := gen.Generate([]gen.Input{{Path: "page.rst", Data: data}}, gen.Options{Package: "corpus"})
			if err != nil {
				return err
			}
			want := params(res.Pages[0])
			copied, _ := text.Read("page.txt", []byte(copyModel(res.Pages[0])))
			got := params(copied)
			for i, w := range want {
				tables++
				if i < len(got) && key(got[i]) == key(w) {
					same++
					continue
				}
				t.Logf("%s: parameter table %d (%q) reads differently from its copy", path, i, w.Title)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d of %d parameter tables read back the same from a copy (%.1f%%)", folder, same, tables, 100*float64(same)/float64(max(tables, 1)))
		if tables == 0 || 100*same < 99*tables {
			t.Errorf("%s: %d of %d parameter tables read back the same, want at least 99%%", folder, same, tables)
		}
	}
}
