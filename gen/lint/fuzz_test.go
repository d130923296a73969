package lint

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen"
)

// FuzzCheck: whatever a page holds, generating and linting it gives
// findings, each with a code, and never panics or hangs.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.rst"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		inputs := []gen.Input{{Path: "f.rst", Data: src}}
		res, err := gen.Generate(inputs, gen.Options{Package: "fuzz"})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range Check(res, inputs) {
			if d.Code == "" {
				t.Fatalf("finding without a code: %s", d)
			}
		}
	})
}

// FuzzReadJSON: the forgiving reader never panics or hangs, finds nothing
// wrong in what json.Valid accepts, and something in what it rejects.
func FuzzReadJSON(f *testing.F) {
	for _, s := range []string{
		`{"a": [1, 2.5, {"b": null}], "c": "x\n"}`,
		"{\"a\": 1, // c\n}", `{a: 'b', ...}`, `[1 2,]`, "{\"a\": \"x\ny\"}", `{"a": XXX}`,
		"{}\nOr\n[]", `{"a" 1}`, `[}`, `{]`, `{"a": }`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, ps := readJSON(s)
		valid := json.Valid([]byte(s))
		if valid && len(ps) > 0 {
			t.Fatalf("json.Valid accepts %q but the reader reports %q", s, problems(ps))
		}
		if !valid && len(ps) == 0 && strings.TrimSpace(s) != "" {
			t.Fatalf("json.Valid rejects %q but the reader finds nothing wrong", s)
		}
	})
}
