package resolve

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/doc"
)

// titleIndex finds a page's parameter tables by their titles: by the words
// of the title and caption (titleText) and by the number of a "Table N"
// title. Without it, every field that looks for its table by name scanned
// every table of its page, and a page of thousands of tables took minutes.
type titleIndex struct {
	tables   []*doc.Table     // parameter tables, document order
	texts    []string         // their title text (titleText)
	byWord   map[string][]int // word of a text → indexes of tables, ascending
	byNumber map[string][]int // N of "Table N" → indexes of tables, ascending
}

func newTitleIndex(page *doc.Page) *titleIndex {
	ix := &titleIndex{byWord: map[string][]int{}, byNumber: map[string][]int{}}
	for _, t := range page.Tables {
		if t.Kind != doc.Parameters {
			continue
		}
		i := len(ix.tables)
		ix.tables = append(ix.tables, t)
		text := titleText(t)
		ix.texts = append(ix.texts, text)
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r >= 0x80 || !isWordByte(byte(r)) }) {
			if l := ix.byWord[w]; len(l) == 0 || l[len(l)-1] != i {
				ix.byWord[w] = append(l, i)
			}
		}
		if n := tableNumber(t.Title); n != "" {
			ix.byNumber[n] = append(ix.byNumber[n], i)
		}
	}
	return ix
}

// titleIndex returns the page's index, made on first use.
func (r *resolver) titleIndex(page *doc.Page) *titleIndex {
	ix := r.titles[page]
	if ix == nil {
		ix = newTitleIndex(page)
		r.titles[page] = ix
	}
	return ix
}

// numbered returns the page's parameter tables titled "Table n". A
// chapter-numbered n ("2-3": chapter 2, table 3) with no table titled so
// names the table titled with its own number ("Table 3").
func (ix *titleIndex) numbered(n string) []*doc.Table {
	found := ix.byNumber[n]
	if i := strings.LastIndexAny(n, "-‐–."); len(found) == 0 && i >= 0 {
		_, size := utf8.DecodeRuneInString(n[i:])
		found = ix.byNumber[n[i+size:]]
	}
	var out []*doc.Table
	for _, i := range found {
		out = append(out, ix.tables[i])
	}
	return out
}

// naming returns, in document order, the page's parameter tables whose
// title or caption names one of names as a whole word (textNames).
func (ix *titleIndex) naming(names []string) []*doc.Table {
	var candidates []int
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "" {
			continue
		}
		// A whole-word match of a name that starts with a word starts at
		// a word of the text: that word. Other names are looked for in
		// every title.
		first := n
		if end := strings.IndexFunc(n, func(r rune) bool { return r >= 0x80 || !isWordByte(byte(r)) }); end >= 0 {
			first = n[:end]
		}
		if first == "" || n[0] >= 0x80 {
			candidates = candidates[:0]
			for i := range ix.tables {
				candidates = append(candidates, i)
			}
			break
		}
		candidates = append(candidates, ix.byWord[first]...)
	}
	slices.Sort(candidates)
	candidates = slices.Compact(candidates)
	var out []*doc.Table
	for _, i := range candidates {
		if textNames(ix.texts[i], names) {
			out = append(out, ix.tables[i])
		}
	}
	return out
}
