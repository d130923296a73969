package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/lint"
)

var codeRE = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

// TestEveryCodeDocumented: every diagnostic code the source can emit is a
// row of the README's one table of codes, and every row is a code the
// source emits. Codes are found in the source itself: the code argument
// of every Warnf / Errorf / warnParam / WarnParamf call, every Code: field given a
// literal, and lint's own list.
func TestEveryCodeDocumented(t *testing.T) {
	inSource := map[string]string{} // code → where
	for _, c := range lint.Codes {
		inSource[c.Name] = "gen/lint (lint.Codes)"
	}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "bin" || strings.HasPrefix(d.Name(), ".") && path != ".") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			var lit ast.Expr
			switch n := n.(type) {
			case *ast.CallExpr:
				at := map[string]int{"Warnf": 1, "Errorf": 1, "warnParam": 2, "WarnParamf": 2}[calleeName(n.Fun)]
				if at > 0 && len(n.Args) > at+1 {
					lit = n.Args[at]
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Code" {
					lit = n.Value
				}
			}
			if b, ok := lit.(*ast.BasicLit); ok && b.Kind == token.STRING {
				if s, err := strconv.Unquote(b.Value); err == nil && codeRE.MatchString(s) {
					inSource[s] = fset.Position(b.Pos()).String()
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(inSource) < 40 {
		t.Fatalf("found only %d codes in the source: the search is broken", len(inSource))
	}
	documented := readmeCodes(t)
	for code, where := range inSource {
		if !documented[code] {
			t.Errorf("code %q (%s) is not in the README's table of diagnostic codes", code, where)
		}
	}
	for code := range documented {
		if _, ok := inSource[code]; !ok {
			t.Errorf("the README's table of diagnostic codes lists %q, which nothing emits", code)
		}
	}
}

func calleeName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// readmeCodes are the first column of the table under "## Diagnostic
// codes" in README.md.
func readmeCodes(t *testing.T) map[string]bool {
	section := readmeSection(t, "## Diagnostic codes")
	codes := map[string]bool{}
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cell := strings.TrimSpace(strings.Split(line, "|")[1])
		for _, c := range strings.Split(cell, ",") {
			code := strings.Trim(strings.TrimSpace(c), "`")
			if !codeRE.MatchString(code) || codes[code] {
				t.Errorf("README codes table: bad or repeated code %q in %q", code, line)
			}
			codes[code] = true
		}
	}
	return codes
}

// readmeSection returns the README's text from a heading line to the
// next heading of the same or a higher level.
func readmeSection(t *testing.T, heading string) string {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	start := slices.Index(lines, heading)
	if start < 0 {
		t.Fatalf("README.md has no line %q", heading)
	}
	level := strings.Index(heading, " ")
	end, fenced := start+1, false
	for ; end < len(lines); end++ {
		l := lines[end]
		if strings.HasPrefix(l, "```") {
			fenced = !fenced
		}
		if !fenced && strings.HasPrefix(l, "#") && strings.Index(l, " ") <= level && strings.Trim(l[:max(strings.Index(l, " "), 0)], "#") == "" {
			break
		}
	}
	return strings.Join(lines[start:end], "\n")
}

// TestReadmeConfig runs the README's sample rst2go.yaml on the corpus's
// ECS pages it was written for: no error, and every ignore entry used.
func TestReadmeConfig(t *testing.T) {
	corpus := filepath.Join(golden.CorpusDir(t), "ecs", "rst")
	section := readmeSection(t, "## rst2go.yaml")
	start := strings.Index(section, "```yaml\n")
	end := strings.Index(section[start+1:], "\n```\n")
	if start < 0 || end < 0 {
		t.Fatal("README: no yaml block under ## rst2go.yaml")
	}
	cfg := filepath.Join(t.TempDir(), "rst2go.yaml")
	write(t, cfg, section[start+len("```yaml\n"):start+1+end]+"\n")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-v", "-config", cfg, "-out", filepath.Join(t.TempDir(), "ecs"), "-pkg", "ecs", corpus}, &stdout, &stderr)
	if code != 0 || strings.Contains(stderr.String(), ": error:") || strings.Contains(stderr.String(), "ignore entry") {
		t.Errorf("exit %d:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), " (1 ignored), 0 errors;") {
		t.Errorf("-v does not count the one warning the sample ignores:\n%s", stderr.String())
	}
}
