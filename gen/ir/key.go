package ir

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Keys name a generated type by what identifies it in the API, not by its
// Go name: the names lock (gen/lock) records each type's name against its
// key, and -diff can match a type across two versions of the docs by it.
//
// A key is a place followed by a space and a json path:
//
//	POST /v1/{project_id}/cloudservers request.server.block_device_mapping_v2[]
//	POST /v2.1/{project_id}/servers/{server_id}/action(os-stop) request.os-stop
//	en-us_topic_0020212668.html response.server.flavor
//
// The place is an operation (method and path template, [OperationPlace];
// with the request body's one member where operations share them,
// [ActionPlace]) for a type reached from an operation's request or
// response, otherwise the page's stable identity ([PageID]). The json path starts with the top-level table's
// role (RootSegment) and goes down field by field ([FieldPath]).
//
// A key is at most [MaxKeyLen] bytes as written above. A longer one (a
// table nested many levels deep) keeps its first MaxKeyLen bytes (cut at a
// character boundary), then "…#" and the 64-bit FNV-1a hash of the whole
// key in 16 hex digits:
//
//	chain.rst request.next_0.next_1.(…).next_2…#9c1f0e6b2a4d7f33
//
// so that a lock's size is linear in the number of types, not in their
// nesting depth squared. The hash is of the whole key, so a key is the
// same however it is built; [FieldKey] extends a bounded key by a field in
// time independent of its depth, continuing the hash from the one the
// parent ends in. Keys of at most MaxKeyLen bytes are as they always were.

// PageID is a page's stable identity in keys: its :original_name: (the
// name it was published under, which survives renaming the source file),
// else its path relative to the run's common folder.
func PageID(originalName, relPath string) string {
	if originalName != "" {
		return originalName
	}
	return relPath
}

// Key joins a place (a PageID or an OperationPlace) and a json path,
// bounded (see MaxKeyLen).
func Key(place, jsonPath string) string { return bound(place + " " + jsonPath) }

// MaxKeyLen is the longest key written out in full; the longest in the
// corpus is about half of it.
const MaxKeyLen = 256

// hashMark separates a long key's prefix from its hash.
const hashMark = "…#"

// Hashed reports whether a key was cut (see MaxKeyLen): its json path
// cannot be read back from it.
func Hashed(key string) bool { return strings.Contains(key, hashMark) }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnv64a(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashed gives the bounded form of a key longer than MaxKeyLen from its
// prefix (the first MaxKeyLen bytes or a little less) and its hash.
func hashed(prefix string, h uint64) string {
	hex := strconv.FormatUint(h, 16)
	return prefix + hashMark + strings.Repeat("0", 16-len(hex)) + hex
}

// bound gives the key written for the whole key k.
func bound(k string) string {
	if len(k) <= MaxKeyLen {
		return k
	}
	cut := MaxKeyLen
	for cut > 0 && !utf8.RuneStart(k[cut]) {
		cut--
	}
	return hashed(k[:cut], fnv64a(fnvOffset, k))
}

// FieldKey extends a key (from Key or FieldKey) by a field as FieldPath
// extends a json path, bounded (see MaxKeyLen).
func FieldKey(parent, field, kind string) string {
	// A bounded parent is prefix + hashMark + 16 hex digits, the hash of
	// its whole key. (Anything else is taken as a whole key.)
	i := len(parent) - 16
	if len(parent) <= MaxKeyLen || !strings.HasSuffix(parent[:i], hashMark) {
		return bound(FieldPath(parent, field, kind))
	}
	h, err := strconv.ParseUint(parent[i:], 16, 64)
	if err != nil {
		return bound(FieldPath(parent, field, kind))
	}
	if field != "" {
		h = fnv64a(h, ".")
		h = fnv64a(h, field)
	}
	return hashed(parent[:i-len(hashMark)], fnv64a(h, kind))
}

// OperationPlace is an operation's place in keys: "POST /v1/{project_id}/cloudservers".
func OperationPlace(method, path string) string { return strings.ToUpper(method) + " " + path }

// ActionPlace is the place of an operation that shares its method and
// path with others and is told apart by the one member of its request
// body, as OpenStack's actions are: "POST /v2.1/{project_id}/servers/{server_id}/action(os-stop)".
func ActionPlace(method, path, action string) string {
	return OperationPlace(method, path) + "(" + action + ")"
}

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

// FieldPath extends a json path (not a key: see FieldKey) by a field: "request" + "server" →
// "request.server"; with Array, "request.server.nics[]". An empty field
// name stands for the elements or values of a placeholder table
// ("{User defined key}", "[items]"): "request.tags{}".
func FieldPath(parent, field, kind string) string {
	if field == "" {
		return parent + kind
	}
	return parent + "." + field + kind
}
