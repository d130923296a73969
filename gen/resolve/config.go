package resolve

import (
	"fmt"
	"strings"

	"github.com/rst2go/rst2go/gen/config"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/naming"
	"github.com/rst2go/rst2go/gen/source"
)

// settings is the resolver's view of a config: lookups by what the
// resolver has in hand, and a record of which entries were used, so that
// an entry matching nothing is reported at its line.
type settings struct {
	cfg       *config.Config
	rules     *naming.Rules
	typeWords map[string]*config.TypeWord // folded word
	typeNames map[*doc.Table]*config.TypeName
	// configured are the names types entries give, by name.
	configured map[string]*config.TypeName
	// paramsNames are the types entries that select an operation's
	// Params type (path "params").
	paramsNames []*config.TypeName
	used        map[any]bool
	// exported holds rules.Exported's answers: a doc set spells the same
	// field names again and again.
	exported map[string]string
}

// exportedName is rules.Exported(name), worked out once per name.
func (s *settings) exportedName(name string) string {
	if n, ok := s.exported[name]; ok {
		return n
	}
	n := s.rules.Exported(name)
	if s.exported == nil {
		s.exported = map[string]string{}
	}
	s.exported[name] = n
	return n
}

func newSettings(cfg *config.Config) *settings {
	if cfg == nil {
		cfg = &config.Config{}
	}
	s := &settings{cfg: cfg, rules: naming.NewRules(cfg.Initialisms...), typeWords: map[string]*config.TypeWord{},
		typeNames: map[*doc.Table]*config.TypeName{}, configured: map[string]*config.TypeName{}, used: map[any]bool{}}
	for i := range cfg.TypeWords {
		w := &cfg.TypeWords[i]
		s.typeWords[foldWord(w.Word)] = w
	}
	return s
}

