// Package source owns places in input documents and the diagnostics that
// point at them.
//
// A [Pos] is a file name with a 1-based line and a 1-based byte column, as
// go/token.Position has; it prints as file:line:col. A [Diagnostic] is one
// message at a place, and a [List] collects them the way go/scanner's
// ErrorList does: library code adds to a list and goes on, and only the
// command decides what a warning or an error means for the run.
package source

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a place in an input file. Line and Col are 1-based; Col counts
// bytes. The zero Pos is "unknown".
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// IsValid reports whether the position has a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String prints file:line:col, leaving out what is unknown, or "-" when
// nothing is known.
func (p Pos) String() string {
	s := p.File
	if p.IsValid() {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	if s == "" {
		s = "-"
	}
	return s
}

// Add returns the position moved down by lines and, on the new line, to
// byte column col (1-based). It is how readers turn an offset inside a
// block (a table cell, a directive body) into a place in the file.
func (p Pos) Add(lines, col int) Pos {
	return Pos{File: p.File, Line: p.Line + lines, Col: col}
}

// Severity says how bad a diagnostic is.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalText makes severities print as words in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one message about one place in the input.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	// Code is a short stable name for the class of problem
	// ("unknown-type", "unresolved-ref", ...), for tools that filter.
	Code    string `json:"code"`
	Message string `json:"message"`
	// Param is the parameter (as the page writes it) the diagnostic is
	// about, if any: rst2go.yaml's ignore entries can select by it.
	Param string `json:"-"`
}

// String prints the diagnostic as file:line:col: severity: message, on
// one line with control characters escaped ([Escape]).
func (d Diagnostic) String() string {
	return Escape(fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Message))
}

// List collects diagnostics. The zero List is ready to use.
type List []Diagnostic

// Warnf adds a warning of class code at pos.
func (l *List) Warnf(pos Pos, code, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...)})
}

// WarnParamf adds a warning of class code at pos about the parameter
// param (as the page writes it), which ignore entries can select.
func (l *List) WarnParamf(pos Pos, param, code, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...), Param: param})
}

// Errorf adds an error of class code at pos.
func (l *List) Errorf(pos Pos, code, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Code: code, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Sort orders the list by file, line, column, then message, and drops exact
// repeats, so that output does not depend on the order work was done in.
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Message, b.Message),
		)
	})
	*l = slices.Compact(*l)
}

// String prints one diagnostic a line.
func (l List) String() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}
