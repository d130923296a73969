package lint

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/resolve"
	"github.com/rst2go/rst2go/gen/uri"
)

// This file checks tables: their columns, their titles against the rows
// that refer to them, what rows refer to, the tables nothing refers to,
// and path parameters against the URI.

// pageTables checks the columns and titles of a page's tables.
func (c *checker) pageTables(p *doc.Page) {
	for _, t := range p.Tables {
		if t == nil {
			continue
		}
		if t.Kind == doc.Parameters {
			c.columns(t)
			c.title(t)
		} else {
			c.notRead(t)
		}
	}
}

// columns reports the header cells of a parameter table that no column
// of the model reads.
func (c *checker) columns(t *doc.Table) {
	var extra []string
	for i, h := range t.Header {
		switch i {
		case t.Columns.Name, t.Columns.Mandatory, t.Columns.Type, t.Columns.Description:
			continue
		}
		extra = append(extra, fmt.Sprintf("%q", h))
	}
	if len(extra) == 0 {
		return
	}
	noun := "column"
	if len(extra) > 1 {
		noun = "columns"
	}
	c.diags.Warnf(t.Pos, "table-extra-column", "%s of %s not read: a parameter table's columns are name, mandatory, type and description", noun+" "+strings.Join(extra, ", "), tableName(t))
}

// paramHeaders are header cells that only a parameter table has.
var paramHeaders = map[string]bool{
	"parameter": true, "parameters": true, "parameter name": true, "field": true, "attribute": true,
	"property": true, "element": true,
}

// notRead reports a table that has a parameter column but was not read
// as a parameter table (it lacks a description column): its rows map to
// nothing.
func (c *checker) notRead(t *doc.Table) {
	for _, h := range t.Header {
		if paramHeaders[doc.NormalizeLabel(h)] {
			c.diags.Warnf(t.Pos, "table-not-read", "%s has a %q column but header %q is not a parameter table's (a name and a description column, and a type or mandatory one unless the name column says Parameter): its rows map to nothing", tableName(t), h, t.Header)
			return
		}
	}
}

