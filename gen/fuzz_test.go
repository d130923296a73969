package gen

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rst2go/rst2go/gen/gocheck"
)

// FuzzGenerate: whatever a page holds, the whole pipeline gives
// diagnostics and Go that parses, is gofmt-exact and type-checks.
func FuzzGenerate(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*", "*.rst"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := Generate([]Input{{Path: "f.rst", Data: src}}, Options{Package: "fuzz"})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, out := range res.Files {
			files[out.Name] = out.Data
		}
		if err := gocheck.Package(files); err != nil {
			t.Fatalf("%v\ninput:\n%s", err, src)
		}
	})
}
