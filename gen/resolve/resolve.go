// Package resolve turns document models into the Go model: it finds which
// tables are parameter tables, follows the references that nest one table
// in another (across pages too), maps type words to Go types, and chooses
// the names of types and fields. Every problem is a positioned diagnostic;
// resolution always completes with the best correct result.
package resolve

import (
	"cmp"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/rst2go/rst2go/gen/config"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/naming"
	"github.com/rst2go/rst2go/gen/source"
)

// Options configure a resolution.
type Options struct {
	// Package is the Go package name of the output.
	Package string
	// Config holds the settings of rst2go.yaml, or nil.
	Config *config.Config
}

// Resolve builds the Go model of pages. Pages are taken in path order, so
// the result does not depend on the order they were given in.
func Resolve(pages []*doc.Page, opts Options) (*ir.Package, source.List) {
	r := &resolver{
		pages:      slices.SortedFunc(slices.Values(pages), func(a, b *doc.Page) int { return cmp.Compare(a.Path, b.Path) }),
		infos:      map[*doc.Table]*tableInfo{},
		byPath:     map[string]*doc.Page{},
		byOriginal: map[string]*doc.Page{},
		global:     map[string][]target{},
		local:      map[*doc.Page]map[string]target{},
		refTargets: map[*doc.Ref]*tableInfo{},
		settings:   newSettings(opts.Config),
		shapeIDs:   map[string]int{},
		words:      map[string]*typeWord{},
		titles:     map[*doc.Page]*titleIndex{},
	}
	r.index()
	r.plan()
	r.matchTypeNames()
	r.name()
	r.dropRoles()
	pkg := r.build(opts)
	r.reportUnused()
	r.diags.Sort()
	return pkg, r.diags
}

type resolver struct {
	pages []*doc.Page
	diags source.List

	byPath     map[string]*doc.Page // path without extension
	byOriginal map[string]*doc.Page // published file name, lower case
	global     map[string][]target  // label or anchor → targets, page order
	local      map[*doc.Page]map[string]target

	infos      map[*doc.Table]*tableInfo
	tables     []*tableInfo // parameter tables, page order then document order
	refTargets map[*doc.Ref]*tableInfo
	names      naming.Namer
	settings   *settings
	shapeIDs   map[string]int // see shapeOf
	words      map[string]*typeWord
	titles     map[*doc.Page]*titleIndex
}

// target is what a label names: a table, a section or a whole page.
type target struct {
	page    *doc.Page
	table   *doc.Table
	section int // -1 unless a section
}

// tableInfo is the resolver's knowledge of one parameter table.
type tableInfo struct {
	page     *doc.Page
	table    *doc.Table
	order    int
	fields   []*fieldPlan
	incoming []*fieldPlan

	typ     *ir.Type
	visited bool
	root    bool // named as a top-level table
	merged  bool // its type is another table's (same shape, same name)
	dead    bool // reachable only through merged tables
	claim   string
	shape   string
	shaping bool
	role    role
	// placeholder is set for a table that describes no object but the
	// values of a map ("{User defined key}", a phrase as the name) or the
	// elements of an array ("[items]"): its one row's type stands in for
	// the table wherever a field refers to it.
	placeholder *fieldPlan
	mapOf       bool
}

// fieldPlan is one parameter and what it refers to.
type fieldPlan struct {
	owner  *tableInfo
	param  *doc.Param
	word   *typeWord
	target *tableInfo
}

// index records every label, anchor, section and page of the run.
func (r *resolver) index() {
	for _, p := range r.pages {
		r.byPath[stripExt(p.Path)] = p
		if p.OriginalName != "" {
			r.byOriginal[strings.ToLower(p.OriginalName)] = p
		}
		local := map[string]target{}
		r.local[p] = local
		add := func(label string, t target) {
			for _, key := range []string{label, doc.MakeID(label)} {
				if key == "" {
					continue
				}
				if _, ok := local[key]; !ok {
					local[key] = t
					r.global[key] = append(r.global[key], t)
				}
			}
		}
		for _, l := range p.Labels {
			add(l, target{page: p, section: -1})
		}
		for i, s := range p.Sections {
			for _, l := range s.Labels {
				add(l, target{page: p, section: i})
			}
			add(s.ID, target{page: p, section: i})
		}
		for _, t := range p.Tables {
			for _, l := range t.Labels {
				add(l, target{page: p, table: t, section: -1})
			}
			if t.Kind == doc.Parameters {
				info := &tableInfo{page: p, table: t, order: len(r.tables), typ: &ir.Type{Pos: t.Pos}}
				r.infos[t] = info
				r.tables = append(r.tables, info)
			}
		}
	}
}

