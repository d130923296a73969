package outdir

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
)

// The files of a transaction, beside the generated files in the folder.
// Their names start with a dot and do not end in .go, so the go tool and
// ReadFolder ignore them.
const (
	tempPrefix    = ".rst2go-"          // + random + tempSuffix or backupSuffix
	tempSuffix    = ".tmp"              // a new file's content, written and synced
	backupSuffix  = ".old"              // a replaced or removed file, kept until the commit
	journalName   = ".rst2go.journal"   // the transaction, written before the first rename
	committedName = ".rst2go.committed" // the journal, renamed once every rename is done
	journalHeader = "rst2go transaction 1"
	journalEnd    = "end"
)

// ErrInterrupted is returned by Apply when SIGINT or SIGTERM arrived
// before the transaction committed: the folder was put back as it was.
var ErrInterrupted = errors.New("interrupted")

// entry is one change of a transaction with the names of its files.
type entry struct {
	op   Op
	name string // the generated file
	tmp  string // its new content (create, update)
	bak  string // where the old file is kept (update, remove)
}

// testHook is called before entry i is carried out, and with i = -1 once
// the transaction has committed (tests interrupt, fail or crash it there).
var testHook = func(i int, t *txn) {}

// Apply carries the plan out as one transaction:
//
//  1. every new content is written to a temporary file in the folder and
//     synced; then the journal (the list of changes and file names) is
//     written and synced, and the folder synced;
//  2. each file to replace or remove is renamed aside (to a backup), its
//     first line checked again (a file that is no longer rst2go's is put
//     back and the transaction undone), and the new file linked into
//     place, never over a file that appeared meanwhile;
//  3. the journal is renamed to mark the commit; then backups go.
//
// On any error, and on SIGINT or SIGTERM before the commit, every step
// done is undone in reverse order and the folder is as it was (the error
// says so, or ErrInterrupted); a signal after the commit lets the cleanup
// finish. A crash or SIGKILL leaves the journal: the next run that opens
// the folder to write undoes (or, if committed, cleans up) the
// transaction first.
func (p *Plan) Apply() error {
	if len(p.Changes) == 0 {
		return nil
	}
	if err := os.MkdirAll(p.Dir, 0o755); err != nil {
		return err
	}
	t := &txn{dir: p.Dir, sig: make(chan os.Signal, 1)}
	signal.Notify(t.sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(t.sig)

	entries := make([]entry, len(p.Changes))
	for i, c := range p.Changes {
		e := entry{op: c.Op, name: c.Name}
		if c.Op != Remove {
			tmp, err := writeTemp(p.Dir, c.New)
			if err == nil && t.stopped() {
				err = fmt.Errorf("%w: %s is as it was", ErrInterrupted, p.Dir)
			}
			if err != nil {
				if tmp != "" {
					os.Remove(filepath.Join(p.Dir, tmp))
				}
				t.removeTemps(entries[:i])
				return err
			}
			e.tmp = tmp
		}
		if c.Op != Create {
			e.bak = tempPrefix + fmt.Sprintf("%08x", rand.Uint32()) + backupSuffix
		}
		entries[i] = e
	}
	if err := syncTemps(p.Dir, entries); err != nil {
		t.removeTemps(entries)
		return err
	}
	if err := writeJournal(p.Dir, entries); err != nil {
		t.removeTemps(entries)
		os.Remove(t.path(journalName))
		return err
	}
	for i, e := range entries {
		testHook(i, t)
		err := t.do(e)
		if err == nil && t.stopped() {
			err = ErrInterrupted
		}
		if err != nil {
			if uerr := t.undo(entries); uerr != nil {
				return fmt.Errorf("%w; and putting the folder back failed: %v (the next run will retry)", err, uerr)
			}
			if errors.Is(err, ErrInterrupted) {
				return fmt.Errorf("%w: %s is as it was", err, p.Dir)
			}
			return fmt.Errorf("%w; nothing changed in %s", err, p.Dir)
		}
	}
	syncDir(p.Dir)
	if err := os.Rename(t.path(journalName), t.path(committedName)); err != nil {
		if uerr := t.undo(entries); uerr != nil {
			return fmt.Errorf("%w; and putting the folder back failed: %v (the next run will retry)", err, uerr)
		}
		return fmt.Errorf("%w; nothing changed in %s", err, p.Dir)
	}
	syncDir(p.Dir)
	testHook(-1, t)
	return finish(p.Dir, entries)
}

type txn struct {
	dir         string
	sig         chan os.Signal
	interrupted bool
}

func (t *txn) path(name string) string { return filepath.Join(t.dir, name) }

// stopped reports whether SIGINT or SIGTERM has arrived.
func (t *txn) stopped() bool {
	select {
	case <-t.sig:
		t.interrupted = true
	default:
	}
	return t.interrupted
}

func (t *txn) removeTemps(entries []entry) {
	for _, e := range entries {
		if e.tmp != "" {
			os.Remove(t.path(e.tmp))
		}
	}
}

// do carries out one entry.
func (t *txn) do(e entry) error {
	name := t.path(e.name)
	if e.op != Create {
		if err := os.Rename(name, t.path(e.bak)); err != nil {
			if errors.Is(err, fs.ErrNotExist) && e.op == Remove {
				return nil // gone already: nothing to remove
			}
			return err
		}
		// The file is ours to check now: whoever writes the name from here
		// on makes a new file, which placeNew will not replace.
		if !ownedFile(t.path(e.bak), e.name) {
			if err := placeNew(t.path(e.bak), name); err != nil {
				return fmt.Errorf("%s changed during the run and is no longer rst2go's (and could not be put back: %v; it is %s)", name, err, t.path(e.bak))
			}
			return fmt.Errorf("%s changed during the run and no longer starts with %q; not replacing it", name, HeaderLine)
		}
	}
	if e.op == Remove {
		return nil
	}
	if err := placeNew(t.path(e.tmp), name); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s appeared during the run and was not written by rst2go; not replacing it", name)
		}
		return err
	}
	return nil
}

