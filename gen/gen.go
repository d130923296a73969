// Package gen is rst2go as a library: Generate reads pages, resolves them
// and renders Go files, as a pure function of its inputs (no I/O), so that
// the command and the tests run exactly the same code.
package gen

import (
	"errors"
	"fmt"
	"path"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rst2go/rst2go/gen/config"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/emit"
	"github.com/rst2go/rst2go/gen/html"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/lock"
	"github.com/rst2go/rst2go/gen/markdown"
	"github.com/rst2go/rst2go/gen/resolve"
	"github.com/rst2go/rst2go/gen/rst"
	"github.com/rst2go/rst2go/gen/source"
	"github.com/rst2go/rst2go/gen/text"
)

// Input is one page to read.
type Input struct {
	// Path names the page in positions and in the output header
	// (slash-separated, relative to where the tool runs).
	Path string
	// Data is the page's text. Readers never write to it and the result's
	// pages may point into it (the RST reader does not copy it), so it
	// must not change while the result is in use.
	Data []byte
	// Format is one of the values of [Formats]; empty means: by the file
	// name's extension.
	Format string
	// Loaded, when set, is called once the page is read and no longer
	// points into Data: Generate then copies what the page keeps of Data
	// (doc.Page.Detach) before calling it. The command has the system
	// drop a mapped file's pages from memory there (a large page keeps
	// about a fifth of its text).
	Loaded func()
}

// Options configure a run.
type Options struct {
	// Package is the Go package name of the output.
	Package string
	// Config holds the settings of rst2go.yaml, or nil.
	Config *config.Config
	// Lock is the names lock read from the output folder, or nil (the
	// first run).
	Lock *lock.Lock
	// DropRows drops the rows of the pages' parameter tables as they are
	// read: their Params hold all the resolver reads of them, and on a
	// page of many tables the rows and cells were 40% of its model. It
	// also drops the Params once the pages are resolved (the emitter
	// reads the Go model and the descriptions' blocks only): the result's
	// tables then have no Params and its fields and operation parameters
	// no Param or Row. The command sets it unless it dumps the pages or
	// lints.
	DropRows bool
	// Resolved, when set, is called once the pages are resolved and,
	// with DropRows, their Params dropped, before the files are emitted:
	// the command collects garbage there in a large run (the heap then
	// holds a third less than a moment before, and the collector would
	// otherwise let it grow from the larger size).
	Resolved func()
}

// Output is one generated file.
type Output struct {
	Name string
	Data []byte
}

// Result is what a run produced.
type Result struct {
	Pages   []*doc.Page
	Package *ir.Package
	Files   []Output
	Diags   source.List
	// Ignored are the warnings the config's ignore entries silenced (for
	// -v; they are not in Diags).
	Ignored source.List
	// Lock is the names lock after this run (lock.FileName in the output
	// folder): every generated type's key and name.
	Lock []byte
	// Timing is how long each step took (for -v; never in the output).
	Timing Timing
}

// Timing is the wall time of each step of a run.
type Timing struct {
	Read, Resolve, Emit time.Duration
}

// Formats maps file extensions to the formats Generate reads.
var Formats = map[string]string{
	".rst": "rst", ".rest": "rst",
	".html": "html", ".htm": "html",
	".md": "md", ".markdown": "md",
	".txt": "text",
}

// readers are the readers by format.
var readers = map[string]func(path string, src []byte) (*doc.Page, source.List){
	"rst":  rst.Read,
	"html": html.Read,
	"md":   markdown.Read,
	"text": text.Read,
}

// readRSTDroppingRows reads an RST page for Options.DropRows.
func readRSTDroppingRows(path string, src []byte) (*doc.Page, source.List) {
	return rst.ReadWith(path, src, rst.Options{DropRows: true})
}

// IsFormat reports whether name is a format Generate reads.
func IsFormat(name string) bool { return readers[name] != nil }

// FormatOf returns the format for a file name, or "".
func FormatOf(name string) string {
	return Formats[strings.ToLower(path.Ext(name))]
}

// Generate reads, resolves and renders. Problems in the pages are
// diagnostics in the result; the error is for failures of rst2go itself.
func Generate(inputs []Input, opts Options) (*Result, error) {
	res, err := resolveModel(inputs, opts)
	if err != nil {
		return nil, err
	}
	// Resolved is called before the lock is made: what it collects (the
	// Params, the resolver's plans) is then all there is to collect, not
	// also the heap's growth while the lock is made (the 50 MB chain: its
	// 9 MB lock and a map of its 31,758 keys).
	if opts.Resolved != nil {
		opts.Resolved()
	}
	start := time.Now()
	res.Lock = LockOf(res.Package)
	res.Timing.Resolve += time.Since(start)
	start = time.Now()
	pkg := res.Package
	res.Files = make([]Output, len(pkg.Files))
	errs := make([]error, len(pkg.Files))
	perr := parallel(len(pkg.Files), func(i int) {
		f := pkg.Files[i]
		data, err := emit.File(pkg, f)
		res.Files[i], errs[i] = Output{Name: f.Name, Data: data}, err
	})
	if err := errors.Join(append(errs, perr)...); err != nil {
		return nil, err
	}
	res.Timing.Emit = time.Since(start)
	return res, nil
}

