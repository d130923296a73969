package rst

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/rst/rsttest"
)

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

// TestPagesKeepTheirContent: pages read one after another share the
// reading goroutine's arena and scratch, so each page, as it was when it
// was read, must be what it is once the others have been read.
func TestPagesKeepTheirContent(t *testing.T) {
	spec, err := os.ReadFile(filepath.Join("..", "..", "spec", "ecs", "responses_batch_operation.rst"))
	if err != nil {
		t.Fatal(err)
	}
	srcs := [][]byte{
		spec,
		rsttest.LongPage(30_000),
		rsttest.TablePage(300),
		[]byte("T\n=\n\n- a *b* ``c``\n- d\n\n.. note::\n\n   e :ref:`f <g>`\n\n.. code-block:: json\n\n   {}\n"),
		spec,
	}
	var pages []*doc.Page
	var dumps []string
	for i, src := range append(srcs, srcs...) {
		// The second time, parameter tables are read into Params in the
		// scratch arena, which the next table reuses.
		p, _ := ReadWith(fmt.Sprintf("p%d.rst", i), src, Options{DropRows: i >= len(srcs)})
		data, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
		dumps = append(dumps, string(data))
	}
	for i, p := range pages {
		data, _ := json.Marshal(p)
		if string(data) != dumps[i] {
			t.Errorf("page %d changed after later pages were read", i)
		}
	}
}

// TestScratchChunk: a scratch arena's chunk hands out its allocations
// again after a reset, zeroed, and keeps at most keepBytes of them.
func TestScratchChunk(t *testing.T) {
	a := newScratchArena()
	first := a.inlines.take(3)
	first[0].Text = "x"
	for range 20_000 {
		a.inlines.new().Text = "y"
	}
	a.reset()
	if again := a.inlines.take(3); &again[0] != &first[0] || again[0].Text != "" {
		t.Errorf("after reset: %p %q, want the first allocation (%p) zeroed", &again[0], again[0].Text, &first[0])
	}
	size := 0
	for _, k := range a.inlines.kept {
		size += len(k) * int(unsafe.Sizeof(doc.Inline{}))
	}
	if size > keepBytes || size == 0 {
		t.Errorf("a reset scratch chunk keeps %d bytes, want some and at most %d", size, keepBytes)
	}
}

// TestScratchReset: after a large page the scratch keeps at most
// keepBytes of each buffer for the next page; after a small one, all.
func TestScratchReset(t *testing.T) {
	s := &scratch{cells: newScratchArena()}
	s.pageLines = make([]line, 10, 1<<20) // 32 MB
	s.lines = make([]line, 10)
	for range 50_000 {
		s.nodes.new()
	}
	s.reset()
	if cap(s.pageLines) != 0 || cap(s.lines) != 10 || len(s.lines) != 0 {
		t.Errorf("kept %d page lines and %d lines of scratch, want 0 and 10", cap(s.pageLines), cap(s.lines))
	}
	size := 0
	for _, c := range s.nodes.chunks {
		size += len(c) * int(unsafe.Sizeof(node{}))
	}
	if size > keepBytes || size == 0 {
		t.Errorf("the node pool keeps %d bytes, want some and at most %d", size, keepBytes)
	}
}
