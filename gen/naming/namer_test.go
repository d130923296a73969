package naming

import "testing"

func TestNamerUnique(t *testing.T) {
	var n Namer
	steps := []struct {
		op, name, want string // op: "u" Unique, "r" Reserve
	}{
		{"u", "ID", "ID"},
		{"u", "Name", "Name"},
		{"u", "ID", "ID2"},
		{"r", "ID3", ""},
		{"u", "ID", "ID4"},
		{"u", "ID2", "ID22"},
		{"u", "ID", "ID5"},
		{"u", "id", "id"}, // case matters
		{"r", "Status", ""},
		{"u", "Status", "Status2"},
		{"r", "Status3", ""},
		{"r", "Status4", ""},
		{"u", "Status", "Status5"},
		{"u", "IPv6", "IPv6"},
		{"u", "IPv6", "IPv62"},
		{"u", "A1", "A1"},
		{"u", "A1", "A12"},
		{"u", "A", "A"},
		{"u", "A", "A2"},
		{"u", "A", "A3"},
		{"u", "A", "A4"},
		{"u", "A", "A5"},
		{"u", "A", "A6"},
		{"u", "A", "A7"},
		{"u", "A", "A8"},
		{"u", "A", "A9"},
		{"u", "A", "A10"},
		{"u", "A", "A11"},
		{"u", "A", "A13"}, // A12 came from A1
	}
	for i, s := range steps {
		switch s.op {
		case "u":
			if got := n.Unique(s.name); got != s.want {
				t.Fatalf("step %d: Unique(%q) = %q, want %q", i, s.name, got, s.want)
			}
			if !n.Used(s.want) {
				t.Fatalf("step %d: %q not marked used", i, s.want)
			}
		case "r":
			n.Reserve(s.name)
		}
	}
	for _, name := range []string{"ID", "ID2", "ID3", "ID4", "Status", "Status3", "A13"} {
		if !n.Used(name) {
			t.Errorf("Used(%q) = false", name)
		}
	}
	for _, name := range []string{"ID6", "Status2x", "B", ""} {
		if n.Used(name) {
			t.Errorf("Used(%q) = true", name)
		}
	}
}

func TestNamerDeterministic(t *testing.T) {
	names := []string{"ID", "Name", "ID", "ID2", "Name", "ID", "Name2", "Name"}
	var a, b Namer
	for _, name := range names {
		if x, y := a.Unique(name), b.Unique(name); x != y {
			t.Fatalf("Unique(%q): %q then %q", name, x, y)
		}
	}
}

func TestNamerZero(t *testing.T) {
	var n Namer
	if n.Used("X") {
		t.Error("zero Namer: Used(X) = true")
	}
	if got := n.Unique("X"); got != "X" {
		t.Errorf("zero Namer: Unique(X) = %q", got)
	}
}
