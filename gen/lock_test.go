package gen

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/lock"
	"github.com/rst2go/rst2go/gen/rst/rsttest"
)

// widgetPage is a page documenting one operation: a path table, a request
// body with a nested widget and tags, a response whose widget has another
// shape, and a link to a table of a data structure page. first is the
// number of its first "Table N".
func widgetPage(title, original, version string, first int) string {
	var b strings.Builder
	if original != "" {
		fmt.Fprintf(&b, ":original_name: %s\n\n", original)
	}
	n := func(i int) int { return first + i }
	fmt.Fprintf(&b, `%s
%s

URI
---

POST /%s/{project_id}/widgets

.. table:: **Table %d** Path parameters

   ========== ========= ====== ===========
   Parameter  Mandatory Type   Description
   ========== ========= ====== ===========
   project_id Yes       String Project.
   ========== ========= ====== ===========

Request
-------

.. table:: **Table %d** Request body parameters

   ========= ========= ================ ===================================
   Parameter Mandatory Type             Description
   ========= ========= ================ ===================================
   widget    Yes       Object           See :ref:~widget <req_widget%d>~.
   ========= ========= ================ ===================================

.. _req_widget%d:

.. table:: **Table %d** widget field description

   ========= ========= ================ ===================================
   Parameter Mandatory Type             Description
   ========= ========= ================ ===================================
   name      Yes       String           Name.
   tags      No        Array of objects See :ref:~tags <req_tags%d>~.
   options   No        Object           See :ref:~options <widget_options>~.
   ========= ========= ================ ===================================

.. _req_tags%d:

.. table:: **Table %d** tags field description

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   key       Yes       String Key.
   value     No        String Value.
   ========= ========= ====== ===========

Response
--------

.. table:: **Table %d** Response body parameters

   ========= ====== ===================================
   Parameter Type   Description
   ========= ====== ===================================
   widget    Object See :ref:~widget <resp_widget%d>~.
   ========= ====== ===================================

.. _resp_widget%d:

.. table:: **Table %d** widget field description

   ========= ====== ===========
   Parameter Type   Description
   ========= ====== ===========
   id        String ID.
   name      String Name.
   ========= ====== ===========
`, title, strings.Repeat("=", len(title)), version, n(0), n(1), first, first, n(2), first, first, n(3), n(4), first, first, n(5))
	// Backquotes cannot stand in a raw string: the page writes them ~.
	return strings.ReplaceAll(b.String(), "~", "`")
}

const optionsPage = `Data Structures
===============

.. _widget_options:

.. table:: **Table 1** options field description

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   color     No        String Color.
   ========= ========= ====== ===========
`

// TestLockKeepsNames regenerates with the lock of a first run after the
// docs change in ways that move today's names, and requires every type to
// keep its name.
func TestLockKeepsNames(t *testing.T) {
	base := []Input{
		{Path: "docs/api/creating_a_widget.rst", Data: []byte(widgetPage("Creating a Widget", "topic_create_widget.html", "v1", 1))},
		{Path: "docs/data/structures.rst", Data: []byte(optionsPage)},
	}
	first, err := Generate(base, Options{Package: "p"})
	if err != nil || first.Diags.HasErrors() {
		t.Fatalf("%v %v", err, first.Diags)
	}
	locked, diags := lock.Parse("rst2go.lock", first.Lock)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if len(locked.Entries) != 7 {
		t.Fatalf("want 7 types locked:\n%s", first.Lock)
	}
	with := func(inputs ...Input) []Input { return append(inputs, base[1]) }
	tests := []struct {
		name   string
		inputs []Input
		// moves says the change renames something when there is no
		// lock, so that the lock is what keeps the names.
		moves bool
		// noOperation: the change drops the method line.
		noOperation bool
	}{
		{"a page with the same title added first in path order", append([]Input{
			{Path: "docs/aaa/creating_a_widget.rst", Data: []byte(widgetPage("Creating a Widget", "topic_create_widget_v2.html", "v2", 1))}}, base...), true, false},
		{"title reworded", with(Input{Path: base[0].Path, Data: []byte(widgetPage("Creating Widgets", "topic_create_widget.html", "v1", 1))}), true, false},
		{"tables renumbered", with(Input{Path: base[0].Path, Data: []byte(widgetPage("Creating a Widget", "topic_create_widget.html", "v1", 3))}), false, false},
		{"page renamed", with(Input{Path: "docs/api/create_widget.rst", Data: base[0].Data}), false, false},
		{"page renamed, no method line any more", with(Input{Path: "docs/api/create_widget.rst",
			Data: []byte(strings.Replace(string(base[0].Data), "POST /v1/{project_id}/widgets", "", 1))}), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Generate(tt.inputs, Options{Package: "p", Lock: locked})
			if err != nil || res.Diags.HasErrors() {
				t.Fatalf("%v %v", err, res.Diags)
			}
			names := typeNames(res)
			for _, e := range locked.Entries {
				// A page without a method line has no operation, so no
				// Params type to keep.
				if tt.noOperation && strings.HasSuffix(e.Key, " params") {
					continue
				}
				if !names[e.Name] {
					t.Errorf("%s (%s) is gone; types now:\n%s", e.Name, e.Key, res.Lock)
				}
			}
			unlocked, err := Generate(tt.inputs, Options{Package: "p"})
			if err != nil {
				t.Fatal(err)
			}
			moved := false
			for name := range typeNames(unlocked) {
				moved = moved || !typeNames(first)[name]
			}
			if tt.noOperation {
				// Its path parameter table is a type again (the Params
				// type held its rows): that is not a name moving.
				moved = false
				for _, f := range unlocked.Package.Files {
					for _, t := range f.Types {
						moved = moved || !typeNames(first)[t.GoName] && !absorbedRole(t)
					}
				}
			}
			if moved != tt.moves {
				t.Errorf("without the lock, names move: %v, want %v:\n%s", moved, tt.moves, unlocked.Lock)
			}
		})
	}
}

