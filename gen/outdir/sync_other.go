//go:build !linux

package outdir

// syncAll reports false: sync(2) need not wait elsewhere, so files are
// synced one by one.
func syncAll() bool { return false }
