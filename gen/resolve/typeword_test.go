package resolve

import (
	"testing"

	_ "github.com/rst2go/rst2go/gen/golden" // defines -update
)

// describe prints a parsed type word compactly: "int", "[]string",
// "map[raw]", "object BackupResp", "[]object", "[]?" (array, element not
// said), "raw", "unknown", "empty".
func describe(w *typeWord) string {
	if w == nil {
		return "?"
	}
	switch w.kind {
	case emptyWord:
		return "empty"
	case scalarWord:
		return w.scalar.String()
	case objectWord:
		if w.name != "" {
			return "object " + w.name
		}
		return "object"
	case arrayWord:
		return "[]" + describe(w.elem)
	case mapWord:
		return "map[" + describe(w.elem) + "]"
	case rawWord:
		return "raw"
	}
	return "unknown"
}

// TestParseTypeWord holds the spellings met in the family's Type cells
// (and the README's mapping table) to their reading.
func TestParseTypeWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "empty"},
		{"-", "empty"},
		{"String", "string"},
		{"string", "string"},
		{"  STRING. ", "string"},
		{"String(64)", "string"},
		{"string (1-255)", "string"},
		{"Integer", "int"},
		{"Integer[0-100]", "int"},
		{"int32", "int"},
		{"Long", "int64"},
		{"int64", "int64"},
		{"Float", "float64"},
		{"Double", "float64"},
		{"Number", "float64"},
		{"BigDecimal", "float64"},
		{"Boolean", "bool"},
		{"bool", "bool"},
		{"Timestamp", "string"},
		{"Object", "object"},
		{"JSON object", "object"},
		{"Dict", "object"},
		{"Array", "[]?"},
		{"List", "[]?"},
		{"Array of strings", "[]string"},
		{"Array of Strings", "[]string"},
		{"array of integers", "[]int"},
		{"Array of objects", "[]object"},
		{"Array  of   objects", "[]object"},
		{"List<String>", "[]string"},
		{"Array[String]", "[]string"},
		{"String array", "[]string"},
		{"string[]", "[]string"},
		{"Map<String,String>", "map[string]"},
		{"Map<String, List<String>>", "map[[]string]"},
		{"Map", "map[raw]"},
		{"map", "map[raw]"},
		{"BackupResp object", "object BackupResp"},
		{"Array of BackupResp objects", "[]object BackupResp"},
		{"Array of ServerTag objects", "[]object ServerTag"},
		{"Dictionary data structure", "object"},
		{"List data structure", "[]object"},
		{"AnyType", "raw"},
		{"File", "raw"},
		{"Null", "raw"},
		{"Erroneous word", "unknown"},
		{"Panel", "unknown"},
		{"ARRAY_REFERENCE", "[]?"},
		{"Array reference", "[]?"},
		{"LIST_REF", "[]?"},
		{"OBJECT_REFERENCE", "object"},
		{"List<label>", "[]object label"},
		{"Array<Label>", "[]object Label"},
		{"Map<String,label_set>", "map[object label_set]"},
		{"Array. For details, see Table 2.", "[]?"},
		{"Object. See Table 4 and Table 5.", "object"},
		{"Integer. The value ranges from 1 to 10.", "int"},
		{"Array of erroneous", "[]unknown"},
	}
	for _, tt := range tests {
		if got := describe(parseTypeWord(tt.in)); got != tt.want {
			t.Errorf("parseTypeWord(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	// A bare unknown word keeps its name: it may be the table's.
	if w := parseTypeWord("Panel"); w.name != "Panel" {
		t.Errorf("parseTypeWord(Panel).name = %q", w.name)
	}
	if w := parseTypeWord("OBJECT_REFERENCE"); !w.linked {
		t.Error("OBJECT_REFERENCE is not read as a linked table")
	}
}

// TestParseTypeWordDepth: nesting is cut off, not followed without end.
func TestParseTypeWordDepth(t *testing.T) {
	s := "String"
	for range 50 {
		s = "List<" + s + ">"
	}
	got := describe(parseTypeWord(s))
	if len(got) > 40 || got[len(got)-len("unknown"):] != "unknown" {
		t.Errorf("deep nesting read as %s", got)
	}
}
