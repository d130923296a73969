package table

import (
	"strings"
	"testing"
)

func parseFixtureTable(f parseFixture) (*Table, error) {
	if f.kind == "grid" {
		return ParseGrid(f.block)
	}
	return ParseSimple(f.block)
}

func TestParse(t *testing.T) {
	for _, f := range parseFixtures {
		t.Run(f.name, func(t *testing.T) {
			tab, err := parseFixtureTable(f)
			var got string
			if err != nil {
				got = "error " + dumpError(err)
			} else {
				got = dumpTable(tab)
				checkInvariants(t, f.block, tab)
			}
			if got != f.want {
				t.Errorf("%s\ngot:\n%s\nwant:\n%s", strings.Join(f.block, "\n"), got, f.want)
			}
		})
	}
}

func TestIsolate(t *testing.T) {
	for _, f := range isolateFixtures {
		t.Run(f.name, func(t *testing.T) {
			isolate := GridLines
			if f.kind == "simple" {
				isolate = SimpleLines
			}
			n, err := isolate(f.lines)
			gotErr := ""
			if err != nil {
				gotErr = dumpError(err)
			}
			if n != f.n || gotErr != f.err {
				t.Errorf("%s\ngot %d, %q; want %d, %q", strings.Join(f.lines, "\n"), n, gotErr, f.n, f.err)
			}
		})
	}
}

// TestIsolatedTablesParse checks that what the isolate functions accept,
// the parsers accept too, for every fixture that isolates cleanly.
func TestIsolatedTablesParse(t *testing.T) {
	for _, f := range isolateFixtures {
		if f.err != "" {
			continue
		}
		block := f.lines[:f.n]
		parse := ParseGrid
		if f.kind == "simple" {
			parse = ParseSimple
		}
		if _, err := parse(block); err != nil {
			t.Errorf("%s: %v", f.name, err)
		}
	}
}

