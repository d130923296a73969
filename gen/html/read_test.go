package html

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	_ "github.com/rst2go/rst2go/gen/golden" // defines -update for this test binary
)

// Each case is one construct; want is doc.Outline of the page, the same
// outline the RST reader's tests compare, so the two readers are held to
// the same reading.
func TestReadOutline(t *testing.T) {
	tests := []struct {
		name, src, want, diags string
	}{{
		name: "page title and labels from leading anchors, sections from h tags and DITA section titles",
		src: `<a name="EN-US_TOPIC_1"></a><a name="EN-US_TOPIC_1"></a>
<h1 class="topictitle1">Creating a <span>Thing</span></h1>
<div class="section" id="EN-US_TOPIC_1__section1"><h4 class="sectiontitle">URI</h4><p>POST /v1/things</p></div>
<h2 id="sub">Sub part</h2>
<a name="other"></a><h4>Other</h4>
`,
		want: `page "Creating a Thing" original="" labels=[en-us_topic_1]
section 0 "Creating a Thing" level=0 parent=-1 id=creating-a-thing labels=[en-us_topic_1] at 2
section 1 "URI" level=2 parent=0 id=uri labels=[en-us_topic_1__section1] at 3
section 2 "Sub part" level=1 parent=0 id=sub-part labels=[sub] at 4
section 3 "Other" level=2 parent=2 id=other labels=[other] at 5
`,
	}, {
		name: "caption title, anchors and id as labels, thead header",
		src: `<h1>T</h1>
<div class="tablenoborder"><a name="P__table1"></a><a name="table1"></a><table id="P__table1"><caption><b>Table 1 </b><strong>thing</strong> field description</caption>
<thead><tr><th><p>Parameter</p></th><th><p>Type</p></th><th><p>Description</p></th></tr></thead>
<tbody><tr><td><p>id</p></td><td><p>String</p></td><td><p>DESC: Thing.id</p></td></tr></tbody></table></div>
`,
		want: `page "T" original="" labels=[]
section 0 "T" level=0 parent=-1 id=t labels=[] at 1
table html at 2:73 labels=[p__table1 table1] title="Table 1 thing field description" caption="" section=0 header=["Parameter" "Type" "Description"]
  row 4: ["id" "String" "DESC: Thing.id"]
`,
	}, {
		name: "leading rows of th are the header without thead; the last one counts",
		src: `<table>
<tr><th colspan="2">Group</th></tr>
<tr><th>Name</th><th>Description</th></tr>
<tr><td>a</td><td>b</td></tr>
</table>`,
		want: `page "" original="" labels=[]
table html at 1:1 labels=[] title="" caption="" section=-1 header=["Name" "Description"]
  row 4: ["a" "b"]
`,
		diags: "t.html:1:1: warning: page has no title\n",
	}, {
		name: "rowspan: the value in the first row, empty cells below, as the RST twin has it",
		src: `<h1>T</h1><table><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td rowspan="2">os</td><td>String</td><td>first</td></tr>
<tr><td>String</td><td>second</td></tr>
<tr><td>b</td><td rowspan="0">Integer</td><td>third</td></tr>
<tr><td>c</td><td>fourth</td></tr></tbody></table>`,
		want: `page "T" original="" labels=[]
section 0 "T" level=0 parent=-1 id=t labels=[] at 1
table html at 1:11 labels=[] title="" caption="" section=0 header=["Parameter" "Type" "Description"]
  row 2: ["os" "String" "first"]
  row 3: ["" "String" "second"]
  row 4: ["b" "Integer" "third"]
  row 5: ["c" "" "fourth"]
`,
	}, {
		name: "colspan: the value in the first column, covered cells empty; short rows padded",
		src: `<h1>T</h1><table><tr><th>a</th><th>b</th><th>c</th></tr>
<tr><td colspan="2">wide</td><td>x</td></tr>
<tr><td>short</td></tr></table>`,
		want: `page "T" original="" labels=[]
section 0 "T" level=0 parent=-1 id=t labels=[] at 1
table html at 1:11 labels=[] title="" caption="" section=0 header=["a" "b" "c"]
  row 2: ["wide" "" "x"]
  row 3: ["short" "" ""]
`,
	}, {
		name: "cells with paragraphs, bare text, lists, code and notes",
		src: `<h1>T</h1><table><tr><th>a</th><th>b</th></tr>
<tr><td>x</td><td>Lead text.
<p>Options:</p><ul><li><strong>A</strong>: one</li></ul><ul><li>two</li></ul>
<pre class="screen">
  {"k": 1}
</pre>
<div class="note"><img src="note.png"><span class="notetitle"> NOTE: </span><div class="notebody"><p>Careful.</p></div></div>
<div class="caution"><p><b>Caution:</b> Hot.</p></div></td></tr></table>`,
		want: `page "T" original="" labels=[]
section 0 "T" level=0 parent=-1 id=t labels=[] at 1
table html at 1:11 labels=[] title="" caption="" section=0 header=["a" "b"]
  row 2: ["x" "Lead text.\n\nOptions:\n\nA: one\n\ntwo\n\n{\"k\": 1}\n\nCareful.\n\nHot."]
`,
	}, {
		name: "a table in a list item: the lead captions the first table only; a short paragraph captions the next",
		src: `<h1>T</h1>
<ul><li>Normal responses
<table id="a"><tr><th>x</th></tr><tr><td>1</td></tr></table>
<table id="b"><caption>Table 2 b</caption><tr><th>x</th></tr><tr><td>2</td></tr></table>
<p>Status code: 200</p>
<table id="c"><tr><th>x</th></tr><tr><td>3</td></tr></table>
</li></ul>
<ul><li>Abnormal responses</li></ul>
<table id="d"><tr><th>x</th></tr><tr><td>4</td></tr></table>`,
		want: `page "T" original="" labels=[]
section 0 "T" level=0 parent=-1 id=t labels=[] at 1
table html at 3:1 labels=[a] title="" caption="Normal responses" section=0 header=["x"]
  row 3: ["1"]
table html at 4:1 labels=[b] title="Table 2 b" caption="" section=0 header=["x"]
  row 4: ["2"]
table html at 6:1 labels=[c] title="" caption="Status code: 200" section=0 header=["x"]
  row 6: ["3"]
table html at 9:1 labels=[d] title="" caption="Abnormal responses" section=0 header=["x"]
  row 9: ["4"]
`,
	}, {
		name: "a caption paragraph in a DITA div.p; Table N text becomes the title of an untitled table",
		src: `<h1>T</h1><div class="p"><a href="#t1">Table 1</a> describes the parameters.
<div class="tablenoborder"><a name="t1"></a><table><tr><th>x</th></tr><tr><td>1</td></tr></table></div></div>`,
		want: `page "T" original="" labels=[]
section 0 "T" level=0 parent=-1 id=t labels=[] at 1
table html at 2:45 labels=[t1] title="Table 1 describes the parameters." caption="Table 1 describes the parameters." section=0 header=["x"]
  row 2: ["1"]
`,
	}, {
		name: "a long paragraph before a table captions nothing and drops the labels before it",
		src: `<h1>T</h1><a name="lost"></a><p>This sentence is long enough to be text, and it ends with a period.</p>
<table><tr><th>x</th></tr><tr><td>1</td></tr></table>`,
		want: `page "T" original="" labels=[]
section 0 "T" level=0 parent=-1 id=t labels=[] at 1
table html at 2:1 labels=[] title="" caption="" section=0 header=["x"]
  row 2: ["1"]
`,
	}, {
		name: "examples: captioned by an item lead or a caption paragraph; language from the class",
		src: `<h1>T</h1>
<ul><li>Example request<pre class="screen">POST /v1/x</pre></li>
<li>Example response<p>Normal response</p><pre class="language-json">{"a": 1}</pre>
<p></p><p>Abnormal response</p><pre><code class="lang-json">{"error": {}}</code></pre></li></ul>`,
		want: `page "T" original="" labels=[]
section 0 "T" level=0 parent=-1 id=t labels=[] at 1
example at 2 caption="Example request" lang="" section=0 "POST /v1/x"
example at 3 caption="Normal response" lang="json" section=0 "{\"a\": 1}"
example at 4 caption="Abnormal response" lang="json" section=0 "{\"error\": {}}"
`,
	}, {
		name: "head, scripts, styles, navigation and DITA family links are not content",
		src: `<!DOCTYPE html><html><head><title>Head title</title><meta name="original_name" content="en-us_topic_9.html">
<style>h1 { color: red }</style><script>document.write("<h1>no</h1>")</script></head>
<body><nav><h1>Menu</h1><table><tr><th>x</th></tr></table></nav>
<div class="breadcrumb"><a href="a.html">Home</a></div>
<h1>Real</h1>
<ul class="ullinks"><li class="ulchildlink"><strong><a href="c.html">Child</a></strong><br></li></ul>
<div class="familylinks"><div class="parentlink"><strong>Parent topic:</strong> <a href="p.html">Parent</a></div></div>
<footer><pre>not an example</pre></footer></body></html>`,
		want: `page "Real" original="en-us_topic_9.html" labels=[]
section 0 "Real" level=0 parent=-1 id=real labels=[] at 5
`,
	}, {
		name: "a page without headings takes its title from <title>",
		src:  "<title>Only &amp; title</title><p>text</p>",
		want: "page \"Only & title\" original=\"\" labels=[]\n",
	}, {
		name: "broken markup: unclosed cells, rows and table, a stray end tag",
		src: `<h1>T</h1><table><tr><th>a<th>b
<tr><td>1<td><p>one<p>two</div>
<tr><td>2<td>three`,
		want: `page "T" original="" labels=[]
section 0 "T" level=0 parent=-1 id=t labels=[] at 1
table html at 1:11 labels=[] title="" caption="" section=0 header=["a" "b"]
  row 2: ["1" "one\n\ntwo"]
  row 3: ["2" "three"]
`,
		diags: "t.html:2:26: warning: end tag \"</div>\" matches no open element; ignored\n" +
			"t.html:1:11: warning: \"<table>\" is never closed: it ends with the page\n",
	}, {
		name: "CRLF, a byte order mark, entities, NUL and invalid UTF-8",
		src:  "\ufeff<h1>A&nbsp;&amp;&#x42;</h1>\r\n<table>\r\n<tr><th>x</th></tr>\r\n<tr><td>a\x00b \xff c</td></tr></table>",
		want: "page \"A &B\" original=\"\" labels=[]\n" +
			"section 0 \"A &B\" level=0 parent=-1 id=a-b labels=[] at 1\n" +
			"table html at 2:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"x\"]\n" +
			"  row 4: [\"ab \uFFFD c\"]\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := Read("t.html", []byte(tt.src))
			if got := doc.Outline(p); got != tt.want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.want)
			}
			if got := diags.String(); got != tt.diags {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tt.diags)
			}
		})
	}
}