func stripExt(p string) string { return strings.TrimSuffix(p, path.Ext(p)) }

// lookup finds what a reference names, or ok=false. A URL is resolved
// (it names something outside), but never a table.
func (r *resolver) lookup(from *doc.Page, ref *doc.Ref) (target, bool) {
	switch {
	case ref.URL != "":
		return target{section: -1}, true
	case ref.Page != "":
		p := r.findPage(from, ref.Page)
		if p == nil {
			return target{}, false
		}
		if ref.Label == "" {
			return target{page: p, section: -1}, true
		}
		return r.inPage(p, ref.Label)
	case ref.Label == "":
		return target{}, false
	}
	if t, ok := r.inPage(from, ref.Label); ok {
		return t, true
	}
	for _, key := range []string{ref.Label, doc.MakeID(ref.Label)} {
		if ts := r.global[key]; len(ts) > 0 {
			if len(ts) > 1 && ts[0].page != ts[1].page {
				r.diags.Warnf(ref.Pos, "ambiguous-ref", "label %q is defined on %d pages; using %s", ref.Label, len(ts), ts[0].page.Path)
			}
			return ts[0], true
		}
	}
	return target{}, false
}

func (r *resolver) inPage(p *doc.Page, label string) (target, bool) {
	if t, ok := r.local[p][label]; ok {
		return t, true
	}
	t, ok := r.local[p][doc.MakeID(label)]
	return t, ok
}

