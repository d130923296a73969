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
		refTargets: map[*doc.Ref]*tableInfo{},
		settings:   newSettings(opts.Config),
		shapeIDs:   map[string]int{},
		words:      map[string]*typeWord{},
		titles:     map[*doc.Page]*titleIndex{},
		enums:      enums{byKey: map[string]*ir.Type{}},
	}
	r.index()
	r.plan()
	r.matchTypeNames()
	r.name()
	r.dropRoles()
	r.markSides()
	pkg := r.build(opts)
	r.reportUnused()
	r.diags.Sort()
	return pkg, r.diags
}

type resolver struct {
	pages []*doc.Page
	diags source.List

	targets *doc.Targets

	infos      map[*doc.Table]*tableInfo
	tables     []*tableInfo // parameter tables, page order then document order
	refTargets map[*doc.Ref]*tableInfo
	names      naming.Namer
	settings   *settings
	shapeIDs   map[string]int // see shapeOf
	words      map[string]*typeWord
	titles     map[*doc.Page]*titleIndex
	sides      map[*ir.Type]side // see markSides
	enums      enums
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

// index records every label, anchor, section and page of the run, and
// every parameter table.
func (r *resolver) index() {
	r.targets = doc.NewTargets(r.pages)
	for _, p := range r.pages {
		for _, t := range p.Tables {
			if t.Kind == doc.Parameters {
				info := &tableInfo{page: p, table: t, order: len(r.tables), typ: &ir.Type{Pos: t.Pos}}
				r.infos[t] = info
				r.tables = append(r.tables, info)
			}
		}
	}
}

func stripExt(p string) string { return strings.TrimSuffix(p, path.Ext(p)) }

// lookup finds what a reference names (see doc.Targets.Lookup), with a
// warning when a label of several pages is taken from the first.
func (r *resolver) lookup(from *doc.Page, ref *doc.Ref) (doc.Target, bool) {
	t, defs, ok := r.targets.Lookup(from, ref)
	if defs > 1 {
		r.diags.Warnf(ref.Pos, "ambiguous-ref", "label %q is defined on %d pages; using %s", ref.Label, defs, t.Page.Path)
	}
	return t, ok
}

// tableOf returns the parameter table a target names: the table itself,
// the first parameter table of a section, or the only parameter table of a
// page (a data structure page: "see os_extra_specs").
func (r *resolver) tableOf(t doc.Target) *tableInfo {
	if t.Table != nil {
		return r.infos[t.Table]
	}
	if t.Page == nil {
		return nil
	}
	if t.Section < 0 {
		var only *tableInfo
		for _, tab := range t.Page.Tables {
			if tab.Kind == doc.Parameters {
				if only != nil {
					return nil
				}
				only = r.infos[tab]
			}
		}
		return only
	}
	for _, tab := range t.Page.Tables {
		if tab.Kind == doc.Parameters && doc.InSection(t.Page, tab.Section, t.Section) {
			return r.infos[tab]
		}
	}
	return nil
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
