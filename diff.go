package main

import (
	"fmt"
	"io"
	"os"
	"path"
	"runtime/debug"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/apidiff"
	"github.com/rst2go/rst2go/gen/mapfile"
)

// diffFlags are the flags -diff reads.
type diffFlags struct {
	format, configPath, out string
	maxSize                 int64
	json, md, verbose       bool
}

// runDiff is rst2go -diff OLD NEW: both sets read and resolved as
// generation reads them, the same settings file and names lock (those of
// -config and -out) applied to both, compared
// by gen/apidiff, the report printed. Exit 0 when nothing breaking
// changed, 1 when something did, 2 on misuse (a set that cannot be read,
// or holds no page, is one), 3 on a bug of rst2go. Paths in the report are
// relative to the working directory, as a compiler's are.
func runDiff(args []string, f diffFlags, stdout, stderr io.Writer) (code int) {
	if len(args) != 2 {
		errorf(stderr, "-diff takes two doc sets, OLD and NEW (got %d argument(s))", len(args))
		return exitUsage
	}
	if f.json && f.md {
		errorf(stderr, "-json and -md are two formats of one report: choose one")
		return exitUsage
	}
	if f.format != "" && !gen.IsFormat(f.format) {
		errorf(stderr, "unknown -format %q (want rst, html, md or text)", f.format)
		return exitUsage
	}
	wd, err := os.Getwd()
	if err != nil {
		errorf(stderr, "%v", err)
		return exitUsage
	}
	cfg, _, diags, err := loadConfig(f.configPath, f.out, wd)
	if settingsFailed(stderr, err, diags, false, false) {
		return exitUsage
	}
	names, diags, err := readLock(f.out)
	if settingsFailed(stderr, err, diags, false, false) {
		return exitUsage
	}
	// Inputs are mapped files, released at the end, as a run releases
	// them (see closeInputs).
	var opened []*mapfile.File
	defer func() { code = closeInputs(stderr, opened, code, recover()) }()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	var sets [2]apidiff.Set
	for i, arg := range args {
		set, files, code := readSet([]string{"OLD", "NEW"}[i], arg, wd, f, gen.Options{Package: "api", Config: cfg, Lock: names}, stderr)
		opened = append(opened, files...)
		if code != exitOK {
			return code
		}
		sets[i] = set
	}
	changes := apidiff.Compare(sets[0], sets[1])
	report := apidiff.Report{Verbose: f.verbose}
	switch {
	case f.json:
		err = report.WriteJSON(stdout, changes)
	case f.md:
		err = report.WriteMarkdown(stdout, changes)
	default:
		err = report.WriteText(stdout, changes)
	}
	if err != nil {
		errorf(stderr, "%v", err)
		return exitFailed
	}
	if apidiff.Breaking(changes) {
		return exitFailed
	}
	return exitOK
}

// readSet reads and resolves one doc set, as generation would.
func readSet(which, arg, wd string, f diffFlags, opts gen.Options, stderr io.Writer) (apidiff.Set, []*mapfile.File, int) {
	inputs, opened, err := readInputs([]string{arg}, f.format, wd, f.maxSize)
	if err == nil && len(inputs) == 0 {
		err = fmt.Errorf("no pages (want files ending in %s)", knownExts(f.format))
	}
	if err != nil {
		errorf(stderr, "-diff %s set %s: %v", which, arg, err)
		return apidiff.Set{}, opened, exitUsage
	}
	res, err := gen.Resolve(inputs, opts)
	if err != nil {
		errorf(stderr, "internal error: -diff %s set %s: %v", which, arg, err)
		return apidiff.Set{}, opened, exitInternal
	}
	for _, f := range opened {
		if err := f.Check(); err != nil {
			errorf(stderr, "%v", err)
			return apidiff.Set{}, opened, exitUsage
		}
	}
	if f.verbose {
		fmt.Fprintf(stderr, "rst2go: %s set %s: %d pages, %d operations, %d warnings\n",
			which, arg, len(res.Pages), len(res.Package.Operations), len(res.Diags))
	}
	root := displayPath(wd, arg)
	if info, err := os.Stat(arg); err == nil && !info.IsDir() {
		root = path.Dir(root)
	}
	return apidiff.Set{Package: res.Package, Root: root}, opened, exitOK
}
