package emit_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/emit"
	"github.com/rst2go/rst2go/gen/golden"
)

// corpusDir is the folder of real documentation pages (see
// golden.CorpusDir).
func corpusDir(tb testing.TB) string { return golden.CorpusDir(tb) }

// generate runs the whole pipeline over the RST pages under dir.
func generate(tb testing.TB, dir string) *gen.Result {
	tb.Helper()
	inputs := readPages(tb, dir, func(p string) bool { return filepath.Ext(p) == ".rst" })
	if len(inputs) == 0 {
		tb.Skipf("no .rst pages in %s", dir)
	}
	res, err := gen.Generate(inputs, gen.Options{Package: "corpus"})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// BenchmarkFile emits every file of the package generated from each RST
// folder of the corpus (the reader and resolver run once, outside the
// timing). Bytes are bytes of Go source written.
func BenchmarkFile(b *testing.B) {
	for _, folder := range []string{"ecs/rst", "ecs-2022/rst", "cbr/rst"} {
		b.Run(strings.ReplaceAll(folder, "/", "_"), func(b *testing.B) {
			res := generate(b, filepath.Join(corpusDir(b), folder))
			size := 0
			for _, f := range res.Files {
				size += len(f.Data)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range res.Package.Files {
					if _, err := emit.File(res.Package, f); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
