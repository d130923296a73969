package doc

import (
	"path"
	"strings"
)

// Target is what a reference names: a table, a section (Section ≥ 0) or a
// whole page (Section -1, no Table). A URL names something outside the
// run: a Target with no Page.
type Target struct {
	Page    *Page
	Table   *Table
	Section int
}

// Targets finds what the references of a run's pages name. The resolver
// and the linter both use it, so that they agree on every reference.
type Targets struct {
	pages      []*Page
	byPath     map[string]*Page // path without extension
	byOriginal map[string]*Page // published file name, lower case
	// global holds every page's labels, not filled for a single page
	// (its local labels are all there is: on a 50 MB page of 32,000
	// tables the second map was 6 MB).
	global map[string][]Target
	local  map[*Page]map[string]Target
}

// NewTargets indexes every label, anchor, section and page of pages. Where
// a label names several places, the first in the order of pages wins.
func NewTargets(pages []*Page) *Targets {
	x := &Targets{
		pages:      pages,
		byPath:     map[string]*Page{},
		byOriginal: map[string]*Page{},
		global:     map[string][]Target{},
		local:      map[*Page]map[string]Target{},
	}
	for _, p := range pages {
		x.byPath[stripExt(p.Path)] = p
		if p.OriginalName != "" {
			x.byOriginal[strings.ToLower(p.OriginalName)] = p
		}
		local := map[string]Target{}
		x.local[p] = local
		add := func(label string, t Target) {
			for _, key := range []string{label, MakeID(label)} {
				if key == "" {
					continue
				}
				if _, ok := local[key]; !ok {
					local[key] = t
					if len(pages) > 1 {
						x.global[key] = append(x.global[key], t)
					}
				}
			}
		}
		for _, l := range p.Labels {
			add(l, Target{Page: p, Section: -1})
		}
		for i, s := range p.Sections {
			if s == nil {
				continue
			}
			for _, l := range s.Labels {
				add(l, Target{Page: p, Section: i})
			}
			add(s.ID, Target{Page: p, Section: i})
		}
		for _, t := range p.Tables {
			if t == nil {
				continue
			}
			for _, l := range t.Labels {
				add(l, Target{Page: p, Table: t, Section: -1})
			}
		}
	}
	return x
}

// Lookup finds what a reference from a page names: a label or anchor of
// the page it links to, or of the linking page first and then of any
// page. ok is false when it names nothing of the run. defs is the number
// of places of several pages that define a label found on no page of the
// link's own (the first wins), else 0.
func (x *Targets) Lookup(from *Page, ref *Ref) (t Target, defs int, ok bool) {
	switch {
	case ref.URL != "":
		return Target{Section: -1}, 0, true
	case ref.Page != "":
		p := x.findPage(from, ref.Page)
		if p == nil {
			return Target{}, 0, false
		}
		if ref.Label == "" {
			return Target{Page: p, Section: -1}, 0, true
		}
		t, ok := x.inPage(p, ref.Label)
		return t, 0, ok
	case ref.Label == "":
		return Target{}, 0, false
	}
	if t, ok := x.inPage(from, ref.Label); ok {
		return t, 0, true
	}
	if len(x.pages) == 1 {
		t, ok := x.inPage(x.pages[0], ref.Label)
		return t, 0, ok
	}
	for _, key := range []string{ref.Label, MakeID(ref.Label)} {
		if ts := x.global[key]; len(ts) > 0 {
			if len(ts) > 1 && ts[0].Page != ts[1].Page {
				defs = len(ts)
			}
			return ts[0], defs, true
		}
	}
	return Target{}, 0, false
}

func (x *Targets) inPage(p *Page, label string) (Target, bool) {
	if t, ok := x.local[p][label]; ok {
		return t, true
	}
	t, ok := x.local[p][MakeID(label)]
	return t, ok
}

// findPage finds the page a link names: a path relative to the linking
// page with any extension ("../data_structure/x.html"), the page's
// published name, or a unique path suffix.
func (x *Targets) findPage(from *Page, link string) *Page {
	link, _, _ = strings.Cut(link, "#")
	if link == "" {
		return from
	}
	if from != nil {
		if p := x.byPath[stripExt(path.Join(path.Dir(from.Path), link))]; p != nil {
			return p
		}
	}
	if p := x.byOriginal[strings.ToLower(path.Base(link))]; p != nil {
		return p
	}
	suffix := "/" + strings.TrimLeft(stripExt(path.Clean("/"+link)), "/")
	var found *Page
	for _, p := range x.pages {
		if strings.HasSuffix("/"+stripExt(p.Path), suffix) {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

func stripExt(p string) string { return strings.TrimSuffix(p, path.Ext(p)) }

// InSection reports whether section s of p is want or lies inside it.
func InSection(p *Page, s, want int) bool {
	for guard := 0; s >= 0 && s < len(p.Sections) && p.Sections[s] != nil && guard <= len(p.Sections); guard++ {
		if s == want {
			return true
		}
		s = p.Sections[s].Parent
	}
	return false
}
