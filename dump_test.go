package main

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/rst2go/rst2go/gen"
)

// TestDumpOperations holds -dump's "operations" to exactly the keys tools
// read (issue 13), with the values of a page of each kind of parameter.
func TestDumpOperations(t *testing.T) {
	page := `Creating a Thing
================

URI
---

POST /v1/{project_id}/things?dry_run={dry_run}

.. table:: **Table 1** Path parameters

   ========== ========= ======= ===========
   Parameter  Mandatory Type    Description
   ========== ========= ======= ===========
   project_id Yes       String  Project.
   ========== ========= ======= ===========

.. table:: **Table 2** Query parameters

   ========== ========= ======= ===========
   Parameter  Mandatory Type    Description
   ========== ========= ======= ===========
   dry_run    No        Boolean Dry run.
   ========== ========= ======= ===========

Request
-------

.. table:: **Table 3** Request header parameters

   ============ ========= ====== ===========
   Parameter    Mandatory Type   Description
   ============ ========= ====== ===========
   X-Auth-Token Yes       String Token.
   ============ ========= ====== ===========

.. table:: **Table 4** Request body parameters

   ========== ========= ====== ===========
   Parameter  Mandatory Type   Description
   ========== ========= ====== ===========
   name       Yes       String Name.
   ========== ========= ====== ===========

Response
--------

Status code: 201

.. table:: **Table 5** Response body parameters

   ========== ====== ===========
   Parameter  Type   Description
   ========== ====== ===========
   id         String ID.
   ========== ====== ===========
`
	res, err := gen.Generate([]gen.Input{{Path: "creating_a_thing.rst", Data: []byte(page)}}, gen.Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(dumpOf(res))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Operations []map[string]json.RawMessage `json:"operations"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Operations) != 1 {
		t.Fatalf("%d operations, want 1: %s", len(d.Operations), data)
	}
	op := d.Operations[0]
	keys := func(m map[string]json.RawMessage) []string {
		var k []string
		for key := range m {
			k = append(k, key)
		}
		slices.Sort(k)
		return k
	}
	if got, want := keys(op), []string{"line", "method", "name", "page", "params", "paramsType", "path", "requestType", "responses"}; !slices.Equal(got, want) {
		t.Errorf("operation keys %v, want %v", got, want)
	}
	var scalars struct {
		Name, Method, Path, Page, ParamsType, RequestType string
		Line                                              int
	}
	raw, _ := json.Marshal(op)
	if err := json.Unmarshal(raw, &scalars); err != nil {
		t.Fatal(err)
	}
	want := struct {
		Name, Method, Path, Page, ParamsType, RequestType string
		Line                                              int
	}{"CreateThing", "POST", "/v1/{project_id}/things", "creating_a_thing.rst", "CreateThingParams", "CreateThingRequest", 7}
	if scalars != want {
		t.Errorf("operation %+v, want %+v", scalars, want)
	}
	var responses []map[string]any
	if err := json.Unmarshal(op["responses"], &responses); err != nil {
		t.Fatal(err)
	}
	if len(responses) != 1 || responses[0]["status"] != "201" || responses[0]["type"] != "CreateThingResponse" || responses[0]["headerType"] != "" || len(responses[0]) != 3 {
		t.Errorf("responses %v, want one {status 201, type CreateThingResponse, headerType \"\"}", responses)
	}
	var params []map[string]any
	if err := json.Unmarshal(op["params"], &params); err != nil {
		t.Fatal(err)
	}
	wantParams := []map[string]any{
		{"name": "project_id", "in": "path", "goName": "ProjectID", "goType": "string", "required": true},
		{"name": "dry_run", "in": "query", "goName": "DryRun", "goType": "*bool", "required": false},
		{"name": "X-Auth-Token", "in": "header", "goName": "XAuthToken", "goType": "string", "required": true},
	}
	if len(params) != len(wantParams) {
		t.Fatalf("params %v, want %v", params, wantParams)
	}
	for i, p := range params {
		if len(p) != len(wantParams[i]) {
			t.Errorf("param %d has keys %v, want those of %v", i, p, wantParams[i])
		}
		for k, v := range wantParams[i] {
			if p[k] != v {
				t.Errorf("param %d: %s = %v, want %v", i, k, p[k], v)
			}
		}
	}
}
