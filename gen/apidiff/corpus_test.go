package apidiff_test

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/apidiff"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/mapfile"
)

// TestCorpus compares the two versions of the ECS API reference in the
// corpus (2022 and today, four years apart) and checks changes read by
// hand in both versions of the pages.
func TestCorpus(t *testing.T) {
	dir := golden.CorpusDir(t)
	old := corpusSet(t, filepath.Join(dir, "ecs-2022", "rst"))
	new := corpusSet(t, filepath.Join(dir, "ecs", "rst"))
	changes := apidiff.Compare(old, new)
	if len(changes) == 0 {
		t.Fatal("no changes between the ECS versions")
	}
	find := func(kind apidiff.Kind, path string) *apidiff.Change {
		for i, c := range changes {
			if c.Kind == kind && c.Path == path {
				return &changes[i]
			}
		}
		return nil
	}
	// Read by hand: the request of "Adding an ECS to the Monitoring
	// List" (apis_recommended/status_management/adding_an_ecs_to_the_
	// monitoring_list.rst) has monitorMetrics of type Null in 2022 and
	// String today.
	if c := find(apidiff.TypeChanged, "request.monitorMetrics"); c == nil {
		t.Errorf("no type-changed request.monitorMetrics")
	} else if c.Old != "json.RawMessage" || c.New != "string" || !c.Breaking ||
		!strings.HasSuffix(c.Pos.File, "ecs/rst/apis_recommended/status_management/adding_an_ecs_to_the_monitoring_list.rst") {
		t.Errorf("monitorMetrics: %+v", *c)
	}
	// The seed page was renamed and retitled (batch_task_request/
	// responses_batch_operation.rst, "Responses (Batch Operation)", is
	// batch_request_results/responses_batch_requests.rst, "Responses
	// (Batch Requests)", same topic 0142195139): only descriptions
	// changed.
	for _, c := range changes {
		if strings.Contains(c.Pos.File, "responses_batch_") && c.Kind != apidiff.DescriptionChanged {
			t.Errorf("renamed seed page: %s", describe(c))
		}
	}
	for _, s := range []apidiff.Set{old, new} {
		if same := apidiff.Compare(s, s); len(same) != 0 {
			t.Errorf("%s against itself: %d change(s), the first %s", s.Root, len(same), describe(same[0]))
		}
	}
	for _, c := range apidiff.Counts(changes) {
		t.Logf("%-20s %4d  %4d breaking", c.Kind, c.Total, c.Breaking)
	}
}

func describe(c apidiff.Change) string {
	return fmt.Sprintf("%s:%d: %s %s %s %q -> %q", c.Pos.File, c.Pos.Line, c.Operation, c.Kind, c.Path, c.Old, c.New)
}

// corpusSet reads and resolves a corpus folder, pages named by their path
// as the command names them.
func corpusSet(t *testing.T, dir string) apidiff.Set {
	t.Helper()
	var inputs []gen.Input
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || gen.FormatOf(p) == "" {
			return err
		}
		data, err := mapfile.Read(p)
		if err != nil {
			return err
		}
		inputs = append(inputs, gen.Input{Path: filepath.ToSlash(p), Data: data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := gen.Resolve(inputs, gen.Options{Package: "ecs"})
	if err != nil {
		t.Fatal(err)
	}
	return apidiff.Set{Package: res.Package, Root: filepath.ToSlash(dir)}
}
