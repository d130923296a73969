package resolve

import (
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/naming"
)

// name chooses every type name.
//
//   - A top-level table (one that no row refers to) is named from its
//     page's title made short (see pageStem) and its role: "Creating an
//     ECS Group" + request → CreateECSGroupRequest, "Querying Details
//     About an ECS" + response → GetECSResponse. One that no row refers to and that has no
//     role of its own or the role of an earlier table of its page, but
//     whose title names a field ("**security_options** field
//     description"), is named from that field, with a warning; such
//     tables of one shape are one type. Top-level tables of two pages
//     with one title are told apart by their operation's version
//     (CreateECSGroupV21Request).
//   - A nested table is named from the field that refers to it (its first
//     referrer in page and document order), or from the object name its
//     Type cell gives ("BackupResp object"); singular for arrays. A table
//     title is never used: titles are often garbled.
//   - Tables wanting one name share one type when their shapes are
//     identical; otherwise each is qualified with its parents' names only
//     as far as needed to be unique (Flavor → ServerFlavor →
//     RequestServerFlavor → CreateECSsServerFlavor →
//     CreateECSsRequestServerFlavor: see qualified), and a number tells
//     apart what is still equal. All of it is decided in one breadth-first walk from
//     the top-level tables in page order, so the result is deterministic.
//   - Before any of that, a table whose key is in the names lock keeps its
//     locked name, and no other table may take a locked name.
func (r *resolver) name() {
	var roots []*tableInfo
	for _, info := range r.tables {
		if !hasOuterReferrer(info) {
			roots = append(roots, info)
		}
	}
	for _, info := range roots {
		info.role, info.status = roleOf(info.page, info.table)
		info.root = true
	}
	r.computeKeys(roots)
	r.matchKeyedTypeNames()
	r.applyLock()
	r.nameParamsTypes()
	r.reportUnusedParamsNames()
	r.reserveLockedEnums()
	rootNames := map[*doc.Page]map[string]bool{}
	fromTitle := map[string]*tableInfo{} // roots named from their title
	owner := map[string]*doc.Page{}      // page of each root's name
	for _, info := range roots {
		if tn := r.settings.typeNames[info.table]; tn != nil {
			info.typ.GoName = tn.Name
			info.chain = r.rootChain(info)
			continue
		}
		// A table the lock names goes through the same steps as one it
		// does not (its role taken, named from its title, merged with
		// its twin on another page): only the name it ends with is the
		// lock's. So a run that reads the lock the last one wrote gives
		// the same package.
		name := r.topName(info)
		if rootNames[info.page] == nil {
			rootNames[info.page] = map[string]bool{}
		}
		titled := false
		if field := fieldTitle(info.table); field != "" && (info.role == roleTable || rootNames[info.page][name]) {
			if n := r.claimName(field); n != "" {
				shown := n
				if info.locked != "" {
					shown = info.locked
				}
				r.diags.Warnf(info.table.Pos, "named-from-title", "no row refers to this table and its role is taken or unknown; it is named %s from its title %q", shown, info.table.Title)
				rootNames[info.page][name] = true
				name, titled = n, true
			}
		}
		if titled {
			// The same structure described on several pages
			// (resource_tag) is one type; another shape of it is
			// qualified with its page.
			if twin := fromTitle[name]; twin != nil && !twin.merged && info.locked == "" && r.shapeOf(twin) == r.shapeOf(info) {
				r.merge(info, twin)
				info.chain = twin.chain
				continue
			}
			if r.names.Used(name) && info.locked == "" {
				name = r.topStem(info) + name
			}
		} else if p := owner[name]; p != nil && p != info.page || p == nil && info.locked == "" && r.names.Used(name) {
			// Two pages of one title (an API and its OpenStack
			// twin), or a name the lock keeps for another table:
			// the version of the page's operation tells them apart
			// (CreateECSGroupV21Request).
			if v := r.opVersion(info.page); v != "" {
				name = strings.TrimSuffix(name, info.role.suffix) + v + info.role.suffix
			}
		}
		rootNames[info.page][name] = true
		rootNames[info.page][r.topName(info)] = true
		info.titled = titled
		if info.locked != "" {
			info.typ.GoName = info.locked
		} else {
			info.typ.GoName = r.unique(info.typ, r.wants(info, name))
		}
		info.chain = r.rootChain(info)
		owner[name] = info.page
		if titled && fromTitle[name] == nil {
			fromTitle[name] = info
		}
	}
	claims := map[string][]*tableInfo{}
	for _, info := range r.tables {
		if len(info.incoming) > 0 {
			info.claim = r.claimOf(info.incoming[0])
			claims[info.claim] = append(claims[info.claim], info)
		}
	}
	// What nameNested asks of a group (its shapes, its twins) is worked
	// out once per group, not once per member: thousands of pages that
	// each have a "tags" table would cost quadratic time otherwise.
	groups := map[string]*claimGroup{}
	groupOf := func(claim string) *claimGroup {
		g := groups[claim]
		if g == nil {
			g = r.newClaimGroup(claims[claim])
			groups[claim] = g
		}
		return g
	}
	sweep := &deadSweep{}
	queue := append([]*tableInfo(nil), roots...)
	for _, info := range roots {
		info.visited = true
	}
	for {
		for len(queue) > 0 {
			info := queue[0]
			queue = queue[1:]
			for _, fp := range info.fields {
				t := fp.target
				if t == nil || t.visited {
					continue
				}
				if r.nameNested(t, info, groupOf(t.claim)) {
					queue = append(queue, t)
				} else {
					sweep.merged(t)
				}
			}
		}
		// What is left is reachable only through a cycle, or only
		// through tables merged into others: the first of those is
		// dead, the first of these becomes a root.
		sweep.markDead(r)
		next := sweep.firstUnvisited(r)
		if next == nil {
			break
		}
		next.visited = true
		next.role = roleTable
		next.root = true
		name := next.claim
		if name == "" {
			name = r.topName(next)
		}
		if !r.configuredName(next) {
			next.typ.GoName = r.unique(next.typ, r.wants(next, name))
		}
		next.chain = &nameLink{name: next.typ.GoName}
		if g := groups[next.claim]; g != nil {
			g.offer(r, next)
		}
		queue = append(queue, next)
	}
}

