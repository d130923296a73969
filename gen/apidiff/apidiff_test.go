package apidiff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/source"
)

// Models built by hand: each case is one construct, the want lines say
// operation | kind | path | old | new | breaking.

func typ(name string, fields ...*ir.Field) *ir.Type {
	return &ir.Type{GoName: name, Fields: fields, Pos: source.Pos{File: name + ".rst", Line: 1}}
}

func field(json string, t *ir.GoType, required bool) *ir.Field {
	return &ir.Field{JSONName: json, GoName: strings.ToUpper(json[:1]) + json[1:], Type: t, OmitEmpty: !required}
}

func optional(json string, t *ir.GoType) *ir.Field  { return field(json, t, false) }
func mandatory(json string, t *ir.GoType) *ir.Field { return field(json, t, true) }

func blocks(text string) []*doc.Block {
	return []*doc.Block{{Kind: doc.Paragraph, Inlines: []*doc.Inline{{Kind: doc.Plain, Text: text}}}}
}

func described(f *ir.Field, text string) *ir.Field {
	f.Doc = blocks(text)
	return f
}

func describedParam(p *ir.Param, text string) *ir.Param {
	p.Doc = blocks(text)
	return p
}

func param(in ir.ParamIn, name string, t *ir.GoType, required bool) *ir.Param {
	return &ir.Param{Name: name, In: in, Type: t, Required: required}
}

func op(method, path string, params []*ir.Param, request *ir.Type, responses ...*ir.Response) *ir.Operation {
	return &ir.Operation{GoName: method + path, Method: method, Path: path, Params: params, Request: request, Responses: responses,
		Pos: source.Pos{File: "op.rst", Line: 3}}
}

func resp(status string, body *ir.Type) *ir.Response {
	return &ir.Response{Status: status, Body: body}
}

func set(ops ...*ir.Operation) Set { return Set{Package: &ir.Package{Operations: ops}} }

func lines(changes []Change) []string {
	var out []string
	for _, c := range changes {
		out = append(out, fmt.Sprintf("%s | %s | %s | %s | %s | %v", c.Operation, c.Kind, c.Path, c.Old, c.New, c.Breaking))
	}
	return out
}

type compareCase struct {
	name     string
	old, new Set
	want     []string
}

