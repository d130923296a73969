package gen

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/source"
)

// TestTwins reads the 2022 ECS reference both as RST and as its published
// HTML and compares the two readings page by page: the parameter tables,
// and in each the parameter names, type words, mandatory flags and the
// table each field resolves to. It prints the pages that differ and why,
// and requires agreement on at least 95% of the pairs.
func TestTwins(t *testing.T) {
	root := corpusDir(t)
	rstRes := generateTree(t, filepath.Join(root, "ecs-2022", "rst"), "rst")
	htmlRes := generateTree(t, filepath.Join(root, "ecs-2022", "html"), "html")
	pairs := pairTwins(t, rstRes.Pages, htmlRes.Pages, filepath.Join(root, "ecs-2022", "html", "CLASS.TXT.json"))

	// Both sides name pages by their RST path, so that references compare.
	keyOf := map[*doc.Page]string{}
	for _, p := range pairs {
		keyOf[p.rst], keyOf[p.html] = p.rst.Path, p.rst.Path
	}
	rstSum, htmlSum := newSummarizer(rstRes, keyOf), newSummarizer(htmlRes, keyOf)
	same := 0
	var differ []string
	for _, p := range pairs {
		a, b := rstSum.page(p.rst), htmlSum.page(p.html)
		if a == b {
			same++
			continue
		}
		differ = append(differ, fmt.Sprintf("%s ↔ %s: %s", p.rst.Path, p.html.Path, firstLineDiff(a, b)))
	}
	t.Logf("ecs-2022 twins: %d RST pages, %d HTML pages, %d pairs, %d identical (%.1f%%)",
		len(rstRes.Pages), len(htmlRes.Pages), len(pairs), same, 100*float64(same)/float64(max(len(pairs), 1)))
	for _, d := range differ {
		t.Log("differs: " + d)
	}
	if len(pairs) < 200 {
		t.Errorf("only %d pairs found, want about 207", len(pairs))
	}
	if 100*same < 95*len(pairs) {
		t.Errorf("%d of %d pairs agree, want at least 95%%", same, len(pairs))
	}
}

