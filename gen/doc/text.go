package doc

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/source"
)

// BlockKind says which fields of a [Block] are in use. It is one byte,
// not a string, as a large API has hundreds of thousands of blocks; it
// prints (and shows in JSON) as its name.
type BlockKind uint8

const (
	Paragraph BlockKind = iota + 1 // Inlines
	List                           // Items (Ordered)
	Code                           // Text (Lang)
	Note                           // Label, Blocks
)

var blockKinds = [...]string{"", "paragraph", "list", "code", "note"}

// String is the kind's name: "paragraph", "list", "code", "note", or ""
// for the zero kind.
func (k BlockKind) String() string {
	if int(k) < len(blockKinds) {
		return blockKinds[k]
	}
	return fmt.Sprintf("BlockKind(%d)", uint8(k))
}

// MarshalText writes the kind's name.
func (k BlockKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Block is a unit of structured text: a paragraph, a list, a code block or a
// note. One struct with a Kind rather than an interface keeps the JSON dump
// flat and readers simple.
type Block struct {
	Kind BlockKind  `json:"kind"`
	Pos  source.Pos `json:"pos"`

	Inlines []*Inline `json:"inlines,omitempty"`

	Items   [][]*Block `json:"items,omitempty"`
	Ordered bool       `json:"ordered,omitempty"`

	Text string `json:"text,omitempty"`
	Lang string `json:"lang,omitempty"`

	// Label names a note's kind ("note", "warning", ...).
	Label  string   `json:"label,omitempty"`
	Blocks []*Block `json:"blocks,omitempty"`
}

// InlineKind says what an [Inline] is. Like [BlockKind], one byte that
// prints as its name.
type InlineKind uint8

const (
	Plain    InlineKind = iota + 1 // "text"
	Strong                         // "strong"
	Emphasis                       // "emphasis"
	Literal                        // "literal"
	Link                           // "ref": Ref is set
)

var inlineKinds = [...]string{"", "text", "strong", "emphasis", "literal", "ref"}

// String is the kind's name ("text", "strong", ...; "" for the zero
// kind).
func (k InlineKind) String() string {
	if int(k) < len(inlineKinds) {
		return inlineKinds[k]
	}
	return fmt.Sprintf("InlineKind(%d)", uint8(k))
}

// MarshalText writes the kind's name.
func (k InlineKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Inline is a run of text inside a paragraph. Text is plain: markup and
// escapes are already removed.
type Inline struct {
	Kind InlineKind `json:"kind"`
	Text string     `json:"text"`
	Ref  *Ref       `json:"target,omitempty"`
}

// Ref is a reference from text to another place: a table or section of this
// page or another one, or an outside URL.
type Ref struct {
	Pos source.Pos `json:"pos"`
	// Label is the normalized target name or anchor ("" for a plain URL).
	Label string `json:"label,omitempty"`
	// Page is the other page the link points into, as written in the
	// source ("../data_structure/x.html"), or "" for this page or a label
	// that may live on any page.
	Page string `json:"page,omitempty"`
	// URL is an outside address, when the reference is one.
	URL string `json:"url,omitempty"`
}

// InlinesText joins the plain text of inlines, white space folded. The
// text of a single inline that needs no folding is returned as it is (it
// often points into the page's source): a table of a thousand rows asks
// for the text of thousands of one-word cells.
func InlinesText(in []*Inline) string {
	if len(in) == 1 {
		return foldSpace(in[0].Text)
	}
	var b strings.Builder
	for _, x := range in {
		b.WriteString(x.Text)
	}
	return foldSpace(b.String())
}

// BlocksText is the plain text of blocks joined by a blank line.
func BlocksText(blocks []*Block) string {
	if len(blocks) == 1 {
		return blocks[0].PlainText()
	}
	var parts []string
	for _, b := range blocks {
		if t := b.PlainText(); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n")
}

// PlainText is the block's text without markup.
func (b *Block) PlainText() string {
	switch b.Kind {
	case Paragraph:
		return InlinesText(b.Inlines)
	case List:
		var parts []string
		for _, item := range b.Items {
			parts = append(parts, BlocksText(item))
		}
		return strings.Join(parts, "\n\n")
	case Code:
		return b.Text
	case Note:
		return BlocksText(b.Blocks)
	}
	return ""
}

func (b *Block) appendRefs(refs []*Ref) []*Ref {
	for _, in := range b.Inlines {
		if in.Ref != nil {
			refs = append(refs, in.Ref)
		}
	}
	for _, item := range b.Items {
		for _, c := range item {
			refs = c.appendRefs(refs)
		}
	}
	for _, c := range b.Blocks {
		refs = c.appendRefs(refs)
	}
	return refs
}

// foldSpace replaces each run of white space with one space and trims the
// ends. Text that is folded already is returned as it is, not copied.
func foldSpace(s string) string {
	if isFolded(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isFolded reports whether foldSpace(s) is s: white space (as
// strings.Fields sees it) only as single spaces between other characters.
func isFolded(s string) bool {
	space := true // at the start, as after a space: a leading one is not folded
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ':
				if space {
					return false
				}
				space = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				space = false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		i += size
		space = false
	}
	return !space || s == ""
}

// NormalizeLabel is docutils' fully_normalize_name: reference names match
// case-insensitively and with white space folded.
func NormalizeLabel(s string) string {
	return strings.ToLower(foldSpace(s))
}

// MakeID is docutils' make_id for ASCII text: the anchor a published page
// gives a label or section title. Letters are lowered, every run of other
// characters becomes one hyphen, and the result starts with a letter and
// does not end with a hyphen. "ENUSTOPIC0142195139table849372311389" gives
// "enustopic0142195139table849372311389"; "bandwidth Field Description"
// gives "bandwidth-field-description".
func MakeID(s string) string {
	var b strings.Builder
	pendingHyphen := false
	for _, r := range strings.ToLower(s) {
		isAlnum := (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')
		if !isAlnum {
			pendingHyphen = true
			continue
		}
		if b.Len() == 0 && !(r >= 'a' && r <= 'z') {
			continue
		}
		if pendingHyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		pendingHyphen = false
		b.WriteRune(r)
	}
	return b.String()
}

// FoldedLen is len(InlinesText(in)), the length of the text with white
// space runs folded to one space and the ends trimmed, counted without
// building the text and given up past limit (it then returns a number
// above limit): most paragraphs are measured only to learn they are long.
func FoldedLen(in []*Inline, limit int) int {
	n, started, space := 0, false, false
	for _, x := range in {
		for t := x.Text; t != ""; {
			r, size := utf8.DecodeRuneInString(t)
			t = t[size:]
			if unicode.IsSpace(r) {
				space = true
				continue
			}
			if space && started {
				n++
			}
			n += size
			started, space = true, false
			if n > limit {
				return n
			}
		}
	}
	return n
}

// ExpandTabs replaces each tab with spaces up to the next multiple of
// width columns, counting one column a rune: docutils uses 8, the
// family's HTML code blocks were made with 4.
func ExpandTabs(s string, width int) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	column := 0
	for _, r := range s {
		if r == '\t' {
			n := width - column%width
			b.WriteString(strings.Repeat(" ", n))
			column += n
			continue
		}
		b.WriteRune(r)
		column++
	}
	return b.String()
}
