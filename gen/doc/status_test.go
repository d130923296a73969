package doc

import "testing"

// TestStatusHold: a status caption holds over reasons and bullets, until a
// caption with a role or a table title of its own, another status, or a
// new section.
func TestStatusHold(t *testing.T) {
	var h StatusHold
	steps := []struct{ in, want string }{
		{"Example 1", "Example 1"},
		{"Status code: 412", "Status code: 412"},
		{"PreconditionFailed", "Status code: 412 (PreconditionFailed)"},
		{"Example 2", "Status code: 412 (Example 2)"},
		{"Status code: 412 (Example 2)", "Status code: 412 (Example 2)"},
		{"Table 3 error field description", "Table 3 error field description"},
		{"Example 3", "Example 3"},
		{"status code: 200", "status code: 200"},
		{"Abnormal responses", "Abnormal responses"},
		{"OK", "OK"},
		{"Status code: 201", "Status code: 201"},
		{"", ""},
		{"- reset -", ""},
		{"Created", "Created"},
	}
	for _, s := range steps {
		if s.in == "- reset -" {
			h.Reset()
			continue
		}
		if got := h.Caption(s.in); got != s.want {
			t.Errorf("Caption(%q) = %q, want %q", s.in, got, s.want)
		}
	}
}
