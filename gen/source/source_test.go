package source

import (
	"testing"

	_ "github.com/rst2go/rst2go/gen/golden" // defines -update
)

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{}, "-"},
		{Pos{File: "a.rst"}, "a.rst"},
		{Pos{File: "a.rst", Line: 3}, "a.rst:3"},
		{Pos{File: "a.rst", Line: 3, Col: 7}, "a.rst:3:7"},
		{Pos{Line: 3, Col: 7}, "3:7"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestListSortAndString(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "b.rst", Line: 1, Col: 1}, "x", "second %q", "file")
	l.Errorf(Pos{File: "a.rst", Line: 9, Col: 2}, "y", "late line")
	l.Warnf(Pos{File: "a.rst", Line: 2, Col: 5}, "x", "early line")
	l.Warnf(Pos{File: "a.rst", Line: 2, Col: 5}, "x", "early line")
	l.Sort()
	want := "a.rst:2:5: warning: early line\n" +
		"a.rst:9:2: error: late line\n" +
		"b.rst:1:1: warning: second \"file\"\n"
	if got := l.String(); got != want {
		t.Errorf("sorted list:\n%s\nwant:\n%s", got, want)
	}
	if !l.HasErrors() {
		t.Error("HasErrors() = false, want true")
	}
}
