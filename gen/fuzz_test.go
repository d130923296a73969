package gen

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/rst2go/rst2go/gen/gocheck"
)

// fuzzFormats are the formats FuzzGenerate reads its input as, by the
// input's first byte.
var fuzzFormats = []string{"rst", "html", "md", "text"}

// FuzzGenerate: whatever a page holds, in any format, the whole pipeline
// gives diagnostics and Go that parses, is gofmt-exact and type-checks.
func FuzzGenerate(f *testing.F) {
	for i, format := range fuzzFormats {
		var seeds []string
		for ext, fm := range Formats {
			if fm == format {
				for _, pattern := range []string{"testdata/*/*", "testdata/*/*/*", "*/testdata/*"} {
					m, _ := filepath.Glob(pattern + ext)
					seeds = append(seeds, m...)
				}
			}
		}
		for _, s := range seeds {
			if data, err := os.ReadFile(s); err == nil {
				f.Add(uint8(i), data)
			}
		}
	}
	// Whole pages of the corpus, when it is there, so that the fuzzer
	// mutates real pages (tables, references, nesting) and not only small
	// fixtures: every 8th page of each folder, about 80.
	for _, seed := range corpusSeeds() {
		f.Add(seed.format, seed.data)
	}
	f.Fuzz(func(t *testing.T, format uint8, src []byte) {
		in := Input{Path: "f", Data: src, Format: fuzzFormats[int(format)%len(fuzzFormats)]}
		res, err := Generate([]Input{in}, Options{Package: "fuzz"})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, out := range res.Files {
			files[out.Name] = out.Data
		}
		if err := gocheck.Package(files); err != nil {
			t.Fatalf("%v\n%s input:\n%s", err, in.Format, src)
		}
	})
}

type fuzzSeed struct {
	format uint8
	data   []byte
}

// corpusSeeds reads every 8th page of the corpus folders ($RST2GO_CORPUS,
// else shared/corpus beside the repository), or nothing without them.
func corpusSeeds() []fuzzSeed {
	dir := os.Getenv("RST2GO_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "corpus")
	}
	var seeds []fuzzSeed
	for i, format := range fuzzFormats {
		var pages []string
		for ext, fm := range Formats {
			if fm == format {
				m, _ := filepath.Glob(filepath.Join(dir, "*", "*", "*"+ext))
				pages = append(pages, m...)
			}
		}
		slices.Sort(pages)
		for k := 0; k < len(pages); k += 8 {
			if data, err := os.ReadFile(pages[k]); err == nil {
				seeds = append(seeds, fuzzSeed{uint8(i), data})
			}
		}
	}
	return seeds
}
