package main

import "testing"

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
