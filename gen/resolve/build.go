package resolve

import (
	"fmt"
	"hash/crc32"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/naming"
)

// shapeOf is a table's shape: its fields' JSON names, types and
// optionality, nested tables by their own shapes. Two tables with one shape
// can share one Go type. Shapes are compared as interned numbers.
func (r *resolver) shapeOf(info *tableInfo) string {
	if info.shape != "" {
		return info.shape
	}
	if info.shaping {
		return "@" + info.claim // a cycle: stop here
	}
	info.shaping = true
	var b strings.Builder
	for _, fp := range info.fields {
		fmt.Fprintf(&b, "%s=%s", jsonName(fp.param.Name), wordShape(fp.word))
		if fp.target != nil {
			b.WriteString("{" + r.shapeOf(fp.target) + "}")
		}
		if fp.param.Mandatory != doc.MandatoryYes {
			b.WriteByte('?')
		}
		b.WriteByte(';')
	}
	info.shaping = false
	// Interned, so that a shape holds its nested tables' shapes by
	// number: a deep chain of tables costs linear, not quadratic, space.
	id, ok := r.shapeIDs[b.String()]
	if !ok {
		id = len(r.shapeIDs) + 1
		r.shapeIDs[b.String()] = id
	}
	info.shape = "#" + strconv.Itoa(id)
	return info.shape
}

func wordShape(w *typeWord) string {
	if w == nil {
		return ""
	}
	s := fmt.Sprint(int(w.kind))
	if w.scalar != nil {
		s += w.scalar.Name
	}
	if w.elem != nil {
		s += "<" + wordShape(w.elem) + ">"
	}
	return s
}

