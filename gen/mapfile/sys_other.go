//go:build !linux

package mapfile

import (
	"io"
	"os"
)

// Elsewhere than on Linux files are read, never mapped.

type mapping struct {
	name       string
	start, end uintptr
}

func (m *mapping) unchanged() bool  { return true }
func (m *mapping) release([]byte)   {}
func (m *mapping) dropPages([]byte) {}

func open(name string) (*File, error) {
	data, err := read(name)
	if err != nil {
		return nil, err
	}
	return &File{Name: name, Data: data}, nil
}

// read reads the file and checks, as on Linux, that its size and
// modification time did not change while it was read.
func read(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	before, err := f.Stat()
	if err != nil || !before.Mode().IsRegular() {
		return io.ReadAll(f)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	after, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if int64(len(data)) != before.Size() || after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()) {
		return nil, &ChangedError{Name: name}
	}
	return data, nil
}