func typeNames(res *Result) map[string]bool {
	names := map[string]bool{}
	for _, f := range res.Package.Files {
		for _, t := range f.Types {
			names[t.GoName] = true
		}
	}
	for _, op := range res.Package.Operations {
		names[op.ParamsType.GoName] = true
	}
	return names
}

// absorbedRole reports whether a type is one of the path, query and
// header types that an operation's Params type replaces.
func absorbedRole(t *ir.Type) bool {
	switch t.Role {
	case "path-params", "query-params", "uri-params", "request-header":
		return true
	}
	return false
}

// TestLockAcrossDocVersions generates the 2022 ECS docs, then today's
// into the same folder (with the first run's lock), and counts the types
// whose shape survived but whose name did not: each is logged. Most pages
// were renamed and retitled in between, and the 2022 pages have no
// :original_name:, so what keeps names is the operation keys.
//
// A shape is only fields' json names, and some are common ({job_id} is the
// response of a dozen operations, {project_id, server_id} the Params of
// as many): a 2022 type whose place (operation or page) is gone and whose
// shape a new type has is not a rename when that shape matches several
// new types, or a new type that other 2022 types match too; those are
// counted apart, as "cannot tell". A rename is a type whose place still
// exists in the new run, or whose shape matches one new type that no
// other 2022 type matches.
func TestLockAcrossDocVersions(t *testing.T) {
	corpus := corpusDir(t)
	old, err := Generate(readTree(t, filepath.Join(corpus, "ecs-2022", "rst")), Options{Package: "ecs"})
	if err != nil {
		t.Fatal(err)
	}
	locked, diags := lock.Parse("rst2go.lock", old.Lock)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	now, err := Generate(readTree(t, filepath.Join(corpus, "ecs", "rst")), Options{Package: "ecs", Lock: locked})
	if err != nil {
		t.Fatal(err)
	}
	before, after := shapes(old), shapes(now)
	oldKeys, newKeys := typeKeys(old), typeKeys(now)
	places := map[string]bool{}
	for _, k := range newKeys {
		places[keyPlace(k)] = true
	}
	bySig := map[string][]string{}
	for name, sig := range after {
		if _, ok := before[name]; !ok {
			bySig[sig] = append(bySig[sig], name)
		}
	}
	claims := map[string]int{} // how many 2022 types each new one matches
	for name, sig := range before {
		if _, ok := after[name]; !ok {
			for _, n := range bySig[sig] {
				claims[n]++
			}
		}
	}
	kept, renamed, untold := 0, 0, 0
	for _, name := range slices.Sorted(maps.Keys(before)) {
		if _, ok := after[name]; ok {
			kept++
			continue
		}
		others := bySig[before[name]]
		if len(others) == 0 {
			continue
		}
		slices.Sort(others)
		var was []string
		for _, n := range others {
			was = append(was, newKeys[n])
		}
		switch {
		case places[keyPlace(oldKeys[name])]:
			renamed++
			t.Logf("renamed: %s (%s) is now %s (%s); its place still exists", name, oldKeys[name], strings.Join(others, " or "), strings.Join(was, " | "))
		case len(others) == 1 && claims[others[0]] == 1:
			renamed++
			t.Logf("renamed: %s (%s) is now %s (%s)", name, oldKeys[name], others[0], was[0])
		default:
			untold++
			t.Logf("cannot tell: %s (%s), its place gone, has the shape of %s", name, oldKeys[name], strings.Join(others, " or "))
		}
	}
	t.Logf("%d types in 2022, %d today; %d names kept, %d shapes that survived under another name: %d renamed, %d that cannot be told (a common shape, the old place gone)",
		len(before), len(after), kept, renamed+untold, renamed, untold)
	// Measured: 4, all renamed (tables that left a data structure page
	// for an operation's); 33 before action keys, shared enums' keys and
	// moved places. The bound catches a regression, not noise.
	if renamed+untold > 4 {
		t.Errorf("%d types renamed, %d more that cannot be told; want at most 4 in all", renamed, untold)
	}
	// Measured: 550 of 555 (the four above and MetadataOSType, an enum
	// whose values today's page gives in prose). A name lost with no
	// surviving shape would not show above.
	if kept < 550 {
		t.Errorf("%d of the %d names of 2022 kept; want at least 550", kept, len(before))
	}
}

