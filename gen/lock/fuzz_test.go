package lock

import (
	"go/token"
	"testing"
)

// FuzzParse: whatever the file holds, Parse does not panic, positions
// stay inside the file, every entry it keeps has a key with a space and
// an exported identifier as name, and writing the entries and reading
// them again gives the same entries with no diagnostic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(HeaderLine + "\nPOST /v1/x request = CreateXRequest\na.rst response.items[] = Item\n"))
	f.Add([]byte("a.rst request = A\na.rst request = B\nb.rst x = A\nmalformed\n = \n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, diags := Parse("f", data)
		lines := 1
		for _, c := range data {
			if c == '\n' {
				lines++
			}
		}
		for _, d := range diags {
			if d.Pos.Line < 1 || d.Pos.Line > lines {
				t.Fatalf("diagnostic outside the file: %v", d)
			}
		}
		entries := map[string]string{}
		for _, e := range l.Entries {
			if !token.IsIdentifier(e.Name) || !token.IsExported(e.Name) {
				t.Fatalf("entry %q has name %q", e.Key, e.Name)
			}
			entries[e.Key] = e.Name
		}
		again, diags := Parse("f", Format(entries))
		if len(diags) > 0 || len(again.Entries) != len(entries) {
			t.Fatalf("round trip: %v, %d of %d entries", diags, len(again.Entries), len(entries))
		}
		for _, e := range again.Entries {
			if entries[e.Key] != e.Name {
				t.Fatalf("round trip: %q = %s, want %s", e.Key, e.Name, entries[e.Key])
			}
		}
	})
}
