package resolve

import (
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
)

func TestOutputNames(t *testing.T) {
	long := strings.Repeat("very_long_name_", 30) // 450 bytes
	for _, tc := range []struct {
		name  string
		paths []string
		want  []string
	}{
		{"plain", []string{"docs/creating_an_ecs.rst"}, []string{"creating_an_ecs.go"}},
		{"parents until distinct", []string{"a/x/p.rst", "b/x/p.rst"}, []string{"a_x_p.go", "b_x_p.go"}},
		// The collision trio: the two that stay equal must not take the
		// third page's name.
		{"collision trio", []string{"docs/d/a-b.rst", "docs/d/a_b.rst", "docs_d_a_b_2.rst"},
			[]string{"docs_d_a_b.go", "docs_d_a_b_3.go", "docs_d_a_b_2.go"}},
		{"build suffixes", []string{"x_linux.rst", "x_test.rst"}, []string{"x_linux_page.go", "x_test_page.go"}},
		{"windows names", []string{"con.rst", "Aux.md", "com1.rst", "lpt9.rst", "console.rst"},
			[]string{"con_page.go", "aux_page.go", "com1_page.go", "lpt9_page.go", "console.go"}},
		{"long names", []string{long + "a.rst", long + "b.rst"},
			[]string{long[:91] + "_cc40bf1f.go", long[:91] + "_5549eea5.go"}}, // crc32 checked with Python zlib
	} {
		var pages []*doc.Page
		for _, p := range tc.paths {
			pages = append(pages, &doc.Page{Path: p})
		}
		names := outputNames(pages)
		seen := map[string]bool{}
		for i, p := range pages {
			got := names[p]
			if got != tc.want[i] {
				t.Errorf("%s: %s → %s, want %s", tc.name, p.Path, got, tc.want[i])
			}
			if seen[got] || len(got) > maxStem+len("_page.go") {
				t.Errorf("%s: %s: name %s repeated or too long", tc.name, p.Path, got)
			}
			seen[got] = true
		}
	}
}
