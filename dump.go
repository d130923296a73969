package main

import (
	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// dump is what -dump prints: the document model of every page, with the
// Go names the resolver chose (goName on tables and params), and the
// diagnostics. README documents the format.
type dump struct {
	Pages       []*doc.Page         `json:"pages"`
	Diagnostics []source.Diagnostic `json:"diagnostics"`
}

func dumpOf(res *gen.Result) dump {
	d := dump{Pages: res.Pages, Diagnostics: res.Diags}
	if d.Diagnostics == nil {
		d.Diagnostics = []source.Diagnostic{}
	}
	return d
}
