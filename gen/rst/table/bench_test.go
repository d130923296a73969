package table

import (
	"fmt"
	"strings"
	"testing"
)

// longGrid draws a grid table of rows one-line rows and three columns, a
// header row first.
func longGrid(rows int) []string {
	border := "+--------------------+------------+----------------------------------------------+"
	lines := []string{
		border,
		"| Parameter          | Type       | Description                                  |",
		strings.ReplaceAll(border, "-", "="),
	}
	for i := range rows {
		lines = append(lines,
			fmt.Sprintf("| param_%-12d | String     | Specifies parameter %-24d |", i, i),
			border)
	}
	return lines
}

// wideGrid draws a table like the parameter tables of real API pages: four
// columns, the last one wide, cells of several lines holding a bold label,
// a value list and a blank line between paragraphs.
func wideGrid(rows int) []string {
	border := "+-----------------------+-----------+------------------+--------------------------------------------------------------------------------------------+"
	row := func(a, b, c, d string) string {
		return fmt.Sprintf("| %-21s | %-9s | %-16s | %-90s |", a, b, c, d)
	}
	lines := []string{
		border,
		row("Parameter", "Mandatory", "Type", "Description"),
		strings.ReplaceAll(border, "-", "="),
	}
	for i := range rows {
		lines = append(lines,
			row(fmt.Sprintf("server_%d", i), "Yes", "Array of objects", "Specifies the ECS details. For details, see :ref:`Table 2 <en-us_topic_002021__table1>`."),
			row("", "", "", ""),
			row("", "", "", "**Definition**"),
			row("", "", "", ""),
			row("", "", "", "The value ≥ 1 and ≤ 1000 (in MiB), defaults to 20."),
			row("", "", "", ""),
			row("", "", "", "-  **true**: the disk is shared."),
			row("", "", "", "-  **false**: the disk is not shared."),
			border)
	}
	return lines
}

// simpleTable draws a simple table of rows rows, some with a continuation
// line.
func simpleTable(rows int) []string {
	border := "================== ========= =============================================="
	lines := []string{border, "Parameter          Mandatory Description", border}
	for i := range rows {
		lines = append(lines, fmt.Sprintf("param_%-12d Yes       Specifies parameter %d.", i, i))
		if i%3 == 0 {
			lines = append(lines, "                             The value ≥ 1 and ≤ 1000; this line goes on past the border.")
		}
	}
	return append(lines, border)
}

func blockBytes(lines []string) int64 {
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	return int64(n)
}

func BenchmarkParseGrid(b *testing.B) {
	for _, bc := range []struct {
		name  string
		block []string
	}{
		{"rows=10000", longGrid(10000)},
		{"wide4col", wideGrid(200)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(blockBytes(bc.block))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseGrid(bc.block); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGridLines(b *testing.B) {
	block := wideGrid(200)
	b.SetBytes(blockBytes(block))
	b.ReportAllocs()
	for b.Loop() {
		if n, err := GridLines(block); err != nil || n != len(block) {
			b.Fatal(n, err)
		}
	}
}

func BenchmarkParseSimple(b *testing.B) {
	block := simpleTable(10000)
	b.SetBytes(blockBytes(block))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseSimple(block); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchmarkTables checks that the benchmark tables parse to what they
// draw, so that the benchmarks measure real work.
func TestBenchmarkTables(t *testing.T) {
	tab, err := ParseGrid(longGrid(10))
	if err != nil || len(tab.Rows) != 11 || tab.HeadRows != 1 || len(tab.ColWidths) != 3 {
		t.Fatalf("long grid: %v, %+v", err, tab)
	}
	tab, err = ParseGrid(wideGrid(3))
	if err != nil || len(tab.Rows) != 4 || len(tab.ColWidths) != 4 || len(tab.Rows[1][3].Lines) != 8 {
		t.Fatalf("wide grid: %v, %+v", err, tab)
	}
	tab, err = ParseSimple(simpleTable(10))
	if err != nil || len(tab.Rows) != 11 || tab.HeadRows != 1 || tab.ColWidths[2] <= 46 {
		t.Fatalf("simple: %v, %+v", err, tab)
	}
	if n, err := SimpleLines(append(simpleTable(5), "", "after")); err != nil || n != len(simpleTable(5)) {
		t.Fatalf("simple lines: %d, %v", n, err)
	}
}
