package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// maxTrackedSize is the largest file the repository may hold: pages and
// goldens are small, and anything larger has so far been a build artefact
// committed by mistake.
const maxTrackedSize = 1 << 20

// binaryMagic are the first bytes of executables, objects and archives
// (ELF, Mach-O, PE, ar as in Go's .a): what `go test -c` and `go build`
// leave behind.
var binaryMagic = [][]byte{
	[]byte("\x7fELF"), {0xfe, 0xed, 0xfa, 0xce}, {0xfe, 0xed, 0xfa, 0xcf}, {0xce, 0xfa, 0xed, 0xfe},
	{0xcf, 0xfa, 0xed, 0xfe}, []byte("MZ"), []byte("!<arch>\n"),
}

// TestNoBuildArtefacts fails on a tracked binary or a tracked file over
// 1 MB. In a git checkout the files are git's list; in a plain source
// tree (an unpacked archive), every file but ./bin (make's tools).
func TestNoBuildArtefacts(t *testing.T) {
	files := trackedFiles(t)
	if len(files) < 10 {
		t.Fatalf("found only %d files: %v", len(files), files)
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Error(err)
			continue
		}
		info, err := f.Stat()
		head := make([]byte, 8)
		n, _ := f.Read(head)
		f.Close()
		if err != nil {
			t.Error(err)
			continue
		}
		if info.Size() > maxTrackedSize {
			t.Errorf("%s is %d bytes: no file over 1 MB belongs in the repository", name, info.Size())
		}
		for _, magic := range binaryMagic {
			if bytes.HasPrefix(head[:n], magic) {
				t.Errorf("%s is a binary (starts with %q): build artefacts do not belong in the repository", name, magic)
			}
		}
	}
}

func trackedFiles(t *testing.T) []string {
	if out, err := exec.Command("git", "ls-files", "-z").Output(); err == nil {
		var files []string
		for _, name := range strings.Split(string(out), "\x00") {
			if name != "" {
				files = append(files, name)
			}
		}
		return files
	}
	t.Log("not a git checkout: checking every file of the tree")
	var files []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (path == "bin" || path == ".git"):
			return filepath.SkipDir
		case d.Type().IsRegular():
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
