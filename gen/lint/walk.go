package lint

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
)

// walker compares one example's JSON with the Go type of its table, the
// way encoding/json will decode it: a key must name a field, a value must
// fit the field's Go type. Each finding is reported once per example and
// place in the schema (not once per array element).
type walker struct {
	c     *checker
	body  exampleBody
	table *doc.Table // the example's table
	seen  map[string]bool
	depth int // wrapping keys looked inside (see object)
}

func (w *walker) once(key string) bool {
	if w.seen[key] {
		return false
	}
	w.seen[key] = true
	return true
}

// value checks v against t; f is the field v is the value of (nil for the
// root), path the keys leading to v ("server.tags[]").
func (w *walker) value(v *jsonValue, t *ir.GoType, f *ir.Field, path string) {
	for depth := 0; t != nil && t.Kind == ir.Pointer && depth < 32; depth++ {
		t = t.Elem
	}
	if v == nil || t == nil || v.kind == jsonNull || v.kind == jsonBad {
		return
	}
	switch t.Kind {
	case ir.Builtin:
		w.scalar(v, t, f, path)
	case ir.Named:
		if u := t.Ref.Underlying; u != nil {
			w.value(v, u, f, path)
			if t.Ref.Enum != nil {
				w.enumValue(v, t.Ref, path)
			}
			return
		}
		if v.kind != jsonObject {
			w.mismatch(v, f, path, "an object")
			return
		}
		w.object(v, t.Ref, path)
	case ir.Slice:
		if v.kind != jsonArray {
			w.mismatch(v, f, path, "an array")
			return
		}
		for _, e := range v.elems {
			w.value(e, t.Elem, f, path+"[]")
		}
	case ir.Map:
		if v.kind != jsonObject {
			w.mismatch(v, f, path, "an object")
			return
		}
		if t.Elem != nil && t.Elem.Kind == ir.Any && f != nil && f.Param != nil && !explicitMap(f.Param) {
			w.nesting(v, f, path)
			return
		}
		for _, m := range v.members {
			w.value(m.value, t.Elem, f, path+"{}")
		}
	case ir.Qualified:
		// time.Time decodes from an RFC 3339 string only.
		if t.Path == "time" && t.Name == "Time" {
			if v.kind != jsonString {
				w.mismatch(v, f, path, "a string")
			} else {
				w.timeValue(v, f, time.RFC3339, path)
			}
		}
	case ir.RawJSON:
		// Any value decodes; but an object here is structure the
		// tables do not describe.
		if f != nil && f.Param != nil && (v.kind == jsonObject || v.kind == jsonArray) {
			w.nesting(v, f, path)
		}
	}
}

// enumValue checks that a string or integer value of an enum type is one
// of the documented values. A value of the wrong kind was reported as a
// type mismatch already.
func (w *walker) enumValue(v *jsonValue, t *ir.Type, path string) {
	want := jsonString
	if t.Enum.Base.Name != "string" {
		want = jsonNumber
	}
	if v.kind != want {
		return
	}
	var values []string
	for _, ev := range t.Enum.Values {
		if ev.Value == v.text {
			return
		}
		if want == jsonString {
			values = append(values, strconv.Quote(ev.Value))
		} else {
			values = append(values, ev.Value)
		}
	}
	if !w.once("enum " + path) {
		return
	}
	what := describe(v)
	if v.kind == jsonString && len(v.text) <= 60 {
		what = "the string " + strconv.Quote(v.text) // exactly: " MANUAL" is no MANUAL
	}
	w.c.diags.Warnf(w.body.pos(v.off), "example-enum-value", "example value %s is %s, not one of the documented values of %s (%s)", quotePath(path), what, t.GoName, strings.Join(values, ", "))
}

// timeValue checks a date-time string against the layout its row
// documents (or RFC 3339, which time.Time decodes).
func (w *walker) timeValue(v *jsonValue, f *ir.Field, layout, path string) {
	if _, err := time.Parse(layout, v.text); err == nil {
		return
	}
	if !w.once("time " + path) {
		return
	}
	format := "RFC 3339 (yyyy-mm-ddThh:mm:ss with Z or ±hh:mm)"
	if layout != time.RFC3339 {
		format = "yyyy-mm-ddThh:mm:ss (no zone)"
	}
	w.c.diags.Warnf(w.body.pos(v.off), "example-time-format", "example value %s is %s, not a date-time in the documented format %s", quotePath(path), describe(v), format)
}

