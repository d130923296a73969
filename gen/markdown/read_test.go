package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	_ "github.com/rst2go/rst2go/gen/golden" // the -update flag
	"github.com/rst2go/rst2go/gen/source"
)

// outline is doc.Outline with what it leaves out and these tests check:
// the references of each cell and the diagnostics.
func outline(p *doc.Page, diags source.List) string {
	var b strings.Builder
	b.WriteString(doc.Outline(p))
	for i, t := range p.Tables {
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				for _, ref := range c.Refs() {
					fmt.Fprintf(&b, "ref in table %d at %d:%d label=%q page=%q url=%q\n", i, ref.Pos.Line, ref.Pos.Col, ref.Label, ref.Page, ref.URL)
				}
			}
		}
	}
	for _, d := range diags {
		fmt.Fprintf(&b, "diag %s\n", d)
	}
	return b.String()
}

var outlineTests = []struct {
	name, src, want string
}{{
	name: "ATX headings are sections, levels by rank",
	src:  "# Title\n\n## URI ##\n\n### Path\n\n## Request\n",
	want: "page \"Title\" original=\"\" labels=[]\n" +
		"section 0 \"Title\" level=0 parent=-1 id=title labels=[] at 1\n" +
		"section 1 \"URI\" level=1 parent=0 id=uri labels=[] at 3\n" +
		"section 2 \"Path\" level=2 parent=1 id=path labels=[] at 5\n" +
		"section 3 \"Request\" level=1 parent=0 id=request labels=[] at 7\n",
}, {
	name: "a page whose top heading is ## reads as one whose top is #",
	src:  "## Title\n\n#### Sub\n\n### Mid\n",
	want: "page \"Title\" original=\"\" labels=[]\n" +
		"section 0 \"Title\" level=0 parent=-1 id=title labels=[] at 1\n" +
		"section 1 \"Sub\" level=2 parent=0 id=sub labels=[] at 3\n" +
		"section 2 \"Mid\" level=1 parent=0 id=mid labels=[] at 5\n",
}, {
	name: "setext headings",
	src:  "Title\n=====\n\nURI\n---\n",
	want: "page \"Title\" original=\"\" labels=[]\n" +
		"section 0 \"Title\" level=0 parent=-1 id=title labels=[] at 1\n" +
		"section 1 \"URI\" level=1 parent=0 id=uri labels=[] at 4\n",
}, {
	name: "anchors before a heading label it; the first labels the page",
	src:  "<a name=\"EN-US_TOPIC_01\"></a>\n\n# Title\n\n<a id='uri'></a>\n## URI\n\n## Body {#Body-ID}\n\n## <a name=\"inside\"></a>Inline\n",
	want: "page \"Title\" original=\"\" labels=[en-us_topic_01]\n" +
		"section 0 \"Title\" level=0 parent=-1 id=title labels=[en-us_topic_01] at 3\n" +
		"section 1 \"URI\" level=1 parent=0 id=uri labels=[uri] at 6\n" +
		"section 2 \"Body\" level=1 parent=0 id=body labels=[body-id] at 8\n" +
		"section 3 \"Inline\" level=1 parent=0 id=inline labels=[inside] at 10\n",
}, {
	name: "an anchor as an HTML block, and one before a sentence, which it names",
	src:  "# T\n\n<a name=\"block\">\n</a>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<a name=\"lost\"></a>\nA sentence about things.\n\n| c | d |\n|---|---|\n| 3 | 4 |\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table gfm at 6:1 labels=[block] title=\"\" caption=\"\" section=0 header=[\"a\" \"b\"]\n" +
		"  row 8: [\"1\" \"2\"]\n" +
		"table gfm at 13:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"c\" \"d\"]\n" +
		"  row 15: [\"3\" \"4\"]\n",
}, {
	name: "a bold Table N paragraph titles the table, with an anchor on the line before",
	src:  "# T\n\n<a name=\"ENUSTOPIC01table42\"></a>\n**Table 1** **response** field description\n\n| Parameter | Type | Description |\n| --- | --- | --- |\n| id | String | The ID. |\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table gfm at 6:1 labels=[enustopic01table42] title=\"Table 1 response field description\" caption=\"\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 8: [\"id\" \"String\" \"The ID.\"]\n",
}, {
	name: "a plain Table N paragraph right before the table, and a caption before the title",
	src:  "# T\n\nStatus code: 200\n\nTable 2 Response body parameters\n| Parameter | Type | Description |\n| --- | --- | --- |\n| id | String | The ID. |\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table gfm at 6:1 labels=[] title=\"Table 2 Response body parameters\" caption=\"Status code: 200\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 8: [\"id\" \"String\" \"The ID.\"]\n",
}, {
	name: "caption paragraphs; a sentence in between ends a caption",
	src:  "# T\n\n**Status code: 400**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNormal responses\n\nThe table below lists the fields.\n\n| c | d |\n|---|---|\n| 3 | 4 |\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table gfm at 5:1 labels=[] title=\"\" caption=\"Status code: 400\" section=0 header=[\"a\" \"b\"]\n" +
		"  row 7: [\"1\" \"2\"]\n" +
		"table gfm at 13:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"c\" \"d\"]\n" +
		"  row 15: [\"3\" \"4\"]\n",
}, {
	name: "list item captions: loose and tight items holding tables, and a table after the list",
	src:  "# T\n\n- Normal responses\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n\n  **Table 1** Nested\n\n  | c | d |\n  |---|---|\n  | 3 | 4 |\n\n- Tight item\n  | e | f |\n  |---|---|\n  | 5 | 6 |\n\n* Abnormal responses\n\n| g | h |\n|---|---|\n| 7 | 8 |\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table gfm at 5:3 labels=[] title=\"\" caption=\"Normal responses\" section=0 header=[\"a\" \"b\"]\n" +
		"  row 7: [\"1\" \"2\"]\n" +
		"table gfm at 11:3 labels=[] title=\"Table 1 Nested\" caption=\"Normal responses\" section=0 header=[\"c\" \"d\"]\n" +
		"  row 13: [\"3\" \"4\"]\n" +
		"table gfm at 16:3 labels=[] title=\"\" caption=\"Tight item\" section=0 header=[\"e\" \"f\"]\n" +
		"  row 18: [\"5\" \"6\"]\n" +
		"table gfm at 22:1 labels=[] title=\"\" caption=\"Abnormal responses\" section=0 header=[\"g\" \"h\"]\n" +
		"  row 24: [\"7\" \"8\"]\n",
}, {
	name: "links of each kind",
	src:  "# T\n\n| a | b |\n|---|---|\n| x | See [Table 1](#ENUSTOPIC01Table1), [Other](other.md#Some-Anchor), [Page](../data/page.md), [Web](https://example.com/x#y), <http://auto.example.com> and [none](). |\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table gfm at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"a\" \"b\"]\n" +
		"  row 5: [\"x\" \"See Table 1, Other, Page, Web, http://auto.example.com and none.\"]\n" +
		"ref in table 0 at 5:11 label=\"enustopic01table1\" page=\"\" url=\"\"\n" +
		"ref in table 0 at 5:42 label=\"some-anchor\" page=\"other.md\" url=\"\"\n" +
		"ref in table 0 at 5:73 label=\"\" page=\"../data/page.md\" url=\"\"\n" +
		"ref in table 0 at 5:98 label=\"\" page=\"\" url=\"https://example.com/x#y\"\n" +
		"ref in table 0 at 5:130 label=\"\" page=\"\" url=\"http://auto.example.com\"\n",
}, {
	name: "<br>, <p> and HTML lists in cells",
	src:  "# T\n\n| a | b |\n|---|---|\n| x | One.<br>Two.<br/>Three <br /> Four<p>Five</p> |\n| y | Values:<ul><li>A</li><li>B<br>more B</li></ul>After. |\n| z | <ol><li>one<ul><li>inner</li></ul></li><li>two |\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table gfm at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"a\" \"b\"]\n" +
		"  row 5: [\"x\" \"One.\\n\\nTwo.\\n\\nThree\\n\\nFour\\n\\nFive\"]\n" +
		"  row 6: [\"y\" \"Values:\\n\\nA\\n\\nB\\n\\nmore B\\n\\nAfter.\"]\n" +
		"  row 7: [\"z\" \"one\\n\\ninner\\n\\ntwo\"]\n",
}, {
	name: "escaped pipes, escapes, entities and code in cells",
	src:  "# T\n\n| a | b |\n|---|---|\n| x \\| y | `a \\| b` and \\*not emphasis\\* &lt;tag&gt; &amp;amp; \\&amp; |\n| **bold** *em* | `code` |\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table gfm at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"a\" \"b\"]\n" +
		"  row 5: [\"x | y\" \"a | b and *not emphasis* <tag> &amp; &amp;\"]\n" +
		"  row 6: [\"bold em\" \"code\"]\n",
}, {
	name: "fenced code blocks are examples, captioned by a paragraph or a list item",
	src:  "# T\n\n## Example Request\n\nExample request\n\n```json\n{\"a\": 1}   \n```\n\n- Example response\n\n  ```JSON {.x}\n\n  {\"b\": 2}\n\n  ```\n\n> Quoted\n>\n>     indented code\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"section 1 \"Example Request\" level=1 parent=0 id=example-request labels=[] at 3\n" +
		"example at 8 caption=\"Example request\" lang=\"json\" section=1 \"{\\\"a\\\": 1}\"\n" +
		"example at 15 caption=\"Example response\" lang=\"JSON\" section=1 \"{\\\"b\\\": 2}\"\n" +
		"example at 21 caption=\"Quoted\" lang=\"\" section=1 \"indented code\"\n",
}, {
	name: "a <br> in a header cell wraps a line",
	src:  "# T\n\n| Parameter | Mandatory<br>(Yes/No) | Type | Description |\n|---|---|---|---|\n| id | Yes | String | The ID. |\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table gfm at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"Parameter\" \"Mandatory (Yes/No)\" \"Type\" \"Description\"]\n" +
		"  row 5: [\"id\" \"Yes\" \"String\" \"The ID.\"]\n",
}, {
	name: "rows with missing and extra cells",
	src:  "# T\n\n| a | b | c |\n|---|:-:|--:|\n| 1 |\n| 1 | 2 | 3 | 4 | 5 |\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table gfm at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"a\" \"b\" \"c\"]\n" +
		"  row 5: [\"1\" \"\" \"\"]\n" +
		"  row 6: [\"1\" \"2\" \"3\"]\n" +
		"diag t.md:6:15: warning: table row has more cells than the header row: \"4 | 5\" is dropped\n",
}, {
	name: "a table whose delimiter row does not match its header is skipped with a warning",
	src:  "# T\n\n| a | b | c |\n|---|---|\n| 1 | 2 | 3 |\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"diag t.md:4:1: warning: malformed table: the delimiter row \"|---|---|\" does not match the header row \"| a | b | c |\"; the table is skipped\n",
}, {
	name: "no title; an HTML table",
	src:  "<table><tr><td>x</td></tr></table>\n",
	want: "page \"\" original=\"\" labels=[]\n" +
		"diag t.md:1:1: warning: html table \"<table><tr><td>x</td></tr></table>\" in markdown is not read\n" +
		"diag t.md:1:1: warning: page has no title\n",
}, {
	name: "CRLF, a byte order mark, tabs, NUL bytes and invalid UTF-8",
	src:  "\ufeff# T\r\n\r\n| a\t| b |\r\n|---|---|\r\n| x\x00y\t| \xff z |\r\n",
	want: "page \"T\" original=\"\" labels=[]\n" +
		"section 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table gfm at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"a\" \"b\"]\n" +
		"  row 5: [\"x y\" \"� z\"]\n",
}}