func hasOuterReferrer(info *tableInfo) bool {
	for _, fp := range info.incoming {
		if fp.owner != info {
			return true
		}
	}
	return false
}

// rootChain is what qualifies the tables a top-level table nests: its
// role first (RequestServer), then its stem (CreateECSsServer), then
// both (CreateECSsRequestServer).
func (r *resolver) rootChain(info *tableInfo) *nameLink {
	if info.role.suffix == "" || info.role == roleTable || !strings.HasSuffix(info.typ.GoName, info.role.suffix) {
		return &nameLink{name: info.typ.GoName}
	}
	return &nameLink{name: info.role.suffix, role: true, up: &nameLink{name: strings.TrimSuffix(info.typ.GoName, info.role.suffix)}}
}

// nameLink is one name of a tableInfo's chain, linked to the one above.
// A role (Request, Response) qualifies only the names below it: the stem
// above it is tried without it first.
type nameLink struct {
	name string
	role bool
	up   *nameLink
}

// nameNested names t, reached from parent, and reports whether it is a
// type of its own (not merged into a twin).
func (r *resolver) nameNested(t, parent *tableInfo, group *claimGroup) bool {
	t.visited = true
	t.chain = &nameLink{name: t.claim, up: parent.chain}
	if r.configuredName(t) {
		group.offer(r, t)
		return true
	}
	if g := group.twin[r.shapeOf(t)]; g != nil {
		r.merge(t, g)
		return false
	}
	defer group.offer(r, t)
	if group.shapes == 1 && !r.names.Used(r.wants(t, t.claim)) {
		t.typ.GoName = t.claim
		r.names.Reserve(t.claim)
		return true
	}
	t.typ.GoName = r.unique(t.typ, r.qualified(t))
	return true
}

// maxName is the most bytes a type name rst2go chooses has (a locked or
// configured name may have more).
const maxName = 45

