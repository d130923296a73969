// Package apidiff says what changed between two versions of one API's
// docs for an SDK built from them: operations added or removed; path,
// query and header parameters and request and response fields added,
// removed, retyped, made mandatory or optional; responses added or
// removed; descriptions changed. Each change is marked breaking when it
// breaks code compiled or calls made against the old version.
//
// It compares two resolved models (*ir.Package), each built exactly as
// generation builds it, so that a type change means a change of the
// generated Go type. It knows nothing of the input formats.
//
// Matching is by what an SDK user sees, not by where the docs keep it:
// operations by method and path template (placeholder names and the query
// string ignored), so that a renamed or moved page is no change; fields by
// their JSON path within the operation's request, parameters and
// responses; tables no operation reaches by their page's stable identity
// (its published topic, else its path in the set) and their role.
package apidiff

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/source"
)

// Kind is what changed.
type Kind string

// The kinds of change, in the order reports count them.
const (
	OperationAdded     Kind = "operation-added"
	OperationRemoved   Kind = "operation-removed"
	ParamAdded         Kind = "param-added"
	ParamRemoved       Kind = "param-removed"
	FieldAdded         Kind = "field-added"
	FieldRemoved       Kind = "field-removed"
	TypeChanged        Kind = "type-changed"
	RequiredChanged    Kind = "required-changed"
	EnumValueAdded     Kind = "enum-value-added"
	EnumValueRemoved   Kind = "enum-value-removed"
	ResponseAdded      Kind = "response-added"
	ResponseRemoved    Kind = "response-removed"
	DescriptionChanged Kind = "description-changed"
)

// Kinds lists every kind in report order.
var Kinds = []Kind{
	OperationAdded, OperationRemoved, ParamAdded, ParamRemoved, FieldAdded, FieldRemoved,
	TypeChanged, RequiredChanged, EnumValueAdded, EnumValueRemoved, ResponseAdded, ResponseRemoved,
	DescriptionChanged,
}

// Change is one difference between the old and the new version.
type Change struct {
	// Operation is the method and path template as the new version
	// documents it ("POST /v1/{project_id}/cloudservers"; the old
	// version's for a removed operation); "" for a table no operation
	// reaches.
	Operation string
	// Page is, for a table no operation reaches, its page's path within
	// its set (the new set's; the old one's for a removed table); ""
	// otherwise.
	Page string
	Kind Kind
	// Path says where: "request.server.name", "query.limit",
	// "path.project_id", "header.X-Auth-Token", "response/200",
	// "response/200.servers[].id", "response-header/200.X-Request-Id":
	// json paths as the names lock writes them (ir.RootSegment,
	// ir.FieldPath), "[]" stepping into array elements and "{}" into map
	// values. For a table no operation reaches, the table's title or
	// role and the JSON path in it ("[error field structure].code",
	// "error-response.error"). "" for an operation added or removed.
	Path string
	// Old and New are the values before and after: Go types for fields
	// and parameters, "mandatory" or "optional", an enum value, the Go
	// name of an operation or of a response's type, a description's text.
	Old, New string
	Breaking bool
	// Pos is where the change is in the new version's pages, or in the
	// old version's for something removed.
	Pos source.Pos

	group groupKey
}

// groupKey orders changes: operations by path template, method and Go
// name (pages that share a method and path, "POST .../action" with a
// different body each, are kept apart), then tables by page.
type groupKey struct {
	table                bool
	path, method, goName string
}

// Set is one version of the docs, resolved.
type Set struct {
	Package *ir.Package
	// Root is the folder the set was read from ("docs/v2"; for a set of
	// one file, the file's folder), as page paths start with it: a page
	// is known by its path below Root when the docs give nothing more
	// stable.
	Root string
}

// Compare lists the changes from old to new: ordered by operation (path
// template, method, Go name; tables no operation reaches after them, by page),
// then JSON path, then kind. The same set twice gives none.
func Compare(old, new Set) []Change {
	d := &differ{}
	d.operations(old, new)
	d.tables(old, new)
	slices.SortStableFunc(d.changes, compareChanges)
	return d.changes
}

