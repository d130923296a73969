package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/config"
	"github.com/rst2go/rst2go/gen/lock"
)

// TestEnumNamesLocked: the names lock keeps enum types' names like
// structs' (by the field's path from its struct's key), and a name locked
// for an enum is not given to a struct that would want it.
func TestEnumNamesLocked(t *testing.T) {
	dir := filepath.Join("testdata", "enum_config")
	inputs := readCase(t, dir)
	data, err := os.ReadFile(filepath.Join(dir, config.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	cfg, diags := config.Parse(config.DefaultFile, data)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	lk, diags := lock.Parse(lock.FileName, []byte(lock.HeaderLine+"\n"+
		"showing_a_server.rst response.zone = AvailabilityZone\n"+
		"showing_a_server.rst response.state = Server\n"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	res, err := Generate(inputs, Options{Package: "p", Config: cfg, Lock: lk})
	if err != nil {
		t.Fatal(err)
	}
	out := string(res.Files[0].Data)
	for _, want := range []string{
		"type AvailabilityZone string", "AvailabilityZoneAz1 AvailabilityZone = \"az1\"",
		"type Server string", "ServerOn  Server = \"on\"",
		"type ResponseServer struct", // the struct that wanted Server, qualified
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, want := range []string{"showing_a_server.rst response.zone = AvailabilityZone", "showing_a_server.rst response.state = Server\n", "showing_a_server.rst response.server = ResponseServer"} {
		if !strings.Contains(string(res.Lock), want) {
			t.Errorf("lock lacks %q:\n%s", want, res.Lock)
		}
	}
}
