package html

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/golden"
)

// corpusPages lists the HTML pages of the 2022 ECS reference in the corpus
// (see golden.CorpusDir), or skips.
func corpusPages(tb testing.TB) []string {
	tb.Helper()
	dir := golden.CorpusDir(tb)
	pages, _ := filepath.Glob(filepath.Join(dir, "ecs-2022", "html", "*.html"))
	if len(pages) == 0 {
		tb.Skipf("no pages in %s/ecs-2022/html", dir)
	}
	return pages
}

// TestCorpus reads every page of the corpus: each reads with a title and
// without warnings, and the corpus as a whole has as many tables,
// parameters and examples as its RST twin.
func TestCorpus(t *testing.T) {
	var tables, params, examples int
	for _, path := range corpusPages(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p, diags := Read(path, src)
		if p.Title == "" {
			t.Errorf("%s: no title", path)
		}
		for _, d := range diags {
			t.Errorf("%s", d)
		}
		for _, tab := range p.Tables {
			tables++
			if tab.Kind == doc.Parameters {
				params += len(tab.Params)
			}
		}
		examples += len(p.Examples)
	}
	// The RST twin of the corpus reads to the same counts.
	if tables != 528 || params != 1500 || examples != 294 {
		t.Errorf("%d tables, %d parameters, %d examples; want 528, 1500, 294", tables, params, examples)
	}
}

func BenchmarkRead(b *testing.B) {
	var srcs [][]byte
	var size int64
	for _, path := range corpusPages(b) {
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		size += int64(len(src))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range srcs {
			Read("b.html", src)
		}
	}
}