// qualified is the name of a nested table whose claim is taken: qualified
// by as many parents as it takes, each written once where it overlaps
// (naming.Qualify): ServerFlavor; then the top-level table's role,
// ResponseServerFlavor; then the stem's object where it names the claim
// (ListTargetFlavors + Flavor → TargetFlavor, see naming.ObjectName); then
// the stem instead, ListECSDetailsServerFlavor
// (where the stem is a verb and the claim, the verb and the role:
// CreateSecurityGroup + SecurityGroup → CreateResponseSecurityGroup); then
// stem and role, ListECSDetailsResponseServerFlavor, which unique numbers
// if still taken.
func (r *resolver) qualified(t *tableInfo) string {
	name := r.qualifiedName(t)
	if len(name) > maxName {
		// Too long to read: the claim alone, which unique numbers.
		return t.claim
	}
	return name
}

func (r *resolver) qualifiedName(t *tableInfo) string {
	name, role := t.claim, ""
	for l := t.chain.up; l != nil; l = l.up {
		if len(name) > maxName {
			// Every name further up is longer still (qualified
			// turns it into the claim): a deep chain stops here.
			return name
		}
		if l.role {
			role = l.name
			if n := naming.Qualify(role, name); !r.names.Used(n) {
				return n
			}
			continue
		}
		if role == "" {
			name = naming.Qualify(l.name, name)
			if !r.names.Used(name) {
				return name
			}
			continue
		}
		if obj, ok := naming.ObjectName(l.name, name); ok && !r.names.Used(obj) {
			// The stem's object names the claim (ListTargetFlavors,
			// Flavor): TargetFlavor.
			return obj
		}
		if verb, ok := strings.CutSuffix(l.name, name); ok && len(naming.Words(verb)) == 1 {
			// The stem ends with the claim (CreateSecurityGroup +
			// SecurityGroup): its verb and the role tell it apart
			// (CreateResponseSecurityGroup).
			if n := verb + naming.Qualify(role, name); !r.names.Used(n) {
				return n
			}
		} else if n := naming.Qualify(l.name, name); !ok && !r.names.Used(n) {
			return n
		}
		name = naming.Qualify(l.name, naming.Qualify(role, name))
		role = ""
		if !r.names.Used(name) {
			return name
		}
	}
	if role != "" {
		name = naming.Qualify(role, name)
	}
	return name
}

// claimGroup is the tables that want one name (their claim), as naming
// them needs it: how many shapes they have, and for each shape the first
// table (in the group's order) that has a type of its own, which later
// tables of that shape merge into.
type claimGroup struct {
	shapes int
	index  map[*tableInfo]int
	twin   map[string]*tableInfo
}

func (r *resolver) newClaimGroup(tables []*tableInfo) *claimGroup {
	g := &claimGroup{index: map[*tableInfo]int{}, twin: map[string]*tableInfo{}}
	shapes := map[string]bool{}
	for i, t := range tables {
		g.index[t] = i
		shapes[r.shapeOf(t)] = true
	}
	g.shapes = len(shapes)
	for _, t := range tables {
		g.offer(r, t)
	}
	return g
}

// offer records t as a twin for its shape if it has a type of its own
// and comes before the one recorded.
func (g *claimGroup) offer(r *resolver, t *tableInfo) {
	if !t.visited || t.merged || t.typ.GoName == "" {
		return
	}
	shape := r.shapeOf(t)
	if cur := g.twin[shape]; cur == nil || g.index[t] < g.index[cur] {
		g.twin[shape] = t
	}
}

// wants returns the name a table wants; if the config gave that name to
// another table, that is an error at the config's entry: the table would
// silently get a number (Server2), a change of public API nobody asked for.
func (r *resolver) wants(info *tableInfo, name string) string {
	if tn := r.settings.configured[name]; tn != nil && !r.settings.used[tn] {
		r.settings.used[tn] = true // one error per entry
		r.diags.Errorf(tn.Pos, "config-conflict", "types entry: %s is the name rst2go gives the table at %s; choose another name, or rename that table too", name, info.table.Pos)
	}
	return name
}

// unique hands out name, or name with a number when it is taken, and
// marks the type numbered then (-v counts them). A name of more than
// maxName bytes loses its last words first (see qualified and enumName,
// which keep their candidates short so that this is a last resort).
func (r *resolver) unique(t *ir.Type, name string) string {
	if len(name) > maxName {
		name = naming.FitWords(name, maxName-1) // room for a number
	}
	got := r.names.Unique(name)
	t.Numbered = got != name
	return got
}