func compareChanges(a, b Change) int {
	if a.group.table != b.group.table {
		if a.group.table {
			return 1
		}
		return -1
	}
	return cmp.Or(
		cmp.Compare(a.group.path, b.group.path),
		cmp.Compare(a.group.method, b.group.method),
		cmp.Compare(a.group.goName, b.group.goName),
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(slices.Index(Kinds, a.Kind), slices.Index(Kinds, b.Kind)),
		cmp.Compare(a.Old, b.Old),
		cmp.Compare(a.New, b.New),
	)
}

// differ collects changes; where says which operation or table the
// changes being found belong to.
type differ struct {
	changes []Change
	where   Change
}

func (d *differ) add(kind Kind, path, old, new string, breaking bool, pos source.Pos) {
	c := d.where
	c.Kind, c.Path, c.Old, c.New, c.Breaking, c.Pos = kind, path, old, new, breaking, pos
	d.changes = append(d.changes, c)
}

// operations pairs the operations of both sets and compares each pair.
func (d *differ) operations(old, new Set) {
	key := func(s Set) func(*ir.Operation) []string {
		return func(op *ir.Operation) []string {
			k := OperationKey(op.Method, op.Path)
			id := identify(op.Page, s.Root)
			return []string{orEmpty(id.topic, k+" "+id.topic), orEmpty(id.rel, k+" "+id.rel), k}
		}
	}
	pairs, removed, added := pair(old.Package.Operations, new.Package.Operations, key(old), key(new))
	for _, op := range removed {
		d.where = Change{Operation: opName(op), group: groupKey{path: op.Path, method: op.Method, goName: op.GoName}}
		d.add(OperationRemoved, "", op.GoName, "", true, op.Pos)
	}
	for _, op := range added {
		d.where = Change{Operation: opName(op), group: groupKey{path: op.Path, method: op.Method, goName: op.GoName}}
		d.add(OperationAdded, "", "", op.GoName, false, op.Pos)
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		d.where = Change{Operation: opName(n), group: groupKey{path: n.Path, method: n.Method, goName: n.GoName}}
		d.params(o, n)
		d.body("request", o.Request, n.Request, true, n.Pos, o.Pos)
		d.responses(o, n)
	}
}

func opName(op *ir.Operation) string { return op.Method + " " + op.Path }

func orEmpty(part, s string) string {
	if part == "" {
		return ""
	}
	return s
}

var placeholder = regexp.MustCompile(`\{[^{}/]*\}`)

// OperationKey is what an operation is known by across versions: its
// method and its path template with placeholder names, the query string
// and a trailing slash left out ("POST /v1/{}/cloudservers").
func OperationKey(method, path string) string {
	path, _, _ = strings.Cut(path, "?")
	if len(path) > 1 {
		path = strings.TrimSuffix(path, "/")
	}
	return strings.ToUpper(method) + " " + placeholder.ReplaceAllString(path, "{}")
}

// params compares path, query and header parameters. Path parameters are
// matched by the place of their placeholder in the template (a renamed
// placeholder is the same parameter), header names case-insensitively.
func (d *differ) params(o, n *ir.Operation) {
	key := func(op *ir.Operation) func(*ir.Param) []string {
		holders := placeholder.FindAllString(op.Path, -1)
		return func(p *ir.Param) []string {
			switch p.In {
			case ir.InPath:
				if i := slices.Index(holders, "{"+p.Name+"}"); i >= 0 {
					return []string{"path#" + strconv.Itoa(i)}
				}
			case ir.InHeader:
				return []string{"header:" + strings.ToLower(p.Name)}
			}
			return []string{string(p.In) + ":" + p.Name}
		}
	}
	pairs, removed, added := pair(o.Params, n.Params, key(o), key(n))
	for _, p := range removed {
		d.add(ParamRemoved, paramPath(p), p.Type.String(), "", true, p.Pos)
	}
	for _, p := range added {
		d.add(ParamAdded, paramPath(p), "", p.Type.String(), p.Required, p.Pos)
	}
	for _, pp := range pairs {
		op, np := pp[0], pp[1]
		path := paramPath(np)
		if norm(op.Type) != norm(np.Type) {
			d.typeChanged(path, op.Type, np.Type, np.Pos)
			continue
		}
		if op.Required != np.Required {
			d.add(RequiredChanged, path, requiredWord(op.Required), requiredWord(np.Required),
				np.Required || pointerness(op.Type) != pointerness(np.Type), np.Pos)
		}
		d.description(path, op.Doc, np.Doc, np.Pos)
		d.walk(path, op.Type, np.Type, true, np.Pos, map[[2]*ir.Type]bool{})
	}
}