// TestErrorString checks the message format: a 1-based line, then the
// message.
func TestErrorString(t *testing.T) {
	e := &Error{Line: 2, Col: 5, Msg: "text in column margin"}
	if got, want := e.Error(), "line 3: text in column margin"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSrcLine checks the column arithmetic under the parsers: display
// columns, pads of wide characters, combining marks, tabs and the byte
// offsets they map back to.
func TestSrcLine(t *testing.T) {
	tests := []struct {
		name   string
		line   string
		width  int
		indent int
		cuts   [][2]int // column ranges to cut
		want   []string // cut text
		cols   []int    // srcCol of each range's start
	}{
		{"ascii", "  ab  cd  ", 8, 2, [][2]int{{0, 4}, {4, 8}, {2, 3}, {8, 12}}, []string{"  ab", "  cd", "a", ""}, []int{0, 4, 2, 8}},
		{"three-byte narrow", "≥x ≥", 4, 0, [][2]int{{0, 1}, {1, 4}}, []string{"≥", "x ≥"}, []int{0, 3}},
		{"wide", "名前x", 5, 0, [][2]int{{0, 1}, {1, 3}, {0, 2}, {2, 5}, {4, 5}}, []string{"名", "前", "名", "前x", "x"}, []int{0, 3, 0, 3, 6}},
		{"combining", "e\u0301a", 2, 0, [][2]int{{0, 1}, {1, 2}}, []string{"e\u0301", "a"}, []int{0, 3}},
		{"tab", "a\tb", 9, 0, [][2]int{{0, 3}, {3, 9}, {8, 9}}, []string{"a", "     b", "b"}, []int{0, 1, 2}},
		{"tab stop counts code points", "名\tb", 10, 0, [][2]int{{9, 10}}, []string{"b"}, []int{4}},
		{"leading tab", "\tx", 9, 8, [][2]int{{8, 9}}, []string{"x"}, []int{1}},
		{"trailing unicode space", "a\u00a0\u3000", 1, 0, nil, nil, nil},
		{"form feed", "a\fb", 3, 0, [][2]int{{2, 3}}, []string{"b"}, []int{2}},
		{"truncated utf-8 is one narrow column", "ab\xcc名", 5, 0, [][2]int{{2, 3}, {3, 5}}, []string{"\xcc", "名"}, []int{2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := prepareLine(tt.line)
			if l.width != tt.width || l.indent != tt.indent {
				t.Errorf("width, indent = %d, %d; want %d, %d", l.width, l.indent, tt.width, tt.indent)
			}
			for i, r := range tt.cuts {
				if got := l.cut(r[0], r[1]); got != tt.want[i] {
					t.Errorf("cut(%d, %d) = %q, want %q", r[0], r[1], got, tt.want[i])
				}
				if got := l.srcCol(r[0]); got != tt.cols[i] {
					t.Errorf("srcCol(%d) = %d, want %d", r[0], got, tt.cols[i])
				}
			}
		})
	}
}

// checkInvariants checks what every parsed table promises: cells inside
// the grid and the block, one byte column per text line, within the line,
// and each slot covered by exactly one cell.
func checkInvariants(t testing.TB, block []string, tab *Table) {
	t.Helper()
	if tab.Kind != "grid" && tab.Kind != "simple" {
		t.Fatalf("kind %q", tab.Kind)
	}
	nCols := len(tab.ColWidths)
	if tab.HeadRows < 0 || tab.HeadRows > len(tab.Rows) {
		t.Fatalf("HeadRows %d of %d rows", tab.HeadRows, len(tab.Rows))
	}
	covered := make([][]int, len(tab.Rows))
	for r, row := range tab.Rows {
		if len(row) != nCols {
			t.Fatalf("row %d has %d slots, want %d", r, len(row), nCols)
		}
		covered[r] = make([]int, nCols)
	}
	for r, row := range tab.Rows {
		for c, cell := range row {
			if cell == nil {
				continue
			}
			if cell.Row != r || cell.Col != c {
				t.Fatalf("cell at (%d,%d) says (%d,%d)", r, c, cell.Row, cell.Col)
			}
			if cell.MoreRows < 0 || cell.MoreCols < 0 || r+cell.MoreRows >= len(tab.Rows) || c+cell.MoreCols >= nCols {
				t.Fatalf("cell (%d,%d) spans +%d rows +%d cols outside %dx%d", r, c, cell.MoreRows, cell.MoreCols, len(tab.Rows), nCols)
			}
			if cell.Line < 0 || cell.Line >= len(block) {
				t.Fatalf("cell (%d,%d) line %d outside the block of %d", r, c, cell.Line, len(block))
			}
			if len(cell.Lines) != len(cell.ByteCols) {
				t.Fatalf("cell (%d,%d): %d lines, %d byte columns", r, c, len(cell.Lines), len(cell.ByteCols))
			}
			if cell.Line+len(cell.Lines) > len(block) {
				t.Fatalf("cell (%d,%d) lines run past the block", r, c)
			}
			for k, s := range cell.Lines {
				if strings.ContainsRune(block[cell.Line+k], '\t') {
					continue // expanded text is not in the source
				}
				col := cell.ByteCols[k]
				if s != "" && (col < 0 || col+len(s) > len(block[cell.Line+k]) || block[cell.Line+k][col:col+len(s)] != s) {
					if !strings.ContainsAny(block[cell.Line+k], "\v\f") {
						t.Fatalf("cell (%d,%d) line %d: %q@%d is not in %q", r, c, k, s, col, block[cell.Line+k])
					}
				}
			}
			for i := r; i <= r+cell.MoreRows; i++ {
				for j := c; j <= c+cell.MoreCols; j++ {
					covered[i][j]++
				}
			}
		}
	}
	for r := range covered {
		for c, n := range covered[r] {
			if n != 1 {
				t.Fatalf("slot (%d,%d) covered %d times", r, c, n)
			}
		}
	}
}

// TestPlainASCII checks the word-at-a-time test against the byte loop.
func TestPlainASCII(t *testing.T) {
	slow := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c >= 0x80 || c == '\t' || c == '\v' || c == '\f' {
				return false
			}
		}
		return true
	}
	base := "+-----+ abcdefghijklmnop |"
	for i := range len(base) + 1 {
		for _, c := range []byte{'\t', '\v', '\f', '\n', '\r', 0, 8, 12, 13, 14, 0x1f, ' ', 0x7f, 0x80, 0xc3, 0xff} {
			s := base[:i] + string([]byte{c}) + base[i:]
			if got, want := plainASCII(s), slow(s); got != want {
				t.Errorf("plainASCII(%q) = %v, want %v", s, got, want)
			}
			if got, want := plainASCII(s[:i+1]), slow(s[:i+1]); got != want {
				t.Errorf("plainASCII(%q) = %v, want %v", s[:i+1], got, want)
			}
		}
	}
}
