package lint

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rst2go/rst2go/gen"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/source"
)

// corpusFolders are the RST folders of the corpus, each linted and
// generated as one run.
var corpusFolders = []string{"ecs-2022/rst", "ecs/rst", "cbr/rst"}

// corpusDir is the folder of real documentation pages (see
// golden.CorpusDir).
func corpusDir(tb testing.TB) string { return golden.CorpusDir(tb) }

// corpusRun is one folder, generated as package main (so that the decode
// test can add a main to it) and linted.
type corpusRun struct {
	inputs []gen.Input
	res    *gen.Result
	diags  source.List
}

var (
	runsMu sync.Mutex
	runs   = map[string]*corpusRun{}
)

// loadFolder generates and lints a corpus folder once per test binary.
func loadFolder(t *testing.T, folder string) *corpusRun {
	t.Helper()
	root := corpusDir(t)
	runsMu.Lock()
	defer runsMu.Unlock()
	if r := runs[folder]; r != nil {
		return r
	}
	dir := filepath.Join(root, folder)
	var inputs []gen.Input
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || gen.FormatOf(p) != "rst" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		inputs = append(inputs, gen.Input{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatalf("no pages in %s", dir)
	}
	res, err := gen.Generate(inputs, gen.Options{Package: "main"})
	if err != nil {
		t.Fatal(err)
	}
	r := &corpusRun{inputs: inputs, res: res, diags: Check(res, inputs)}
	runs[folder] = r
	return r
}

// TestCorpusCounts lints each corpus folder and logs how many findings
// of each code it has (the README's table), checking on the way that
// linting is deterministic, every finding has a code and a place, and the
// JSON reader explains every example json.Valid rejects.
func TestCorpusCounts(t *testing.T) {
	for _, folder := range corpusFolders {
		t.Run(strings.ReplaceAll(folder, "/", "_"), func(t *testing.T) {
			r := loadFolder(t, folder)
			if again := Check(r.res, r.inputs); again.String() != r.diags.String() {
				t.Error("a second Check gave different findings")
			}
			counts := map[string]int{}
			for _, d := range r.diags {
				counts[d.Code]++
				if d.Code == "" || !d.Pos.IsValid() {
					t.Errorf("finding without a code or a place: %s", d)
				}
			}
			codes := make([]string, 0, len(counts))
			for code := range counts {
				codes = append(codes, code)
			}
			slices.Sort(codes)
			var b strings.Builder
			fmt.Fprintf(&b, "%s: %d pages, %d findings\n", folder, len(r.inputs), len(r.diags))
			for _, code := range codes {
				fmt.Fprintf(&b, "  %-30s %4d\n", code, counts[code])
			}
			t.Log("\n" + b.String())

			for _, p := range r.res.Pages {
				for _, ex := range p.Examples {
					body, ok := jsonBody(ex)
					if !ok || json.Valid([]byte(body.text)) {
						continue
					}
					if _, problems := readJSON(body.text); len(problems) == 0 {
						t.Errorf("%s: json.Valid rejects the example but the reader finds nothing wrong", ex.Pos)
					}
				}
			}
		})
	}
}

// decodeCase is one matched, valid example for the decode program.
type decodeCase struct {
	ID   string `json:"id"`   // the example's place
	Type string `json:"type"` // the Go type of its table
	Body string `json:"body"`
}

// decodeMain is the program the decode test adds to a generated package:
// it decodes each case into a new value of its type, refusing unknown
// fields, and prints one JSON line per case.
const decodeMain = `package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
)

// validator is what every enum type of the package implements.
type validator interface{ Valid() bool }

// enums counts the enum-typed values under v and lists those that are not
// documented values. A zero value not behind a pointer was most likely
// absent from the example, and is not counted.
func enums(v reflect.Value, n *int, bad *[]string) { walk(v, false, n, bad) }

func walk(v reflect.Value, pointed bool, n *int, bad *[]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walk(v.Elem(), true, n, bad)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			walk(v.Field(i), false, n, bad)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walk(v.Index(i), true, n, bad)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walk(v.MapIndex(k), true, n, bad)
		}
	case reflect.String, reflect.Int, reflect.Int64:
		if e, ok := v.Interface().(validator); ok && (pointed || !v.IsZero()) {
			*n++
			if !e.Valid() {
				*bad = append(*bad, fmt.Sprintf("%s(%v)", v.Type().Name(), v.Interface()))
			}
		}
	}
}

func main() {
	data, err := os.ReadFile("cases.json")
	if err != nil {
		panic(err)
	}
	var cases []struct{ ID, Type, Body string }
	if err := json.Unmarshal(data, &cases); err != nil {
		panic(err)
	}
	out := json.NewEncoder(os.Stdout)
	for _, c := range cases {
		v := newValue[c.Type]()
		dec := json.NewDecoder(strings.NewReader(c.Body))
		dec.DisallowUnknownFields()
		msg := ""
		n, bad := 0, []string{}
		if err := dec.Decode(v); err != nil {
			msg = err.Error()
		} else {
			enums(reflect.ValueOf(v), &n, &bad)
		}
		out.Encode(map[string]any{"id": c.ID, "err": msg, "enums": n, "bad": bad})
	}
}
`

// decodeFloors are the least share (in percent) of matched valid
// examples per folder that must decode into their generated type, set a
// little under what was measured (see the package's test log).
var decodeFloors = map[string]float64{
	"ecs-2022/rst": 77, // measured 79.3% (119 of 150)
	"ecs/rst":      80, // measured 83.5% (147 of 176)
	"cbr/rst":      76, // measured 80.8% (42 of 52)
}

// enumFloors are the least share (in percent) of enum-typed values in
// the decoded examples that must be documented values; each exception
// must be an example-enum-value finding.
var enumFloors = map[string]float64{
	"ecs-2022/rst": 95,
	"ecs/rst":      95,
	"cbr/rst":      95,
}

// enumLinted reports whether lint found an example-enum-value in the
// example's lines.
func enumLinted(r *corpusRun, span exampleSpan) bool {
	for _, d := range r.diags {
		if d.Code == "example-enum-value" && d.Pos.File == span.file && d.Pos.Line >= span.first && d.Pos.Line <= span.last {
			return true
		}
	}
	return false
}

// exampleCodes are the findings that say an example disagrees with its
// table: a decode failure they explain is a defect of the docs.
var exampleCodes = map[string]bool{
	"example-unknown-key": true, "example-type-mismatch": true, "example-undocumented-nesting": true,
}

// TestCorpusExamplesDecode is the end-to-end check of the whole pipeline
// on real pages: every valid JSON example that the matching rule ties to
// a table must decode, with encoding/json and DisallowUnknownFields, into
// the Go type generated for that table. It writes each folder's generated
// package to a temporary module with a small main, runs it once with the
// go command (standard library only, no network), and reads its report.
// Failures are classified: those lint explains (the example disagrees
// with its table) are defects of the docs; the others are ours.
func TestCorpusExamplesDecode(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the generated code with")
	}
	for _, folder := range corpusFolders {
		t.Run(strings.ReplaceAll(folder, "/", "_"), func(t *testing.T) {
			r := loadFolder(t, folder)
			cases, places := decodeCases(r)
			if len(cases) == 0 {
				t.Fatal("no matched valid examples")
			}
			results := runDecode(t, goCmd, r, cases)
			explained := lintedExamples(r, places)
			ok := 0
			var doc, ours, lintOnly []string
			enumValues, enumBad := 0, 0
			for _, c := range cases {
				res, found := results[c.ID]
				msg := res.err
				enumValues += res.enums
				enumBad += len(res.bad)
				if len(res.bad) > 0 && !enumLinted(r, places[c.ID]) {
					t.Errorf("%s (%s): values %s are not documented, and lint does not say so (example-enum-value)", c.ID, c.Type, strings.Join(res.bad, ", "))
				}
				switch {
				case !found:
					t.Errorf("%s: no result from the decode program", c.ID)
				case msg == "":
					ok++
					// encoding/json folds the case of keys; lint does not.
					if d := explained[c.ID]; d != nil && d.Code != "example-undocumented-nesting" {
						lintOnly = append(lintOnly, fmt.Sprintf("%s (%s): decodes, but lint: %s [%s]", c.ID, c.Type, d.Message, d.Code))
					}
				case explained[c.ID] != nil:
					d := explained[c.ID]
					doc = append(doc, fmt.Sprintf("%s (%s): %s; lint: %s [%s]", c.ID, c.Type, msg, d.Message, d.Code))
				default:
					ours = append(ours, fmt.Sprintf("%s (%s): %s", c.ID, c.Type, msg))
				}
			}
			rate := 100 * float64(ok) / float64(len(cases))
			t.Logf("%s: %d of %d matched valid examples decode (%.1f%%); failures: %d the example disagrees with its table (lint says how), %d unexplained (reader, resolver or lint)",
				folder, ok, len(cases), rate, len(doc), len(ours))
			for _, s := range doc {
				t.Logf("  table: %s", s)
			}
			for _, s := range ours {
				t.Logf("  unexplained: %s", s)
			}
			for _, s := range lintOnly {
				t.Logf("  lint only: %s", s)
			}
			if floor := decodeFloors[folder]; rate < floor {
				t.Errorf("%.1f%% of examples decode, want at least %.0f%%", rate, floor)
			}
			if enumValues == 0 {
				t.Fatal("no enum-typed values in the decoded examples")
			}
			enumRate := 100 * float64(enumValues-enumBad) / float64(enumValues)
			t.Logf("%s: %d of %d enum-typed values in decoded examples are documented values (%.1f%%)", folder, enumValues-enumBad, enumValues, enumRate)
			if floor := enumFloors[folder]; enumRate < floor {
				t.Errorf("%.1f%% of enum-typed example values are documented, want at least %.0f%%", enumRate, floor)
			}
		})
	}
}

