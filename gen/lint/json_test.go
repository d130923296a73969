package lint

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// problems prints a reader's problems as "code@offset" words.
func problems(ps []jsonProblem) string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s@%d", p.code, p.off))
	}
	return strings.Join(out, " ")
}

func TestReadJSONProblems(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		// 1. Valid JSON: nothing to say.
		{`{"a": [1, 2.5, -3e2], "b": {"c": null, "d": true}, "e": "x\"y\u00e9"}`, ""},
		{`[]`, ""},
		{`{}`, ""},
		// 2. Comments.
		{"{\"a\": 1 // one\n}", "json-comment@8"},
		{"{/* c */ \"a\": 1}", "json-comment@1"},
		{"{\"a\": 1, # hash\n\"b\": 2}", "json-comment@9"},
		// 3. Trailing commas.
		{`{"a": 1,}`, "json-trailing-comma@7"},
		{`[1, 2, ]`, "json-trailing-comma@5"},
		// 4. Ellipses, as values, elements and members.
		{`{"a": ...}`, "json-ellipsis@6"},
		{`[1, ...]`, "json-ellipsis@4"},
		{`[1 ...]`, "json-ellipsis@3"},
		{`{"a": 1, ...}`, "json-ellipsis@9"},
		{`{"a": 1 ... }`, "json-ellipsis@8"},
		{`{"a": "…"}`, ""},
		{`[…]`, "json-ellipsis@1"},
		// 5. Single quotes.
		{`{'a': 'b'}`, "json-single-quote@1 json-single-quote@6"},
		// 6. Unquoted keys.
		{`{a: 1, b_c: 2}`, "json-unquoted-key@1 json-unquoted-key@7"},
		// 7. Missing commas.
		{"{\"a\": 1\n\"b\": 2}", "json-missing-comma@8"},
		{`[{"a": 1} {"a": 2}]`, "json-missing-comma@10"},
		// 8. Raw control characters in strings, reported once a string.
		{"{\"a\": \"x\ny\nz\"}", "json-control-char@8"},
		// 9. Bare words.
		{`{"a": XXX, "b": True, "c": 10GB}`, "json-bare-word@6 json-bare-word@16 json-bare-word@27"},
		// 10. Text after the value, and the next value read on.
		{"{\"a\": 1}\nOr\n{\"b\": 2}", "json-extra-text@9"},
		// 11. Anything else, said as it is.
		{`{"a": 01}`, "json-syntax@6"},
		{`{"a" 1}`, "json-syntax@5"},
		{`{"a": "x\q"}`, "json-syntax@8"},
		{`{"a": [1}`, "json-syntax@8"},
		{`{"a": 1`, "json-syntax@0"},
		{`{"a": "x`, "json-syntax@6 json-syntax@0"},
		{`{"a": }`, "json-syntax@6"},
		{`{, "a": 1}`, "json-syntax@1"},
	}
	for i, tt := range tests {
		_, ps := readJSON(tt.in)
		if got := problems(ps); got != tt.want {
			t.Errorf("%d. readJSON(%q) problems = %q, want %q", i+1, tt.in, got, tt.want)
		}
		if valid := json.Valid([]byte(tt.in)); valid != (tt.want == "") {
			t.Errorf("%d. %q: json.Valid = %v, but the case expects problems %q", i+1, tt.in, valid, tt.want)
		}
	}
}

// TestReadJSONValues: the reader's tree has the keys and kinds
// encoding/json sees, with the keys' offsets.
func TestReadJSONValues(t *testing.T) {
	in := `{"a": [1, "x"], "b": {"c": false}}`
	roots, ps := readJSON(in)
	if len(ps) != 0 || len(roots) != 1 {
		t.Fatalf("readJSON: %d roots, problems %q", len(roots), problems(ps))
	}
	var sb strings.Builder
	var dump func(v *jsonValue)
	dump = func(v *jsonValue) {
		fmt.Fprintf(&sb, "%s@%d", v.kind, v.off)
		switch v.kind {
		case jsonObject:
			sb.WriteString("{")
			for _, m := range v.members {
				fmt.Fprintf(&sb, "%q@%d:", m.key, m.keyOff)
				dump(m.value)
				sb.WriteString(" ")
			}
			sb.WriteString("}")
		case jsonArray:
			sb.WriteString("[")
			for _, e := range v.elems {
				dump(e)
				sb.WriteString(" ")
			}
			sb.WriteString("]")
		}
	}
	dump(roots[0])
	want := `object@0{"a"@1:array@6[number@7 string@10 ] "b"@16:object@21{"c"@22:boolean@27 } }`
	if got := sb.String(); got != want {
		t.Errorf("tree:\n got %s\nwant %s", got, want)
	}
}

