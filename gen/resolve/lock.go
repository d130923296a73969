package resolve

import (
	"path"
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
	// versions, /v2 and /v2.1): keyed by it first, by the page after (so
	// a lock written before the page had its method line still holds). Where
	// pages share a method and path ("POST .../action" with a different
	// body each), the page alone tells them apart.
	opKeys := map[*tableInfo]string{}
	opCount := map[string]int{}
	for _, info := range roots {
		if ops := opsOf[info.page]; len(ops) > 0 {
			opKeys[info] = ir.Key(ir.OperationPlace(ops[0].op.Method, ops[0].op.Path), segs[info])
			opCount[opKeys[info]]++
		}
	}
	for _, info := range roots {
		if k := opKeys[info]; k != "" && opCount[k] == 1 {
			info.keys = []string{k, info.keys[0]}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, info := range r.tables {
			for _, fp := range info.fields {
				t := fp.target
				if t == nil || t == info || len(t.keys) >= maxKeys || t.root {
					continue
				}
				for _, k := range info.keys {
					nk := ir.FieldKey(k, fieldSegment(fp), fieldKind(fp))
					if len(t.keys) < maxKeys && !containsString(t.keys, nk) {
						t.keys = append(t.keys, nk)
						changed = true
					}
				}
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

// applyLock finds, for every table, the first of its keys the lock holds,
// and reserves the names so found: a new table never takes a locked name.
// That key becomes the one the table is written with, so the lock does
// not move when a table gains a referrer.
func (r *resolver) applyLock() {
	if r.lock == nil {
		return
	}
	taken := map[string]*tableInfo{}
	for _, info := range r.tables {
		for i, k := range info.keys {
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
			info.keys[0], info.keys[i] = info.keys[i], info.keys[0]
			break
		}
	}
	for name := range taken {
		r.names.Reserve(name)
	}
}
