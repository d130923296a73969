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
//	-config F   settings file (default: rst2go.yaml in the current folder, if there)
//	-check      write nothing; print a unified diff of what would change; exit 1 if anything would
//	-lint       check the docs against themselves: examples against tables,
//	            references, type words, titles, path parameters; print one
//	            finding per line (file:line:col: message [code]); exit 1 on findings
//	-diff       compare two doc sets: rst2go -diff OLD NEW prints what changed
//	            for an SDK (operations, parameters, fields, types, mandatory,
//	            responses), breaking changes first; exit 1 if any breaks
//	-md         with -diff: the report as Markdown, for a pull-request comment
//	-json       diagnostics (and -lint findings, -diff changes) as JSON lines
//	-v          a summary: pages, tables, files, types, fields, warnings, time
//	-version    print the version
//
// Warnings (a broken table, a reference that resolves nowhere, an unknown
// type word) go to stderr as file:line:col: warning: message, and
// generation goes on with the best correct result. The exit status is 0 on
// success, 1 on errors (or warnings with -strict), 2 on bad usage.
//
// For use from go generate:
//
//	//go:generate go run github.com/rst2go/rst2go -out . -pkg ecs ../docs/ecs
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/config"
	"github.com/rst2go/rst2go/gen/lint"
	"github.com/rst2go/rst2go/gen/mapfile"
	"github.com/rst2go/rst2go/gen/outdir"
	"github.com/rst2go/rst2go/gen/source"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is a mistake in how the command was called (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("rst2go", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("out", "generated", "output `folder`")
	pkg := flags.String("pkg", "", "package `name` (default: base name of -out)")
	dump := flags.Bool("dump", false, "print the document model as JSON instead of generating")
	strict := flags.Bool("strict", false, "treat warnings as errors")
	format := flags.String("format", "", "read inputs as `FORMAT` (rst, html, md or text) instead of by extension")
	check := flags.Bool("check", false, "write nothing; print a unified diff of what would change and exit 1 if anything would")
	jsonDiags := flags.Bool("json", false, "print diagnostics as JSON lines on stderr")
	verbose := flags.Bool("v", false, "print a summary (pages, tables, types, fields, warnings, time) on stderr")
	version := flags.Bool("version", false, "print the version and exit")
	lintMode := flags.Bool("lint", false, "check the docs against themselves (examples, references, types); write nothing; exit 1 on findings")
	configPath := flags.String("config", "", "settings `file` (default: rst2go.yaml in the current folder, if there)")
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
	if *diffMode {
		return runDiff(flags.Args(), diffFlags{format: *format, configPath: *configPath, json: *jsonDiags, md: *md, verbose: *verbose}, stdout, stderr)
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return 2
	}
	name := *pkg
	if name == "" {
		abs, err := filepath.Abs(*out)
		if err != nil {
			fmt.Fprintf(stderr, "rst2go: %v\n", err)
			return 1
		}
		name = filepath.Base(abs)
	}
	if !validPackageName(name) {
		fmt.Fprintf(stderr, "rst2go: %q is not a valid package name; use -pkg\n", name)
		return 2
	}
	if *format != "" && !gen.IsFormat(*format) {
		fmt.Fprintf(stderr, "rst2go: unknown -format %q (want rst, html, md or text)\n", *format)
		return 2
	}
	inputs, err := readInputs(flags.Args(), *format)
	if err != nil {
		fmt.Fprintf(stderr, "rst2go: %v\n", err)
		var ue usageError
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	cfg, diags, err := loadConfig(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "rst2go: %v\n", err)
		return 1
	}
	if diags.HasErrors() {
		printDiags(stderr, diags, *strict, *jsonDiags)
		return 1
	}
	// The output folder is read while the pages are: the two are
	// independent until the plan.
	type folderRead struct {
		folder *outdir.Folder
		err    error
	}
	folderCh := make(chan folderRead, 1)
	if !*lintMode && !*dump {
		go func() {
			f, err := outdir.ReadFolder(*out)
			folderCh <- folderRead{f, err}
		}()
	}
	start := time.Now()
	res, err := gen.Generate(inputs, gen.Options{Package: name, Config: cfg})
	if err != nil {
		fmt.Fprintf(stderr, "rst2go: %v\n", err)
		return 1
	}
	if *lintMode {
		findings := lint.Check(res, inputs)
		printFindings(stdout, findings, *jsonDiags)
		if *verbose {
			printSummary(stderr, res, time.Since(start))
		}
		if len(findings) > 0 {
			fmt.Fprintf(stderr, "rst2go: %d finding(s) in %d page(s)\n", len(findings), len(res.Pages))
			return 1
		}
		return 0
	}
	printDiags(stderr, res.Diags, *strict, *jsonDiags)
	if *verbose {
		printSummary(stderr, res, time.Since(start))
	}
	if res.Diags.HasErrors() || *strict && len(res.Diags) > 0 {
		return 1
	}
	if *dump {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(dumpOf(res)); err != nil {
			fmt.Fprintf(stderr, "rst2go: %v\n", err)
			return 1
		}
		return 0
	}
	var files []outdir.File
	for _, f := range res.Files {
		files = append(files, outdir.File{Name: f.Name, Data: f.Data})
	}
	read := <-folderCh
	if read.err != nil {
		fmt.Fprintf(stderr, "rst2go: %v\n", read.err)
		return 1
	}
	plan, err := read.folder.Plan(files)
	if err != nil {
		fmt.Fprintf(stderr, "rst2go: %v\n", err)
		return 1
	}
	if *check {
		if len(plan.Changes) == 0 {
			return 0
		}
		fmt.Fprint(stdout, plan.Diff())
		fmt.Fprintf(stderr, "rst2go: %s is not in step with the docs: %d file(s) would change; run go generate\n", *out, len(plan.Changes))
		return 1
	}
	if err := plan.Apply(); err != nil {
		fmt.Fprintf(stderr, "rst2go: %v\n", err)
		return 1
	}
	return 0
}

func printDiags(w io.Writer, diags source.List, strict, asJSON bool) {
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
func printFindings(w io.Writer, findings source.List, asJSON bool) {
	enc := json.NewEncoder(w)
	for _, d := range findings {
		if asJSON {
			enc.Encode(jsonDiagnostic{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(), Code: d.Code, Message: d.Message})
			continue
		}
		fmt.Fprintf(w, "%s: %s [%s]\n", d.Pos, d.Message, d.Code)
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

// printSummary is what -v prints.
func printSummary(w io.Writer, res *gen.Result, elapsed time.Duration) {
	tables, types, fields := 0, 0, 0
	for _, p := range res.Pages {
		tables += len(p.Tables)
	}
	for _, f := range res.Package.Files {
		types += len(f.Types)
		for _, t := range f.Types {
			fields += len(t.Fields)
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
	ms := func(d time.Duration) time.Duration { return d.Round(100 * time.Microsecond) }
	fmt.Fprintf(w, "rst2go: %d pages, %d tables, %d files, %d types, %d fields, %d warnings, %d errors in %s (read %s, resolve %s, emit %s)\n",
		len(res.Pages), tables, len(res.Files), types, fields, warnings, errs, ms(elapsed),
		ms(res.Timing.Read), ms(res.Timing.Resolve), ms(res.Timing.Emit))
}

// loadConfig reads the -config file, or rst2go.yaml in the current folder
// when there is one.
func loadConfig(path string) (*config.Config, source.List, error) {
	if path == "" {
		if _, err := os.Stat(config.DefaultFile); err != nil {
			return nil, nil, nil
		}
		path = config.DefaultFile
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	cfg, diags := config.Parse(filepath.ToSlash(path), data)
	return cfg, diags, nil
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
// the named folders, in lexical order. With a format, named files are read
// as that format whatever their extension, and folders give the files whose
// extension is of that format. Paths in the result are relative to
// the working directory where possible, so that output never holds an
// absolute path of the machine it was made on.
func readInputs(paths []string, format string) ([]gen.Input, error) {
	wanted := func(name string) bool {
		f := gen.FormatOf(name)
		return f != "" && (format == "" || f == format)
	}
	var names []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		if !info.IsDir() {
			if format == "" && gen.FormatOf(p) == "" {
				return nil, usageError{fmt.Sprintf("%s: unknown input format (want %s)", p, knownExts())}
			}
			names = append(names, p)
			continue
		}
		err = filepath.WalkDir(p, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && wanted(name) {
				names = append(names, name)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	wd, _ := os.Getwd()
	var inputs []gen.Input
	for _, name := range names {
		data, err := mapfile.Read(name)
		if err != nil {
			return nil, err
		}
		inputs = append(inputs, gen.Input{Path: displayPath(wd, name), Data: data, Format: format})
	}
	return inputs, nil
}

func displayPath(wd, name string) string {
	if abs, err := filepath.Abs(name); err == nil && wd != "" {
		if rel, err := filepath.Rel(wd, abs); err == nil {
			name = rel
		}
	}
	return filepath.ToSlash(name)
}

func knownExts() string {
	var exts []string
	for ext := range gen.Formats {
		exts = append(exts, ext)
	}
	slices.Sort(exts)
	return strings.Join(exts, ", ")
}

func validPackageName(s string) bool {
	return s != "_" && token.IsIdentifier(s)
}
