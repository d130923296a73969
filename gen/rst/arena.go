package rst

import (
	"sync"
	"unsafe"

	"github.com/rst2go/rst2go/gen/doc"
)

// A page of API reference is mostly small things: a table of a thousand
// rows holds thousands of cells, blocks, inline runs and the slices that
// hold them. Allocated one by one they were most of the reader's time, so
// the reader takes them from chunks (an arena). The arena belongs to the
// scratch of one reading goroutine and the pages it reads share it: a page
// does not leave half a chunk unused behind it, which on a doc set of
// small pages was a third of the model's memory. A page may therefore keep
// a neighbour's last chunk alive; the cost is bounded by one chunk of each
// kind.

// chunk hands out values of T from a few large allocations.
type chunk[T any] struct {
	free []T
	size int // the length of the last allocation, doubling up to chunkBytes
	// A chunk of a scratch arena (see arena.reset) keeps its allocations
	// and hands them out again after a reset; used counts those in use.
	scratch bool
	kept    [][]T
	used    int
}

// chunkBytes bounds a chunk's allocation: below the runtime's large
// object size, so that chunks come from its size classes as small objects
// do, and large enough that allocations are rare.
const chunkBytes = 32 << 10

// maxChunk bounds the chunks of a stackPool, in values.
const maxChunk = 1024

// new returns a pointer to a zero T.
func (c *chunk[T]) new() *T {
	if len(c.free) == 0 {
		c.grow(1)
	}
	v := &c.free[0]
	c.free = c.free[1:]
	return v
}

// take returns n zero values, nil when n is 0 (as an empty append leaves
// it). The slice's capacity is n, so an append to it by a later reader of
// the model copies instead of writing into a neighbour.
func (c *chunk[T]) take(n int) []T {
	if n == 0 {
		return nil
	}
	if len(c.free) < n {
		c.grow(n)
	}
	s := c.free[:n:n]
	c.free = c.free[n:]
	return s
}

func (c *chunk[T]) grow(n int) {
	for c.scratch && c.used < len(c.kept) {
		k := c.kept[c.used]
		c.used++
		if len(k) >= n {
			c.free = k // cleared by reset
			return
		}
	}
	var zero T
	c.size = min(max(2*c.size, 8), max(chunkBytes/int(unsafe.Sizeof(zero)), 1))
	c.free = make([]T, max(c.size, n))
	if c.scratch {
		c.kept = append(c.kept, c.free)
		c.used = len(c.kept)
	}
}

// reset makes a scratch chunk's values free again, zero, and drops what
// they pointed to.
func (c *chunk[T]) reset() {
	for _, k := range c.kept[:c.used] {
		clear(k)
	}
	c.free, c.used = nil, 0
	if c.scratch {
		c.kept = keepChunks(c.kept)
	}
}

// copyOf returns a copy of s from the chunk.
func copyOf[T any](c *chunk[T], s []T) []T {
	out := c.take(len(s))
	copy(out, s)
	return out
}

// stackPool hands out values of T like a stack: release gives back
// everything handed out since a mark, and reset everything. It holds the
// reader's own nodes, which the page does not keep: a table cell's nodes
// die as soon as they are turned into blocks, and cells are most of a
// page, so one cell's nodes are the next cell's; and the pools of one page
// are the next page's (see scratch).
type stackPool[T any] struct {
	chunks [][]T
	at     poolMark
	used   int // chunks handed out from since the last reset
}

// poolMark is where the next value comes from: chunk and offset.
type poolMark struct{ chunk, off int }

func (p *stackPool[T]) new() *T { return &p.take(1)[0] }

// take returns n zero values, nil when n is 0; the capacity is n.
func (p *stackPool[T]) take(n int) []T {
	if n == 0 {
		return nil
	}
	for {
		if p.at.chunk == len(p.chunks) {
			size := maxChunk
			if len(p.chunks) < 8 {
				size = min(8<<len(p.chunks), maxChunk)
			}
			p.chunks = append(p.chunks, make([]T, max(size, n)))
		}
		if c := p.chunks[p.at.chunk]; p.at.off+n <= len(c) {
			s := c[p.at.off : p.at.off+n : p.at.off+n]
			p.at.off += n
			clear(s) // it may have been handed out before
			return s
		}
		p.at.chunk++
		p.at.off = 0
		p.used = max(p.used, p.at.chunk+1)
	}
}

func (p *stackPool[T]) mark() poolMark { return p.at }

// release makes the values handed out since m free again.
func (p *stackPool[T]) release(m poolMark) { p.at = m }

