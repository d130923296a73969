package text

import (
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	_ "github.com/rst2go/rst2go/gen/golden" // the -update flag
)

// lines joins source lines with newlines, so that fixtures read as pages.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// The outline of each case is what the reader made of the page: one
// construct a case. diags is the whole diagnostics text expected.
var outlineTests = []struct {
	name, src, want, diags string
}{{
	name: "title after navigation noise",
	src:  lines("nav-img", "Advanced", "", "Creating a Thing", "", "This API creates a thing."),
	want: "page \"Creating a Thing\" original=\"\" labels=[]\n" +
		"section 0 \"Creating a Thing\" level=0 parent=-1 id=creating-a-thing labels=[] at 4\n",
}, {
	name: "noise and title in one block",
	src:  lines("nav-img", "Advanced", "Creating a Thing", "", "This API creates a thing."),
	want: "page \"Creating a Thing\" original=\"\" labels=[]\n" +
		"section 0 \"Creating a Thing\" level=0 parent=-1 id=creating-a-thing labels=[] at 3\n",
}, {
	name: "unknown lines before the title: a guess, with a warning",
	src:  lines("Elastic Cloud Server", "API Reference", "", "Creating a Thing", "", "This API creates a thing."),
	want: "page \"Creating a Thing\" original=\"\" labels=[]\n" +
		"section 0 \"Creating a Thing\" level=0 parent=-1 id=creating-a-thing labels=[] at 4\n",
	diags: "t.txt:4:1: warning: took \"Creating a Thing\" as the page title, reading the 2 line(s) before it as navigation\n",
}, {
	name:  "prose first: no title",
	src:   lines("This page starts with a sentence.", "", "And goes on."),
	want:  "page \"\" original=\"\" labels=[]\n",
	diags: "t.txt:1:1: warning: page has no title\n",
}, {
	name:  "not a page: a key=value file",
	src:   lines(`key="value"`, `other="x"`),
	want:  "page \"\" original=\"\" labels=[]\n",
	diags: "t.txt:1:1: warning: page has no title\n",
}, {
	name: "no title line: the first heading is the title",
	src:  lines("URI", "", "GET /v1/things", "", "Response", "", "None"),
	want: "page \"URI\" original=\"\" labels=[]\n" +
		"section 0 \"URI\" level=0 parent=-1 id=uri labels=[] at 1\n" +
		"section 1 \"Response\" level=1 parent=0 id=response labels=[] at 5\n",
}, {
	name: "header with a Mandatory column, in a section, titled",
	src: lines("Creating a Thing", "", "Request", "", "Table 2 Request parameters", "",
		"Parameter", "", "Mandatory", "", "Type", "", "Description", "",
		"name", "", "Yes", "", "String", "", "DESC: name.", "",
		"count", "", "No", "", "Integer", "", "DESC: count."),
	want: "page \"Creating a Thing\" original=\"\" labels=[]\n" +
		"section 0 \"Creating a Thing\" level=0 parent=-1 id=creating-a-thing labels=[] at 1\n" +
		"section 1 \"Request\" level=1 parent=0 id=request labels=[] at 3\n" +
		"table text at 7:1 labels=[table 2] title=\"Table 2 Request parameters\" caption=\"\" section=1 header=[\"Parameter\" \"Mandatory\" \"Type\" \"Description\"]\n" +
		"  row 15: [\"name\" \"Yes\" \"String\" \"DESC: name.\"]\n" +
		"  row 23: [\"count\" \"No\" \"Integer\" \"DESC: count.\"]\n",
}, {
	name: "a description of several paragraphs and a list",
	src: lines("T", "", "Parameter", "", "Type", "", "Description", "",
		"status", "", "String", "", "DESC: status.", "", "The value can be:", "",
		"  • ACTIVE: running", "", "  • SHUTOFF: stopped", "", "Default: ACTIVE", "",
		"id", "", "String", "", "DESC: id."),
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table text at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 9: [\"status\" \"String\" \"DESC: status.\\n\\nThe value can be:\\n\\nACTIVE: running\\n\\nSHUTOFF: stopped\\n\\nDefault: ACTIVE\"]\n" +
		"  row 23: [\"id\" \"String\" \"DESC: id.\"]\n",
}, {
	name: "list items caption the tables they open",
	src: lines("T", "", "  • Normal responses", "", "    Parameter", "", "    Type", "", "    Description", "",
		"    id", "", "    String", "", "    DESC: Response.id", "",
		"    Table 1 x field description", "", "    Parameter", "", "    Type", "", "    Description", "",
		"    a", "", "    String", "", "    DESC: X.a", "",
		"  • Abnormal responses", "", "    Parameter", "", "    Type", "", "    Description", "",
		"    code", "", "    String", "", "    DESC: ErrorResponse.code"),
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table text at 5:5 labels=[] title=\"\" caption=\"Normal responses\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 11: [\"id\" \"String\" \"DESC: Response.id\"]\n" +
		"table text at 19:5 labels=[table 1] title=\"Table 1 x field description\" caption=\"\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 25: [\"a\" \"String\" \"DESC: X.a\"]\n" +
		"table text at 33:5 labels=[] title=\"\" caption=\"Abnormal responses\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 39: [\"code\" \"String\" \"DESC: ErrorResponse.code\"]\n",
}, {
	name: "a caption paragraph and a status code caption",
	src: lines("T", "", "Status code: 200", "", "Parameter", "", "Type", "", "Description", "",
		"id", "", "String", "", "DESC: id.", "", "Status code: 400", "", "Table 3 Response body parameters", "",
		"Parameter", "", "Type", "", "Description", "", "error_code", "", "String", "", "DESC: error_code."),
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table text at 5:1 labels=[] title=\"\" caption=\"Status code: 200\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 11: [\"id\" \"String\" \"DESC: id.\"]\n" +
		"table text at 21:1 labels=[table 3] title=\"Table 3 Response body parameters\" caption=\"Status code: 400\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 27: [\"error_code\" \"String\" \"DESC: error_code.\"]\n",
}, {
	name: "a last short paragraph of a description before a titled table",
	src: lines("T", "", "Parameter", "", "Type", "", "Description", "",
		"type", "", "String", "", "DESC: type.", "", "HARD: forced stop", "",
		"Table 4 x", "", "Parameter", "", "Type", "", "Description", "", "a", "", "String", "", "DESC: a."),
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table text at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 9: [\"type\" \"String\" \"DESC: type.\\n\\nHARD: forced stop\"]\n" +
		"table text at 19:1 labels=[table 4] title=\"Table 4 x\" caption=\"\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 25: [\"a\" \"String\" \"DESC: a.\"]\n",
}, {
	name: "an empty description, a header word as a parameter name",
	src: lines("T", "", "Parameter", "", "Type", "", "Description", "",
		"name", "", "String", "", "id", "", "String", "", "DESC: id.", "", "Name", "", "String", "", "DESC: Name."),
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table text at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 9: [\"name\" \"String\" \"\"]\n" +
		"  row 13: [\"id\" \"String\" \"DESC: id.\"]\n" +
		"  row 19: [\"Name\" \"String\" \"DESC: Name.\"]\n",
	diags: "t.txt:19:1: warning: \"Name\" may start a row or go on with the description of \"id\"; read as a new row\n",
}, {
	name: "ambiguous grouping: a warning with the position",
	src: lines("T", "", "Parameter", "", "Type", "", "Description", "",
		"networks", "", "Object", "", "DESC: networks.", "",
		"Name of the network", "", "Array of objects", "", "DESC: placeholder.", "",
		"metadata", "", "Key-value pairs", "", "DESC: metadata.", "",
		"cn-north-1", "", "DESC: a region."),
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table text at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 9: [\"networks\" \"Object\" \"DESC: networks.\"]\n" +
		"  row 15: [\"Name of the network\" \"Array of objects\" \"DESC: placeholder.\"]\n" +
		"  row 21: [\"metadata\" \"Key-value pairs\" \"DESC: metadata.\\n\\ncn-north-1\\n\\nDESC: a region.\"]\n",
	diags: "t.txt:15:1: warning: \"Name of the network\" may start a row or go on with the description of \"networks\"; read as a new row\n" +
		"t.txt:21:1: warning: \"metadata\" may start a row or go on with the description of \"Name of the network\"; read as a new row\n" +
		"t.txt:27:1: warning: \"cn-north-1\" looks like a parameter name but the cells after it do not fit a row; read as description of \"metadata\"\n",
}, {
	name: "an incomplete last row",
	src:  lines("T", "", "Parameter", "", "Mandatory", "", "Type", "", "Description", "", "id", "", "Yes", "", "URI", "", "GET /x"),
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"section 1 \"URI\" level=1 parent=0 id=uri labels=[] at 15\n" +
		"table text at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"Parameter\" \"Mandatory\" \"Type\" \"Description\"]\n" +
		"  row 11: [\"id\" \"Yes\" \"\" \"\"]\n",
	diags: "t.txt:11:1: warning: table row \"id\" has 2 of 4 cells; the table ends here\n",
}, {
	name: "a table that is not a parameter table",
	src:  lines("T", "", "Status Code", "", "Description", "", "200", "", "OK.", "", "400 Bad Request", "", "The request is wrong."),
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table text at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"Status Code\" \"Description\"]\n" +
		"  row 7: [\"200\" \"OK.\"]\n" +
		"  row 11: [\"400 Bad Request\" \"The request is wrong.\"]\n",
}, {
	name: "examples: request line and body, captions in list items, JSON over a blank line",
	src: lines("T", "", "Example Request", "", "Create a thing.", "", "POST https://{endpoint}/v1/things", "",
		"{", `"thing": {`, `"name": "a"`, "}", "}", "", "Example Response", "",
		"  • Normal response", "", "    {", `    "id": "x"`, "    }", "",
		"  • Example", "", "    Abnormal response", "", `    {"error": {`, "", `    "code": "E.1"}}`),
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"section 1 \"Example Request\" level=1 parent=0 id=example-request labels=[] at 3\n" +
		"section 2 \"Example Response\" level=1 parent=0 id=example-response labels=[] at 15\n" +
		"example at 7 caption=\"\" lang=\"\" section=1 \"POST https://{endpoint}/v1/things\"\n" +
		"example at 9 caption=\"\" lang=\"json\" section=1 \"{\\n\\\"thing\\\": {\\n\\\"name\\\": \\\"a\\\"\\n}\\n}\"\n" +
		"example at 19 caption=\"Normal response\" lang=\"json\" section=2 \"{\\n\\\"id\\\": \\\"x\\\"\\n}\"\n" +
		"example at 27 caption=\"Abnormal response\" lang=\"json\" section=2 \"{\\\"error\\\": {\\n\\n\\\"code\\\": \\\"E.1\\\"}}\"\n",
}, {
	name: "a caption with its JSON right under it, no blank line between",
	src:  lines("T", "", "  • Example response", "", "    Normal response", "    {", `    "id": "x"`, "    }"),
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"example at 6 caption=\"Normal response\" lang=\"json\" section=0 \"{\\n\\\"id\\\": \\\"x\\\"\\n}\"\n",
}, {
	name: "a request line outside an example is text",
	src:  lines("T", "", "URI", "", "GET /v1/things"),
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"section 1 \"URI\" level=1 parent=0 id=uri labels=[] at 3\n",
}, {
	name: "sections: family names and title-case headings, not captions",
	src: lines("Querying Things", "", "Function", "", "This API queries things.", "", "thing Field Description", "",
		"This field is used by the following APIs:", "", "Normal responses", "", "Parameter", "", "Type", "", "Description", "",
		"id", "", "String", "", "DESC: id.", "", "Returned Values", "", "See Returned Values."),
	want: "page \"Querying Things\" original=\"\" labels=[]\n" +
		"section 0 \"Querying Things\" level=0 parent=-1 id=querying-things labels=[] at 1\n" +
		"section 1 \"Function\" level=1 parent=0 id=function labels=[] at 3\n" +
		"section 2 \"thing Field Description\" level=1 parent=0 id=thing-field-description labels=[] at 7\n" +
		"section 3 \"Returned Values\" level=1 parent=0 id=returned-values labels=[] at 25\n" +
		"table text at 13:1 labels=[] title=\"\" caption=\"Normal responses\" section=2 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 19: [\"id\" \"String\" \"DESC: id.\"]\n",
}, {
	name: "CRLF, a byte order mark, no-break spaces, NUL, tabs",
	src:  "\ufeffT\r\n\r\nParameter\r\n\r\nType\r\n\r\nDescription\r\n\r\nid\r\n\r\nString\t\r\n\r\nThe\u00a0ID\x00\tis\u200b here.\r\n",
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table text at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 9: [\"id\" \"String\" \"The ID is here.\"]\n",
}, {
	name: "invalid UTF-8 and control characters",
	src:  "Ti\xfftle\x01 x\n\nText.\n",
	want: "page \"Ti\ufffdtle x\" original=\"\" labels=[]\n" +
		"section 0 \"Ti\ufffdtle x\" level=0 parent=-1 id=ti-tle-x labels=[] at 1\n",
}, {
	name: "lone CR line ends",
	src:  "T\r\rParameter\r\rType\r\rDescription\r\rid\r\rString\r\rDESC: id.\r",
	want: "page \"T\" original=\"\" labels=[]\nsection 0 \"T\" level=0 parent=-1 id=t labels=[] at 1\n" +
		"table text at 3:1 labels=[] title=\"\" caption=\"\" section=0 header=[\"Parameter\" \"Type\" \"Description\"]\n" +
		"  row 9: [\"id\" \"String\" \"DESC: id.\"]\n",
}}

func TestReadOutline(t *testing.T) {
	for _, tt := range outlineTests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := Read("t.txt", []byte(tt.src))
			if got := doc.Outline(p); got != tt.want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.want)
			}
			if got := diags.String(); got != tt.diags {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tt.diags)
			}
			if p.Format != "text" || p.Path != "t.txt" {
				t.Errorf("page format %q path %q", p.Format, p.Path)
			}
		})
	}
}

