package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/rst2go/rst2go/gen/godoc"
	"github.com/rst2go/rst2go/gen/ir"
)

// genParams renders an operation's Params type:
//
//	// ListWidgetsParams are the path, query and header parameters of ...
//	type ListWidgetsParams struct {
//		// Row description
//		ProjectID string `path:"project_id"`
//		Limit *int `query:"limit"`
//		XAuthToken string `header:"X-Auth-Token"`
//	}
//
// The tags say where each field travels; there are no json tags (the
// fields are never a body). sdk adds the tags of that SDK.
func genParams(op *ir.Operation, opts godoc.Options, sdk string) jen.Code {
	fields := make([]jen.Code, 0, 2*len(op.Params))
	for i, p := range op.Params {
		text := godoc.Comment("", p.Doc, opts)
		if i > 0 && text != "" {
			fields = append(fields, jen.Line())
		}
		fields = append(fields, fieldComment(text))
		fields = append(fields, jen.Id(p.GoName).Add(goType(p.Type)).Tag(paramTags(p, sdk)))
	}
	return jen.Add(comment(godoc.Comment("", op.ParamsType.Doc, opts))).Line().
		Type().Id(op.ParamsType.GoName).Struct(fields...)
}

// paramTags are a Params field's struct tags.
func paramTags(p *ir.Param, sdk string) map[string]string {
	tags := map[string]string{string(p.In): p.Name}
	if sdk == ir.SDKGopherTelekomCloud {
		switch p.In {
		case ir.InQuery:
			tags["q"] = p.Name
		case ir.InHeader:
			tags["h"] = p.Name
		}
		if p.Required {
			tags["required"] = "true"
		}
	}
	return tags
}

// methodConsts are net/http's names of the methods.
var methodConsts = map[string]string{
	"GET": "MethodGet", "POST": "MethodPost", "PUT": "MethodPut", "PATCH": "MethodPatch",
	"DELETE": "MethodDelete", "HEAD": "MethodHead", "OPTIONS": "MethodOptions",
}

// genNewRequest renders the Params type's NewRequest:
//
//	func (p *ListWidgetsParams) NewRequest(ctx context.Context, endpoint string, body *ListWidgetsRequest) (*http.Request, error) {
//		if p.ProjectID == "" {
//			return nil, errors.New("path parameter project_id (ListWidgetsParams.ProjectID) is empty")
//		}
//		u := strings.TrimSuffix(endpoint, "/") + "/v1/" + url.PathEscape(p.ProjectID) + "/widgets"
//		query := url.Values{}
//		if p.Limit != nil {
//			query.Add("limit", strconv.Itoa(*p.Limit))
//		}
//		if len(query) > 0 {
//			u += "?" + query.Encode()
//		}
//		var r io.Reader
//		if body != nil {
//			data, err := json.Marshal(body)
//			if err != nil {
//				return nil, err
//			}
//			r = bytes.NewReader(data)
//		}
//		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, r)
//		if err != nil {
//			return nil, err
//		}
//		if body != nil {
//			req.Header.Set("Content-Type", "application/json")
//		}
//		if p.XAuthToken != "" {
//			req.Header.Set("X-Auth-Token", p.XAuthToken)
//		}
//		return req, nil
//	}
//
// The request, query and header parts are left out when the operation has
// none of them.
func genNewRequest(op *ir.Operation) jen.Code {
	name := op.ParamsType.GoName
	var path, query, header []*ir.Param
	byName := map[string]*ir.Param{}
	for _, p := range op.Params {
		switch p.In {
		case ir.InPath:
			path = append(path, p)
			byName[p.Name] = p
		case ir.InQuery:
			query = append(query, p)
		case ir.InHeader:
			header = append(header, p)
		}
	}
	recv := jen.Id("p")
	var body []jen.Code
	for _, p := range path {
		if isString(p.Type) {
			body = append(body, jen.If(recv.Clone().Dot(p.GoName).Op("==").Lit("")).Block(
				jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit("path parameter "+p.Name+" ("+name+"."+p.GoName+") is empty"))),
			))
		}
	}
	body = append(body, jen.Id("u").Op(":=").Add(urlExpr(op.Path, byName)))
	if len(query) > 0 {
		body = append(body, jen.Id("query").Op(":=").Qual("net/url", "Values").Values())
		for _, p := range query {
			body = append(body, addQuery(p))
		}
		body = append(body, jen.If(jen.Len(jen.Id("query")).Op(">").Lit(0)).Block(
			jen.Id("u").Op("+=").Lit("?").Op("+").Id("query").Dot("Encode").Call(),
		))
	}
	reader := jen.Nil()
	if op.Request != nil {
		reader = jen.Id("r")
		body = append(body,
			jen.Var().Id("r").Qual("io", "Reader"),
			jen.If(jen.Id("body").Op("!=").Nil()).Block(
				jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("body")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				jen.Id("r").Op("=").Qual("bytes", "NewReader").Call(jen.Id("data")),
			))
	}
	body = append(body,
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Qual("net/http", "NewRequestWithContext").Call(
			jen.Id("ctx"), jen.Qual("net/http", methodConsts[op.Method]), jen.Id("u"), reader),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
	)
	if op.Request != nil {
		body = append(body, jen.If(jen.Id("body").Op("!=").Nil()).Block(
			jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
		))
	}
	for _, p := range header {
		body = append(body, jen.If(jen.Id("p").Dot(p.GoName).Op("!=").Lit("")).Block(
			jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit(p.Name), jen.Id("p").Dot(p.GoName)),
		))
	}
	body = append(body, jen.Return(jen.Id("req"), jen.Nil()))

	params := []jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("endpoint").String()}
	if op.Request != nil {
		params = append(params, jen.Id("body").Op("*").Id(op.Request.GoName))
	}
	text := "NewRequest builds the " + op.GoName + " request (" + op.Method + " " + op.Path + ") on endpoint, " +
		"its scheme and host with or without a base path. Path parameters are escaped, query parameters that are set " +
		"are encoded (an array as repeated names), and headers that are set are sent."
	if op.Request != nil {
		text += " A non-nil body is sent as JSON."
	}
	if len(path) > 0 {
		text += " An empty path parameter is an error."
	}
	return jen.Add(comment(godoc.Comment(text, nil, godoc.Options{}))).Line().
		Func().Params(jen.Id("p").Op("*").Id(name)).Id("NewRequest").Params(params...).
		Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(body...)
}

