//go:build unix

package outdir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// txnFixture is a folder of n generated files (and a hand-written one) and
// the files of a run that updates the even ones, removes the odd ones and
// creates n/2 new ones.
func txnFixture(t *testing.T, n int) (dir string, before map[string]string, files []File, after map[string]string) {
	t.Helper()
	before = map[string]string{"hand.go": "package p // mine\n"}
	after = map[string]string{"hand.go": "package p // mine\n"}
	for i := range n {
		name := fmt.Sprintf("f%04d.go", i)
		before[name] = gen1
		if i%2 == 0 {
			files = append(files, File{Name: name, Data: []byte(gen2), Source: "docs/" + name})
			after[name] = gen2
		}
	}
	for i := range n / 2 {
		name := fmt.Sprintf("new%04d.go", i)
		files = append(files, File{Name: name, Data: []byte(gen2), Source: "docs/" + name})
		after[name] = gen2
	}
	return folder(t, before), before, files, after
}

func setHook(t *testing.T, h func(i int, tx *txn)) {
	testHook = h
	t.Cleanup(func() { testHook = func(int, *txn) {} })
}

// TestApplyRollsBack: whatever stops a transaction half-way (a file that
// appeared in the way, a file that stopped being rst2go's, SIGINT,
// SIGTERM), the folder is as it was, with no file of the transaction left.
func TestApplyRollsBack(t *testing.T) {
	const n, at = 40, 25 // stop at the 25th of 60 changes
	for _, tc := range []struct {
		name  string
		hook  func(dir string, c Change, tx *txn)
		err   string
		extra map[string]string // files the hook made, kept
	}{{
		name: "a hand-written file appears where one is created",
		hook: func(dir string, c Change, tx *txn) {
			os.WriteFile(filepath.Join(dir, "new0007.go"), []byte("package p // appeared\n"), 0o644)
		},
		err:   "appeared during the run and was not written by rst2go; not replacing it",
		extra: map[string]string{"new0007.go": "package p // appeared\n"},
	}, {
		name: "a generated file is replaced by a hand-written one",
		hook: func(dir string, c Change, tx *txn) {
			os.WriteFile(filepath.Join(dir, "f0030.go"), []byte("package p // taken over\n"), 0o644)
		},
		err:   "changed during the run and no longer starts with",
		extra: map[string]string{"f0030.go": "package p // taken over\n"},
	}, {
		name: "SIGINT",
		hook: func(dir string, c Change, tx *txn) { signalSelf(t, tx, syscall.SIGINT) },
		err:  "interrupted: ",
	}, {
		name: "SIGTERM",
		hook: func(dir string, c Change, tx *txn) { signalSelf(t, tx, syscall.SIGTERM) },
		err:  "interrupted: ",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir, before, files, _ := txnFixture(t, n)
			plan, err := PlanSync(dir, files)
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Changes) != 60 {
				t.Fatalf("%d changes", len(plan.Changes))
			}
			setHook(t, func(i int, tx *txn) {
				if i == at {
					tc.hook(dir, plan.Changes[i], tx)
				}
			})
			err = plan.Apply()
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("Apply: %v, want an error with %q", err, tc.err)
			}
			for k, v := range tc.extra {
				before[k] = v
			}
			if got, want := listing(t, dir), listing(t, folder(t, before)); got != want {
				t.Errorf("folder after:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// signalSelf sends the process a signal and waits until Apply's handler
// has it (delivery is asynchronous).
func signalSelf(t *testing.T, tx *txn, sig syscall.Signal) {
	if err := syscall.Kill(os.Getpid(), sig); err != nil {
		t.Fatal(err)
	}
	for len(tx.sig) == 0 {
		syscall.Kill(os.Getpid(), 0) // yield to the signal handler
	}
}

// crash stands for SIGKILL: the hook panics, leaving the transaction as it
// was at that point.
type crash struct{}

func applyCrashing(t *testing.T, plan *Plan, at int) {
	t.Helper()
	setHook(t, func(i int, tx *txn) {
		if i == at {
			panic(crash{})
		}
	})
	defer func() {
		testHook = func(int, *txn) {}
		if r := recover(); r != (crash{}) {
			t.Fatalf("recovered %v", r)
		}
	}()
	plan.Apply()
}

// TestRecoverAfterCrash: a run killed before its transaction committed is
// undone by the next run that opens the folder; one killed after the
// commit is finished. Either way no file of the transaction is left.
func TestRecoverAfterCrash(t *testing.T) {
	for _, at := range []int{0, 1, 30, 59, -1} {
		t.Run(fmt.Sprint("at ", at), func(t *testing.T) {
			dir, before, files, after := txnFixture(t, 40)
			plan, err := PlanSync(dir, files)
			if err != nil {
				t.Fatal(err)
			}
			applyCrashing(t, plan, at)
			if !pendingTransaction(dir) {
				t.Fatal("no journal left")
			}
			if _, err := Open(dir, false, nil); err == nil || !strings.Contains(err.Error(), "killed while writing") {
				t.Errorf("-check on a pending transaction: %v", err)
			}
			f, err := Open(dir, true, nil)
			if err != nil {
				t.Fatal(err)
			}
			f.Close()
			want := before
			if at == -1 {
				want = after
			}
			if got, want := listing(t, dir), listing(t, folder(t, want)); got != want {
				t.Errorf("folder after recovery:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestRecoverRemovesStaleTemps: temporary files of a run killed while it
// wrote them go; other dot files stay.
func TestRecoverRemovesStaleTemps(t *testing.T) {
	dir := folder(t, map[string]string{"a.go": gen1, ".rst2go-0badf00d.tmp": "half", ".rst2go-notes": "mine", ".hidden.tmp": "mine"})
	f, err := Open(dir, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got, want := listing(t, dir), listing(t, folder(t, map[string]string{"a.go": gen1, ".rst2go-notes": "mine", ".hidden.tmp": "mine"})); got != want {
		t.Errorf("folder:\n%s\nwant:\n%s", got, want)
	}
}

// TestDamagedJournal: a journal that names files rst2go does not make is
// not followed.
func TestDamagedJournal(t *testing.T) {
	dir := folder(t, map[string]string{"a.go": gen1, "mine.txt": "mine",
		journalName: journalHeader + "\nremove\ta.go\t-\tmine.txt\nend\n"})
	f, err := Open(dir, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got, want := listing(t, dir), listing(t, folder(t, map[string]string{"a.go": gen1, "mine.txt": "mine"})); got != want {
		t.Errorf("folder:\n%s\nwant:\n%s", got, want)
	}
}

// TestSecondRunWaits: while one run holds the folder, a second waits
// (and says so), then goes on once the first has ended.
func TestSecondRunWaits(t *testing.T) {
	dir := folder(t, map[string]string{"a.go": gen1})
	first, err := Open(dir, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan bool)
	done := make(chan error)
	go func() {
		second, err := Open(dir, true, func() { waiting <- true })
		if err == nil {
			second.Close()
		}
		done <- err
	}()
	<-waiting
	select {
	case err := <-done:
		t.Fatalf("second run went on while the first held the folder: %v", err)
	default:
	}
	first.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// A reader waits for a writer too.
	first, err = Open(dir, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		reader, err := Open(dir, false, func() { waiting <- true })
		if err == nil {
			reader.Close()
		}
		done <- err
	}()
	<-waiting
	first.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestOpenCreatesAndCleansUp: a folder Open made for a run that wrote
// nothing is removed again.
func TestOpenCreatesAndCleansUp(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	f, err := Open(dir, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("empty folder left: %v", err)
	}
}

// TestCheckNames: every bad name is refused before anything is written,
// naming the pages.
func TestCheckNames(t *testing.T) {
	long := strings.Repeat("x", 253) + ".go"
	files := []File{
		{Name: "a.go", Source: "docs/a.rst"},
		{Name: "A.go", Source: "docs/A.md"},
		{Name: long, Source: "docs/long.rst"},
		{Name: "con.go", Source: "docs/con.rst"},
		{Name: "a\nb.go", Source: "docs/nl.rst"},
		{Name: "ok.go", Source: "docs/ok.rst"},
	}
	err := checkNames(files)
	for _, want := range []string{
		"two generated files named A.go: from docs/a.rst and docs/A.md",
		`(from docs/long.rst): 256 bytes is longer than file systems allow (255)`,
		`refusing to write "con.go" (from docs/con.rst): Windows reserves the name`,
		`refusing to write "a\nb.go" (from docs/nl.rst): not a plain .go file name`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "ok.go") {
		t.Errorf("ok.go refused: %v", err)
	}
}