func generateTree(t *testing.T, dir, format string) *Result {
	t.Helper()
	var inputs []Input
	for _, in := range readTree(t, dir) {
		if FormatOf(in.Path) == format {
			inputs = append(inputs, in)
		}
	}
	if len(inputs) == 0 {
		t.Fatalf("no %s pages in %s", format, dir)
	}
	res, err := Generate(inputs, Options{Package: "twins"})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

type twin struct{ rst, html *doc.Page }

var topicLabel = regexp.MustCompile(`^enustopic(\d+)`)

// pairTwins pairs each RST page with its HTML twin: by the topic id its
// labels embed (".. _ENUSTOPIC0142195139table...:" is on the twin of
// en-us_topic_0142195139.html), else by a title that the page tree
// (CLASS.TXT.json), or else the HTML reader, gives to one HTML page only.
func pairTwins(t *testing.T, rsts, htmls []*doc.Page, classFile string) []twin {
	byFile := map[string]*doc.Page{}
	htmlByTitle := map[string][]*doc.Page{}
	for _, p := range htmls {
		byFile[path.Base(p.Path)] = p
		htmlByTitle[p.Title] = append(htmlByTitle[p.Title], p)
	}
	data, err := os.ReadFile(classFile)
	if err != nil {
		t.Fatal(err)
	}
	var class []struct {
		Title, URI string
		Code       string `json:"code"`
		ParentCode string `json:"p_code"`
	}
	if err := json.Unmarshal(data, &class); err != nil {
		t.Fatalf("%s: %v", classFile, err)
	}
	titleOfCode := map[string]string{}
	for _, c := range class {
		titleOfCode[c.Code] = c.Title
	}
	byTitle := map[string][]string{}
	for _, c := range class {
		byTitle[c.Title] = append(byTitle[c.Title], c.URI)
		key := c.Title + " < " + titleOfCode[c.ParentCode]
		byTitle[key] = append(byTitle[key], c.URI)
	}
	rstByPath := map[string]*doc.Page{}
	for _, p := range rsts {
		rstByPath[p.Path] = p
	}
	// rstParent is the title of the folder page above a page.
	rstParent := func(p *doc.Page) string {
		dir := path.Dir(p.Path)
		if path.Base(p.Path) == "index.rst" {
			dir = path.Dir(dir)
		}
		if parent := rstByPath[path.Join(dir, "index.rst")]; parent != nil && parent != p {
			return parent.Title
		}
		return ""
	}
	var pairs []twin
	for _, p := range rsts {
		var file string
		for _, tab := range p.Tables {
			for _, l := range tab.Labels {
				if m := topicLabel.FindStringSubmatch(l); m != nil && file == "" {
					file = "en-us_topic_" + m[1] + ".html"
				}
			}
		}
		if uris := byTitle[p.Title]; file == "" && len(uris) == 1 {
			file = uris[0]
		}
		if hs := htmlByTitle[p.Title]; file == "" && len(hs) == 1 {
			file = path.Base(hs[0].Path)
		}
		// Folder pages share titles ("Disk Management" under two API
		// sets): the title of the parent tells them apart.
		if uris := byTitle[p.Title+" < "+rstParent(p)]; file == "" && len(uris) == 1 {
			file = uris[0]
		}
		if h := byFile[file]; h != nil {
			pairs = append(pairs, twin{p, h})
		} else {
			t.Logf("no twin for %s (%q)", p.Path, p.Title)
		}
	}
	return pairs
}

// summarizer prints what a reading of a page means for the Go output, in a
// form that does not depend on the format: per parameter table, per
// parameter its name, folded type word, mandatory flag and the Go type of
// its field, a struct written as its fields' JSON names.
type summarizer struct {
	res     *Result
	keyOf   map[*doc.Page]string
	tableAt map[source.Pos]string
	types   map[string]*ir.Type
}

func newSummarizer(res *Result, keyOf map[*doc.Page]string) *summarizer {
	s := &summarizer{res: res, keyOf: keyOf, tableAt: map[source.Pos]string{}, types: map[string]*ir.Type{}}
	for _, p := range res.Pages {
		n := 0
		for _, tab := range p.Tables {
			if tab.Kind == doc.Parameters {
				s.tableAt[tab.Pos] = fmt.Sprintf("%s#%d", s.pageKey(p), n)
				n++
			}
		}
	}
	for _, f := range res.Package.Files {
		for _, typ := range f.Types {
			s.types[typ.GoName] = typ
		}
	}
	return s
}

func (s *summarizer) pageKey(p *doc.Page) string {
	if k := s.keyOf[p]; k != "" {
		return k
	}
	return "(unpaired)" + p.Path
}

func (s *summarizer) page(p *doc.Page) string {
	var b strings.Builder
	n := 0
	for _, tab := range p.Tables {
		if tab.Kind != doc.Parameters {
			continue
		}
		fmt.Fprintf(&b, "table %d (%d params)\n", n, len(tab.Params))
		n++
		for _, param := range tab.Params {
			fmt.Fprintf(&b, "  %s | %s | %s | %s\n", param.Name, strings.ToLower(strings.Join(strings.Fields(param.Type), " ")), param.Mandatory, s.target(tab, param))
		}
	}
	return b.String()
}

// target is the Go type of the parameter's field with named types written
// as the table they come from.
func (s *summarizer) target(tab *doc.Table, param *doc.Param) string {
	typ := s.types[tab.GoName]
	if typ == nil {
		// Reachable only through a table merged into its twin of one
		// shape: which of the twins keeps its type depends on path
		// order, which differs between the formats.
		return "(merged)"
	}
	// By name: a table merged into its twin of one shape has fields of
	// the twin's rows.
	for _, f := range typ.Fields {
		if f.Param != nil && f.Param.Name == param.Name {
			return s.goType(f.Type)
		}
	}
	return "(no field)"
}

func (s *summarizer) goType(t *ir.GoType) string {
	switch t.Kind {
	case ir.Named:
		// By content: tables of one shape on several pages share one
		// type, found first in path order, and the two formats' paths
		// sort differently.
		var names []string
		for _, f := range t.Ref.Fields {
			names = append(names, f.JSONName)
		}
		return "{" + strings.Join(names, ",") + "}"
	case ir.Slice:
		return "[]" + s.goType(t.Elem)
	case ir.Map:
		return "map[string]" + s.goType(t.Elem)
	case ir.Pointer:
		return "*" + s.goType(t.Elem)
	}
	return t.String()
}

// firstLineDiff names the first line where two summaries differ.
func firstLineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("rst %q, html %q", strings.TrimSpace(x), strings.TrimSpace(y))
		}
	}
	return "same"
}
