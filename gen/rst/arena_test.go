package rst

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

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
	for i, src := range srcs {
		p, _ := Read(fmt.Sprintf("p%d.rst", i), src)
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