// urlExpr is endpoint + the path with its placeholders filled:
// strings.TrimSuffix(endpoint, "/") + "/v1/" + url.PathEscape(p.ProjectID) + "/servers".
func urlExpr(path string, byName map[string]*ir.Param) jen.Code {
	expr := jen.Qual("strings", "TrimSuffix").Call(jen.Id("endpoint"), jen.Lit("/"))
	for path != "" {
		i := strings.IndexByte(path, '{')
		if i < 0 {
			expr = expr.Op("+").Lit(path)
			break
		}
		if i > 0 {
			expr = expr.Op("+").Lit(path[:i])
		}
		j := strings.IndexByte(path[i:], '}') + i
		p := byName[path[i+1:j]]
		if p == nil {
			// The resolver gives every placeholder a parameter; keep
			// the text if not.
			expr = expr.Op("+").Lit(path[i : j+1])
		} else {
			expr = expr.Op("+").Qual("net/url", "PathEscape").Call(format(p.Type, jen.Id("p").Dot(p.GoName)))
		}
		path = path[j+1:]
	}
	return expr
}

// addQuery encodes one query parameter: an array as repeated names, an
// optional value only when set.
func addQuery(p *ir.Param) jen.Code {
	add := func(v jen.Code) jen.Code {
		return jen.Id("query").Dot("Add").Call(jen.Lit(p.Name), v)
	}
	field := jen.Id("p").Dot(p.GoName)
	t := p.Type
	switch {
	case t.Kind == ir.Slice:
		return jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(field)).Block(add(format(t.Elem, jen.Id("v"))))
	case t.Kind == ir.Pointer:
		return jen.If(field.Clone().Op("!=").Nil()).Block(add(format(t.Elem, jen.Op("*").Add(field))))
	case isString(t):
		// A string is set when it is not empty, mandatory or not.
		return jen.If(field.Clone().Op("!=").Lit("")).Block(add(format(t, field)))
	case !p.Required && t.Scalar() != nil && t.Scalar().Name == "bool":
		// An optional plain value ("pointers: {requests: never}") is
		// set when it is not zero.
		return jen.If(field.Clone()).Block(add(format(t, field)))
	case !p.Required && t.Scalar() != nil:
		return jen.If(field.Clone().Op("!=").Lit(0)).Block(add(format(t, field)))
	}
	return add(format(t, field))
}

// isString reports whether t is string or an enum based on it (its zero
// value "" is unset).
func isString(t *ir.GoType) bool {
	b := t.Scalar()
	return b != nil && b.Name == "string"
}

// format is v (of type t) as text: strconv for numbers and booleans, an
// enum converted to its base first.
func format(t *ir.GoType, v jen.Code) jen.Code {
	b := t.Scalar()
	if b == nil {
		return jen.Qual("fmt", "Sprint").Call(v)
	}
	if t.Kind == ir.Named {
		v = jen.Id(b.Name).Call(v)
	}
	switch b.Name {
	case "string":
		return v
	case "int":
		return jen.Qual("strconv", "Itoa").Call(v)
	case "int64":
		return jen.Qual("strconv", "FormatInt").Call(v, jen.Lit(10))
	case "int8", "int16", "int32":
		return jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(v), jen.Lit(10))
	case "uint", "uint8", "uint16", "uint32", "uint64":
		return jen.Qual("strconv", "FormatUint").Call(jen.Uint64().Call(v), jen.Lit(10))
	case "float64":
		return jen.Qual("strconv", "FormatFloat").Call(v, jen.LitRune('f'), jen.Lit(-1), jen.Lit(64))
	case "float32":
		return jen.Qual("strconv", "FormatFloat").Call(jen.Float64().Call(v), jen.LitRune('f'), jen.Lit(-1), jen.Lit(32))
	case "bool":
		return jen.Qual("strconv", "FormatBool").Call(v)
	}
	return jen.Qual("fmt", "Sprint").Call(v)
}
