package resolve

import "testing"

// TestFindTrigger: the word search before setTrigger never hides one of
// its matches.
func TestFindTrigger(t *testing.T) {
	for _, m := range []string{
		"The value can be a, b or c.",
		"THE VALUES MUST BE ONE OF THE FOLLOWING:",
		"Possible values are: x, y.",
		"Enumeration values: 1, 2.",
		"Enumerated value include a",
		"Valid Values include ON, OFF",
		"Options are a or b",
		"  options: a",
		"Value range: 1-10",
		"  Range: 1 to 5",
		"Values: a, b",
		"This parameter value of this field may only be set to A",
		"Its value should be x",
		"no such words here",
		"A valid name",
		"",
	} {
		want := setTrigger().FindStringIndex(m)
		got := findTrigger(m)
		if len(got) != len(want) || len(got) == 2 && (got[0] != want[0] || got[1] != want[1]) {
			t.Errorf("findTrigger(%q) = %v, want %v", m, got, want)
		}
		if want != nil && !hasTriggerWord(m) {
			t.Errorf("hasTriggerWord(%q) = false, but setTrigger matches", m)
		}
	}
}