// exampleSpan is the lines of a page an example covers.
type exampleSpan struct {
	file        string
	first, last int
}

// decodeCases lists the matched valid examples of a run.
func decodeCases(r *corpusRun) ([]decodeCase, map[string]exampleSpan) {
	c := newChecker(r.res)
	var cases []decodeCase
	places := map[string]exampleSpan{}
	for _, p := range c.pages {
		for _, ex := range p.Examples {
			m, ok := c.example(p, ex)
			if !ok || !m.valid || m.typ == nil {
				continue
			}
			id := m.body.pos(0).String()
			cases = append(cases, decodeCase{ID: id, Type: m.typ.GoName, Body: m.body.text})
			end := m.body.pos(len(m.body.text))
			places[id] = exampleSpan{file: p.Path, first: ex.Pos.Line, last: end.Line}
		}
	}
	return cases, places
}

// lintedExamples gives, for each example, the first finding lint made
// about how it disagrees with its table.
func lintedExamples(r *corpusRun, places map[string]exampleSpan) map[string]*source.Diagnostic {
	out := map[string]*source.Diagnostic{}
	for id, span := range places {
		for i, d := range r.diags {
			if exampleCodes[d.Code] && d.Pos.File == span.file && d.Pos.Line >= span.first && d.Pos.Line <= span.last {
				out[id] = &r.diags[i]
				break
			}
		}
	}
	return out
}