func TestCompareOperations(t *testing.T) {
	server := func(fields ...*ir.Field) *ir.Type { return typ("Server", fields...) }
	nested := func(name string, fields ...*ir.Field) *ir.GoType { return ir.NamedType(typ(name, fields...)) }
	projectID := param(ir.InPath, "project_id", ir.String, true)
	cases := []compareCase{{
		name: "same",
		old:  set(op("GET", "/v1/{project_id}/servers", []*ir.Param{projectID}, nil, resp("200", server(mandatory("id", ir.String))))),
		new:  set(op("GET", "/v1/{project_id}/servers", []*ir.Param{projectID}, nil, resp("200", server(mandatory("id", ir.String))))),
	}, {
		name: "placeholder names and the query string are no change",
		old:  set(op("GET", "/v1/{project_id}/servers/{server_id}", []*ir.Param{projectID, param(ir.InPath, "server_id", ir.String, true)}, nil)),
		new: set(op("GET", "/v1/{tenant}/servers/{id}/?limit={limit}", []*ir.Param{
			param(ir.InPath, "tenant", ir.String, true), param(ir.InPath, "id", ir.String, true)}, nil)),
	}, {
		name: "operation added and removed, ordered by path then method",
		old:  set(op("DELETE", "/v1/servers/{id}", nil, nil), op("GET", "/v1/servers", nil, nil)),
		new:  set(op("POST", "/v1/servers", nil, nil), op("GET", "/v1/servers", nil, nil), op("GET", "/v1/flavors", nil, nil)),
		want: []string{
			"GET /v1/flavors | operation-added |  |  | GET/v1/flavors | false",
			"POST /v1/servers | operation-added |  |  | POST/v1/servers | false",
			"DELETE /v1/servers/{id} | operation-removed |  | DELETE/v1/servers/{id} |  | true",
		},
	}, {
		name: "method is part of the key",
		old:  set(op("PUT", "/v1/servers", nil, nil)),
		new:  set(op("PATCH", "/v1/servers", nil, nil)),
		want: []string{
			"PATCH /v1/servers | operation-added |  |  | PATCH/v1/servers | false",
			"PUT /v1/servers | operation-removed |  | PUT/v1/servers |  | true",
		},
	}, {
		name: "parameters",
		old: set(op("GET", "/v1/{project_id}/servers", []*ir.Param{projectID,
			param(ir.InQuery, "limit", ir.String, false),
			param(ir.InQuery, "marker", ir.String, false),
			param(ir.InQuery, "name", ir.String, false),
			param(ir.InQuery, "status", ir.String, true),
			param(ir.InHeader, "X-Auth-Token", ir.String, true),
		}, nil)),
		new: set(op("GET", "/v1/{project_id}/servers", []*ir.Param{projectID,
			param(ir.InQuery, "limit", ir.Int, false),
			param(ir.InQuery, "name", ir.String, true),
			param(ir.InQuery, "status", ir.String, false),
			param(ir.InQuery, "offset", ir.Int, false),
			param(ir.InQuery, "region", ir.String, true),
			param(ir.InHeader, "x-auth-token", ir.String, true),
		}, nil)),
		want: []string{
			"GET /v1/{project_id}/servers | type-changed | query.limit | string | int | true",
			"GET /v1/{project_id}/servers | param-removed | query.marker | string |  | true",
			"GET /v1/{project_id}/servers | required-changed | query.name | optional | mandatory | true",
			"GET /v1/{project_id}/servers | param-added | query.offset |  | int | false",
			"GET /v1/{project_id}/servers | param-added | query.region |  | string | true",
			"GET /v1/{project_id}/servers | required-changed | query.status | mandatory | optional | false",
		},
	}, {
		name: "request fields",
		old: set(op("POST", "/v1/servers", nil, typ("CreateRequest",
			mandatory("server", nested("Server",
				mandatory("name", ir.String),
				optional("count", ir.PointerTo(ir.Int)),
				optional("flavor", ir.String),
				optional("metadata", ir.MapOf(ir.AnyType)),
				optional("nics", ir.SliceOf(nested("Nic", mandatory("subnet_id", ir.String), optional("ip", ir.String)))),
			))))),
		new: set(op("POST", "/v1/servers", nil, typ("CreateServersRequest",
			mandatory("server", nested("ServerSpec",
				mandatory("name", ir.String),
				mandatory("count", ir.Int),
				mandatory("flavor", ir.String),
				optional("metadata", nested("Metadata", optional("key", ir.String))),
				optional("nics", ir.SliceOf(nested("Nic", mandatory("subnet_id", ir.String), optional("ipv6", ir.Bool)))),
				optional("tags", ir.SliceOf(nested("Tag", mandatory("key", ir.String)))),
				mandatory("zone", ir.String),
			))))),
		want: []string{
			"POST /v1/servers | required-changed | request.server.count | optional | mandatory | true",
			"POST /v1/servers | required-changed | request.server.flavor | optional | mandatory | true",
			"POST /v1/servers | type-changed | request.server.metadata | map[string]any | Metadata | true",
			"POST /v1/servers | field-removed | request.server.nics[].ip | string |  | true",
			"POST /v1/servers | field-added | request.server.nics[].ipv6 |  | bool | false",
			"POST /v1/servers | field-added | request.server.tags |  | []Tag | false",
			"POST /v1/servers | field-added | request.server.zone |  | string | true",
		},
	}, {
		name: "response fields: optionality breaks where the Go type changes",
		old: set(op("GET", "/v1/servers/{id}", nil, nil, resp("200", typ("Response",
			mandatory("name", ir.String), mandatory("ram", ir.Int), optional("disk", ir.PointerTo(ir.Int)),
			optional("flavor", ir.PointerTo(nested("Flavor", mandatory("id", ir.String)))))))),
		new: set(op("GET", "/v1/servers/{id}", nil, nil, resp("200", typ("Response",
			optional("name", ir.String), optional("ram", ir.PointerTo(ir.Int)), mandatory("disk", ir.Int),
			mandatory("flavor", nested("Flavor", mandatory("id", ir.String))))))),
		want: []string{
			"GET /v1/servers/{id} | required-changed | response/200.disk | optional | mandatory | true",
			"GET /v1/servers/{id} | required-changed | response/200.flavor | optional | mandatory | true",
			"GET /v1/servers/{id} | required-changed | response/200.name | mandatory | optional | false",
			"GET /v1/servers/{id} | required-changed | response/200.ram | mandatory | optional | true",
		},
	}, {
		name: "responses by status; a body that appears or goes",
		old: set(op("POST", "/v1/jobs", nil, nil, resp("200", typ("JobResponse", mandatory("id", ir.String))), resp("400", typ("Error")),
			&ir.Response{Status: "500"})),
		new: set(op("POST", "/v1/jobs", nil, typ("JobRequest", optional("x", ir.String)), resp("200", nil), resp("202", typ("Accepted")),
			&ir.Response{Status: "500", Header: typ("Headers", optional("X-Request-Id", ir.String))})),
		want: []string{
			"POST /v1/jobs | field-added | request |  | JobRequest | false",
			"POST /v1/jobs | field-added | response-header/500 |  | Headers | false",
			"POST /v1/jobs | field-removed | response/200 | JobResponse |  | true",
			"POST /v1/jobs | response-added | response/202 |  | Accepted | false",
			"POST /v1/jobs | response-removed | response/400 | Error |  | true",
		},
	}, {
		name: "a request body that appears with a mandatory field breaks",
		old:  set(op("POST", "/v1/a", nil, nil), op("POST", "/v1/b", nil, nil)),
		new: set(op("POST", "/v1/a", nil, typ("A", optional("x", ir.String), mandatory("y", ir.String))),
			op("POST", "/v1/b", nil, typ("B", optional("x", ir.String)))),
		want: []string{
			"POST /v1/a | field-added | request |  | A | true",
			"POST /v1/b | field-added | request |  | B | false",
		},
	}, {
		name: "descriptions: wording changes, spacing does not",
		old: set(op("GET", "/v1/servers", []*ir.Param{describedParam(param(ir.InQuery, "limit", ir.Int, false), "How many.")}, nil,
			resp("200", typ("R", described(optional("a", ir.String), "The   name\nof it."), described(optional("b", ir.String), "Old text."))))),
		new: set(op("GET", "/v1/servers", []*ir.Param{describedParam(param(ir.InQuery, "limit", ir.Int, false), "How many, at most.")}, nil,
			resp("200", typ("R", described(optional("a", ir.String), "The name of it."), described(optional("b", ir.String), "New text."))))),
		want: []string{
			"GET /v1/servers | description-changed | query.limit | How many. | How many, at most. | false",
			"GET /v1/servers | description-changed | response/200.b | Old text. | New text. | false",
		},
	}, {
		name: "maps, arrays of arrays, placeholder tables",
		old: set(op("GET", "/v1/a", nil, nil, resp("200", typ("R",
			optional("addresses", ir.MapOf(ir.SliceOf(nested("Address", optional("addr", ir.String))))),
			optional("grid", ir.SliceOf(ir.SliceOf(nested("Cell", optional("v", ir.PointerTo(ir.Int)))))),
			optional("byName", ir.NamedType(&ir.Type{GoName: "ByName", Underlying: ir.MapOf(nested("Entry", optional("n", ir.PointerTo(ir.Int))))})),
		)))),
		new: set(op("GET", "/v1/a", nil, nil, resp("200", typ("R",
			optional("addresses", ir.MapOf(ir.SliceOf(nested("Address", optional("addr", ir.PointerTo(ir.Int)))))),
			optional("grid", ir.SliceOf(ir.SliceOf(nested("Cell", optional("v", ir.PointerTo(ir.Int)), optional("w", ir.PointerTo(ir.Int)))))),
			optional("byName", ir.MapOf(nested("Entry", optional("n", ir.PointerTo(ir.Int64))))),
		)))),
		want: []string{
			"GET /v1/a | type-changed | response/200.addresses{}[].addr | string | *int | true",
			"GET /v1/a | type-changed | response/200.byName{}.n | *int | *int64 | true",
			"GET /v1/a | field-added | response/200.grid[][].w |  | *int | false",
		},
	}}
	cases = append(cases, enumCases()...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := lines(Compare(c.old, c.new))
			if !slices.Equal(got, c.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if again := lines(Compare(c.old, c.new)); !slices.Equal(again, got) {
				t.Errorf("a second comparison differs")
			}
			if same := Compare(c.new, c.new); len(same) != 0 {
				t.Errorf("new against itself: %s", strings.Join(lines(same), "\n"))
			}
		})
	}
}