func foldWord(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// typeWord reads a Type cell, or takes the config's Go type for it.
func (r *resolver) typeWord(text string) *typeWord {
	if w := r.settings.typeWords[foldWord(text)]; w != nil {
		r.settings.used[w] = true
		return &typeWord{kind: scalarWord, scalar: w.GoType}
	}
	// A corpus has a few dozen distinct type words in thousands of rows;
	// a parsed word is never changed, so rows share it.
	if w, ok := r.words[text]; ok {
		return w
	}
	w := parseTypeWord(text)
	r.words[text] = w
	return w
}

// matchTypeNames finds the table of each type name entry: exactly one, or
// an error at the entry.
func (r *resolver) matchTypeNames() {
	for i := range r.settings.cfg.Types {
		tn := &r.settings.cfg.Types[i]
		if tn.Operation != "" {
			continue // see matchKeyedTypeNames
		}
		var found []*tableInfo
		for _, info := range r.tables {
			if pageMatches(info.page, tn.Page) && tableMatches(info.page, info.table, tn.Table) {
				found = append(found, info)
			}
		}
		switch {
		case len(found) == 0:
			r.diags.Errorf(tn.Pos, "config-unused", "types entry (page %q, table %q) matches no parameter table", tn.Page, tn.Table)
		case len(found) > 1:
			r.diags.Errorf(tn.Pos, "config-ambiguous", "types entry (page %q, table %q) matches %d tables (the first at %s, then %s); say which by label or title", tn.Page, tn.Table, len(found), found[0].table.Pos, found[1].table.Pos)
		case r.names.Used(tn.Name):
			r.diags.Errorf(tn.Pos, "config-conflict", "type name %s is given twice", tn.Name)
		default:
			r.names.Reserve(tn.Name)
			r.settings.configured[tn.Name] = tn
			r.settings.typeNames[found[0].table] = tn
		}
	}
}

// matchKeyedTypeNames finds the table of each type name entry that
// selects by operation and json path: the table reached by that key (see
// computeKeys), or an error at the entry.
func (r *resolver) matchKeyedTypeNames() {
	for i := range r.settings.cfg.Types {
		tn := &r.settings.cfg.Types[i]
		if tn.Operation == "" {
			continue
		}
		key := ir.Key(tn.Operation, tn.Path)
		var found *tableInfo
		for _, info := range r.tables {
			if info.knownBy(key) {
				found = info
				break
			}
		}
		switch {
		case found == nil && tn.Path == "params":
			// An operation's Params type (see nameParamsTypes).
			if r.names.Used(tn.Name) {
				r.diags.Errorf(tn.Pos, "config-conflict", "type name %s is given twice", tn.Name)
				continue
			}
			r.names.Reserve(tn.Name)
			r.settings.configured[tn.Name] = tn
			r.settings.paramsNames = append(r.settings.paramsNames, tn)
		case found == nil:
			r.diags.Errorf(tn.Pos, "config-unused", "types entry (operation %q, path %q) matches no parameter table", tn.Operation, tn.Path)
		case r.names.Used(tn.Name):
			r.diags.Errorf(tn.Pos, "config-conflict", "type name %s is given twice", tn.Name)
		case r.settings.typeNames[found.table] != nil:
			r.diags.Errorf(tn.Pos, "config-conflict", "types entry (operation %q, path %q) names the table another entry names", tn.Operation, tn.Path)
		default:
			r.names.Reserve(tn.Name)
			r.settings.configured[tn.Name] = tn
			r.settings.typeNames[found.table] = tn
		}
	}
}

// pageMatches: a page is selected by its path without extension (whole,
// or a suffix starting at a folder boundary) or by its title.
func pageMatches(p *doc.Page, sel string) bool {
	sel = strings.TrimSuffix(strings.TrimPrefix(sel, "./"), "/")
	stem, selStem := stripExt(p.Path), stripExt(sel)
	return stem == selStem || strings.HasSuffix(stem, "/"+selStem) || strings.EqualFold(strings.TrimSpace(p.Title), strings.TrimSpace(sel))
}

// tableMatches: a table is selected by one of its labels, its title, its
// number ("Table 3"), its caption or the title of the section holding it.
func tableMatches(p *doc.Page, t *doc.Table, sel string) bool {
	label := doc.NormalizeLabel(sel)
	for _, l := range t.Labels {
		if l == label {
			return true
		}
	}
	if n := tableNumber(sel); n != "" && strings.EqualFold(strings.TrimSpace(untitledNumber(sel)), "") {
		return tableNumber(t.Title) == n
	}
	fold := foldWord(sel)
	if fold == "" {
		return false
	}
	if foldWord(t.Title) == fold || foldWord(t.Caption) == fold {
		return true
	}
	return t.Section >= 0 && t.Section < len(p.Sections) && foldWord(p.Sections[t.Section].Title) == fold
}

// fieldOverride returns the config's entry for a parameter of a table's
// type: selected by the type's name, or by an operation and json path
// that is one of the table's keys. The rows of a path, query or header
// table are also selected by the operation's Params type, which holds
// them: by its name or its key ("params").
func (r *resolver) fieldOverride(info *tableInfo, typeName, param string) *config.Field {
	var op *ir.Operation
	if info != nil {
		op = r.paramsOp(info.typ)
	}
	for i := range r.settings.cfg.Fields {
		f := &r.settings.cfg.Fields[i]
		key := ir.Key(f.Operation, f.Path)
		selected := f.Type != "" && (f.Type == typeName || op != nil && f.Type == op.ParamsType.GoName) ||
			f.Operation != "" && info != nil && (info.knownBy(key) || op != nil && key == op.ParamsType.Key)
		if selected && (f.Param == param || jsonName(f.Param) == param) {
			r.settings.used[f] = true
			return f
		}
	}
	return nil
}

// roleNames are the config's names of the roles.
var roleNames = map[role]string{
	roleRequest: "request", roleResponse: "response", roleErrorResponse: "error-response",
	rolePathParams: "path-params", roleQueryParams: "query-params", roleURIParams: "uri-params",
	roleRequestHeader: "request-header", roleResponseHeader: "response-header", roleTable: "params",
}

// dropRoles marks dead the top-level tables whose role the config does
// not list, and what only they reach.
func (r *resolver) dropRoles() {
	if r.settings.cfg.Roles == nil {
		return
	}
	keep := map[string]bool{}
	for _, ro := range r.settings.cfg.Roles {
		keep[ro.Name] = true
	}
	usedRole := map[string]bool{}
	reached := map[*tableInfo]bool{}
	var walk func(info *tableInfo)
	walk = func(info *tableInfo) {
		if reached[info] {
			return
		}
		reached[info] = true
		for _, fp := range info.fields {
			if fp.target != nil {
				walk(fp.target)
			}
		}
	}
	for _, info := range r.tables {
		if info.root && !info.dead {
			name := roleNames[info.role]
			usedRole[name] = true
			if keep[name] {
				walk(info)
			}
		}
	}
	for _, info := range r.tables {
		if !reached[info] {
			info.dead = true
		}
	}
	for _, ro := range r.settings.cfg.Roles {
		if !usedRole[ro.Name] {
			r.diags.Errorf(ro.Pos, "config-unused", "role %q: no top-level table has it", ro.Name)
		}
	}
}

// reportUnused reports the config's type word and field entries that
// matched nothing.
func (r *resolver) reportUnused() {
	cfg := r.settings.cfg
	for i := range cfg.TypeWords {
		if w := &cfg.TypeWords[i]; !r.settings.used[w] {
			r.diags.Errorf(w.Pos, "config-unused", "type word %q appears in no Type cell", w.Word)
		}
	}
	for i := range cfg.Fields {
		if f := &cfg.Fields[i]; !r.settings.used[f] && f.Operation != "" {
			r.diags.Errorf(f.Pos, "config-unused", "fields entry: no table reached by %q has a parameter %q", ir.Key(f.Operation, f.Path), f.Param)
		} else if !r.settings.used[f] {
			r.diags.Errorf(f.Pos, "config-unused", "fields entry: type %s has no parameter %q", f.Type, f.Param)
		}
	}
}

// warnParam adds a warning about parameter p, which ignore entries can
// select by its name.
func (r *resolver) warnParam(p *doc.Param, pos source.Pos, code, format string, args ...any) {
	r.diags.WarnParamf(pos, p.Name, code, format, args...)
}

// Silence takes out of diags the warnings that the config's ignore entries
// match and returns what is left and what was taken. An entry that matches
// no warning is itself a warning, at its line: the docs were fixed, or the
// entry is wrong. Errors are never silenced.
func Silence(pages []*doc.Page, diags source.List, cfg *config.Config) (kept, ignored source.List) {
	if cfg == nil || len(cfg.Ignore) == 0 {
		return diags, nil
	}
	byPath := map[string]*doc.Page{}
	for _, p := range pages {
		byPath[p.Path] = p
	}
	used := make([]bool, len(cfg.Ignore))
	for _, d := range diags {
		silenced := false
		for i, ig := range cfg.Ignore {
			if d.Severity == source.Warning && ignores(ig, d, byPath[d.Pos.File]) {
				used[i], silenced = true, true
			}
		}
		if silenced {
			ignored = append(ignored, d)
		} else {
			kept = append(kept, d)
		}
	}
	for i, ig := range cfg.Ignore {
		if !used[i] {
			var sel []string
			if ig.Page != "" {
				sel = append(sel, fmt.Sprintf("page %q", ig.Page))
			}
			if ig.Param != "" {
				sel = append(sel, fmt.Sprintf("param %q", ig.Param))
			}
			where := ""
			if len(sel) > 0 {
				where = " (" + strings.Join(sel, ", ") + ")"
			}
			kept.Warnf(ig.Pos, "unused-ignore", "ignore entry: no %s warning%s to silence; remove the entry", ig.Code, where)
		}
	}
	kept.Sort()
	return kept, ignored
}

func ignores(ig config.Ignore, d source.Diagnostic, page *doc.Page) bool {
	if ig.Code != d.Code {
		return false
	}
	if ig.Page != "" {
		if page == nil {
			page = &doc.Page{Path: d.Pos.File}
		}
		if !pageMatches(page, ig.Page) {
			return false
		}
	}
	return ig.Param == "" || ig.Param == d.Param || d.Param != "" && ig.Param == jsonName(d.Param)
}