// jsonName is the JSON key of a parameter: the name as written, less the
// spaces a line wrap left next to punctuation ("scaling_ configuration _id").
func jsonName(name string) string {
	name = strings.TrimSpace(name)
	if !strings.Contains(name, " ") {
		return name
	}
	var b strings.Builder
	for i, r := range name {
		if r == ' ' {
			prev, next := name[:i], name[i+1:]
			if strings.HasSuffix(prev, " ") || strings.HasSuffix(prev, "_") || strings.HasPrefix(next, "_") ||
				strings.HasPrefix(next, " ") || strings.HasSuffix(prev, "-") || strings.HasPrefix(next, "-") ||
				strings.HasSuffix(prev, ".") || strings.HasPrefix(next, ".") {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// validTag reports whether a JSON name can stand in a struct tag:
// encoding/json accepts letters, digits and most punctuation, but not
// quotes, backslashes, commas or backquotes.
func validTag(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case unicode.IsLetter(c) || unicode.IsDigit(c):
		default:
			return false
		}
	}
	return true
}

// build lays the named types out as files, one per page, types in document
// order, and fills in their fields.
func (r *resolver) build(opts Options) *ir.Package {
	pkg := &ir.Package{Name: opts.Package, Links: map[*doc.Ref]string{}}
	for ref, info := range r.refTargets {
		if info.absorbedBy != nil {
			info = info.absorbedBy
		}
		// A placeholder table has no type of its own: link to the type
		// of its values, if they have one.
		for depth := 0; info != nil && info.placeholder != nil && depth < 8; depth++ {
			info = info.placeholder.target
		}
		// (A placeholder table still, as in a cycle of them, declares no
		// type unless it is a top-level one.)
		if info != nil && !info.dead && info.visited && (info.placeholder == nil || info.root) {
			pkg.Links[ref] = info.typ.GoName
		}
	}
	fileNames := outputNames(r.pages)
	twins := map[string]*tableInfo{}
	for _, p := range r.pages {
		f := &ir.File{Source: p.Path, Name: fileNames[p]}
		for _, t := range p.Tables {
			info := r.infos[t]
			if info != nil && info.absorbedBy != nil {
				if a := info.absorbedBy; !a.dead && a.visited {
					t.GoName = a.typ.GoName
				}
				continue
			}
			if info == nil || info.dead || !info.visited {
				continue
			}
			t.GoName = info.typ.GoName
			if info.merged || info.placeholder != nil && !info.root {
				continue
			}
			if info.placeholder != nil {
				r.fillPlaceholder(info, pkg)
				f.Types = append(f.Types, info.typ)
			} else {
				enums := r.fillType(info, pkg)
				r.aliasTwin(info, twins, pkg)
				f.Types = append(f.Types, info.typ)
				f.Types = append(f.Types, enums...)
			}
		}
		if len(f.Types) > 0 {
			pkg.Files = append(pkg.Files, f)
		}
	}
	r.nameEnums(pkg)
	breakValueCycles(pkg)
	pkg.NotEnums = r.enums.not
	return pkg
}

// fillType fills in a struct's fields and returns the enum types first
// made for them.
func (r *resolver) fillType(info *tableInfo, pkg *ir.Package) (enums []*ir.Type) {
	typ := info.typ
	typ.Doc = r.typeDoc(info, pkg)
	typ.Page, typ.Table = info.page, info.table
	typ.Key = info.keys[0]
	if info.root {
		typ.Role = roleNames[info.role]
	}
	var names naming.Namer
	policy := r.pointerPolicy(typ)
	if len(info.fields) == 0 {
		r.diags.Warnf(info.table.Pos, "empty-table", "parameter table has no rows; %s is an empty struct", typ.GoName)
	}
	if info.table.Columns.Type < 0 && len(info.fields) > 0 && !stringRole(info) {
		r.diags.Warnf(info.table.Pos, "untyped-table", "parameter table has no Type column: the types of %s's fields are not documented; they are strings unless a row links a table", typ.GoName)
	}
	goNames := r.fieldNames(info)
	for i, fp := range info.fields {
		p := fp.param
		f := &ir.Field{JSONName: jsonName(p.Name), Pos: p.Pos, Doc: p.Description, Param: p}
		variant := fp.variant()
		if variant != "" {
			f.Doc = append(slices.Clip(f.Doc), &doc.Block{Kind: doc.Paragraph, Pos: p.Pos, Inlines: []*doc.Inline{{Kind: doc.Plain, Text: "Only " + strings.ToLower(variant[:1]) + variant[1:] + "."}}})
		}
		goName := goNames[i]
		if goName == "" {
			goName = "Field"
		}
		override := r.fieldOverride(info, typ.GoName, f.JSONName)
		if override != nil && override.Name != "" {
			if names.Used(override.Name) {
				r.diags.Errorf(override.Pos, "config-conflict", "field name %s is already taken in %s", override.Name, typ.GoName)
			} else {
				goName = override.Name
			}
		}
		f.GoName = names.Unique(goName)
		if !validTag(f.JSONName) {
			r.warnParam(p, p.NamePos(), "bad-json-name", "parameter name %q cannot be a JSON key in a struct tag; field %s is tagged `json:\"-\"`", p.Name, f.GoName)
			f.Skip = true
		}
		optional := p.Mandatory != doc.MandatoryYes || variant != ""
		// Only what is sent is checked for being there (the SDK's
		// required tag): a response row's Mandatory says nothing to a caller.
		f.Required = !optional && r.sides[typ]&sideRequest != 0
		if override != nil && override.GoType != nil {
			// Exactly as configured, and no warning about the type the
			// docs give, which the field no longer has.
			f.Type = override.GoType
			if optional {
				setOmit(f)
			}
		} else {
			f.Type = r.goType(fp, fp.word, true)
			r.fieldTime(f)
			if e := r.fieldEnum(info, i, f, typ, override, pkg); e != nil {
				enums = append(enums, e)
			}
			if optional {
				setOptional(f, policy)
			}
		}
		typ.Fields = append(typ.Fields, f)
		p.GoName = f.GoName
	}
	return enums
}

// aliasTwin makes a top-level type an alias of the first top-level type
// of its role with an identical shape: the 13 responses that are all
// {job_id} are one struct, and each operation keeps its own name
// (DeleteECSsResponse = BatchDeleteECSsResponse). Its fields stay in the
// model, for operations and lint.
func (r *resolver) aliasTwin(info *tableInfo, twins map[string]*tableInfo, pkg *ir.Package) {
	if !info.root || len(info.fields) == 0 || r.settings.typeNames[info.table] != nil {
		return
	}
	key := roleNames[info.role] + " " + r.shapeOf(info)
	twin := twins[key]
	if twin == nil {
		twins[key] = info
		return
	}
	info.typ.AliasOf = twin.typ
	plain := func(s string) *doc.Inline { return &doc.Inline{Kind: doc.Plain, Text: s} }
	link := &doc.Ref{Pos: info.table.Pos, Label: "rst2go-alias"}
	pkg.Links[link] = twin.typ.GoName
	para := info.typ.Doc[0]
	para.Inlines = append(para.Inlines, plain(" It has the same fields as "),
		&doc.Inline{Kind: doc.Link, Text: twin.typ.GoName, Ref: link}, plain("."))
}

// fieldNames are the Go names a table's fields want: the json name
// cased, less its OpenStack namespace where what is left is unique in the
// struct ("OS-EXT-STS:vm_state" → VMState) and the config keeps no
// namespaces.
func (r *resolver) fieldNames(info *tableInfo) []string {
	names := make([]string, len(info.fields))
	short := make([]string, len(info.fields))
	count := map[string]int{}
	for i, fp := range info.fields {
		name := jsonName(fp.param.Name)
		names[i] = r.settings.exportedName(name)
		short[i] = names[i]
		if rest, ok := naming.CutNamespace(name); ok && !r.settings.cfg.KeepNamespaces {
			if n := r.settings.exportedName(rest); n != "" {
				short[i] = n
			}
		}
		count[short[i]]++
		if short[i] != names[i] {
			count[names[i]]++
		}
	}
	for i := range names {
		if count[short[i]] == 1 {
			names[i] = short[i]
		}
	}
	return names
}

// stringRole reports whether a table is one of those whose values are
// strings by nature (path, query and URI parameters, headers), where no
// Type column is no loss.
func stringRole(info *tableInfo) bool {
	if !info.root {
		return false
	}
	switch info.role {
	case rolePathParams, roleQueryParams, roleURIParams, roleRequestHeader, roleResponseHeader:
		return true
	}
	return false
}

// fillPlaceholder makes a top-level placeholder table (no row refers to
// it) a named map or slice type: "Network address of the ECS | List(Dict)"
// as a whole response body is map[string][]X.
func (r *resolver) fillPlaceholder(info *tableInfo, pkg *ir.Package) {
	typ := info.typ
	typ.Doc = r.typeDoc(info, pkg)
	typ.Page, typ.Table = info.page, info.table
	typ.Key = info.keys[0]
	typ.Role = roleNames[info.role]
	ph := info.placeholder
	elem := r.goTypeDepth(ph, ph.word, false, 1)
	if info.mapOf {
		typ.Underlying = ir.MapOf(elem)
	} else {
		typ.Underlying = ir.SliceOf(elem)
	}
	ph.param.GoName = ""
}

// placeholderCycle reports whether following the value tables of
// placeholder tables (maps and arrays with no object of their own) from
// t comes back to a table already passed: a type that never ends.
func placeholderCycle(t *tableInfo) bool {
	seen := map[*tableInfo]bool{}
	for ; t != nil && t.placeholder != nil; t = t.placeholder.target {
		if seen[t] {
			return true
		}
		seen[t] = true
	}
	return false
}

// goType maps a type word (and the table the row refers to) to a Go type.
func (r *resolver) goType(fp *fieldPlan, w *typeWord, top bool) *ir.GoType {
	return r.goTypeDepth(fp, w, top, 0)
}

func (r *resolver) goTypeDepth(fp *fieldPlan, w *typeWord, top bool, depth int) *ir.GoType {
	p := fp.param
	named := func() *ir.GoType {
		ph := fp.target.placeholder
		if ph == nil || depth > 16 {
			return ir.NamedType(fp.target.typ)
		}
		if placeholderCycle(fp.target) {
			// Map values that are maps of themselves, with no struct in
			// between: only a declared (top-level) type can stand for the
			// cycle; otherwise the type would be infinite.
			if t := fp.target; t.root && t.visited && !t.dead {
				return ir.NamedType(t.typ)
			}
			r.warnParam(p, p.TypePos(), "type-cycle", "%s: the values of the table at %s refer back to it with no object in between, a type that never ends: json.RawMessage stands for it", p.Name, fp.target.table.Pos)
			return ir.Raw
		}
		elem := r.goTypeDepth(ph, ph.word, false, depth+1)
		if fp.target.mapOf {
			return ir.MapOf(elem)
		}
		return elem
	}
	switch w.kind {
	case scalarWord:
		return w.scalar
	case rawWord:
		return ir.Raw
	case objectWord:
		if fp.target != nil {
			return named()
		}
		if w.name != "" || w.linked || mentionsTable(p) {
			r.warnParam(p, p.TypePos(), "missing-table", "no table found for %s %q; it is a free-form map[string]any", p.Name, p.Type)
		}
		return ir.MapOf(ir.AnyType)
	case arrayWord:
		if w.elem == nil {
			if fp.target != nil {
				return ir.SliceOf(named())
			}
			r.warnParam(p, p.TypePos(), "unknown-type", "%s: the element type of %q is not given; elements are json.RawMessage", p.Name, p.Type)
			return ir.SliceOf(ir.Raw)
		}
		return ir.SliceOf(r.goTypeDepth(fp, w.elem, false, depth+1))
	case mapWord:
		if w.elem == nil {
			return ir.MapOf(ir.AnyType)
		}
		if w.elem.kind == rawWord {
			if fp.target != nil {
				return ir.MapOf(named())
			}
			return ir.MapOf(ir.AnyType)
		}
		return ir.MapOf(r.goTypeDepth(fp, w.elem, false, depth+1))
	case unknownWord:
		if fp.target != nil {
			return named()
		}
		r.warnParam(p, p.TypePos(), "unknown-type", "%s: unknown type %q; the field is json.RawMessage", p.Name, p.Type)
		return ir.Raw
	}
	// emptyWord: no Type column, or an empty cell
	if fp.target != nil {
		return named()
	}
	if !top {
		return ir.Raw
	}
	return ir.String
}

// typeDoc writes the first paragraph of a type's doc comment.
func (r *resolver) typeDoc(info *tableInfo, pkg *ir.Package) []*doc.Block {
	name := info.typ.GoName
	plain := func(s string) *doc.Inline { return &doc.Inline{Kind: doc.Plain, Text: s} }
	var in []*doc.Inline
	if info.titled {
		in = append(in, plain(fmt.Sprintf("%s is described by the table %q of %s; no parameter refers to it.", name, strings.Join(strings.Fields(info.table.Title), " "), info.page.Title)))
	} else if len(info.incoming) == 0 || info.role != (role{}) && !hasOuterReferrer(info) {
		in = append(in, plain(fmt.Sprintf("%s is the %s of %s", name, info.role.text, info.page.Title)))
		if c := info.table.Caption; statusIn(c) != "" {
			in = append(in, plain(fmt.Sprintf(" (%s)", c)))
		}
		in = append(in, plain("."))
	} else {
		fp := info.incoming[0]
		for _, x := range info.incoming {
			if !x.owner.merged && !x.owner.dead {
				fp = x
				break
			}
		}
		kind := "the"
		if fp.word.kind == arrayWord {
			kind = "an element of the"
		} else if fp.word.kind == mapWord {
			kind = "a value of the"
		}
		link := &doc.Ref{Pos: fp.param.Pos, Label: "rst2go-parent"}
		pkg.Links[link] = fp.owner.typ.GoName
		in = append(in,
			plain(fmt.Sprintf("%s is %s %s field of ", name, kind, jsonName(fp.param.Name))),
			&doc.Inline{Kind: doc.Link, Text: fp.owner.typ.GoName, Ref: link},
			plain("."))
	}
	return []*doc.Block{{Kind: doc.Paragraph, Pos: info.table.Pos, Inlines: in}}
}

// breakValueCycles makes a struct field a pointer where the struct would
// otherwise contain itself by value (a table that nests itself).
func breakValueCycles(pkg *ir.Package) {
	const (
		unseen = iota
		active
		done
	)
	state := map[*ir.Type]int{}
	var visit func(t *ir.Type)
	visit = func(t *ir.Type) {
		state[t] = active
		for _, f := range t.Fields {
			if f.Type.Kind != ir.Named {
				continue
			}
			switch state[f.Type.Ref] {
			case active:
				f.Type = ir.PointerTo(f.Type)
				f.OmitEmpty, f.OmitZero = true, false
			case unseen:
				visit(f.Type.Ref)
			}
		}
		state[t] = done
	}
	for _, f := range pkg.Files {
		for _, t := range f.Types {
			if state[t] == unseen {
				visit(t)
			}
		}
	}
}

// outputNames gives each page its Go file name: the page's file name with
// .go, made unique by prefixing parent folders, and kept clear of the
// suffixes the go tool reads as build constraints or tests.
func outputNames(pages []*doc.Page) map[*doc.Page]string {
	names := make(map[*doc.Page]string, len(pages))
	depth := make(map[*doc.Page]int, len(pages))
	for _, p := range pages {
		names[p] = fileStem(namedPath(p), 0)
	}
	for {
		count := make(map[string]int, len(pages))
		for _, p := range pages {
			count[names[p]]++
		}
		again := false
		for _, p := range pages {
			// Only the stems that take one more folder are made again.
			if count[names[p]] > 1 && depth[p] < strings.Count(p.Path, "/") {
				depth[p]++
				names[p] = fileStem(namedPath(p), depth[p])
				again = true
			}
		}
		if !again {
			break
		}
	}
	// Pages whose names are still equal get _2, _3, ... in path order,
	// skipping every name another page has (a-b.rst and a_b.rst must not
	// take the name of a page called a_b_2.rst).
	taken := map[string]bool{}
	for _, p := range pages {
		taken[names[p]] = true
	}
	seen := map[string]bool{}
	out := map[*doc.Page]string{}
	for _, p := range pages {
		n := names[p]
		if seen[n] {
			for i := 2; ; i++ {
				c := fmt.Sprintf("%s_%d", n, i)
				if !taken[c] && !buildSuffix(c) {
					n = c
					break
				}
			}
		}
		seen[n], taken[n] = true, true
		out[p] = n + ".go"
	}
	return out
}

// namedPath is the path a page's file is named from: its own, but for an
// HTML page, whose file is named after a topic id
// (en-us_topic_0020212648.html), the page title in snake case in its
// folder ("Creating an ECS" → creating_an_ecs), as the family's RST files
// are named. fileStem keeps only lower-case letters, digits and "_".
func namedPath(p *doc.Page) string {
	if p.Format != "html" {
		return p.Path
	}
	var b strings.Builder
	for _, r := range strings.ToLower(p.Title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	stem := strings.Trim(b.String(), "_")
	if stem == "" {
		return p.Path
	}
	return path.Join(path.Dir(p.Path), stem+".html")
}

// maxStem bounds a file name stem in bytes: file systems allow 255 bytes
// a name, and a folder of generated files should stay easy to list. A
// longer stem keeps its start and ends in a hash of the whole.
const maxStem = 100

// windowsReserved are the file names Windows reserves whatever the
// extension (con.go cannot be created there).
var windowsReserved = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}

func reservedOnWindows(s string) bool {
	if windowsReserved[s] {
		return true
	}
	return len(s) == 4 && (s[:3] == "com" || s[:3] == "lpt") && s[3] >= '0' && s[3] <= '9'
}

// fileStem is a file name stem from the last depth+1 elements of a path:
// lower case letters, digits and underscores only.
func fileStem(p string, depth int) string {
	parts := strings.Split(stripExt(path.Clean("/"+p)), "/")
	parts = parts[max(len(parts)-1-depth, 1):]
	var b strings.Builder
	for _, r := range strings.ToLower(strings.Join(parts, "_")) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	s := strings.Trim(b.String(), "_")
	if s == "" {
		s = "page"
	}
	if s[0] >= '0' && s[0] <= '9' {
		s = "page_" + s
	}
	if len(s) > maxStem {
		s = fmt.Sprintf("%s_%08x", strings.TrimRight(s[:maxStem-9], "_"), crc32.ChecksumIEEE([]byte(s)))
	}
	if buildSuffix(s) || reservedOnWindows(s) {
		s += "_page"
	}
	return s
}

// buildSuffix reports whether the go tool would read the name's last
// underscore part(s) as a test file or a build constraint.
func buildSuffix(s string) bool {
	parts := strings.Split(s, "_")
	last := parts[len(parts)-1]
	return last == "test" || knownOS[last] || knownArch[last]
}

var knownOS = map[string]bool{
	"aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true, "hurd": true, "illumos": true,
	"ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true, "openbsd": true, "plan9": true,
	"solaris": true, "wasip1": true, "windows": true, "zos": true,
}

var knownArch = map[string]bool{
	"386": true, "amd64": true, "amd64p32": true, "arm": true, "armbe": true, "arm64": true, "arm64be": true,
	"loong64": true, "mips": true, "mipsle": true, "mips64": true, "mips64le": true, "mips64p32": true,
	"mips64p32le": true, "ppc": true, "ppc64": true, "ppc64le": true, "riscv": true, "riscv64": true,
	"s390": true, "s390x": true, "sparc": true, "sparc64": true, "wasm": true,
}
