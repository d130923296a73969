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
	find := func(operation string, kind apidiff.Kind, path string) *apidiff.Change {
		for i, c := range changes {
			if c.Operation == operation && c.Kind == kind && c.Path == path {
				return &changes[i]
			}
		}
		t.Errorf("no %s %s %s", operation, kind, path)
		return nil
	}
	check := func(c *apidiff.Change, old, new string, breaking bool, file string, line int) {
		t.Helper()
		if c == nil {
			return
		}
		if c.Old != old || c.New != new || c.Breaking != breaking || !strings.HasSuffix(c.Pos.File, file) || c.Pos.Line != line {
			t.Errorf("got %s (breaking %v)\nwant %q -> %q (breaking %v) at %s:%d", describe(*c), c.Breaking, old, new, breaking, file, line)
		}
	}
	// Read by hand in both versions. An operation added: "Querying NICs
	// of an ECS" (apis_recommended/nic_management/listing_nics_of_an_ecs.rst)
	// is new; 2022 has only the native OpenStack /v2 and /v2.1
	// .../servers/{server_id}/os-interface.
	check(find("GET /v1/{project_id}/cloudservers/{server_id}/os-interface", apidiff.OperationAdded, ""),
		"", "ListECSNICs", false, "ecs/rst/apis_recommended/nic_management/listing_nics_of_an_ecs.rst", 16)
	// Fields added to a request: "Attaching a Disk to an ECS" gains
	// dry_run (Boolean, optional) beside volumeAttachment, whose table
	// gains volume_type, count (Integer) and hw:passthrough, all optional.
	attach := "POST /v1/{project_id}/cloudservers/{server_id}/attachvolume"
	page := "ecs/rst/apis_recommended/disk_management/attaching_a_disk_to_an_ecs.rst"
	check(find(attach, apidiff.FieldAdded, "request.dry_run"), "", "*bool", false, page, 43)
	check(find(attach, apidiff.FieldAdded, "request.volumeAttachment.volume_type"), "", "string", false, page, 68)
	check(find(attach, apidiff.FieldAdded, "request.volumeAttachment.count"), "", "*int", false, page, 70)
	check(find(attach, apidiff.FieldAdded, "request.volumeAttachment.hw:passthrough"), "", "string", false, page, 72)
	// A type change: the request of "Adding an ECS to the Monitoring
	// List" has monitorMetrics of type Null in 2022, String today.
	check(find("POST /v1.0/servers/{server_id}/action", apidiff.TypeChanged, "request.monitorMetrics"),
		"json.RawMessage", "string", true, "ecs/rst/apis_recommended/status_management/adding_an_ecs_to_the_monitoring_list.rst", 44)
	// Enum values: the system and data disk volumetype of "Creating an
	// ECS" lists SSD, SAS, SATA, co-p1 and uh-l1 in 2022; "Creating ECSs"
	// today gives ESSD, GPSSD2, GPSSD, SSD, SAS and SATA as its Range.
	create := "POST /v1/{project_id}/cloudservers"
	for _, c := range changes {
		if c.Operation == create && c.Path == "request.server.root_volume.volumetype" && c.Kind == apidiff.EnumValueRemoved && c.Old == "co-p1" {
			check(&c, "co-p1", "", true, "ecs-2022/rst/apis_recommended/lifecycle_management/creating_an_ecs.rst", 300)
		}
		if c.Operation == create && c.Path == "request.server.root_volume.volumetype" && c.Kind == apidiff.EnumValueAdded && c.New == "GPSSD" {
			check(&c, "", "GPSSD", false, "ecs/rst/apis_recommended/lifecycle_management/creating_ecss.rst", 665)
		}
	}
	var volumetype []string
	for _, c := range changes {
		if c.Operation == create && c.Path == "request.server.root_volume.volumetype" && c.Kind != apidiff.DescriptionChanged {
			volumetype = append(volumetype, string(c.Kind)+" "+c.Old+c.New)
		}
	}
	if got, want := strings.Join(volumetype, ", "), "enum-value-added ESSD, enum-value-added GPSSD, enum-value-added GPSSD2, enum-value-removed co-p1, enum-value-removed uh-l1"; got != want {
		t.Errorf("root_volume.volumetype: got %s, want %s", got, want)
	}
	// Renamed pages report nothing of their own: "Creating an ECS"
	// (lifecycle_management/creating_an_ecs.rst) is "Creating ECSs"
	// (creating_ecss.rst) today, the same operation; the seed page
	// (batch_task_request/responses_batch_operation.rst, "Responses (Batch
	// Operation)") is batch_request_results/responses_batch_requests.rst,
	// "Responses (Batch Requests)", same topic, no operation: only
	// descriptions changed on it.
	seedDescs := 0
	for _, c := range changes {
		if c.Operation == "POST /v1/{project_id}/cloudservers" && (c.Kind == apidiff.OperationAdded || c.Kind == apidiff.OperationRemoved) {
			t.Errorf("renamed page: %s", describe(c))
		}
		if strings.Contains(c.Pos.File, "responses_batch_") {
			if c.Kind != apidiff.DescriptionChanged {
				t.Errorf("renamed seed page: %s", describe(c))
			}
			seedDescs++
		}
	}
	// The seed page's tables were paired, not taken as one removed and
	// one added: "a request is successfully submitted" became "a batch
	// request is successfully submitted" in the response field's
	// description.
	if c := find("", apidiff.DescriptionChanged, "response.response"); c == nil || seedDescs == 0 ||
		!strings.HasSuffix(c.Pos.File, "common_parameters/batch_request_results/responses_batch_requests.rst") {
		t.Errorf("the seed page's tables were not paired")
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
