package gen

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/rst2go/rst2go/gen/resolve"
	"github.com/rst2go/rst2go/gen/rst/rsttest"
)

// benchFolders are the corpus folders the pipeline benchmarks run on.
var benchFolders = []string{"ecs/rst", "ecs-2022/rst", "cbr/rst", "ecs-2022/html"}

func inputBytes(inputs []Input) int64 {
	var n int64
	for _, in := range inputs {
		n += int64(len(in.Data))
	}
	return n
}

// BenchmarkGenerate runs the whole pipeline (read in parallel, resolve,
// emit) on each corpus folder.
func BenchmarkGenerate(b *testing.B) {
	root := corpusDir(b)
	for _, folder := range benchFolders {
		b.Run(folder, func(b *testing.B) {
			inputs := folderInputs(b, filepath.Join(root, folder))
			b.SetBytes(inputBytes(inputs))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Generate(inputs, Options{Package: "bench"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGenerateDocSet runs the whole pipeline on a doc set of 60 MB
// or more: the RST folders of the corpus again and again, each copy under
// its own folder name, as one cloud's docs are thousands of pages.
func BenchmarkGenerateDocSet(b *testing.B) {
	root := corpusDir(b)
	var folders [][]Input
	for _, folder := range []string{"ecs/rst", "ecs-2022/rst", "cbr/rst"} {
		folders = append(folders, folderInputs(b, filepath.Join(root, folder)))
	}
	const want = 60 << 20
	var inputs []Input
	for n := 0; inputBytes(inputs) < want; n++ {
		for _, in := range folders[n%len(folders)] {
			in.Path = fmt.Sprintf("copy%02d/%s", n, in.Path)
			inputs = append(inputs, in)
		}
	}
	b.Run(fmt.Sprintf("pages=%d", len(inputs)), func(b *testing.B) {
		b.SetBytes(inputBytes(inputs))
		b.ReportAllocs()
		var res *Result
		for b.Loop() {
			var err error
			if res, err = Generate(inputs, Options{Package: "bench"}); err != nil {
				b.Fatal(err)
			}
		}
		reportLive(b, res)
	})
}

// BenchmarkGenerateLarge runs the whole pipeline on one synthetic page of
// many API sections (rsttest.LongPage) at two sizes: equal MB/s shows the
// cost is linear in the page, as it was not when every field looking for
// its table by name scanned the titles of every table of its page.
func BenchmarkGenerateLarge(b *testing.B) {
	for _, size := range []int{1 << 20, 10 << 20} {
		src := rsttest.LongPage(size)
		b.Run(fmt.Sprintf("sections=%dMB", size>>20), func(b *testing.B) {
			inputs := []Input{{Path: "long.rst", Data: src}}
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Generate(inputs, Options{Package: "bench"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGenerateChain runs the whole pipeline on one synthetic page of
// parameter tables, each nesting the next (rsttest.ChainPage: 31,758
// tables at 50 MB, one Go file), at two sizes: equal MB/s and live-MB/MB
// show time and memory linear in the page. live-MB is the heap the
// result holds (inputs included); the peak of a run is above it. The run
// drops rows and Params as the command does (Options.DropRows).
func BenchmarkGenerateChain(b *testing.B) {
	for _, size := range []int{1 << 20, 4 << 20} {
		src := rsttest.ChainPage(size)
		b.Run(fmt.Sprintf("size=%dMB", size>>20), func(b *testing.B) {
			inputs := []Input{{Path: "chain.rst", Data: src}}
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			var res *Result
			for b.Loop() {
				var err error
				if res, err = Generate(inputs, Options{Package: "bench", DropRows: true}); err != nil {
					b.Fatal(err)
				}
			}
			reportLive(b, res)
		})
	}
}

// reportLive reports the heap live while res is, in MB.
func reportLive(b *testing.B, res *Result) {
	b.StopTimer()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "live-MB")
	runtime.KeepAlive(res)
}

// BenchmarkResolve runs the resolver alone on pages read once.
func BenchmarkResolve(b *testing.B) {
	root := corpusDir(b)
	for _, folder := range benchFolders {
		b.Run(folder, func(b *testing.B) {
			inputs := folderInputs(b, filepath.Join(root, folder))
			pages, _, err := readAll(inputs, false)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(inputBytes(inputs))
			b.ReportAllocs()
			for b.Loop() {
				resolve.Resolve(pages, resolve.Options{Package: "bench"})
			}
		})
	}
}

// folderInputs reads the pages of one format under a corpus folder (the
// HTML folder also holds a .txt file that is not a page).
func folderInputs(b *testing.B, dir string) []Input {
	format := "rst"
	if filepath.Base(dir) == "html" {
		format = "html"
	}
	var inputs []Input
	for _, in := range readTree(b, dir) {
		if FormatOf(in.Path) == format {
			inputs = append(inputs, in)
		}
	}
	if len(inputs) == 0 {
		b.Fatalf("no pages in %s", dir)
	}
	return inputs
}
