package generated

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	_ "github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/rst"
)

// TestSeedExamples decodes the seed page's own example responses into the
// generated types, refusing unknown fields, and requires them to encode
// back to the same JSON: a wrong JSON name, nesting or omitempty fails it.
func TestSeedExamples(t *testing.T) {
	const page = "../spec/ecs/responses_batch_operation.rst"
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := rst.Read(page, src)
	examples := map[string]*doc.Example{}
	for _, ex := range p.Examples {
		examples[ex.Caption] = ex
	}
	tests := []struct {
		caption string
		into    any
	}{
		{"Normal response", new(BatchOperationResponse)},
		{"Abnormal response", new(BatchOperationErrorResponse)},
	}
	for _, tt := range tests {
		t.Run(tt.caption, func(t *testing.T) {
			ex := examples[tt.caption]
			if ex == nil {
				t.Fatalf("no example captioned %q in %s", tt.caption, page)
			}
			dec := json.NewDecoder(bytes.NewReader([]byte(ex.Text)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(tt.into); err != nil {
				t.Fatalf("%s: %v", ex.Pos, err)
			}
			again, err := json.Marshal(tt.into)
			if err != nil {
				t.Fatal(err)
			}
			var want, got any
			if err := json.Unmarshal([]byte(ex.Text), &want); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(again, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("re-encoded JSON differs:\n got %s\nfrom %s", again, ex.Text)
			}
		})
	}
}
