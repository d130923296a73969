package uri

import (
	"fmt"
	"testing"
)

// TestParse reads every form of method line the family writes.
func TestParse(t *testing.T) {
	tests := []struct {
		text string
		want string // Method Host Path [query...], or "error: ..."
	}{
		{"POST /v1/{project_id}/cloudservers", "POST  /v1/{project_id}/cloudservers []"},
		{"GET /v1/{project_id}/cloudservers/detail?flavor={flavor}&limit={limit}", "GET  /v1/{project_id}/cloudservers/detail [{flavor } {limit }]"},
		{"GET https://{endpoint}/v3/{project_id}/backups", "GET https://{endpoint} /v3/{project_id}/backups []"},
		{"GET https://ecs.example.com", "GET https://ecs.example.com / []"},
		{"GET {endpoint}/v3/x", "GET {endpoint} /v3/x []"},
		{"GET ecs.example.com/v2/{project_id}/x", "GET ecs.example.com /v2/{project_id}/x []"},
		{"PUT /v1/{*project_id*}/x/{server\\_id}", "PUT  /v1/{project_id}/x/{server_id} []"},
		{"URI format: DELETE /v2/{a}", "DELETE  /v2/{a} []"},
		{"**GET** /", "GET  / []"},
		{"`GET /v1/x`", "GET  /v1/x []"},
		{"DELETE /v1/{id}?delete_flag=0", "DELETE  /v1/{id} [{delete_flag 0}]"},
		{"GET /v1/x?a={a}&&b={b}", "GET  /v1/x [{a } {b }]"},
		{"DELETE /v2.1/{p}/servers/{s}/os-interface/{port_id}{?reserve_port}", "DELETE  /v2.1/{p}/servers/{s}/os-interface/{port_id} [{reserve_port }]"},
		{"GET /v1/x?name", "GET  /v1/x [{name }]"},
		{"GET /v1/x This API lists x.", "GET  /v1/x []"},
		{"GET /v1/{project_id/things", "error: unbalanced braces in \"/v1/{project_id/things\""},
		{"GET /v1/project_id}/things", "error: unbalanced braces in \"/v1/project_id}/things\""},
		{"GET /v1/{}/things", "error: empty placeholder in \"/v1/{}/things\""},
		{"GET v1/things", "error: URI \"v1/things\" does not start with / or a host"},
		{"GET /v1/x?={a}", "error: query pair \"={a}\" has no name"},
		{"Get the list", "error: no HTTP method"},
	}
	for _, tt := range tests {
		l, err := Parse(tt.text)
		got := fmt.Sprintf("%s %s %s %v", l.Method, l.Host, l.Path, l.Query)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	got := fmt.Sprint(Placeholders("/v1/{project_id}/servers/{server_id}/x{"))
	if want := "[project_id server_id]"; got != want {
		t.Errorf("Placeholders = %s, want %s", got, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("GET /v1/{project_id}/x?a={a}")
	f.Add("DELETE https://{endpoint}/v2/{a}{?b,c}")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := Parse(s)
		if err != nil {
			return
		}
		if l.Path == "" || l.Path[0] != '/' {
			t.Errorf("Parse(%q): path %q does not start with /", s, l.Path)
		}
	})
}
