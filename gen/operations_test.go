package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/uri"
)

// TestOperationsCorpus generates each corpus folder, compiles the output
// with a small program (requestHarness) and runs it, so that what is
// checked is the generated NewRequest itself:
//
//   - every operation, with every parameter filled (path values that need
//     escaping, query values of each Go type, arrays as two values,
//     headers), builds a request with the operation's method, the path
//     template filled and escaped under the endpoint's base path, exactly
//     the query parameters set, and the headers set;
//   - every example request with a full URL ("GET
//     https://{endpoint}/v1/{project_id}/cloudservers/detail?offset=1&limit=10")
//     fills the Params of its operation and gives the same method, path and
//     query back;
//   - at least 95% of the pages with a method line have an operation.
func TestOperationsCorpus(t *testing.T) {
	root := golden.CorpusDir(t)
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to run generated code: %v", err)
	}
	folders := []struct{ dir, format string }{
		{"ecs/rst", "rst"}, {"ecs-2022/rst", "rst"}, {"cbr/rst", "rst"}, {"ecs-2022/html", "html"},
	}
	// One program for all folders (each its own package): one go
	// command, one link.
	var results []*Result
	var cases []harnessCase
	var checks []func(t *testing.T, r harnessResult)
	for i, c := range folders {
		var inputs []Input
		for _, in := range readTree(t, filepath.Join(root, filepath.FromSlash(c.dir))) {
			if FormatOf(in.Path) == c.format {
				inputs = append(inputs, in)
			}
		}
		res, err := Generate(inputs, Options{Package: fmt.Sprintf("p%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, res)
		withLine, covered := 0, 0
		hasOp := map[*doc.Page]bool{}
		for _, op := range res.Package.Operations {
			hasOp[op.Page] = true
		}
		for _, p := range res.Pages {
			if len(p.MethodLines) > 0 {
				withLine++
				if hasOp[p] {
					covered++
				} else {
					t.Logf("no operation: %s (%q)", p.Path, p.MethodLines[0].Text)
				}
			}
		}
		ops := res.Package.Operations
		t.Logf("%s: %d pages with a method line, %d with an operation (%.1f%%), %d operations",
			c.dir, withLine, covered, 100*float64(covered)/float64(max(withLine, 1)), len(ops))
		if withLine == 0 || 100*covered < 95*withLine {
			t.Errorf("%s: %d of %d pages with a method line have an operation, want at least 95%%", c.dir, covered, withLine)
		}
		for _, op := range ops {
			hc, check := filledCase(op)
			hc.Package = i
			cases, checks = append(cases, hc), append(checks, check)
		}
		examples, unfit := 0, 0
		for _, ex := range exampleCases(res.Pages, ops) {
			if ex.unfit != "" {
				unfit++
				t.Logf("example not replayed: %s", ex.unfit)
				continue
			}
			examples++
			ex.hc.Package = i
			cases, checks = append(cases, ex.hc), append(checks, ex.check)
		}
		t.Logf("%s: %d operations to build with every parameter set; %d example URLs to replay, %d not (their values do not fit the documented types or parameters)",
			c.dir, len(ops), examples, unfit)
	}
	for i, r := range runHarness(t, goTool, results, cases) {
		checks[i](t, r)
	}
}

// harnessCase is one request to build: the Params type and its values by
// where they travel and their documented names.
type harnessCase struct {
	Package int                 `json:"package"`
	Type    string              `json:"type"`
	Path    map[string]string   `json:"path"`
	Query   map[string][]string `json:"query"`
	Header  map[string]string   `json:"header"`
}

// harnessResult is the request NewRequest built, or its error.
type harnessResult struct {
	Method string            `json:"method"`
	URL    string            `json:"url"`
	Header map[string]string `json:"header"`
	Err    string            `json:"err"`
}

// harnessEndpoint has a base path, so that it is kept.
const harnessEndpoint = "https://api.example.com/base/"

// filledCase sets every parameter of an operation and says what the
// request must then be.
func filledCase(op *ir.Operation) (harnessCase, func(*testing.T, harnessResult)) {
	hc := harnessCase{Type: op.ParamsType.GoName, Path: map[string]string{}, Query: map[string][]string{}, Header: map[string]string{}}
	wantQuery := url.Values{}
	wantHeader := map[string]string{}
	for _, p := range op.Params {
		switch p.In {
		case ir.InPath:
			hc.Path[p.Name] = "v " + p.Name + "/é"
		case ir.InQuery:
			vals := sampleValues(p)
			hc.Query[p.Name] = vals
			wantQuery[p.Name] = vals
		case ir.InHeader:
			hc.Header[p.Name] = "h-" + p.Name
			wantHeader[http.CanonicalHeaderKey(p.Name)] = "h-" + p.Name
		}
	}
	wantPath := "/base" + fill(op.Path, func(name string) string { return url.PathEscape(hc.Path[name]) })
	return hc, func(t *testing.T, r harnessResult) {
		t.Helper()
		where := fmt.Sprintf("%s (%s %s)", hc.Type, op.Method, op.Path)
		if r.Err != "" {
			t.Errorf("%s: NewRequest failed: %s", where, r.Err)
			return
		}
		u, err := url.Parse(r.URL)
		if err != nil {
			t.Errorf("%s: bad URL %q: %v", where, r.URL, err)
			return
		}
		if r.Method != op.Method || u.Host != "api.example.com" || u.EscapedPath() != wantPath || !sameValues(u.Query(), wantQuery) {
			t.Errorf("%s: request %s %s, want %s https://api.example.com%s?%s", where, r.Method, r.URL, op.Method, wantPath, wantQuery.Encode())
		}
		for k, v := range wantHeader {
			if r.Header[k] != v {
				t.Errorf("%s: header %s = %q, want %q", where, k, r.Header[k], v)
			}
		}
	}
}

// sampleValues are values of a query parameter's Go type: two for an
// array, each to be sent as a repeated name.
func sampleValues(p *ir.Param) []string {
	t := p.Type
	n := 1
	if t.Kind == ir.Slice {
		t, n = t.Elem, 2
	}
	if t.Kind == ir.Pointer {
		t = t.Elem
	}
	base := t.Name
	if t.Kind == ir.Named && t.Ref != nil && t.Ref.Enum != nil {
		base = t.Ref.Enum.Base.Name
	}
	var vals []string
	for i := range n {
		switch {
		case strings.HasPrefix(base, "int"), strings.HasPrefix(base, "uint"):
			vals = append(vals, fmt.Sprint(7+i))
		case strings.HasPrefix(base, "float"):
			vals = append(vals, fmt.Sprint(1.5+float64(i)))
		case base == "bool":
			vals = append(vals, "true")
		default:
			vals = append(vals, fmt.Sprintf("q %s&%d", p.Name, i))
		}
	}
	return vals
}

// fill replaces a template's placeholders.
func fill(template string, value func(name string) string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(template, '{')
		j := strings.IndexByte(template, '}')
		if i < 0 || j < i {
			b.WriteString(template)
			return b.String()
		}
		b.WriteString(template[:i])
		b.WriteString(value(template[i+1 : j]))
		template = template[j+1:]
	}
}

func sameValues(a, b url.Values) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w := b[k]
		if !slices.Equal(slices.Sorted(slices.Values(v)), slices.Sorted(slices.Values(w))) {
			return false
		}
	}
	return true
}

