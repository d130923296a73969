package gen

import (
	"os"
	"path/filepath"
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
