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
	"sync"

	"github.com/rst2go/rst2go/gen/config"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/lock"
	"github.com/rst2go/rst2go/gen/naming"
	"github.com/rst2go/rst2go/gen/source"
)

// Options configure a resolution.
type Options struct {
	// Package is the Go package name of the output.
	Package string
	// Config holds the settings of rst2go.yaml, or nil.
	Config *config.Config
	// Lock is the names lock of the output folder, or nil.
	Lock *lock.Lock
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
		lock:       opts.Lock,
	}
	r.index()
	r.plan()
	r.matchTypeNames()
	r.planOperations()
	r.name()
	r.dropRoles()
	r.markSides()
	pkg := r.build(opts)
	r.buildOperations(pkg)
	pkg.SDKTags = r.settings.cfg.SDKTags
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
	lock       *lock.Lock
	ops        []*opPlan         // operations in page order, then document order
	sides      map[*ir.Type]side // see markSides
	enums      enums
	stems      map[*doc.Page]string // see pageStem
	// moved are lock entries found by a place that replaced theirs
	// (see matchMovedPlaces), by the key they stand for now.
	moved map[string]lock.Entry
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
	status  string // the status code a top-level table documents, if any
	titled  bool   // a top-level table named from its title (fieldTitle)
	// chain is the names that qualify a nested table, from its own
	// claim up to its top-level table (see nameNested): linked, so that
	// each level adds one name however deep it is.
	chain *nameLink
	// keys are the names-lock keys the table is reached by, the first
	// the one it is written with (see computeKeys); locked is the name
	// the lock keeps for it.
	keys   []string
	locked string
	// alts are keys the table is also looked up by in the lock (the
	// other operations of a page that documents a call under two
	// versions), written as found; legacy are the forms an older rst2go
	// wrote (a page's identity where its operation now keys it), looked
	// up last and rewritten as keys[0].
	alts, legacy []string
	// placeholder is set for a table that describes no object but the
	// values of a map ("{User defined key}", a phrase as the name) or the
	// elements of an array ("[items]"): its one row's type stands in for
	// the table wherever a field refers to it.
	placeholder *fieldPlan
	mapOf       bool
	// absorbedBy is the table that holds this one's fields as an
	// alternative of its own (see absorb); this one has no type.
	absorbedBy *tableInfo
}

// fieldPlan is one parameter and what it refers to. (What few rows have
// is behind more: 48 bytes, not 80, on a page of 250,000 rows.)
type fieldPlan struct {
	owner  *tableInfo
	param  *doc.Param
	word   *typeWord
	target *tableInfo
	more   *fieldMore
	// elsewhere is set for a row whose link leads out of the page's
	// tables (a URL, another page, a label found nowhere).
	elsewhere bool
}

// fieldMore is what few rows of a fieldPlan have.
type fieldMore struct {
	// alts are the tables a row offers as alternatives ("For a new pond,
	// see Table 2. For a copy of a pond, see Table 3."), the target first.
	alts []alternative
	// variant is set on a field of a table that holds its alternatives'
	// fields: the alternative it belongs to ("For a copy of a pond"); such
	// a field is optional whatever its row says.
	variant string
}

// alts are the tables the row offers as alternatives (see fieldMore).
func (fp *fieldPlan) alts() []alternative {
	if fp.more == nil {
		return nil
	}
	return fp.more.alts
}

// variant is the alternative the field belongs to (see fieldMore).
func (fp *fieldPlan) variant() string {
	if fp.more == nil {
		return ""
	}
	return fp.more.variant
}

// setVariant sets the alternative the field belongs to.
func (fp *fieldPlan) setVariant(v string) {
	if fp.more == nil {
		fp.more = &fieldMore{}
	}
	fp.more.variant = v
}

