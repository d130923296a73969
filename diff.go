package main

import (
	"fmt"
	"io"
	"os"
	"path"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/apidiff"
	"github.com/rst2go/rst2go/gen/config"
)

// diffFlags are the flags -diff reads.
type diffFlags struct {
	format, configPath string
	json, md, verbose  bool
}

// runDiff is rst2go -diff OLD NEW: both sets read and resolved as
// generation does, compared by gen/apidiff, the report printed. Exit 0
// when nothing breaking changed, 1 when something did, 2 on misuse
// (including a set that cannot be read).
func runDiff(args []string, f diffFlags, stdout, stderr io.Writer) int {
	if len(args) != 2 {
		fmt.Fprintf(stderr, "rst2go: -diff takes two doc sets, OLD and NEW (got %d argument(s))\n", len(args))
		return 2
	}
	if f.json && f.md {
		fmt.Fprintf(stderr, "rst2go: -json and -md are two formats of one report; give one\n")
		return 2
	}
	cfg, diags, err := loadConfig(f.configPath)
	if err != nil {
		fmt.Fprintf(stderr, "rst2go: %v\n", err)
		return 2
	}
	if diags.HasErrors() {
		printDiags(stderr, diags, false, false)
		return 2
	}
	var sets [2]apidiff.Set
	for i, arg := range args {
		set, code := readSet([]string{"OLD", "NEW"}[i], arg, f, cfg, stderr)
		if code != 0 {
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
		fmt.Fprintf(stderr, "rst2go: %v\n", err)
		return 1
	}
	if apidiff.Breaking(changes) {
		return 1
	}
	return 0
}

// readSet reads and resolves one doc set, as generation would.
func readSet(which, arg string, f diffFlags, cfg *config.Config, stderr io.Writer) (apidiff.Set, int) {
	inputs, err := readInputs([]string{arg}, f.format)
	if err == nil && len(inputs) == 0 {
		err = fmt.Errorf("no pages in %s", arg)
	}
	if err != nil {
		fmt.Fprintf(stderr, "rst2go: -diff %s set %s: %v\n", which, arg, err)
		return apidiff.Set{}, 2
	}
	res, err := gen.Resolve(inputs, gen.Options{Package: "api", Config: cfg})
	if err != nil {
		fmt.Fprintf(stderr, "rst2go: -diff %s set %s: %v\n", which, arg, err)
		return apidiff.Set{}, 3
	}
	if f.verbose {
		fmt.Fprintf(stderr, "rst2go: %s set %s: %d pages, %d operations, %d warnings\n",
			which, arg, len(res.Pages), len(res.Package.Operations), len(res.Diags))
	}
	wd, _ := os.Getwd()
	root := displayPath(wd, arg)
	if info, err := os.Stat(arg); err == nil && !info.IsDir() {
		root = path.Dir(root)
	}
	return apidiff.Set{Package: res.Package, Root: root}, 0
}
