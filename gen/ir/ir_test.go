package ir

import "testing"

// TestPointerTo: pointers to the predeclared types are shared, others
// made anew; both print as Go source.
func TestPointerTo(t *testing.T) {
	for _, elem := range []*GoType{String, Int, Int64, Float64, Bool} {
		p := PointerTo(elem)
		if p != PointerTo(elem) || p.Kind != Pointer || p.Elem != elem || p.String() != "*"+elem.Name {
			t.Errorf("PointerTo(%s) = %s (shared: %v)", elem, p, p == PointerTo(elem))
		}
	}
	named := NamedType(&Type{GoName: "Server"})
	if p := PointerTo(named); p == PointerTo(named) || p.String() != "*Server" {
		t.Errorf("PointerTo(Server) = %s (shared: %v), want a new *Server", p, p == PointerTo(named))
	}
}
