package html

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/source"
)

// TestGolden reads each testdata/*.html page and compares what it made of
// it with testdata/*.outline: the outline, the parameters of each parameter
// table with their references, and the diagnostics. Description cells say
// where their text belongs ("DESC: widget.size"), so a golden shows at a
// glance where text landed. go test -update rewrites the goldens.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages under testdata: %v", err)
	}
	for _, path := range pages {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p, diags := Read(filepath.Base(path), src)
			golden.Check(t, strings.TrimSuffix(path, ".html")+".outline", []byte(render(p, diags)))
		})
	}
}

// render is a page's outline followed by its parameters and diagnostics.
func render(p *doc.Page, diags source.List) string {
	var b strings.Builder
	b.WriteString(doc.Outline(p))
	for i, t := range p.Tables {
		if t.Kind != doc.Parameters {
			continue
		}
		fmt.Fprintf(&b, "params of table %d:\n", i)
		for _, pa := range t.Params {
			fmt.Fprintf(&b, "  %s %q type=%q mandatory=%q (%s)", pa.Pos, pa.Name, pa.Type, pa.MandatoryText, pa.Mandatory)
			for _, group := range []struct {
				name string
				refs []*doc.Ref
			}{{"name", pa.NameRefs}, {"type", pa.TypeRefs}, {"desc", pa.DescRefs}} {
				for _, r := range group.refs {
					fmt.Fprintf(&b, " %s-ref=%s", group.name, refText(r))
				}
			}
			fmt.Fprintf(&b, "\n    %q\n", doc.BlocksText(pa.Description))
		}
	}
	if len(diags) > 0 {
		b.WriteString("diagnostics:\n")
		b.WriteString(diags.String())
	}
	return b.String()
}

func refText(r *doc.Ref) string {
	switch {
	case r.URL != "":
		return r.URL
	case r.Page != "":
		return r.Page + "#" + r.Label
	}
	return "#" + r.Label
}
