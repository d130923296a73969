package rst

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/rst/rsttest"
)

// The reader's benchmarks: every RST folder of the corpus, the spec page,
// and synthetic pages in two sizes each, a long page of many small
// sections and a page of one long table, so that equal MB/s across sizes
// shows the cost is linear in the input.
//
//	go test -run '^$' -bench Read -benchmem ./gen/rst

// corpusDir is the folder of real documentation pages (see
// golden.CorpusDir).
func corpusDir(tb testing.TB) string { return golden.CorpusDir(tb) }

type page struct {
	path string
	src  []byte
}

// readPages reads every .rst file under dir.
func readPages(b *testing.B, dir string) (pages []page, size int64) {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".rst" {
			return err
		}
		src, err := os.ReadFile(p)
		pages = append(pages, page{p, src})
		size += int64(len(src))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(pages) == 0 {
		b.Skipf("no .rst pages in %s", dir)
	}
	return pages, size
}

func benchPages(b *testing.B, pages []page, size int64) {
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			Read(p.path, p.src)
		}
	}
}

// BenchmarkRead reads each RST folder of the corpus, page by page on one
// goroutine, and the spec page.
func BenchmarkRead(b *testing.B) {
	for _, folder := range []string{"ecs/rst", "ecs-2022/rst", "cbr/rst"} {
		b.Run(strings.ReplaceAll(folder, "/", "_"), func(b *testing.B) {
			pages, size := readPages(b, filepath.Join(corpusDir(b), folder))
			benchPages(b, pages, size)
		})
	}
	b.Run("spec", func(b *testing.B) {
		pages, size := readPages(b, filepath.Join("..", "..", "spec"))
		benchPages(b, pages, size)
	})
}

// BenchmarkReadLarge reads synthetic pages: many API sections (tables,
// lists, code, inline markup), and one parameter table of many rows.
func BenchmarkReadLarge(b *testing.B) {
	for _, bc := range []struct {
		name string
		src  func() []byte
	}{
		{"sections=5MB", func() []byte { return rsttest.LongPage(5 << 20) }},
		{"sections=50MB", func() []byte { return rsttest.LongPage(50 << 20) }},
		{"table=1000rows", func() []byte { return rsttest.TablePage(1000) }},
		{"table=10000rows", func() []byte { return rsttest.TablePage(10000) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			src := bc.src()
			benchPages(b, []page{{"synthetic.rst", src}}, int64(len(src)))
		})
	}
}

// TestBenchmarkPages checks that the synthetic pages read as they are
// drawn, so that the benchmarks measure real work.
func TestBenchmarkPages(t *testing.T) {
	p, diags := Read("long.rst", rsttest.LongPage(10000))
	if len(diags) != 0 {
		t.Fatalf("long page: %s", diags)
	}
	n := len(p.Tables) / 2
	if n < 2 || len(p.Tables) != 2*n || len(p.Examples) != n || len(p.Tables[0].Params) != 3 ||
		p.Tables[0].Title != "Table 0 Response body parameters" || p.Tables[0].Caption != "Normal responses" ||
		len(p.Tables[1].Rows) != 2 {
		t.Fatalf("long page: %d tables, %d examples; first: %+v", len(p.Tables), len(p.Examples), p.Tables[0])
	}
	if refs := p.Tables[0].Params[0].DescRefs; len(refs) != 1 || refs[0].Label != "en-us_topic_002021__table1" {
		t.Errorf("long page: references %+v", refs)
	}
	p, diags = Read("table.rst", rsttest.TablePage(10))
	if len(diags) != 0 || len(p.Tables) != 1 || len(p.Tables[0].Params) != 10 || len(p.Tables[0].Params[9].Description) != 3 {
		t.Fatalf("table page: %s %+v", diags, p.Tables)
	}
}
