// Package config reads rst2go.yaml, the per-package settings that adjust
// generation without touching the docs: type and field names, Go types for
// type words or single fields, extra initialisms, and which tables to emit.
//
//	# rst2go.yaml
//	initialisms: [ECS, EVS]
//	namespaces: keep                   # OSEXTSTSVMState, not VMState
//	roles: [request, response, error-response]
//	typeWords:
//	  Timestamp: time.Time
//	types:
//	  - page: servers/creating_ecss    # path (no extension; a suffix will do) or title
//	    table: Table 3                 # a label, a title, or "Table N"
//	    name: ServerCreateOptions
//	fields:
//	  - type: CreateECSsRequest        # the Go type, as generated
//	    param: OS-EXT-STS:vm_state     # the parameter, as the docs write it
//	    name: VMState                  # the Go field name
//	    goType: "*time.Time"           # the Go type of the field
//	  - type: ShowServerResponse
//	    param: status
//	    enum: false                    # no enum type for this field
//	  - type: ShowServerResponse
//	    param: power_state
//	    values: [SUSPENDED]            # values the docs forgot
//	pointers:                          # optional numbers, booleans, structs
//	  requests: optional               # pointers (the default)
//	  responses: never                 # plain values (the default)
//	times: rfc3339                     # documented RFC 3339 strings → time.Time
//	sdkTags: gophertelekomcloud        # also q, h and required tags for that SDK
//
// Every key is checked: an unknown key, a bad value or (once a run has
// resolved) a selector that matches nothing is an error at the config's
// line.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/source"
	"go.yaml.in/yaml/v3"
)

// DefaultFile is the config file rst2go reads from the folder it runs in
// (where go generate runs it: beside the //go:generate line).
const DefaultFile = "rst2go.yaml"

// Config is a parsed rst2go.yaml.
type Config struct {
	Path        string
	Initialisms []string
	// Roles lists the roles of top-level tables to emit; nil means all.
	Roles     []Role
	TypeWords []TypeWord
	Types     []TypeName
	Fields    []Field
	// KeepNamespaces keeps OpenStack namespaces in Go names
	// (OSEXTSTSVMState) where rst2go drops them when the rest is unique
	// (VMState): "namespaces: keep".
	KeepNamespaces bool
	// Pointers is the pointer policy of each role; the zero value means
	// the defaults (PointersOptional for requests, PointersNever for
	// responses).
	Pointers Pointers
	// Times is "rfc3339" when string fields documented as RFC 3339 / ISO
	// 8601 UTC times become time.Time; "" (the default) or "off" leaves
	// them strings.
	Times string
	// Ignore silences warnings, for -strict (see [Ignore]).
	Ignore []Ignore
	// SDKTags names an SDK whose struct tags the output also carries (one
	// of [SDKTagValues]); "" for none.
	SDKTags string
}

// SDKTagValues are the values sdkTags takes: the SDKs whose tags rst2go
// knows.
var SDKTagValues = []string{ir.SDKGopherTelekomCloud}

// Ignore silences the warnings of one code: all of them, or those on one
// page (its path without extension, a suffix will do, or its title), or
// about one parameter (as the docs write it), or both. Errors are never
// silenced.
type Ignore struct {
	Code, Page, Param string
	Pos               source.Pos
}

// Pointer policies: whether an optional number, boolean or nested struct
// is a pointer.
const (
	PointersOptional = "optional" // a pointer, so that absent and zero differ
	PointersNever    = "never"    // a plain value
)

// Pointers is the pointer policy of the types reached from requests and
// of those reached only from responses.
type Pointers struct {
	Requests, Responses string
}

// PointerPolicies are the values pointers.requests and pointers.responses
// take.
var PointerPolicies = []string{PointersOptional, PointersNever}

// TimesRFC3339 is the value of times that turns documented RFC 3339
// string fields into time.Time.
const TimesRFC3339 = "rfc3339"

// Role is a role name with its place in the config.
type Role struct {
	Name string
	Pos  source.Pos
}

// RoleNames are the roles a config may list, as the resolver names them.
var RoleNames = []string{
	"request", "response", "error-response", "path-params", "query-params",
	"uri-params", "request-header", "response-header", "params",
}

// TypeWord maps a doc type word (matched case- and spacing-insensitively)
// to a Go type.
type TypeWord struct {
	Word   string
	GoType *ir.GoType
	Pos    source.Pos
}

