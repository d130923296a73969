package naming

import "strconv"

// Namer hands out unique names in one scope: the fields of one struct, or
// the types of one package. Names are compared exactly (Go identifiers are
// case-sensitive). The zero Namer is ready to use; a Namer is not safe for
// concurrent use.
type Namer struct {
	used map[string]bool
	// next is, for a name that was asked for twice, the first number
	// suffix not yet tried.
	next map[string]int
}

// Unique returns name the first time it is asked for, then name2, name3,
// ..., skipping any candidate already used (reserved or handed out), and
// marks the result used. It depends only on the calls made before, in
// their order. A name that ends in a digit gets its number appended all the
// same ("IPv6" → "IPv62"). Unique does not check that name is a valid
// identifier.
func (n *Namer) Unique(name string) string {
	if !n.Used(name) {
		n.Reserve(name)
		return name
	}
	if n.next == nil {
		n.next = make(map[string]int)
	}
	k := max(n.next[name], 2)
	for ; ; k++ {
		c := name + strconv.Itoa(k)
		if !n.Used(c) {
			n.next[name] = k + 1
			n.Reserve(c)
			return c
		}
	}
}

// Reserve marks name used, so that Unique never returns it (a hand-chosen
// name, a method name of the type).
func (n *Namer) Reserve(name string) {
	if n.used == nil {
		n.used = make(map[string]bool)
	}
	n.used[name] = true
}

// Used reports whether name was reserved or handed out.
func (n *Namer) Used(name string) bool { return n.used[name] }
