package godoc

import (
	"strings"
	"testing"
	"unicode"

	"github.com/rst2go/rst2go/gen/doc"
)

// fuzzInlines splits s at '|' into inlines of rotating kinds: text,
// strong, literal, a reference to a Go type, a web reference (URL from
// url), a reference without target, emphasis.
func fuzzInlines(s, url string) (in []*doc.Inline, kept []string) {
	for i, part := range strings.Split(s, "|") {
		switch i % 7 {
		case 0:
			in = append(in, txt(part))
		case 1:
			in = append(in, strong(part))
		case 2:
			in = append(in, lit(part))
		case 3:
			in = append(in, ref(part, internalError))
			continue // its text is replaced by the type name
		case 4:
			in = append(in, ref(part, &doc.Ref{URL: "https://" + url}))
		case 5:
			in = append(in, ref(part, table3))
		case 6:
			in = append(in, em(part))
		}
		kept = append(kept, part)
	}
	return in, kept
}

// headingWords may go missing: cell headings and their "N/A" or "None"
// content are dropped by rule.
var headingWords = map[string]bool{
	"definition": true, "constraints": true, "range": true, "value": true,
	"default": true, "n": true, "a": true, "none": true,
}

// FuzzLines builds blocks from fuzzed paragraph, code and list item text
// and checks the safety properties and the gofmt fixpoint (checkSafe), and
// that no letter or digit of the text is lost.
func FuzzLines(f *testing.F) {
	seeds := []string{
		"//go:generate rm -rf /", "//line x.go:1", "//go:build ignore", "+build ignore",
		"go:build x //go:build", "*/", "/*", "`", "``x``", "''", "```", "# heading", "#",
		"\tcode", "    code", "- item", "1. item", "2) item", "* x", "• x",
		"[a]: https://x.example", "[a]", "Maximum length 64", "N/A", "-", "a\r\nb",
		"a\x00b\uFEFFc\xff", "{", "}", "x\\", "a|b|c|d|e|f|g|h", "http://x.example/''",
		"[x|y|z]", "A|B|C|D|Go home|F", "",
	}
	for i, s := range seeds {
		f.Add(s, seeds[(i+7)%len(seeds)], seeds[(i+13)%len(seeds)], uint8(i*37))
	}
	f.Fuzz(func(t *testing.T, text, codeText, itemText string, shape uint8) {
		fuzzOne(t, text, codeText, itemText, shape)
	})
}

// fuzzOne is one run of FuzzLines.
func fuzzOne(t testing.TB, text, codeText, itemText string, shape uint8) {
	var (
		blocks []*doc.Block
		kept   []string
		lead   string
	)
	inlines, k := fuzzInlines(text, itemText)
	kept = append(kept, k...)
	if shape&1 != 0 {
		lead = itemText
		kept = append(kept, lead)
	}
	if shape&2 != 0 {
		blocks = append(blocks, heading("Range"))
		if p := strings.ToLower(doc.InlinesText(inlines)); p == "n/a" || p == "none" {
			kept = nil
		}
	}
	blocks = append(blocks, par(inlines...))
	if shape&4 != 0 {
		blocks = append(blocks, tp(itemText))
		kept = append(kept, itemText)
	}
	var items [][]*doc.Block
	for _, s := range strings.Split(itemText, "\n\n") {
		in, k := fuzzInlines(s, text)
		kept = append(kept, k...)
		it := item(par(in...))
		if shape&8 != 0 {
			it = append(it, tp(s), ul(item(tp(text)), item(tp(s))))
			kept = append(kept, text)
		}
		if shape&16 != 0 {
			it = append(it, code(codeText))
			kept = append(kept, codeText)
		}
		items = append(items, it)
	}
	list := &doc.Block{Kind: doc.List, Items: items, Ordered: shape&32 != 0}
	c := code(codeText)
	kept = append(kept, codeText)
	if shape&64 != 0 {
		blocks = append(blocks, c, list)
	} else {
		blocks = append(blocks, list, c)
	}
	if shape&128 != 0 {
		blocks = []*doc.Block{note(text, blocks...), code(itemText), tp(codeText)}
	}

	lines := Lines(lead, blocks, testOpts)
	checkSafe(t, lines, want{code: true, list: true, names: testNames})

	out := strings.Join(lines, "\n")
	for _, s := range kept {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if !strings.Contains(out, w) && !headingWords[strings.ToLower(w)] {
				t.Fatalf("lost %q of %q:\n%s", w, s, out)
			}
		}
	}
}
