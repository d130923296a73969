package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// TestBoundLinks: the shapes that make goldmark quadratic are bounded in
// place (same length, bytes become spaces); ordinary text is not touched.
func TestBoundLinks(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		first     int // the first byte changed, -1 for none
		spaces    int // bytes made spaces
	}{
		{"closed links", strings.Repeat("[a](b) ", 1000), -1, 0},
		{"a few open links", strings.Repeat("[a](", maxOpenLinks), -1, 0},
		{"many open links", "x\n\n" + strings.Repeat("[a](", 1000), 6, 1000},
		{"open links in separate blocks", strings.Repeat("[a](\n\n", 1000), -1, 0},
		{"open links and closed ones", strings.Repeat("[a](b) [c](", 100), 10, 100},
		{"many lines with brackets", strings.Repeat("[a]\n", 3000), 2, 3000},
		{"many lines, few brackets", "[a]\n" + strings.Repeat("text\n", 100000), -1, 0},
	} {
		out, first := boundLinks([]byte(tc.src))
		if len(out) != len(tc.src) || first != tc.first {
			t.Errorf("%s: length %d (want %d), first change at %d (want %d)", tc.name, len(out), len(tc.src), first, tc.first)
		}
		if n := strings.Count(string(out), " ") - strings.Count(tc.src, " "); n != tc.spaces {
			t.Errorf("%s: %d bytes made spaces, want %d", tc.name, n, tc.spaces)
		}
	}
	_, diags := Read("p.md", []byte("# T\n\n"+strings.Repeat("[a](", 100)+"\n"))
	if s := diags.String(); !strings.Contains(s, "p.md:3:4: warning: a block with more than 64 links left open") {
		t.Errorf("diagnostics:\n%s", s)
	}
}

// TestBoundNesting: container markers past the depth the reader follows
// become spaces, on that line only.
func TestBoundNesting(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		first     int
		spaces    int
	}{
		{"shallow", strings.Repeat("> ", 60) + "x\n", -1, 0},
		{"deep quotes", "ok\n" + strings.Repeat(">", 1000) + " x\n", 3, 1000 - maxDepth - 1},
		{"deep lists", strings.Repeat("- ", 1000) + "x\n", 0, 1000 - maxDepth - 1},
		{"deep ordered", strings.Repeat("12. ", 1000) + "x\n", 0, 3 * (1000 - maxDepth - 1)},
		{"dashes in text", strings.Repeat("a - ", 1000) + "\n", -1, 0},
	} {
		out, first := boundNesting([]byte(tc.src))
		if len(out) != len(tc.src) || first != tc.first {
			t.Errorf("%s: length %d (want %d), first change at %d (want %d)", tc.name, len(out), len(tc.src), first, tc.first)
		}
		if n := strings.Count(string(out), " ") - strings.Count(tc.src, " "); n != tc.spaces {
			t.Errorf("%s: %d bytes made spaces, want %d", tc.name, n, tc.spaces)
		}
	}
}

// BenchmarkHostileMarkdown: pages goldmark alone reads in quadratic time;
// per byte, the time must not grow with the size.
func BenchmarkHostileMarkdown(b *testing.B) {
	for _, pat := range []string{"[a](", "![a](", "[a]\n", "[a](\n", ">", "- ", "1. ", "> - "} {
		for _, n := range []int{10000, 40000} {
			src := []byte("# T\n\n" + strings.Repeat(pat, n) + " x\n")
			b.Run(fmt.Sprintf("%q/n=%d", pat, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					Read("p.md", src)
				}
			})
		}
	}
}
