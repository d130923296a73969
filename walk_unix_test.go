//go:build unix

package main

import (
	"bytes"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWalkFollowsLinks: a docs folder reached through a link, and pages
// that are links, are read; a loop of links ends; a file reached twice is
// read once.
func TestWalkFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "real/docs/a.rst", thingPage)
	write(t, "elsewhere/b.rst", thingPage)
	for _, l := range [][2]string{
		{"real/docs", "docs"},                        // the root is a link
		{"../../elsewhere/b.rst", "real/docs/b.rst"}, // a page that is a link
		{"..", "real/docs/up"},                       // a loop
		{"a.rst", "real/docs/same.rst"},              // the same file twice
		{"nothing.txt", "real/docs/notes"},           // dangling, not a page: ignored
	} {
		if err := os.Symlink(l[0], l[1]); err != nil {
			t.Fatal(err)
		}
	}
	names, err := findInputs([]string{"docs"}, "", defaultMaxSize)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(names, " "), "docs/a.rst docs/b.rst"; got != want {
		t.Errorf("read %s, want %s", got, want)
	}
	var stdout, stderr bytes.Buffer
	if code := runSafe([]string{"-out", "out", "-pkg", "things", "docs"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, f := range []string{"out/a.go", "out/b.go"} {
		if _, err := os.Stat(f); err != nil {
			t.Error(err)
		}
	}
}

// TestRefuseSpecialFiles: a FIFO, a device, a file over the limit or a
// dangling link with a page's name stops the run with an error naming it
// (exit 1), never a hang; the same for -config.
func TestRefuseSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "ok.rst", thingPage)
	if err := syscall.Mkfifo("fifo.rst", 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo("fifo.yaml", 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, "folder/fifo-link.rst", "")
	os.Remove("folder/fifo-link.rst")
	if err := os.Symlink("../fifo.rst", "folder/fifo-link.rst"); err != nil {
		t.Fatal(err)
	}
	write(t, "dangling/page.rst", "")
	os.Remove("dangling/page.rst")
	if err := os.Symlink("gone.rst", "dangling/page.rst"); err != nil {
		t.Fatal(err)
	}
	write(t, "big/big.rst", thingPage+strings.Repeat("x", 2000))
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"fifo named", []string{"fifo.rst"}, "fifo.rst: not a regular file (a FIFO)"},
		{"fifo in a folder", []string{"folder"}, "folder/fifo-link.rst: not a regular file (a FIFO)"},
		{"device", []string{"-format", "rst", "/dev/zero"}, "/dev/zero: not a regular file (a character device)"},
		{"dangling link", []string{"dangling"}, "dangling/page.rst: a symbolic link to nothing"},
		{"over the limit", []string{"-max-size", "1K", "big"}, "big/big.rst: 2193 bytes is more than the limit of 1K for one input file (-max-size)"},
		{"fifo config", []string{"-config", "fifo.yaml", "ok.rst"}, "fifo.yaml: not a regular file (a FIFO)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() {
				done <- runSafe(append([]string{"-out", "out", "-pkg", "things"}, tc.args...), &stdout, &stderr)
			}()
			select {
			case code := <-done:
				if code != exitFailed || !strings.Contains(stderr.String(), tc.want) {
					t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr.String(), tc.want)
				}
			case <-time.After(time.Minute):
				t.Fatal("hangs")
			}
		})
	}
	var stderr bytes.Buffer
	if code := runSafe([]string{"-max-size", "lots", "ok.rst"}, &bytes.Buffer{}, &stderr); code != exitUsage {
		t.Errorf("-max-size lots: exit %d, want 2 (%s)", code, stderr.String())
	}
}
