package doc

import (
	"strings"
	"testing"
)

// TestFoldSpace: the shortcut for folded text gives what folding gives,
// and returns folded text itself.
func TestFoldSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\rb", "a\vb", "a\fb", "a\u00a0b", "a\u0085b",
		"a\u2003b", "a\u3000b", "é ü", "\xff b", "a \xff", "The name (1 to 64).", "x\x00y", "  ", "a b c d",
	} {
		want := strings.Join(strings.Fields(s), " ")
		got := foldSpace(s)
		if got != want {
			t.Errorf("foldSpace(%q) = %q, want %q", s, got, want)
		}
		if isFolded(s) != (s == want) {
			t.Errorf("isFolded(%q) = %v, want %v", s, isFolded(s), s == want)
		}
	}
}

// FuzzFoldSpace holds the shortcut to strings.Fields on any text.
func FuzzFoldSpace(f *testing.F) {
	for _, s := range []string{"a b", " a", "a\u00a0b", "é  ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("foldSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestInlinesText: one inline, several, and blocks of one and several.
func TestInlinesText(t *testing.T) {
	plain := func(s string) *Inline { return &Inline{Kind: Plain, Text: s} }
	para := func(in ...*Inline) *Block { return &Block{Kind: Paragraph, Inlines: in} }
	tests := []struct {
		blocks []*Block
		want   string
	}{
		{nil, ""},
		{[]*Block{para(plain(" one  word "))}, "one word"},
		{[]*Block{para(plain("a "), plain(" b"))}, "a b"},
		{[]*Block{para(plain("a")), para(), para(plain("b"))}, "a\n\nb"},
		{[]*Block{{Kind: List, Items: [][]*Block{{para(plain("x"))}, {para(plain("y"))}}}}, "x\n\ny"},
	}
	for _, tt := range tests {
		if got := BlocksText(tt.blocks); got != tt.want {
			t.Errorf("BlocksText = %q, want %q", got, tt.want)
		}
	}
}
