package resolve

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/rst2go/rst2go/gen/config"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/naming"
	"github.com/rst2go/rst2go/gen/source"
	"github.com/rst2go/rst2go/gen/uri"
)

// An operation is built in two steps. planOperations, before any type is
// named, reads each page's method lines and names its operations, so that
// "<Op>Params" is reserved ahead of the table types (a table whose role
// is not known is also named "<Title>Params": the operation keeps the
// plain name). buildOperations, once types exist, ties the page's path,
// query and header tables, request body and responses to them.

// opPlan is an operation found on a page.
type opPlan struct {
	page *doc.Page
	line uri.Line
	pos  source.Pos
	op   *ir.Operation
	// place is the operation's place in names-lock keys (see
	// opPlaces), "" where its page's identity stands for it.
	place string
	// shared: other operations have its method and path.
	shared bool
}

// methodLine is a candidate method line of a page: a paragraph or list
// item the reader kept, or the first line of a literal block.
type methodLine struct {
	pos     source.Pos
	section int
	caption string
	text    string
}

// candidates lists a page's method lines in document order.
func candidates(p *doc.Page) []methodLine {
	var lines []methodLine
	for _, m := range p.MethodLines {
		if m != nil {
			lines = append(lines, methodLine{m.Pos, m.Section, m.Caption, m.Text})
		}
	}
	for _, ex := range p.Examples {
		if ex == nil {
			continue
		}
		first, _, _ := strings.Cut(strings.TrimSpace(ex.Text), "\n")
		if doc.IsMethodLine(first) {
			lines = append(lines, methodLine{ex.Pos, ex.Section, ex.Caption, first})
		}
	}
	slices.SortStableFunc(lines, func(a, b methodLine) int {
		return cmp.Or(cmp.Compare(a.pos.Line, b.pos.Line), cmp.Compare(a.pos.Col, b.pos.Col))
	})
	return lines
}

// contextTexts are what says what a method line is for: its caption, then
// the titles of its sections from the innermost out.
func contextTexts(p *doc.Page, caption string, section int) []string {
	texts := []string{caption}
	for s := section; s >= 0 && s < len(p.Sections) && len(texts) < 16; s = p.Sections[s].Parent {
		texts = append(texts, p.Sections[s].Title)
	}
	return texts
}

// lineRole tells what a method line's context says: 'u' under a "URI"
// heading or caption ("URI", "URI format", "Request URI"), 'e' under an
// example, 0 when nothing says.
func lineRole(p *doc.Page, l methodLine) rune {
	for _, t := range contextTexts(p, l.caption, l.section) {
		s := strings.ToLower(t)
		switch {
		case strings.Contains(s, "example"):
			return 'e'
		case isURIText(s):
			return 'u'
		}
	}
	return 0
}

func isURIText(s string) bool {
	return s == "uri" || strings.HasPrefix(s, "uri ") || strings.HasPrefix(s, "uri:") || strings.Contains(s, " uri")
}

// planOperations finds every page's operations: its method lines under a
// "URI" heading or caption, or, on a page with none there, its method
// lines outside examples. A line that does not parse is a warning and no
// operation; the same method and path twice on a page is one operation.
func (r *resolver) planOperations() {
	var opNames naming.Namer
	for _, p := range r.pages {
		lines := candidates(p)
		var chosen []methodLine
		for _, l := range lines {
			if lineRole(p, l) == 'u' {
				chosen = append(chosen, l)
			}
		}
		if len(chosen) == 0 {
			for _, l := range lines {
				if lineRole(p, l) == 0 {
					chosen = append(chosen, l)
				}
			}
		}
		seen := map[string]bool{}
		for _, l := range chosen {
			parsed, err := uri.Parse(l.text)
			if err != nil {
				r.diags.Warnf(l.pos, "bad-uri", "method line %q cannot be read: %v; no operation is generated for it", l.text, err)
				continue
			}
			key := parsed.Method + " " + parsed.Path
			if seen[key] {
				continue
			}
			seen[key] = true
			stem := r.pageStem(p)
			if stem == "" {
				stem = "Operation"
			}
			// Two operations of one title (a page's /v2 and /v2.1 lines,
			// an API and its OpenStack twin) are told apart by the
			// version in their path before a number is tried.
			if v := pathVersion(r.settings.rules, parsed.Path); opNames.Used(stem) && v != "" && !opNames.Used(stem+v) {
				stem += v
			}
			op := &ir.Operation{GoName: opNames.Unique(stem), Method: parsed.Method, Path: parsed.Path, Pos: l.pos, Page: p}
			op.ParamsType = &ir.Type{Pos: l.pos, Page: p, Role: "operation-params"}
			r.ops = append(r.ops, &opPlan{page: p, line: parsed, pos: l.pos, op: op})
		}
	}
	// The Params types are named in name(), once the names the lock
	// keeps for tables are reserved and before any table is named.
}

