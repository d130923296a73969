//go:build !unix

package mapfile

import (
	"errors"
	"os"
)

// Mapped reports whether Read maps files on this system.
const Mapped = false

func mapReadOnly(*os.File, int) ([]byte, error) {
	return nil, errors.ErrUnsupported
}
