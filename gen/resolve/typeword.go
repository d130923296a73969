package resolve

import (
	"regexp"
	"strings"
	"sync"

	"github.com/rst2go/rst2go/gen/ir"
)

// wordKind is what a Type cell says a value is.
type wordKind int

const (
	emptyWord   wordKind = iota // no Type column, or an empty cell
	scalarWord                  // scalar holds the Go type
	objectWord                  // an object: its table, or free-form
	arrayWord                   // elem holds the element (nil: not said)
	mapWord                     // elem holds the value type
	rawWord                     // any JSON value (AnyType, Null, File)
	unknownWord                 // a word we do not know
)

// typeWord is a parsed Type cell.
type typeWord struct {
	kind   wordKind
	scalar *ir.GoType
	elem   *typeWord
	// name is the object name the cell gives ("BackupResp" in
	// "BackupResp object", "label" in "List<label>", "Panel" alone), in its
	// original case.
	name string
	// linked is set for a word that says the value is the linked table
	// ("OBJECT_REFERENCE"): a missing table is worth a warning.
	linked bool
}

// scalarWords maps a folded, singular scalar type word to its Go type.
// The spellings are those of the documentation family.
var scalarWords = map[string]*ir.GoType{
	"string": ir.String, "str": ir.String, "char": ir.String, "text": ir.String,
	"uuid": ir.String, "date": ir.String, "datetime": ir.String, "date-time": ir.String,
	"time": ir.String, "enum": ir.String, "password": ir.String, "timestamp": ir.String,
	"integer": ir.Int, "int": ir.Int, "int32": ir.Int, "short": ir.Int,
	"int64": ir.Int64, "long": ir.Int64, "biginteger": ir.Int64,
	"number": ir.Float64, "float": ir.Float64, "double": ir.Float64, "decimal": ir.Float64,
	"bigdecimal": ir.Float64, "float32": ir.Float64, "float64": ir.Float64,
	"boolean": ir.Bool, "bool": ir.Bool,
}

var objectWords = map[string]bool{
	"object": true, "jsonobject": true, "json object": true, "dict": true, "dictionary": true,
	"struct": true, "structure": true, "map": true, "hash": true,
}

var arrayWords = map[string]bool{"array": true, "list": true, "jsonarray": true, "json array": true, "set": true}

var rawWords = map[string]bool{"anytype": true, "any": true, "json": true, "null": true, "file": true, "binary": true}

