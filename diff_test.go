package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiff checks -diff's exit statuses and reports on the seed page:
// testdata/diff/seed/old is a copy of spec/ecs/responses_batch_operation.rst,
// new the same copy with one planted breaking change (the id of an
// internalError element, String in the docs, made Number).
func TestDiff(t *testing.T) {
	old := filepath.Join("testdata", "diff", "seed", "old")
	new := filepath.Join("testdata", "diff", "seed", "new")
	seed, err := os.ReadFile(filepath.Join("spec", "ecs", "responses_batch_operation.rst"))
	if err != nil {
		t.Fatal(err)
	}
	if copied, err := os.ReadFile(filepath.Join(old, "responses_batch_operation.rst")); err != nil || !bytes.Equal(copied, seed) {
		t.Fatalf("%s is not a copy of the seed page (err %v)", old, err)
	}
	empty := t.TempDir()
	badCfg := filepath.Join(t.TempDir(), "bad.yaml")
	write(t, badCfg, "typewords:\n  Date: time.Time\n")
	cfg := filepath.Join(t.TempDir(), "rst2go.yaml")
	write(t, cfg, "fields:\n  - type: InternalError\n    param: id\n    goType: int64\n")
	const planted = "Breaking changes (1):\n\nresponses_batch_operation.rst (no operation)\n" +
		"  testdata/diff/seed/new/responses_batch_operation.rst:62: type-changed error-response.internalError[].id: string -> float64\n\n" +
		"1 change(s), 1 breaking.\n  type-changed             1  (1 breaking)\n"
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{"same set twice", []string{"-diff", old, old}, 0, "No API changes.\n", ""},
		{"one file against its folder", []string{"-diff", filepath.Join(old, "responses_batch_operation.rst"), old}, 0, "No API changes.\n", ""},
		{"the seed against its HTML twin", []string{"-diff", filepath.Join("spec", "ecs"), filepath.Join("gen", "testdata", "seed_formats", "responses_batch_operation.html")}, 0, "No API changes.\n", ""},
		{"the seed against its copied text", []string{"-diff", filepath.Join("spec", "ecs"), filepath.Join("gen", "testdata", "seed_formats", "responses_batch_operation.txt")}, 0, "No API changes.\n", ""},
		{"planted breaking change", []string{"-diff", old, new}, 1, planted, ""},
		// The settings give the planted field one Go type in both
		// versions: nothing changed for the SDK.
		{"config applied to both", []string{"-diff", "-config", cfg, old, new}, 0, "No API changes.\n", ""},
		{"bad config", []string{"-diff", "-config", badCfg, old, new}, 2, "", `unknown key "typewords"`},
		{"json", []string{"-diff", "-json", old, new}, 1,
			`{"operation":"","page":"responses_batch_operation.rst","kind":"type-changed","path":"error-response.internalError[].id",` +
				`"old":"string","new":"float64","breaking":true,"file":"testdata/diff/seed/new/responses_batch_operation.rst","line":62}` + "\n", ""},
		{"markdown", []string{"-diff", "-md", old, new}, 1, "", ""},
		{"reversed", []string{"-diff", new, old}, 1, "", ""},
		{"one set", []string{"-diff", old}, 2, "", "-diff takes two doc sets, OLD and NEW (got 1 argument(s))"},
		{"missing set", []string{"-diff", old, filepath.Join(empty, "missing")}, 2, "", "-diff NEW set " + filepath.Join(empty, "missing") + ": stat"},
		{"empty set", []string{"-diff", empty, new}, 2, "", "-diff OLD set " + empty + ": no pages (want files ending in"},
		{"two formats", []string{"-diff", "-json", "-md", old, new}, 2, "", "-json and -md"},
		{"with another mode", []string{"-diff", "-lint", old, new}, 2, "", "-diff and -lint cannot be used together"},
		{"bad format", []string{"-diff", "-format", "pdf", old, new}, 2, "", `unknown -format "pdf"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, stderr.String())
			}
			if tt.wantStdout != "" && stdout.String() != tt.wantStdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), tt.wantStdout)
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.wantStderr)
			}
			if tt.wantCode == 1 && !strings.Contains(stdout.String(), "internalError[].id") {
				t.Errorf("stdout does not name the change:\n%s", stdout.String())
			}
		})
	}
}