// undo puts the folder back as it was before the entries, in reverse
// order, from what the file system shows (so that it serves both a failed
// Apply and the recovery after a crash), then removes the journal.
func (t *txn) undo(entries []entry) error {
	var errs []error
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		name := t.path(e.name)
		switch e.op {
		case Create:
			tmp := t.path(e.tmp)
			tmpInfo, terr := os.Stat(tmp)
			nameInfo, nerr := os.Stat(name)
			switch {
			case terr == nil && nerr == nil && os.SameFile(tmpInfo, nameInfo):
				errs = append(errs, os.Remove(name)) // linked, tmp not yet removed
			case terr != nil && nerr == nil && ownedFile(name, e.name):
				errs = append(errs, os.Remove(name)) // placed
			}
		case Update, Remove:
			if _, err := os.Stat(t.path(e.bak)); err == nil {
				errs = append(errs, os.Rename(t.path(e.bak), name))
			}
		}
		if e.tmp != "" {
			if err := os.Remove(t.path(e.tmp)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	syncDir(t.dir)
	if err := os.Remove(t.path(journalName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// finish removes what a committed transaction left: backups, temporary
// files, then the commit mark.
func finish(dir string, entries []entry) error {
	for _, e := range entries {
		for _, f := range []string{e.bak, e.tmp} {
			if f == "" {
				continue
			}
			if err := os.Remove(filepath.Join(dir, f)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	if err := os.Remove(filepath.Join(dir, committedName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// recoverFolder completes what an earlier run left when it was killed: a
// committed transaction's cleanup, or the undoing of one that did not
// commit; then it removes temporary files no journal names (a run killed
// while it wrote them). Only files named as rst2go names them are touched.
// The caller holds the folder's lock, so no other run is writing.
func recoverFolder(dir string) error {
	if entries, complete, err := readJournal(filepath.Join(dir, committedName)); err == nil {
		if !complete {
			return fmt.Errorf("%s: damaged; look at the folder and remove it", filepath.Join(dir, committedName))
		}
		if err := finish(dir, entries); err != nil {
			return fmt.Errorf("finishing an interrupted rst2go run in %s: %w", dir, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if entries, complete, err := readJournal(filepath.Join(dir, journalName)); err == nil {
		// An incomplete journal was being written: no rename had begun.
		if !complete {
			entries = nil
		}
		t := &txn{dir: dir}
		if err := t.undo(entries); err != nil {
			return fmt.Errorf("undoing an interrupted rst2go run in %s: %w", dir, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	names, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range names {
		n := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(n, tempPrefix) && strings.HasSuffix(n, tempSuffix) {
			if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

// pendingTransaction reports whether an interrupted run left a journal.
func pendingTransaction(dir string) bool {
	for _, n := range []string{journalName, committedName} {
		if _, err := os.Lstat(filepath.Join(dir, n)); err == nil {
			return true
		}
	}
	return false
}

// writeJournal writes the entries (one line each, tab-separated: op, name,
// temporary file, backup) and an end line, then syncs the file and the
// folder: after it returns, a crash at any point can be undone.
func writeJournal(dir string, entries []entry) error {
	var b bytes.Buffer
	b.WriteString(journalHeader + "\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", e.op, e.name, orDash(e.tmp), orDash(e.bak))
	}
	b.WriteString(journalEnd + "\n")
	f, err := os.OpenFile(filepath.Join(dir, journalName), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(b.Bytes())
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// readJournal reads a journal; complete is false when its end line is
// missing (the writer was killed while writing it).
func readJournal(path string) (entries []entry, complete bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, 64<<20))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != journalHeader {
		return nil, false, nil
	}
	for sc.Scan() {
		line := sc.Text()
		if line == journalEnd {
			return entries, true, nil
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || !safeName(f[1]) || !ownName(f[2]) || !ownName(f[3]) {
			return nil, false, nil
		}
		var op Op
		switch f[0] {
		case "create":
			op = Create
		case "update":
			op = Update
		case "remove":
			op = Remove
		default:
			return nil, false, nil
		}
		entries = append(entries, entry{op: op, name: f[1], tmp: noDash(f[2]), bak: noDash(f[3])})
	}
	return nil, false, sc.Err()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func noDash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// ownName reports whether a journal's file name is one rst2go makes (so a
// damaged or planted journal cannot make recovery touch other files).
func ownName(s string) bool {
	return s == "-" || strings.HasPrefix(s, tempPrefix) && (strings.HasSuffix(s, tempSuffix) || strings.HasSuffix(s, backupSuffix)) && safeName(s)
}

// safeName reports whether s is a plain file name without separators or
// control characters.
func safeName(s string) bool {
	if s == "" || s == "." || s == ".." || len(s) > 255 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || strings.IndexByte(`/\:*?"<>|`, c) >= 0 {
			return false
		}
	}
	return true
}

// ownedFile reports whether the file at path, to be named name, starts
// with rst2go's header line (or the names lock's).
func ownedFile(path, name string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, _ := io.ReadFull(f, buf)
	return ours(name, buf[:n])
}

// placeNew gives the file at from the name to, failing with fs.ErrExist if
// to exists: a hard link, then the old name removed. On a file system
// without hard links it falls back to a rename after checking that to is
// free (a window of a few microseconds).
func placeNew(from, to string) error {
	err := os.Link(from, to)
	if err == nil {
		return os.Remove(from)
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, serr := os.Lstat(to); serr == nil {
		return &fs.PathError{Op: "link", Path: to, Err: fs.ErrExist}
	}
	return os.Rename(from, to)
}

// syncTemps makes the temporary files durable before the journal is
// written. On Linux one sync(2), which waits for the data to reach the
// disk, costs what one fsync does, where an fsync per file cost 2.3 s for
// 600 files here (1.2 s with none); elsewhere each file is synced.
func syncTemps(dir string, entries []entry) error {
	if syncAll() {
		return nil
	}
	for _, e := range entries {
		if e.tmp == "" {
			continue
		}
		f, err := os.OpenFile(filepath.Join(dir, e.tmp), os.O_RDWR, 0)
		if err != nil {
			return err
		}
		err = f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// syncDir flushes a folder's entries (names created, renamed, removed) to
// disk where the system allows it; elsewhere it does nothing.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