// findPage finds the page a link names: a path relative to the linking
// page with any extension ("../data_structure/x.html"), the page's
// published name, or a unique path suffix.
func (r *resolver) findPage(from *doc.Page, link string) *doc.Page {
	link, _, _ = strings.Cut(link, "#")
	if link == "" {
		return from
	}
	if p := r.byPath[stripExt(path.Join(path.Dir(from.Path), link))]; p != nil {
		return p
	}
	if p := r.byOriginal[strings.ToLower(path.Base(link))]; p != nil {
		return p
	}
	suffix := "/" + strings.TrimLeft(stripExt(path.Clean("/"+link)), "/")
	var found *doc.Page
	for _, p := range r.pages {
		if strings.HasSuffix("/"+stripExt(p.Path), suffix) {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

// tableOf returns the parameter table a target names: the table itself,
// the first parameter table of a section, or the only parameter table of a
// page (a data structure page: "see os_extra_specs").
func (r *resolver) tableOf(t target) *tableInfo {
	if t.table != nil {
		return r.infos[t.table]
	}
	if t.page == nil {
		return nil
	}
	if t.section < 0 {
		var only *tableInfo
		for _, tab := range t.page.Tables {
			if tab.Kind == doc.Parameters {
				if only != nil {
					return nil
				}
				only = r.infos[tab]
			}
		}
		return only
	}
	for _, tab := range t.page.Tables {
		if tab.Kind == doc.Parameters && inSection(t.page, tab.Section, t.section) {
			return r.infos[tab]
		}
	}
	return nil
}

func inSection(p *doc.Page, s, want int) bool {
	for guard := 0; s >= 0 && guard <= len(p.Sections); guard++ {
		if s == want {
			return true
		}
		s = p.Sections[s].Parent
	}
	return false
}

// plan reads every parameter's type word and finds the table it refers to.
func (r *resolver) plan() {
	for _, info := range r.tables {
		seen := map[string]bool{}
		for _, p := range info.table.Params {
			if seen[p.Name] {
				r.diags.Warnf(p.NamePos, "duplicate-param", "parameter %q appears twice in the table; the later row is skipped", p.Name)
				continue
			}
			seen[p.Name] = true
			fp := &fieldPlan{owner: info, param: p, word: r.typeWord(p.Type)}
			fp.target = r.findTarget(fp)
			if fp.target != nil {
				fp.target.incoming = append(fp.target.incoming, fp)
			}
			info.fields = append(info.fields, fp)
		}
		if len(info.fields) == 1 {
			switch placeholderKind(info.fields[0].param.Name) {
			case 'm':
				info.placeholder, info.mapOf = info.fields[0], true
			case 'a':
				info.placeholder = info.fields[0]
			}
		}
	}
}

// placeholderKind tells a row name that stands for any key ('m':
// "{User defined key}", "<key>", a phrase such as "Name of the network")
// or for an array element ('a': "[items]", "[Array element]") from a
// parameter name (0).
func placeholderKind(name string) rune {
	name = strings.TrimSpace(name)
	switch {
	case strings.HasPrefix(name, "[") && strings.HasSuffix(name, "]"):
		return 'a'
	case strings.HasPrefix(name, "{") && strings.HasSuffix(name, "}"),
		strings.HasPrefix(name, "<") && strings.HasSuffix(name, ">"),
		strings.Contains(jsonName(name), " "):
		return 'm'
	}
	return 0
}

// wantsTable reports whether a type word can be a table's struct.
func (w *typeWord) wantsTable() bool {
	switch w.kind {
	case objectWord, emptyWord, unknownWord:
		return true
	case arrayWord, mapWord:
		return w.elem == nil || w.elem.wantsTable()
	}
	return false
}

var seeTableN = regexp.MustCompile(`(?i)\btable\s+(\d+)\b`)

// findTarget follows, in the family's order of frequency, a reference in
// the Type cell, on the name, in the description; then a table of the page
// named in the description as "Table N", or titled with the field's name.
func (r *resolver) findTarget(fp *fieldPlan) *tableInfo {
	p := fp.param
	page := fp.owner.page
	var found *tableInfo
	unresolved := false
	for _, refs := range [][]*doc.Ref{p.TypeRefs, p.NameRefs, p.DescRefs} {
		for _, ref := range refs {
			t, ok := r.lookup(page, ref)
			if !ok {
				r.diags.Warnf(ref.Pos, "unresolved-ref", "reference %s resolves nowhere", refText(ref))
				unresolved = true
				continue
			}
			if info := r.tableOf(t); info != nil {
				r.refTargets[ref] = info
				if found == nil && fp.word.wantsTable() {
					found = info
				}
			}
		}
	}
	if found != nil || !fp.word.wantsTable() {
		return found
	}
	m := seeTableN.FindStringSubmatch(doc.BlocksText(p.Description))
	if fp.word.kind == emptyWord && fp.word.name == "" && m == nil {
		return found
	}
	// "see Table 3" with a link that resolves nowhere names a table of
	// the page the link pointed to (not in this run), not this page's.
	if m != nil && !unresolved {
		for _, t := range r.titleIndex(page).numbered(m[1]) {
			if t != fp.owner.table {
				return r.infos[t]
			}
		}
	}
	names := []string{p.Name}
	if fp.word.name != "" {
		names = append(names, fp.word.name)
	}
	if fp.word.elem != nil && fp.word.elem.name != "" {
		names = append(names, fp.word.elem.name)
	}
	var before *tableInfo
	for _, t := range r.titleIndex(page).naming(names) {
		if t == fp.owner.table {
			continue
		}
		if r.infos[t].order > fp.owner.order {
			return r.infos[t]
		}
		if before == nil {
			before = r.infos[t]
		}
	}
	return before
}

func mentionsTable(p *doc.Param) bool {
	return seeTableN.MatchString(doc.BlocksText(p.Description))
}

func refText(ref *doc.Ref) string {
	switch {
	case ref.Page != "" && ref.Label != "":
		return fmt.Sprintf("%q", ref.Page+"#"+ref.Label)
	case ref.Page != "":
		return fmt.Sprintf("%q", ref.Page)
	}
	return fmt.Sprintf("%q", ref.Label)
}

var tableNumberRE = regexp.MustCompile(`^Table\s+(\d+)\b`)

func tableNumber(title string) string {
	if m := tableNumberRE.FindStringSubmatch(title); m != nil {
		return m[1]
	}
	return ""
}

// requestLine is a caption that is the API's request line ("POST
// /v1/{project_id}/cloudservers/{server_id}/metadata"): its words name the
// URI's parts, not the table.
var requestLine = regexp.MustCompile(`^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s`)

// titleText is what a field's name is looked for in, to find the table
// that describes it ("Table 4 fpgaimages field description"): the title
// without its "Table N", and the caption unless it is a request line or a
// path, in lower case.
func titleText(t *doc.Table) string {
	caption := t.Caption
	if requestLine.MatchString(caption) || strings.Contains(caption, "/") {
		caption = ""
	}
	return strings.ToLower(tableNumberRE.ReplaceAllString(t.Title, "") + " " + caption)
}

// textNames reports whether text (a titleText) holds one of names as a
// whole word.
func textNames(text string, names []string) bool {
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(text[i:], n)
			if j < 0 {
				break
			}
			j += i
			end := j + len(n)
			if (j == 0 || !isWordByte(text[j-1])) && (end == len(text) || !isWordByte(text[end])) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
