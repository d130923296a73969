package resolve

import (
	"github.com/rst2go/rst2go/gen/config"
	"github.com/rst2go/rst2go/gen/ir"
)

// side is which way the values of a type travel: sent in requests,
// received in responses, or both.
type side uint8

const (
	sideRequest side = 1 << iota
	sideResponse
)

// responseRoles are the roles of top-level tables that the server sends.
// Every other role (request bodies, parameters, headers sent, tables of
// unknown role) counts as a request: when in doubt, keep the pointer that
// lets a caller send false and 0.
var responseRoles = map[role]bool{roleResponse: true, roleErrorResponse: true, roleResponseHeader: true}

// markSides walks from every top-level table to what it reaches and
// records, per Go type, whether requests, responses or both reach it.
func (r *resolver) markSides() {
	r.sides = map[*ir.Type]side{}
	var walk func(info *tableInfo, s side)
	walk = func(info *tableInfo, s side) {
		if r.sides[info.typ]&s != 0 {
			return
		}
		r.sides[info.typ] |= s
		for _, fp := range info.fields {
			if fp.target != nil {
				walk(fp.target, s)
			}
		}
	}
	for _, info := range r.tables {
		if !info.root || info.dead {
			continue
		}
		s := sideRequest
		if responseRoles[info.role] {
			s = sideResponse
		}
		walk(info, s)
	}
}

// pointerPolicy is the config's policy for the fields of typ: requests'
// for a type any request reaches, responses' for one only responses reach.
func (r *resolver) pointerPolicy(typ *ir.Type) string {
	p := r.settings.cfg.Pointers
	if r.sides[typ] == sideResponse {
		if p.Responses != "" {
			return p.Responses
		}
		return config.PointersNever
	}
	if p.Requests != "" {
		return p.Requests
	}
	return config.PointersOptional
}

// isTime reports whether t is time.Time.
func isTime(t *ir.GoType) bool {
	return t.Kind == ir.Qualified && t.Path == "time" && t.Name == "Time"
}

// structValue reports whether t is a struct held by value: a generated
// struct or a qualified type other than json.Number (time.Time, url.URL,
// netip.Addr, big.Int). Such a field is left out when zero with
// omitzero; omitempty never leaves a struct out.
func structValue(t *ir.GoType) bool {
	switch t.Kind {
	case ir.Named:
		return t.Ref.Underlying == nil && t.Ref.Enum == nil
	case ir.Qualified:
		return !(t.Path == "encoding/json" && t.Name == "Number")
	}
	return false
}

// wantsPointer reports whether an optional field of type t is a pointer
// under the policy "optional": numbers, booleans, integer enums and
// structs (not time.Time, whose zero value already says "absent").
func wantsPointer(t *ir.GoType) bool {
	switch t.Kind {
	case ir.Named:
		if e := t.Ref.Enum; e != nil {
			return e.Base.Name != "string"
		}
		return true
	case ir.Qualified:
		return !isTime(t)
	case ir.Builtin:
		return t.Name != "string"
	}
	return false
}

// setOptional gives an optional field its pointer (by policy) and its
// omit option: omitzero for a struct held by value, omitempty otherwise.
func setOptional(f *ir.Field, policy string) {
	if policy == config.PointersOptional && wantsPointer(f.Type) {
		f.Type = ir.PointerTo(f.Type)
	}
	setOmit(f)
}

// setOmit chooses omitzero or omitempty for an optional field's type.
func setOmit(f *ir.Field) {
	f.OmitEmpty, f.OmitZero = false, false
	if structValue(f.Type) {
		f.OmitZero = true
	} else {
		f.OmitEmpty = true
	}
}