// TypeName names the Go type of the table a page and table select.
type TypeName struct {
	Page, Table string
	// Operation ("POST /v1/{project_id}/cloudservers") and Path (a json
	// path: "request.server.nics[]") select the table by its key in the
	// names lock instead of Page and Table: they survive renumbering and
	// renamed pages.
	Operation, Path string
	Name            string
	Pos             source.Pos
}

// Field overrides one field: selected by its struct's Go type name (as
// generated, after type renames) and the parameter name as written.
type Field struct {
	Type, Param string
	// Operation and Path select the struct as TypeName's do, instead of
	// Type.
	Operation, Path string
	Name            string     // Go field name, or ""
	GoType          *ir.GoType // or nil
	// NoEnum (enum: false) keeps the field a plain string or integer
	// even where the docs list its values.
	NoEnum bool
	// Values are enum values the docs forgot, added to the documented
	// set (or making one, where the docs list none).
	Values []string
	Pos    source.Pos
}

var predeclared = map[string]bool{
	"string": true, "bool": true, "int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "float32": true,
	"float64": true, "byte": true, "rune": true, "any": true,
}

// shortPaths are the packages a config may name by their last element.
var shortPaths = map[string]string{"json": "encoding/json", "time": "time", "big": "math/big", "netip": "net/netip", "url": "net/url"}

// ParseGoType reads a Go type expression: a predeclared type, a qualified
// type ("time.Time", "encoding/json.Number"), or a slice, map (string
// keys) or pointer of one.
func ParseGoType(s string) (*ir.GoType, error) {
	s = strings.TrimSpace(s)
	wrap := func(prefix string, of func(*ir.GoType) *ir.GoType) (*ir.GoType, error) {
		elem, err := ParseGoType(s[len(prefix):])
		if err != nil {
			return nil, err
		}
		return of(elem), nil
	}
	switch {
	case strings.HasPrefix(s, "[]"):
		return wrap("[]", ir.SliceOf)
	case strings.HasPrefix(s, "map[string]"):
		return wrap("map[string]", ir.MapOf)
	case strings.HasPrefix(s, "*"):
		return wrap("*", ir.PointerTo)
	case s == "any":
		return ir.AnyType, nil
	case predeclared[s]:
		return &ir.GoType{Kind: ir.Builtin, Name: s}, nil
	}
	dot := strings.LastIndex(s, ".")
	if dot <= 0 || strings.LastIndex(s, "/") > dot {
		return nil, fmt.Errorf("%q is not a Go type (want a predeclared type, pkg.Name or import/path.Name, or []T, map[string]T, *T of one)", s)
	}
	path, name := s[:dot], s[dot+1:]
	if !token.IsIdentifier(name) || !token.IsExported(name) {
		return nil, fmt.Errorf("%q is not an exported type name", name)
	}
	if !strings.Contains(path, "/") {
		full, ok := shortPaths[path]
		if !ok && strings.Contains(path, ".") {
			full, ok = path, true
		}
		if !ok {
			return nil, fmt.Errorf("package %q: write its import path (like encoding/json.Number)", path)
		}
		path = full
	}
	if !validImportPath(path) {
		return nil, fmt.Errorf("%q is not an import path (elements of ASCII letters, digits and - . _ ~ +, separated by single slashes)", path)
	}
	return &ir.GoType{Kind: ir.Qualified, Path: path, Name: name}, nil
}

// validImportPath reports whether path is an import path the go command
// accepts in a module (the rules of golang.org/x/mod/module.CheckImportPath,
// less its checks of Windows names): slash-separated elements of ASCII
// letters, digits and "-._~+", none empty or starting or ending with a
// dot. Everything else (control characters, "*", quotes, spaces, invalid
// UTF-8) would make an import declaration that does not compile.
func validImportPath(path string) bool {
	for _, elem := range strings.Split(path, "/") {
		if elem == "" || elem[0] == '.' || elem[len(elem)-1] == '.' {
			return false
		}
		for i := 0; i < len(elem); i++ {
			c := elem[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~+", c) >= 0) {
				return false
			}
		}
	}
	return true
}

// Parse reads a config file. Errors are positioned in path.
func Parse(path string, data []byte) (*Config, source.List) {
	p := &parser{path: path, cfg: &Config{Path: path}}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return p.cfg, nil // an empty file
		}
		// The YAML library says "yaml: line N: message".
		msg, line := strings.TrimPrefix(err.Error(), "yaml: "), 1
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
		}
		p.diags.Errorf(source.Pos{File: path, Line: line}, "config", "%s", msg)
		return p.cfg, p.diags
	}
	if len(root.Content) == 0 {
		return p.cfg, nil
	}
	p.top(root.Content[0])
	return p.cfg, p.diags
}

