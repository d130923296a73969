package rst

import "testing"

// TestStackPool: values come back zeroed after release and reset, marks
// nest, and reset clears only what was used since the last one.
func TestStackPool(t *testing.T) {
	var p stackPool[int]
	for i := range 5000 {
		*p.new() = i + 1
	}
	if p.used < 5 {
		t.Fatalf("5000 values in %d chunks", p.used)
	}
	p.reset()
	if p.used != 0 || p.at != (poolMark{}) {
		t.Fatalf("after reset: used %d, at %+v", p.used, p.at)
	}
	for _, c := range p.chunks {
		for _, v := range c {
			if v != 0 {
				t.Fatal("reset left a value")
			}
		}
	}
	a := p.take(3)
	copy(a, []int{1, 2, 3})
	m := p.mark()
	b := p.take(2)
	copy(b, []int{4, 5})
	p.release(m)
	if c := p.take(2); c[0] != 0 || c[1] != 0 || cap(c) != 2 || a[2] != 3 {
		t.Fatalf("after release: %v (kept %v)", c, a)
	}
	if p.take(0) != nil {
		t.Fatal("take(0) is not nil")
	}
	if big := p.take(3 * maxChunk); len(big) != 3*maxChunk {
		t.Fatalf("take(%d) gave %d", 3*maxChunk, len(big))
	}
	p.reset()
	*p.new() = 7
	if p.used > 1 {
		t.Fatalf("one value after reset: %d chunks to clear", p.used)
	}
}