// nameParamsTypes names each operation's Params type "<Op>Params", or as
// the names lock says, and then the operation after it. Its key is the operation's place (see opPlaces)
// and "params" ("GET /v1/{project_id}/widgets params"); where pages share
// a method and path and the request body does not tell them apart, the
// page's identity stands for the place, and the operation's number on its
// page tells a page's several lines apart. That is also the key an older
// rst2go gave every operation that shares its method and path: looked up
// last, and rewritten in the new form.
func (r *resolver) nameParamsTypes() {
	dir := commonDir(r)
	nth := map[*doc.Page]int{}
	for _, plan := range r.ops {
		op := plan.op
		nth[plan.page]++
		var byPage []string
		if plan.shared {
			// The page's identity, and its path too (see pageIDs).
			byPage = r.pagePlaces(plan.page, nth[plan.page], dir)
		}
		places, legacy := byPage, []string(nil)
		if plan.place != "" {
			places, legacy = []string{plan.place}, byPage
		}
		op.ParamsType.Key = ir.Key(places[0], "params")
		if tn := r.paramsTypeName(append(places, legacy...)); tn != nil {
			op.ParamsType.GoName = tn.Name
			continue
		}
		name := op.GoName + "Params"
		if v := pathVersion(r.settings.rules, op.Path); r.names.Used(name) && v != "" && !strings.HasSuffix(op.GoName, v) && !r.names.Used(op.GoName+v+"Params") {
			// The name is the lock's for another operation (a page
			// renamed, its twin new): the version tells them apart.
			name = op.GoName + v + "Params"
		}
		locked := false
		for i, place := range append(places, legacy...) {
			if e, ok := r.lockName(ir.Key(place, "params")); ok && !r.names.Used(e.Name) {
				name, locked = e.Name, true
				if i < len(places) {
					op.ParamsType.Key = ir.Key(place, "params")
				}
				break
			}
		}
		if locked {
			// The lock's name as it is, whatever its length: the
			// rules for new names (unique's) do not rename a type.
			r.names.Reserve(name)
			op.ParamsType.GoName = name
			continue
		}
		op.ParamsType.GoName = r.unique(op.ParamsType, name)
	}
	// The operation is called what its Params type is called, so that a
	// name the lock or the config keeps is also the name the doc comments,
	// -dump and -diff give the operation.
	for _, plan := range r.ops {
		if name, ok := strings.CutSuffix(plan.op.ParamsType.GoName, "Params"); ok && name != "" {
			plan.op.GoName = name
		}
	}
}

// paramsTypeName is the types entry that names the Params type of the
// operation at one of places ("operation: GET /v1/things, path: params").
func (r *resolver) paramsTypeName(places []string) *config.TypeName {
	for _, tn := range r.settings.paramsNames {
		for _, place := range places {
			if ir.Key(tn.Operation, tn.Path) == ir.Key(place, "params") && !r.settings.used[tn] {
				r.settings.used[tn] = true
				return tn
			}
		}
	}
	return nil
}

