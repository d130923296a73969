package markdown

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/emit"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/resolve"
	"github.com/rst2go/rst2go/gen/rst"
	"github.com/rst2go/rst2go/gen/source"
)

// The reader's contract: a page written in Markdown reads as the same page
// written in RST. These tests hold it to that on pairs of pages with the
// same content, comparing the Go that comes out and, where the two pages
// have the same structure, the whole model apart from positions.
//
// They run the resolver and the emitter directly rather than gen.Generate,
// which would tie this package's tests to every other reader.

// TestSeedTwin: the seed page's Markdown rendering (tables nested in the
// list items, as the published HTML has them) gives the Go the RST source
// gives, byte for byte apart from the header line naming the source.
func TestSeedTwin(t *testing.T) {
	rstPath := filepath.Join("..", "..", "spec", "ecs", "responses_batch_operation.rst")
	mdPath := filepath.Join("testdata", "responses_batch_operation.md")
	want := generate(t, readWith(t, rst.Read, rstPath, "responses_batch_operation.rst"))
	got := generate(t, readWith(t, Read, mdPath, "responses_batch_operation.md"))
	if got != want {
		t.Errorf("Go from %s differs from Go from %s:\n%s", mdPath, rstPath, golden.FirstDiff(want, got))
	}
}

// TestTwins: each testdata/twins/NAME.md reads as NAME.rst does: the same
// model once positions and table forms are set aside, and the same Go.
func TestTwins(t *testing.T) {
	mds, err := filepath.Glob(filepath.Join("testdata", "twins", "*.md"))
	if err != nil || len(mds) == 0 {
		t.Fatal("no twins in testdata/twins")
	}
	for _, md := range mds {
		name := strings.TrimSuffix(filepath.Base(md), ".md")
		t.Run(name, func(t *testing.T) {
			a := readWith(t, rst.Read, strings.TrimSuffix(md, ".md")+".rst", name+".rst")
			b := readWith(t, Read, md, name+".md")
			if want, got := modelJSON(t, a), modelJSON(t, b); got != want {
				t.Errorf("model differs from the RST twin's:\n%s", golden.FirstDiff(want, got))
			}
			if want, got := generate(t, a), generate(t, b); got != want {
				t.Errorf("Go differs from the RST twin's:\n%s", golden.FirstDiff(want, got))
			}
		})
	}
}

type readFunc func(path string, src []byte) (*doc.Page, source.List)

func readWith(t *testing.T, read readFunc, file, path string) *doc.Page {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p, diags := read(path, src)
	if len(diags) > 0 {
		t.Errorf("%s: unexpected diagnostics:\n%s", file, diags)
	}
	return p
}

// generate resolves one page and renders it, without the header line that
// names the source.
func generate(t *testing.T, p *doc.Page) string {
	t.Helper()
	pkg, _ := resolve.Resolve([]*doc.Page{p}, resolve.Options{Package: "twin"})
	var b strings.Builder
	for _, f := range pkg.Files {
		data, err := emit.File(pkg, f)
		if err != nil {
			t.Fatal(err)
		}
		for line := range bytes.Lines(data) {
			if !bytes.HasPrefix(line, []byte("// Source: ")) {
				b.Write(line)
			}
		}
	}
	return b.String()
}

// modelJSON is the page as JSON without what differs between formats by
// nature: positions, the path, the format and the table forms.
func modelJSON(t *testing.T, p *doc.Page) string {
	t.Helper()
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	out, err := json.MarshalIndent(strip(v), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func strip(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k := range v {
			switch k {
			case "pos", "titlePos", "namePos", "typePos", "descPos", "path", "format", "form":
				delete(v, k)
			default:
				v[k] = strip(v[k])
			}
		}
	case []any:
		for i := range v {
			v[i] = strip(v[i])
		}
	}
	return v
}
