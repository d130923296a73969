// Package gocheck type-checks generated Go source in-process with go/types,
// for tests: generated code must parse, be gofmt-clean and compile against
// the standard library alone.
package gocheck

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"
)

var (
	mu  sync.Mutex
	imp types.Importer
)

// Package parses and type-checks the files (name → source) as one package
// and checks that each is already gofmt-formatted. Only standard library
// imports are allowed.
func Package(files map[string][]byte) error {
	fset := token.NewFileSet()
	var parsed []*ast.File
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		src := files[name]
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			return fmt.Errorf("parse: %v\n%s", err, numbered(src))
		}
		formatted, err := format.Source(src)
		if err != nil {
			return fmt.Errorf("%s: format: %v", name, err)
		}
		if !bytes.Equal(formatted, src) {
			return fmt.Errorf("%s: not gofmt-formatted", name)
		}
		for _, is := range f.Imports {
			path := strings.Trim(is.Path.Value, `"`)
			if strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
				return fmt.Errorf("%s: imports %s, outside the standard library", name, path)
			}
		}
		parsed = append(parsed, f)
	}
	mu.Lock()
	defer mu.Unlock()
	if imp == nil {
		imp = importer.Default()
	}
	conf := types.Config{Importer: imp}
	_, err := conf.Check("generated", fset, parsed, nil)
	return err
}

func numbered(src []byte) string {
	var b strings.Builder
	for i, l := range strings.Split(string(src), "\n") {
		fmt.Fprintf(&b, "%5d  %s\n", i+1, l)
	}
	return b.String()
}
