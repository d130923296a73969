package config

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	_ "github.com/rst2go/rst2go/gen/golden" // defines -update
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // a summary of the config
		diags     string // the diagnostics, one per line
	}{{
		name: "empty",
		src:  "",
		want: "initialisms=[] roles=none words=[] types=[] fields=[]",
	}, {
		name: "everything",
		src: "initialisms: [ECS, vCPU]\nroles: [request, response]\ntypeWords:\n  Timestamp: time.Time\n  Date: \"*time.Time\"\n" +
			"types:\n  - page: a/b\n    table: Table 3\n    name: Thing\nfields:\n  - type: Thing\n    param: x-y\n    name: XY\n    goType: \"[]encoding/json.Number\"\n",
		want: "initialisms=[ECS vCPU] roles=[request@2:9 response@2:18] words=[Timestamp=time.Time@4:3 Date=*time.Time@5:3] " +
			"types=[a/b|Table 3=Thing@7:5] fields=[Thing.x-y=XY:[]encoding/json.Number@11:5]",
	}, {
		name: "selected by operation and json path",
		src: "types:\n  - operation: post /v1/{project_id}/cloudservers\n    path: request.server\n    name: ServerOptions\n" +
			"fields:\n  - operation: POST /v1/{project_id}/cloudservers\n    path: request.server\n    param: vpcid\n    name: VPC\n",
		want: "initialisms=[] roles=none words=[] types=[POST /v1/{project_id}/cloudservers|request.server=ServerOptions@2:5] " +
			"fields=[(POST /v1/{project_id}/cloudservers|request.server).vpcid=VPC@6:5]",
	}, {
		name: "bad operation selectors",
		src: "types:\n  - operation: /v1/servers\n    path: request\n    name: A\n  - page: p\n    operation: GET /v1/x\n    path: response\n    name: B\n" +
			"  - operation: GET /v1/x\n    name: C\nfields:\n  - type: T\n    operation: GET /v1/x\n    path: response\n    param: p\n    name: N\n",
		want: "initialisms=[] roles=none words=[] types=[] fields=[]",
		diags: "c.yaml:2:16: error: operation: \"/v1/servers\": want a method and a path template (\"POST /v1/{project_id}/cloudservers\")\n" +
			"c.yaml:2:5: error: types entry: name and either page and table, or operation and path, are needed\n" +
			"c.yaml:5:5: error: types entry: name and either page and table, or operation and path, are needed\n" +
			"c.yaml:9:5: error: types entry: name and either page and table, or operation and path, are needed\n" +
			"c.yaml:12:5: error: fields entry: type (or operation and path), param and one of name, goType, enum or values are needed",
	}, {
		name: "unknown keys, at their lines",
		src:  "initialism: [ECS]\ntypes:\n  - page: a\n    tabel: b\n    name: C\n",
		want: "initialisms=[] roles=none words=[] types=[] fields=[]",
		diags: "c.yaml:1:1: error: top level: unknown key \"initialism\" (want one of initialisms, namespaces, roles, typeWords, types, fields, pointers, times, ignore, sdkTags)\n" +
			"c.yaml:4:5: error: types entry: unknown key \"tabel\" (want one of page, table, operation, path, name)\n" +
			"c.yaml:3:5: error: types entry: name and either page and table, or operation and path, are needed",
	}, {
		name: "bad values",
		src:  "roles: [requests]\ntypeWords:\n  A: Time\n  B: foo.Bar\n  C: \"map[int]string\"\ninitialisms: [\"a-b\"]\nfields:\n  - type: lower\n    param: p\n    name: N\n",
		want: "initialisms=[] roles=[] words=[] types=[] fields=[]",
		diags: "c.yaml:1:9: error: unknown role \"requests\" (want one of request, response, error-response, path-params, query-params, uri-params, request-header, response-header, params)\n" +
			"c.yaml:3:6: error: type word \"A\": \"Time\" is not a Go type (want a predeclared type, pkg.Name or import/path.Name, or []T, map[string]T, *T of one)\n" +
			"c.yaml:4:6: error: type word \"B\": package \"foo\": write its import path (like encoding/json.Number)\n" +
			"c.yaml:5:6: error: type word \"C\": \"map[int]string\" is not a Go type (want a predeclared type, pkg.Name or import/path.Name, or []T, map[string]T, *T of one)\n" +
			"c.yaml:6:15: error: initialism \"a-b\": letters and digits only\n" +
			"c.yaml:8:11: error: type: \"lower\" is not an exported Go identifier\n" +
			"c.yaml:8:5: error: fields entry: type (or operation and path), param and one of name, goType, enum or values are needed",
	}, {
		name: "pointers, times, enum switches",
		src: "pointers: {requests: never, responses: optional}\ntimes: rfc3339\nfields:\n  - type: A\n    param: s\n    enum: false\n" +
			"  - type: A\n    param: t\n    values: [X, \"\", \"2.0\"]\n",
		want: "initialisms=[] roles=none words=[] types=[] fields=[A.s=!enum@4:5 A.t=+[X  2.0]@7:5] pointers=never/optional times=rfc3339",
	}, {
		name: "bad pointers, times, enum switches",
		src: "pointers: {requests: sometimes, answers: never}\ntimes: iso\nfields:\n  - type: A\n    param: s\n    enum: true\n" +
			"  - type: A\n    param: t\n    values: [X, X]\n  - type: A\n    param: u\n    enum: false\n    values: [Y]\n",
		want: "initialisms=[] roles=none words=[] types=[] fields=[A.t=+[X]@7:5]",
		diags: "c.yaml:1:22: error: pointers.requests: unknown policy \"sometimes\" (want one of optional, never)\n" +
			"c.yaml:1:33: error: pointers: unknown key \"answers\" (want one of requests, responses)\n" +
			"c.yaml:2:8: error: times: unknown value \"iso\" (want rfc3339 or off)\n" +
			"c.yaml:6:11: error: enum: only false is allowed (enums are on by default)\n" +
			"c.yaml:4:5: error: fields entry: type (or operation and path), param and one of name, goType, enum or values are needed\n" +
			"c.yaml:9:17: error: values: \"X\" given twice\n" +
			"c.yaml:10:5: error: fields entry: enum: false and values contradict each other",
	}, {
		name: "sdkTags",
		src:  "sdkTags: gophertelekomcloud\n",
		want: "initialisms=[] roles=none words=[] types=[] fields=[] sdkTags=gophertelekomcloud",
	}, {
		name:  "bad sdkTags",
		src:   "sdkTags: gophercloud\n",
		want:  "initialisms=[] roles=none words=[] types=[] fields=[]",
		diags: "c.yaml:1:10: error: sdkTags: unknown value \"gophercloud\" (want gophertelekomcloud)",
	}, {
		name:  "not YAML",
		src:   "a: [\n",
		want:  "initialisms=[] roles=none words=[] types=[] fields=[]",
		diags: "c.yaml:1: error: did not find expected node content",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := Parse("c.yaml", []byte(tt.src))
			if got := summary(cfg); got != tt.want {
				t.Errorf("config:\n got %s\nwant %s", got, tt.want)
			}
			if got := strings.TrimSpace(diags.String()); got != tt.diags {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tt.diags)
			}
		})
	}
}