// exampleCase is an example request replayed through its operation.
type exampleCase struct {
	hc    harnessCase
	check func(*testing.T, harnessResult)
	unfit string // why the example cannot be replayed, if it cannot
}

// exampleCases finds the example requests that show a full URL, matches
// each to the operation of its page with its method and a template its
// path fits, and fills the Params from it.
func exampleCases(pages []*doc.Page, ops []*ir.Operation) []exampleCase {
	byPage := map[*doc.Page][]*ir.Operation{}
	for _, op := range ops {
		byPage[op.Page] = append(byPage[op.Page], op)
	}
	var cases []exampleCase
	for _, p := range pages {
		for _, ex := range p.Examples {
			first, _, _ := strings.Cut(strings.TrimSpace(ex.Text), "\n")
			line, err := uri.Parse(first)
			if err != nil || line.Host == "" {
				continue
			}
			_, rest, _ := doc.CutMethod(first)
			raw, _, _ := strings.Cut(rest, " ")
			_, rawQuery, _ := strings.Cut(raw, "?")
			where := fmt.Sprintf("%s:%d: %s", p.Path, ex.Pos.Line, first)
			op, values := matchOperation(byPage[p], line)
			if op == nil {
				cases = append(cases, exampleCase{unfit: where + ": no operation of the page has this method and path"})
				continue
			}
			query, err := url.ParseQuery(rawQuery)
			if err != nil {
				cases = append(cases, exampleCase{unfit: where + ": " + err.Error()})
				continue
			}
			if why := unfitQuery(op, query); why != "" {
				cases = append(cases, exampleCase{unfit: where + ": " + why})
				continue
			}
			hc := harnessCase{Type: op.ParamsType.GoName, Path: values, Query: query}
			wantPath := "/base" + fill(op.Path, func(name string) string { return values[name] })
			cases = append(cases, exampleCase{hc: hc, check: func(t *testing.T, r harnessResult) {
				t.Helper()
				if r.Err != "" {
					t.Errorf("%s: NewRequest failed: %s", where, r.Err)
					return
				}
				u, err := url.Parse(r.URL)
				if err != nil || r.Method != line.Method || u.Path != wantPath || !sameValues(u.Query(), query) {
					t.Errorf("%s: replayed as %s %s, want the same method, path and query", where, r.Method, r.URL)
				}
			}})
		}
	}
	return cases
}