// configuredName gives a table the name the config chose for it, else
// the name the lock keeps for it, if any.
func (r *resolver) configuredName(info *tableInfo) bool {
	if tn := r.settings.typeNames[info.table]; tn != nil {
		info.typ.GoName = tn.Name
		return true
	}
	if info.locked != "" {
		info.typ.GoName = info.locked
		return true
	}
	return false
}

// merge makes t use twin's type.
func (r *resolver) merge(t, twin *tableInfo) {
	t.merged = true
	t.typ = twin.typ
	for _, fp := range t.incoming {
		fp.target = twin
	}
}

func (r *resolver) markDead() {
	for changed := true; changed; {
		changed = false
		for _, info := range r.tables {
			if info.dies() {
				info.dead, changed = true, true
			}
		}
	}
}

// dies reports whether a table not yet named has lost every referrer: a
// table that rows refer to lives only while one of those rows is in a
// table that is neither merged into a twin nor dead itself.
func (info *tableInfo) dies() bool {
	if info.visited || info.dead || len(info.incoming) == 0 {
		return false
	}
	for _, fp := range info.incoming {
		if !fp.owner.merged && !fp.owner.dead {
			return false
		}
	}
	return true
}

// deadSweep runs markDead and firstUnvisited between the rounds of
// naming in time linear in the tables over all rounds, not per round:
// thousands of tables reachable only through cycles make thousands of
// rounds. After a first full pass, only the tables a newly merged or dead
// table refers to are checked again (nothing else can die), and the
// search for an unvisited table goes on from where it stopped (visited
// and dead never revert).
type deadSweep struct {
	scanned bool
	pending []*tableInfo
	next    int
}

// merged records that t was merged into a twin: the tables it refers to
// may have lost their last live referrer.
func (s *deadSweep) merged(t *tableInfo) {
	for _, fp := range t.fields {
		if fp.target != nil {
			s.pending = append(s.pending, fp.target)
		}
	}
}

func (s *deadSweep) markDead(r *resolver) {
	if !s.scanned {
		s.scanned, s.pending = true, nil
		r.markDead()
		return
	}
	for len(s.pending) > 0 {
		info := s.pending[len(s.pending)-1]
		s.pending = s.pending[:len(s.pending)-1]
		if info.dies() {
			info.dead = true
			s.merged(info)
		}
	}
}

func (s *deadSweep) firstUnvisited(r *resolver) *tableInfo {
	for ; s.next < len(r.tables); s.next++ {
		if info := r.tables[s.next]; !info.visited && !info.dead {
			return info
		}
	}
	return nil
}

// opVersion is the version segment of the path of the page's first
// operation ("/v2.1/{project_id}/servers" → "V21"), or "".
func (r *resolver) opVersion(p *doc.Page) string {
	for _, op := range r.ops {
		if op.page != p {
			continue
		}
		return pathVersion(r.settings.rules, op.op.Path)
	}
	return ""
}

// pathVersion is the version segment a path starts with as a name part
// ("/v2.1/{project_id}/servers" → "V21"), or "".
func pathVersion(rules *naming.Rules, path string) string {
	seg, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	if len(seg) > 1 && (seg[0] == 'v' || seg[0] == 'V') && seg[1] >= '0' && seg[1] <= '9' {
		return rules.Exported(strings.ReplaceAll(seg, ".", ""))
	}
	return ""
}

// topStem is the page title stem of a top-level table's name.
func (r *resolver) topStem(info *tableInfo) string {
	return strings.TrimSuffix(r.topName(info), info.role.suffix)
}

