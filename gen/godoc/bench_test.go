package godoc_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/godoc"
	"github.com/rst2go/rst2go/gen/golden"
)

// BenchmarkLinesCorpus renders (godoc.Comment, as the emitter does) the doc comment of every type and field
// generated from each RST folder of the corpus (see golden.CorpusDir). Bytes are comment bytes written.
func BenchmarkLinesCorpus(b *testing.B) {
	root := golden.CorpusDir(b)
	for _, folder := range []string{"ecs/rst", "ecs-2022/rst", "cbr/rst"} {
		b.Run(strings.ReplaceAll(folder, "/", "_"), func(b *testing.B) {
			var inputs []gen.Input
			filepath.WalkDir(filepath.Join(root, folder), func(p string, d fs.DirEntry, err error) error {
				if err == nil && filepath.Ext(p) == ".rst" {
					data, _ := os.ReadFile(p)
					inputs = append(inputs, gen.Input{Path: p, Data: data})
				}
				return err
			})
			res, err := gen.Generate(inputs, gen.Options{Package: "corpus"})
			if err != nil {
				b.Fatal(err)
			}
			pkg := res.Package
			opts := godoc.Options{Link: func(ref *doc.Ref) (string, bool) {
				name, ok := pkg.Links[ref]
				return name, ok && name != ""
			}}
			var docs [][]*doc.Block
			for _, f := range pkg.Files {
				for _, t := range f.Types {
					docs = append(docs, t.Doc)
					for _, fld := range t.Fields {
						docs = append(docs, fld.Doc)
					}
				}
			}
			size := 0
			for _, d := range docs {
				if c := godoc.Comment("", d, opts); c != "" {
					size += len(c) + 1
				}
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					godoc.Comment("", d, opts)
				}
			}
		})
	}
}