// matchOperation finds the operation whose method is the line's and whose
// template the line's path fits, with the placeholders' values.
func matchOperation(ops []*ir.Operation, line uri.Line) (*ir.Operation, map[string]string) {
	for _, op := range ops {
		if op.Method != line.Method {
			continue
		}
		names := uri.Placeholders(op.Path)
		pattern := regexp.QuoteMeta(fill(op.Path, func(string) string { return "\x00" }))
		pattern = "^" + strings.ReplaceAll(pattern, "\x00", "([^/]+)") + "$"
		m := regexp.MustCompile(pattern).FindStringSubmatch(line.Path)
		if m == nil || len(m) != len(names)+1 {
			continue
		}
		values := map[string]string{}
		for i, n := range names {
			v, err := url.PathUnescape(m[i+1])
			if err != nil {
				v = m[i+1]
			}
			values[n] = v
		}
		return op, values
	}
	return nil, nil
}

// unfitQuery says why an example's query cannot fill the Params: a name
// the operation does not have, a value its Go type cannot hold.
func unfitQuery(op *ir.Operation, query url.Values) string {
	for name, vals := range query {
		var param *ir.Param
		for _, p := range op.Params {
			if p.In == ir.InQuery && p.Name == name {
				param = p
			}
		}
		if param == nil {
			return fmt.Sprintf("query parameter %q is not documented", name)
		}
		t := param.Type
		if t.Kind != ir.Slice && len(vals) > 1 {
			return fmt.Sprintf("query parameter %q is given %d times but is not an array", name, len(vals))
		}
		for t.Kind == ir.Slice || t.Kind == ir.Pointer {
			t = t.Elem
		}
		base := t.Name
		if t.Kind == ir.Named && t.Ref != nil && t.Ref.Enum != nil {
			base = t.Ref.Enum.Base.Name
		}
		for _, v := range vals {
			ok := true
			switch {
			case strings.HasPrefix(base, "int"), strings.HasPrefix(base, "uint"):
				ok = regexp.MustCompile(`^-?\d+$`).MatchString(v)
			case base == "bool":
				ok = v == "true" || v == "false"
			case strings.HasPrefix(base, "float"):
				ok = regexp.MustCompile(`^-?\d+(\.\d+)?$`).MatchString(v)
			}
			if !ok {
				return fmt.Sprintf("query value %q does not fit %s's type %s", v, name, param.Type)
			}
		}
	}
	return ""
}

// runHarness writes each generated package (p0, p1, ...) and
// requestHarness to a temporary module, runs it on cases and returns its
// results, in order.
func runHarness(t *testing.T, goTool string, results []*Result, cases []harnessCase) []harnessResult {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte("module harness\n\ngo 1.26\n"))
	var imports, packages strings.Builder
	for i, res := range results {
		pkg := fmt.Sprintf("p%d", i)
		for _, f := range res.Files {
			write(pkg+"/"+f.Name, f.Data)
		}
		var entries strings.Builder
		fmt.Fprintf(&entries, "package %s\n\n// Params are the Params types by name.\nvar Params = map[string]any{\n", pkg)
		for _, op := range res.Package.Operations {
			fmt.Fprintf(&entries, "\t%q: &%s{},\n", op.ParamsType.GoName, op.ParamsType.GoName)
		}
		entries.WriteString("}\n")
		write(pkg+"/zz_params.go", []byte(entries.String()))
		fmt.Fprintf(&imports, "\t%q\n", "harness/"+pkg)
		fmt.Fprintf(&packages, "\t%s.Params,\n", pkg)
	}
	program := strings.Replace(requestHarness, "\t// IMPORTS\n", imports.String(), 1)
	program = strings.Replace(program, "\t// PACKAGES\n", packages.String(), 1)
	write("main.go", []byte(program))
	input, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool, "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=")
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("running the generated code: %v\n%s", err, stderr.String())
	}
	var got []harnessResult
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(cases) {
		t.Fatalf("harness output: %v (%d results for %d cases)", err, len(got), len(cases))
	}
	return got
}

