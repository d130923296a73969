//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writePages writes n pages under docs/, each with one response table
// whose field is named after variant, so that every generated file
// changes from one variant to the next.
func writePages(t *testing.T, n int, variant string) {
	t.Helper()
	for i := range n {
		page := fmt.Sprintf("Getting Thing %d\n================\n\nResponse\n--------\n\n"+
			"========= ====== ===========\nParameter Type   Description\n========= ====== ===========\n%-9s String The field.\n========= ====== ===========\n", i, variant)
		write(t, filepath.Join("docs", fmt.Sprintf("p%04d.rst", i)), page)
	}
}

// snapshot is the folder's files and contents, in one string.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s\n%s\n", e.Name(), data)
	}
	return b.String()
}

// generateInto runs rst2go in process and returns the folder's snapshot.
func generateInto(t *testing.T, out string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", out, "-pkg", "things", "docs"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	return snapshot(t, out)
}

// rst2goProcess starts rst2go (this test binary, see TestMain) on docs/.
func rst2goProcess(t *testing.T, out string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-out", out, "-pkg", "things"}, append(args, "docs")...)...)
	cmd.Env = append(os.Environ(), "RST2GO_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// signalWhenJournaled sends sig once the run's journal appears (its
// renames are about to start).
func signalWhenJournaled(cmd *exec.Cmd, out string, sig os.Signal) {
	for {
		if _, err := os.Stat(filepath.Join(out, ".rst2go.journal")); err == nil {
			cmd.Process.Signal(sig)
			return
		}
		if cmd.ProcessState != nil {
			return
		}
		time.Sleep(50 * time.Microsecond)
	}
}

func exitCode(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// noLeftovers fails if the transaction's own files are in the folder.
func noLeftovers(t *testing.T, out string) {
	t.Helper()
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".rst2go") {
			t.Errorf("left in %s: %s", out, e.Name())
		}
	}
}

// TestSignalDuringRenames: SIGINT or SIGTERM while a run renames 300
// files into place leaves the folder all old (the run exits 1 and says it
// was interrupted) or all new (the signal came after the commit), never
// mixed, and no file of the transaction behind.
func TestSignalDuringRenames(t *testing.T) {
	const n = 300
	t.Chdir(t.TempDir())
	writePages(t, n, "old_field")
	old := generateInto(t, "out")
	writePages(t, n, "new_field")
	newer := generateInto(t, "want")
	writePages(t, n, "old_field")
	generateInto(t, "out")
	writePages(t, n, "new_field")
	interrupted := 0
	for _, sig := range []os.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd, stderr := rst2goProcess(t, "out")
		go signalWhenJournaled(cmd, "out", sig)
		code := exitCode(cmd.Wait())
		got := snapshot(t, "out")
		switch {
		case got == old && code == 1 && strings.Contains(stderr.String(), "interrupted: out is as it was"):
			interrupted++
		case got == newer && code == 0:
			// Finished before the signal: put the old files back.
			writePages(t, n, "old_field")
			generateInto(t, "out")
			writePages(t, n, "new_field")
		default:
			t.Fatalf("%v: exit %d, folder neither all old nor all new; stderr:\n%s", sig, code, stderr.String())
		}
		noLeftovers(t, "out")
	}
	t.Logf("%d of 2 runs interrupted during their renames", interrupted)
}

// TestKilledRunIsRecovered: SIGKILL in the middle of the renames leaves a
// journal; -check then fails clearly, and the next run finishes the job:
// the folder is all new, with nothing of the killed run left.
func TestKilledRunIsRecovered(t *testing.T) {
	const n = 300
	t.Chdir(t.TempDir())
	writePages(t, n, "new_field")
	newer := generateInto(t, "want")
	writePages(t, n, "old_field")
	generateInto(t, "out")
	writePages(t, n, "new_field")
	cmd, _ := rst2goProcess(t, "out")
	go signalWhenJournaled(cmd, "out", syscall.SIGKILL)
	cmd.Wait()
	if _, err := os.Stat(filepath.Join("out", ".rst2go.journal")); err == nil {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"-check", "-out", "out", "-pkg", "things", "docs"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "was killed while writing here") {
			t.Errorf("-check after a kill: exit %d, %s", code, stderr.String())
		}
	} else {
		t.Log("the run finished before SIGKILL")
	}
	if got := generateInto(t, "out"); got != newer {
		t.Error("after the next run, the folder is not what the docs give")
	}
	noLeftovers(t, "out")
}

// TestConcurrentRuns: two runs on one folder at once, from different
// docs, take turns: both succeed and the folder is all one run's output.
func TestConcurrentRuns(t *testing.T) {
	const n = 200
	t.Chdir(t.TempDir())
	writePages(t, n, "a_field")
	if err := os.Rename("docs", "docs_a"); err != nil {
		t.Fatal(err)
	}
	writePages(t, n, "b_field")
	if err := os.Rename("docs", "docs_b"); err != nil {
		t.Fatal(err)
	}
	snap := func(docs, out string) string {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"-out", out, "-pkg", "things", docs}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		return snapshot(t, out)
	}
	a, b := snap("docs_a", "want_a"), snap("docs_b", "want_b")
	start := func(docs string) (*exec.Cmd, *bytes.Buffer) {
		cmd := exec.Command(os.Args[0], "-out", "out", "-pkg", "things", docs)
		cmd.Env = append(os.Environ(), "RST2GO_TEST_MAIN=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &stderr
	}
	for try := range 2 {
		first, errA := start("docs_a")
		second, errB := start("docs_b")
		codeA, codeB := exitCode(first.Wait()), exitCode(second.Wait())
		if codeA != 0 || codeB != 0 {
			t.Fatalf("try %d: exits %d %d:\n%s\n%s", try, codeA, codeB, errA, errB)
		}
		if got := snapshot(t, "out"); got != a && got != b {
			t.Fatalf("try %d: the folder mixes the two runs", try)
		}
		noLeftovers(t, "out")
	}
}