func TestJSONBody(t *testing.T) {
	tests := []struct {
		lang, text string
		want       string // "" when the block is not JSON
	}{
		{"", "{\n  \"a\": 1\n}", "{\n  \"a\": 1\n}"},
		{"text", "POST https://{endpoint}/v1/servers\n\n{\n  \"a\": 1\n}", "{\n  \"a\": 1\n}"},
		{"", " POST https://{endpoint}/v1/x\nContent-Type: application/json\n\n[1]", "[1]"},
		{"text", "GET https://{endpoint}/v1/servers", ""},
		{"", "{endpoint}/v1/servers", ""},
		{"", "[items] are listed below", ""},
		{"xml", "{\"a\": 1}", ""},
		{"", "HTTP/1.1 200 OK\n\n{\"a\": 1}", "{\"a\": 1}"},
	}
	for _, tt := range tests {
		body, ok := jsonBody(&doc.Example{Lang: tt.lang, Text: tt.text})
		got := ""
		if ok {
			got = body.text
		}
		if got != tt.want {
			t.Errorf("jsonBody(%q, %q) = %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestBodyPos: offsets in an example map to the page's lines and columns,
// counting the indentation the reader took off.
func TestBodyPos(t *testing.T) {
	ex := &doc.Example{
		Pos:  source.Pos{File: "p.rst", Line: 10, Col: 5},
		Text: "POST https://x/v1\n\n{\n    \"a\": 1\n}",
	}
	body, ok := jsonBody(ex)
	if !ok {
		t.Fatal("not JSON")
	}
	for _, tt := range []struct {
		off  int
		want string
	}{
		{0, "p.rst:12:5"}, // {
		{strings.Index(body.text, `"a"`), "p.rst:13:9"},    // the key
		{len(body.text) - 1, "p.rst:14:5"},                 // }
		{strings.Index(body.text, "1"), "p.rst:13:14"},     // the value
		{len(body.text) + 100, "p.rst:14:6"},               // past the end: clamped
		{-100, "p.rst:10:5"},                               // before the text: clamped
		{strings.Index(body.text, "\n"), "p.rst:12:6"},     // a line's end
		{strings.Index(body.text, "\n") + 1, "p.rst:13:5"}, // the next line's start
	} {
		if got := body.pos(tt.off).String(); got != tt.want {
			t.Errorf("pos(%d) = %s, want %s", tt.off, got, tt.want)
		}
	}
}

func TestRoleInText(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Example Request", "request/0"},
		{"Example Requests", "request/0"},
		{"Example Response", "response/0"},
		{"Normal response", "response/0"},
		{"Abnormal response", "error-response/0"},
		{"Error response", "error-response/0"},
		{"Status code: 200", "response/200"},
		{"Status Code 404", "error-response/404"},
		{"400", "error-response/400"},
		{"OK", "response/200"},
		{"Bad Request", "error-response/400"},
		{"Not Found.", "error-response/404"},
		{"Or", "/0"},
		{"Create an ECS group.", "/0"},
	}
	for _, tt := range tests {
		r, _ := roleInText(tt.text)
		if got := fmt.Sprintf("%s/%d", r.role, r.status); got != tt.want {
			t.Errorf("roleInText(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestTitleSubject(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Table 3 internalEroCMM.0101r field description", "internalEroCMM.0101r"},
		{"Table 5 server_group parameters", "server_group"},
		{"Table 4 server_groups parameter information", "server_groups"},
		{"Table 2 error field structure", "error"},
		{"Table 4 VaultCreate", "VaultCreate"},
		{"Table 4 security_group_rule objects", "security_group_rule"},
		{"Table 7 Data structure of the network that an ECS accesses", "network that an ECS accesses"},
		{"Table 2 Response parameters", ""},
		{"Table 1 Parameter description", ""},
	}
	for _, tt := range tests {
		if got := titleSubject(tt.title); got != tt.want {
			t.Errorf("titleSubject(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestSameName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"server_group", "server_group", true},
		{"server_groups", "server_group", true},
		{"match", "matches", true},
		{"security_group_rule", "rules", true},
		{"sub_jobs.entities", "entities", true},
		{"VaultCreate", "vault_create", true},
		{"internalEroCMM.0101r", "internalError", false},
		{"id", "uuid", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := sameName(tt.a, tt.b); got != tt.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