// explicitMap reports whether a row's Type cell says it is a map
// ("Map<String,Object>"): its keys are data, not structure.
func explicitMap(p *doc.Param) bool {
	return strings.Contains(strings.ToLower(p.Type), "map")
}

// scalar checks a value against a predeclared Go type.
func (w *walker) scalar(v *jsonValue, t *ir.GoType, f *ir.Field, path string) {
	switch {
	case t.Name == "string":
		if v.kind != jsonString {
			w.mismatch(v, f, path, "a string")
		} else if f != nil && f.TimeLayout != "" {
			w.timeValue(v, f, f.TimeLayout, path)
		}
	case t.Name == "bool":
		if v.kind != jsonBool {
			w.mismatch(v, f, path, "a boolean")
		}
	case strings.HasPrefix(t.Name, "int") || strings.HasPrefix(t.Name, "uint"):
		if v.kind != jsonNumber {
			w.mismatch(v, f, path, "an integer")
		} else if _, err := strconv.ParseInt(v.text, 10, 64); err != nil {
			w.mismatch(v, f, path, "an integer")
		}
	case strings.HasPrefix(t.Name, "float"):
		if v.kind != jsonNumber {
			w.mismatch(v, f, path, "a number")
		}
	}
}

// describe says what a JSON value is, quoting short scalars.
func describe(v *jsonValue) string {
	switch v.kind {
	case jsonObject:
		return "an object"
	case jsonArray:
		return "an array"
	case jsonString:
		return "the string " + quoteCut(v.text)
	case jsonNumber:
		return "the number " + v.text
	case jsonBool:
		return v.text
	}
	return "a " + v.kind.String()
}

func (w *walker) mismatch(v *jsonValue, f *ir.Field, path, want string) {
	if !w.once("type " + path) {
		return
	}
	row := "its row gives no type"
	switch {
	case f == nil:
		row = fmt.Sprintf("%s describes an object", tableName(w.table))
	case f.Param != nil && f.Param.Type != "":
		row = fmt.Sprintf("its row says %q", f.Param.Type)
	}
	w.c.diags.Warnf(w.body.pos(v.off), "example-type-mismatch", "example value %s is %s, not %s: %s", quotePath(path), describe(v), want, row)
}

func quotePath(path string) string {
	if path == "" {
		return "at the top"
	}
	return strconv.Quote(path)
}

// object checks an object's keys against a struct's fields.
func (w *walker) object(v *jsonValue, t *ir.Type, path string) {
	if t == nil {
		return
	}
	present := map[*ir.Field]bool{}
	for _, m := range v.members {
		f, exact := fieldFor(t, m.key)
		keyPath := joinPath(path, m.key)
		switch {
		case f == nil:
			inside := wraps(m.value, t)
			if w.once("key " + keyPath) {
				hint := ""
				if inside {
					hint = fmt.Sprintf("; its value has the table's keys: the table may describe what is inside %q", m.key)
				}
				w.c.diags.Warnf(w.body.pos(m.keyOff), "example-unknown-key", "example key %q is not in %s%s", m.key, tableName(t.Table), hint)
			}
			if inside && w.depth < 8 {
				// Check what is inside against the table too: its
				// values may disagree with the rows as well.
				w.depth++
				if m.value.kind == jsonArray {
					for _, e := range m.value.elems {
						if e != nil && e.kind == jsonObject {
							w.object(e, t, keyPath+"[]")
						}
					}
				} else {
					w.object(m.value, t, keyPath)
				}
				w.depth--
			}
			continue
		case !exact:
			if w.once("case " + keyPath) {
				w.c.diags.Warnf(w.body.pos(m.keyOff), "example-unknown-key", "example key %q is not in %s, which has %q (encoding/json folds case, the service may not)", m.key, tableName(t.Table), f.JSONName)
			}
		}
		present[f] = true
		if !f.Skip {
			w.value(m.value, f.Type, f, keyPath)
		}
	}
	var missing []string
	for _, f := range fields(t) {
		if !present[f] && !f.Skip && f.Param != nil && f.Param.Mandatory == doc.MandatoryYes {
			missing = append(missing, strconv.Quote(f.JSONName))
		}
	}
	if len(missing) > 0 && w.once("missing "+path) {
		what := missing[0]
		switch n := len(missing); {
		case n > 4:
			what = fmt.Sprintf("%s and %d more", strings.Join(missing[:3], ", "), n-3)
		case n > 1:
			what = strings.Join(missing[:n-1], ", ") + " and " + missing[n-1]
		}
		w.c.diags.Warnf(w.body.pos(v.off), "example-missing-key", "example object %s lacks %s, mandatory in %s", quotePath(path), what, tableName(t.Table))
	}
}