// topName is a top-level table's name: page title stem plus role.
func (r *resolver) topName(info *tableInfo) string {
	stem := r.pageStem(info.page)
	if stem == "" {
		stem = "Page"
	}
	// A long stem loses its last words where the role is long
	// (ResponseHeader), so that with a version (V21) the name has at
	// most maxName bytes.
	if n := maxName - len("V21") - len(info.role.suffix); len(stem) > n {
		stem = naming.FitWords(stem, n)
	}
	// "Responses (Batch Operation)" + response reads better as
	// BatchOperationResponse than ResponsesBatchOperationResponse.
	if strings.Contains(info.role.suffix, "Response") {
		for _, w := range []string{"Responses", "Response"} {
			if rest, ok := strings.CutPrefix(stem, w); ok && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z' {
				stem = rest
				break
			}
		}
	}
	return stem + info.role.suffix
}

// claimOf is the name a nested table wants, from the field referring to it.
func (r *resolver) claimOf(fp *fieldPlan) string {
	// The value table of a placeholder ("Name of the network" in a
	// map) is named from the field that refers to the map, as an item.
	if ph := fp.owner; ph.placeholder == fp && len(ph.incoming) > 0 && ph.incoming[0].owner != ph {
		return singularGo(r.claimOf(ph.incoming[0]))
	}
	name := ""
	w := fp.word
	if w.kind == arrayWord || w.kind == mapWord {
		if w.elem != nil {
			w = w.elem
		}
	}
	if w.name != "" {
		name = r.claimName(w.name)
	}
	if name == "" {
		name = r.claimName(jsonName(fp.param.Name))
		if fp.word.kind == arrayWord {
			name = singularGo(name)
		}
	}
	if name == "" {
		name = "Item"
	}
	return name
}

// singularGo makes a Go name singular for an array's element type:
// Servers → Server, Policies → Policy, IDs → ID; words that only look
// plural (Status, Address, Alias) stay.
func singularGo(name string) string {
	switch {
	case strings.HasSuffix(name, "ies") && len(name) > 3:
		return name[:len(name)-3] + "y"
	case strings.HasSuffix(name, "sses"), strings.HasSuffix(name, "xes"), strings.HasSuffix(name, "ches"), strings.HasSuffix(name, "shes"):
		return name[:len(name)-2]
	case strings.HasSuffix(name, "ss"), strings.HasSuffix(name, "us"), strings.HasSuffix(name, "is"), strings.HasSuffix(name, "as"):
		return name
	case strings.HasSuffix(name, "s") && len(name) > 1:
		return name[:len(name)-1]
	}
	return name
}

// claimName is the Go name a nested table takes from a field: its json
// name less any OpenStack namespace ("os-extended-volumes:volumes_attached"
// → VolumesAttached); the parents qualify it where it is not unique.
func (r *resolver) claimName(field string) string {
	if rest, ok := naming.CutNamespace(field); ok && !r.settings.cfg.KeepNamespaces {
		if n := r.settings.exportedName(rest); n != "" {
			return n
		}
	}
	return r.settings.exportedName(field)
}

// pageStem is the stem of the names of a page's top-level types and
// operations: its title made short (naming.ShortNameFromTitle: "Querying
// Tags of an ECS (Discarded)" → QueryECSTags), plus the title's qualifier
// (QueryECSTagsDiscarded) only where another page's title is made the
// same short name with another qualifier or none; else its file's name,
// else "" (callers choose). It depends on the set of pages, not on their order.
func (r *resolver) pageStem(p *doc.Page) string {
	if r.stems == nil {
		r.stems = r.pageStems()
	}
	return r.stems[p]
}

func (r *resolver) pageStems() map[*doc.Page]string {
	type short struct{ name, qual string }
	shorts := make([]short, len(r.pages))
	quals := map[string]map[string]bool{}
	for i, p := range r.pages {
		n, q := r.settings.rules.ShortNameFromTitle(p.Title)
		shorts[i] = short{n, q}
		if quals[n] == nil {
			quals[n] = map[string]bool{}
		}
		quals[n][q] = true
	}
	stems := make(map[*doc.Page]string, len(r.pages))
	for i, p := range r.pages {
		stem := shorts[i].name
		if q := shorts[i].qual; q != "" && len(quals[stem]) > 1 {
			stem = naming.FitWords(stem, naming.MaxStem-len(q)) + q
		}
		if stem == "" {
			base := p.Path[strings.LastIndex(p.Path, "/")+1:]
			stem = r.settings.exportedName(stripExt(base))
		}
		stems[p] = stem
	}
	return stems
}
