package outdir

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/emit"
	_ "github.com/rst2go/rst2go/gen/golden" // defines -update
)

func TestHeaderLineIsTheEmittersHeader(t *testing.T) {
	if HeaderLine != "// "+emit.Header {
		t.Errorf("HeaderLine %q, emitter writes %q", HeaderLine, "// "+emit.Header)
	}
}

const gen1 = HeaderLine + "\n// Source: a.rst\n\npackage p\n\ntype A struct{}\n"
const gen2 = HeaderLine + "\n// Source: a.rst\n\npackage p\n\ntype A struct{ X int }\n"

// folder writes files into a fresh folder and returns it.
func folder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// listing prints a folder's files with their contents.
func listing(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		b.WriteString(e.Name() + "=" + string(data) + "|")
	}
	return b.String()
}

func TestPlanAndApply(t *testing.T) {
	tests := []struct {
		name    string
		before  map[string]string
		files   []File
		changes string // "op name" per change
		after   map[string]string
		err     string
	}{{
		name:    "new folder",
		files:   []File{{Name: "a.go", Data: []byte(gen1)}},
		changes: "create a.go",
		after:   map[string]string{"a.go": gen1},
	}, {
		name:    "in step",
		before:  map[string]string{"a.go": gen1},
		files:   []File{{Name: "a.go", Data: []byte(gen1)}},
		changes: "",
		after:   map[string]string{"a.go": gen1},
	}, {
		name:    "update ours, keep hand-written files, remove ours whose page is gone",
		before:  map[string]string{"a.go": gen1, "gone.go": gen1, "hand.go": "package p\n", "notes.txt": HeaderLine + "\n", "a_test.go": "package p\n"},
		files:   []File{{Name: "a.go", Data: []byte(gen2)}},
		changes: "update a.go, remove gone.go",
		after:   map[string]string{"a.go": gen2, "hand.go": "package p\n", "notes.txt": HeaderLine + "\n", "a_test.go": "package p\n"},
	}, {
		name:   "a hand-written file in the way: error, nothing changes",
		before: map[string]string{"a.go": "package p // mine\n", "b.go": gen1},
		files:  []File{{Name: "a.go", Data: []byte(gen1)}, {Name: "b.go", Data: []byte(gen2)}},
		err:    "was not written by rst2go",
		after:  map[string]string{"a.go": "package p // mine\n", "b.go": gen1},
	}, {
		name:   "a folder in the way",
		before: map[string]string{"a.go/x": "x"},
		files:  []File{{Name: "a.go", Data: []byte(gen1)}},
		err:    "was not written by rst2go",
		after:  map[string]string{"a.go/x": "x"},
	}, {
		name:  "a name that is a path",
		files: []File{{Name: "../x.go", Data: []byte(gen1)}},
		err:   "not a plain .go file name",
		after: map[string]string{},
	}, {
		name:    "CRLF header still ours",
		before:  map[string]string{"a.go": strings.ReplaceAll(gen1, "\n", "\r\n")},
		files:   nil,
		changes: "remove a.go",
		after:   map[string]string{},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(folder(t, tt.before), "out")
			if tt.before != nil {
				dir = filepath.Dir(dir)
			}
			plan, err := PlanSync(dir, tt.files)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, c := range plan.Changes {
					got = append(got, c.Op.String()+" "+c.Name)
				}
				if s := strings.Join(got, ", "); s != tt.changes {
					t.Errorf("changes %q, want %q", s, tt.changes)
				}
				if err := plan.Apply(); err != nil {
					t.Fatal(err)
				}
			}
			want := folder(t, tt.after)
			if _, err := os.Stat(dir); os.IsNotExist(err) && len(tt.after) == 0 {
				return
			}
			if g, w := listing(t, dir), listing(t, want); g != w {
				t.Errorf("folder after:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

func TestDiff(t *testing.T) {
	dir := folder(t, map[string]string{"a.go": gen1, "gone.go": gen1})
	plan, err := PlanSync(dir, []File{{Name: "a.go", Data: []byte(gen2)}, {Name: "b.go", Data: []byte(gen1)}})
	if err != nil {
		t.Fatal(err)
	}
	d := plan.Diff()
	// The test's folder is outside the working folder: the full path, its
	// leading slash dropped.
	a := strings.TrimLeft(filepath.ToSlash(filepath.Join(dir, "a.go")), "/")
	for _, want := range []string{
		"--- a/" + a + "\n+++ b/" + a + "\n",
		"-type A struct{}\n+type A struct{ X int }\n",
		"--- /dev/null\n",
		"+++ /dev/null\n",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("diff lacks %q:\n%s", want, d)
		}
	}
}

// TestDiffPath: the headers name a file as `git apply` in the working
// folder wants it when the file is below that folder.
func TestDiffPath(t *testing.T) {
	wd := filepath.FromSlash("/home/me/sdk")
	for _, tc := range []struct{ name, want string }{
		{"/home/me/sdk/ecs/types.go", "ecs/types.go"},
		{"/home/me/sdk/types.go", "types.go"},
		{"/home/me/other/types.go", "home/me/other/types.go"},
		{"/home/me/sdk/../sdk2/types.go", "home/me/sdk2/types.go"},
		{"/tmp/out/types.go", "tmp/out/types.go"},
	} {
		if got := diffPath(wd, filepath.FromSlash(tc.name)); got != tc.want {
			t.Errorf("diffPath(%q, %q) = %q, want %q", wd, tc.name, got, tc.want)
		}
	}
	// A relative name is taken from the working folder of the process.
	if got := diffPath("", filepath.Join("ecs", "types.go")); got != "ecs/types.go" {
		t.Errorf("diffPath with no working folder = %q, want ecs/types.go", got)
	}
}

// TestApplyFileMode: generated files get the mode of any file a program
// writes with mode 0644, the umask applied.
func TestApplyFileMode(t *testing.T) {
	dir := t.TempDir()
	plan, err := PlanSync(dir, []File{{Name: "a.go", Data: []byte(gen1)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Apply(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	a, errA := os.Stat(filepath.Join(dir, "a.go"))
	b, errB := os.Stat(filepath.Join(dir, "b.txt"))
	if err := errors.Join(errA, errB); err != nil {
		t.Fatal(err)
	}
	if a.Mode() != b.Mode() {
		t.Errorf("generated file mode %v, want %v", a.Mode(), b.Mode())
	}
}

// TestApplyFailureChangesNothing: when a new file cannot be written (here
// the second of two), the folder is as it was: no file replaced, no
// temporary file left.
func TestApplyFailureChangesNothing(t *testing.T) {
	dir := folder(t, map[string]string{"a.go": gen1, "gone.go": gen1})
	plan, err := PlanSync(dir, []File{{Name: "a.go", Data: []byte(gen2)}, {Name: "b.go", Data: []byte(gen1)}})
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	createTemp = func(name string) (*os.File, error) {
		calls++
		if calls == 2 {
			return nil, errors.New("disk full")
		}
		return createNew(name)
	}
	defer func() { createTemp = createNew }()
	if err := plan.Apply(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Apply: %v, want the write error", err)
	}
	if got, want := listing(t, dir), listing(t, folder(t, map[string]string{"a.go": gen1, "gone.go": gen1})); got != want {
		t.Errorf("folder after a failed Apply:\n%s\nwant:\n%s", got, want)
	}
}
