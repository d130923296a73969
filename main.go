// Command rst2go generates Go types from the parameter tables of API
// reference documentation: reStructuredText, HTML, Markdown or text copied
// from a rendered page.
//
// Each parameter table of a page (Parameter / Mandatory / Type /
// Description) becomes a struct; a row whose cell refers to another table
// becomes a field of that table's struct (a slice for arrays), across pages
// of one run too. Descriptions become doc comments. All pages of one run go
// into one package, one file per page that has parameter tables, named
// after the page.
//
// Usage:
//
//	rst2go [flags] PATH...
//
// Each PATH is a file or a folder, walked recursively; the format is told
// by the extension (.rst, .html, .md, .txt) or by -format. The flags are:
//
//	-out DIR    output folder (default "generated")
//	-pkg NAME   package name (default: the base name of -out)
//	-dump       print the document model as JSON on stdout; write nothing
//	-strict     treat warnings as errors
//	-format F   read inputs as F (rst, html, md or text) whatever their extension
//	-config F   settings file (default: rst2go.yaml in the -out folder, if there)
//	-check      write nothing; print a unified diff of what would change; exit 1 if anything would
//	-lint       check the docs against themselves: examples against tables,
//	            references, type words, titles, path parameters; print one
//	            finding per line (file:line:col: message [code]); exit 1 on findings
//	-diff       compare two doc sets: rst2go -diff OLD NEW prints what changed
//	            for an SDK (operations, parameters, fields, types, mandatory,
//	            responses), breaking changes first; exit 1 if any breaks
//	-md         with -diff: the report as Markdown, for a pull-request comment
//	-json       diagnostics (and -lint findings, -diff changes) as JSON lines
//	-v          once done, a summary: pages read, files written/unchanged/removed,
//	            types, fields, warnings, time
//	-max-size N the largest input file read (default 256M; K, M, G)
//	-version    print the version
//
// Warnings (a broken table, a reference that resolves nowhere, an unknown
// type word) go to stderr as file:line:col: warning: message, and
// generation goes on with the best correct result. Paths in messages and in
// the // Source: lines are relative to the module root (the folder holding
// go.mod at or above -out), so a run gives the same output wherever it
// runs. A run that finds no page writes nothing and fails. The exit status
// is 0 on success, 1 on errors (or warnings with -strict) and when no page
// was found, 2 on bad usage (found before anything is read or written), 3
// on a bug in rst2go itself (a recovered panic). With -diff: 0 when nothing
// breaking changed, 1 when something did, 2 on misuse (a set that cannot be
// read is one), 3 on a bug.
//
// For use from go generate:
//
//	//go:generate go tool rst2go -out . -pkg ecs ../docs/ecs
//
// after go get -tool github.com/rst2go/rst2go@VERSION; the README's "Using
// rst2go in an SDK repository" has the whole set-up, tested line for line.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/config"
	"github.com/rst2go/rst2go/gen/lint"
	"github.com/rst2go/rst2go/gen/lock"
	"github.com/rst2go/rst2go/gen/mapfile"
	"github.com/rst2go/rst2go/gen/outdir"
	"github.com/rst2go/rst2go/gen/source"
)

func main() {
	batchGC = true
	startGC()
	os.Exit(runSafe(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit codes. A crash of rst2go itself is never mistaken for a misuse or
// for a finding in the docs.
const (
	exitOK       = 0 // success; with -check: in step
	exitFailed   = 1 // errors in the docs or config, findings, -check changes, I/O errors
	exitUsage    = 2 // bad flags or arguments
	exitInternal = 3 // a bug in rst2go: a recovered panic, output that does not format
)

// runSafe is run with a panic turned into exit code 3.
func runSafe(args []string, stdout, stderr io.Writer) int {
	return safely(stderr, func() int { return run(args, stdout, stderr) })
}

// safely calls f; a panic (a bug of rst2go) becomes exit code 3 and a
// message asking for a bug report.
func safely(stderr io.Writer, f func() int) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "rst2go: internal error: %s\n%s\nplease report this as a bug\n", source.Escape(fmt.Sprint(r)), debug.Stack())
			code = exitInternal
		}
	}()
	return f()
}