// wraps reports whether a value the table does not list holds an object
// with the table's own keys, as when the table describes the inside of
// the example's one wrapping key ({"networks": [...]}).
func wraps(v *jsonValue, t *ir.Type) bool {
	if v != nil && v.kind == jsonArray && len(v.elems) > 0 {
		v = v.elems[0]
	}
	if v == nil || v.kind != jsonObject || len(v.members) == 0 {
		return false
	}
	known := 0
	for _, m := range v.members {
		if f, _ := fieldFor(t, m.key); f != nil {
			known++
		}
	}
	return known >= min(2, len(fields(t))) && 2*known >= len(v.members)
}

// fieldFor finds the field a key decodes into: the field of that JSON
// name, else (as encoding/json does) one whose name matches folding case.
// A field tagged `json:"-"` decodes nothing, but its key is documented.
func fieldFor(t *ir.Type, key string) (*ir.Field, bool) {
	for _, f := range fields(t) {
		if f.JSONName == key {
			return f, true
		}
	}
	for _, f := range fields(t) {
		if !f.Skip && strings.EqualFold(f.JSONName, key) {
			return f, false
		}
	}
	return nil, false
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// nesting reports an object (or array of objects) in the example where the
// row has no table: structure only the example shows.
//
// A flat object of scalars under a row that says just "Object" is a
// free-form dictionary (metadata, tags by key), not hidden structure.
func (w *walker) nesting(v *jsonValue, f *ir.Field, path string) {
	if v.kind == jsonObject && flat(v) && objectWords[strings.ToLower(strings.Join(strings.Fields(f.Param.Type), " "))] {
		return
	}
	keys := nestedKeys(v, 4)
	if len(keys) == 0 || !w.once("nest "+path) {
		return
	}
	row := "its row"
	if f.Param.Type != "" {
		row = fmt.Sprintf("its row (%q)", f.Param.Type)
	}
	w.c.diags.Warnf(w.body.pos(v.off), "example-undocumented-nesting", "example value %s is %s with keys %s; %s has no table for them", quotePath(path), describe(v), strings.Join(keys, ", "), row)
}

// nestedKeys lists up to n keys of the objects in v, quoted, or none when
// v holds no object with keys.
func nestedKeys(v *jsonValue, n int) []string {
	var keys []string
	seen := map[string]bool{}
	var visit func(v *jsonValue, depth int)
	visit = func(v *jsonValue, depth int) {
		if v == nil || depth > 2 {
			return
		}
		for _, m := range v.members {
			if !seen[m.key] {
				seen[m.key] = true
				keys = append(keys, strconv.Quote(m.key))
			}
		}
		if v.kind == jsonArray {
			for _, e := range v.elems {
				visit(e, depth+1)
			}
		}
	}
	visit(v, 0)
	if len(keys) > n {
		keys = append(keys[:n], "...")
	}
	return keys
}

// objectWords are Type cells that say "an object" and no more.
var objectWords = map[string]bool{
	"object": true, "json object": true, "jsonobject": true, "dict": true, "dictionary": true, "map": true,
}

// flat reports whether an object's members are all scalars.
func flat(v *jsonValue) bool {
	for _, m := range v.members {
		if m.value != nil && (m.value.kind == jsonObject || m.value.kind == jsonArray) {
			return false
		}
	}
	return true
}