// reportUnusedParamsNames reports the types entries by "params" that
// named no operation's Params type.
func (r *resolver) reportUnusedParamsNames() {
	for _, tn := range r.settings.paramsNames {
		if !r.settings.used[tn] {
			r.diags.Errorf(tn.Pos, "config-unused", "types entry (operation %q, path %q) matches no operation", tn.Operation, tn.Path)
		}
	}
}

// buildOperations ties each operation to its page's top-level tables and
// lists it in the package and in its page's file.
func (r *resolver) buildOperations(pkg *ir.Package) {
	files := map[string]*ir.File{}
	for _, f := range pkg.Files {
		files[f.Source] = f
	}
	byPage := map[*doc.Page][]*tableInfo{}
	for _, info := range r.tables {
		if info.root && !info.dead && info.visited && !info.merged {
			byPage[info.page] = append(byPage[info.page], info)
		}
	}
	fileNames := outputNames(r.pages)
	for _, plan := range r.ops {
		op := plan.op
		roots := byPage[plan.page]
		r.opParams(plan, roots)
		r.opBodies(plan, roots)
		r.opDoc(op, pkg)
		pkg.Operations = append(pkg.Operations, op)
		f := files[plan.page.Path]
		if f == nil {
			f = &ir.File{Source: plan.page.Path, Name: fileNames[plan.page]}
			files[plan.page.Path] = f
			pkg.Files = append(pkg.Files, f)
		}
		f.Operations = append(f.Operations, op)
	}
	r.absorbParamTypes(pkg, byPage)
	slices.SortStableFunc(pkg.Files, func(a, b *ir.File) int { return cmp.Compare(a.Source, b.Source) })
}

// absorbed are the roles of tables whose rows an operation's Params type
// holds: as structs with json tags they would mean nothing.
var absorbed = map[role]bool{rolePathParams: true, roleQueryParams: true, roleURIParams: true, roleRequestHeader: true}

// absorbParamTypes drops the path, query, URI and request header types of
// pages that have an operation: the operation's Params type replaces them
// (doc links and the table's Go name in -dump now name the Params type).
// A type some field still refers to stays.
func (r *resolver) absorbParamTypes(pkg *ir.Package, byPage map[*doc.Page][]*tableInfo) {
	first := map[*doc.Page]*ir.Operation{}
	for _, plan := range r.ops {
		if first[plan.page] == nil {
			first[plan.page] = plan.op
		}
	}
	// Candidates are the absorbed types of pages with an operation; one
	// that a type staying in the package refers to (a field's type, an
	// alias of it on a page without an operation) stays too.
	candidates := map[*ir.Type]*ir.Operation{}
	for p, op := range first {
		for _, info := range byPage[p] {
			if absorbed[info.role] {
				candidates[info.typ] = op
			}
		}
	}
	for changed := true; changed; {
		changed = false
		keep := func(t *ir.Type) {
			if t != nil && candidates[t] != nil {
				delete(candidates, t)
				changed = true
			}
		}
		for _, f := range pkg.Files {
			for _, t := range f.Types {
				if candidates[t] != nil {
					continue
				}
				keep(t.AliasOf)
				for _, fl := range t.Fields {
					for gt := fl.Type; gt != nil; gt = gt.Elem {
						if gt.Kind == ir.Named {
							keep(gt.Ref)
						}
					}
				}
			}
		}
	}
	gone := map[*ir.Type]string{}
	for p := range first {
		for _, info := range byPage[p] {
			if op := candidates[info.typ]; op != nil {
				if tn := r.settings.typeNames[info.table]; tn != nil {
					// A name nobody would see.
					r.diags.Errorf(tn.Pos, "config", "types entry: the table at %s is not generated: its rows are parameters of %s; name that type (operation %q, path \"params\")", info.table.Pos, op.ParamsType.GoName, op.Method+" "+op.Path)
				}
				gone[info.typ] = op.ParamsType.GoName
				info.table.GoName = op.ParamsType.GoName
			}
		}
	}
	if len(gone) == 0 {
		return
	}
	byName := map[string]string{}
	for t, to := range gone {
		byName[t.GoName] = to
	}
	// A fields entry by the name of a type that is no longer generated
	// would change nothing the user can see.
	for i := range r.settings.cfg.Fields {
		if f := &r.settings.cfg.Fields[i]; byName[f.Type] != "" {
			r.diags.Errorf(f.Pos, "config", "fields entry: type %s is not generated: its rows are parameters of %s; select that type", f.Type, byName[f.Type])
			r.settings.used[f] = true // one error is enough
		}
	}
	for ref, name := range pkg.Links {
		if to, ok := byName[name]; ok {
			pkg.Links[ref] = to
		}
	}
	for _, f := range pkg.Files {
		f.Types = slices.DeleteFunc(f.Types, func(t *ir.Type) bool { return gone[t] != "" })
	}
}

