// Package ir is the resolved model of the Go code to generate: files,
// struct types and fields with their Go names, Go types, JSON names and
// docs. The resolver builds it from the document model; the emitter only
// prints it and never derives a name or a type itself.
package ir

import (
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// Package is everything one run generates.
type Package struct {
	Name  string
	Files []*File
	// Links gives the Go type name each resolved reference in the docs
	// points to, so that doc comments can link to it.
	Links map[*doc.Ref]string
	// Operations are the API calls of every page, in page order then
	// document order. Each is also listed in its page's File.
	Operations []*Operation
	// SDKTags names the SDK whose struct tags the output carries besides
	// its own (rst2go.yaml sdkTags): "gophertelekomcloud" adds q, h and
	// required tags; "" adds none.
	SDKTags string
	// NotEnums are the lists of values seen in descriptions that did not
	// become enums, and why (open lists, contradictions).
	NotEnums []NotEnum
}

// NotEnum is a list of values that did not become an enum.
type NotEnum struct {
	Pos    source.Pos
	Field  string // the JSON name
	Reason string
}

// File is the Go file generated for one input page.
type File struct {
	// Source is the input page's path as named on the command line.
	Source string
	// Name is the output file name ("responses_batch_operation.go").
	Name       string
	Types      []*Type
	Operations []*Operation
}

// Type is a named struct type.
type Type struct {
	GoName string
	Pos    source.Pos
	// Doc is the type's doc comment, its first paragraph naming the type.
	Doc    []*doc.Block
	Fields []*Field
	// Underlying, when set, is what the type is instead of a struct: a
	// top-level table of one placeholder row ("{key}", "[items]")
	// describes a map or an array, not an object.
	Underlying *GoType
	// Enum, when set, makes the type a named string or integer type
	// (Underlying) with a constant for each documented value.
	Enum *Enum
	// Page and Table are where the type comes from (for a type shared by
	// tables of one shape, the first of them).
	Page  *doc.Page
	Table *doc.Table
	// Role is what a top-level table is for: "request", "response",
	// "error-response", "path-params", "query-params", "uri-params",
	// "request-header", "response-header" or "params"; "" for a nested
	// table.
	Role string
	// Numbered says the name got a number because the name it wanted
	// was taken by a type of another shape (CreateECSGroupRequest2).
	Numbered bool
	// AliasOf, when set, is the type this one is an alias of (type X =
	// Y): a top-level table with the same role and shape as an earlier
	// one. Fields are still filled in.
	AliasOf *Type
	// Key identifies the type in the API (see Key): the names lock keeps
	// its name by it.
	Key string
}

// Field is one struct field. (Its flags are together at the end: 128
// bytes, not 144, a size class less on a page of 250,000 fields.)
type Field struct {
	GoName   string
	JSONName string
	Type     *GoType
	// TimeLayout is the Go layout of the date-time format the field's
	// description documents (time.RFC3339, or "2006-01-02T15:04:05" for
	// one without a zone), or "".
	TimeLayout string
	Pos        source.Pos
	Doc        []*doc.Block
	// Param is the row the field comes from.
	Param *doc.Param
	// Skip marks a parameter whose name cannot be a JSON key in a struct
	// tag; the field is emitted with `json:"-"`.
	Skip bool
	// OmitEmpty and OmitZero (at most one is set) leave the field out
	// of JSON when empty (omitempty: false, 0, "", nil) or zero
	// (omitzero, Go 1.24: a struct value, time.Time).
	OmitEmpty bool
	OmitZero  bool
	// Required is set for a row the docs mark mandatory in a type that
	// requests reach (sdkTags' required:"true").
	Required bool
}

// Kind is the kind of a Go type expression.
type Kind int

const (
	Builtin   Kind = iota // Name is a predeclared type: string, int, bool, ...
	Named                 // Ref is a type of the generated package
	Slice                 // []Elem
	Map                   // map[string]Elem
	Pointer               // *Elem
	RawJSON               // encoding/json.RawMessage
	Any                   // any (only as a map value for free-form objects)
	Qualified             // Name of the package at Path (from a config: time.Time)
)

// GoType is a Go type expression.
type GoType struct {
	Kind Kind
	Name string // Builtin, Qualified
	Path string // Qualified: the import path
	Ref  *Type  // Named
	Elem *GoType
}

// String prints the type as Go source.
func (t *GoType) String() string {
	switch t.Kind {
	case Slice:
		return "[]" + t.Elem.String()
	case Map:
		return "map[string]" + t.Elem.String()
	case Pointer:
		return "*" + t.Elem.String()
	case RawJSON:
		return "json.RawMessage"
	case Any:
		return "any"
	case Named:
		return t.Ref.GoName
	case Qualified:
		return t.Path + "." + t.Name
	}
	return t.Name
}

// Scalar is the predeclared type t is or, for an enum, is based on; nil
// for anything else. Both the resolver (query parameter pointers) and the
// emitter (encoding a parameter as text) ask it.
func (t *GoType) Scalar() *GoType {
	switch {
	case t.Kind == Builtin:
		return t
	case t.Kind == Named && t.Ref != nil && t.Ref.Enum != nil && t.Ref.Enum.Base != nil && t.Ref.Enum.Base.Kind == Builtin:
		return t.Ref.Enum.Base
	}
	return nil
}

// Constructors for the common shapes.
var (
	String  = &GoType{Kind: Builtin, Name: "string"}
	Int     = &GoType{Kind: Builtin, Name: "int"}
	Int64   = &GoType{Kind: Builtin, Name: "int64"}
	Float64 = &GoType{Kind: Builtin, Name: "float64"}
	Bool    = &GoType{Kind: Builtin, Name: "bool"}
	Raw     = &GoType{Kind: RawJSON}
	AnyType = &GoType{Kind: Any}
)

// SliceOf returns []elem.
func SliceOf(elem *GoType) *GoType { return &GoType{Kind: Slice, Elem: elem} }

// MapOf returns map[string]elem.
func MapOf(elem *GoType) *GoType { return &GoType{Kind: Map, Elem: elem} }

// NamedType returns the named type t.
func NamedType(t *Type) *GoType { return &GoType{Kind: Named, Ref: t} }

// PointerTo returns *elem. Pointers to the predeclared types above are
// made once and shared (types are never changed once made): they are the
// optional fields of request types, 200,000 of them on a 50 MB page.
func PointerTo(elem *GoType) *GoType {
	switch elem {
	case String:
		return stringPointer
	case Int:
		return intPointer
	case Int64:
		return int64Pointer
	case Float64:
		return float64Pointer
	case Bool:
		return boolPointer
	}
	return &GoType{Kind: Pointer, Elem: elem}
}

var (
	stringPointer  = &GoType{Kind: Pointer, Elem: String}
	intPointer     = &GoType{Kind: Pointer, Elem: Int}
	int64Pointer   = &GoType{Kind: Pointer, Elem: Int64}
	float64Pointer = &GoType{Kind: Pointer, Elem: Float64}
	boolPointer    = &GoType{Kind: Pointer, Elem: Bool}
)

// Enum is the complete set of values the docs give a field: the type is
// its Base (string or int) with one constant per value. Unknown values
// still decode; Valid reports whether a value is one of these.
type Enum struct {
	Base   *GoType
	Values []*EnumValue
	// Fields are the fields typed with the enum, in document order.
	Fields []*Field
}

// EnumValue is one documented value of an enum.
type EnumValue struct {
	// GoName is the constant's name (the type's name plus the value's).
	GoName string
	// Value is the value as documented: "volume", "0" for an integer
	// enum.
	Value string
	// Doc explains the value, where the docs do ("ACTIVE: The ECS is
	// running."); it becomes the constant's comment.
	Doc []*doc.Block
	// Pos is where the value is written; Added marks a value that came
	// from rst2go.yaml instead of the docs.
	Pos   source.Pos
	Added bool
}

// SDKGopherTelekomCloud is the Package.SDKTags value for the
// gophertelekomcloud SDK: query fields tagged q:"name", header fields
// h:"Name" and mandatory fields required:"true", the tags its
// BuildQueryString, BuildHeaders and BuildRequestBody read.
const SDKGopherTelekomCloud = "gophertelekomcloud"
