package resolve

import (
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/lock"
)

// maxKeys bounds the keys one table is known by: a table reached by many
// paths (a shared data structure) is looked up in the lock by the first
// few, which is enough for a new referrer not to rename it.
const maxKeys = 8

// computeKeys gives every table the keys it is reached by (see ir.Key):
// a top-level table its page's (first) operation and its page (see
// pageIDs), with its role, or for an action (see opPlaces) the action
// alone, its older keys kept as legacy; the page's other operations as
// alts; a nested table each of its referrers' keys (alts and legacy keys
// likewise) extended by the field's json name, in page and document
// order of the referrers, then the key it would have as a top-level
// table of its own page when its title names its field. Tables reached
// only through a cycle are keyed by their page and place in it.
func (r *resolver) computeKeys(roots []*tableInfo) {
	dir := commonDir(r)
	opsOf := map[*doc.Page][]*opPlan{}
	for _, op := range r.ops {
		opsOf[op.page] = append(opsOf[op.page], op)
	}
	seen := map[string]int{}
	segs := map[*tableInfo]string{} // each root's json path
	for _, info := range roots {
		places := r.pageIDs(info.page, dir)
		seg := ir.RootSegment(roleNames[info.role], info.status)
		f := fieldTitle(info.table)
		if info.role == roleTable && f != "" {
			seg += "(" + f + ")" // a table named from its title
		}
		k := ir.Key(places[0], seg)
		if n := seen[k]; n > 0 {
			if f != "" && info.role != roleTable {
				seg += "(" + f + ")"
			} else {
				seg += "#" + strconv.Itoa(n+1)
			}
		}
		seen[k]++
		segs[info] = seg
		info.keys = nil
		for _, place := range places {
			info.keys = append(info.keys, ir.Key(place, seg))
		}
	}
	// The tables of a page that documents an operation are that
	// operation's (the first, where a page gives one call under two
	// versions, /v2 and /v2.1, and the others' looked up too, as the
	// docs may list them in another order next time): keyed by it first,
	// by the page after (so a lock written before the page had its method
	// line still holds). Where pages share a method and path ("POST
	// .../action"), the one member of the request body tells them apart
	// (see opPlaces); failing that, the page alone.
	r.opPlaces(roots)
	// firstKey is the key of a table by its page's first operation, as
	// rst2go has always keyed it where no other page's table has it (and
	// still does where the operation's method and path are its own).
	firstKey := map[*tableInfo]string{}
	firstCount := map[string]int{}
	opKeys := map[*tableInfo][]string{}
	opCount := map[string]int{}
	for _, info := range roots {
		ops := opsOf[info.page]
		if len(ops) == 0 {
			continue
		}
		firstKey[info] = ir.Key(ir.OperationPlace(ops[0].op.Method, ops[0].op.Path), segs[info])
		firstCount[firstKey[info]]++
		for _, op := range ops {
			if op.place == "" {
				continue
			}
			k := ir.Key(op.place, segs[info])
			if !slices.Contains(opKeys[info], k) {
				opKeys[info] = append(opKeys[info], k)
				opCount[k]++
			}
		}
	}
	for _, info := range roots {
		old := info.keys
		if k := firstKey[info]; k != "" && firstCount[k] == 1 {
			old = []string{k, info.keys[0]}
		}
		var ks []string
		for _, k := range opKeys[info] {
			if opCount[k] == 1 {
				ks = append(ks, k)
			}
		}
		switch {
		case len(ks) == 0:
			info.keys = old
		case opsOf[info.page][0].shared:
			// Keyed by an action now, by the older keys before.
			info.keys, info.alts, info.legacy = ks[:1], ks[1:], old
		default:
			info.keys = old
			for _, k := range ks {
				if !slices.Contains(old, k) {
					info.alts = append(info.alts, k)
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, info := range r.tables {
			for _, fp := range info.fields {
				t := fp.target
				if t == nil || t == info || t.root {
					continue
				}
				seg, kind := fieldSegment(fp), fieldKind(fp)
				changed = extendKeys(&t.keys, info.keys, seg, kind) || changed
				changed = extendKeys(&t.alts, info.alts, seg, kind) || changed
				changed = extendKeys(&t.legacy, info.legacy, seg, kind) || changed
			}
		}
	}
	// A nested table whose title names its field is also known by the
	// key it would have on its own page as a top-level table: a data
	// structure page whose tables no row referred to, in an older version
	// of the docs, keeps its names once rows do.
	for _, info := range r.tables {
		if f := fieldTitle(info.table); f != "" && !info.root {
			ro, status := roleOf(info.page, info.table)
			seg := ir.RootSegment(roleNames[ro], status) + "(" + f + ")"
			for _, place := range r.pageIDs(info.page, dir) {
				if k := ir.Key(place, seg); len(info.keys) < maxKeys+2 && !slices.Contains(info.keys, k) {
					info.keys = append(info.keys, k)
				}
			}
		}
	}
	for _, info := range r.tables {
		if len(info.keys) == 0 {
			seg := "table#" + strconv.Itoa(info.order)
			if len(info.table.Labels) > 0 {
				seg = "table:" + info.table.Labels[0]
			}
			info.keys = []string{ir.Key(r.pageID(info, dir), seg)}
		}
	}
}

// extendKeys adds to a nested table's keys (up to maxKeys) those of its
// referrer extended by the field, and reports whether it added any.
func extendKeys(dst *[]string, parent []string, seg, kind string) bool {
	added := false
	for _, k := range parent {
		if len(*dst) >= maxKeys {
			break
		}
		if nk := ir.FieldKey(k, seg, kind); !slices.Contains(*dst, nk) {
			*dst = append(*dst, nk)
			added = true
		}
	}
	return added
}

// opPlaces gives each operation its place in keys: its method and path;
// where operations of several pages share them, as OpenStack's actions
// do (POST /v2.1/{project_id}/servers/{server_id}/action), the method,
// path and the json name of the one member of its page's request body
// (ir.ActionPlace, "...action(os-stop)"), which is what the API tells the
// calls apart by; where that does not tell them apart either (no request
// body, a body of several members, two pages of one action), none: the
// page's identity stands for it (see nameParamsTypes).
func (r *resolver) opPlaces(roots []*tableInfo) {
	action := map[*doc.Page]string{}
	for _, info := range roots {
		if info.role != roleRequest || info.status != "" {
			continue
		}
		if _, ok := action[info.page]; ok {
			action[info.page] = "" // two request bodies
			continue
		}
		action[info.page] = ""
		if len(info.fields) == 1 && info.placeholder == nil {
			action[info.page] = keyText(jsonName(info.fields[0].param.Name))
		}
	}
	count := map[string]int{}
	for _, op := range r.ops {
		count[ir.OperationPlace(op.op.Method, op.op.Path)]++
	}
	places := map[string]int{}
	for _, op := range r.ops {
		op.place = ir.OperationPlace(op.op.Method, op.op.Path)
		op.shared = count[op.place] > 1
		if op.shared {
			op.place = ""
			if a := action[op.page]; a != "" {
				op.place = ir.ActionPlace(op.op.Method, op.op.Path, a)
			}
		}
		places[op.place]++
	}
	for _, op := range r.ops {
		if op.shared && places[op.place] > 1 {
			op.place = ""
		}
	}
}

// fieldSegment is a field's json name in a key; the one row of a
// placeholder table ("{User defined key}") adds no name, only its kind.
func fieldSegment(fp *fieldPlan) string {
	if fp.owner.placeholder == fp {
		return ""
	}
	return keyText(jsonName(fp.param.Name))
}

func fieldKind(fp *fieldPlan) string {
	if fp.owner.placeholder == fp {
		if fp.owner.mapOf {
			return ir.MapOfV
		}
		return ir.Array
	}
	switch fp.word.kind {
	case arrayWord:
		return ir.Array
	case mapWord:
		return ir.MapOfV
	}
	return ir.Object
}

// keyText keeps a key on one line.
func keyText(s string) string {
	return strings.Map(func(c rune) rune {
		if c < ' ' || c == 0x7f {
			return ' '
		}
		return c
	}, s)
}

// allKeys is the table's keys, then its alts, then its legacy keys: the
// order the lock is searched in (see applyLock).
func (info *tableInfo) allKeys() []string {
	return slices.Concat(info.keys, info.alts, info.legacy)
}

// knownBy reports whether key is one of the table's keys, alts or legacy
// keys: a config entry selects it by any.
func (info *tableInfo) knownBy(key string) bool {
	return slices.Contains(info.keys, key) || slices.Contains(info.alts, key) || slices.Contains(info.legacy, key)
}

func (r *resolver) pageID(info *tableInfo, dir string) string {
	return r.pageIDs(info.page, dir)[0]
}

// pageIDs are the places a page's keys may start with: its stable
// identity (ir.PageID), then, for a page that has an :original_name:, its
// path too (a lock written when the page had none).
func (r *resolver) pageIDs(p *doc.Page, dir string) []string {
	rel := keyText(strings.ReplaceAll(strings.TrimPrefix(p.Path, dir), " ", "_"))
	id := keyText(strings.ReplaceAll(ir.PageID(p.OriginalName, rel), " ", "_"))
	if id == rel {
		return []string{id}
	}
	return []string{id, rel}
}

// pagePlaces is the places of a page's nth operation line (from 1) where
// the page's identity stands for the operation (see nameParamsTypes): its
// pageIDs, each followed by "#n" from the second line on
// ("stopping_an_ecs.rst#2").
func (r *resolver) pagePlaces(p *doc.Page, n int, dir string) []string {
	ids := r.pageIDs(p, dir)
	if n > 1 {
		for i := range ids {
			ids[i] += "#" + strconv.Itoa(n)
		}
	}
	return ids
}

// commonDir is the folder all pages of the run are in ("" or ending in
// "/"), so that a page's key does not depend on where rst2go runs from.
func commonDir(r *resolver) string {
	if len(r.pages) == 0 {
		return ""
	}
	dir := path.Dir(r.pages[0].Path) + "/"
	for _, p := range r.pages[1:] {
		for dir != "" && !strings.HasPrefix(p.Path, dir) {
			d := path.Dir(strings.TrimSuffix(dir, "/"))
			if d == "." || d == "/" || d+"/" == dir {
				dir = ""
				break
			}
			dir = d + "/"
		}
	}
	if dir == "./" {
		return ""
	}
	return dir
}

// applyLock finds, for every table, the first of its keys the lock holds
// (then of its alts, then of its legacy keys), and reserves the names so
// found: a new table never takes a locked name. A key or alt so found
// becomes the one the table is written with, so the lock does not move
// when a table gains a referrer; a legacy key is rewritten as the table's
// first key.
func (r *resolver) applyLock() {
	if r.lock == nil {
		return
	}
	r.matchMovedPlaces(commonDir(r))
	taken := map[string]*tableInfo{}
	for _, info := range r.tables {
		n := len(info.keys) + len(info.alts)
		for i, k := range info.allKeys() {
			e, ok := r.lockName(k)
			if !ok {
				continue
			}
			if tn := r.settings.typeNames[info.table]; tn != nil {
				break // the config renames it; the lock follows
			}
			if r.names.Used(e.Name) {
				r.diags.Errorf(e.Pos, "lock", "locked name %s is also given by the config (rst2go.yaml types)", e.Name)
				break
			}
			if taken[e.Name] != nil {
				break
			}
			taken[e.Name] = info
			info.locked = e.Name
			switch {
			case i < len(info.keys):
				info.keys[0], info.keys[i] = info.keys[i], info.keys[0]
			case i < n:
				info.keys = append([]string{k}, info.keys...)
			}
			// A legacy key is written as keys[0].
			break
		}
	}
	for name := range taken {
		r.names.Reserve(name)
	}
}

// lockName is the lock's entry for key: its own line, else the line of
// a place it replaced (see matchMovedPlaces).
func (r *resolver) lockName(key string) (lock.Entry, bool) {
	if e, ok := r.lock.Name(key); ok {
		return e, true
	}
	e, ok := r.moved[key]
	return e, ok
}

// matchMovedPlaces finds, among the places of the lock that no key of
// this run has (an operation or page that is gone), the ones that this
// run has under another place none of whose keys the lock holds, and
// lets every key of the new place find the line of the old one with the
// same json path. Only one to one: a pair is taken where nothing else on
// either side matches. Two rules, both for what the docs change and the
// API does not:
//
//   - an operation whose path differs only in the names of path
//     parameters ("GET .../os-interface/{id}" → "{port_id}");
//   - a page that has no :original_name: and was renamed (its place is
//     its path), either of no operation or of an action (keyed by its
//     page before actions were keyed by their body): a page of no
//     operation or an action of this run whose tables have exactly the
//     json paths the old page's lines have, but for lines of the old
//     page that are scalar fields of those tables (enum types) or its
//     operation's Params ("params"). The Params of the old page's second
//     method line ("stopping_an_ecs.rst#2 params") go with the action's
//     second line.
func (r *resolver) matchMovedPlaces(dir string) {
	if r.lock == nil || len(r.lock.Entries) == 0 {
		return
	}
	// The places of this run: every key's, every operation's, every page's.
	here := map[string]bool{}
	for _, info := range r.tables {
		for _, k := range info.allKeys() {
			here[keyPlace(k)] = true
		}
	}
	nth := map[*doc.Page]int{}
	for _, op := range r.ops {
		here[op.place] = true
		here[ir.OperationPlace(op.op.Method, op.op.Path)] = true
		nth[op.page]++
		for _, place := range r.pagePlaces(op.page, nth[op.page], dir) {
			here[place] = true
		}
	}
	for _, p := range r.pages {
		for _, id := range r.pageIDs(p, dir) {
			here[id] = true
		}
	}
	// The lock's lines by place, those of places gone.
	gone := map[string]map[string]lock.Entry{}
	inLock := map[string]bool{}
	for _, e := range r.lock.Entries {
		place := keyPlace(e.Key)
		inLock[place] = true
		if here[place] || ir.Hashed(e.Key) {
			continue
		}
		if gone[place] == nil {
			gone[place] = map[string]lock.Entry{}
		}
		gone[place][e.Key[len(place)+1:]] = e
	}
	if len(gone) == 0 {
		return
	}
	// This run's places the lock has no line of, with the json paths
	// of their tables (first keys) and of their tables' fields.
	type newPlace struct {
		paths, fields map[string]bool
	}
	// A place is not new where the lock names any of its types, by
	// whatever key.
	named := map[string]bool{}
	for _, info := range r.tables {
		for _, k := range info.allKeys() {
			if _, ok := r.lock.Name(k); ok && len(info.keys) > 0 {
				named[keyPlace(info.keys[0])] = true
			}
		}
	}
	opsOf := map[*doc.Page][]*opPlan{}
	nth = map[*doc.Page]int{}
	for _, op := range r.ops {
		opsOf[op.page] = append(opsOf[op.page], op)
		nth[op.page]++
		if !op.shared {
			continue
		}
		for _, place := range r.pagePlaces(op.page, nth[op.page], dir) {
			if _, ok := r.lock.Name(ir.Key(place, "params")); ok {
				named[op.place] = true
			}
		}
	}
	fresh := map[string]*newPlace{}
	for _, info := range r.tables {
		if len(info.keys) == 0 || ir.Hashed(info.keys[0]) {
			continue
		}
		place := keyPlace(info.keys[0])
		if inLock[place] || named[place] {
			continue
		}
		np := fresh[place]
		if np == nil {
			np = &newPlace{paths: map[string]bool{}, fields: map[string]bool{}}
			fresh[place] = np
		}
		if !info.root || !absorbed[info.role] || len(opsOf[info.page]) == 0 {
			// (The rows of a path, query or header table are its
			// operation's Params: the table has no type of its own.)
			np.paths[info.keys[0][len(place)+1:]] = true
		}
		for _, fp := range info.fields {
			if fp.word.kind != scalarWord && fp.word.kind != emptyWord {
				continue // only a scalar field has an enum type
			}
			if k := ir.FieldKey(info.keys[0], jsonName(fp.param.Name), ir.Object); !ir.Hashed(k) {
				np.fields[k[len(place)+1:]] = true
			}
		}
	}
	for _, op := range r.ops {
		if op.place == "" || inLock[op.place] || named[op.place] {
			continue
		}
		if fresh[op.place] == nil {
			fresh[op.place] = &newPlace{paths: map[string]bool{}, fields: map[string]bool{}}
		}
		fresh[op.place].fields["params"] = true
	}
	same := func(old map[string]lock.Entry, oldPlace, newPlace string, np *newPlace) bool {
		switch {
		case isOperation(oldPlace):
			return isOperation(newPlace) && pathForm(oldPlace) == pathForm(newPlace)
		case isOperation(newPlace) && !strings.HasSuffix(newPlace, ")"):
			return false // a page is an action's, no other operation's
		case len(np.paths) == 0:
			return false // Params alone ("page.rst#2 params") say too little
		}
		for p := range np.paths {
			if _, ok := old[p]; !ok {
				return false
			}
		}
		for p := range old {
			if !np.paths[p] && !np.fields[p] {
				return false
			}
		}
		return true
	}
	matches := map[string][]string{} // old place → new places
	claims := map[string]int{}       // new place → old places matching it
	for _, oldPlace := range slices.Sorted(maps.Keys(gone)) {
		for _, newPlace := range slices.Sorted(maps.Keys(fresh)) {
			if same(gone[oldPlace], oldPlace, newPlace, fresh[newPlace]) {
				matches[oldPlace] = append(matches[oldPlace], newPlace)
				claims[newPlace]++
			}
		}
	}
	if r.moved == nil {
		r.moved = map[string]lock.Entry{}
	}
	target, movedFrom := map[string]bool{}, map[string]bool{}
	move := func(oldPlace, newPlace string) {
		target[newPlace], movedFrom[oldPlace] = true, true
		for path, e := range gone[oldPlace] {
			r.moved[ir.Key(newPlace, path)] = e
		}
	}
	var pairs [][2]string
	for _, oldPlace := range slices.Sorted(maps.Keys(matches)) {
		if news := matches[oldPlace]; len(news) == 1 && claims[news[0]] == 1 {
			move(oldPlace, news[0])
			pairs = append(pairs, [2]string{oldPlace, news[0]})
		}
	}
	for _, pair := range pairs {
		oldPlace, newPlace := pair[0], pair[1]
		// A page that was an action's: its second method line's
		// Params ("page.rst#2 params") are the action's second line's.
		if isOperation(oldPlace) || !isOperation(newPlace) {
			continue
		}
		for _, op := range r.ops {
			if op.place != newPlace {
				continue
			}
			for i, other := range opsOf[op.page][1:] {
				more := oldPlace + "#" + strconv.Itoa(i+2)
				if gone[more] != nil && !movedFrom[more] && fresh[other.place] != nil && !target[other.place] {
					move(more, other.place)
				}
			}
			break
		}
	}
}

// keyPlace is the place a key starts with: an operation (method, path
// and action, if any) or a page's identity (which has no space).
func keyPlace(key string) string {
	first, rest, _ := strings.Cut(key, " ")
	if !isMethod(first) || !strings.HasPrefix(rest, "/") {
		return first
	}
	path, _, _ := strings.Cut(rest, " ")
	return first + " " + path
}

func isMethod(s string) bool {
	return s != "" && strings.ToUpper(s) == s && strings.ToLower(s) != s
}

func isOperation(place string) bool { return strings.Contains(place, " /") }

// pathForm is an operation's place with its path parameters' names left
// out: "GET /v1/{}/things/{}".
func pathForm(place string) string {
	var b strings.Builder
	for {
		i := strings.Index(place, "{")
		j := strings.Index(place[max(i, 0):], "}")
		if i < 0 || j < 0 {
			b.WriteString(place)
			return b.String()
		}
		b.WriteString(place[:i+1])
		place = place[i+j:]
	}
}
