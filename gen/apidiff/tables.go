package apidiff

import (
	"strconv"

	"github.com/rst2go/rst2go/gen/ir"
)

// root is a table no operation reaches and no other such table refers
// to: a data structure page's table, a page of common responses, or any
// table of a page whose operation the resolver did not find.
type root struct {
	typ *ir.Type
	id  pageID
	// key names the table within its page: its role ("response",
	// "error-response", "params"), with "#2", "#3" for a second and third
	// table of one role on the page.
	key string
	// path is the page's path below the set's root.
	path string
}

// tables pairs the tables no operation reaches, by page and role, and
// compares their fields.
func (d *differ) tables(old, new Set) {
	key := func(r root) []string {
		return []string{orEmpty(r.id.topic, r.id.topic+" "+r.key), orEmpty(r.id.rel, r.id.rel+" "+r.key)}
	}
	pairs, removed, added := pair(roots(old), roots(new), key, key)
	for _, r := range removed {
		d.where = Change{Page: r.page(), group: groupKey{table: true, path: r.page()}}
		d.add(FieldRemoved, r.key, r.typ.GoName, "", true, r.typ.Pos)
	}
	for _, r := range added {
		d.where = Change{Page: r.page(), group: groupKey{table: true, path: r.page()}}
		d.add(FieldAdded, r.key, "", r.typ.GoName, false, r.typ.Pos)
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		d.where = Change{Page: n.page(), group: groupKey{table: true, path: n.page()}}
		d.walk(n.key, ir.NamedType(o.typ), ir.NamedType(n.typ), o.typ.Role == "request" || n.typ.Role == "request", n.typ.Pos, map[[2]*ir.Type]bool{})
	}
}

func (r root) page() string { return r.path }

// roots lists the tables of a set that no operation reaches and no other
// such table refers to, in file order.
func roots(s Set) []root {
	reached := map[*ir.Type]bool{}
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
	for _, f := range s.Package.Files {
		count := map[string]int{}
		for _, t := range f.Types {
			if reached[t] || referred[t] {
				continue
			}
			r := root{typ: t, id: identify(t.Page, s.Root), key: t.Role}
			if t.Page != nil {
				r.path = belowRoot(t.Page.Path, s.Root)
			}
			if r.key == "" {
				r.key = "table"
			}
			count[r.key]++
			if n := count[r.key]; n > 1 {
				r.key += "#" + strconv.Itoa(n)
			}
			out = append(out, r)
		}
	}
	return out
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
