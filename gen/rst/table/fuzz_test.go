package table

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary lines to all four entry points. None may
// panic; errors must be *Error values pointing into the input; counts
// must stay within the input; and every table parsed must keep the
// invariants of checkInvariants (cells inside the grid and the block, one
// byte column per text line, each slot covered exactly once).
func FuzzParse(f *testing.F) {
	for _, fx := range parseFixtures {
		f.Add(strings.Join(fx.block, "\n"))
	}
	for _, fx := range isolateFixtures {
		f.Add(strings.Join(fx.lines, "\n"))
	}
	f.Fuzz(func(t *testing.T, data string) {
		lines := strings.Split(data, "\n")

		n, err := GridLines(lines)
		checkCount(t, "GridLines", lines, n, err)
		var tab *Table
		if err == nil {
			tab, err = ParseGrid(lines[:n])
			checkResult(t, "ParseGrid of isolated", lines[:n], tab, err)
		} else {
			n = 0 // Grid's count when isolating fails
		}
		checkOneStep(t, "Grid", lines, Grid, n, tab, err)
		n, err = SimpleLines(lines)
		checkCount(t, "SimpleLines", lines, n, err)
		tab = nil
		if err == nil {
			tab, err = ParseSimple(lines[:n])
			checkResult(t, "ParseSimple of isolated", lines[:n], tab, err)
		} else {
			n = 0
		}
		checkOneStep(t, "Simple", lines, Simple, n, tab, err)

		tab, err = ParseGrid(lines)
		checkResult(t, "ParseGrid", lines, tab, err)
		tab, err = ParseSimple(lines)
		checkResult(t, "ParseSimple", lines, tab, err)
	})
}

// checkOneStep checks that Grid or Simple returns what the two steps
// returned (a count of 0 when isolating failed).
func checkOneStep(t *testing.T, what string, lines []string, f func([]string) (int, *Table, error), n int, tab *Table, err error) {
	t.Helper()
	gotN, gotTab, gotErr := f(lines)
	if gotN != n || !reflect.DeepEqual(gotTab, tab) || !reflect.DeepEqual(gotErr, err) {
		t.Fatalf("%s = %d, %+v, %v; the two steps gave %d, %+v, %v", what, gotN, gotTab, gotErr, n, tab, err)
	}
}

func checkCount(t *testing.T, what string, lines []string, n int, err error) {
	t.Helper()
	if n < 0 || n > len(lines) {
		t.Fatalf("%s: count %d of %d lines", what, n, len(lines))
	}
	if err == nil && n < 1 {
		t.Fatalf("%s: count %d without error", what, n)
	}
	if err != nil {
		checkError(t, what, lines, err)
	}
}

func checkResult(t *testing.T, what string, lines []string, tab *Table, err error) {
	t.Helper()
	if err != nil {
		if tab != nil {
			t.Fatalf("%s: table and error %v", what, err)
		}
		checkError(t, what, lines, err)
		return
	}
	if tab == nil {
		t.Fatalf("%s: neither table nor error", what)
	}
	checkInvariants(t, lines, tab)
}

func checkError(t *testing.T, what string, lines []string, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%s: error %T %v is not an *Error", what, err, err)
	}
	if e.Line < 0 || e.Line >= len(lines) || e.Col < 0 || e.Msg == "" {
		t.Fatalf("%s: error %+v outside %d lines", what, e, len(lines))
	}
}
