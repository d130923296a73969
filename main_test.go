package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/lock"
)

// TestGeneratedInStep regenerates generated/ from spec/ in memory and
// requires the committed files to match (make generate rewrites them).
func TestGeneratedInStep(t *testing.T) {
	inputs, opened, err := readInputs([]string{"spec"}, "", moduleRoot("generated", true), defaultMaxSize)
	if err != nil {
		t.Fatal(err)
	}
	defer closeInputs(os.Stderr, opened, 0, nil)
	names, diags, err := readLock("generated")
	if err != nil || diags.HasErrors() {
		t.Fatalf("generated/%s: %v %v", lock.FileName, err, diags)
	}
	res, err := gen.Generate(inputs, gen.Options{Package: "generated", Lock: names})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, f := range append(res.Files, gen.Output{Name: lock.FileName, Data: res.Lock}) {
		want[f.Name] = true
		path := filepath.Join("generated", f.Name)
		if *golden.Update {
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		committed, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v: run make generate", err)
			continue
		}
		if !bytes.Equal(committed, f.Data) {
			t.Errorf("%s is stale: run make generate\n%s", path, golden.FirstDiff(string(committed), string(f.Data)))
		}
	}
	entries, err := os.ReadDir("generated")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") && !want[e.Name()] {
			t.Errorf("generated/%s has no page in spec/ any more: run make generate", e.Name())
		}
	}
}