// runDecode writes the generated package, a main and the cases to a
// temporary module and runs it once.
func runDecode(t *testing.T, goCmd string, r *corpusRun, cases []decodeCase) map[string]decodeResult {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte("module lintdecode\n\ngo 1.26\n"))
	for _, f := range r.res.Files {
		write(f.Name, f.Data)
	}
	var types []string
	for _, c := range cases {
		if !slices.Contains(types, c.Type) {
			types = append(types, c.Type)
		}
	}
	slices.Sort(types)
	var b bytes.Buffer
	b.WriteString(decodeMain)
	b.WriteString("\nvar newValue = map[string]func() any{\n")
	for _, typ := range types {
		fmt.Fprintf(&b, "\t%q: func() any { return new(%s) },\n", typ, typ)
	}
	b.WriteString("}\n")
	write("lint_decode_main.go", b.Bytes())
	data, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	write("cases.json", data)

	// Not -trimpath: it would rebuild the standard library, which the
	// build cache holds as plain builds made it.
	cmd := exec.Command(goCmd, "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOPROXY=off", "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, stderr.Bytes())
	}
	results := map[string]decodeResult{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line struct {
			ID, Err string
			Enums   int
			Bad     []string
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("decode program printed %q: %v", sc.Text(), err)
		}
		results[line.ID] = decodeResult{err: line.Err, enums: line.Enums, bad: line.Bad}
	}
	return results
}

// decodeResult is what the decode program says of one example: the
// decoding error, or how many enum-typed values it holds and which are
// not documented values.
type decodeResult struct {
	err   string
	enums int
	bad   []string
}
