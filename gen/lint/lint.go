// Package lint checks API reference pages against themselves: the example
// requests and responses against the tables that document them, the
// tables against the rows that refer to them, the path parameters against
// the URI. It is rst2go -lint.
//
// [Check] takes the result of a run ([gen.Generate]) and returns the run's
// own diagnostics (the readers' and the resolver's: unresolved references,
// unknown type words, duplicate parameters, missing and empty tables, ...)
// together with lint's findings, sorted by place. Every finding has a
// stable code ([Codes] lists lint's own, with what each means) and a
// lowercase message that quotes the page.
//
// # Which table an example illustrates
//
// An example is matched to a table by the page's structure, never by
// comparing keys:
//
//  1. The example's role is read from its caption, then from the titles of
//     its enclosing sections, innermost first; the first text that says
//     decides. A status code ("Status code: 400", "400") or the reason
//     phrase of one ("OK", "Bad Request", the family's caption under
//     "**Status code: 200**") gives a response, an error response from
//     400 on; "abnormal", "error" or "failure" give an error response;
//     "request" a request; "response" or "normal" a response. So "Example
//     Request" ↔ request, "Normal response" ↔ response, "Abnormal
//     response" ↔ error response, "OK" ↔ response of status 200.
//  2. The candidates are the page's top-level tables with that role, as the
//     resolver gave it (ir.Type.Role: from the table's caption, title and
//     sections: "Normal responses", "Status code: 200", a "Request"
//     section).
//  3. When several candidates remain: if the example names a status,
//     those whose caption names that status (else those naming none);
//     then those whose own caption or title names the role ("Table 5
//     Response parameters") over those that have it only from their
//     section (an orphaned nested table, "Table 7 resource_tag field
//     description" under Response, which unreferenced-table reports).
//  4. Exactly one candidate is the match. None, or several, and the
//     example is reported (example-no-table, example-ambiguous).
//
// An example whose caption and sections name no role but that sits in an
// "Example" section ("Creating a small barn" under "Example") illustrates
// the page's one request, response or error response table, if there is
// exactly one.
//
// An example that fits several tables is also checked against each, and
// what fails in all of them is reported.
//
// A matched example is compared with the table's Go type the way
// encoding/json decodes it (a key names a field, a value fits its Go type;
// null fits anything), so that what lint accepts decodes; it differs only
// in taking key case to matter. A key the table does not list whose value
// holds the table's own keys (the table describes what is inside it) is
// reported, and what is inside is checked against the table too.
//
// An example is JSON when, after an optional request line ("POST
// https://...") and header lines, it starts with { or [ (and is not a URL
// template such as "{endpoint}/v1"); blocks tagged with another language
// (xml, shell, ...) are skipped.
package lint

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/source"
)

// Code is a class of finding and what it means.
type Code struct {
	Name    string
	Meaning string
}

// Codes are lint's own finding classes, in the order the README lists
// them. The readers' and the resolver's codes (unresolved-ref,
// ambiguous-ref, unknown-type, duplicate-param, missing-table,
// empty-table, bad-json-name, malformed-table, nested-table, ...) come
// through unchanged.
var Codes = []Code{
	{"example-unknown-key", "an example has a key its table does not list"},
	{"example-missing-key", "an example lacks a parameter its table marks mandatory"},
	{"example-type-mismatch", "an example value's JSON type disagrees with the row's type"},
	{"example-undocumented-nesting", "an example nests objects under a row that has no table for them"},
	{"example-no-table", "a JSON example illustrates no table of its page (by the matching rule)"},
	{"example-ambiguous", "a JSON example fits several tables of its page"},
	{codeComment, "an example is not JSON: it has comments"},
	{codeTrailingComma, "an example is not JSON: a comma before } or ]"},
	{codeEllipsis, "an example is not JSON: an ellipsis stands for values"},
	{codeSingleQuote, "an example is not JSON: single-quoted strings or keys"},
	{codeUnquotedKey, "an example is not JSON: keys without quotes"},
	{codeMissingComma, "an example is not JSON: a comma is missing between members or elements"},
	{codeControlChar, "an example is not JSON: a raw line break or control character inside a string"},
	{codeBareWord, "an example is not JSON: a bare word (XXX, True, None) in place of a value"},
	{codeExtraText, "an example is not JSON: text after the value (alternatives joined by \"Or\", two bodies)"},
	{codeSyntax, "an example is not JSON for another reason (the message says which)"},
	{"unreferenced-table", "a parameter table no row refers to that is not its page's request, response or parameter table (an orphaned nested table)"},
	{"title-mismatch", "a nested table's title names something other than the row that refers to it"},
	{"nested-not-table", "a row refers to a place that holds no parameter table"},
	{"table-extra-column", "a parameter table has columns rst2go does not read"},
	{"table-not-read", "a table with a parameter column whose header is not a parameter table's: it maps to nothing"},
	{"path-param-not-in-uri", "a path parameter the page's URI does not contain"},
	{"uri-placeholder-no-row", "a placeholder of an operation's URI has no path parameter row"},
	{"uri-query-no-row", "a query name in an operation's URI has no row"},
	{"no-success-response", "an operation documents no 2xx status and no response table"},
}

