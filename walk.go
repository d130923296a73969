package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/rst2go/rst2go/gen"
)

// defaultMaxSize is the largest input file (and -config file) read unless
// -max-size says otherwise: far above any page of the corpus (the largest
// is under 1 MB), below what would exhaust a CI machine's memory.
const defaultMaxSize = 256 << 20

// findInputs lists the input files the paths name: each file named, and
// the files of each folder named whose extension is of a format (of
// format, when given), recursively, in lexical order, each file once.
//
// The walk follows symbolic links, to files and to folders, and the
// folder named may be one: a docs tree reached through a link is read
// whole. A folder already walked (a link back to an ancestor, or a second
// link to one folder) is not walked again, so a loop ends; a file reached
// under two names is read once, under the first. Only regular files are
// read: a FIFO, device or socket with a page's name, a dangling link to
// one, or a file over maxSize bytes is an error naming it, never a hang.
func findInputs(paths []string, format string, maxSize int64) ([]string, error) {
	wanted := func(name string) bool {
		f := gen.FormatOf(name)
		return f != "" && (format == "" || f == format)
	}
	w := &walker{maxSize: maxSize, dirs: map[string]bool{}, files: map[string]bool{}}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		if !info.IsDir() {
			if format == "" && gen.FormatOf(p) == "" {
				return nil, usageError{fmt.Sprintf("%s: unknown input format (want %s)", p, knownExts(""))}
			}
			if err := w.file(p, "", info); err != nil {
				return nil, err
			}
			continue
		}
		if err := w.dir(p, wanted); err != nil {
			return nil, err
		}
	}
	slices.Sort(w.names)
	return w.names, nil
}

type walker struct {
	maxSize int64
	dirs    map[string]bool // real paths of the folders walked
	files   map[string]bool // real paths of the files taken
	names   []string
}

// dir walks one folder (name may be a link to it).
func (w *walker) dir(name string, wanted func(string) bool) error {
	real, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	if real, err = filepath.Abs(real); err != nil {
		return err
	}
	if w.dirs[real] {
		return nil // walked already: a loop, or a second way in
	}
	w.dirs[real] = true
	entries, err := os.ReadDir(name)
	if err != nil {
		return err
	}
	for _, e := range entries {
		path := filepath.Join(name, e.Name())
		switch {
		case e.IsDir():
			err = w.dir(path, wanted)
		case e.Type()&fs.ModeSymlink != 0:
			info, serr := os.Stat(path)
			switch {
			case serr != nil && wanted(path):
				err = fmt.Errorf("%s: %v", path, linkError(serr))
			case serr != nil:
				// A dangling link without a page's name is none of ours.
			case info.IsDir():
				err = w.dir(path, wanted)
			case wanted(path):
				err = w.file(path, "", info)
			}
		case wanted(path):
			var info fs.FileInfo
			if info, err = e.Info(); err == nil {
				err = w.file(path, filepath.Join(real, e.Name()), info)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// file takes one file after checking it is regular and not too large.
// real is its real path when known without asking the file system.
func (w *walker) file(name, real string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file (%s); rst2go reads only regular files", name, kindOf(info.Mode()))
	}
	if info.Size() > w.maxSize {
		return fmt.Errorf("%s: %s is more than the limit of %s for one input file (-max-size)", name, formatSize(info.Size()), formatSize(w.maxSize))
	}
	if real == "" {
		var err error
		if real, err = filepath.EvalSymlinks(name); err != nil {
			return err
		}
		if real, err = filepath.Abs(real); err != nil {
			return err
		}
	}
	if w.files[real] {
		return nil
	}
	w.files[real] = true
	w.names = append(w.names, name)
	return nil
}

// checkRegular refuses what readInputs must not open: a FIFO would block
// the run forever, /dev/zero would fill memory.
func checkRegular(name string, maxSize int64) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	w := &walker{maxSize: maxSize, files: map[string]bool{}}
	return w.file(name, name, info)
}

func linkError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("a symbolic link to nothing (a page that is gone?)")
	}
	if errors.Is(err, syscall.ELOOP) {
		return errors.New("a loop of symbolic links")
	}
	return err
}

func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a folder"
	}
	return m.Type().String()
}

// parseSize reads a size in bytes with an optional K, M or G suffix (powers
// of 1024): "512K", "64M", "1G", "1000".
func parseSize(s string) (int64, error) {
	mult := int64(1)
	t := strings.TrimSuffix(strings.ToUpper(strings.TrimSpace(s)), "B")
	switch {
	case strings.HasSuffix(t, "K"):
		mult, t = 1<<10, t[:len(t)-1]
	case strings.HasSuffix(t, "M"):
		mult, t = 1<<20, t[:len(t)-1]
	case strings.HasSuffix(t, "G"):
		mult, t = 1<<30, t[:len(t)-1]
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("-max-size %q: want a positive number of bytes, with K, M or G (like 64M)", s)
	}
	return n * mult, nil
}

func formatSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%dG", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dM", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dK", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// maxConfigSize is the largest rst2go.yaml read.
const maxConfigSize = 1 << 20
