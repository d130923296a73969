package mapfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		data   []byte
		mapped bool // by Open, on Linux
	}{
		{"empty.rst", nil, false},
		{"small.rst", []byte("Title\n=====\n"), false},
		{"page.rst", bytes.Repeat([]byte{'x'}, 4096), false},
		{"below.rst", bytes.Repeat([]byte{'x'}, minMapped-1), false},
		{"at.rst", bytes.Repeat([]byte{'x'}, minMapped), true},
		{"big.rst", bytes.Repeat([]byte("Parameter | Type\n"), 100_000), true},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name)
		if err := os.WriteFile(path, tt.data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := Read(path)
		if err != nil {
			t.Fatalf("Read(%s): %v", tt.name, err)
		}
		if !bytes.Equal(got, tt.data) {
			t.Errorf("Read(%s): %d bytes, want %d", tt.name, len(got), len(tt.data))
		}
		f, err := Open(path)
		if err != nil {
			t.Fatalf("Open(%s): %v", tt.name, err)
		}
		if !bytes.Equal(f.Data, tt.data) {
			t.Errorf("Open(%s): %d bytes, want %d", tt.name, len(f.Data), len(tt.data))
		}
		if mapped := f.m != nil; mapped != (tt.mapped && runtime.GOOS == "linux") || f.Mapped() != mapped {
			t.Errorf("Open(%s): mapped = %v, Mapped() = %v", tt.name, mapped, f.Mapped())
		}
		// Pages dropped from memory are read again when touched.
		f.DropPages()
		if !bytes.Equal(f.Data, tt.data) {
			t.Errorf("Open(%s), DropPages: %d bytes differ", tt.name, len(f.Data))
		}
		if err := f.Close(); err != nil {
			t.Errorf("Close(%s): %v", tt.name, err)
		}
	}
}

// TestOpenKeepsContent: the bytes of a mapped file survive the file's
// replacement by rename, which is how rst2go itself rewrites generated
// files it has read, and the file is not reported as changed.
func TestOpenKeepsContent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.rst")
	old := bytes.Repeat([]byte("old content\n"), minMapped)
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "a.rst.tmp")
	if err := os.WriteFile(tmp, []byte("new content!"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(f.Data, old) {
		t.Errorf("after rename: the bytes changed")
	}
	if err := f.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Read(filepath.Join(dir, "missing.rst")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Read(missing file): err = %v, want fs.ErrNotExist", err)
	}
	if _, err := Open(filepath.Join(dir, "missing.rst")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(missing file): err = %v, want fs.ErrNotExist", err)
	}
	if _, err := Read(dir); err == nil {
		t.Errorf("Read(folder): no error")
	}
	if _, err := Open(dir); err == nil {
		t.Errorf("Open(folder): no error")
	}
}

// mappedFile writes a file Open maps and opens it.
func mappedFile(t *testing.T) (string, *File) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("files are mapped on Linux only")
	}
	path := filepath.Join(t.TempDir(), "page.rst")
	if err := os.WriteFile(path, bytes.Repeat([]byte("Parameter | Type\n"), 4*minMapped/17), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.m == nil {
		t.Fatal("not mapped")
	}
	return path, f
}

// wantChanged checks that err is a *ChangedError naming path.
func wantChanged(t *testing.T, what string, err error, path string) {
	t.Helper()
	var ce *ChangedError
	if !errors.As(err, &ce) || ce.Name != path || !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("%s: err = %v, want a *ChangedError naming %s", what, err, path)
	}
}

// TestTruncated: a mapped file truncated under the reader gives an error
// that names it, whether the read faults (past the new end's page) or not
// (within it, where the system gives NUL bytes).
func TestTruncated(t *testing.T) {
	path, f := mappedFile(t)
	defer f.Close()
	if err := os.Truncate(path, 100); err != nil {
		t.Fatal(err)
	}
	var within, past byte
	err := Guard(func() {
		within = f.Data[200]
		past = f.Data[len(f.Data)-1]
	})
	wantChanged(t, "Guard", err, path)
	if within != 0 || past != 0 {
		t.Errorf("read %q %q after truncation", within, past)
	}
	wantChanged(t, "Check", f.Check(), path)
	wantChanged(t, "Close", f.Close(), path)
	if f.Data != nil {
		t.Errorf("Data kept after Close")
	}
}

// TestRewrittenInPlace: a mapped file rewritten in place, same size, is
// reported when checked.
func TestRewrittenInPlace(t *testing.T) {
	path, f := mappedFile(t)
	defer f.Close()
	if err := os.WriteFile(path, bytes.ToUpper(f.Data), 0o644); err != nil {
		t.Fatal(err)
	}
	// The file system's clock may not have ticked since the file was
	// written (Linux's moves every few milliseconds): move the time on.
	if err := os.Chtimes(path, time.Time{}, time.Now().Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	wantChanged(t, "Check", f.Check(), path)
}

// TestGuardOtherPanics: Guard turns only faults in mappings into errors.
func TestGuardOtherPanics(t *testing.T) {
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
	}()
	Guard(func() { panic("boom") })
	t.Errorf("Guard returned")
}

// TestCloseReleases: opening and closing a mapped file many times leaves
// no mapping behind (/proc/self/maps does not grow), as a process that
// runs rst2go again and again needs.
func TestCloseReleases(t *testing.T) {
	path, f := mappedFile(t)
	f.Close()
	before := mapsLines(t)
	for range 500 {
		f, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if after := mapsLines(t); after > before+5 {
		t.Errorf("/proc/self/maps: %d lines after 500 files opened and closed, %d before", after, before)
	}
	if n := len(live.ms); n != 0 {
		t.Errorf("%d mappings still registered", n)
	}
}

func mapsLines(t *testing.T) int {
	data, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(data, []byte("\n"))
}