// errorf prints "rst2go: message" on one line, control characters escaped
// (a message may quote a file name).
func errorf(w io.Writer, format string, args ...any) {
	fmt.Fprintln(w, "rst2go: "+source.Escape(fmt.Sprintf(format, args...)))
}

// usageError is a mistake in how the command was called (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) (code int) {
	flags := flag.NewFlagSet("rst2go", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("out", "generated", "output `folder`")
	pkg := flags.String("pkg", "", "package `name` (default: base name of -out)")
	dump := flags.Bool("dump", false, "print the document model as JSON instead of generating")
	strict := flags.Bool("strict", false, "treat warnings as errors")
	format := flags.String("format", "", "read inputs as `FORMAT` (rst, html, md or text) instead of by extension")
	check := flags.Bool("check", false, "write nothing; print a unified diff of what would change and exit 1 if anything would")
	jsonDiags := flags.Bool("json", false, "print diagnostics as JSON lines on stderr")
	verbose := flags.Bool("v", false, "print a summary (pages, files written, types, fields, warnings, time) on stderr")
	version := flags.Bool("version", false, "print the version and exit")
	lintMode := flags.Bool("lint", false, "check the docs against themselves (examples, references, types); write nothing; exit 1 on findings")
	configPath := flags.String("config", "", "settings `file` (default: rst2go.yaml in the -out folder, if there)")
	maxSize := flags.String("max-size", formatSize(defaultMaxSize), "the largest input `size` read (K, M, G: 1024s)")
	diffMode := flags.Bool("diff", false, "compare two doc sets, OLD and NEW: print the API changes, breaking first; exit 1 if any breaks")
	md := flags.Bool("md", false, "with -diff: print the report as Markdown (for a pull-request comment)")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: rst2go [flags] PATH...\n       rst2go -diff [-json|-md] [-v] OLD NEW\n\nflags:\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *version {
		fmt.Fprintln(stdout, "rst2go", versionString())
		return 0
	}
	usage := func(format string, args ...any) int {
		errorf(stderr, format, args...)
		return exitUsage
	}
	if err := modesConflict(map[string]bool{"-check": *check, "-dump": *dump, "-lint": *lintMode, "-diff": *diffMode}); err != "" {
		return usage("%s", err)
	}
	if *diffMode {
		limit, err := parseSize(*maxSize)
		if err != nil {
			return usage("%v", err)
		}
		return runDiff(flags.Args(), diffFlags{format: *format, configPath: *configPath, out: *out, maxSize: limit,
			json: *jsonDiags, md: *md, verbose: *verbose}, stdout, stderr)
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return 2
	}
	if *format != "" && !gen.IsFormat(*format) {
		return usage("unknown -format %q (want rst, html, md or text)", *format)
	}
	writes := !*lintMode && !*dump // modes that read or write the output folder
	name := *pkg
	if name == "" {
		abs, err := filepath.Abs(*out)
		if err != nil {
			errorf(stderr, "%v", err)
			return 1
		}
		name = filepath.Base(abs)
		if why := packageNameProblem(name); why != "" {
			return usage("-out %s: its base name %q is not a valid package name (%s); give -pkg", *out, name, why)
		}
	} else if why := packageNameProblem(name); why != "" {
		return usage("-pkg %q is not a valid package name: %s", name, why)
	}
	if writes {
		if msg := checkOutFolder(*out, name); msg != "" {
			return usage("%s", msg)
		}
	}
	limit, err := parseSize(*maxSize)
	if err != nil {
		return usage("%v", err)
	}
	// Paths in the output and in messages are relative to the module
	// root, so a run gives the same bytes wherever it runs. Outside a
	// module, relative to the output folder; -lint and -dump, which have
	// none, to the current folder (a docs repository linting itself).
	base := moduleRoot(*out, writes)
	start := time.Now()
	inputs, opened, err := readInputs(flags.Args(), *format, base, limit)
	if err != nil {
		errorf(stderr, "%v", err)
		var ue usageError
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	if batchGC {
		tuneGC(inputs)
	}
	// Large input files are mapped (package mapfile): they are released
	// when the run ends, and one that shrinks while it is read is an error
	// naming it, not a crash.
	defer func() { code = closeInputs(stderr, opened, code, recover()) }()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	if len(inputs) == 0 {
		// Most often a docs checkout that is missing or a wrong -format:
		// a run that read nothing must not empty the output folder.
		errorf(stderr, "no pages found in %s (want files ending in %s); nothing written", strings.Join(flags.Args(), ", "), knownExts(*format))
		return exitFailed
	}
	cfg, cfgName, diags, err := loadConfig(*configPath, *out, base)
	if settingsFailed(stderr, err, diags, *strict, *jsonDiags) {
		return 1
	}
	// The output folder is read while the pages are: the two are
	// independent until the plan.
	type folderRead struct {
		folder *outdir.Folder
		err    error
	}
	folderCh := make(chan folderRead, 1)
	if writes {
		// The lock is taken before the folder is read and held until the
		// run ends: a second run on the folder waits.
		go func() {
			f, err := outdir.Open(*out, !*check, func() {
				errorf(stderr, "waiting for another rst2go run to finish with %s", *out)
			})
			folderCh <- folderRead{f, err}
		}()
		defer func() {
			if read := <-folderCh; read.folder != nil {
				read.folder.Close()
			}
		}()
	}
	var names *lock.Lock
	if !*lintMode && !*dump {
		if writes {
			// The names lock is part of the folder: read it only once
			// the folder is ours, or a run that waited for another would
			// name its types from the lock as it was before that run.
			read := <-folderCh
			folderCh <- read
			if read.err != nil {
				errorf(stderr, "%v", read.err)
				return 1
			}
		}
		var diags source.List
		names, diags, err = readLock(*out)
		if settingsFailed(stderr, err, diags, *strict, *jsonDiags) {
			return 1
		}
	}
	lean := !*dump && !*lintMode // the run needs the pages only to resolve them
	if lean && inputSize(inputs) > smallInput {
		// What a page keeps of a mapped file is copied once the page is
		// read, and the file's pages leave memory (gen.Input.Loaded): on
		// a 50 MB page, 50 MB of memory for 10 MB of copies. A small run
		// (the size below which it never collects, see gc.go) keeps its
		// pages mapped: the copies would cost it time and save nothing
		// that matters.
		for i, f := range opened {
			if f.Mapped() {
				inputs[i].Loaded = f.DropPages
			}
		}
	}
	opts := gen.Options{Package: name, Config: cfg, Lock: names, DropRows: lean}
	if lean && batchGC {
		opts.Resolved = collectAfterResolve(inputs)
	}
	res, err := gen.Generate(inputs, opts)
	if err != nil {
		// Generate fails only for faults of rst2go itself.
		errorf(stderr, "internal error: %v", err)
		return exitInternal
	}
	for _, f := range opened {
		if err := f.Check(); err != nil {
			errorf(stderr, "%v", err)
			return exitFailed
		}
	}
	sum := summary{res: res, config: cfgName}
	if *lintMode {
		findings := lint.Check(res, inputs)
		printFindings(stdout, findings, *jsonDiags)
		if *verbose {
			sum.print(stderr, time.Since(start))
		}
		if len(findings) > 0 {
			fmt.Fprintf(stderr, "rst2go: %d finding(s) in %d page(s)\n", len(findings), len(res.Pages))
			return 1
		}
		return 0
	}
	printDiags(stderr, res.Diags, *strict, *jsonDiags)
	if res.Diags.HasErrors() || *strict && len(res.Diags) > 0 {
		if *verbose {
			sum.print(stderr, time.Since(start))
		}
		return 1
	}
	if *dump {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(dumpOf(res)); err != nil {
			errorf(stderr, "%v", err)
			return 1
		}
		if *verbose {
			sum.print(stderr, time.Since(start))
		}
		return 0
	}
	var files []outdir.File
	for i, f := range res.Files {
		files = append(files, outdir.File{Name: f.Name, Data: f.Data, Source: res.Package.Files[i].Source})
	}
	if len(files) > 0 || names != nil {
		files = append(files, outdir.File{Name: lock.FileName, Data: res.Lock})
	}
	read := <-folderCh
	folderCh <- read // for the deferred Close
	if read.err != nil {
		errorf(stderr, "%v", read.err)
		return 1
	}
	plan, err := read.folder.Plan(files)
	if err != nil {
		errorf(stderr, "%v", err)
		return 1
	}
	sum.plan, sum.applied = plan, !*check
	if *check {
		if *verbose {
			sum.print(stderr, time.Since(start))
		}
		if len(plan.Changes) == 0 {
			return 0
		}
		fmt.Fprint(stdout, plan.Diff())
		errorf(stderr, "%s is not in step with the docs: %d file(s) would change; run go generate", *out, len(plan.Changes))
		return 1
	}
	if err := plan.Apply(); err != nil {
		errorf(stderr, "%v", err)
		return 1
	}
	if *verbose {
		sum.print(stderr, time.Since(start))
	}
	return 0
}

// modesConflict says which of the given modes were asked for together, or
// "".
func modesConflict(modes map[string]bool) string {
	var on []string
	for name, set := range modes {
		if set {
			on = append(on, name)
		}
	}
	if len(on) < 2 {
		return ""
	}
	slices.Sort(on)
	return fmt.Sprintf("%s cannot be used together: choose one", strings.Join(on, " and "))
}

// packageNameProblem says why s cannot be a package name, or "".
func packageNameProblem(s string) string {
	switch {
	case s == "":
		return "it is empty"
	case s == "_":
		return "the blank identifier"
	case token.IsKeyword(s):
		return "a Go keyword"
	case token.IsIdentifier(s):
		return ""
	case unicode.IsDigit([]rune(s)[0]):
		return "it starts with a digit"
	}
	for _, r := range s {
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return fmt.Sprintf("%q is not allowed in a Go identifier (letters, digits and _ only)", r)
		}
	}
	return "not a Go identifier"
}