// requestHarness is the program that calls the generated NewRequest
// methods: it reads cases as JSON, sets the fields of each Params type by
// their path, query and header tags (through reflection, so that one
// program serves every type) and prints the requests built.
const requestHarness = `package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"strconv"

	// IMPORTS
)

// packages are the Params types of each generated package, by name.
var packages = []map[string]any{
	// PACKAGES
}

type harnessCase struct {
	Package int                 ` + "`json:\"package\"`" + `
	Type   string              ` + "`json:\"type\"`" + `
	Path   map[string]string   ` + "`json:\"path\"`" + `
	Query  map[string][]string ` + "`json:\"query\"`" + `
	Header map[string]string   ` + "`json:\"header\"`" + `
}

type harnessResult struct {
	Method string            ` + "`json:\"method\"`" + `
	URL    string            ` + "`json:\"url\"`" + `
	Header map[string]string ` + "`json:\"header\"`" + `
	Err    string            ` + "`json:\"err\"`" + `
}

func main() {
	var cases []harnessCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		panic(err)
	}
	out := []harnessResult{}
	for _, c := range cases {
		out = append(out, build(c))
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}

func build(c harnessCase) harnessResult {
	proto, ok := packages[c.Package][c.Type]
	if !ok {
		return harnessResult{Err: "no Params type " + c.Type}
	}
	p := reflect.New(reflect.TypeOf(proto).Elem())
	v := p.Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		var vals []string
		if n, ok := f.Tag.Lookup("path"); ok {
			if s, ok := c.Path[n]; ok {
				vals = []string{s}
			}
		}
		if n, ok := f.Tag.Lookup("query"); ok {
			vals = c.Query[n]
		}
		if n, ok := f.Tag.Lookup("header"); ok {
			if s, ok := c.Header[n]; ok {
				vals = []string{s}
			}
		}
		if len(vals) == 0 {
			continue
		}
		if err := set(v.Field(i), vals); err != nil {
			return harnessResult{Err: f.Name + ": " + err.Error()}
		}
	}
	m := p.MethodByName("NewRequest")
	args := []reflect.Value{reflect.ValueOf(context.Background()), reflect.ValueOf("` + harnessEndpoint + `")}
	if m.Type().NumIn() == 3 {
		args = append(args, reflect.Zero(m.Type().In(2)))
	}
	res := m.Call(args)
	if err, _ := res[1].Interface().(error); err != nil {
		return harnessResult{Err: err.Error()}
	}
	req := res[0].Interface().(*http.Request)
	h := map[string]string{}
	for k := range req.Header {
		h[k] = req.Header.Get(k)
	}
	return harnessResult{Method: req.Method, URL: req.URL.String(), Header: h}
}

func set(f reflect.Value, vals []string) error {
	switch f.Kind() {
	case reflect.Slice:
		s := reflect.MakeSlice(f.Type(), len(vals), len(vals))
		for i, x := range vals {
			if err := set(s.Index(i), []string{x}); err != nil {
				return err
			}
		}
		f.Set(s)
		return nil
	case reflect.Pointer:
		n := reflect.New(f.Type().Elem())
		if err := set(n.Elem(), vals); err != nil {
			return err
		}
		f.Set(n)
		return nil
	}
	x := vals[0]
	switch f.Kind() {
	case reflect.String:
		f.SetString(x)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return err
		}
		f.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(x, 10, 64)
		if err != nil {
			return err
		}
		f.SetUint(n)
	case reflect.Float32, reflect.Float64:
		n, err := strconv.ParseFloat(x, 64)
		if err != nil {
			return err
		}
		f.SetFloat(n)
	case reflect.Bool:
		b, err := strconv.ParseBool(x)
		if err != nil {
			return err
		}
		f.SetBool(b)
	default:
		return fmt.Errorf("cannot set a %s", f.Type())
	}
	return nil
}
`
