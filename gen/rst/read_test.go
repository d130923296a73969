package rst

import (
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
)

func TestReadOutline(t *testing.T) {
	tests := []struct {
		name, src, want, diags string
	}{{
		name: "sections, labels, original name",
		src:  ":original_name: en-us_topic_1.html\n\n.. _en-us_topic_1:\n\nTitle\n=====\n\nURI\n---\n\nSub\n^^^\n\n.. _second:\n\nOther\n-----\n",
		want: "page \"Title\" original=\"en-us_topic_1.html\" labels=[en-us_topic_1]\n" +
			"section 0 \"Title\" level=0 parent=-1 id=title labels=[en-us_topic_1] at 5\n" +
			"section 1 \"URI\" level=1 parent=0 id=uri labels=[] at 8\n" +
			"section 2 \"Sub\" level=2 parent=1 id=sub labels=[] at 11\n" +
			"section 3 \"Other\" level=1 parent=0 id=other labels=[second] at 16\n",
	}, {
		name: "overlined title",
		src:  "=====\nTitle\n=====\n\ntext\n",
		want: "page \"Title\" original=\"\" labels=[]\nsection 0 \"Title\" level=0 parent=-1 id=title labels=[] at 2\n",
	}, {
		name: "table in a block quote after a list item, label before the quote",
		src:  "T\n=\n\n-  Normal responses\n\n.. _L1:\n\n   ===== ====\n   a     b\n   ===== ====\n   x     y\n   ===== ====\n",
		want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
			"table simple at 8:4 labels=[l1] title=\"\" caption=\"Normal responses\" section=0 header=[\"a\" \"b\"]\n" +
			"  row 11: [\"x\" \"y\"]\n",
	}, {
		name: "table directive with title, caption paragraph, code block",
		src:  "T\n=\n\n**Status code: 200**\n\n.. table:: **Table 4** Response\n   body parameters\n\n   +---+---+\n   | a | b |\n   +===+===+\n   | 1 | 2 |\n   +---+---+\n\nNormal response\n\n.. code-block:: json\n\n   {\"a\": 1}\n",
		want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
			"table grid at 9:4 labels=[] title=\"Table 4 Response body parameters\" caption=\"Status code: 200\" section=0 header=[\"a\" \"b\"]\n" +
			"  row 12: [\"1\" \"2\"]\n" +
			"example at 19 caption=\"Normal response\" lang=\"json\" section=0 \"{\\\"a\\\": 1}\"\n",
	}, {
		name: "a status caption holds over the sentence that explains it",
		src:  "T\n=\n\n**Status code: 404**\n\nThe task does not exist.\n\n.. code-block::\n\n   {\"error_code\": \"x\"}\n",
		want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
			"example at 10 caption=\"Status code: 404\" lang=\"\" section=0 \"{\\\"error_code\\\": \\\"x\\\"}\"\n",
	}, {
		name: "label on a caption paragraph",
		src:  "T\n=\n\n.. _agency:\n\n**agency**\n\n===== ====\na     b\n===== ====\nx     y\n===== ====\n",
		want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
			"table simple at 8:1 labels=[agency] title=\"\" caption=\"agency\" section=0 header=[\"a\" \"b\"]\n  row 11: [\"x\" \"y\"]\n",
	}, {
		name: "cells with lists, literal blocks and notes",
		src:  "T\n=\n\n+------+-----------------+\n| a    | b               |\n+======+=================+\n| x    | -  one          |\n|      | -  two          |\n|      |                 |\n|      | Example::       |\n|      |                 |\n|      |    {\"k\": 1}     |\n|      |                 |\n|      | .. note::       |\n|      |                 |\n|      |    Careful.     |\n+------+-----------------+\n",
		want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
			"table grid at 4:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"a\" \"b\"]\n" +
			"  row 7: [\"x\" \"one\\n\\ntwo\\n\\nExample:\\n\\n{\\\"k\\\": 1}\\n\\nCareful.\"]\n",
	}, {
		name:  "a malformed table is skipped with a positioned warning; the next one is read",
		src:   "T\n=\n\n+---+---+\n| a | b |\n+===+===+\n| 1 | 2\n+---+---+\n\n===== ====\na     b\n===== ====\nx     y\n===== ====\n",
		want:  "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\ntable simple at 10:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"a\" \"b\"]\n  row 13: [\"x\" \"y\"]\n",
		diags: "t.rst:",
	}, {
		name: "CRLF, a byte order mark, tabs and NUL bytes",
		src:  "\ufeffT\r\n=\r\n\r\n===== ====\r\na     b\r\n===== ====\r\nx\x00     y\r\n===== ====\r\n",
		want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
			"table simple at 4:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"a\" \"b\"]\n  row 7: [\"x\" \"y\"]\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := Read("t.rst", []byte(tt.src))
			if got := doc.Outline(p); got != tt.want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.want)
			}
			if tt.diags == "" && len(diags) > 0 {
				t.Errorf("unexpected diagnostics:\n%s", diags)
			}
			if tt.diags != "" && !strings.Contains(diags.String(), tt.diags) {
				t.Errorf("diagnostics %q do not contain %q", diags.String(), tt.diags)
			}
		})
	}
}

// TestCaption: caption's shortcut for long paragraphs reads as
// doc.IsCaption of the whole text does.
func TestCaption(t *testing.T) {
	long := strings.Repeat("word ", 20)
	for _, texts := range [][]string{
		{""}, {"  "}, {"Normal response"}, {"Table 3 ", long}, {" ", "Table", " ", "3", " x"}, {"Table", "3"},
		{long}, {long + "."}, {strings.Repeat(" ", 200) + "short"}, {"Table\n\t4 " + long}, {"Tablé 4 " + long},
		{"Status code: 200"}, {"ends with:"}, {"folded text"}, {"a\nb"}, {"a\tb"}, {"a  b"}, {"a "}, {"\xff \xfe"}, {"a\u00a0b"}, {"a", "b"}, {" a "}, {"\u00a0Table 5\u00a0" + long}, {strings.Repeat("é", 40)}, {strings.Repeat("é", 41)},
	} {
		var in []*doc.Inline
		for _, s := range texts {
			in = append(in, &doc.Inline{Kind: doc.Plain, Text: s})
		}
		want := doc.InlinesText(in)
		got, ok := caption(in)
		if ok != doc.IsCaption(want) || (ok && got != want) {
			t.Errorf("caption(%q) = %q, %v; want %q, %v", texts, got, ok, want, doc.IsCaption(want))
		}
		if got := inlinesText(in); got != want {
			t.Errorf("inlinesText(%q) = %q, want %q", texts, got, want)
		}
		if n := foldedLen(in); n != len(want) {
			t.Errorf("foldedLen(%q) = %d, want %d", texts, n, len(want))
		}
		if p := foldedPrefix(in, 7); p != want[:min(7, len(want))] {
			t.Errorf("foldedPrefix(%q) = %q, want %q", texts, p, want[:min(7, len(want))])
		}
	}
}
