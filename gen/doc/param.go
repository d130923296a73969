package doc

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/rst2go/rst2go/gen/source"
)

// TableKind is what a table holds, as far as its header tells.
type TableKind string

const (
	// Parameters: a name column, a description column and a type or a
	// mandatory column. Each body row is a [Param].
	// A table of only a name and a description column is one too when
	// the name column says "Parameter" (or "Field", "Attribute", ...): it
	// documents a body without giving types (Columns.Type is -1).
	Parameters TableKind = "parameters"
	// Other tables (status codes, key/value, permissions, ...) are kept
	// in the model but map to no Go type.
	Other TableKind = "other"
)

// Columns are the indexes of a parameter table's columns; -1 where the
// table has no such column.
type Columns struct {
	Name        int `json:"name"`
	Mandatory   int `json:"mandatory"`
	Type        int `json:"type"`
	Description int `json:"description"`
}

// Mandatory is a parameter's Mandatory cell, read as yes, no or unknown.
// It is one byte (a Param is 240 bytes, not 256, on a page of 250,000
// rows) that prints and marshals as its name: "yes", "no", "" (unknown).
type Mandatory uint8

const (
	MandatoryUnknown Mandatory = iota
	MandatoryYes
	MandatoryNo
)

var mandatoryNames = [...]string{MandatoryUnknown: "", MandatoryYes: "yes", MandatoryNo: "no"}

// String is the name of m: "yes", "no" or "" (unknown).
func (m Mandatory) String() string {
	if int(m) < len(mandatoryNames) {
		return mandatoryNames[m]
	}
	return "Mandatory(" + strconv.Itoa(int(m)) + ")"
}

// MarshalText writes m as its name.
func (m Mandatory) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads a name MarshalText writes.
func (m *Mandatory) UnmarshalText(b []byte) error {
	for i, n := range mandatoryNames {
		if string(b) == n {
			*m = Mandatory(i)
			return nil
		}
	}
	return fmt.Errorf("unknown Mandatory %q", b)
}

// Param is one row of a parameter table.
type Param struct {
	Pos source.Pos `json:"pos"`
	// Name is the parameter name as written (plain text, folded space).
	Name string `json:"name"`
	// Type is the raw text of the Type cell ("" when the table has none).
	Type      string    `json:"type"`
	Mandatory Mandatory `json:"mandatory,omitempty"`
	// cellHasFile is with the cells' places below (after Mandatory, so
	// that the two bytes share a word).
	cellHasFile   uint8
	MandatoryText string   `json:"mandatoryText,omitempty"`
	Description   []*Block `json:"description,omitempty"`
	// NameRefs, TypeRefs and DescRefs are the references in the name,
	// type and description cells, in document order.
	NameRefs []*Ref `json:"nameRefs,omitempty"`
	TypeRefs []*Ref `json:"typeRefs,omitempty"`
	DescRefs []*Ref `json:"descRefs,omitempty"`

	// GoName is the Go field name the resolver gave the parameter.
	GoName string `json:"goName,omitempty"`

	// cells are the places of the name, type and description cells
	// (NamePos, TypePos, DescPos), kept small: a large API has hundreds
	// of thousands of rows, and three source.Pos made a Param 320 bytes
	// of memory instead of 256. cellFile is their file where bit i of
	// cellHasFile is set.
	cells    [3]cellPos
	cellFile string
}

// cellPos is a line and a byte column (see source.Pos). Positions past
// 2^31 - 1 (a page of over 2 GB) are kept as 2^31 - 1.
type cellPos struct{ line, col int32 }

// The cells of Param.cells.
const (
	nameCell = iota
	typeCell
	descCell
)

func (p *Param) cellPos(i int) source.Pos {
	pos := source.Pos{Line: int(p.cells[i].line), Col: int(p.cells[i].col)}
	if p.cellHasFile&(1<<i) != 0 {
		pos.File = p.cellFile
	}
	return pos
}

func (p *Param) setCellPos(i int, pos source.Pos) {
	clamp := func(n int) int32 { return int32(min(max(n, math.MinInt32), math.MaxInt32)) }
	p.cells[i] = cellPos{clamp(pos.Line), clamp(pos.Col)}
	p.cellHasFile &^= 1 << i
	if pos.File != "" {
		p.cellFile = pos.File
		p.cellHasFile |= 1 << i
	}
}

// NamePos is where the name cell is.
func (p *Param) NamePos() source.Pos { return p.cellPos(nameCell) }

// TypePos is where the type cell is; the zero Pos when the table has no
// Type column.
func (p *Param) TypePos() source.Pos { return p.cellPos(typeCell) }

// DescPos is where the description cell is.
func (p *Param) DescPos() source.Pos { return p.cellPos(descCell) }