var (
	// "String(64)", "string (1-255)", "Integer[0-100]": a scalar with a size
	// or range.
	sizedScalar = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([a-z0-9-]+)\s*[(\[][^)\]]+[)\]]$`) })
	genericType = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(map|list|array|set)\s*[<(\[](.*)[>)\]]$`) })
	arrayOf     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:array|list|set)s? of (.*)$`) })
	trailingArr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(.*?)\s*(?:\[\]|array|list)$`) })
	namedObject = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(.+?)\s+objects?$`) })
	dataStruct  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(dict|dictionary|list|array)\b.*data structure`) })
	// "ARRAY_REFERENCE", "Object reference": the linked table, or an
	// array of it.
	referenceTo = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(array|list|object|dict|struct)[ _-]ref(?:erence)?s?$`)
	})
	// A word that is only a name ("Panel", "label" in "List<label>").
	bareName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_]*$`) })
	// The first sentence of a cell that goes on ("Array. For details, see
	// Table 2."): the sentence after it belongs to the description.
	sentenceEnd = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\.\s+[A-Z]`) })
)

// parseTypeWord reads a Type cell: case-insensitive, spacing folded,
// plurals folded. See README for the full mapping.
func parseTypeWord(text string) *typeWord {
	orig := strings.Join(strings.Fields(text), " ")
	if loc := sentenceEnd().FindStringIndex(orig); loc != nil {
		orig = orig[:loc[0]]
	}
	orig = strings.TrimRight(orig, ".;,")
	folded := strings.ToLower(orig)
	if len(folded) != len(orig) {
		orig = folded // keep byte offsets of both in step
	}
	return parseFolded(folded, orig, 0)
}

func parseFolded(s, orig string, depth int) *typeWord {
	s, orig = strings.TrimSpace(s), strings.TrimSpace(orig)
	if depth > 8 {
		return &typeWord{kind: unknownWord}
	}
	switch {
	case s == "" || s == "-":
		return &typeWord{kind: emptyWord}
	case rawWords[s]:
		return &typeWord{kind: rawWord}
	}
	if g := scalarOf(s); g != nil {
		return &typeWord{kind: scalarWord, scalar: g}
	}
	if objectWords[s] || objectWords[singular(s)] {
		if strings.HasPrefix(s, "map") {
			return &typeWord{kind: mapWord, elem: &typeWord{kind: rawWord}}
		}
		return &typeWord{kind: objectWord}
	}
	if arrayWords[s] || arrayWords[singular(s)] {
		return &typeWord{kind: arrayWord}
	}
	if m := referenceTo().FindStringSubmatch(s); m != nil {
		if m[1] == "list" || m[1] == "array" {
			return &typeWord{kind: arrayWord}
		}
		return &typeWord{kind: objectWord, linked: true}
	}
	if m := dataStruct().FindStringSubmatch(s); m != nil {
		if m[1] == "list" || m[1] == "array" {
			return &typeWord{kind: arrayWord, elem: &typeWord{kind: objectWord}}
		}
		return &typeWord{kind: objectWord}
	}
	if m := genericType().FindStringSubmatch(s); m != nil {
		inner := m[2]
		innerOrig := orig[len(orig)-len(inner)-1 : len(orig)-1]
		if m[1] == "map" {
			_, value, ok := splitTopComma(inner)
			_, valueOrig, _ := splitTopComma(innerOrig)
			if !ok {
				return &typeWord{kind: mapWord, elem: &typeWord{kind: rawWord}}
			}
			return &typeWord{kind: mapWord, elem: parseGenericArg(value, valueOrig, depth+1)}
		}
		return &typeWord{kind: arrayWord, elem: parseGenericArg(inner, innerOrig, depth+1)}
	}
	if m := arrayOf().FindStringSubmatch(s); m != nil {
		return &typeWord{kind: arrayWord, elem: parseFolded(m[1], orig[len(orig)-len(m[1]):], depth+1)}
	}
	if m := namedObject().FindStringSubmatch(s); m != nil {
		name := orig[:len(m[1])]
		if t := parseFolded(m[1], name, depth+1); t.kind == objectWord || t.kind == emptyWord {
			return &typeWord{kind: objectWord}
		}
		return &typeWord{kind: objectWord, name: name}
	}
	if m := trailingArr().FindStringSubmatch(s); m != nil && m[1] != "" {
		return &typeWord{kind: arrayWord, elem: parseFolded(m[1], orig[:len(m[1])], depth+1)}
	}
	if bareName().MatchString(s) {
		// Unknown, but it may name the table ("Panel", with a table
		// titled "Panel field description").
		return &typeWord{kind: unknownWord, name: orig}
	}
	return &typeWord{kind: unknownWord}
}

// parseGenericArg reads a type argument: "String" in "List<String>", and
// a name the family writes there for an object ("label" in
// "List<label>", as "Array of label objects" would say).
func parseGenericArg(s, orig string, depth int) *typeWord {
	w := parseFolded(s, orig, depth)
	if w.kind == unknownWord && w.name != "" {
		return &typeWord{kind: objectWord, name: w.name}
	}
	return w
}

// scalarOf reads a scalar word, also with a size ("String(64)") or in
// the plural ("Strings").
func scalarOf(s string) *ir.GoType {
	if g, ok := scalarWords[s]; ok {
		return g
	}
	if g, ok := scalarWords[singular(s)]; ok {
		return g
	}
	if m := sizedScalar().FindStringSubmatch(s); m != nil {
		return scalarWords[m[1]]
	}
	return nil
}

func singular(s string) string {
	if strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") {
		return strings.TrimSuffix(s, "s")
	}
	return s
}

// splitTopComma splits "string,list<string>" at the first comma outside
// angle brackets.
func splitTopComma(s string) (string, string, bool) {
	depth := 0
	for i, r := range s {
		switch r {
		case '<':
			depth++
		case '>':
			depth--
		case ',':
			if depth == 0 {
				return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:]), true
			}
		}
	}
	return s, "", false
}