// TestTableMentions: "see Table N" becomes a reference to the label of
// the table titled "Table N", as the RST source's link; a mention of a
// table the page does not have stays text.
func TestTableMentions(t *testing.T) {
	src := lines("T", "", "Parameter", "", "Type", "", "Description", "",
		"server", "", "Object", "", "The server. For details, see Table 1.", "",
		"Table 1 server field description", "", "Parameter", "", "Type", "", "Description", "",
		"id", "", "String", "", "Not Table 9, nor table 1x.")
	p, diags := Read("t.txt", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	if len(p.Tables) != 2 || len(p.Tables[0].Params) != 1 || len(p.Tables[1].Params) != 1 {
		t.Fatalf("outline:\n%s", doc.Outline(p))
	}
	server := p.Tables[0].Params[0]
	if len(server.DescRefs) != 1 || server.DescRefs[0].Label != "table 1" || server.DescRefs[0].Pos.String() != "t.txt:13:30" {
		t.Errorf("server refs: %+v", server.DescRefs)
	}
	if got := p.Tables[1].Labels; len(got) != 1 || got[0] != doc.NormalizeLabel("Table 1") {
		t.Errorf("table 1 labels %q", got)
	}
	var kinds []string
	for _, in := range server.Description[0].Inlines {
		kinds = append(kinds, in.Kind.String()+":"+in.Text)
	}
	if got := strings.Join(kinds, "|"); got != "text:The server. For details, see |ref:Table 1|text:." {
		t.Errorf("inlines %s", got)
	}
	id := p.Tables[1].Params[0]
	if len(id.DescRefs) != 0 || len(id.Description[0].Inlines) != 1 {
		t.Errorf("a mention of a missing table should stay text: %+v", id.Description[0].Inlines)
	}
}

// TestCellBlocks: what a description cell holds: lists with their items'
// content, notes, sub-headings as strong text, JSON as code.
func TestCellBlocks(t *testing.T) {
	src := lines("T", "", "Parameter", "", "Type", "", "Description", "",
		"mode", "", "String", "", "Definition", "", "The mode.", "",
		"  • fast: quick", "", "    More on fast.", "", "  • slow", "",
		"Example:", "", "{", `"mode": "fast"`, "}", "", "NOTE:", "", "Careful.", "",
		"next", "", "String", "", "DESC: next.")
	p, diags := Read("t.txt", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	if len(p.Tables) != 1 || len(p.Tables[0].Params) != 2 {
		t.Fatalf("outline:\n%s", doc.Outline(p))
	}
	var shape []string
	var describe func(bs []*doc.Block, depth int)
	describe = func(bs []*doc.Block, depth int) {
		for _, b := range bs {
			s := strings.Repeat(">", depth) + b.Kind.String()
			if len(b.Inlines) > 0 {
				s += ":" + b.Inlines[0].Kind.String()
			}
			shape = append(shape, s+" "+b.PlainText())
			for _, it := range b.Items {
				describe(it, depth+1)
			}
			describe(b.Blocks, depth+1)
		}
	}
	describe(p.Tables[0].Params[0].Description, 0)
	want := []string{
		"paragraph:strong Definition",
		"paragraph:text The mode.",
		"list fast: quick\n\nMore on fast.\n\nslow",
		">paragraph:text fast: quick",
		">paragraph:text More on fast.",
		">paragraph:text slow",
		"paragraph:text Example:",
		"code {\n\"mode\": \"fast\"\n}",
		"note Careful.",
		">paragraph:text Careful.",
	}
	if got := strings.Join(shape, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// TestHeaderWordsAgree holds the reader's header vocabulary to the words
// doc.Table.Interpret reads: every parameter header word names the same
// column for both.
func TestHeaderWordsAgree(t *testing.T) {
	for word, kind := range headerWords {
		header := map[colKind][]string{
			colName:        {word, "Type", "Description"},
			colMandatory:   {"Parameter", word, "Description"},
			colType:        {"Parameter", word, "Description"},
			colDescription: {"Parameter", "Type", word},
		}[kind]
		tab := &doc.Table{Header: header}
		tab.Interpret()
		cols := tab.Columns
		ok := tab.Kind == doc.Parameters
		switch kind {
		case colName:
			ok = ok && cols.Name == 0
		case colMandatory:
			ok = ok && cols.Mandatory == 1
		case colType:
			ok = ok && cols.Type == 1
		case colDescription:
			ok = ok && cols.Description == 2
		}
		if !ok {
			t.Errorf("header word %q: Interpret reads %q as %s %+v", word, header, tab.Kind, cols)
		}
	}
}

func TestShapes(t *testing.T) {
	para := func(s string) *block { return splitBlocks(splitLines([]byte(s)))[0] }
	tests := []struct {
		fn   func(*block) shape
		what string
		in   string
		want shape
	}{
		{nameShape, "name", "server_id", strongFit},
		{nameShape, "name", "X-Auth-Token", strongFit},
		{nameShape, "name", "OS-EXT-STS:vm_state", strongFit},
		{nameShape, "name", "kubernetes.io/cpuManagerPolicy", strongFit},
		{nameShape, "name", "availabilityZoneInfo", strongFit},
		{nameShape, "name", "{User defined key}", strongFit},
		{nameShape, "name", "[items]", strongFit},
		{nameShape, "name", "scaling_ configuration _id", strongFit},
		{nameShape, "name", "BYOL", weakFit},
		{nameShape, "name", "Name of the network", weakFit},
		{nameShape, "name", "Specifies the ID.", noFit},
		{nameShape, "name", "Options: a and b", noFit},
		{nameShape, "name", "Definition", noFit},
		{typeShape, "type", "String", strongFit},
		{typeShape, "type", "Array of objects", strongFit},
		{typeShape, "type", "Map<String,String>", strongFit},
		{typeShape, "type", "List<String>", strongFit},
		{typeShape, "type", "String(64)", strongFit},
		{typeShape, "type", "ServerGroup object", strongFit},
		{typeShape, "type", "Array of BackupResp objects", strongFit},
		{typeShape, "type", "string[]", strongFit},
		{typeShape, "type", "Dictionary data structure. For details, see Table 3.", strongFit},
		{typeShape, "type", "Key-value pairs", weakFit},
		{typeShape, "type", "Specifies the ID of the server.", noFit},
		{typeShape, "type", "Table 4 x field description", noFit},
		{mandatoryShape, "mandatory", "Yes", strongFit},
		{mandatoryShape, "mandatory", "No (query parameter)", strongFit},
		{mandatoryShape, "mandatory", "Yes (If the volume is created from a snapshot, this parameter is optional.)", strongFit},
		{mandatoryShape, "mandatory", "Conditionally required", weakFit},
		{mandatoryShape, "mandatory", "-", weakFit},
		{mandatoryShape, "mandatory", "Specifies the ID.", noFit},
	}
	for _, tt := range tests {
		if got := tt.fn(para(tt.in)); got != tt.want {
			t.Errorf("%s shape of %q = %d, want %d", tt.what, tt.in, got, tt.want)
		}
	}
}
