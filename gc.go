package main

import (
	"os"
	"runtime/debug"

	"github.com/rst2go/rst2go/gen"
)

// batchGC is set by main: the process is one run of the command, so the
// garbage collector can be set for it (tuneGC). Tests that call run many
// times in one process leave it alone.
var batchGC bool

// tuneGC sets the garbage collector for a run over the given inputs. A run
// is short and its heap only grows until the files are written, so
// collecting as the heap doubles (GOGC=100) mostly finds little garbage:
// on ecs/rst (3 MB of pages) it costs about a quarter of the run's CPU.
// The collector is therefore off, below a memory limit sized from the
// input: 4 bytes of heap for each byte of input (the pages, their model
// and the resolved package stay live to the end: about 3.2 bytes a byte on
// a 62 MB doc set) plus 16 MiB, and never less than 64 MiB. A small run
// never collects; a large one collects only near its limit, so that its
// peak memory stays in proportion to its input. GOGC or GOMEMLIMIT in the
// environment win.
func tuneGC(inputs []gen.Input) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var size int64
	for _, in := range inputs {
		size += int64(len(in.Data))
	}
	debug.SetMemoryLimit(gcLimit(size))
	debug.SetGCPercent(-1)
}

// gcLimit is the memory limit of a run over size bytes of input.
func gcLimit(size int64) int64 {
	const minLimit, perByte, extra = 64 << 20, 4, 16 << 20
	if size > (1<<62)/perByte {
		return 1 << 62
	}
	return max(minLimit, perByte*size+extra)
}