// paramJSON is a Param as the document model's JSON (rst2go -dump) shows
// it, the cells' places as positions.
type paramJSON struct {
	Pos           source.Pos `json:"pos"`
	Name          string     `json:"name"`
	NamePos       source.Pos `json:"namePos"`
	Type          string     `json:"type"`
	TypePos       source.Pos `json:"typePos,omitzero"`
	Mandatory     Mandatory  `json:"mandatory,omitempty"`
	MandatoryText string     `json:"mandatoryText,omitempty"`
	Description   []*Block   `json:"description,omitempty"`
	DescPos       source.Pos `json:"descPos,omitzero"`
	NameRefs      []*Ref     `json:"nameRefs,omitempty"`
	TypeRefs      []*Ref     `json:"typeRefs,omitempty"`
	DescRefs      []*Ref     `json:"descRefs,omitempty"`
	GoName        string     `json:"goName,omitempty"`
}

// MarshalJSON writes the parameter with the places of its cells.
func (p *Param) MarshalJSON() ([]byte, error) {
	return json.Marshal(paramJSON{
		Pos: p.Pos, Name: p.Name, NamePos: p.NamePos(), Type: p.Type, TypePos: p.TypePos(),
		Mandatory: p.Mandatory, MandatoryText: p.MandatoryText, Description: p.Description, DescPos: p.DescPos(),
		NameRefs: p.NameRefs, TypeRefs: p.TypeRefs, DescRefs: p.DescRefs, GoName: p.GoName,
	})
}

// headerWords maps a folded header cell to the column it names.
var headerWords = map[string]string{
	"parameter": "name", "parameters": "name", "name": "name", "parameter name": "name",
	"field": "name", "attribute": "name", "property": "name", "element": "name",
	"mandatory": "mandatory", "mandatory or not": "mandatory", "required": "mandatory",
	"mandatory (yes/no)": "mandatory", "is mandatory": "mandatory", "optional/mandatory": "mandatory",
	"type": "type", "value type": "type", "data type": "type", "parameter type": "type",
	"description": "description", "parameter description": "description", "descriptions": "description",
	"remarks": "description",
}

// Interpret sets t.Kind, t.Columns and, for a parameter table, t.Params.
// It is called by every reader once a table's cells are known, so that the
// same table reads the same whatever format carried it.
//
// A rowspan of the original HTML survives in RST as a value in the first
// row and empty cells below it; a row whose name cell is empty continues
// the parameter above it (its description is appended).
func (t *Table) Interpret() {
	t.Kind, t.Columns, t.Params = Other, Columns{-1, -1, -1, -1}, nil
	cols, ok := ParamColumns(t.Header)
	if !ok {
		return
	}
	t.Kind, t.Columns = Parameters, cols
	var last *Param
	for _, row := range t.Rows {
		cell := func(i int) *Cell {
			if i < 0 || i >= len(row.Cells) {
				return nil
			}
			return row.Cells[i]
		}
		name := cell(cols.Name)
		if strings.TrimSpace(name.Text()) == "" {
			if last != nil {
				if d := cell(cols.Description); d != nil {
					last.Description = append(last.Description, d.Blocks...)
					last.DescRefs = append(last.DescRefs, d.Refs()...)
				}
			}
			continue
		}
		p := &Param{
			Pos:      row.Pos,
			Name:     name.Text(),
			NameRefs: name.Refs(),
		}
		p.setCellPos(nameCell, name.Pos)
		if c := cell(cols.Type); c != nil {
			p.Type, p.TypeRefs = c.Text(), c.Refs()
			p.setCellPos(typeCell, c.Pos)
		}
		if c := cell(cols.Mandatory); c != nil {
			p.MandatoryText = c.Text()
			p.Mandatory = ParseMandatory(p.MandatoryText)
		}
		if c := cell(cols.Description); c != nil {
			p.Description, p.DescRefs = c.Blocks, c.Refs()
			p.setCellPos(descCell, c.Pos)
		}
		t.Params = append(t.Params, p)
		last = p
	}
}

// ParamColumns reads a table's header: the columns of a parameter table,
// and ok false when the header is not a parameter table's. A reader may
// ask it before it reads the rows (see [Table.Interpret]).
func ParamColumns(header []string) (cols Columns, ok bool) {
	cols = Columns{-1, -1, -1, -1}
	paramWord := false
	for i, h := range header {
		switch headerWords[NormalizeLabel(h)] {
		case "name":
			if cols.Name < 0 {
				cols.Name = i
				paramWord = NormalizeLabel(h) != "name"
			}
		case "mandatory":
			cols.Mandatory = i
		case "type":
			cols.Type = i
		case "description":
			cols.Description = i
		}
	}
	if cols.Name < 0 || cols.Description < 0 || (cols.Type < 0 && cols.Mandatory < 0 && !paramWord) {
		return Columns{-1, -1, -1, -1}, false
	}
	return cols, true
}

var (
	mandatoryYes = regexp.MustCompile(`(?i)^\s*(yes|y|true|mandatory|required)\b`)
	mandatoryNo  = regexp.MustCompile(`(?i)^\s*(no|n|false|optional|not required)\b`)
)

// ParseMandatory reads a Mandatory cell: "Yes", "Yes when x is set." and
// "Mandatory" are yes; "No", "No (query parameter)" and "Optional" are no;
// anything else ("Conditionally required", "-") is unknown.
func ParseMandatory(s string) Mandatory {
	switch {
	case mandatoryYes.MatchString(s):
		return MandatoryYes
	case mandatoryNo.MatchString(s):
		return MandatoryNo
	}
	return MandatoryUnknown
}