// opParams collects the operation's path, query and header parameters:
// the rows of its path, query, URI and request header tables, in document
// order, then a placeholder or query name of the URI that no row
// documents (a string; lint reports it).
func (r *resolver) opParams(plan *opPlan, roots []*tableInfo) {
	op := plan.op
	placeholders := map[string]bool{}
	for _, n := range uri.Placeholders(op.Path) {
		placeholders[n] = true
	}
	queryNames := map[string]bool{}
	for _, q := range plan.line.Query {
		queryNames[q.Name] = true
	}
	var names naming.Namer
	// NewRequest is the Params type's method.
	names.Reserve("NewRequest")
	seen := map[string]bool{}
	add := func(p *ir.Param) {
		key := string(p.In) + " " + p.Name
		if p.In == ir.InHeader {
			key = strings.ToLower(key)
		}
		if seen[key] {
			return
		}
		seen[key] = true
		goName := r.settings.exportedName(jsonName(p.Name))
		if goName == "" {
			goName = "Param"
		}
		if names.Used(goName) && p.In != ir.InPath {
			// One name in two places ("/v2/{project_id}/limits?project_id=..."):
			// the second says where it travels.
			goName = r.settings.exportedName(string(p.In)) + goName
		}
		if o := r.paramsOverride(op, p.Name); o != nil && o.Name != "" {
			if names.Used(o.Name) {
				r.diags.Errorf(o.Pos, "config-conflict", "field name %s is already taken in %s", o.Name, op.ParamsType.GoName)
			} else {
				goName = o.Name
			}
		}
		p.GoName = names.Unique(goName)
		op.Params = append(op.Params, p)
	}
	for _, info := range roots {
		var in ir.ParamIn
		switch info.role {
		case rolePathParams:
			in = ir.InPath
		case roleQueryParams:
			in = ir.InQuery
		case roleRequestHeader:
			in = ir.InHeader
		case roleURIParams:
		default:
			continue
		}
		op.ParamTypes = append(op.ParamTypes, info.typ)
		for _, f := range info.typ.Fields {
			if f.Param == nil {
				continue
			}
			name := f.JSONName
			where := in
			if info.role == roleURIParams {
				// A "URI" table holds the placeholders and the query
				// parameters: the names of the URI's query string, and
				// optional rows. A mandatory row that is neither is a
				// path parameter the URI lacks (lint reports it), not a
				// query parameter to send empty.
				switch {
				case placeholders[name]:
					where = ir.InPath
				case queryNames[name] || f.Param.Mandatory != doc.MandatoryYes:
					where = ir.InQuery
				default:
					continue
				}
			}
			if where == ir.InPath && !placeholders[name] && info.role != roleURIParams {
				// Lint reports a path parameter the URI lacks; it has
				// no place in the request.
				continue
			}
			required := f.Param.Mandatory == doc.MandatoryYes || where == ir.InPath
			add(&ir.Param{Name: name, In: where, Type: paramType(where, f.Type, required, r.settings.cfg.Pointers.Requests != config.PointersNever), Required: required, Pos: f.Param.NamePos(), Doc: f.Doc, Row: f.Param})
		}
	}
	for _, n := range uri.Placeholders(op.Path) {
		add(&ir.Param{Name: n, In: ir.InPath, Type: ir.String, Required: true, Pos: plan.pos})
	}
	for _, q := range plan.line.Query {
		add(&ir.Param{Name: q.Name, In: ir.InQuery, Type: ir.String, Pos: plan.pos})
	}
}