func paramPath(p *ir.Param) string { return string(p.In) + "." + p.Name }

func requiredWord(required bool) string {
	if required {
		return "mandatory"
	}
	return "optional"
}

// responses compares the responses by status code.
func (d *differ) responses(o, n *ir.Operation) {
	key := func(r *ir.Response) []string { return []string{r.Status} }
	pairs, removed, added := pair(o.Responses, n.Responses, key, key)
	for _, r := range removed {
		d.add(ResponseRemoved, responsePath(r), responseName(r), "", r.Body != nil || r.Header != nil, r.Pos)
	}
	for _, r := range added {
		d.add(ResponseAdded, responsePath(r), "", responseName(r), false, r.Pos)
	}
	for _, rp := range pairs {
		or, nr := rp[0], rp[1]
		path := responsePath(nr)
		d.body(path, or.Body, nr.Body, false, nr.Pos, or.Pos)
		d.body(ir.RootSegment("response-header", nr.Status), or.Header, nr.Header, false, nr.Pos, or.Pos)
	}
}

func responsePath(r *ir.Response) string { return ir.RootSegment("response", r.Status) }

// responseName is what a response is shown by: its body type's Go name,
// else its header type's.
func responseName(r *ir.Response) string {
	switch {
	case r.Body != nil:
		return r.Body.GoName
	case r.Header != nil:
		return r.Header.GoName
	}
	return ""
}

// body compares a request or response body (or a response's headers):
// one that appears or goes is one change at its root path (a request
// body that appears with a mandatory field breaks calls made without
// it), else its fields are compared.
func (d *differ) body(path string, o, n *ir.Type, input bool, npos, opos source.Pos) {
	switch {
	case o == nil && n == nil:
	case o == nil:
		d.add(FieldAdded, path, "", n.GoName, input && slices.ContainsFunc(n.Fields, required), orPos(n.Pos, npos))
	case n == nil:
		d.add(FieldRemoved, path, o.GoName, "", true, orPos(o.Pos, opos))
	default:
		d.walk(path, ir.NamedType(o), ir.NamedType(n), input, n.Pos, map[[2]*ir.Type]bool{})
	}
}

func orPos(p, or source.Pos) source.Pos {
	if p.File == "" {
		return or
	}
	return p
}

// walk compares the values at path, of the Go types o and n: a change of
// type is one change (what is inside is not compared), else it steps
// into what both hold, through pointers, arrays ("[]") and maps ("{}"),
// to the values of an enum or the fields of a struct. seen holds the
// pairs of structs being compared, so that a table that nests itself
// ends.
func (d *differ) walk(path string, o, n *ir.GoType, input bool, pos source.Pos, seen map[[2]*ir.Type]bool) {
	if norm(o) != norm(n) {
		d.typeChanged(path, o, n, pos)
		return
	}
	// norm(o) == norm(n): both have the same shape once pointers and
	// named maps and slices are stepped through.
	for depth := 0; depth < 32; depth++ {
		o, n = deref(o), deref(n)
		switch {
		case o.Kind == ir.Slice:
			path = ir.FieldPath(path, "", ir.Array)
		case o.Kind == ir.Map:
			path = ir.FieldPath(path, "", ir.MapOfV)
		case o.Kind == ir.Named && o.Ref.Enum != nil:
			d.enums(path, o.Ref.Enum, n.Ref.Enum, input)
			return
		case o.Kind == ir.Named:
			pair := [2]*ir.Type{o.Ref, n.Ref}
			if seen[pair] {
				return
			}
			seen[pair] = true
			d.fields(path, o.Ref, n.Ref, input, seen)
			delete(seen, pair)
			return
		default:
			return
		}
		o, n = o.Elem, n.Elem
	}
}

