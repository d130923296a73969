package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/golden"
)

// TestGolden reads each testdata/*.md page (and each Markdown twin) and
// compares its outline, with references and diagnostics, to the .outline
// file beside it (go test -update rewrites them).
func TestGolden(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	twins, _ := filepath.Glob(filepath.Join("testdata", "twins", "*.md"))
	pages = append(pages, twins...)
	if len(pages) == 0 {
		t.Fatal("no pages under testdata")
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			src, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			p, diags := Read(filepath.ToSlash(page), src)
			golden.Check(t, strings.TrimSuffix(page, ".md")+".outline", []byte(outline(p, diags)))
		})
	}
}
