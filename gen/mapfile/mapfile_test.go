package mapfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("Parameter | Type\n"), 100_000) // several pages
	tests := []struct {
		name string
		data []byte
	}{
		{"empty.rst", nil},
		{"small.rst", []byte("Title\n=====\n")},
		{"page.rst", bytes.Repeat([]byte{'x'}, 4096)},
		{"big.rst", big},
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
	}
}

// TestReadKeepsContent: the bytes of a mapped file survive the file's
// replacement by rename, which is how rst2go itself rewrites generated
// files it has read.
func TestReadKeepsContent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.go")
	if err := os.WriteFile(path, []byte("old content"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "a.go.tmp")
	if err := os.WriteFile(tmp, []byte("new content!"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	if string(got) != "old content" {
		t.Errorf("after rename: %q, want %q", got, "old content")
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Read(filepath.Join(dir, "missing.rst")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: err = %v, want fs.ErrNotExist", err)
	}
	if _, err := Read(dir); err == nil {
		t.Errorf("folder: no error")
	}
}