// typeChanged records a change of Go type, shown as Go types, or as
// what they are where the names are the same ("enum of string").
func (d *differ) typeChanged(path string, o, n *ir.GoType, pos source.Pos) {
	ot, nt := o.String(), n.String()
	if ot == nt {
		ot, nt = norm(o), norm(n)
	}
	d.add(TypeChanged, path, ot, nt, true, pos)
}

// enums compares the documented values of an enum: a value removed
// breaks a request that sends it.
func (d *differ) enums(path string, o, n *ir.Enum, input bool) {
	if o == nil || n == nil {
		return
	}
	// pair skips empty keys, and "" is a value ("Empty string: no host").
	key := func(v *ir.EnumValue) []string { return []string{"=" + v.Value} }
	_, removed, added := pair(o.Values, n.Values, key, key)
	for _, v := range removed {
		d.add(EnumValueRemoved, path, v.Value, "", input, v.Pos)
	}
	for _, v := range added {
		d.add(EnumValueAdded, path, "", v.Value, false, v.Pos)
	}
}

// deref steps through pointers and named types that are a map or a slice
// (a table of one placeholder row), not through an enum.
func deref(t *ir.GoType) *ir.GoType {
	for depth := 0; depth < 32; depth++ {
		switch {
		case t.Kind == ir.Pointer:
			t = t.Elem
		case t.Kind == ir.Named && t.Ref.Enum == nil && t.Ref.Underlying != nil:
			t = t.Ref.Underlying
		default:
			return t
		}
	}
	return t
}

// fields compares the fields of two structs, by JSON name.
func (d *differ) fields(path string, o, n *ir.Type, input bool, seen map[[2]*ir.Type]bool) {
	key := func(f *ir.Field) []string { return []string{f.JSONName} }
	pairs, removed, added := pair(o.Fields, n.Fields, key, key)
	for _, f := range removed {
		d.add(FieldRemoved, ir.FieldPath(path, f.JSONName, ir.Object), f.Type.String(), "", true, f.Pos)
	}
	for _, f := range added {
		d.add(FieldAdded, ir.FieldPath(path, f.JSONName, ir.Object), "", f.Type.String(), input && required(f), f.Pos)
	}
	for _, fp := range pairs {
		of, nf := fp[0], fp[1]
		fpath := ir.FieldPath(path, nf.JSONName, ir.Object)
		if norm(of.Type) != norm(nf.Type) {
			d.typeChanged(fpath, of.Type, nf.Type, nf.Pos)
			continue
		}
		if required(of) != required(nf) {
			d.add(RequiredChanged, fpath, requiredWord(required(of)), requiredWord(required(nf)),
				input && required(nf) || pointerness(of.Type) != pointerness(nf.Type), nf.Pos)
		}
		d.description(fpath, of.Doc, nf.Doc, nf.Pos)
		d.walk(fpath, of.Type, nf.Type, input, nf.Pos, seen)
	}
}

// required reports whether the docs say a field is mandatory (an optional
// field is emitted with omitempty or omitzero).
func required(f *ir.Field) bool { return !f.OmitEmpty && !f.OmitZero }

func (d *differ) description(path string, o, n []*doc.Block, pos source.Pos) {
	ot, nt := descText(o), descText(n)
	if ot != nt {
		d.add(DescriptionChanged, path, ot, nt, false, pos)
	}
}

// descText is a description as plain text, spacing folded: a rewrapped
// line is no change.
func descText(blocks []*doc.Block) string {
	return strings.Join(strings.Fields(doc.BlocksText(blocks)), " ")
}

// norm is what a Go type is compared by: pointers left out (whether a
// field is optional is a change of its own), a struct known as "struct"
// and an enum as "enum of string" whatever its name (their fields and
// values are compared one by one; a type renamed with its table's title
// is no change of the API's data). A string that becomes an enum is a
// change of Go type.
func norm(t *ir.GoType) string {
	var b strings.Builder
	for depth := 0; depth < 32; depth++ {
		t = deref(t)
		switch t.Kind {
		case ir.Slice:
			b.WriteString("[]")
		case ir.Map:
			b.WriteString("map[string]")
		case ir.Named:
			if e := t.Ref.Enum; e != nil && e.Base != nil {
				b.WriteString("enum of " + e.Base.String())
			} else {
				b.WriteString("struct")
			}
			return b.String()
		default:
			b.WriteString(t.String())
			return b.String()
		}
		t = t.Elem
	}
	return b.String()
}

