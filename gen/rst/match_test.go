package rst

import (
	"regexp"
	"strings"
	"testing"
)

// The regular expressions of docutils that match.go writes out by hand.
var (
	gridTopRE       = regexp.MustCompile(`^\+-[-+]*\+$`)
	simpleTopRE     = regexp.MustCompile(`^=+( +=+)+$`)
	bulletItemRE    = regexp.MustCompile(`^([-*+•‣⁃])( +|$)`)
	enumItemRE      = regexp.MustCompile(`^(\(?)(\d+|#)([.)])( +|$)`)
	directiveLineRE = regexp.MustCompile(`^\.\. ([A-Za-z][A-Za-z0-9_.:+-]*)::(?:\s+(.*))?$`)
	fieldLineRE     = regexp.MustCompile(`^:([^:\s][^:]*):(?:\s+(.*))?$`)
	optionLineRE    = regexp.MustCompile(`^:([A-Za-z][\w-]*):(?:\s+(.*))?$`)
	roleStartRE     = regexp.MustCompile("^:([A-Za-z0-9_.+-]+(?::[A-Za-z0-9_.+-]+)?):`")
	roleSuffixRE    = regexp.MustCompile("^:([A-Za-z0-9_.+-]+):")
	targetLineRE    = regexp.MustCompile("^\\.\\. _(`[^`]+`|[^:`][^:]*(?:\\\\:[^:]*)*):(?:\\s+(.*))?$")
)

// checkMatchers compares every hand-written matcher with its regular
// expression on one line.
func checkMatchers(t *testing.T, s string) {
	t.Helper()
	if got, want := isGridTop(s), gridTopRE.MatchString(s); got != want {
		t.Errorf("isGridTop(%q) = %v, want %v", s, got, want)
	}
	if got, want := isSimpleTop(s), simpleTopRE.MatchString(s); got != want {
		t.Errorf("isSimpleTop(%q) = %v, want %v", s, got, want)
	}
	if got, want := bulletMarker(s), bulletItemRE.FindString(s); got != want {
		t.Errorf("bulletMarker(%q) = %q, want %q", s, got, want)
	}
	if got, want := enumMarker(s), enumItemRE.FindString(s); got != want {
		t.Errorf("enumMarker(%q) = %q, want %q", s, got, want)
	}
	pairs := []struct {
		name string
		re   *regexp.Regexp
		f    func(string) (string, string, bool)
	}{
		{"directiveLine", directiveLineRE, directiveLine},
		{"targetLine", targetLineRE, targetLine},
		{"fieldLine", fieldLineRE, fieldLine},
		{"optionLine", optionLineRE, optionLine},
		{"roleStart", roleStartRE, func(s string) (string, string, bool) {
			role, n, ok := roleStart(s)
			return role, s[:n], ok
		}},
		{"roleSuffix", roleSuffixRE, func(s string) (string, string, bool) {
			role, n, ok := roleSuffix(s)
			return role, s[:n], ok
		}},
	}
	for _, p := range pairs {
		a, b, ok := p.f(s)
		m := p.re.FindStringSubmatch(s)
		if ok != (m != nil) {
			t.Errorf("%s(%q) matches: %v, want %v", p.name, s, ok, m != nil)
			continue
		}
		if !ok {
			continue
		}
		want := m[0]
		if !strings.HasPrefix(p.name, "role") {
			want = m[2]
		}
		if a != m[1] || b != want {
			t.Errorf("%s(%q) = %q, %q; want %q, %q", p.name, s, a, b, m[1], want)
		}
	}
}

func TestMatchers(t *testing.T) {
	for _, s := range []string{
		"", "+", "+-+", "+--+---+", "+-", "+=+", "++", "+-x+", "+---+ ",
		"=", "==", "= =", "=== ===", "===  = ", " === ===", "====", "=== ---",
		"-", "- ", "-  item", "-x", "* a", "+ b", "• c", "‣", "⁃  d", "–  e",
		"1. a", "1.", "(1) a", "1) a", "#. a", "(#)", "12.x", "(a) x", "(1", "1.  ", "((1) a",
		".. note::", ".. code-block:: json", ".. a::b:: c", ".. a::b", ".. a:: ", ".. a::\tb", ".. ::", ".. 1a::",
		".. a:", ".. a::x", "..  a:: b", ".. table:: **Table 1** x",
		":a:", ":a: b", ":a:b", "::a:", ": a:", ":a b: c", ":original_name: x.html", ":é: v", ":a:\t\tv",
		":name: x", ":a-b_c9: v", ":9a: v", ":a.b: v",
		".. _a:", ".. _a: b", ".. _a:b", ".. _a\\:b:", ".. _a\\: b:", ".. _a\\:: x", ".. _\\:a:", ".. _:a:", ".. _`a: b`:",
		".. _`a`:", ".. _``:", ".. _`a`: x", ".. _`a`x:", ".. _a: b: c", ".. _a\\: b: c", ".. _a:\tx", ".. _a b:", ".. _", ".. _ :",
		".. _a\\\\:", ".. _a\\\\: x", ".. _x`y:", ".. _a\\:b\\:c: d",
		":ref:`x`", ":a:b:`x`", ":a:b:c:`x`", ":a::`x`", "::`x`", ":a:`", ":a:b:`", ":a", ":a:", ":+.-_:`",
	} {
		checkMatchers(t, s)
	}
}

// FuzzMatchers: the hand-written matchers agree with docutils' patterns on
// any line (lines never hold a newline).
func FuzzMatchers(f *testing.F) {
	for _, s := range []string{"+-+-+", "=== ===", "-  x", "(12) y", ".. a::b:: c", ":a: b", ":x:y:`z`", ".. _a\\:b: c", ".. _`x`:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.Contains(s, "\n") {
			return
		}
		checkMatchers(t, s)
	})
}
