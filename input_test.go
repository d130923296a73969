package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/rst/rsttest"
)

// mappedPage writes a page large enough to be mapped (package mapfile
// maps files of 64 KB or more) into a new folder.
func mappedPage(t *testing.T) (dir, page string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("input files are mapped on Linux only")
	}
	dir = t.TempDir()
	page = filepath.Join(dir, "long.rst")
	if err := os.WriteFile(page, rsttest.LongPage(66<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, page
}

// TestRunReleases: run again and again in one process, as a program using
// rst2go as a library or a test does, the command releases the mappings
// of its input files: /proc/self/maps does not grow. (Before, every run
// kept its mappings, and some 180 runs on the corpus ran out of memory.)
func TestRunReleases(t *testing.T) {
	dir, _ := mappedPage(t)
	out := filepath.Join(dir, "out")
	args := []string{"-out", out, "-pkg", "long", dir}
	for range 10 { // the heap grows to its size
		if code := run(args, io.Discard, io.Discard); code != exitOK {
			t.Fatalf("exit %d", code)
		}
	}
	before := mapsLines(t)
	const runs = 100
	for range runs {
		run(args, io.Discard, io.Discard)
	}
	if after := mapsLines(t); after > before+20 {
		t.Errorf("/proc/self/maps: %d lines after %d runs, %d before", after, runs, before)
	}
}

func mapsLines(t *testing.T) int {
	data, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(data, []byte("\n"))
}

// TestInputChanged: an input file truncated or rewritten while it is read
// is an error naming the file (exit 1), never a crash nor NUL bytes read
// as text. The run is cut in two here so that the file can change between
// reading and generating.
func TestInputChanged(t *testing.T) {
	tests := []struct {
		name   string
		change func(page string) error
	}{
		// Past the new end's page: reading faults (SIGBUS).
		{"truncated", func(page string) error { return os.Truncate(page, 10) }},
		// Within the last page: the system gives NUL bytes.
		{"shortened", func(page string) error {
			info, err := os.Stat(page)
			if err != nil {
				return err
			}
			return os.Truncate(page, info.Size()-1)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, page := mappedPage(t)
			inputs, opened, err := readInputs([]string{page}, "", dir, defaultMaxSize)
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.change(page); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			code := func() (code int) {
				// As run does.
				defer func() { code = closeInputs(&stderr, opened, code, recover()) }()
				defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
				if _, err := gen.Generate(inputs, gen.Options{Package: "long"}); err != nil {
					t.Errorf("Generate: %v", err)
				}
				return exitOK
			}()
			want := "rst2go: " + page + ": file changed while rst2go read it"
			if code != exitFailed || !strings.HasPrefix(stderr.String(), want) || strings.Count(stderr.String(), "\n") != 1 {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and one line starting %q", code, stderr.String(), want)
			}
		})
	}
}

// BenchmarkRun runs the command in process on ecs/rst with its output
// folder in step, as a program that uses rst2go as a library, or go
// generate in a loop, runs it again and again: maps/op, the growth of
// /proc/self/maps per run, must stay 0. (The command's own collector
// settings, gc.go, apply to the command alone: the figure for the CLI is
// in the README.)
func BenchmarkRun(b *testing.B) {
	dir := filepath.Join(golden.CorpusDir(b), "ecs/rst")
	out := b.TempDir()
	args := []string{"-out", out, "-pkg", "ecs", dir}
	if code := run(args, io.Discard, io.Discard); code != exitOK {
		b.Fatalf("exit %d", code)
	}
	b.ReportAllocs()
	before := mapsLinesB(b)
	for b.Loop() {
		if code := run(args, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(mapsLinesB(b)-before)/float64(b.N), "maps/op")
}

func mapsLinesB(b *testing.B) int {
	data, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		b.Skip("no /proc/self/maps")
	}
	return bytes.Count(data, []byte("\n"))
}
