// Package mapfile reads input files without copying them: on Unix systems
// a file's pages are mapped read-only into memory and its bytes are the
// mapping, so a doc set of tens of megabytes costs no heap and no copy
// (on a virtual machine, fresh heap pages are often the largest cost of a
// run; mapped pages of a cached file are several times cheaper).
//
// The mapping is never unmapped: the bytes stay valid for the life of the
// process, as the document model keeps strings that point into them. Two
// rules follow. Nobody may write to the bytes (the mapping is read-only,
// so a write faults). And a file truncated by another process while
// rst2go runs makes a read past its new end fault: rst2go stops with a
// fault instead of reading garbage. Where mapping is not possible (an
// empty file, a file that is not regular, a system without mmap, or a
// failed mapping, for instance when the process has too many) Read is
// [os.ReadFile].
package mapfile

import "os"

// Read returns the contents of the named file, mapped where possible (see
// the package comment).
func Read(name string) ([]byte, error) {
	if data, ok := mapped(name); ok {
		return data, nil
	}
	return os.ReadFile(name)
}