// checkOutFolder says what is wrong with the output folder for package
// name, or "": it must be a folder (or not exist yet), and the package
// of the hand-written Go files there must be name (rst2go's own files are
// rewritten with it anyway).
func checkOutFolder(out, name string) string {
	info, err := os.Stat(out)
	if os.IsNotExist(err) {
		return ""
	}
	if err != nil {
		return err.Error()
	}
	if !info.IsDir() {
		return fmt.Sprintf("-out %s is a file, not a folder", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err.Error()
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		path := filepath.Join(out, e.Name())
		if generatedFile(path) {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, data, parser.PackageClauseOnly)
		if err != nil || f.Name.Name == name || strings.HasSuffix(e.Name(), "_test.go") && f.Name.Name == name+"_test" {
			continue
		}
		want := f.Name.Name
		if strings.HasSuffix(e.Name(), "_test.go") {
			want = strings.TrimSuffix(want, "_test")
		}
		return fmt.Sprintf("-pkg %s, but %s is package %s: give -pkg %s or another -out", name, path, f.Name.Name, want)
	}
	return ""
}

// generatedFile reports whether the file at path starts with rst2go's
// header (outdir.Generated), reading only as many bytes as the header
// line and a line end: when those hold no newline, the first line is
// longer than the header, so the rest of the file cannot change the
// answer. (A folder in step holds a hundred generated files that need
// not be read whole here.)
func generatedFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(outdir.HeaderLine)+len("\r\n"))
	n, _ := io.ReadFull(f, head)
	return outdir.Generated(head[:n])
}