// TestReadRefs: links become references of the three kinds the resolver
// follows, placed at the <a> tag.
func TestReadRefs(t *testing.T) {
	src := `<h1>T</h1><table><tr><th>Parameter</th><th>Type</th><th>Description</th></tr>
<tr><td><a href="#Agency">agency</a></td><td>Array of <a href="data.html#P__table3">Item</a> objects</td>
<td>See <a href="#P__table2">Table 2</a>, <a href="other.html">Other</a>,
<a href="https://example.com/x?a=1">the site</a>, <a href="#">nothing</a> and <a href="javascript:void(0)">no link</a>.</td></tr></table>`
	p, _ := Read("t.html", []byte(src))
	if len(p.Tables) != 1 || len(p.Tables[0].Params) != 1 {
		t.Fatalf("want one parameter; got %s", doc.Outline(p))
	}
	param := p.Tables[0].Params[0]
	var got []string
	for _, group := range [][]*doc.Ref{param.NameRefs, param.TypeRefs, param.DescRefs} {
		var refs []string
		for _, r := range group {
			refs = append(refs, fmt.Sprintf("%s page=%q label=%q url=%q", r.Pos, r.Page, r.Label, r.URL))
		}
		got = append(got, strings.Join(refs, "; "))
	}
	want := []string{
		`t.html:2:9 page="" label="agency" url=""`,
		`t.html:2:55 page="data.html" label="p__table3" url=""`,
		`t.html:3:9 page="" label="p__table2" url=""; t.html:3:43 page="other.html" label="" url=""; t.html:4:1 page="" label="" url="https://example.com/x?a=1"`,
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("refs %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
	if text := doc.BlocksText(param.Description); text != "See Table 2, Other, the site, nothing and no link." {
		t.Errorf("description text %q", text)
	}
	if param.Type != "Array of Item objects" || param.TypePos().String() != "t.html:2:46" {
		t.Errorf("type %q at %s", param.Type, param.TypePos())
	}
}

// TestReadBlocks: the structure of a cell, not only its text.
func TestReadBlocks(t *testing.T) {
	src := `<table><tr><th>a</th></tr><tr><td>Lead <strong>bold</strong> <em>em</em> <code>lit</code>
<ol><li>one<ul><li>inner</li></ul></li><li>two</li></ol>
<pre class="language-yaml">a: 1</pre>
<div class="admonition warning"><p class="admonition-title">Warning</p><p>Hot.</p></div>
<div class="note"><p><b>Note</b></p><p>Body.</p></div></td></tr></table>`
	p, _ := Read("t.html", []byte(src))
	blocks := p.Tables[0].Rows[0].Cells[0].Blocks
	var b strings.Builder
	var dump func(indent string, bs []*doc.Block)
	dump = func(indent string, bs []*doc.Block) {
		for _, x := range bs {
			fmt.Fprintf(&b, "%s%s %d:%d", indent, x.Kind, x.Pos.Line, x.Pos.Col)
			switch x.Kind {
			case doc.Paragraph:
				for _, in := range x.Inlines {
					fmt.Fprintf(&b, " %s%q", in.Kind, in.Text)
				}
			case doc.Code:
				fmt.Fprintf(&b, " lang=%s %q", x.Lang, x.Text)
			case doc.Note:
				fmt.Fprintf(&b, " label=%s", x.Label)
			case doc.List:
				fmt.Fprintf(&b, " ordered=%v", x.Ordered)
			}
			b.WriteByte('\n')
			for _, item := range x.Items {
				fmt.Fprintf(&b, "%s  item\n", indent)
				dump(indent+"    ", item)
			}
			dump(indent+"  ", x.Blocks)
		}
	}
	dump("", blocks)
	want := `paragraph 1:35 text"Lead " strong"bold" text" " emphasis"em" text" " literal"lit" text"\n"
list 2:9 ordered=true
  item
    paragraph 2:9 text"one"
    list 2:20 ordered=false
      item
        paragraph 2:20 text"inner"
  item
    paragraph 2:44 text"two"
code 3:28 lang=yaml "a: 1"
note 4:1 label=warning
  paragraph 4:75 text"Hot."
note 5:1 label=note
  paragraph 5:40 text"Body."
`
	if b.String() != want {
		t.Errorf("blocks:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestReadParams: a rowspan in the name column continues the parameter
// above (Interpret), as an empty name cell of the RST twin does.
func TestReadParams(t *testing.T) {
	src := `<table><thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td rowspan="2">name</td><td>Yes</td><td>String</td><td>First part.</td></tr>
<tr><td>No</td><td>String</td><td>Second part.</td></tr>
<tr><td>size</td><td>No</td><td>Integer</td><td>Size.</td></tr></tbody></table>`
	p, _ := Read("t.html", []byte(src))
	tab := p.Tables[0]
	if tab.Kind != doc.Parameters || len(tab.Params) != 2 {
		t.Fatalf("kind %s, %d params", tab.Kind, len(tab.Params))
	}
	first := tab.Params[0]
	if first.Name != "name" || first.Mandatory != doc.MandatoryYes || doc.BlocksText(first.Description) != "First part.\n\nSecond part." {
		t.Errorf("first param %q %s %q", first.Name, first.Mandatory, doc.BlocksText(first.Description))
	}
	if !tab.Rows[1].Cells[0].Spanned || tab.Rows[1].Cells[0].Blocks != nil {
		t.Errorf("the covered name cell is not Spanned and empty")
	}
	if first.NamePos().String() != "t.html:2:28" || first.DescPos().String() != "t.html:2:68" {
		t.Errorf("positions: name %s, description %s", first.NamePos(), first.DescPos())
	}
}

// TestReadDepth: nesting deeper than maxDepth is read flat, with a
// warning, and does not exhaust the stack.
func TestReadDepth(t *testing.T) {
	src := strings.Repeat("<div><span>", 100000) + "deep" + strings.Repeat("</span></div>", 100000) +
		"<table><tr><th>x</th></tr><tr><td>1</td></tr></table>"
	p, diags := Read("t.html", []byte(src))
	if len(p.Tables) != 1 || len(p.Tables[0].Rows) != 1 {
		t.Errorf("table not read: %s", doc.Outline(p))
	}
	if !strings.Contains(diags.String(), "nested deeper than 256 levels") {
		t.Errorf("no nesting warning: %s", diags)
	}
}

// TestReadWide: a hostile colspan does not make a huge grid.
func TestReadWide(t *testing.T) {
	src := `<table><tr><th colspan="1000000">x</th></tr><tr><td colspan="99">a</td><td>b</td></tr></table>`
	p, diags := Read("t.html", []byte(src))
	if n := len(p.Tables[0].Rows[0].Cells); n != maxColumns {
		t.Errorf("%d cells in a row", n)
	}
	if !strings.Contains(diags.String(), "t.html:1:12: warning: table is wider than 64 columns") {
		t.Errorf("diagnostics: %s", diags)
	}
}