// TestRun checks the command's exit statuses and messages.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.rst")
	broken := filepath.Join(dir, "broken.rst")
	write(t, page, "Getting a Thing\n===============\n\nResponse\n--------\n\n"+
		"========= ====== ===========\nParameter Type   Description\n========= ====== ===========\nid        String The ID.\n========= ====== ===========\n")
	write(t, broken, "Broken\n======\n\nResponse\n--------\n\n"+
		"========= ====== ===========\nParameter Type   Description\n========= ====== ===========\nid        Wibble The ID.\n========= ====== ===========\n")
	out := filepath.Join(dir, "out")
	out2 := filepath.Join(dir, "out2") // a run owns its folder: other pages, other folder
	cfg, badCfg := filepath.Join(dir, "rst2go.yaml"), filepath.Join(dir, "bad.yaml")
	write(t, cfg, "types:\n  - page: page\n    table: Response\n    name: Thing\n")
	write(t, badCfg, "typewords:\n  Date: time.Time\n")
	empty := filepath.Join(dir, "empty") // a docs folder not checked out
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	handWritten := filepath.Join(dir, "hand")
	if err := os.Mkdir(handWritten, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(handWritten, "client.go"), "// Package ecs is written by hand.\npackage ecs\n")
	write(t, filepath.Join(handWritten, "client_test.go"), "package ecs_test\n")
	write(t, filepath.Join(handWritten, "internal_test.go"), "package ecs\n")
	handTest := filepath.Join(dir, "handtest")
	if err := os.Mkdir(handTest, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(handTest, "client_test.go"), "package ecs_test\n")
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
		wantStdout string
	}{
		{"no paths", []string{}, 2, "usage: rst2go", ""},
		{"bad flag", []string{"-nope", page}, 2, "flag provided but not defined", ""},
		{"missing path", []string{"-out", out, filepath.Join(dir, "missing.rst")}, 2, "no such file", ""},
		{"bad package", []string{"-out", out, "-pkg", "func", page}, 2, "not a valid package name", ""},
		{"ok", []string{"-out", out, "-pkg", "things", page}, 0, "", ""},
		{"warning", []string{"-out", out2, "-pkg", "things", broken}, 0, `warning: id: unknown type "Wibble"`, ""},
		{"strict", []string{"-strict", "-out", out2, "-pkg", "things", broken}, 1, `error: id: unknown type "Wibble"`, ""},
		{"dump", []string{"-dump", page}, 0, "", `"goName": "GetThingResponse"`},
		{"check in step", []string{"-check", "-out", out, "-pkg", "things", page}, 0, "", ""},
		{"check out of step", []string{"-check", "-out", out, "-pkg", "things", page, broken}, 1, "2 file(s) would change",
			"--- /dev/null\n+++ b/" + strings.TrimLeft(filepath.ToSlash(filepath.Join(out2[:len(out2)-1], "broken.go")), "/")},
		{"json", []string{"-json", "-out", out2, "-pkg", "things", broken}, 0, `broken.rst","line":10,"col":11,`, ""},
		{"json code", []string{"-json", "-out", out2, "-pkg", "things", broken}, 0, `"severity":"warning","code":"unknown-type","message":"id: unknown type \"Wibble\"; the field is json.RawMessage"}`, ""},
		{"summary", []string{"-v", "-out", out, "-pkg", "things", page}, 0, "rst2go: 1 pages read, 1 tables; " + out + ": 0 files written (0 new), 2 unchanged, 0 removed; 1 types (0 numbered, 0 aliases), 1 fields; 0 warnings (0 ignored), 0 errors; ", ""},
		{"summary of a check", []string{"-v", "-check", "-out", out, "-pkg", "things", page, broken}, 1, "rst2go: 2 pages read, 2 tables; " + out + ": 2 files would be written (1 new), 1 unchanged, 0 removed; 2 types (0 numbered, 0 aliases), 2 fields; 1 warnings (0 ignored), 0 errors; ", ""},
		{"version", []string{"-version"}, 0, "", "rst2go "},
		{"bad format", []string{"-format", "pdf", page}, 2, `unknown -format "pdf"`, ""},
		{"config", []string{"-config", cfg, "-out", out, "-pkg", "things", page}, 0, "", ""},
		{"bad config", []string{"-config", badCfg, "-out", out, "-pkg", "things", page}, 1, `bad.yaml:1:1: error: top level: unknown key "typewords"`, ""},
		{"lint clean", []string{"-lint", page}, 0, "", ""},
		{"lint findings", []string{"-lint", broken}, 1, "1 finding(s) in 1 page(s)", `broken.rst:10:11: id: unknown type "Wibble"; the field is json.RawMessage [unknown-type]`},
		{"lint json", []string{"-lint", "-json", broken}, 1, "", `"code":"unknown-type"`},
		{"out is a file", []string{"-out", page, "-pkg", "things", filepath.Join(dir, "missing.rst")}, 2, "rst2go: -out " + page + " is a file, not a folder\n", ""},
		{"package with a dash", []string{"-out", out, "-pkg", "my-pkg", page}, 2, `rst2go: -pkg "my-pkg" is not a valid package name: '-' is not allowed in a Go identifier (letters, digits and _ only)`, ""},
		{"package with a digit first", []string{"-out", out, "-pkg", "2fa", page}, 2, `-pkg "2fa" is not a valid package name: it starts with a digit`, ""},
		{"package keyword", []string{"-out", out, "-pkg", "func", page}, 2, `-pkg "func" is not a valid package name: a Go keyword`, ""},
		{"package from -out", []string{"-out", filepath.Join(dir, "my-out"), page}, 2, `my-out: its base name "my-out" is not a valid package name ('-' is not allowed in a Go identifier (letters, digits and _ only)); give -pkg`, ""},
		{"package differs", []string{"-out", handWritten, "-pkg", "things", page}, 2, "rst2go: -pkg things, but " + filepath.Join(handWritten, "client.go") + " is package ecs: give -pkg ecs or another -out\n", ""},
		{"package agrees", []string{"-check", "-out", handWritten, "-pkg", "ecs", page}, 1, "2 file(s) would change", ""},
		{"package differs from a test's", []string{"-out", handTest, "-pkg", "things", page}, 2, "rst2go: -pkg things, but " + filepath.Join(handTest, "client_test.go") + " is package ecs_test: give -pkg ecs or another -out\n", ""},
		{"check and lint", []string{"-check", "-lint", "-out", out, page}, 2, "rst2go: -check and -lint cannot be used together: choose one\n", ""},
		{"dump and check", []string{"-dump", "-check", "-out", out, page}, 2, "rst2go: -check and -dump cannot be used together: choose one\n", ""},
		{"no pages", []string{"-out", out, "-pkg", "things", empty}, 1, "rst2go: no pages found in " + empty + " (want files ending in .htm, .html, .markdown, .md, .rest, .rst, .txt); nothing written\n", ""},
		{"no pages of the format", []string{"-format", "md", "-out", out, "-pkg", "things", dir}, 1, "rst2go: no pages found in " + dir + " (want files ending in .markdown, .md); nothing written\n", ""},
		{"config named as read", []string{"-config", filepath.Join(dir, "c1.yaml"), "-out", out, "-pkg", "things", page}, 1, "c1.yaml: no such file", ""},
		{"missing config", []string{"-config", filepath.Join(dir, "none.yaml"), page}, 1, "no such file", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.wantStderr)
			}
			if !strings.Contains(stdout.String(), tt.wantStdout) {
				t.Errorf("stdout does not contain %q:\n%s", tt.wantStdout, stdout.String())
			}
		})
	}
	// The runs that read no page left the folder as it was.
	entries, err := os.ReadDir(out)
	if err != nil || len(entries) != 2 || entries[0].Name() != "page.go" || entries[1].Name() != lock.FileName {
		t.Errorf("%s holds %v (%v), want page.go and %s only", out, entries, err, lock.FileName)
	}
	got, err := os.ReadFile(filepath.Join(out, "page.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte("package things")) || !bytes.Contains(got, []byte("type Thing struct")) {
		t.Errorf("page.go:\n%s", got)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