// moduleRoot is the folder paths are relative to: the nearest one holding
// go.mod at or above the output folder; else the output folder itself if
// the run writes there, or the current folder.
func moduleRoot(out string, writes bool) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		return ""
	}
	for dir := abs; ; {
		if info, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && info.Mode().IsRegular() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if writes {
		return abs
	}
	wd, _ := os.Getwd()
	return wd
}

// settingsFailed prints why the settings file or the names lock could not
// be used, if so, and says whether the run must stop.
func settingsFailed(stderr io.Writer, err error, diags source.List, strict, asJSON bool) bool {
	if err != nil {
		errorf(stderr, "%v", err)
		return true
	}
	if diags.HasErrors() {
		printDiags(stderr, diags, strict, asJSON)
		return true
	}
	return false
}

func printDiags(out io.Writer, diags source.List, strict, asJSON bool) {
	// One write for many lines: a page of 35,000 tables can give as many
	// warnings, each a system call unbuffered.
	w := bufio.NewWriter(out)
	defer w.Flush()
	enc := json.NewEncoder(w)
	for _, d := range diags {
		if strict {
			d.Severity = source.Error
		}
		if asJSON {
			enc.Encode(jsonDiagnostic{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(), Code: d.Code, Message: d.Message})
			continue
		}
		fmt.Fprintln(w, d)
	}
}

