package main

import (
	"testing"

	"github.com/rst2go/rst2go/gen"
)

func TestGCLimit(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		size, want int64
	}{
		{0, 64 * mib},
		{3 * mib, 64 * mib},   // ecs/rst: never collects
		{12 * mib, 64 * mib},  // 4×12+16 = 64
		{13 * mib, 68 * mib},  // 4×13+16
		{62 * mib, 264 * mib}, // a 62 MB doc set
		{1 << 61, 1 << 62},    // no overflow
	}
	for _, tt := range tests {
		if got := gcLimit(tt.size); got != tt.want {
			t.Errorf("gcLimit(%d) = %d, want %d", tt.size, got, tt.want)
		}
	}
}

// TestCollectAfterResolve: only a run over more than smallInput bytes
// collects between resolving and emitting, and not when the environment
// sets the collector.
func TestCollectAfterResolve(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	small := []gen.Input{{Data: make([]byte, smallInput)}}
	large := []gen.Input{{Data: make([]byte, smallInput/2)}, {Data: make([]byte, smallInput/2+1)}}
	if collectAfterResolve(small) != nil || collectAfterResolve(large) == nil {
		t.Errorf("collect after resolving: %d bytes %v, %d bytes %v; want no, yes",
			smallInput, collectAfterResolve(small) != nil, smallInput+1, collectAfterResolve(large) != nil)
	}
	t.Setenv("GOGC", "100")
	if collectAfterResolve(large) != nil {
		t.Error("collects after resolving although GOGC is set")
	}
}