var yamlLine = regexp.MustCompile(`^line (\d+): `)

type parser struct {
	path  string
	cfg   *Config
	diags source.List
}

func (p *parser) pos(n *yaml.Node) source.Pos {
	return source.Pos{File: p.path, Line: n.Line, Col: n.Column}
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.diags.Errorf(p.pos(n), "config", format, args...)
}

// mapping calls f for each key of a mapping node, checking keys against
// known.
func (p *parser) mapping(n *yaml.Node, what string, known []string, f func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s: want a mapping", what)
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case known != nil && !contains(known, k.Value):
			p.errorf(k, "%s: unknown key %q (want one of %s)", what, k.Value, strings.Join(known, ", "))
		case seen[k.Value]:
			p.errorf(k, "%s: key %q given twice", what, k.Value)
		default:
			seen[k.Value] = true
			f(k.Value, k, v)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (p *parser) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Value == "" {
		p.errorf(n, "%s: want a non-empty string", what)
		return "", false
	}
	return n.Value, true
}

func (p *parser) list(n *yaml.Node, what string, f func(item *yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: want a list", what)
		return
	}
	for _, item := range n.Content {
		f(item)
	}
}

func (p *parser) goType(n *yaml.Node, what string) *ir.GoType {
	s, ok := p.scalar(n, what)
	if !ok {
		return nil
	}
	t, err := ParseGoType(s)
	if err != nil {
		p.errorf(n, "%s: %v", what, err)
		return nil
	}
	return t
}

// operation reads an operation selector, "METHOD /path/template", with
// the method in upper case.
func (p *parser) operation(n *yaml.Node, s string) string {
	method, path, ok := strings.Cut(strings.TrimSpace(s), " ")
	path = strings.TrimSpace(path)
	if !ok || method == "" || strings.Trim(strings.ToUpper(method), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" || !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " ?") {
		if s != "" {
			p.errorf(n, "operation: %q: want a method and a path template (\"POST /v1/{project_id}/cloudservers\")", s)
		}
		return ""
	}
	return strings.ToUpper(method) + " " + path
}

func (p *parser) identifier(n *yaml.Node, what string) string {
	s, ok := p.scalar(n, what)
	if !ok {
		return ""
	}
	if !token.IsIdentifier(s) || !token.IsExported(s) {
		p.errorf(n, "%s: %q is not an exported Go identifier", what, s)
		return ""
	}
	return s
}

