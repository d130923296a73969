package table

import (
	"errors"
	"fmt"
	"strings"
)

// A parseFixture is a table and what parsing it gives: the table in the
// form dumpTable writes, or "error L:C: message" with a 0-based line and
// byte column. Every expectation here was checked against docutils 0.19's
// GridTableParser and SimpleTableParser (see the package comment for the
// places where this package reports errors differently).
type parseFixture struct {
	name  string
	kind  string // "grid" or "simple"
	block []string
	want  string
}

// An isolateFixture is input starting with a table border and how many
// lines GridLines or SimpleLines give the table, checked against docutils'
// Body.isolate_grid_table and Body.isolate_simple_table.
type isolateFixture struct {
	name  string
	kind  string
	lines []string
	n     int
	err   string // "" or "L:C: message"
}

// dumpTable writes a table one slot a line: "(row,col) -" for a slot
// covered by another cell, else the cell's spans, first line and text
// lines, each quoted and followed by "@" and its byte column.
func dumpTable(t *Table) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s widths=%v head=%d\n", t.Kind, t.ColWidths, t.HeadRows)
	for r, row := range t.Rows {
		for c, cell := range row {
			fmt.Fprintf(&b, "(%d,%d)", r, c)
			if cell == nil {
				b.WriteString(" -\n")
				continue
			}
			if cell.MoreRows > 0 {
				fmt.Fprintf(&b, " rows+%d", cell.MoreRows)
			}
			if cell.MoreCols > 0 {
				fmt.Fprintf(&b, " cols+%d", cell.MoreCols)
			}
			fmt.Fprintf(&b, " line %d:", cell.Line)
			for i, s := range cell.Lines {
				fmt.Fprintf(&b, " %q@%d", s, cell.ByteCols[i])
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// dumpError writes an error as "L:C: message".
func dumpError(err error) string {
	var e *Error
	if !errors.As(err, &e) {
		return fmt.Sprintf("not an *Error: %v", err)
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

// golden joins lines with newlines and ends them with one.
func golden(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

var parseFixtures = []parseFixture{
	{
		name: "grid with header",
		kind: "grid",
		block: []string{
			"+-----------+--------+",
			"| Parameter | Type   |",
			"+===========+========+",
			"| name      | String |",
			"+-----------+--------+",
			"| id        | Int    |",
			"+-----------+--------+",
		},
		want: golden(
			"grid widths=[11 8] head=1",
			`(0,0) line 1: " Parameter"@1`,
			`(0,1) line 1: " Type"@13`,
			`(1,0) line 3: " name"@1`,
			`(1,1) line 3: " String"@13`,
			`(2,0) line 5: " id"@1`,
			`(2,1) line 5: " Int"@13`,
		),
	},
	{
		name: "grid without header",
		kind: "grid",
		block: []string{
			"+---+-----+",
			"| a | bcd |",
			"+---+-----+",
			"|   | e   |",
			"+---+-----+",
		},
		want: golden(
			"grid widths=[3 5] head=0",
			`(0,0) line 1: " a"@1`,
			`(0,1) line 1: " bcd"@5`,
			`(1,0) line 3: ""@1`,
			`(1,1) line 3: " e"@5`,
		),
	},
	{
		name: "grid multi-line and multi-paragraph cells",
		kind: "grid",
		block: []string{
			"+------+-------------------+",
			"| Name | Description       |",
			"+======+===================+",
			"| id   | The first line    |",
			"|      | goes on here.     |",
			"|      |                   |",
			"|      | A new paragraph.  |",
			"+------+-------------------+",
		},
		want: golden(
			"grid widths=[6 19] head=1",
			`(0,0) line 1: " Name"@1`,
			`(0,1) line 1: " Description"@8`,
			`(1,0) line 3: " id"@1 ""@1 ""@1 ""@1`,
			`(1,1) line 3: " The first line"@8 " goes on here."@8 ""@8 " A new paragraph."@8`,
		),
	},
	{
		name: "grid row and column spans",
		kind: "grid",
		block: []string{
			"+--------+-------+-------+",
			"| head 1 | head 2        |",
			"+========+=======+=======+",
			"| a      | b     | c     |",
			"+--------+ spans |       |",
			"| d      | rows  |       |",
			"+--------+-------+-------+",
			"| e spans columns        |",
			"+------------------------+",
		},
		want: golden(
			"grid widths=[8 7 7] head=1",
			`(0,0) line 1: " head 1"@1`,
			`(0,1) cols+1 line 1: " head 2"@10`,
			`(0,2) -`,
			`(1,0) line 3: " a"@1`,
			`(1,1) rows+1 line 3: " b"@10 " spans"@10 " rows"@10`,
			`(1,2) rows+1 line 3: " c"@18 ""@18 ""@18`,
			`(2,0) line 5: " d"@1`,
			`(2,1) -`,
			`(2,2) -`,
			`(3,0) cols+2 line 7: " e spans columns"@1`,
			`(3,1) -`,
			`(3,2) -`,
		),
	},
	{
		name: "grid cell with bullet list and literal block",
		kind: "grid",
		block: []string{
			"+-------+----------------------+",
			"| body  | - item one           |",
			"|       | - item two           |",
			"|       |                      |",
			"|       | Example::            |",
			"|       |                      |",
			"|       |     {\"id\": 1}        |",
			"+-------+----------------------+",
		},
		want: golden(
			"grid widths=[7 22] head=0",
			`(0,0) line 1: " body"@1 ""@1 ""@1 ""@1 ""@1 ""@1`,
			`(0,1) line 1: " - item one"@9 " - item two"@9 ""@9 " Example::"@9 ""@9 "     {\"id\": 1}"@9`,
		),
	},
	{
		name: "grid with wide and multi-byte characters",
		kind: "grid",
		block: []string{
			"+-------+--------+",
			"| ≥ 1   | 名前   |",
			"+-------+--------+",
			"| x ≥ y | 値 ≥ 0 |",
			"+-------+--------+",
		},
		want: golden(
			"grid widths=[7 8] head=0",
			`(0,0) line 1: " ≥ 1"@1`,
			`(0,1) line 1: " 名前"@11`,
			`(1,0) line 3: " x ≥ y"@1`,
			`(1,1) line 3: " 値 ≥ 0"@11`,
		),
	},
	{
		name: "grid with a combining mark",
		kind: "grid",
		block: []string{
			"+------+-----+",
			"| cafe\u0301 | x   |",
			"+------+-----+",
		},
		want: golden(
			"grid widths=[6 5] head=0",
			"(0,0) line 1: \" cafe\u0301\"@1",
			`(0,1) line 1: " x"@10`,
		),
	},
	{
		name: "grid indented",
		kind: "grid",
		block: []string{
			"    +-----+-----+",
			"    | a   | b   |",
			"    +=====+=====+",
			"    | c   | ≥ d |",
			"    +-----+-----+",
		},
		want: golden(
			"grid widths=[5 5] head=1",
			`(0,0) line 1: " a"@5`,
			`(0,1) line 1: " b"@11`,
			`(1,0) line 3: " c"@5`,
			`(1,1) line 3: " ≥ d"@11`,
		),
	},
	{
		name: "grid with tabs",
		kind: "grid",
		block: []string{
			"\t+-------+------------+",
			"\t| a\t| b          |",
			"\t+-------+------------+",
			"\t| c     |\tx    |",
			"\t+-------+------------+",
		},
		want: golden(
			"grid widths=[7 12] head=0",
			`(0,0) line 1: " a"@2`,
			`(0,1) line 1: " b"@6`,
			`(1,0) line 3: " c"@2`,
			`(1,1) line 3: "       x"@10`,
		),
	},
	{
		name: "grid with text ending in wide space",
		kind: "grid",
		block: []string{
			"+------+",
			"| a\u3000  |",
			"+------+",
		},
		want: golden(
			"grid widths=[6] head=0",
			`(0,0) line 1: " a\u3000"@1`,
		),
	},
	{
		name: "grid single border line",
		kind: "grid",
		block: []string{
			"+-----+",
		},
		want: golden(
			"grid widths=[] head=0",
		),
	},
	{
		name: "grid parse incomplete",
		kind: "grid",
		block: []string{
			"+-----+-----+",
			"| a   | b   |",
			"+-----+ x   |",
			"| c     d   |",
			"+-----------+",
		},
		want: "error 0:6: malformed table; parse incomplete",
	},
	{
		name: "grid parse incomplete at broken bottom",
		kind: "grid",
		block: []string{
			"+-----+-----+",
			"| a   | b   |",
			"+-----+-----+",
			"| c   | d   |",
			"+-----+--x--+",
		},
		want: "error 2:6: malformed table; parse incomplete",
	},
	{
		name: "grid right border missing",
		kind: "grid",
		block: []string{
			"+-----+-----+",
			"| a   | b   |",
			"| c   | d",
			"+-----+-----+",
		},
		want: "error 2:9: right border not aligned or missing",
	},
	{
		name: "grid two head/body separators",
		kind: "grid",
		block: []string{
			"+-----+",
			"| a   |",
			"+=====+",
			"| b   |",
			"+=====+",
			"| c   |",
			"+-----+",
		},
		want: "error 4:0: multiple head/body row separators (table lines 3 and 5); only one allowed",
	},
	{
		name: "grid head/body separator last",
		kind: "grid",
		block: []string{
			"+-----+",
			"| a   |",
			"+=====+",
		},
		want: "error 2:0: the head/body row separator may not be the first or last line of the table",
	},
	{
		name: "simple with header",
		kind: "simple",
		block: []string{
			"=========  ======  ===========",
			"Parameter  Type    Description",
			"=========  ======  ===========",
			"name       String  The name.",
			"id         Int     The ID.",
			"=========  ======  ===========",
		},
		want: golden(
			"simple widths=[9 6 11] head=1",
			`(0,0) line 1: "Parameter"@0`,
			`(0,1) line 1: "Type"@11`,
			`(0,2) line 1: "Description"@19`,
			`(1,0) line 3: "name"@0`,
			`(1,1) line 3: "String"@11`,
			`(1,2) line 3: "The name."@19`,
			`(2,0) line 4: "id"@0`,
			`(2,1) line 4: "Int"@11`,
			`(2,2) line 4: "The ID."@19`,
		),
	},
	{
		name: "simple without header",
		kind: "simple",
		block: []string{
			"=====  =====",
			"1      one",
			"2      two",
			"=====  =====",
		},
		want: golden(
			"simple widths=[5 5] head=0",
			`(0,0) line 1: "1"@0`,
			`(0,1) line 1: "one"@7`,
			`(1,0) line 2: "2"@0`,
			`(1,1) line 2: "two"@7`,
		),
	},
	{
		name: "simple continuation lines",
		kind: "simple",
		block: []string{
			"=====  ==========",
			"a      first line",
			"       second line",
			"",
			"       - a list",
			"b      other",
			"=====  ==========",
		},
		want: golden(
			"simple widths=[5 11] head=0",
			`(0,0) line 1: "a"@0 ""@0 ""@0 ""@0`,
			`(0,1) line 1: "first line"@7 "second line"@7 ""@7 "- a list"@7`,
			`(1,0) line 5: "b"@0`,
			`(1,1) line 5: "other"@7`,
		),
	},
	{
		name: "simple column span underline",
		kind: "simple",
		block: []string{
			"=====  =====  ======",
			"   Inputs     Output",
			"------------  ------",
			"A      B      A or B",
			"=====  =====  ======",
			"False  False  False",
			"True   False  True",
			"=====  =====  ======",
		},
		want: golden(
			"simple widths=[5 5 6] head=2",
			`(0,0) cols+1 line 1: "   Inputs"@0`,
			`(0,1) -`,
			`(0,2) line 1: "Output"@14`,
			`(1,0) line 3: "A"@0`,
			`(1,1) line 3: "B"@7`,
			`(1,2) line 3: "A or B"@14`,
			`(2,0) line 5: "False"@0`,
			`(2,1) line 5: "False"@7`,
			`(2,2) line 5: "False"@14`,
			`(3,0) line 6: "True"@0`,
			`(3,1) line 6: "False"@7`,
			`(3,2) line 6: "True"@14`,
		),
	},
	{
		name: "simple overflowing last column",
		kind: "simple",
		block: []string{
			"====  ====",
			"a     short",
			"b     a much longer text",
			"====  ====",
		},
		want: golden(
			"simple widths=[4 18] head=0",
			`(0,0) line 1: "a"@0`,
			`(0,1) line 1: "short"@6`,
			`(1,0) line 2: "b"@0`,
			`(1,1) line 2: "a much longer text"@6`,
		),
	},
	{
		name: "simple text in margin",
		kind: "simple",
		block: []string{
			"=====  =====",
			"a      b",
			"abcdefg h",
			"=====  =====",
		},
		want: "error 2:5: text in column margin",
	},
	{
		name: "simple wide character in margin",
		kind: "simple",
		block: []string{
			"====  ====",
			"abc名  x",
			"====  ====",
		},
		want: "error 1:6: text in column margin",
	},
	{
		name: "simple with wide and multi-byte characters",
		kind: "simple",
		block: []string{
			"======  =====",
			"名前    ≥ 0",
			"値      x ≥ y",
			"======  =====",
		},
		want: golden(
			"simple widths=[6 5] head=0",
			`(0,0) line 1: "名前"@0`,
			`(0,1) line 1: "≥ 0"@10`,
			`(1,0) line 2: "値"@0`,
			`(1,1) line 2: "x ≥ y"@9`,
		),
	},
	{
		name: "simple indented",
		kind: "simple",
		block: []string{
			"  ===  ===",
			"  a    b",
			"       c",
			"  ===  ===",
		},
		want: golden(
			"simple widths=[3 3] head=0",
			`(0,0) line 1: "a"@2 ""@2`,
			`(0,1) line 1: "b"@7 "c"@7`,
		),
	},
	{
		name: "simple with tabs",
		kind: "simple",
		block: []string{
			"=====   =====",
			"a\tb",
			"=====   =====",
		},
		want: golden(
			"simple widths=[5 5] head=0",
			`(0,0) line 1: "a"@0`,
			`(0,1) line 1: "b"@2`,
		),
	},
	{
		name: "simple empty header row and dropped text",
		kind: "simple",
		block: []string{
			"===  ===",
			"===  ===",
			"     lost",
			"a    b",
			"===  ===",
		},
		want: golden(
			"simple widths=[3 3] head=1",
			`(0,0) line 1:`,
			`(0,1) line 1:`,
			`(1,0) line 3: "a"@0`,
			`(1,1) line 3: "b"@5`,
		),
	},
	{
		name: "simple column span incomplete",
		kind: "simple",
		block: []string{
			"===  ===",
			"a    b",
			"-----",
			"===  ===",
		},
		want: "error 2:0: column span incomplete",
	},
	{
		name: "simple column span alignment problem",
		kind: "simple",
		block: []string{
			"===  ===",
			"a    b",
			"--  ----",
			"===  ===",
		},
		want: "error 2:0: column span alignment problem",
	},
}

var isolateFixtures = []isolateFixture{
	{
		name: "grid followed by a paragraph",
		kind: "grid",
		lines: []string{
			"+---+---+",
			"| a | b |",
			"+---+---+",
			"",
			"Text after.",
		},
		n: 3,
	},
	{
		name: "grid ended by a line that is not a table line",
		kind: "grid",
		lines: []string{
			"+---+---+",
			"| a | b |",
			"+---+---+",
			"| c | d |",
			"+---+---+",
			"Text after.",
		},
		n: 5,
	},
	{
		name: "grid bottom is the last border line",
		kind: "grid",
		lines: []string{
			"+---+---+",
			"| a | b |",
			"+---+---+",
			"| c | d |",
			"",
		},
		n: 3,
	},
	{
		name: "grid bottom border missing",
		kind: "grid",
		lines: []string{
			"+---+---+",
			"| a | b |",
			"| c | d |",
			"",
			"+---+---+",
		},
		n:   3,
		err: "2:0: bottom border missing or corrupt",
	},
	{
		name: "grid right border not aligned",
		kind: "grid",
		lines: []string{
			"+---+---+",
			"| a | b  |",
			"+---+---+",
		},
		n:   3,
		err: "1:8: right border not aligned or missing",
	},
	{
		name: "grid indented ended by outdent",
		kind: "grid",
		lines: []string{
			"  +---+",
			"  | a |",
			"  +---+",
			"after",
		},
		n: 3,
	},
	{
		name: "grid ended by more indentation",
		kind: "grid",
		lines: []string{
			"+---+",
			"| a |",
			"+---+",
			"  indented",
		},
		n: 3,
	},
	{
		name: "grid with wide characters",
		kind: "grid",
		lines: []string{
			"+------+",
			"| 名前 |",
			"+------+",
			"",
		},
		n: 3,
	},
	{
		name:  "not a grid top",
		kind:  "grid",
		lines: []string{"+=====+", "| a   |", "+-----+"},
		n:     0,
		err:   "0:0: grid table must start with a border line like +---+",
	},
	{
		name: "simple followed by a paragraph",
		kind: "simple",
		lines: []string{
			"===  ===",
			"a    b",
			"===  ===",
			"",
			"Text after.",
		},
		n: 3,
	},
	{
		name: "simple with header followed by a paragraph",
		kind: "simple",
		lines: []string{
			"===  ===",
			"h1   h2",
			"===  ===",
			"a    b",
			"",
			"c    d",
			"===  ===",
			"",
			"===  ===",
			"Text after.",
		},
		n: 7,
	},
	{
		name: "simple at end of input",
		kind: "simple",
		lines: []string{
			"  ===  ===",
			"  a    b",
			"  ===  ===",
		},
		n: 3,
	},
	{
		name: "simple ended by outdent",
		kind: "simple",
		lines: []string{
			"  ===  ===",
			"  a    b",
			"  ===  ===",
			"after",
		},
		n: 3,
	},
	{
		name: "simple border mismatch",
		kind: "simple",
		lines: []string{
			"===  ===",
			"a    b",
			"=========",
			"",
		},
		n:   3,
		err: "2:0: bottom/header table border does not match top border",
	},
	{
		name: "simple no bottom",
		kind: "simple",
		lines: []string{
			"===  ===",
			"a    b",
			"",
			"Text after.",
		},
		n:   4,
		err: "0:0: no bottom table border found",
	},
	{
		name: "simple no blank after bottom",
		kind: "simple",
		lines: []string{
			"===  ===",
			"a    b",
			"===  ===",
			"Text after.",
		},
		n:   3,
		err: "2:0: no bottom table border found or no blank line after table bottom",
	},
	{
		name:  "not a simple top",
		kind:  "simple",
		lines: []string{"======", "a", "======"},
		n:     0,
		err:   "0:0: simple table must start with a border line like ===  ===",
	},
}
