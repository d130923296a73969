//go:build !unix

package mapfile

// Mapped reports whether Read maps files on this system.
const Mapped = false

func mapped(string) ([]byte, bool) { return nil, false }