// Check lints the pages of a run. inputs, the pages' sources, are no
// longer read: the URIs lint holds tables to are the run's operations
// (res.Package.Operations), read once by the resolver. Check never fails
// and never panics; the list is sorted by place.
func Check(res *gen.Result, inputs []gen.Input) source.List {
	if res == nil {
		return nil
	}
	c := newChecker(res)
	c.diags = append(c.diags, res.Diags...)
	for _, p := range c.pages {
		for _, ex := range p.Examples {
			if ex != nil {
				c.example(p, ex)
			}
		}
		c.pageTables(p)
	}
	c.operations()
	c.types()
	c.diags.Sort()
	return c.diags
}

// checker holds what lint knows of a run.
type checker struct {
	pages []*doc.Page
	pkg   *ir.Package
	diags source.List

	byName     map[string]*ir.Type
	roots      map[*doc.Page][]*ir.Type // top-level types of each page
	referrers  map[*ir.Type][]fieldOf   // fields whose type names the type
	unresolved map[source.Pos]bool      // places of references the resolver could not resolve
	labels     *doc.Targets
	paramPages map[*doc.Param]*doc.Page
	linked     map[string]bool // types a reference in a table links to
}

// fieldOf is a field and the type it belongs to.
type fieldOf struct {
	owner *ir.Type
	field *ir.Field
}

func newChecker(res *gen.Result) *checker {
	c := &checker{
		pkg:        res.Package,
		byName:     map[string]*ir.Type{},
		roots:      map[*doc.Page][]*ir.Type{},
		referrers:  map[*ir.Type][]fieldOf{},
		unresolved: map[source.Pos]bool{},
	}
	for _, p := range res.Pages {
		if p != nil {
			c.pages = append(c.pages, p)
		}
	}
	slices.SortStableFunc(c.pages, func(a, b *doc.Page) int { return cmp.Compare(a.Path, b.Path) })
	if c.pkg == nil {
		c.pkg = &ir.Package{}
	}
	for _, t := range c.allTypes() {
		c.byName[t.GoName] = t
		if t.Role != "" && t.Page != nil {
			c.roots[t.Page] = append(c.roots[t.Page], t)
		}
		for _, fld := range fields(t) {
			if n := named(fld.Type); n != nil {
				c.referrers[n] = append(c.referrers[n], fieldOf{t, fld})
			}
		}
	}
	for _, d := range res.Diags {
		if d.Code == "unresolved-ref" {
			c.unresolved[d.Pos] = true
		}
	}
	c.linked = map[string]bool{}
	for _, p := range c.pages {
		for _, t := range p.Tables {
			if t == nil {
				continue
			}
			for _, q := range t.Params {
				for _, refs := range [][]*doc.Ref{q.TypeRefs, q.NameRefs, q.DescRefs} {
					for _, ref := range refs {
						if name := c.pkg.Links[ref]; name != "" && t.GoName != name {
							c.linked[name] = true
						}
					}
				}
			}
		}
	}
	c.labels = doc.NewTargets(c.pages)
	return c
}

// allTypes lists the package's types in file order, leaving out holes
// (a Result built by hand may have them).
func (c *checker) allTypes() []*ir.Type {
	var types []*ir.Type
	for _, f := range c.pkg.Files {
		if f == nil {
			continue
		}
		for _, t := range f.Types {
			if t != nil {
				types = append(types, t)
			}
		}
	}
	return types
}

// fields are a type's fields, leaving out holes.
func fields(t *ir.Type) []*ir.Field {
	if !slices.Contains(t.Fields, nil) {
		return t.Fields
	}
	return slices.DeleteFunc(slices.Clone(t.Fields), func(f *ir.Field) bool { return f == nil })
}

// named returns the struct type a Go type holds (through pointers,
// slices and maps), or nil.
func named(t *ir.GoType) *ir.Type {
	for depth := 0; t != nil && depth < 32; depth++ {
		if t.Kind == ir.Named {
			return t.Ref
		}
		t = t.Elem
	}
	return nil
}

// tableName is how messages name a table: its title, or its place.
func tableName(t *doc.Table) string {
	if t == nil {
		return "the table"
	}
	if t.Title != "" {
		return fmt.Sprintf("table %q", t.Title)
	}
	if t.Caption != "" {
		return fmt.Sprintf("the %q table at line %d", t.Caption, t.Pos.Line)
	}
	return fmt.Sprintf("the table at line %d", t.Pos.Line)
}

