//go:build unix

package outdir

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// lockDir takes an advisory lock (flock) on the folder itself: exclusive
// for a run that writes, shared for one that only reads it (-check). The
// kernel releases it when the process ends, however it ends, so a killed
// run never leaves a stale lock. When another run holds it, wait is
// called once and the lock is polled for until LockTimeout.
func lockDir(dir string, exclusive bool, wait func()) (release func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	deadline := time.Now().Add(LockTimeout)
	for waited := false; ; waited = true {
		err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			break
		}
		if !waited && wait != nil {
			wait()
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%s: another rst2go run has held the folder for %s; giving up", dir, LockTimeout)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: cannot lock the folder: %w", dir, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
