package doc

import (
	"encoding/json"
	"testing"
	"unsafe"

	"github.com/rst2go/rst2go/gen/source"
)

// TestParamSize: a Param stays within the 256-byte size class (see
// Param.cells); a large API has hundreds of thousands.
func TestParamSize(t *testing.T) {
	if n := unsafe.Sizeof(Param{}); n > 256 {
		t.Errorf("a Param is %d bytes, want at most 256", n)
	}
}

// TestParamCellPos: the cells' places come back as they were set, the
// zero Pos and a Pos with a file but no line included, and the JSON shows
// them as positions.
func TestParamCellPos(t *testing.T) {
	p := &Param{Name: "a"}
	name := source.Pos{File: "x.rst", Line: 12, Col: 5}
	typ := source.Pos{}
	desc := source.Pos{File: "x.rst"}
	p.setCellPos(nameCell, name)
	p.setCellPos(typeCell, typ)
	p.setCellPos(descCell, desc)
	if p.NamePos() != name || p.TypePos() != typ || p.DescPos() != desc {
		t.Errorf("cells at %+v %+v %+v, want %+v %+v %+v", p.NamePos(), p.TypePos(), p.DescPos(), name, typ, desc)
	}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"pos":{},"name":"a","namePos":{"file":"x.rst","line":12,"col":5},"type":"","descPos":{"file":"x.rst"}}`
	if string(data) != want {
		t.Errorf("JSON %s\nwant %s", data, want)
	}
	p.setCellPos(typeCell, source.Pos{Line: 1 << 40})
	if got := p.TypePos(); got.Line != 1<<31-1 || got.File != "" {
		t.Errorf("a line past 2^31 comes back as %+v", got)
	}
}
