package text

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// BenchmarkPathological reads inputs built to defeat look-ahead (runs of
// header words, titles, open brackets, notes, mentions, deep lists) at two
// sizes sixteen times apart: ns/op must grow about sixteenfold (linear),
// not 256-fold. Each once was, or could have been, quadratic.
func BenchmarkPathological(b *testing.B) {
	const table = "Parameter\n\nType\n\nDescription\n\nid\n\nString\n\n"
	inputs := map[string]func(n int) string{
		"header words":  func(n int) string { return strings.Repeat("Parameter\n\nMandatory\n\nType\n\nDescription\n\n", n) },
		"tiny blocks":   func(n int) string { return strings.Repeat("a\n\n", n) },
		"one line":      func(n int) string { return strings.Repeat("Table 1 x ", n) },
		"open brackets": func(n int) string { return strings.Repeat("{\n\n", n) },
		"notes":         func(n int) string { return table + strings.Repeat("NOTE:\n\n", n) },
		"table titles":  func(n int) string { return strings.Repeat("Table 1 x\n\n", n) },
		"list items":    func(n int) string { return table + strings.Repeat("  • a\n\n    b\n\n", n) },
		"weak rows": func(n int) string {
			return "Parameter\n\nType\n\nDescription\n\n" + strings.Repeat("Name\n\nString\n\n", n)
		},
		"mentions":       func(n int) string { return table + strings.Repeat("see Table 1 ", n) },
		"headings":       func(n int) string { return strings.Repeat("Request Parameters\n\n", n) },
		"nested bullets": func(n int) string { return strings.Repeat("  • x\n", n) + strings.Repeat("      • y\n", n) },
	}
	names := make([]string, 0, len(inputs))
	for name := range inputs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		for _, n := range []int{1000, 16000} {
			src := []byte(inputs[name](n))
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					Read("t.txt", src)
				}
			})
		}
	}
}
