package apidiff

import (
	"strconv"
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
)

// root is a table no operation reaches and no other such table refers
// to: a data structure page's table, a page of common responses, or any
// table of a page whose operation the resolver did not find.
type root struct {
	typ *ir.Type
	id  pageID
	// key names the table within its page: its title less "Table N", in
	// brackets ("[metadata parameters]"), else its role ("response",
	// "error-response"), with "#2", "#3" for a second and third table of
	// one name on the page.
	key string
	// path is the page's path below the set's root.
	path string
}

// keys are what a root is paired by: its page's topic, else its page's
// path, with its key.
func (r root) keys() []string {
	return []string{orEmpty(r.id.topic, r.id.topic+" "+r.key), orEmpty(r.id.rel, r.id.rel+" "+r.key)}
}

// tables pairs the tables no operation reaches, by page and name, and
// compares their fields. A table of one version that the other has too,
// but reached by an operation there, is no change of its own: what
// changed in it shows under the operation.
func (d *differ) tables(old, new Set) {
	oldRoots, oldAll := roots(old)
	newRoots, newAll := roots(new)
	key := func(r root) []string { return r.keys() }
	pairs, removed, added := pair(oldRoots, newRoots, key, key)
	elsewhere := func(r root, all map[string]bool) bool {
		for _, k := range r.keys() {
			if k != "" && all[k] {
				return true
			}
		}
		return false
	}
	for _, r := range removed {
		if elsewhere(r, newAll) {
			continue
		}
		d.where = Change{Page: r.path, group: groupKey{table: true, path: r.path}}
		d.add(FieldRemoved, r.key, r.typ.GoName, "", true, r.typ.Pos)
	}
	for _, r := range added {
		if elsewhere(r, oldAll) {
			continue
		}
		d.where = Change{Page: r.path, group: groupKey{table: true, path: r.path}}
		d.add(FieldAdded, r.key, "", r.typ.GoName, false, r.typ.Pos)
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		d.where = Change{Page: n.path, group: groupKey{table: true, path: n.path}}
		input := o.typ.Role == "request" || n.typ.Role == "request"
		d.walk(n.key, ir.NamedType(o.typ), ir.NamedType(n.typ), input, n.typ.Pos, map[[2]*ir.Type]bool{})
	}
}

// paramRoles are the roles of the tables an operation's parameters come
// from.
var paramRoles = map[string]bool{"path-params": true, "query-params": true, "uri-params": true, "request-header": true}

// roots lists the tables of a set that no operation reaches and no other
// such table refers to, in file order; and the keys of every table of the
// set, reached or not (without "#2": a table of a page).
func roots(s Set) ([]root, map[string]bool) {
	reached := map[*ir.Type]bool{}
	// The path, query and header tables of a page with an operation are
	// its parameters (the resolver made op.Params of their rows).
	opPages := map[*doc.Page]bool{}
	for _, op := range s.Package.Operations {
		opPages[op.Page] = true
	}
	for _, f := range s.Package.Files {
		for _, t := range f.Types {
			if opPages[t.Page] && paramRoles[t.Role] {
				markType(reached, t)
			}
		}
	}
	for _, op := range s.Package.Operations {
		markType(reached, op.Request)
		markType(reached, op.ParamsType)
		for _, p := range op.Params {
			mark(reached, p.Type)
		}
		for _, r := range op.Responses {
			markType(reached, r.Body)
			markType(reached, r.Header)
		}
	}
	// Tables no operation reaches, less those another of them refers to.
	referred := map[*ir.Type]bool{}
	for _, f := range s.Package.Files {
		for _, t := range f.Types {
			if reached[t] {
				continue
			}
			for _, fl := range t.Fields {
				markRefs(referred, fl.Type, t)
			}
			if t.Underlying != nil {
				markRefs(referred, t.Underlying, t)
			}
		}
	}
	var out []root
	all := map[string]bool{}
	for _, f := range s.Package.Files {
		count := map[string]int{}
		for _, t := range f.Types {
			r := root{typ: t, id: identify(t.Page, s.Root), key: tableName(t)}
			if t.Page != nil {
				r.path = belowRoot(t.Page.Path, s.Root)
			}
			for _, k := range r.keys() {
				all[k] = true
			}
			if reached[t] || referred[t] {
				continue
			}
			count[r.key]++
			if n := count[r.key]; n > 1 {
				r.key += "#" + strconv.Itoa(n)
			}
			out = append(out, r)
		}
	}
	delete(all, "")
	return out, all
}

// untitledNumber is a title without its "Table N".
func untitledNumber(title string) string {
	_, rest, _ := doc.CutTableNumber(title)
	return rest
}

// tableName is what a table is known by on its page: its title less
// "Table N", lower case, spacing folded, in brackets ("[metadata
// parameters]"); else its role; else "table".
func tableName(t *ir.Type) string {
	if t.Table != nil {
		title := strings.Join(strings.Fields(strings.ToLower(untitledNumber(t.Table.Title))), " ")
		if title != "" {
			return "[" + title + "]"
		}
	}
	if t.Role != "" {
		return t.Role
	}
	return "table"
}

// markType marks t and every type it holds as reached.
func markType(reached map[*ir.Type]bool, t *ir.Type) {
	if t == nil || reached[t] {
		return
	}
	reached[t] = true
	for _, f := range t.Fields {
		mark(reached, f.Type)
	}
	if t.Underlying != nil {
		mark(reached, t.Underlying)
	}
}

func mark(reached map[*ir.Type]bool, g *ir.GoType) {
	for depth := 0; g != nil && depth < 32; depth++ {
		if g.Kind == ir.Named {
			markType(reached, g.Ref)
			return
		}
		g = g.Elem
	}
}

// markRefs marks the struct a Go type holds, unless it is from itself.
func markRefs(referred map[*ir.Type]bool, g *ir.GoType, from *ir.Type) {
	for depth := 0; g != nil && depth < 32; depth++ {
		if g.Kind == ir.Named {
			if g.Ref != from {
				referred[g.Ref] = true
			}
			return
		}
		g = g.Elem
	}
}