// Resolve reads and resolves, as Generate does, and renders nothing: the
// result has no Files. It is the model every output other than Go files
// reads (-diff compares two of them).
func Resolve(inputs []Input, opts Options) (*Result, error) {
	res, err := resolveModel(inputs, opts)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	res.Lock = LockOf(res.Package)
	res.Timing.Resolve += time.Since(start)
	return res, nil
}

// resolveModel is Resolve without the lock (Result.Lock).
func resolveModel(inputs []Input, opts Options) (*Result, error) {
	res := &Result{}
	start := time.Now()
	pages, diags, err := readAll(inputs, opts.DropRows)
	if err != nil {
		return nil, err
	}
	res.Timing.Read = time.Since(start)
	if opts.DropRows {
		dropRows(pages)
	}
	start = time.Now()
	res.Pages = pages
	for _, d := range diags {
		res.Diags = append(res.Diags, d...)
	}
	pkg, rdiags := resolve.Resolve(res.Pages, resolve.Options{Package: opts.Package, Config: opts.Config, Lock: opts.Lock})
	res.Package = pkg
	res.Diags = append(res.Diags, rdiags...)
	res.Diags.Sort()
	res.Diags, res.Ignored = resolve.Silence(res.Pages, res.Diags, opts.Config)
	if opts.DropRows {
		dropParams(res.Pages, pkg)
	}
	res.Timing.Resolve = time.Since(start)
	return res, nil
}

// dropRows drops the rows of the pages' parameter tables (Options.DropRows)
// that the readers kept: the RST reader drops them as it reads.
func dropRows(pages []*doc.Page) {
	for _, p := range pages {
		for _, t := range p.Tables {
			if t != nil && t.Kind == doc.Parameters {
				t.Rows = nil
			}
		}
	}
}

// dropParams drops the pages' Params and the Go model's links to them
// (Options.DropRows), so that the emitter's peak does not hold them: on a
// page of many tables they were a quarter of the heap live at the end.
func dropParams(pages []*doc.Page, pkg *ir.Package) {
	for _, p := range pages {
		for _, t := range p.Tables {
			if t != nil {
				t.Params = nil
			}
		}
	}
	for _, f := range pkg.Files {
		for _, t := range f.Types {
			for _, fl := range t.Fields {
				fl.Param = nil
			}
		}
	}
	for _, op := range pkg.Operations {
		for _, p := range op.Params {
			p.Row = nil
		}
	}
}

// LockOf is the names lock of a package: each type's key and name.
func LockOf(pkg *ir.Package) []byte {
	entries := map[string]string{}
	for _, f := range pkg.Files {
		for _, t := range f.Types {
			if t.Key != "" {
				entries[t.Key] = t.GoName
			}
		}
	}
	for _, op := range pkg.Operations {
		if t := op.ParamsType; t != nil && t.Key != "" {
			entries[t.Key] = t.GoName
		}
	}
	return lock.Format(entries)
}

// parallel calls f(0) ... f(n-1) on as many goroutines as there are
// threads to run them. Callers write results by index, so the outcome
// does not depend on scheduling. A panic in f (a bug of rst2go) cannot be
// recovered by the caller on another goroutine: it is recovered here and
// returned as an error, with the stack, once all calls have ended.
//
// The goroutines fault as the caller does ([debug.SetPanicOnFault]): a
// caller that maps its inputs and guards against their files shrinking
// (see package mapfile) gets the panic of such a fault back on its own
// goroutine, where it can recover it.
func parallel(n int, f func(i int)) error {
	onFault := debug.SetPanicOnFault(false)
	debug.SetPanicOnFault(onFault)
	var next atomic.Int64
	var wg sync.WaitGroup
	var panicked atomic.Pointer[error]
	var fault atomic.Pointer[any]
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			debug.SetPanicOnFault(onFault)
			defer func() {
				if r := recover(); r != nil {
					if _, ok := r.(interface{ Addr() uintptr }); ok && onFault {
						fault.CompareAndSwap(nil, &r)
						next.Store(int64(n)) // stop the others early
						return
					}
					err := fmt.Errorf("panic: %v\n%s", r, debug.Stack())
					panicked.CompareAndSwap(nil, &err)
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
	if r := fault.Load(); r != nil {
		panic(*r)
	}
	if err := panicked.Load(); err != nil {
		return *err
	}
	return nil
}

// readAll reads the pages, in parallel: pages are independent until they
// are resolved. (Files are emitted in parallel too, once resolved.) Results keep the order of the inputs, so the run does not
// depend on scheduling.
func readAll(inputs []Input, dropRows bool) ([]*doc.Page, []source.List, error) {
	read := make([]func(string, []byte) (*doc.Page, source.List), len(inputs))
	for i, in := range inputs {
		format := in.Format
		if format == "" {
			format = FormatOf(in.Path)
		}
		read[i] = readers[format]
		if read[i] == nil {
			return nil, nil, fmt.Errorf("%s: unknown input format %q", in.Path, format)
		}
		if format == "rst" && dropRows {
			read[i] = readRSTDroppingRows
		}
	}
	pages := make([]*doc.Page, len(inputs))
	diags := make([]source.List, len(inputs))
	err := parallel(len(inputs), func(i int) {
		pages[i], diags[i] = read[i](inputs[i].Path, inputs[i].Data)
		if d, ok := checkEncoding(inputs[i].Path, inputs[i].Data); ok {
			diags[i] = append(diags[i], d)
		}
		if inputs[i].Loaded != nil {
			pages[i].Detach(inputs[i].Data)
			inputs[i].Loaded()
		}
	})
	return pages, diags, err
}
