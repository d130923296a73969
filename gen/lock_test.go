package gen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/lock"
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