// printFindings prints what -lint found, one line each: file:line:col:
// message [code], or JSON lines with -json.
func printFindings(out io.Writer, findings source.List, asJSON bool) {
	w := bufio.NewWriter(out)
	defer w.Flush()
	enc := json.NewEncoder(w)
	for _, d := range findings {
		if asJSON {
			enc.Encode(jsonDiagnostic{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(), Code: d.Code, Message: d.Message})
			continue
		}
		fmt.Fprintln(w, source.Escape(fmt.Sprintf("%s: %s [%s]", d.Pos, d.Message, d.Code)))
	}
}

// jsonDiagnostic is one line of -json output.
type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

// summary is what -v prints, once the run is over: what was read, what
// happened to the output folder, what the package holds.
type summary struct {
	res     *gen.Result
	config  string       // the settings file read, or ""
	plan    *outdir.Plan // nil unless the run got as far as the folder
	applied bool         // the plan was carried out (not -check)
}

func (s summary) print(w io.Writer, elapsed time.Duration) {
	res := s.res
	tables, types, numbered, aliases, fields := 0, 0, 0, 0, 0
	for _, p := range res.Pages {
		tables += len(p.Tables)
	}
	for _, f := range res.Package.Files {
		types += len(f.Types)
		for _, t := range f.Types {
			fields += len(t.Fields)
			if t.Numbered {
				numbered++
			}
			if t.AliasOf != nil {
				aliases++
			}
		}
	}
	for _, op := range res.Package.Operations {
		if op.ParamsType != nil && op.ParamsType.Numbered {
			numbered++
		}
	}
	warnings, errs := 0, 0
	for _, d := range res.Diags {
		if d.Severity == source.Error {
			errs++
		} else {
			warnings++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "rst2go: %d pages read, %d tables", len(res.Pages), tables)
	if s.config != "" {
		fmt.Fprintf(&b, ", settings from %s", s.config)
	}
	if s.plan != nil {
		var created, updated, removed int
		for _, c := range s.plan.Changes {
			switch c.Op {
			case outdir.Create:
				created++
			case outdir.Update:
				updated++
			case outdir.Remove:
				removed++
			}
		}
		verb := "written"
		if !s.applied {
			verb = "would be written"
		}
		fmt.Fprintf(&b, "; %s: %d files %s (%d new), %d unchanged, %d removed", s.plan.Dir, created+updated, verb, created, s.plan.Unchanged, removed)
	}
	ms := func(d time.Duration) time.Duration { return d.Round(100 * time.Microsecond) }
	fmt.Fprintf(&b, "; %d types (%d numbered, %d aliases), %d fields; %d warnings (%d ignored), %d errors; %s (read %s, resolve %s, emit %s)",
		types, numbered, aliases, fields, warnings, len(res.Ignored), errs, ms(elapsed), ms(res.Timing.Read), ms(res.Timing.Resolve), ms(res.Timing.Emit))
	fmt.Fprintln(w, source.Escape(b.String())) // it names folders and files
}

// readLock reads the names lock of the output folder; a missing lock is
// none (the first run writes it).
func readLock(out string) (*lock.Lock, source.List, error) {
	path := filepath.Join(out, lock.FileName)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	l, diags := lock.Parse(filepath.ToSlash(path), data)
	return l, diags, nil
}

// loadConfig reads the -config file, or else rst2go.yaml in the output
// folder when there is one, and returns the name it read it by (relative
// to base, as positions in it are).
func loadConfig(path, out, base string) (*config.Config, string, source.List, error) {
	if path == "" {
		path = filepath.Join(out, config.DefaultFile)
		if _, err := os.Stat(path); err != nil {
			return nil, "", nil, nil
		}
	}
	// A FIFO or device as -config would hang or fill memory; no settings
	// file is near a megabyte.
	if err := checkRegular(path, maxConfigSize); err != nil {
		return nil, "", nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", nil, err
	}
	name := displayPath(base, path)
	cfg, diags := config.Parse(name, data)
	return cfg, name, diags, nil
}

// versionString is the module version rst2go was built at, as the go
// command recorded it ("(devel)" for a build from a checkout).
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}

