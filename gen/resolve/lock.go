package resolve

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
)

// maxKeys bounds the keys one table is known by: a table reached by many
// paths (a shared data structure) is looked up in the lock by the first
// few, which is enough for a new referrer not to rename it.
const maxKeys = 8

// computeKeys gives every table the keys it is reached by (see ir.Key):
// a top-level table its page's (first) operation and its page (see
// pageIDs), with its role; a nested table each of its referrers' keys
// extended by the field's json name, in page and document order of the
// referrers, then the key it would have as a top-level table of its own
// page when its title names its field. Tables reached only through a
// cycle are keyed by their page and place in it.
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
			if !containsString(opKeys[info], k) {
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
				if !containsString(old, k) {
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
				if k := ir.Key(place, seg); len(info.keys) < maxKeys+2 && !containsString(info.keys, k) {
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
		if nk := ir.FieldKey(k, seg, kind); !containsString(*dst, nk) {
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

// knownBy reports whether key is one of the table's keys, alts or legacy
// keys: a config entry selects it by any.
func (info *tableInfo) knownBy(key string) bool {
	return containsString(info.keys, key) || containsString(info.alts, key) || containsString(info.legacy, key)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
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
	taken := map[string]*tableInfo{}
	for _, info := range r.tables {
		n := len(info.keys) + len(info.alts)
		for i, k := range slices.Concat(info.keys, info.alts, info.legacy) {
			e, ok := r.lock.Name(k)
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