// A table that nests itself (a tree of menus) is compared once.
func TestCompareCycle(t *testing.T) {
	tree := func(extra ...*ir.Field) *ir.Type {
		node := typ("Node", optional("name", ir.String))
		node.Fields = append(node.Fields, optional("children", ir.SliceOf(ir.NamedType(node))))
		node.Fields = append(node.Fields, extra...)
		return node
	}
	got := lines(Compare(set(op("GET", "/tree", nil, nil, resp("200", tree()))),
		set(op("GET", "/tree", nil, nil, resp("200", tree(optional("id", ir.String)))))))
	want := []string{"GET /tree | field-added | response/200.id |  | string | false"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestOperationKey(t *testing.T) {
	for _, c := range []struct{ method, path, want string }{
		{"POST", "/v1/{project_id}/cloudservers", "POST /v1/{}/cloudservers"},
		{"get", "/v2.1/{project_id}/servers/{server_id}/os-interface?limit={limit}&marker={marker}", "GET /v2.1/{}/servers/{}/os-interface"},
		{"GET", "/v1/servers/", "GET /v1/servers"},
		{"GET", "/", "GET /"},
		{"DELETE", "/v1/{project_id}/cloudservers/{server_id}/tags/{key}", "DELETE /v1/{}/cloudservers/{}/tags/{}"},
	} {
		if got := OperationKey(c.method, c.path); got != c.want {
			t.Errorf("OperationKey(%q, %q) = %q, want %q", c.method, c.path, got, c.want)
		}
	}
}

func TestIdentify(t *testing.T) {
	for _, c := range []struct {
		name string
		page *doc.Page
		root string
		want pageID
	}{
		{"original name", &doc.Page{Path: "docs/v2/a/b.rst", OriginalName: "en-us_topic_0142195139.html"}, "docs/v2",
			pageID{topic: "topic 0142195139", rel: "a/b"}},
		{"other original name", &doc.Page{Path: "x.md", OriginalName: "Servers.html"}, ".",
			pageID{topic: "name servers", rel: "x"}},
		{"2022 label", &doc.Page{Path: "old/c.rst", Tables: []*doc.Table{{Labels: []string{"enustopic0142195139table757167711151"}}}}, "old",
			pageID{topic: "topic 0142195139", rel: "c"}},
		{"section label", &doc.Page{Path: "old/d/e.html", Sections: []*doc.Section{{Labels: []string{"en-us_topic_0020212679__section1"}}}}, "old/",
			pageID{topic: "topic 0020212679", rel: "d/e"}},
		{"nothing", &doc.Page{Path: "elsewhere/f.rst", Labels: []string{"servers"}}, "old", pageID{rel: "elsewhere/f"}},
	} {
		if got := identify(c.page, c.root); got != c.want {
			t.Errorf("%s: identify = %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestPair(t *testing.T) {
	type item struct{ name, a, b string }
	keys := func(i item) []string { return []string{i.a, i.b} }
	old := []item{{"o1", "x", "p"}, {"o2", "", "q"}, {"o3", "y", "r"}, {"o4", "", "q"}}
	new := []item{{"n1", "", "q"}, {"n2", "x", "z"}, {"n3", "", "r"}, {"n4", "w", "s"}}
	pairs, onlyOld, onlyNew := pair(old, new, keys, keys)
	var got []string
	for _, p := range pairs {
		got = append(got, p[0].name+"="+p[1].name)
	}
	for _, o := range onlyOld {
		got = append(got, o.name+"-")
	}
	for _, n := range onlyNew {
		got = append(got, n.name+"+")
	}
	// x pairs o1 with n2 in the first pass; q pairs o2 (the first) with
	// n1 and r pairs o3 with n3 in the second; o4 and n4 are left.
	want := []string{"o2=n1", "o1=n2", "o3=n3", "o4-", "n4+"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func enumType(name string, values ...string) *ir.GoType {
	e := &ir.Enum{Base: ir.String}
	for _, v := range values {
		e.Values = append(e.Values, &ir.EnumValue{GoName: name + v, Value: v})
	}
	return ir.NamedType(&ir.Type{GoName: name, Underlying: ir.String, Enum: e})
}

// Enums: values added and removed (a value removed breaks a request that
// sends it), and a string that becomes an enum changes its Go type.
func enumCases() []compareCase {
	request := func(status, kind, plain *ir.GoType) *ir.Type {
		return typ("Req", mandatory("status", status), optional("kind", kind), optional("plain", plain))
	}
	return []compareCase{{
		name: "enum values",
		old: set(op("POST", "/v1/servers", []*ir.Param{param(ir.InQuery, "sort", enumType("Sort", "asc", "desc", "name"), false)},
			request(enumType("Status", "ACTIVE", "SHUTOFF"), enumType("Kind", "vm", "bms"), ir.String),
			resp("200", typ("Resp", mandatory("status", enumType("State", "ACTIVE", "ERROR")))))),
		new: set(op("POST", "/v1/servers", []*ir.Param{param(ir.InQuery, "sort", enumType("SortKey", "asc", "desc"), false)},
			request(enumType("ServerStatus", "ACTIVE", "SHUTOFF", "BUILD"), enumType("Kind", "vm"), enumType("Plain", "a", "b")),
			resp("200", typ("Resp", mandatory("status", enumType("State", "ACTIVE")))))),
		want: []string{
			"POST /v1/servers | enum-value-removed | query.sort | name |  | true",
			"POST /v1/servers | enum-value-removed | request.kind | bms |  | true",
			"POST /v1/servers | type-changed | request.plain | string | Plain | true",
			"POST /v1/servers | enum-value-added | request.status |  | BUILD | false",
			"POST /v1/servers | enum-value-removed | response/200.status | ERROR |  | false",
		},
	}, {
		name: "an integer enum is not a string enum",
		old:  set(op("GET", "/v1/a", nil, nil, resp("200", typ("R", mandatory("level", enumType("Level", "1", "2")))))),
		new: set(op("GET", "/v1/a", nil, nil, resp("200", typ("R", mandatory("level", ir.NamedType(&ir.Type{GoName: "Level", Underlying: ir.Int,
			Enum: &ir.Enum{Base: ir.Int, Values: []*ir.EnumValue{{Value: "1"}, {Value: "2"}}}})))))),
		want: []string{"GET /v1/a | type-changed | response/200.level | enum of string | enum of int | true"},
	}}
}
