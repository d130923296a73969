package ir

import "strings"

// Keys name a generated type by what identifies it in the API, not by its
// Go name: the names lock (gen/lock) records each type's name against its
// key, and -diff can match a type across two versions of the docs by it.
//
// A key is a place followed by a space and a json path:
//
//	POST /v1/{project_id}/cloudservers request.server.block_device_mapping_v2[]
//	en-us_topic_0020212668.html response.server.flavor
//
// The place is an operation (method and path template) for a type reached
// from an operation's request or response, otherwise the page's stable
// identity ([PageID]). The json path starts with the top-level table's
// role (RootSegment) and goes down field by field ([FieldPath]).

// PageID is a page's stable identity in keys: its :original_name: (the
// name it was published under, which survives renaming the source file),
// else its path relative to the run's common folder.
func PageID(originalName, relPath string) string {
	if originalName != "" {
		return originalName
	}
	return relPath
}

// Key joins a place (a PageID or an OperationPlace) and a json path.
func Key(place, jsonPath string) string { return place + " " + jsonPath }

// OperationPlace is an operation's place in keys: "POST /v1/{project_id}/cloudservers".
func OperationPlace(method, path string) string { return strings.ToUpper(method) + " " + path }

// RootSegment is the first element of a json path: the role of a
// top-level table ("request", "response", "error-response",
// "response-header", ...), with the status code it documents if any
// ("response/202", "error-response/400").
func RootSegment(role, status string) string {
	if status != "" {
		return role + "/" + status
	}
	return role
}

// Element kinds of FieldPath.
const (
	Object = ""   // the field holds the object itself
	Array  = "[]" // the field holds an array of them
	MapOfV = "{}" // the field holds a map of them
)

// FieldPath extends a json path by a field: "request" + "server" →
// "request.server"; with Array, "request.server.nics[]". An empty field
// name stands for the elements or values of a placeholder table
// ("{User defined key}", "[items]"): "request.tags{}".
func FieldPath(parent, field, kind string) string {
	if field == "" {
		return parent + kind
	}
	return parent + "." + field + kind
}
