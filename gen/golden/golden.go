// Package golden holds what every test package shares: the -update flag,
// the comparison of test output with expected files under testdata/, and
// where the corpus of real pages is (CorpusDir).
//
// Every test package of the module imports it, so that
// "go test ./... -update" is accepted everywhere and rewrites every golden
// file at once (a flag defined in only some test binaries would make the
// others fail on it).
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Update is set by -update: goldens are rewritten instead of compared.
var Update = flag.Bool("update", false, "rewrite golden files under testdata/ with the current output")

// Check compares got with the file at path; with -update it writes the
// file instead. A mismatch reports the first differing line.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it):\n%s", path, FirstDiff(string(want), string(got)))
	}
}

// FirstDiff describes where two texts first differ, by line.
func FirstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + quote(wl, i < len(w)) + "\n  got:  " + quote(gl, i < len(g))
		}
	}
	return "(no difference)"
}

func quote(s string, present bool) string {
	if !present {
		return "(end of text)"
	}
	return "`" + s + "`"
}

// CorpusDir is the folder of real documentation pages the corpus tests and
// benchmarks read: $RST2GO_CORPUS, else shared/corpus beside the
// repository (found from the module root, so any package's test finds it).
// Without it the test is skipped, with a message saying how to give it.
func CorpusDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("RST2GO_CORPUS")
	if dir == "" {
		dir = filepath.Join(moduleRoot(), "..", "shared", "corpus")
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("corpus not found at %s (set RST2GO_CORPUS to a copy of shared/corpus): %v", dir, err)
	}
	return dir
}

// moduleRoot is the nearest folder at or above the working directory (a
// test runs in its package's folder) that holds go.mod.
func moduleRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}
