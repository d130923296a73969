//go:build unix

package mapfile

import (
	"os"
	"syscall"
)

// Mapped reports whether Read maps files on this system.
const Mapped = true

func mapReadOnly(f *os.File, size int) ([]byte, error) {
	return syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
}