// paramsOverride is the fields entry that selects parameter name of op's
// Params type: by the type's Go name, as generated, or by the operation
// and the path "params" (the type's key in the names lock). Its name
// applies here; goType, enum and values applied to the table's field
// already (fieldOverride), which the parameter's type comes from.
func (r *resolver) paramsOverride(op *ir.Operation, name string) *config.Field {
	for i := range r.settings.cfg.Fields {
		f := &r.settings.cfg.Fields[i]
		selected := f.Type != "" && f.Type == op.ParamsType.GoName ||
			f.Operation != "" && ir.Key(f.Operation, f.Path) == op.ParamsType.Key
		if !selected || f.Param != name && jsonName(f.Param) != name {
			continue
		}
		r.settings.used[f] = true
		return f
	}
	return nil
}

// paramType is the Go type of a parameter in a URL or header: the
// table's scalar type (a pointer when an optional query parameter is not
// a string and pointers is set, so that unset is told from zero; with
// "pointers: {requests: never}" a plain value, sent when not zero), a
// slice of scalars for an array query parameter (sent as repeated
// names); a string for anything else, and always for a header.
func paramType(in ir.ParamIn, t *ir.GoType, required, pointers bool) *ir.GoType {
	if in == ir.InHeader || t == nil {
		return ir.String
	}
	base := t
	if base.Kind == ir.Pointer {
		base = base.Elem
	}
	switch {
	case base.Scalar() != nil:
	case base.Kind == ir.Slice && in == ir.InQuery:
		elem := base.Elem
		if elem.Scalar() == nil {
			elem = ir.String
		}
		return ir.SliceOf(elem)
	default:
		return ir.String
	}
	if in == ir.InQuery && !required && pointers && base.Scalar().Name != "string" {
		return ir.PointerTo(base)
	}
	return base
}

// opBodies ties the request body and the responses by status.
func (r *resolver) opBodies(plan *opPlan, roots []*tableInfo) {
	op := plan.op
	p := plan.page
	documented := statusesOf(p)
	success, failure := "", ""
	for _, s := range documented {
		if success == "" && s >= "200" && s < "300" {
			success = s
		}
	}
	if success == "" {
		success = "2XX"
	}
	failure = "default"
	byStatus := map[string]*ir.Response{}
	response := func(status string, pos source.Pos) *ir.Response {
		if resp := byStatus[status]; resp != nil {
			return resp
		}
		resp := &ir.Response{Status: status, Pos: pos}
		byStatus[status] = resp
		op.Responses = append(op.Responses, resp)
		return resp
	}
	for _, info := range roots {
		status := statusOfTable(p, info.table)
		switch info.role {
		case roleRequest:
			if op.Request == nil {
				op.Request = info.typ
			}
		case roleResponse, roleErrorResponse:
			if status == "" {
				status = success
				if info.role == roleErrorResponse {
					status = failure
				}
			}
			if resp := response(status, info.table.Pos); resp.Body == nil {
				resp.Body = info.typ
			}
		case roleResponseHeader:
			if status == "" {
				status = success
			}
			if resp := response(status, info.table.Pos); resp.Header == nil {
				resp.Header = info.typ
			}
		}
	}
	for _, s := range documented {
		response(s, plan.pos)
	}
	slices.SortStableFunc(op.Responses, func(a, b *ir.Response) int { return cmp.Compare(a.Status, b.Status) })
}

