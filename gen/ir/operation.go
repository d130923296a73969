package ir

import (
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// Operation is one API call documented by a page: its method line
// ("POST /v1/{project_id}/cloudservers"), its path, query and header
// parameters, its request body and its responses by status code. The
// resolver builds it; every output (Go files, -dump, -diff) reads it.
type Operation struct {
	// GoName is the operation's name, from the page title as top-level
	// types are named ("Creating ECSs" → "CreateECSs").
	GoName string
	// Method is the upper-case HTTP method ("GET", "POST", ...).
	Method string
	// Path is the path template without host and query string
	// ("/v1/{project_id}/cloudservers"); placeholders are "{name}".
	Path string
	// Pos is the method line's position; Page the page documenting it.
	Pos  source.Pos
	Page *doc.Page
	// Doc is the page's function summary, if any.
	Doc []*doc.Block
	// Params are the path, query and header parameters in document order.
	Params []*Param
	// ParamsType is the generated "<Op>Params" struct, which holds Params.
	ParamsType *Type
	// ParamTypes are the page's path, query, URI and request header
	// tables as the resolver typed them: their rows are in Params, and
	// they are not generated themselves (lint holds them to the URI).
	ParamTypes []*Type
	// Request is the request body type, or nil when the operation sends
	// no body.
	Request *Type
	// Responses are the documented responses in status order.
	Responses []*Response
}

// ParamIn is where a parameter travels.
type ParamIn string

// Where parameters travel.
const (
	InPath   ParamIn = "path"
	InQuery  ParamIn = "query"
	InHeader ParamIn = "header"
)

// Param is one path, query or header parameter of an operation.
type Param struct {
	// Name is the parameter's name in the URI or header ("project_id",
	// "X-Auth-Token").
	Name     string
	In       ParamIn
	GoName   string
	Type     *GoType
	Required bool
	Pos      source.Pos
	Doc      []*doc.Block
	// Row is the table row documenting the parameter, or nil for a
	// placeholder or query name only the URI gives.
	Row *doc.Param
}

// Response is what an operation answers with one status code.
type Response struct {
	// Status is the status code as documented ("200", "202", "400").
	Status string
	// Body and Header are the response body and response header types, or
	// nil when the docs give none.
	Body   *Type
	Header *Type
	Pos    source.Pos
}