func summary(c *Config) string {
	var b strings.Builder
	b.WriteString("initialisms=[" + strings.Join(c.Initialisms, " ") + "] roles=")
	if c.Roles == nil {
		b.WriteString("none")
	} else {
		var r []string
		for _, x := range c.Roles {
			r = append(r, x.Name+"@"+at(x.Pos.Line, x.Pos.Col))
		}
		b.WriteString("[" + strings.Join(r, " ") + "]")
	}
	var w []string
	for _, x := range c.TypeWords {
		w = append(w, x.Word+"="+x.GoType.String()+"@"+at(x.Pos.Line, x.Pos.Col))
	}
	var ty []string
	for _, x := range c.Types {
		sel := x.Page + "|" + x.Table
		if x.Operation != "" {
			sel = x.Operation + "|" + x.Path
		}
		ty = append(ty, sel+"="+x.Name+"@"+at(x.Pos.Line, x.Pos.Col))
	}
	var f []string
	for _, x := range c.Fields {
		typ := x.Type
		if x.Operation != "" {
			typ = "(" + x.Operation + "|" + x.Path + ")"
		}
		s := typ + "." + x.Param + "=" + x.Name
		if x.GoType != nil {
			s += ":" + x.GoType.String()
		}
		if x.NoEnum {
			s += "!enum"
		}
		if x.Values != nil {
			s += "+[" + strings.Join(x.Values, " ") + "]"
		}
		f = append(f, s+"@"+at(x.Pos.Line, x.Pos.Col))
	}
	b.WriteString(" words=[" + strings.Join(w, " ") + "] types=[" + strings.Join(ty, " ") + "] fields=[" + strings.Join(f, " ") + "]")
	if c.Pointers != (Pointers{}) {
		b.WriteString(" pointers=" + c.Pointers.Requests + "/" + c.Pointers.Responses)
	}
	if c.Times != "" {
		b.WriteString(" times=" + c.Times)
	}
	if c.SDKTags != "" {
		b.WriteString(" sdkTags=" + c.SDKTags)
	}
	return b.String()
}