func (p *parser) top(n *yaml.Node) {
	c := p.cfg
	p.mapping(n, "top level", []string{"initialisms", "namespaces", "roles", "typeWords", "types", "fields", "pointers", "times", "ignore", "sdkTags"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "namespaces":
			switch s, _ := p.scalar(v, key); s {
			case "keep":
				c.KeepNamespaces = true
			case "drop":
			case "":
			default:
				p.errorf(v, "namespaces: %q: want keep or drop", s)
			}
		case "initialisms":
			p.list(v, key, func(item *yaml.Node) {
				s, ok := p.scalar(item, "initialism")
				if !ok {
					return
				}
				for _, r := range s {
					if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
						p.errorf(item, "initialism %q: letters and digits only", s)
						return
					}
				}
				c.Initialisms = append(c.Initialisms, s)
			})
		case "roles":
			c.Roles = []Role{}
			p.list(v, key, func(item *yaml.Node) {
				s, ok := p.scalar(item, "role")
				if ok && !contains(RoleNames, s) {
					p.errorf(item, "unknown role %q (want one of %s)", s, strings.Join(RoleNames, ", "))
				} else if ok {
					c.Roles = append(c.Roles, Role{s, p.pos(item)})
				}
			})
		case "typeWords":
			p.mapping(v, key, nil, func(word string, k, v *yaml.Node) {
				if t := p.goType(v, fmt.Sprintf("type word %q", word)); t != nil {
					c.TypeWords = append(c.TypeWords, TypeWord{Word: word, GoType: t, Pos: p.pos(k)})
				}
			})
		case "types":
			p.list(v, key, func(item *yaml.Node) {
				tn := TypeName{Pos: p.pos(item)}
				p.mapping(item, "types entry", []string{"page", "table", "operation", "path", "name"}, func(key string, k, v *yaml.Node) {
					s, _ := p.scalar(v, key)
					switch key {
					case "page":
						tn.Page = s
					case "table":
						tn.Table = s
					case "operation":
						tn.Operation = p.operation(v, s)
					case "path":
						tn.Path = s
					case "name":
						tn.Name = p.identifier(v, key)
					}
				})
				byPage, byOp := tn.Page != "" || tn.Table != "", tn.Operation != "" || tn.Path != ""
				if tn.Name == "" || byPage == byOp || byPage && (tn.Page == "" || tn.Table == "") || byOp && (tn.Operation == "" || tn.Path == "") {
					p.errorf(item, "types entry: name and either page and table, or operation and path, are needed")
					return
				}
				c.Types = append(c.Types, tn)
			})
		case "pointers":
			p.mapping(v, key, []string{"requests", "responses"}, func(key string, k, v *yaml.Node) {
				s, ok := p.scalar(v, "pointers."+key)
				if ok && !contains(PointerPolicies, s) {
					p.errorf(v, "pointers.%s: unknown policy %q (want one of %s)", key, s, strings.Join(PointerPolicies, ", "))
					return
				}
				if key == "requests" {
					c.Pointers.Requests = s
				} else {
					c.Pointers.Responses = s
				}
			})
		case "ignore":
			p.list(v, key, func(item *yaml.Node) {
				ig := Ignore{Pos: p.pos(item)}
				p.mapping(item, "ignore entry", []string{"code", "page", "param"}, func(key string, k, v *yaml.Node) {
					s, _ := p.scalar(v, key)
					switch key {
					case "code":
						ig.Code = s
					case "page":
						ig.Page = s
					case "param":
						ig.Param = s
					}
				})
				if ig.Code == "" {
					p.errorf(item, "ignore entry: code is needed (the code a warning ends with in -json, or in the README's table)")
					return
				}
				c.Ignore = append(c.Ignore, ig)
			})
		case "sdkTags":
			s, ok := p.scalar(v, key)
			switch {
			case !ok:
			case slices.Contains(SDKTagValues, s):
				c.SDKTags = s
			default:
				p.errorf(v, "sdkTags: unknown value %q (want %s)", s, strings.Join(SDKTagValues, " or "))
			}
		case "times":
			s, ok := p.scalar(v, key)
			switch {
			case !ok:
			case s == TimesRFC3339 || s == "off":
				c.Times = s
			default:
				p.errorf(v, "times: unknown value %q (want %s or off)", s, TimesRFC3339)
			}
		case "fields":
			p.list(v, key, func(item *yaml.Node) {
				f := Field{Pos: p.pos(item)}
				enumSet := false
				p.mapping(item, "fields entry", []string{"type", "operation", "path", "param", "name", "goType", "enum", "values"}, func(key string, k, v *yaml.Node) {
					switch key {
					case "type":
						f.Type = p.identifier(v, key)
					case "operation":
						s, _ := p.scalar(v, key)
						f.Operation = p.operation(v, s)
					case "path":
						f.Path, _ = p.scalar(v, key)
					case "param":
						f.Param, _ = p.scalar(v, key)
					case "name":
						f.Name = p.identifier(v, key)
					case "goType":
						f.GoType = p.goType(v, key)
					case "enum":
						if v.Kind != yaml.ScalarNode || v.Value != "false" {
							p.errorf(v, "enum: only false is allowed (enums are on by default)")
							return
						}
						f.NoEnum, enumSet = true, true
					case "values":
						p.list(v, key, func(item *yaml.Node) {
							if item.Kind != yaml.ScalarNode {
								p.errorf(item, "values: want a string")
								return
							}
							if contains(f.Values, item.Value) {
								p.errorf(item, "values: %q given twice", item.Value)
								return
							}
							f.Values = append(f.Values, item.Value)
						})
						enumSet = enumSet || len(f.Values) > 0
					}
				})
				byOp := f.Operation != "" || f.Path != ""
				if (f.Type == "") == !byOp || byOp && (f.Operation == "" || f.Path == "") || f.Param == "" || f.Name == "" && f.GoType == nil && !enumSet {
					p.errorf(item, "fields entry: type (or operation and path), param and one of name, goType, enum or values are needed")
					return
				}
				if f.NoEnum && len(f.Values) > 0 {
					p.errorf(item, "fields entry: enum: false and values contradict each other")
					return
				}
				c.Fields = append(c.Fields, f)
			})
		}
	})
}