// statusOfTable is the status code a response table's caption, title or
// sections name, or "".
func statusOfTable(p *doc.Page, t *doc.Table) string {
	for _, text := range contextTexts(p, t.Caption, t.Section) {
		if code := statusIn(text); code != "" {
			return code
		}
	}
	return statusIn(t.Title)
}

// statusesOf are the status codes a page documents: the rows of its
// status code tables ("Status Code | Description") and the captions of
// its examples and tables ("Status code: 200").
func statusesOf(p *doc.Page) []string {
	seen := map[string]bool{}
	var codes []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			codes = append(codes, s)
		}
	}
	for _, t := range p.Tables {
		if t == nil {
			continue
		}
		if t.Kind != doc.Parameters && len(t.Header) > 0 && strings.Contains(strings.ToLower(t.Header[0]), "status code") {
			for _, row := range t.Rows {
				if len(row.Cells) > 0 {
					if code := statusWord(row.Cells[0].Text()); code != "" {
						add(code)
					}
				}
			}
		}
		if code := statusIn(t.Caption); code != "" {
			add(code)
		}
	}
	for _, ex := range p.Examples {
		if ex != nil {
			if code := statusIn(ex.Caption); code != "" {
				add(code)
			}
		}
	}
	slices.Sort(codes)
	return codes
}

// statusWord is the three-digit code a status cell opens with ("200",
// "200 OK"), or "".
func statusWord(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 3 || len(s) > 3 && s[3] != ' ' {
		return ""
	}
	for i := range 3 {
		if s[i] < '0' || s[i] > '9' {
			return ""
		}
	}
	if s[0] < '1' || s[0] > '5' {
		return ""
	}
	return s[:3]
}

// opDoc writes the operation's doc (the page's function summary) and its
// Params type's doc comment:
//
//	ListWidgetsParams are the path, query and header parameters of
//	ListWidgets.
//
//	ListWidgets is GET /v1/{project_id}/widgets/detail.
//
//	Lists widgets.
//
//	Responses:
//	  - 200: [ListWidgetsResponse]
//	  - 404
//
// The response types are doc links (references the package's Links
// resolves), so the emitter prints them as it prints any reference.
func (r *resolver) opDoc(op *ir.Operation, pkg *ir.Package) {
	plain := func(s string) *doc.Inline { return &doc.Inline{Kind: doc.Plain, Text: s} }
	para := func(in ...*doc.Inline) *doc.Block { return &doc.Block{Kind: doc.Paragraph, Inlines: in} }
	if op.Page != nil && op.Page.Summary != "" {
		op.Doc = []*doc.Block{para(plain(op.Page.Summary))}
	}
	name := op.ParamsType.GoName
	blocks := []*doc.Block{
		para(plain(fmt.Sprintf("%s are the path, query and header parameters of %s.", name, op.GoName))),
		para(plain(fmt.Sprintf("%s is %s %s.", op.GoName, op.Method, op.Path))),
	}
	blocks = append(blocks, op.Doc...)
	if len(op.Responses) > 0 {
		list := &doc.Block{Kind: doc.List}
		for _, resp := range op.Responses {
			in := []*doc.Inline{plain(resp.Status)}
			for i, t := range []*ir.Type{resp.Body, resp.Header} {
				if t == nil {
					continue
				}
				sep := ": "
				if i == 1 && resp.Body != nil {
					sep = ", header "
				} else if i == 1 {
					sep = ": header "
				}
				ref := &doc.Ref{Label: "operation response " + t.GoName}
				pkg.Links[ref] = t.GoName
				in = append(in, plain(sep), &doc.Inline{Kind: doc.Link, Text: t.GoName, Ref: ref})
			}
			list.Items = append(list.Items, []*doc.Block{para(in...)})
		}
		blocks = append(blocks, para(plain("Responses:")), list)
	}
	op.ParamsType.Doc = blocks
}