// reset makes every value free again and drops what they point to. It
// clears only the chunks used since the last reset: a pool grown by one
// large page must not make every small page after it slow.
func (p *stackPool[T]) reset() {
	for _, c := range p.chunks[:min(max(p.used, 1), len(p.chunks))] {
		clear(c)
	}
	p.at, p.used = poolMark{}, 0
	p.chunks = keepChunks(p.chunks)
}

// keepBytes bounds what the scratch keeps of each of its buffers for the
// next page (see scratch.reset): a large page's scratch is left to the
// collector. The lines and nodes of a 50 MB page were 45 MB, and the
// scratch pool kept them alive while the pages were resolved.
const keepBytes = 1 << 20

// keepChunks returns the first chunks, up to keepBytes of them, and drops
// the others.
func keepChunks[T any](chunks [][]T) [][]T {
	var zero T
	n, size := 0, 0
	for n < len(chunks) && size+len(chunks[n])*int(unsafe.Sizeof(zero)) <= keepBytes {
		size += len(chunks[n]) * int(unsafe.Sizeof(zero))
		n++
	}
	clear(chunks[n:])
	return chunks[:n]
}

// keepSlice returns s emptied, or nil when it holds more than keepBytes.
func keepSlice[T any](s []T) []T {
	var zero T
	if cap(s)*int(unsafe.Sizeof(zero)) > keepBytes {
		return nil
	}
	return s[:0]
}

// scratch is what the reader needs only while it reads a page: nodes, the
// lists that hold them, and the stacks of the block parser. Pages reuse it
// (scratchPool), so that reading a page allocates little besides the page.
type scratch struct {
	nodes     stackPool[node]
	nodeLists stackPool[*node]
	// stack holds the nodes of the blocks being parsed, innermost last:
	// parseBlocks copies its own out when it is done, so that a node list
	// is one exact piece of nodeLists. bstack does the same for the blocks
	// of cells; lines holds the lines of the blocks being parsed (a cell's,
	// a list item's, a directive's, without their indentation) and texts
	// their texts for the table parser. pageLines are the page's own lines
	// (splitLines). The arena is not scratch: what it hands out is the
	// pages', and reset leaves it alone.
	stack     []*node
	bstack    []*doc.Block
	lines     []line
	texts     []string
	pageLines []line
	arena     arena
	// cells is the scratch arena of the table cells that the page does
	// not keep (see parser.tableNode), reset after each table.
	cells *arena
}

var scratchPool = sync.Pool{New: func() any { return &scratch{cells: newScratchArena()} }}

// reset drops every reference to the page read, before the next page,
// and what a large page made the scratch grow to (keepBytes). (The stacks
// are cleared as they are popped.)
func (s *scratch) reset() {
	s.nodes.reset()
	s.nodeLists.reset()
	s.stack, s.bstack, s.lines, s.texts = keepSlice(s.stack), keepSlice(s.bstack), keepSlice(s.lines), keepSlice(s.texts)
	clear(s.pageLines)
	s.pageLines = keepSlice(s.pageLines)
	s.cells.reset()
}

// arena holds the chunks that pages are made of (see chunk). A scratch
// arena (newScratchArena) holds what the reader parses but the page does
// not keep, and is reset to be used again.
type arena struct {
	inlines    chunk[doc.Inline]
	inlineRefs chunk[*doc.Inline]
	refs       chunk[doc.Ref]
	blocks     chunk[doc.Block]
	blockRefs  chunk[*doc.Block]
	cells      chunk[doc.Cell]
	cellRefs   chunk[*doc.Cell]
	rows       chunk[doc.Row]

	inlineScratch []*doc.Inline // parseInlines' list before it is copied out
}

func (a *arena) inline(v doc.Inline) *doc.Inline {
	p := a.inlines.new()
	*p = v
	return p
}

func (a *arena) ref(v doc.Ref) *doc.Ref {
	p := a.refs.new()
	*p = v
	return p
}

// newScratchArena returns an arena whose chunks are reused after a reset.
func newScratchArena() *arena {
	a := new(arena)
	a.inlines.scratch, a.inlineRefs.scratch, a.refs.scratch = true, true, true
	a.blocks.scratch, a.blockRefs.scratch = true, true
	a.cells.scratch, a.cellRefs.scratch, a.rows.scratch = true, true, true
	return a
}

// reset makes everything a scratch arena handed out free again.
func (a *arena) reset() {
	a.inlines.reset()
	a.inlineRefs.reset()
	a.refs.reset()
	a.blocks.reset()
	a.blockRefs.reset()
	a.cells.reset()
	a.cellRefs.reset()
	a.rows.reset()
	clear(a.inlineScratch[:cap(a.inlineScratch)])
}
