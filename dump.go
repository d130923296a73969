package main

import (
	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/source"
)

// dump is what -dump prints: the document model of every page, with the
// Go names the resolver chose (goName on tables and params), and the
// diagnostics. README documents the format.
type dump struct {
	Pages       []*doc.Page         `json:"pages"`
	Operations  []dumpOperation     `json:"operations"`
	Diagnostics []source.Diagnostic `json:"diagnostics"`
}

// dumpOperation is an operation as -dump prints it (issue 13 fixes the
// keys: tools read exactly these).
type dumpOperation struct {
	Name        string         `json:"name"`
	Method      string         `json:"method"`
	Path        string         `json:"path"`
	Page        string         `json:"page"`
	Line        int            `json:"line"`
	ParamsType  string         `json:"paramsType"`
	RequestType string         `json:"requestType"`
	Responses   []dumpResponse `json:"responses"`
	Params      []dumpParam    `json:"params"`
}

type dumpResponse struct {
	Status     string `json:"status"`
	Type       string `json:"type"`
	HeaderType string `json:"headerType"`
}

type dumpParam struct {
	Name     string `json:"name"`
	In       string `json:"in"`
	GoName   string `json:"goName"`
	GoType   string `json:"goType"`
	Required bool   `json:"required"`
}

func dumpOf(res *gen.Result) dump {
	d := dump{Pages: res.Pages, Operations: []dumpOperation{}, Diagnostics: res.Diags}
	if d.Diagnostics == nil {
		d.Diagnostics = []source.Diagnostic{}
	}
	if res.Package != nil {
		for _, op := range res.Package.Operations {
			d.Operations = append(d.Operations, dumpOp(op))
		}
	}
	return d
}

func dumpOp(op *ir.Operation) dumpOperation {
	o := dumpOperation{Name: op.GoName, Method: op.Method, Path: op.Path, Line: op.Pos.Line,
		Responses: []dumpResponse{}, Params: []dumpParam{}}
	if op.Page != nil {
		o.Page = op.Page.Path
	}
	o.ParamsType = typeName(op.ParamsType)
	o.RequestType = typeName(op.Request)
	for _, r := range op.Responses {
		o.Responses = append(o.Responses, dumpResponse{Status: r.Status, Type: typeName(r.Body), HeaderType: typeName(r.Header)})
	}
	for _, p := range op.Params {
		goType := ""
		if p.Type != nil {
			goType = p.Type.String()
		}
		o.Params = append(o.Params, dumpParam{Name: p.Name, In: string(p.In), GoName: p.GoName, GoType: goType, Required: p.Required})
	}
	return o
}

// typeName is a type's Go name, or "" for none.
func typeName(t *ir.Type) string {
	if t == nil {
		return ""
	}
	return t.GoName
}
