package mapfile

import (
	"io/fs"
	"os"
	"syscall"
	"unsafe"
)

// The system calls are made here rather than through os.Open, which would
// also try to register each file with the network poller (five more
// calls, all failing or undone, for a regular file): for a small page
// that costs more than reading it.

// mapping is a mapped file: its descriptor stays open until the mapping
// is released, so that Check sees the file the bytes come from even if
// another file has since been renamed over its name.
type mapping struct {
	name       string
	fd         int
	stamp      stamp
	start, end uintptr // the mapped addresses, whole pages
}

// stamp is what tells that a file changed.
type stamp struct {
	size  int64
	mtime syscall.Timespec
}

func stampOf(st *syscall.Stat_t) stamp { return stamp{st.Size, st.Mtim} }

func (m *mapping) unchanged() bool {
	var st syscall.Stat_t
	if err := fstat(m.fd, &st); err != nil {
		return false
	}
	return stampOf(&st) == m.stamp
}

func (m *mapping) release(data []byte) {
	syscall.Munmap(data)
	syscall.Close(m.fd)
}

// dropPages has the system take the mapping's pages out of the process's
// memory (MADV_DONTNEED): a page touched again is read again from the
// file, as on first use.
func (m *mapping) dropPages(data []byte) {
	syscall.Madvise(data, syscall.MADV_DONTNEED)
}

func open(name string) (*File, error) {
	fd, st, err := openFile(name)
	if err != nil {
		return nil, err
	}
	size := st.Size
	if st.Mode&syscall.S_IFMT == syscall.S_IFREG && size >= minMapped && int64(int(size)) == size {
		data, err := syscall.Mmap(fd, 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
		if err == nil {
			start := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
			page := uintptr(syscall.Getpagesize())
			m := &mapping{name: name, fd: fd, stamp: stampOf(&st), start: start, end: (start + uintptr(size) + page - 1) &^ (page - 1)}
			live.add(m)
			return &File{Name: name, Data: data, m: m}, nil
		}
		// Too many mappings, say: read it.
	}
	defer syscall.Close(fd)
	data, err := readFile(name, fd, &st)
	if err != nil {
		return nil, err
	}
	return &File{Name: name, Data: data}, nil
}

func read(name string) ([]byte, error) {
	fd, st, err := openFile(name)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	return readFile(name, fd, &st)
}

func openFile(name string) (int, syscall.Stat_t, error) {
	var st syscall.Stat_t
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return -1, st, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if err := fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return -1, st, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return fd, st, nil
}

// readFile reads an open file whose status is st: a regular file in one
// buffer of its size (and a byte more, to see it has not grown), then
// checked against its status again; anything else as os.ReadFile reads it.
func readFile(name string, fd int, st *syscall.Stat_t) ([]byte, error) {
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG || int64(int(st.Size)) != st.Size {
		return os.ReadFile(name)
	}
	buf := make([]byte, st.Size+1)
	n := 0
	for n < len(buf) {
		m, err := syscall.Read(fd, buf[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if m == 0 {
			break
		}
		n += m
	}
	var after syscall.Stat_t
	if int64(n) != st.Size || fstat(fd, &after) != nil || stampOf(&after) != stampOf(st) {
		return nil, &ChangedError{Name: name}
	}
	return buf[:n:n], nil
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		err := syscall.Fstat(fd, st)
		if err != syscall.EINTR {
			return err
		}
	}
}
