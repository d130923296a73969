package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/golden"
)

// TestGolden reads each page under testdata/ and compares its outline and
// diagnostics with the .outline file beside it (go test -update rewrites
// them). The seed page's copy, kept by package gen, is read too.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages under testdata: %v", err)
	}
	pages = append(pages, filepath.Join("..", "testdata", "seed_formats", "responses_batch_operation.txt"))
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".txt")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			p, diags := Read(name+".txt", src)
			got := doc.Outline(p) + "--- diagnostics\n" + diags.String()
			golden.Check(t, filepath.Join("testdata", name+".outline"), []byte(got))
		})
	}
}