// readInputs reads the named files and, recursively, the readable files of
// the named folders, in lexical order (see findInputs). With a format, named files are read
// as that format whatever their extension, and folders give the files whose
// extension is of that format. Paths in the result are relative to base
// (the module root), with forward slashes, so that the output is the same
// wherever the tool runs and never holds an absolute path of the machine
// it was made on.
func readInputs(paths []string, format, base string, maxSize int64) ([]gen.Input, []*mapfile.File, error) {
	names, err := findInputs(paths, format, maxSize)
	if err != nil {
		return nil, nil, err
	}
	inputs := make([]gen.Input, 0, len(names))
	opened := make([]*mapfile.File, 0, len(names))
	for _, name := range names {
		f, err := mapfile.Open(name)
		if err != nil {
			closeInputs(io.Discard, opened, 0, nil)
			return nil, nil, err
		}
		opened = append(opened, f)
		inputs = append(inputs, gen.Input{Path: displayPath(base, name), Data: f.Data, Format: format})
	}
	return inputs, opened, nil
}

// closeInputs releases the input files at the end of a run and returns
// its exit code. r is the run's panic, if any: a fault in a mapped file
// that shrank becomes an error naming the file; any other panic goes on
// (to safely). A file found changed now, after a run that went well, is
// an error too.
func closeInputs(stderr io.Writer, files []*mapfile.File, code int, r any) int {
	if r != nil {
		err := mapfile.Fault(r)
		if err == nil {
			panic(r)
		}
		errorf(stderr, "%v", err)
		code = exitFailed
	}
	for _, f := range files {
		if err := f.Close(); err != nil && r == nil && code == exitOK {
			errorf(stderr, "%v", err)
			code = exitFailed
		}
	}
	return code
}

// displayPath names a file relative to base, with forward slashes.
func displayPath(base, name string) string {
	if abs, err := filepath.Abs(name); err == nil && base != "" {
		if rel, err := filepath.Rel(base, abs); err == nil {
			name = rel
		}
	}
	return filepath.ToSlash(name)
}

// knownExts lists the extensions read, of one format or of all.
func knownExts(format string) string {
	var exts []string
	for ext, f := range gen.Formats {
		if format == "" || f == format {
			exts = append(exts, ext)
		}
	}
	slices.Sort(exts)
	return strings.Join(exts, ", ")
}