// typeKeys maps each type's name to its names-lock key.
func typeKeys(res *Result) map[string]string {
	keys := map[string]string{}
	for _, f := range res.Package.Files {
		for _, t := range f.Types {
			keys[t.GoName] = t.Key
		}
	}
	for _, op := range res.Package.Operations {
		if op.ParamsType != nil {
			keys[op.ParamsType.GoName] = op.ParamsType.Key
		}
	}
	return keys
}

// keyPlace is the place a key starts with: an operation (method and path)
// or a page.
func keyPlace(key string) string {
	method, rest, _ := strings.Cut(key, " ")
	if method != strings.ToUpper(method) || !strings.HasPrefix(rest, "/") {
		return method
	}
	path, _, _ := strings.Cut(rest, " ")
	return method + " " + path
}

// shapes maps each struct and enum type to its shape: its fields' json
// names, sorted (for an enum, its values and the field it is for).
func shapes(res *Result) map[string]string {
	out := map[string]string{}
	for _, f := range res.Package.Files {
		for _, t := range f.Types {
			var parts []string
			for _, fl := range t.Fields {
				parts = append(parts, fl.JSONName)
			}
			if t.Enum != nil {
				parts = parts[:0]
				if len(t.Enum.Fields) > 0 {
					parts = append(parts, "field "+t.Enum.Fields[0].JSONName)
				}
				for _, v := range t.Enum.Values {
					parts = append(parts, "="+v.Value)
				}
			}
			slices.Sort(parts)
			out[t.GoName] = strings.Join(parts, ",")
		}
	}
	for _, op := range res.Package.Operations {
		if op.ParamsType == nil {
			continue
		}
		parts := []string{"params"}
		for _, p := range op.Params {
			parts = append(parts, p.Name)
		}
		slices.Sort(parts)
		out[op.ParamsType.GoName] = strings.Join(parts, ",")
	}
	return out
}

