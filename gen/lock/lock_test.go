package lock

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // entries as "key=name;" in file order
		diags    string
	}{
		{name: "empty", in: "", want: ""},
		{name: "comments and blanks", in: HeaderLine + "\n\n# note\nPOST /v1/x request = CreateXRequest\n", want: "POST /v1/x request=CreateXRequest;"},
		{name: "CRLF", in: "a.rst request = A\r\nb.rst response = B\r\n", want: "a.rst request=A;b.rst response=B;"},
		{name: "key with an equals sign", in: "a.rst request.a = b = A\n", want: "a.rst request.a = b=A;"},
		{name: "malformed", in: "a.rst request A\n", diags: `lock:1:1: error: malformed line "a.rst request A": want KEY = Name`},
		{name: "no json path", in: "request = A\n", diags: `lock:1:1: error: malformed key "request": want a place and a json path`},
		{name: "not an identifier", in: "a.rst request = 2A\nb.rst request = b\n", diags: "lock:1:17: error: \"2A\" is not an exported Go identifier\n" +
			"lock:2:17: error: \"b\" is not an exported Go identifier"},
		{name: "key twice", in: "a.rst request = A\na.rst request = B\n", want: "a.rst request=A;", diags: `lock:2:1: error: key "a.rst request" is locked twice (first at line 1)`},
		{name: "name twice", in: "a.rst request = A\nb.rst request = A\n", want: "a.rst request=A;", diags: `lock:2:17: error: name A is locked twice (first at line 1)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, diags := Parse("lock", []byte(tt.in))
			var got strings.Builder
			for _, e := range l.Entries {
				got.WriteString(e.Key + "=" + e.Name + ";")
				if n, ok := l.Name(e.Key); !ok || n.Name != e.Name {
					t.Errorf("Name(%q) = %v, %v", e.Key, n, ok)
				}
			}
			if got.String() != tt.want {
				t.Errorf("entries %q, want %q", got.String(), tt.want)
			}
			if strings.TrimSpace(diags.String()) != tt.diags {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", diags, tt.diags)
			}
		})
	}
}

func TestFormatRoundTrip(t *testing.T) {
	entries := map[string]string{
		"b.rst response.servers[]":                   "Server",
		"POST /v1/{project_id}/cloudservers request": "CreateECSsRequest",
		"a.rst request.tags{}":                       "Tag",
	}
	data := Format(entries)
	if !Ours(data) {
		t.Fatalf("Format's output does not start with the header:\n%s", data)
	}
	want := "POST /v1/{project_id}/cloudservers request = CreateECSsRequest\n" +
		"a.rst request.tags{} = Tag\n" +
		"b.rst response.servers[] = Server\n"
	if !strings.HasSuffix(string(data), "\n"+want) {
		t.Errorf("entries not sorted by key:\n%s", data)
	}
	l, diags := Parse("lock", data)
	if len(diags) > 0 || len(l.Entries) != len(entries) {
		t.Fatalf("round trip: %v, %d entries", diags, len(l.Entries))
	}
	for _, e := range l.Entries {
		if entries[e.Key] != e.Name {
			t.Errorf("%q = %s, want %s", e.Key, e.Name, entries[e.Key])
		}
	}
	if Ours([]byte("a.rst request = A\n")) {
		t.Error("a file without the header is taken as rst2go's")
	}
}
