package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

	"github.com/rst2go/rst2go/gen"
)

// The garbage collector of the command. A run is short and its heap only
// grows until the files are written, so collecting whenever the heap has
// doubled (Go's default, GOGC=100) mostly finds little garbage: on ecs/rst
// (3 MB of pages) that was a quarter of the run's CPU. So:
//
//   - from the start, and for a run over at most smallInput bytes of pages,
//     the collector is off below a memory limit: such a run never collects;
//   - a larger run collects whenever its heap has grown by half
//     (GOGC=50, bigPercent), and also near a memory limit sized from its
//     input, so that its peak stays in proportion to its input: its live
//     heap is most of its heap (the pages and their model stay to the
//     end), so Go's doubling would make the peak twice the live heap
//     (62 MB doc set: 477 MB peak; at GOGC=50 353 MB for 15% more CPU);
//   - the limit is 4 bytes for each byte of input plus 16 MiB, and never
//     less than 64 MiB (the pages, their model and the Go model stay live
//     to the end: about 3 to 4 bytes a byte on a 62 MB doc set);
//   - should the heap that stays live outgrow that (over 3/4 of the heap
//     the limit allows, after a collection) and the collector take more
//     than a third of the run's CPU (stormShare), collecting near the
//     limit finds little, again and again (up to half the CPU, the
//     runtime's cap): the limit is dropped, and the collector only
//     collects whenever the heap has grown by 35% (stormPercent: a
//     50 MB page of nested tables keeps some 300 MB live while it is
//     resolved, and peaked at 466-486 MB at GOGC=50, 415-436 MB at 35 for
//     10% more CPU, 420-427 MB at 25 for 20% more). The share matters,
//     not the live heap alone:
//     the 62 MB doc set keeps about 0.9 of its heap goal live for its
//     last second at no great cost (GC 17% of its CPU), and dropping the
//     limit there made its peak 353 MB instead of 295.
//
// GOGC or GOMEMLIMIT in the environment win over all this.

// batchGC is set by main: the process is one run of the command, so the
// collector can be set for it. Tests that call run many times in one
// process leave it alone.
var batchGC bool

// smallInput is the most input a run may have to never collect.
const smallInput = 16 << 20

// bigPercent is the GOGC of a run over more than smallInput bytes.
const bigPercent = 50

// stormPercent is the GOGC of a run whose live heap outgrew the limit.
const stormPercent = 35

// stormShare is the share of the CPU the collector may take, while the
// live heap is near the limit, before the limit is dropped.
const stormShare = 1.0 / 3

// userGC reports whether the environment sets the collector.
func userGC() bool { return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" }

// startGC sets the collector for the start of a run: off, below the
// smallest limit, until the size of the input is known (tuneGC).
func startGC() {
	if userGC() {
		return
	}
	debug.SetMemoryLimit(gcLimit(0))
	debug.SetGCPercent(-1)
}

// tuneGC sets the collector for a run over the given inputs.
func tuneGC(inputs []gen.Input) {
	if userGC() {
		return
	}
	size := inputSize(inputs)
	debug.SetMemoryLimit(gcLimit(size))
	if size > smallInput {
		debug.SetGCPercent(bigPercent)
	} else {
		debug.SetGCPercent(-1)
	}
	afterGC(func(live, goal int64, gcShare float64) bool {
		if live <= goal/4*3 || gcShare <= stormShare {
			return true
		}
		debug.SetGCPercent(stormPercent)
		debug.SetMemoryLimit(math.MaxInt64)
		return false
	})
}

// inputSize is the size of a run's pages.
func inputSize(inputs []gen.Input) int64 {
	var size int64
	for _, in := range inputs {
		size += int64(len(in.Data))
	}
	return size
}

// collectAfterResolve returns what the command calls between resolving
// and emitting (gen.Options.Resolved): in a run over more than
// smallInput bytes, a collection. The pages' Params have just been
// dropped (a third of the 50 MB chain's live heap): without it the heap
// grew to 1.35 times the live heap of the last collection before the
// drop, which was the run's peak. nil otherwise.
func collectAfterResolve(inputs []gen.Input) func() {
	if userGC() || inputSize(inputs) <= smallInput {
		return nil
	}
	return runtime.GC
}

// gcLimit is the memory limit of a run over size bytes of input.
func gcLimit(size int64) int64 {
	const minLimit, perByte, extra = 64 << 20, 4, 16 << 20
	if size > (1<<62)/perByte {
		return 1 << 62
	}
	return max(minLimit, perByte*size+extra)
}

// afterGC calls f with the live heap, the next heap goal and the share of
// the process's CPU the collector took so far after each collection (soon
// after: from a cleanup the collection queues) while f returns true.
func afterGC(f func(live, goal int64, gcShare float64) bool) {
	sample := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"},
		{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"},
	}
	var arm func()
	arm = func() {
		// A pointer-free object of 64 bytes: not from the tiny
		// allocator, whose blocks may outlive it.
		runtime.AddCleanup(new([64]byte), func(struct{}) {
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 || sample[1].Value.Kind() != metrics.KindUint64 ||
				sample[2].Value.Kind() != metrics.KindFloat64 || sample[3].Value.Kind() != metrics.KindFloat64 {
				return
			}
			var share float64
			if total := sample[3].Value.Float64(); total > 0 {
				share = sample[2].Value.Float64() / total
			}
			if f(int64(sample[0].Value.Uint64()), int64(sample[1].Value.Uint64()), share) {
				arm()
			}
		}, struct{}{})
	}
	arm()
}