var (
	tableN = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?i)table\s+\d+[.:]?\s*`) })
	// titleNoise are the words around the name a nested table's title
	// gives: "Table 3 server_group field description", "Data structure
	// of the tags field".
	titleNoiseEnd = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\s*\b(fields?|parameters?|params?|attributes?|objects?|elements?|members?|structures?|data|descriptions?|information|info|details|list|body|the|of|in|for|response|request)$`)
	})
	titleNoiseStart = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(description|descriptions|data structure|structure|details|parameters|fields|the|of|for|in)\b\s*`)
	})
)

// titleSubject is the name a table's title gives, less "Table N" and the
// words around it: "Table 3 internalEroCMM.0101r field description" →
// "internalEroCMM.0101r".
func titleSubject(title string) string {
	s := strings.TrimSpace(tableN().ReplaceAllString(title, ""))
	for guard := 0; guard < 16; guard++ {
		next := strings.TrimSpace(titleNoiseEnd().ReplaceAllString(s, ""))
		next = strings.TrimSpace(titleNoiseStart().ReplaceAllString(next, ""))
		if next == s {
			break
		}
		s = next
	}
	return s
}

// sameName reports whether a title's name and a row's name are the same
// name: equal once case, punctuation and a plural ending are folded, or
// one ending in the other ("security_group_rule" for "rules",
// "sub_jobs.entities" for "entities").
func sameName(a, b string) bool {
	for _, x := range stems(a) {
		for _, y := range stems(b) {
			if x == y || len(y) >= 4 && strings.HasSuffix(x, y) || len(x) >= 4 && strings.HasSuffix(y, x) {
				return true
			}
		}
	}
	return false
}

// stems folds a name to lower-case letters and digits, with and without
// a plural ending.
func stems(s string) []string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f {
			b.WriteRune(r)
		}
	}
	f := b.String()
	if f == "" {
		return nil
	}
	out := []string{f}
	if t, ok := strings.CutSuffix(f, "es"); ok && t != "" {
		out = append(out, t)
	}
	if t, ok := strings.CutSuffix(f, "s"); ok && t != "" {
		out = append(out, t)
	}
	return out
}

// title reports a nested table whose title names one thing while the rows
// referring to it name another, like the seed's garbled "Table 3
// internalEroCMM.0101r field description" under internalError. Titles of
// several words are only checked when they are one name ("server_group");
// a phrase is left alone.
func (c *checker) title(t *doc.Table) {
	if t.Title == "" || t.GoName == "" {
		return
	}
	typ := c.byName[t.GoName]
	if typ == nil || typ.Role != "" || typ.Table != t {
		return
	}
	subject := titleSubject(t.Title)
	if subject == "" || strings.ContainsAny(subject, " \t") {
		return
	}
	var names []string
	seen := map[string]bool{}
	for _, r := range c.referrers[typ] {
		if r.owner == typ || r.field.Param == nil {
			continue
		}
		p := r.field.Param
		cands := append([]string{r.field.JSONName, p.Name}, typeNames(p.Type)...)
		for _, cand := range cands {
			if sameName(subject, cand) {
				return
			}
		}
		if !seen[r.field.JSONName] {
			seen[r.field.JSONName] = true
			names = append(names, fmt.Sprintf("%q", r.field.JSONName))
		}
	}
	if len(names) == 0 {
		return
	}
	pos := t.TitlePos
	if !pos.IsValid() {
		pos = t.Pos
	}
	noun := "the row that refers to it is"
	if len(names) > 1 {
		noun = "the rows that refer to it are"
	}
	c.diags.Warnf(pos, "title-mismatch", "table title %q names %q, but %s %s", t.Title, subject, noun, strings.Join(names, ", "))
}

// typeNames are the names a Type cell gives ("VaultCreate" in "Array of
// VaultCreate objects").
func typeNames(typ string) []string {
	return strings.FieldsFunc(typ, func(r rune) bool {
		return !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
}

// types checks the Go model: tables no row refers to, and rows that refer
// to places holding no parameter table.
func (c *checker) types() {
	for _, t := range c.allTypes() {
		c.unreferenced(t)
		for _, fld := range fields(t) {
			c.refersToNoTable(fld)
		}
	}
}

// unreferenced reports a top-level table no row refers to (by its type or
// by a link) that is not what its page is about: either nothing names its
// role, or only its section does while another table of the page names
// the same role in its own caption or title ("Table 7 resource_tag field
// description" under Response, beside "Table 5 Response parameters"): an
// orphaned nested table.
func (c *checker) unreferenced(t *ir.Type) {
	if t.Role == "" || t.Table == nil || c.linked[t.GoName] {
		return
	}
	for _, r := range c.referrers[t] {
		if r.owner != t {
			return
		}
	}
	if t.Role == "params" {
		c.diags.Warnf(t.Table.Pos, "unreferenced-table", "no row refers to %s, and neither its caption nor its sections say what it is (request, response, path, query, header)", tableName(t.Table))
		return
	}
	if ownRole(t.Table) == t.Role {
		return
	}
	for _, u := range c.roots[t.Page] {
		if u != t && u.Role == t.Role && ownRole(u.Table) == u.Role {
			c.diags.Warnf(t.Table.Pos, "unreferenced-table", "no row refers to %s; only its section makes it a %s table, and %s is that", tableName(t.Table), strings.ReplaceAll(t.Role, "-", " "), tableName(u.Table))
			return
		}
	}
}

// freeForm reports whether a Go type is what the resolver gives an object
// without a table: map[string]any, json.RawMessage, or a slice of those.
func freeForm(t *ir.GoType) bool {
	for depth := 0; t != nil && depth < 32; depth++ {
		switch t.Kind {
		case ir.RawJSON:
			return true
		case ir.Map:
			return t.Elem != nil && t.Elem.Kind == ir.Any
		case ir.Pointer, ir.Slice:
			t = t.Elem
			continue
		}
		return false
	}
	return false
}

// refersToNoTable reports a row without a struct whose reference leads to
// a place that holds no parameter table: a status-code table, a section
// with no table, a whole page.
func (c *checker) refersToNoTable(f *ir.Field) {
	p := f.Param
	if p == nil || !freeForm(f.Type) || explicitMap(p) {
		return
	}
	for _, refs := range [][]*doc.Ref{p.TypeRefs, p.NameRefs, p.DescRefs} {
		for _, ref := range refs {
			if ref == nil || ref.URL != "" || c.pkg.Links[ref] != "" || c.unresolved[ref.Pos] {
				continue
			}
			pl, _, ok := c.labels.Lookup(c.pageOf(p), ref)
			if !ok {
				continue
			}
			var what string
			switch {
			case pl.Table != nil && pl.Table.Kind != doc.Parameters:
				what = fmt.Sprintf("%s, whose header %q is not a parameter table's", tableName(pl.Table), pl.Table.Header)
			case pl.Table != nil:
				continue
			case pl.Section >= 0 && !hasParamTable(pl.Page, pl.Section):
				what = fmt.Sprintf("section %q of %s, which holds no parameter table", pl.Page.Sections[pl.Section].Title, pl.Page.Path)
			case pl.Section < 0 && firstParamTable(pl.Page) != nil:
				what = fmt.Sprintf("the page %s as a whole, not to one of its tables (%s)", pl.Page.Path, tableName(firstParamTable(pl.Page)))
			case pl.Section < 0:
				what = fmt.Sprintf("the page %s, which holds no parameter table", pl.Page.Path)
			default:
				continue
			}
			c.diags.Warnf(ref.Pos, "nested-not-table", "%s (%q) refers to %s; the field is %s", p.Name, p.Type, what, f.Type)
			return
		}
	}
}

// pageOf finds the page a parameter belongs to.
func (c *checker) pageOf(p *doc.Param) *doc.Page {
	if c.paramPages == nil {
		c.paramPages = map[*doc.Param]*doc.Page{}
		for _, pg := range c.pages {
			for _, t := range pg.Tables {
				if t == nil {
					continue
				}
				for _, q := range t.Params {
					c.paramPages[q] = pg
				}
			}
		}
	}
	return c.paramPages[p]
}

func firstParamTable(p *doc.Page) *doc.Table {
	for _, t := range p.Tables {
		if t != nil && t.Kind == doc.Parameters {
			return t
		}
	}
	return nil
}

func hasParamTable(p *doc.Page, section int) bool {
	for _, t := range p.Tables {
		if t != nil && t.Kind == doc.Parameters && doc.InSection(p, t.Section, section) {
			return true
		}
	}
	return false
}

// operations holds each page's operations to their tables: a path
// parameter row not in the page's URIs, a placeholder or a query name of
// the URI that no row documents, no documented success response.
func (c *checker) operations() {
	byPage := map[*doc.Page][]*ir.Operation{}
	var pages []*doc.Page
	for _, op := range c.pkg.Operations {
		if op == nil {
			continue
		}
		if byPage[op.Page] == nil {
			pages = append(pages, op.Page)
		}
		byPage[op.Page] = append(byPage[op.Page], op)
	}
	for _, p := range pages {
		ops := byPage[p]
		c.pathRows(ops)
		for _, op := range ops {
			c.undocumented(op)
			if !hasSuccess(op) {
				c.diags.Warnf(op.Pos, "no-success-response", "%s %s documents no success response: no 2xx status and no response table", op.Method, op.Path)
			}
		}
	}
}

// pathRows reports the rows of a page's path parameter tables that none
// of its URIs holds. A "URI" table may also hold query parameters, so only
// its mandatory rows are held to the URI, as a placeholder or a query name.
func (c *checker) pathRows(ops []*ir.Operation) {
	names, keys := map[string]bool{}, map[string]bool{}
	var paths []string
	seen := map[*ir.Type]bool{}
	var tables []*ir.Type
	for _, op := range ops {
		paths = append(paths, op.Path)
		for _, n := range uri.Placeholders(op.Path) {
			names[n] = true
		}
		for _, q := range op.Params {
			if q.In == ir.InQuery && q.Row == nil {
				keys[q.Name] = true
			}
		}
		for _, t := range op.ParamTypes {
			if t != nil && !seen[t] && (t.Role == "path-params" || t.Role == "uri-params") {
				seen[t] = true
				tables = append(tables, t)
			}
		}
	}
	for _, t := range tables {
		for _, f := range fields(t) {
			if f.Param == nil || names[f.JSONName] || resolve.IsHeaderName(f.Param.Name) {
				continue
			}
			if t.Role == "uri-params" && (keys[f.JSONName] || f.Param.Mandatory != doc.MandatoryYes) {
				continue
			}
			where := fmt.Sprintf("the URI %q", paths[0])
			if len(paths) > 1 {
				where = fmt.Sprintf("any of the page's %d URIs (%q, ...)", len(paths), paths[0])
			}
			c.diags.Warnf(f.Param.NamePos(), "path-param-not-in-uri", "path parameter %q is not in %s", f.Param.Name, where)
		}
	}
}

// undocumented reports the placeholders and query names of an
// operation's URI that no row of its tables documents.
func (c *checker) undocumented(op *ir.Operation) {
	rows := map[string]bool{}
	for _, q := range op.Params {
		if q.Row != nil {
			rows[q.Name] = true
		}
	}
	for _, q := range op.Params {
		// A query name that is also a documented placeholder
		// ("/v2/{project_id}/limits?project_id={project_id}") has its row.
		if q.Row != nil || q.In == ir.InQuery && rows[q.Name] {
			continue
		}
		switch q.In {
		case ir.InPath:
			c.diags.Warnf(op.Pos, "uri-placeholder-no-row", "placeholder {%s} of %s %s has no path parameter row; it is a string", q.Name, op.Method, op.Path)
		case ir.InQuery:
			c.diags.Warnf(op.Pos, "uri-query-no-row", "query parameter %q of %s %s has no row; it is a string", q.Name, op.Method, op.Path)
		}
	}
}

// hasSuccess reports whether an operation documents a 2xx response.
func hasSuccess(op *ir.Operation) bool {
	for _, r := range op.Responses {
		if r != nil && strings.HasPrefix(r.Status, "2") {
			return true
		}
	}
	return false
}