func at(line, col int) string { return strconv.Itoa(line) + ":" + strconv.Itoa(col) }

// TestParseGoTypeRejects: what would make an import declaration or a type
// expression that does not compile is an error in the config.
func TestParseGoTypeRejects(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"time.Time", ""},
		{"*example.com/x/any.Thing", ""},
		{"[]github.com/a/b-c_d~e+f.T", ""},
		{"example.com/a\nb.T", "is not an import path"},
		{"example.com/a\x00b.T", "is not an import path"},
		{"example.com/a*b.T", "is not an import path"},
		{"example.com/caf\xe9.T", "is not an import path"},
		{"example.com/a b.T", "is not an import path"},
		{"example.com//b.T", "is not an import path"},
		{"example.com/.hidden.T", "is not an import path"},
		{"example.com/x.T\x00", "is not an exported type name"},
		{"example.com/x.t", "is not an exported type name"},
		{"**", "is not a Go type"},
	} {
		_, err := ParseGoType(tc.in)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("ParseGoType(%q): %v", tc.in, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("ParseGoType(%q) = %v, want an error %q", tc.in, err, tc.want)
		}
	}
}

func TestParseIgnore(t *testing.T) {
	src := "ignore:\n  - code: unknown-type\n  - code: missing-table\n    page: servers/creating_ecss\n    param: metadata\n  - page: x\n  - code: a\n    params: b\n"
	cfg, diags := Parse("c.yaml", []byte(src))
	var got []string
	for _, ig := range cfg.Ignore {
		got = append(got, fmt.Sprintf("%s|%s|%s@%d:%d", ig.Code, ig.Page, ig.Param, ig.Pos.Line, ig.Pos.Col))
	}
	if want := "unknown-type||@2:5 missing-table|servers/creating_ecss|metadata@3:5 a||@7:5"; strings.Join(got, " ") != want {
		t.Errorf("ignore entries:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	wantDiags := "c.yaml:6:5: error: ignore entry: code is needed (the code a warning ends with in -json, or in the README's table)\n" +
		"c.yaml:8:5: error: ignore entry: unknown key \"params\" (want one of code, page, param)"
	if got := strings.TrimSpace(diags.String()); got != wantDiags {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, wantDiags)
	}
}