// matched is an example and the type of the table it illustrates.
type matched struct {
	body  exampleBody
	typ   *ir.Type // nil when no table matched
	valid bool     // the JSON is valid
}

// example checks one example block: its JSON, and its keys and values
// against the table it illustrates.
func (c *checker) example(p *doc.Page, ex *doc.Example) (matched, bool) {
	body, ok := jsonBody(ex)
	if !ok {
		return matched{}, false
	}
	m := matched{body: body, valid: json.Valid([]byte(body.text))}
	roots, problems := readJSON(body.text)
	if !m.valid {
		c.reportJSON(body, problems)
		// The reader's recovery from the known mistakes keeps the keys;
		// after anything else, what it read is not worth checking.
		if len(problems) == 0 || slices.ContainsFunc(problems, func(p jsonProblem) bool { return p.code == codeSyntax }) {
			roots = nil
		}
	}
	er := roleOfExample(p, ex)
	typ, cands := c.matchExample(p, er)
	if typ == nil {
		c.reportUnmatched(p, body, er, cands)
		if len(cands) > 1 {
			c.checkAll(body, roots, cands)
		}
		return m, true
	}
	m.typ = typ
	w := &walker{c: c, body: body, table: typ.Table, seen: map[string]bool{}}
	for _, v := range roots {
		w.value(v, ir.NamedType(typ), nil, "")
	}
	return m, true
}

// checkAll checks an example that fits several tables against each, and
// reports what fails in all of them (a finding of one code at one place;
// its message is the first table's).
func (c *checker) checkAll(body exampleBody, roots []*jsonValue, cands []*ir.Type) {
	saved := c.diags
	type key struct {
		pos  source.Pos
		code string
	}
	count := map[key]int{}
	var first source.List
	for i, typ := range cands {
		c.diags = nil
		w := &walker{c: c, body: body, table: typ.Table, seen: map[string]bool{}}
		for _, v := range roots {
			w.value(v, ir.NamedType(typ), nil, "")
		}
		for _, d := range c.diags {
			count[key{d.Pos, d.Code}]++
		}
		if i == 0 {
			first = c.diags
		}
	}
	c.diags = saved
	for _, d := range first {
		if count[key{d.Pos, d.Code}] == len(cands) {
			c.diags = append(c.diags, d)
		}
	}
}

// reportJSON says why an example is not JSON: one line per kind of
// problem, at its first place.
func (c *checker) reportJSON(body exampleBody, problems []jsonProblem) {
	if len(problems) == 0 {
		var v any
		err := json.Unmarshal([]byte(body.text), &v)
		off := 0
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset) - 1
		}
		msg := "example is not valid JSON"
		if err != nil {
			msg += ": " + strings.TrimPrefix(err.Error(), "json: ")
		}
		c.diags.Warnf(body.pos(off), codeSyntax, "%s", msg)
		return
	}
	first := map[string]int{}
	count := map[string]int{}
	var order []string
	for i, pr := range problems {
		if _, ok := first[pr.code]; !ok {
			first[pr.code] = i
			order = append(order, pr.code)
		}
		count[pr.code]++
	}
	for _, code := range order {
		pr := problems[first[code]]
		more := ""
		if n := count[code] - 1; n > 0 {
			more = fmt.Sprintf(" (and %d more)", n)
		}
		c.diags.Warnf(body.pos(pr.off), code, "example is not valid JSON: %s%s", pr.what, more)
	}
}

func (c *checker) reportUnmatched(p *doc.Page, body exampleBody, er exampleRole, cands []*ir.Type) {
	pos := body.pos(0)
	what := "example"
	switch er.role {
	case "":
		c.diags.Warnf(pos, "example-no-table", "cannot tell whether the example is a request or a response (caption %q)", body.ex.Caption)
		return
	case "error-response":
		what = "example error response"
	default:
		what = "example " + er.role
	}
	if er.status != 0 {
		what += fmt.Sprintf(" (status %d)", er.status)
	}
	if len(cands) > 1 {
		var names []string
		for _, t := range cands {
			names = append(names, tableName(t.Table))
		}
		c.diags.Warnf(pos, "example-ambiguous", "%s fits %d tables: %s", what, len(cands), strings.Join(names, ", "))
		return
	}
	for _, t := range p.Tables {
		if t != nil && t.Kind == doc.Parameters && ownRole(t) == er.role {
			if typ := c.byName[t.GoName]; typ == nil || typ.Table != t {
				c.diags.Warnf(pos, "example-no-table", "%s: %s has no Go type of its own (its one row stands for any key or element), so the example is not checked", what, tableName(t))
				return
			}
		}
	}
	c.diags.Warnf(pos, "example-no-table", "%s has no %s table on this page", what, strings.ReplaceAll(er.role, "-", " "))
}
