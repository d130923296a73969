package naming

import (
	"go/token"
	"strings"
	"testing"
)

// FuzzExported checks that Exported and TypeNameFromTitle never panic and
// always give a valid exported identifier, or "" exactly when the input has
// no letter or digit.
func FuzzExported(f *testing.F) {
	for _, tt := range exportedTests {
		f.Add(tt.in)
	}
	for _, tt := range titleTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fn := range []struct {
			name string
			f    func(string) string
		}{{"Exported", Exported}, {"TypeNameFromTitle", TypeNameFromTitle}} {
			got := fn.f(s)
			if got == "" {
				if strings.ContainsFunc(s, isWordRune) {
					t.Fatalf("%s(%q) = \"\", but it has letters or digits", fn.name, s)
				}
				continue
			}
			if !token.IsIdentifier(got) || !token.IsExported(got) {
				t.Fatalf("%s(%q) = %q, not an exported identifier", fn.name, s, got)
			}
			if again := fn.f(s); again != got {
				t.Fatalf("%s(%q) gave %q then %q", fn.name, s, got, again)
			}
		}
	})
}

// FuzzShortNameFromTitle checks that ShortNameFromTitle never panics and
// gives a stem that is "" or an exported identifier of at most MaxStem
// bytes, and a qualifier that is "" or an identifier (it follows a stem).
func FuzzShortNameFromTitle(f *testing.F) {
	for _, tt := range titleTests {
		f.Add(tt.in)
	}
	f.Add("Querying the Target Flavors to Which an ECS Flavor Can Be Changed (Microversion 2.6 or Later)")
	f.Add("Listing Details About Disks Attached to an ECS in a Batch (Discarded)")
	f.Fuzz(func(t *testing.T, s string) {
		name, qual := ShortNameFromTitle(s)
		if name != "" && (!token.IsIdentifier(name) || !token.IsExported(name)) {
			t.Fatalf("ShortNameFromTitle(%q) = %q, not an exported identifier", s, name)
		}
		if len(name) > MaxStem {
			t.Fatalf("ShortNameFromTitle(%q) = %q, over %d bytes", s, name, MaxStem)
		}
		if qual != "" && !token.IsIdentifier("X"+qual) {
			t.Fatalf("ShortNameFromTitle(%q) qualifier %q cannot follow a name", s, qual)
		}
	})
}
