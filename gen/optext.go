package gen

import (
	"fmt"
	"strings"

	"github.com/rst2go/rst2go/gen/ir"
)

// OperationsText lists a package's operations one block each, for golden
// tests and for reading: method and path, name and place, the Params type
// with its parameters, the request body and the responses by status.
func OperationsText(pkg *ir.Package) string {
	var b strings.Builder
	name := func(t *ir.Type) string {
		if t == nil {
			return "-"
		}
		return t.GoName
	}
	for _, op := range pkg.Operations {
		page := ""
		if op.Page != nil {
			page = op.Page.Path
		}
		fmt.Fprintf(&b, "%s %s\n  name %s (%s:%d:%d)\n  params %s\n", op.Method, op.Path, op.GoName, page, op.Pos.Line, op.Pos.Col, name(op.ParamsType))
		for _, p := range op.Params {
			req := ""
			if p.Required {
				req = " required"
			}
			fmt.Fprintf(&b, "    %s %s %s %s%s\n", p.In, p.Name, p.GoName, p.Type, req)
		}
		fmt.Fprintf(&b, "  request %s\n", name(op.Request))
		for _, r := range op.Responses {
			fmt.Fprintf(&b, "  response %s body %s header %s\n", r.Status, name(r.Body), name(r.Header))
		}
	}
	return b.String()
}
