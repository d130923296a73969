package doc

import "unsafe"

// Detach copies the text of the page that points into src, the input the
// page was read from (the RST reader does not copy it), into memory of the
// page's own: the page then holds nothing of src, which may be released
// (the command has the system drop a mapped file's pages from memory: on
// a large page of tables the model keeps a fifth of the text it points
// into). Text that is not in src is left as it is. It must be called
// before anything else reads the page: it writes to it.
func (p *Page) Detach(src []byte) {
	if len(src) == 0 {
		return
	}
	d := &detacher{lo: uintptr(unsafe.Pointer(unsafe.SliceData(src)))}
	d.hi = d.lo + uintptr(len(src))
	d.str(&p.OriginalName)
	d.str(&p.Title)
	d.strs(p.Labels)
	d.str(&p.Summary)
	for _, s := range p.Sections {
		if s != nil {
			d.str(&s.Title)
			d.str(&s.ID)
			d.strs(s.Labels)
		}
	}
	for _, t := range p.Tables {
		if t == nil {
			continue
		}
		d.strs(t.Labels)
		d.str(&t.Title)
		d.str(&t.Caption)
		d.strs(t.Header)
		d.str(&t.GoName)
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				if c != nil {
					d.blocks(c.Blocks)
				}
			}
		}
		for _, prm := range t.Params {
			d.str(&prm.Name)
			d.str(&prm.Type)
			d.str(&prm.MandatoryText)
			d.str(&prm.GoName)
			d.blocks(prm.Description)
			d.refs(prm.NameRefs)
			d.refs(prm.TypeRefs)
			d.refs(prm.DescRefs)
		}
	}
	for _, e := range p.Examples {
		d.str(&e.Caption)
		d.str(&e.Lang)
		d.str(&e.Text)
	}
	for _, m := range p.MethodLines {
		d.str(&m.Caption)
		d.str(&m.Text)
	}
}

// detacher copies strings that point into [lo, hi) into chunks of its own.
type detacher struct {
	lo, hi uintptr
	buf    []byte // the free end of the current chunk
}

// detachChunk is the size of the allocations strings are copied into;
// longer strings get their own.
const detachChunk = 32 << 10

func (d *detacher) str(s *string) {
	n := len(*s)
	if n == 0 {
		return
	}
	if at := uintptr(unsafe.Pointer(unsafe.StringData(*s))); at < d.lo || at >= d.hi {
		return
	}
	if n > detachChunk/4 {
		*s = string([]byte(*s))
		return
	}
	if len(d.buf) < n {
		d.buf = make([]byte, detachChunk)
	}
	copy(d.buf, *s)
	*s = unsafe.String(unsafe.SliceData(d.buf), n)
	d.buf = d.buf[n:]
}

func (d *detacher) strs(ss []string) {
	for i := range ss {
		d.str(&ss[i])
	}
}

func (d *detacher) refs(refs []*Ref) {
	for _, r := range refs {
		if r != nil {
			d.str(&r.Label)
			d.str(&r.Page)
			d.str(&r.URL)
		}
	}
}

func (d *detacher) blocks(blocks []*Block) {
	for _, b := range blocks {
		if b == nil {
			continue
		}
		for _, in := range b.Inlines {
			if in == nil {
				continue
			}
			d.str(&in.Text)
			if in.Ref != nil {
				d.refs([]*Ref{in.Ref})
			}
		}
		for _, item := range b.Items {
			d.blocks(item)
		}
		d.str(&b.Text)
		d.str(&b.Lang)
		d.str(&b.Label)
		d.blocks(b.Blocks)
	}
}