// TestLockedNameWins: a name the lock gives a table is the table's even
// where an operation's Params type would take it: the Params type, new,
// gets another name.
func TestLockedNameWins(t *testing.T) {
	inputs := []Input{
		{Path: "docs/api/creating_a_widget.rst", Data: []byte(widgetPage("Creating a Widget", "", "v1", 1))},
		{Path: "docs/data/structures.rst", Data: []byte(optionsPage)},
	}
	locked, diags := lock.Parse("rst2go.lock", []byte("POST /v1/{project_id}/widgets request = CreateWidgetParams\n"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	res, err := Generate(inputs, Options{Package: "p", Lock: locked})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	// The Params type that wanted the locked name takes the version of
	// its path rather than a number.
	want := []string{
		"POST /v1/{project_id}/widgets params = CreateWidgetV1Params",
		"POST /v1/{project_id}/widgets request = CreateWidgetParams",
	}
	for _, line := range want {
		if !strings.Contains(string(res.Lock), "\n"+line+"\n") {
			t.Errorf("lock lacks %q:\n%s", line, res.Lock)
		}
	}
}

// TestCorpusLockFixedPoint: on every corpus folder, a run that reads the
// lock the previous run wrote gives the same files and the same lock, so
// `-check` right after `go generate` is in step. (Tables named from their
// title, and their twins on other pages, once came out otherwise.)
func TestCorpusLockFixedPoint(t *testing.T) {
	corpus := corpusDir(t)
	for _, folder := range []string{"ecs/rst", "ecs-2022/rst", "cbr/rst", "ecs-2022/html"} {
		t.Run(strings.ReplaceAll(folder, "/", "_"), func(t *testing.T) {
			inputs := readTree(t, filepath.Join(corpus, filepath.FromSlash(folder)))
			first, err := Generate(inputs, Options{Package: "ecs"})
			if err != nil {
				t.Fatal(err)
			}
			locked, diags := lock.Parse("rst2go.lock", first.Lock)
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			second, err := Generate(inputs, Options{Package: "ecs", Lock: locked})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Lock, second.Lock) {
				t.Errorf("the second run's lock differs")
			}
			if len(first.Files) != len(second.Files) {
				t.Fatalf("%d files, then %d", len(first.Files), len(second.Files))
			}
			for i, f := range second.Files {
				if f.Name != first.Files[i].Name || !bytes.Equal(f.Data, first.Files[i].Data) {
					t.Errorf("%s: the second run, with the first one's lock, gives other code", f.Name)
				}
			}
		})
	}
}

// A page of tables nested in a chain has a names lock linear in its size:
// a key keeps at most ir.MaxKeyLen bytes of its json path (then a hash),
// so twice the levels give about twice the lock, not four times. The lock
// read back names every type as before.
func TestLockLinearInChainDepth(t *testing.T) {
	run := func(size int, l *lock.Lock) *Result {
		t.Helper()
		res, err := Generate([]Input{{Path: "chain.rst", Data: rsttest.ChainPage(size)}}, Options{Package: "chain", Lock: l})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	small, big := run(330<<10, nil), run(660<<10, nil)
	ns, nb := bytes.Count(small.Lock, []byte(" = ")), bytes.Count(big.Lock, []byte(" = "))
	if ns < 150 || nb < 2*ns-10 {
		t.Fatalf("chain pages give %d and %d types; want about 200 and 400", ns, nb)
	}
	perType := func(res *Result, n int) float64 { return float64(len(res.Lock)) / float64(n) }
	if s, b := perType(small, ns), perType(big, nb); b > 1.15*s {
		t.Errorf("lock bytes per type grow with depth: %.0f at %d types, %.0f at %d", s, ns, b, nb)
	}
	longest := 0
	for line := range bytes.Lines(big.Lock) {
		if k, _, ok := bytes.Cut(line, []byte(" = ")); ok {
			longest = max(longest, len(k))
		}
	}
	if longest <= ir.MaxKeyLen || longest > ir.MaxKeyLen+20 {
		t.Errorf("longest key has %d bytes; want a hashed key of at most %d", longest, ir.MaxKeyLen+20)
	}
	l, diags := lock.Parse("rst2go.lock", big.Lock)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	again := run(660<<10, l)
	if !bytes.Equal(again.Lock, big.Lock) {
		t.Error("the lock read back gives another lock")
	}
}

// TestLegacyLockKeepsNames reads testdata/lock_legacy/legacy.lock, the
// lock the rst2go of before action keys wrote for that case's pages
// (byte for byte), with every name prefixed so that no name can come from
// the naming rules, and longer than any they choose: each type keeps its
// locked name, and the lock written
// is the case's golden lock (every key in today's form) with the same
// prefixed names.
func TestLegacyLockKeepsNames(t *testing.T) {
	const longPrefix = "LockedUnderANameLongerThanAnyRst2goChooses" // see maxName
	dir := filepath.Join("testdata", "lock_legacy")
	data, err := os.ReadFile(filepath.Join(dir, "legacy.lock"))
	if err != nil {
		t.Fatal(err)
	}
	prefixed := regexp.MustCompile(`(?m) = (\w+)$`).ReplaceAll(data, []byte(" = "+longPrefix+"$1"))
	legacy, diags := lock.Parse("legacy.lock", prefixed)
	if len(diags) > 0 || len(legacy.Entries) != 18 {
		t.Fatalf("%v: %d entries, want 18", diags, len(legacy.Entries))
	}
	res, err := Generate(readCase(t, dir), Options{Package: "fixture", Lock: legacy})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	names := typeNames(res)
	for _, e := range legacy.Entries {
		if !names[e.Name] {
			t.Errorf("%s (%s) is gone", e.Name, e.Key)
		}
	}
	// Each operation is called what its locked Params type is, in the
	// doc comments and -dump too.
	for _, op := range res.Package.Operations {
		if !strings.HasPrefix(op.GoName, longPrefix) || op.GoName+"Params" != op.ParamsType.GoName {
			t.Errorf("%s %s: operation %s, Params type %s", op.Method, op.Path, op.GoName, op.ParamsType.GoName)
		}
	}
	want, err := os.ReadFile(filepath.Join(dir, "want", lock.FileName))
	if err != nil {
		t.Fatal(err)
	}
	want = regexp.MustCompile(`(?m) = (\w+)$`).ReplaceAll(want, []byte(" = "+longPrefix+"$1"))
	if !bytes.Equal(res.Lock, want) {
		t.Errorf("lock written:\n%s\nwant:\n%s", res.Lock, want)
	}

	// An action page keyed by its path in the old lock is renamed and
	// retitled at the same time: its place is gone, and found again as
	// the action with the same json paths (see resolve's
	// matchMovedPlaces); the names are kept, in today's keys.
	renamed := readCase(t, dir)
	for i, in := range renamed {
		if strings.HasSuffix(in.Path, "stopping_a_thing.rst") {
			renamed[i].Path = strings.Replace(in.Path, "stopping_a_thing", "disabling_a_thing", 1)
			renamed[i].Data = bytes.Replace(in.Data, []byte("Stopping a Thing"), []byte("Disabling Thing!"), 1)
		}
	}
	moved, err := Generate(renamed, Options{Package: "fixture", Lock: legacy})
	if err != nil || moved.Diags.HasErrors() {
		t.Fatalf("%v %v", err, moved.Diags)
	}
	if !bytes.Equal(moved.Lock, want) {
		t.Errorf("stopping_a_thing.rst renamed, the lock written:\n%s\nwant:\n%s", moved.Lock, want)
	}

	// The docs list a page's two versions in the other order: the types
	// keyed by the first (/v2) are found by the other (an alt key) and
	// keep their names and keys.
	now, diags := lock.Parse("rst2go.lock", res.Lock)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	inputs := readCase(t, dir)
	for i, in := range inputs {
		if strings.HasSuffix(in.Path, "getting_a_thing.rst") {
			s := strings.Replace(string(in.Data), "GET /v2/", "GET /vX/", 1)
			s = strings.Replace(s, "GET /v2.1/", "GET /v2/", 1)
			inputs[i].Data = []byte(strings.Replace(s, "GET /vX/", "GET /v2.1/", 1))
		}
	}
	again, err := Generate(inputs, Options{Package: "fixture", Lock: now})
	if err != nil || again.Diags.HasErrors() {
		t.Fatalf("%v %v", err, again.Diags)
	}
	if !bytes.Equal(again.Lock, res.Lock) {
		t.Errorf("with the method lines swapped, the lock is:\n%s", again.Lock)
	}
}

// thingPage documents an operation whose response holds a thing with a
// status enum; fields are the thing's other rows.
func thingPage(title, line, field, fields string) string {
	return strings.ReplaceAll(fmt.Sprintf(`%s
%s

URI
---

%s

Response
--------

.. table:: **Table 1** Response body parameters

   ========= ====== ==========================
   Parameter Type   Description
   ========= ====== ==========================
   %-9s Object See :ref:~thing <thing>~.
   ========= ====== ==========================

.. _thing:

.. table:: **Table 2** thing field description

   ========= ====== ======================================
   Parameter Type   Description
   ========= ====== ======================================
   status    String Status. The value can be **ACTIVE** or
                    **SHUTOFF**.
%s   ========= ====== ======================================
`, title, strings.Repeat("=", len(title)), line, field, fields), "~", "`")
}

// TestLockKeepsSharedEnumName: an enum type the fields of two structs
// share is keyed by the first in page order; when the other comes first
// (a page renamed), the lock still names it, by the other's key.
func TestLockKeepsSharedEnumName(t *testing.T) {
	list := []byte(thingPage("Listing Things", "GET /v1/things", "things", "   id        String ID.\n"))
	get := []byte(thingPage("Querying a Thing", "GET /v1/things/{id}", "thing", "   id        String ID.\n   name      String Name.\n"))
	first, err := Generate([]Input{{Path: "docs/a_list.rst", Data: list}, {Path: "docs/b_get.rst", Data: get}}, Options{Package: "p"})
	if err != nil || first.Diags.HasErrors() {
		t.Fatalf("%v %v", err, first.Diags)
	}
	const key = "GET /v1/things response.things.status = "
	if !strings.Contains(string(first.Lock), "\n"+key) {
		t.Fatalf("want the enum keyed by the list's struct:\n%s", first.Lock)
	}
	locked, diags := lock.Parse("rst2go.lock", first.Lock)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	renamed := []Input{{Path: "docs/c_list.rst", Data: list}, {Path: "docs/b_get.rst", Data: get}}
	unlocked, err := Generate(renamed, Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(unlocked.Lock, first.Lock) {
		t.Fatalf("without the lock, the rename changes nothing: the test tests nothing")
	}
	res, err := Generate(renamed, Options{Package: "p", Lock: locked})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	if !bytes.Equal(res.Lock, first.Lock) {
		t.Errorf("lock now:\n%s\nwant:\n%s", res.Lock, first.Lock)
	}
}

// resultsPage is a page of no operation with a response table and,
// if errorField is given, an error response table whose error object is
// another table.
func resultsPage(title, field, errorField string) string {
	page := fmt.Sprintf(`%s
%s

.. table:: **Table 1** Response body parameters

   ========= ====== ===========
   Parameter Type   Description
   ========= ====== ===========
   %-9s String ID.
   ========= ====== ===========
`, title, strings.Repeat("=", len(title)), field)
	if errorField == "" {
		return page
	}
	return page + strings.ReplaceAll(fmt.Sprintf(`
.. table:: **Table 2** Error response body parameters

   ========= ====== ==========================
   Parameter Type   Description
   ========= ====== ==========================
   error     Object See :ref:~error <err>~.
   ========= ====== ==========================

.. _err:

.. table:: **Table 3** error field description

   ========= ====== ===========
   Parameter Type   Description
   ========= ====== ===========
   %-9s String Code.
   message   String Message.
   ========= ====== ===========
`, errorField), "~", "`")
}

// TestLockMovedPlaces: a lock line whose place is gone is found by the
// place that replaced it, one to one (see resolve's matchMovedPlaces): an
// operation whose path parameters were renamed, a page of no operation
// and no :original_name: renamed. The lock's names are prefixed, so that
// a name kept is the lock's, not one the rules would choose again.
func TestLockMovedPlaces(t *testing.T) {
	widget := []byte(widgetPage("Creating a Widget", "", "v1", 1))
	base := []Input{
		{Path: "docs/api/creating_a_widget.rst", Data: widget},
		{Path: "docs/data/structures.rst", Data: []byte(optionsPage)},
		{Path: "docs/common/responses_task.rst", Data: []byte(resultsPage("Responses (Task)", "job_id", "code"))},
		{Path: "docs/common/responses_batch.rst", Data: []byte(resultsPage("Responses (Batch)", "batch_id", ""))},
	}
	first, err := Generate(base, Options{Package: "p"})
	if err != nil || first.Diags.HasErrors() {
		t.Fatalf("%v %v", err, first.Diags)
	}
	locked, diags := lock.Parse("rst2go.lock", regexp.MustCompile(`(?m) = (\w+)$`).ReplaceAll(first.Lock, []byte(" = Locked$1")))
	if len(diags) > 0 || len(locked.Entries) != 11 {
		t.Fatalf("%v: %d types, want 11:\n%s", diags, len(locked.Entries), first.Lock)
	}
	renamedParam := bytes.ReplaceAll(widget, []byte("project_id"), []byte("tenant_id"))
	tests := []struct {
		name   string
		inputs []Input
		// lost are the locked names that go: each a type named afresh.
		lost []string
	}{
		{"path parameter renamed", []Input{{Path: base[0].Path, Data: renamedParam}, base[1], base[2], base[3]}, nil},
		{"a page of no operation renamed and retitled", []Input{base[0], base[1],
			{Path: "docs/common/responses_jobs.rst", Data: []byte(resultsPage("Responses (Jobs)", "job_id", "code"))}, base[3]}, nil},
		{"both pages renamed, each with json paths of its own", []Input{base[0], base[1],
			{Path: "docs/common/responses_jobs.rst", Data: []byte(resultsPage("Responses (Jobs)", "id", "code"))},
			{Path: "docs/common/responses_batches.rst", Data: []byte(resultsPage("Responses (Batches)", "id", ""))}}, nil},
		{"both pages renamed, now with the same json paths: neither is told", []Input{base[0], base[1],
			{Path: "docs/common/responses_jobs.rst", Data: []byte(resultsPage("Responses (Jobs)", "job_id", "code"))},
			{Path: "docs/common/responses_batches.rst", Data: []byte(resultsPage("Responses (Batches)", "batch_id", "status"))}},
			[]string{"LockedBatchResponse", "LockedError", "LockedTaskErrorResponse", "LockedTaskResponse"}},
		{"path parameter renamed and a second operation of that form added: neither is told", []Input{
			{Path: base[0].Path, Data: renamedParam},
			{Path: "docs/api/creating_a_gadget.rst", Data: bytes.ReplaceAll(widget, []byte("project_id"), []byte("org_id"))}, base[1], base[2], base[3]},
			[]string{"LockedCreateWidgetParams", "LockedCreateWidgetRequest", "LockedCreateWidgetResponse", "LockedOptions", "LockedRequestWidget", "LockedResponseWidget", "LockedTag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Generate(tt.inputs, Options{Package: "p", Lock: locked})
			if err != nil || res.Diags.HasErrors() {
				t.Fatalf("%v %v", err, res.Diags)
			}
			names := typeNames(res)
			var lost []string
			for _, e := range locked.Entries {
				if !names[e.Name] {
					lost = append(lost, e.Name)
				}
			}
			slices.Sort(lost)
			if !slices.Equal(lost, tt.lost) {
				t.Errorf("names lost: %v, want %v; lock now:\n%s", lost, tt.lost, res.Lock)
			}
			// The names kept are written under the new keys.
			now, diags := lock.Parse("rst2go.lock", res.Lock)
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			again, err := Generate(tt.inputs, Options{Package: "p", Lock: now})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Lock, res.Lock) {
				t.Errorf("a run with the lock written gives another lock:\n%s", again.Lock)
			}
		})
	}
}

// TestCorpusLegacyLock reads testdata/ecs-2022-rst.legacy.lock, the lock
// rst2go wrote for ecs-2022/rst before action keys (at 82b3666, byte for
// byte). Generating the same docs with it keeps every name; generating
// today's docs with it keeps all but the few logged (measured: 541 of
// 555; the README's "The names lock" tells which go and why).
func TestCorpusLegacyLock(t *testing.T) {
	corpus := corpusDir(t)
	data, err := os.ReadFile(filepath.Join("testdata", "ecs-2022-rst.legacy.lock"))
	if err != nil {
		t.Fatal(err)
	}
	legacy, diags := lock.Parse("ecs-2022-rst.legacy.lock", data)
	if len(diags) > 0 || len(legacy.Entries) != 555 {
		t.Fatalf("%v: %d entries, want 555", diags, len(legacy.Entries))
	}
	for _, tt := range []struct {
		folder   string
		mostLost int
	}{{"ecs-2022/rst", 0}, {"ecs/rst", 14}} {
		t.Run(strings.ReplaceAll(tt.folder, "/", "_"), func(t *testing.T) {
			res, err := Generate(readTree(t, filepath.Join(corpus, filepath.FromSlash(tt.folder))), Options{Package: "ecs", Lock: legacy})
			if err != nil || res.Diags.HasErrors() {
				t.Fatalf("%v %v", err, res.Diags)
			}
			names := typeNames(res)
			lost := 0
			for _, e := range legacy.Entries {
				if !names[e.Name] {
					lost++
					t.Logf("%s (%s) is gone", e.Name, e.Key)
				}
			}
			t.Logf("%s: %d of %d locked names kept", tt.folder, len(legacy.Entries)-lost, len(legacy.Entries))
			if lost > tt.mostLost {
				t.Errorf("%d locked names gone; want at most %d", lost, tt.mostLost)
			}
		})
	}
}
