// Package mapfile reads input files, and notices when one changes while it
// is being read.
//
// [Read] copies a file into the heap. [Open] maps a large file read-only
// instead (on Linux; elsewhere it reads it too): the bytes cost no heap
// and no copy, and the document model may point into them. A mapping is
// the caller's to release with [File.Close] once nothing uses the bytes,
// so a process that reads many files, one run after another, holds only
// the mappings of the run in hand. Small files are read even by Open: for
// them a mapping saves nothing (see minMapped).
//
// A file that another program truncates or rewrites in place while rst2go
// reads it is an error naming the file ([ChangedError]), never garbage
// read as text: a read checks the file's size and modification time after
// reading; a mapping checks them when it is released ([File.Close]) or
// checked ([File.Check]); and a read past the end of a mapped file that
// shrank, which the system reports as a fault, becomes the same error
// where the caller runs the reading code under [Guard] (or recovers the
// panic itself and asks [Fault]).
package mapfile

import (
	"runtime/debug"
	"sync"
)

// minMapped is the size from which Open maps a file rather than reads it.
// On ecs/rst (217 pages, median 4 KB, 11 of 64 KB or more) the CLI costs
// the same CPU whether every page is mapped, none, or those from 64 KB
// (medians of 40 paired runs: 95, 92, 94 ms): mapping pays only on large
// files, where it saves the heap a copy, and small ones are read so that
// a run holds few mappings and descriptors.
const minMapped = 64 << 10

// File is one opened file. Data is valid until Close.
type File struct {
	Name string
	Data []byte
	m    *mapping // nil when Data is in the heap
}

// ChangedError reports a file that changed while it was being read:
// truncated, grown or rewritten in place.
type ChangedError struct {
	Name string
}

func (e *ChangedError) Error() string {
	return e.Name + ": file changed while rst2go read it (truncated or rewritten in place); run again"
}

// Open returns the contents of the named file: mapped read-only if it is a
// regular file of at least minMapped bytes (on Linux), read otherwise.
func Open(name string) (*File, error) {
	return open(name)
}

// Read returns the contents of the named file, read into the heap. The
// error is a [*ChangedError] if the file changed while it was read.
func Read(name string) ([]byte, error) {
	return read(name)
}

// Check reports a [*ChangedError] if the file's size or modification time
// is not what it was when it was opened. (A file read into the heap was
// checked when it was read: later changes do not touch Data.)
func (f *File) Check() error {
	if f.m == nil || f.m.unchanged() {
		return nil
	}
	return &ChangedError{Name: f.Name}
}

// Mapped reports whether Data is a mapping of the file (not a copy in the
// heap).
func (f *File) Mapped() bool { return f.m != nil }

// DropPages tells the system that the bytes are not needed for now: a
// mapped file's pages leave the process's resident memory (they stay
// valid: a page read again is read from the file again, as on first use).
// A run calls it once it has copied what it keeps of the file. A file in
// the heap is left as it is.
func (f *File) DropPages() {
	if f.m != nil {
		f.m.dropPages(f.Data)
	}
}

// Close releases the file's mapping, if it has one, after checking it as
// Check does. Data must not be used after Close.
func (f *File) Close() error {
	if f.m == nil {
		f.Data = nil
		return nil
	}
	err := f.Check()
	live.remove(f.m)
	f.m.release(f.Data)
	f.Data, f.m = nil, nil
	return err
}

// Guard calls f with memory faults turned into panics
// ([debug.SetPanicOnFault]) and returns the [*ChangedError] of a fault in
// a live mapping (a read past the end of a file that shrank). Any other
// panic goes on. Goroutines that f starts have their own setting: they
// must set it, recover, and hand the panic to f's goroutine themselves.
func Guard(f func()) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if err = Fault(r); err == nil {
				panic(r)
			}
		}
	}()
	f()
	return nil
}

// Fault returns the [*ChangedError] for r if r is the panic of a memory
// fault at an address in a live mapping, and nil otherwise.
func Fault(r any) error {
	addr, ok := r.(interface{ Addr() uintptr })
	if !ok {
		return nil
	}
	if name, ok := live.find(addr.Addr()); ok {
		return &ChangedError{Name: name}
	}
	return nil
}

// live holds the mappings not yet released, for Fault.
var live registry

type registry struct {
	mu sync.Mutex
	ms map[*mapping]bool
}

func (r *registry) add(m *mapping) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ms == nil {
		r.ms = map[*mapping]bool{}
	}
	r.ms[m] = true
}

func (r *registry) remove(m *mapping) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.ms, m)
}

func (r *registry) find(addr uintptr) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for m := range r.ms {
		if addr >= m.start && addr < m.end {
			return m.name, true
		}
	}
	return "", false
}
