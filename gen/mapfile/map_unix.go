//go:build unix

package mapfile

import "syscall"

// mapped maps the named file if it is a regular file of some bytes. It
// makes the system calls itself: os.Open would also try to register the
// file with the network poller (five more calls, all failing or undone,
// for a regular file), which costs more than reading a small page.
func mapped(name string) ([]byte, bool) {
	fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, false
	}
	size := int64(st.Size)
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG || size <= 0 || int64(int(size)) != size {
		return nil, false
	}
	data, err := syscall.Mmap(fd, 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, false
	}
	return data, true
}