// pointerness is whether a field's Go type is a pointer: a change of it
// with a change of optionality changes the field's Go type.
func pointerness(t *ir.GoType) bool { return t.Kind == ir.Pointer }

// pageID is what a page is known by across versions.
type pageID struct {
	// topic is the published topic the page was made from
	// (":original_name: en-us_topic_0142195139.html", or the id its
	// labels embed in the 2022 style, "ENUSTOPIC0142195139table...");
	// rel is its path below the set's root, without extension.
	topic, rel string
}

var topicID = regexp.MustCompile(`(?i)^en-?us_?topic_?(\d+)`)

func identify(p *doc.Page, root string) pageID {
	if p == nil {
		return pageID{}
	}
	id := pageID{rel: relPath(p.Path, root)}
	if p.OriginalName != "" {
		name := strings.ToLower(p.OriginalName)
		if m := topicID.FindStringSubmatch(name); m != nil {
			id.topic = "topic " + m[1]
		} else {
			id.topic = "name " + strings.TrimSuffix(name, ".html")
		}
		return id
	}
	labels := slices.Clone(p.Labels)
	for _, t := range p.Tables {
		labels = append(labels, t.Labels...)
	}
	for _, s := range p.Sections {
		labels = append(labels, s.Labels...)
	}
	for _, l := range labels {
		if m := topicID.FindStringSubmatch(l); m != nil {
			id.topic = "topic " + m[1]
			break
		}
	}
	return id
}

// belowRoot is a page's path below root.
func belowRoot(p, root string) string {
	root = strings.TrimSuffix(root, "/")
	if root != "" && root != "." && strings.HasPrefix(p, root+"/") {
		p = p[len(root)+1:]
	}
	return p
}

// relPath is a page's path below root, without extension.
func relPath(p, root string) string {
	p = belowRoot(p, root)
	if i := strings.LastIndexByte(p, '.'); i > strings.LastIndexByte(p, '/') {
		p = p[:i]
	}
	return p
}

// pair matches the items of two lists: by the first key of each item,
// then among those left by the second, and so on; an empty key matches
// nothing. Items with one key are taken in list order, so the result does
// not depend on maps. It returns the pairs and the items of either list
// left over, each in list order.
func pair[T any](old, new []T, oldKeys, newKeys func(T) []string) (pairs [][2]T, onlyOld, onlyNew []T) {
	oldLeft := make([]bool, len(old))
	newLeft := make([]bool, len(new))
	for i := range oldLeft {
		oldLeft[i] = true
	}
	for i := range newLeft {
		newLeft[i] = true
	}
	ok := make([][]string, len(old))
	for i, x := range old {
		ok[i] = oldKeys(x)
	}
	nk := make([][]string, len(new))
	for i, x := range new {
		nk[i] = newKeys(x)
	}
	type match struct{ o, n int }
	var matches []match
	for pass := 0; ; pass++ {
		more := false
		waiting := map[string][]int{}
		for i, keys := range nk {
			if pass < len(keys) {
				more = true
				if newLeft[i] && keys[pass] != "" {
					waiting[keys[pass]] = append(waiting[keys[pass]], i)
				}
			}
		}
		if !more {
			break
		}
		for i, keys := range ok {
			if !oldLeft[i] || pass >= len(keys) || keys[pass] == "" {
				continue
			}
			if q := waiting[keys[pass]]; len(q) > 0 {
				matches = append(matches, match{i, q[0]})
				waiting[keys[pass]] = q[1:]
				oldLeft[i], newLeft[q[0]] = false, false
			}
		}
	}
	slices.SortFunc(matches, func(a, b match) int { return cmp.Compare(a.n, b.n) })
	for _, m := range matches {
		pairs = append(pairs, [2]T{old[m.o], new[m.n]})
	}
	for i, left := range oldLeft {
		if left {
			onlyOld = append(onlyOld, old[i])
		}
	}
	for i, left := range newLeft {
		if left {
			onlyNew = append(onlyNew, new[i])
		}
	}
	return pairs, onlyOld, onlyNew
}
