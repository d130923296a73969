// Package uri reads the method line of an API page ("POST
// /v1/{project_id}/cloudservers", "GET
// https://{endpoint}/v3/{project_id}/backups?limit={limit}") into its
// method, host, path template and query names. The resolver builds
// operations from it and lint holds tables to it: one reading for both.
//
// The family writes the line in several ways, all read here: a host or
// "https://{endpoint}" before the path, a query string whose values are
// placeholders ("?limit={limit}&marker={marker}") or samples
// ("?delete_flag=0"), empty pairs ("&&"), the RFC 6570 form
// "{?reserve_port}", emphasis and escapes inside braces ("{*project_id*}",
// "{project\_id}") and a lead "URI:" or "URI format:".
package uri

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
)

// Line is a parsed method line.
type Line struct {
	// Method is upper case ("GET").
	Method string
	// Host is what stood before the path ("https://{endpoint}",
	// "{endpoint}", "ecs.example.com"), or "".
	Host string
	// Path is the path template without host and query string: it starts
	// with "/" and its placeholders are "{name}".
	Path string
	// Query are the query string's parameters in order.
	Query []Query
}

// Query is one name of the query string.
type Query struct {
	Name string
	// Value is the value the line gives ("0" in "?delete_flag=0"), ""
	// for a placeholder or a bare name.
	Value string
}

// Parse reads a method line. An error says why the text is not one: no
// method, no path from the root, unbalanced braces, an empty placeholder.
func Parse(text string) (Line, error) {
	method, rest, ok := doc.CutMethod(text)
	if !ok {
		return Line{}, errors.New("no HTTP method")
	}
	u, _, _ := strings.Cut(rest, " ")
	// Emphasis around the whole line ("**POST /v1/x**") leaves its
	// closing marks on the URI.
	u = strings.Trim(u, "`*")
	u, err := clean(u)
	if err != nil {
		return Line{}, err
	}
	l := Line{Method: method}
	if l.Host, u, err = cutHost(u); err != nil {
		return Line{}, err
	}
	path, query := splitQuery(u)
	for {
		// RFC 6570: "/servers/{id}{?reserve_port,tag}".
		i := strings.Index(path, "{?")
		if i < 0 {
			i = strings.Index(path, "{&")
		}
		if i < 0 {
			break
		}
		j := strings.IndexByte(path[i:], '}') + i
		for _, n := range strings.Split(path[i+2:j], ",") {
			if n = strings.TrimSpace(n); n != "" {
				l.Query = append(l.Query, Query{Name: n})
			}
		}
		path = path[:i] + path[j+1:]
	}
	if path == "" {
		path = "/"
	}
	for _, pair := range strings.Split(query, "&") {
		if pair == "" {
			continue
		}
		name, value, _ := strings.Cut(pair, "=")
		if name == "" {
			return Line{}, fmt.Errorf("query pair %q has no name", pair)
		}
		if strings.ContainsAny(name, "{}") {
			return Line{}, fmt.Errorf("query name %q is a placeholder", name)
		}
		if isPlaceholder(value) {
			value = ""
		}
		l.Query = append(l.Query, Query{Name: name, Value: value})
	}
	l.Path = path
	return l, nil
}

// Placeholders are the names of a path template's placeholders, in order.
func Placeholders(path string) []string {
	var names []string
	for {
		i := strings.IndexByte(path, '{')
		if i < 0 {
			return names
		}
		j := strings.IndexByte(path[i:], '}')
		if j < 0 {
			return names
		}
		names = append(names, path[i+1:i+j])
		path = path[i+j+1:]
	}
}

func isPlaceholder(s string) bool {
	return len(s) > 2 && s[0] == '{' && s[len(s)-1] == '}' && !strings.ContainsAny(s[1:len(s)-1], "{}")
}

// clean drops emphasis and escapes inside braces and checks that braces
// balance and hold a name.
func clean(u string) (string, error) {
	var b strings.Builder
	depth, start := 0, 0
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '{':
			if depth > 0 {
				return "", fmt.Errorf("nested brace at byte %d of %q", i, u)
			}
			depth, start = 1, b.Len()
		case c == '}':
			if depth == 0 {
				return "", fmt.Errorf("unbalanced braces in %q", u)
			}
			depth = 0
			if name := b.String()[start+1:]; strings.Trim(name, "?&") == "" {
				return "", fmt.Errorf("empty placeholder in %q", u)
			}
		case depth > 0 && (c == '*' || c == '\\' || c == '`'):
			continue
		case depth > 0 && (c == '/' || c == ' '):
			return "", fmt.Errorf("unbalanced braces in %q", u)
		}
		b.WriteByte(c)
	}
	if depth > 0 {
		return "", fmt.Errorf("unbalanced braces in %q", u)
	}
	return b.String(), nil
}

// cutHost takes off what stands before the path: a scheme and host, or a
// first segment that names a host ("{endpoint}", "ecs.example.com").
func cutHost(u string) (host, rest string, err error) {
	if strings.HasPrefix(u, "/") {
		return "", u, nil
	}
	if i := strings.Index(u, "://"); i >= 0 {
		j := strings.IndexAny(u[i+3:], "/?")
		if j < 0 {
			return u, "", nil
		}
		return u[:i+3+j], u[i+3+j:], nil
	}
	first, _, _ := strings.Cut(u, "/")
	first, _, _ = strings.Cut(first, "?")
	if isPlaceholder(first) || strings.Contains(first, ".") || strings.Contains(first, ":") {
		return first, u[len(first):], nil
	}
	return "", "", fmt.Errorf("URI %q does not start with / or a host", u)
}

// splitQuery splits at the first "?" outside braces.
func splitQuery(u string) (path, query string) {
	depth := 0
	for i := 0; i < len(u); i++ {
		switch u[i] {
		case '{':
			depth++
		case '}':
			depth--
		case '?':
			if depth == 0 {
				return u[:i], u[i+1:]
			}
		}
	}
	return u, ""
}