func TestReadOutline(t *testing.T) {
	for _, tt := range outlineTests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := Read("t.md", []byte(tt.src))
			if got := outline(p, diags); got != tt.want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestPositions checks the places the model keeps, in a table indented in a
// list item: the table, its title, rows, cells, a paragraph after <br>, a
// reference, a parameter's name, and an example.
func TestPositions(t *testing.T) {
	src := "# Title\n" + //                                                  1
		"\n" + //                                                             2
		"- Normal responses\n" + //                                           3
		"\n" + //                                                             4
		"  <a name=\"t1\"></a>\n" + //                                        5
		"  **Table 1** Response body\n" + //                                  6
		"\n" + //                                                             7
		"  | Parameter | Type | Description |\n" + //                          8
		"  | --- | --- | --- |\n" + //                                         9
		"  | id | String | First.<br>See [Table 2](#t2). |\n" + //             10
		"\n" + //                                                             11
		"  ```json\n" + //                                                    12
		"  {\"id\": \"x\"}\n" + //                                            13
		"  ```\n" //                                                          14
	p, diags := Read("p.md", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	if len(p.Tables) != 1 || len(p.Tables[0].Rows) != 1 || len(p.Tables[0].Params) != 1 || len(p.Examples) != 1 {
		t.Fatalf("unexpected reading:\n%s", doc.Outline(p))
	}
	tab := p.Tables[0]
	row := tab.Rows[0]
	desc := row.Cells[2]
	tests := []struct {
		what string
		pos  source.Pos
		want string
	}{
		{"page title", p.TitlePos, "p.md:1:1"},
		{"section", p.Sections[0].Pos, "p.md:1:1"},
		{"table", tab.Pos, "p.md:8:3"},
		{"table title", tab.TitlePos, "p.md:6:3"},
		{"row", row.Pos, "p.md:10:5"},
		{"name cell", row.Cells[0].Pos, "p.md:10:5"},
		{"type cell", row.Cells[1].Pos, "p.md:10:10"},
		{"description cell", desc.Pos, "p.md:10:19"},
		{"paragraph after <br>", desc.Blocks[1].Pos, "p.md:10:29"},
		{"reference", desc.Refs()[0].Pos, "p.md:10:33"},
		{"parameter name", tab.Params[0].NamePos(), "p.md:10:5"},
		{"parameter type", tab.Params[0].TypePos(), "p.md:10:10"},
		{"example", p.Examples[0].Pos, "p.md:13:3"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%s at %s, want %s", tt.what, got, tt.want)
		}
	}
}

// TestCellBlocks checks the structure, not only the text, that raw HTML
// gives a cell.
func TestCellBlocks(t *testing.T) {
	tests := []struct {
		cell, want string
	}{
		{"plain", "p(plain)"},
		{"**b** *e* `c` [l](#x)", "p(strong:b text: emphasis:e text: literal:c text: ref:l)"},
		{"one<br>two", "p(one) p(two)"},
		{"<br>one<br><br>", "p(one)"},
		{"a<ul><li>x</li><li>y<br>z</li></ul>b", "p(a) list[p(x)|p(y) p(z)] p(b)"},
		{"<ol><li>1<ul><li>1.1</li></ul></li><li>2", "olist[p(1) list[p(1.1)]|p(2)]"},
		{"<li>stray</li>", "p(stray)"},
		{"<ul></ul>", ""},
		{"**[Table 1](#t1)**", "p(ref:Table 1)"},
		{"<strong>kept text</strong>", "p(kept text)"},
		{"**bold<sup>1</sup>**", "p(strong:bold1)"},
	}
	for _, tt := range tests {
		p, _ := Read("c.md", []byte("| a |\n|---|\n| "+tt.cell+" |\n"))
		if len(p.Tables) != 1 || len(p.Tables[0].Rows) != 1 {
			t.Errorf("%q: no table row:\n%s", tt.cell, doc.Outline(p))
			continue
		}
		if got := blocksString(p.Tables[0].Rows[0].Cells[0].Blocks); got != tt.want {
			t.Errorf("%q gives %s, want %s", tt.cell, got, tt.want)
		}
	}
}

func blocksString(blocks []*doc.Block) string {
	var parts []string
	for _, b := range blocks {
		switch b.Kind {
		case doc.Paragraph:
			var ins []string
			for _, in := range b.Inlines {
				s := in.Text
				if in.Kind != doc.Plain || len(b.Inlines) > 1 {
					s = in.Kind.String() + ":" + strings.TrimSpace(s)
				}
				ins = append(ins, s)
			}
			parts = append(parts, "p("+strings.Join(ins, " ")+")")
		case doc.List:
			var items []string
			for _, item := range b.Items {
				items = append(items, blocksString(item))
			}
			kind := "list"
			if b.Ordered {
				kind = "olist"
			}
			parts = append(parts, kind+"["+strings.Join(items, "|")+"]")
		default:
			parts = append(parts, b.Kind.String())
		}
	}
	return strings.Join(parts, " ")
}
