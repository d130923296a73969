// Package lock reads and writes the names lock: the file beside the
// generated package that records the Go name of every generated type
// against its key (what identifies the type in the API, see ir.Key), so
// that regenerating after a docs change renames nothing that did not
// change.
//
// The file is FileName in the output folder:
//
//	# rst2go names lock: ...
//	POST /v1/{project_id}/cloudservers request = CreateECSsRequest
//	POST /v1/{project_id}/cloudservers request.server = Server
//	en-us_topic_0020212668.html response.server.flavor = ServerFlavor
//
// One type a line, "KEY = Name", sorted by key; lines starting with "#"
// and blank lines are comments. The name is what follows the last " = ".
package lock

import (
	"bytes"
	"go/token"
	"slices"
	"strings"

	"github.com/rst2go/rst2go/gen/source"
)

// FileName is the lock's name in the output folder.
const FileName = "rst2go.lock"

// HeaderLine is the lock's first line; a file named FileName that does not
// start with it is not rst2go's.
const HeaderLine = "# rst2go names lock: the Go name of each generated type, by its key (operation or page, then json path)."

var header = HeaderLine + `
# One type a line, "KEY = Name", sorted by key. Change a name to rename its type; delete a line
# (or the file) to have the type named afresh. rst2go writes this file; -check compares it.
`

// Entry is one line of a lock.
type Entry struct {
	Key, Name string
	Pos       source.Pos
}

// Lock is a parsed lock file.
type Lock struct {
	Entries []Entry
	byKey   map[string]*Entry
}

// Name returns the name locked for key.
func (l *Lock) Name(key string) (Entry, bool) {
	if l == nil {
		return Entry{}, false
	}
	e, ok := l.byKey[key]
	if !ok {
		return Entry{}, false
	}
	return *e, true
}

// Parse reads a lock. Every malformed line, key given twice, name given
// twice or name that is not an exported Go identifier is an error at its
// line (code "lock").
func Parse(path string, data []byte) (*Lock, source.List) {
	l := &Lock{byKey: map[string]*Entry{}}
	var diags source.List
	names := map[string]source.Pos{}
	for i, line := range strings.Split(string(data), "\n") {
		pos := source.Pos{File: path, Line: i + 1, Col: 1}
		line = strings.TrimSuffix(line, "\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		at := strings.LastIndex(line, " = ")
		if at < 0 {
			diags.Errorf(pos, "lock", "malformed line %q: want KEY = Name", line)
			continue
		}
		key, name := strings.TrimSpace(line[:at]), strings.TrimSpace(line[at+3:])
		pos.Col = at + 4
		switch {
		case key == "" || !strings.Contains(key, " "):
			diags.Errorf(source.Pos{File: path, Line: i + 1, Col: 1}, "lock", "malformed key %q: want a place and a json path", key)
		case !token.IsIdentifier(name) || !token.IsExported(name):
			diags.Errorf(pos, "lock", "%q is not an exported Go identifier", name)
		case l.byKey[key] != nil:
			diags.Errorf(source.Pos{File: path, Line: i + 1, Col: 1}, "lock", "key %q is locked twice (first at line %d)", key, l.byKey[key].Pos.Line)
		case names[name].Line > 0:
			diags.Errorf(pos, "lock", "name %s is locked twice (first at line %d)", name, names[name].Line)
		default:
			l.Entries = append(l.Entries, Entry{Key: key, Name: name, Pos: pos})
			l.byKey[key] = &l.Entries[len(l.Entries)-1]
			names[name] = pos
		}
	}
	// byKey points into Entries: rebuild it now that it no longer grows.
	for i := range l.Entries {
		l.byKey[l.Entries[i].Key] = &l.Entries[i]
	}
	return l, diags
}

// Format writes a lock of entries (key → name), sorted by key.
func Format(entries map[string]string) []byte {
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b bytes.Buffer
	b.WriteString(header)
	for _, k := range keys {
		b.WriteString(k)
		b.WriteString(" = ")
		b.WriteString(entries[k])
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// Ours reports whether data is a lock rst2go wrote (it starts with
// HeaderLine).
func Ours(data []byte) bool {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	return string(bytes.TrimSuffix(first, []byte("\r"))) == HeaderLine
}