// alternative is one of the tables a row offers and the words that say
// when it applies.
type alternative struct {
	table  *tableInfo
	phrase string
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

// plan reads every parameter's type word and finds the table it refers to:
// first every row's explicit reference (a link, "see Table N"), then, for
// the rows left, a table titled with their names. A row that links
// elsewhere (a URL, another page) is not matched by name to a table some
// other row refers to explicitly: that table is the other row's.
func (r *resolver) plan() {
	explicit := map[*tableInfo]bool{}
	var byName []*fieldPlan
	for _, info := range r.tables {
		seen := map[string]bool{}
		for _, p := range info.table.Params {
			if seen[p.Name] {
				r.warnParam(p, p.NamePos(), "duplicate-param", "parameter %q appears twice in the table; the later row is skipped", p.Name)
				continue
			}
			seen[p.Name] = true
			fp := &fieldPlan{owner: info, param: p, word: r.typeWord(p.Type)}
			var lookByName bool
			fp.target, lookByName = r.explicitTarget(fp)
			switch {
			case fp.target != nil:
				explicit[fp.target] = true
			case lookByName:
				byName = append(byName, fp)
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
	for _, fp := range byName {
		fp.target = r.namedTarget(fp, explicit)
	}
	for _, info := range r.tables {
		for _, fp := range info.fields {
			if len(fp.alts()) > 1 && fp.target.absorbedBy == nil {
				r.absorb(fp)
			}
		}
	}
	r.tables = slices.DeleteFunc(r.tables, func(info *tableInfo) bool { return info.absorbedBy != nil })
	for _, info := range r.tables {
		for _, fp := range info.fields {
			if fp.target != nil && fp.target.absorbedBy != nil {
				fp.target = fp.target.absorbedBy
			}
			if fp.target != nil {
				fp.target.incoming = append(fp.target.incoming, fp)
			}
		}
	}
}

// absorb gives the first of a row's alternative tables the fields of the
// others, so that one struct holds every alternative's fields: a field
// that is not in all of them is optional and says which it belongs to.
// The others get no type of their own. (The alternative, one type per
// table, cannot be one Go field; json.RawMessage would leave the user
// with no type at all.)
func (r *resolver) absorb(fp *fieldPlan) {
	primary := fp.target
	alts := fp.alts()
	in := make([]map[string]bool, len(alts))
	count := map[string]int{}
	for i, a := range alts {
		in[i] = map[string]bool{}
		for _, f := range a.table.fields {
			n := jsonName(f.param.Name)
			if !in[i][n] {
				in[i][n] = true
				count[n]++
			}
		}
	}
	var labels []string
	for i, a := range alts {
		labels = append(labels, fmt.Sprintf("%q %s", tableLabel(a.table.table), strings.ToLower(a.phrase[:1])+a.phrase[1:]))
		for _, f := range a.table.fields {
			n := jsonName(f.param.Name)
			if count[n] == len(alts) {
				continue
			}
			switch {
			case i == 0:
				f.setVariant(a.phrase)
			case !in[0][n]:
				in[0][n] = true
				primary.fields = append(primary.fields, &fieldPlan{owner: primary, param: f.param, word: f.word, target: f.target, elsewhere: f.elsewhere, more: &fieldMore{variant: a.phrase}})
			}
		}
		if i > 0 {
			a.table.absorbedBy = primary
		}
	}
	pos := fp.param.TypePos()
	if !pos.IsValid() {
		pos = fp.param.DescPos()
	}
	r.warnParam(fp.param, pos, "alternative-tables", "%s offers %d alternative tables (%s): one struct holds the fields of all; a field not in all of them is optional and says which it belongs to", fp.param.Name, len(alts), strings.Join(labels, ", "))
}

// tableLabel is how a message names a table: its title, or its caption.
func tableLabel(t *doc.Table) string {
	if t.Title != "" {
		return t.Title
	}
	return t.Caption
}

// variantSee finds the alternatives a row offers: "For a new pond, see
// Table 2.", "If the disk is shared, see Table 5", "When type is
// custom, see Table 3-4".
var variantSee = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b((?:for|if|when|in case)\s+[^,.;:]{1,80}?),?\s+see\s+table\s+(\d+(?:[-‐–.]\d+)?)\b`)
})

// alternatives reads the alternatives of a row from its Type cell and
// description: two or more distinct tables of the page, each after the
// words that say when it applies.
func (r *resolver) alternatives(fp *fieldPlan, text string) []alternative {
	var alts []alternative
	seen := map[*tableInfo]bool{}
	for _, m := range variantSee().FindAllStringSubmatch(text, -1) {
		for _, t := range r.titleIndex(fp.owner.page).numbered(m[2]) {
			if info := r.infos[t]; info != fp.owner && !seen[info] {
				seen[info] = true
				phrase := strings.ToUpper(m[1][:1]) + m[1][1:]
				alts = append(alts, alternative{info, phrase})
				break
			}
		}
	}
	if len(alts) < 2 {
		return nil
	}
	return alts
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

// seeField finds a field named in a description as the place of its
// table: "For details, see the **coop** field below.", "see the coop
// parameter description".
var seeField = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\bsee (?:the )?([A-Za-z_][\w.:-]*) (?:field|parameter|object|structure|attribute)s?\b`)
})

// explicitTarget follows, in the family's order of frequency, a reference
// in the Type cell, on the name, in the description; then "see Table N" in
// the Type cell or the description. Without one, lookByName says whether
// the row's table is to be looked for by name. A link that resolves
// nowhere, or to no parameter table of the run, marks the row as linking
// elsewhere (fp.elsewhere).
func (r *resolver) explicitTarget(fp *fieldPlan) (found *tableInfo, lookByName bool) {
	p := fp.param
	page := fp.owner.page
	unresolved := false
	for _, refs := range [][]*doc.Ref{p.TypeRefs, p.NameRefs, p.DescRefs} {
		for _, ref := range refs {
			t, ok := r.lookup(page, ref)
			if !ok {
				r.warnParam(p, ref.Pos, "unresolved-ref", "reference %s resolves nowhere", refText(ref))
				unresolved = true
				continue
			}
			info := r.tableOf(t)
			if info == nil {
				if ref.URL != "" || ref.Page != "" {
					fp.elsewhere = true
				}
				continue
			}
			r.refTargets[ref] = info
			if found == nil && fp.word.wantsTable() {
				found = info
			}
		}
	}
	fp.elsewhere = fp.elsewhere || unresolved
	if found != nil || !fp.word.wantsTable() {
		return found, false
	}
	if !mayMentionTable(p) {
		return nil, fp.word.kind != emptyWord
	}
	text := p.Type + "\n" + doc.BlocksText(p.Description)
	n := seeTableNumber(text)
	// "see Table 3" with a link that resolves nowhere names a table of
	// the page the link pointed to (not in this run), not this page's.
	if n != "" && !unresolved {
		if alts := r.alternatives(fp, text); alts != nil {
			fp.more = &fieldMore{alts: alts}
			return alts[0].table, false
		}
		for _, t := range r.titleIndex(page).numbered(n) {
			if t != fp.owner.table {
				return r.infos[t], false
			}
		}
	}
	return nil, fp.word.kind != emptyWord || n != ""
}

// namedTarget finds a row's table by name, without a link: a table of
// the page titled with the name its Type cell gives ("List<label>",
// "BackupResp object") or its description names ("see the coop field"),
// else with the field's own name. Of several, the first after the row's
// table, else the first before it. A row that links elsewhere takes no
// table another row refers to explicitly.
func (r *resolver) namedTarget(fp *fieldPlan, explicit map[*tableInfo]bool) *tableInfo {
	p := fp.param
	var given []string
	if fp.word.name != "" {
		given = append(given, fp.word.name)
	}
	if fp.word.elem != nil && fp.word.elem.name != "" {
		given = append(given, fp.word.elem.name)
	}
	for _, m := range seeField().FindAllStringSubmatch(doc.BlocksText(p.Description), -1) {
		given = append(given, m[1])
	}
	for _, names := range [][]string{given, {p.Name}} {
		if len(names) == 0 {
			continue
		}
		var before *tableInfo
		for _, t := range r.titleIndex(fp.owner.page).naming(names) {
			info := r.infos[t]
			if info == fp.owner || fp.elsewhere && explicit[info] {
				continue
			}
			if info.order > fp.owner.order {
				return info
			}
			if before == nil {
				before = info
			}
		}
		if before != nil {
			return before
		}
	}
	return nil
}

// mentionsTable reports whether a row's Type cell or description says
// "see Table N" (seeTableNumber).
func mentionsTable(p *doc.Param) bool {
	return mayMentionTable(p) && seeTableNumber(p.Type+"\n"+doc.BlocksText(p.Description)) != ""
}

// mayMentionTable reports whether a row's Type cell or description holds
// the word "table" in any case, which every match of seeTableNumber holds:
// most hold none and need neither their text nor a search.
func mayMentionTable(p *doc.Param) bool {
	return containsASCIIFold(p.Type, "table") ||
		blocksAny(p.Description, func(text []byte) bool { return containsASCIIFold(text, "table") })
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

// tableNumber is the number of a "Table N" title, or "".
func tableNumber(title string) string {
	n, _, _ := doc.CutTableNumber(title)
	return n
}

// untitledNumber is a title without its "Table N".
func untitledNumber(title string) string {
	_, rest, _ := doc.CutTableNumber(title)
	return rest
}

// requestLine is a caption that is the API's request line ("POST
// /v1/{project_id}/cloudservers/{server_id}/metadata"): its words name the
// URI's parts, not the table.
var requestLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s`) })

// titleText is what a field's name is looked for in, to find the table
// that describes it ("Table 4 fpgaimages field description"): the title
// without its "Table N", and the caption unless it is a request line or a
// path, in lower case.
func titleText(t *doc.Table) string {
	caption := t.Caption
	if requestLine().MatchString(caption) || strings.Contains(caption, "/") {
		caption = ""
	}
	return strings.ToLower(untitledNumber(t.Title) + " " + caption)
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
