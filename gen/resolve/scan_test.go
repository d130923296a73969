package resolve

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/golden"
	"github.com/rst2go/rst2go/gen/rst"
)

// The hand-written matchers of scan.go against the expressions they stand
// for: the same matches, on hand-picked texts, on the fuzzer's, and on
// every paragraph and title of the RST corpus.

// The expressions that the matchers of scan.go stand for: their
// definitions.
var (
	// setTrigger finds the words that introduce a set of values in a
	// sentence (matchTrigger).
	setTrigger = regexp.MustCompile(`(?i)(?:\b(?:its|the|this|parameter)\s+(?:value|values)\s+(?:of\s+this\s+(?:parameter|field)\s+)?(?:can|must|may|should)\s+(?:only\s+)?be(?:\s+set\s+to)?(?:\s+one\s+of(?:\s+the\s+following)?)?|\bpossible\s+values\s+(?:are|include)(?:\s+as\s+follows)?|\benumerat(?:ed|ion)\s+values?\s*(?:are|include)?|\bvalid\s+values\s+(?:are|include)|\boptions?\s+(?:are|include)|\bthe\s+following\s+values\s+are\s+(?:supported|available|allowed)|^\s*options|^\s*value\s+range|^\s*range|^\s*values)(?:\s+as\s+follows)?\s*(?::|：)?\s*`)
	// statusCode finds the status code a text gives ("Status code:
	// 400"): statusIn, withoutStatus.
	statusCode = regexp.MustCompile(`(?i)status\s+code\s*:?\s*(\d{3})`)
	// openWords mark a list of examples, not a set (hasOpenWords).
	openWords = regexp.MustCompile(`(?i)\bsuch\s+as\b|\bfor\s+example\b|\bfor\s+instance\b|\be\.\s?g\.|\bincluding\b|\betc\b|\.\.\.|…|\bincludes?\b\s*(?::|but)|\band\s+so\s+on\b|\bamong\s+others\b`)
	// itemSplit separates the items of a sentence's list (splitItems).
	itemSplit = regexp.MustCompile(`\s*,\s*(?:and|or)\s+|\s*,\s*|\s+(?:and|or)\s+`)
	// plainValue is a value written without markup: one word
	// (isPlainValue).
	plainValue = regexp.MustCompile(`^[A-Za-z0-9_.:/*+-]+$`)
	// numberRange is a range of integers, not a value (isNumberRange).
	numberRange = regexp.MustCompile(`^-?\d+\s*(?:-|~|to)\s*-?\d+$`)
	// intValue is an integer as an integer enum's values are written
	// (isIntText).
	intValue = regexp.MustCompile(`^-?\d+$`)
	// plainItem is a list item written without markup: "ACTIVE: text"
	// (plainItemAt).
	plainItem = regexp.MustCompile(`^\s*([A-Za-z0-9_.-]+)\s*[:：]\s*`)
	// seeTableN finds "see Table 3" and, where tables are numbered by
	// chapter, "see Table 2-3" (seeTableNumber).
	seeTableN = regexp.MustCompile(`(?i)\btable\s+(\d+(?:[-‐–.]\d+)?)\b`)
)

// scanTexts are texts the matchers must get right: each alternative of
// the set trigger, the optional parts taken and not, a part that matches
// only in part, alternatives that share a prefix ("value", "values";
// "value range", "values"), word boundaries, other cases and the letters
// that fold outside ASCII (ſ for s, the Kelvin sign for k).
var scanTexts = []string{
	"",
	"The value can be a, b or c.",
	"THE VALUES MUST BE ONE OF THE FOLLOWING:",
	"The values must be one of the following as follows: a",
	"the value can be set to one of a, b",
	"the value can be set tomorrow",
	"the value can be set",
	"the value can be set   to",
	"the value can bee",
	"the value can only be a",
	"the value can only\tbe a",
	"the value can only a",
	"the value can onlybe a",
	"the value of this parameter must be x",
	"the value of this field should only be set to one of the following： x",
	"the value of this   parameter may be :  x",
	"the value of this parameter x can be 1",
	"the value of that parameter can be 1",
	"the valuesmust be 1",
	"the values  can  be",
	"the value can",
	"its value can be 1",
	"itſ value can be 1",
	"Itſ valueſ muſt be 1",
	"this value may be 1",
	"parameter value should be one of x",
	"parameter values should be one of the x",
	"Xthe value can be 1",
	"_the value can be 1",
	"9the value can be 1",
	"-the value can be 1",
	"\x01the\x02 value can be 1",
	"The value can be \x01a\x02 or \x01b\x02.",
	"Possible values are: x, y.",
	"Possible values include as follows: x",
	"possible values are as follows as follows: x",
	"possible values arex",
	"possible  values are",
	"possible value are",
	"Enumeration values: 1, 2.",
	"Enumerated value include a",
	"enumeration values as follows: a",
	"enumeration values are as follows: a",
	"enumeration valuesare",
	"enumeration value  :",
	"enumerated  values arena",
	"enumeratedvalues",
	"Valid Values include ON, OFF",
	"valid values: a",
	"Options are a or b",
	"Option include a",
	"optionsare a",
	"options  are",
	"The options are a",
	"  options: a",
	"options: a",
	"Options",
	"Value range: 1-10",
	"  value  range",
	"valuerange",
	"values range",
	"  Range: 1 to 5",
	"range",
	"Values: a, b",
	"  values",
	"value",
	"Values are",
	"the following values are supported: a",
	"The following values are allowed",
	"the following values are accepted",
	"the following values can be a",
	"This parameter value of this field may only be set to A",
	"Its value should be x",
	"no such words here",
	"A valid name",
	"See the value. The value can be 1. Options are 2.",
	"x. The value can be 1 or 2; possible values are 3",
	"an invalid value can be 1",
	"the value can be 1 :：",
	"the value can be 1：：",
	"Status code: 400",
	"status code 200",
	"STATUS   CODE :  201 Created",
	"Status code:400",
	"Status code:: 400",
	"Status code: 40",
	"Status code: 4001",
	"status code: 20x, status code: 301",
	"Statuscode: 400",
	"ſtatuſ code: 404",
	"status\ncode\t:\n500",
	"Status Codes: 200",
	"the status code is 200",
	"sstatus code: 200 status code: 404",
	"Normal response (status code: 200); error (Status code: 500)",
	"\u212aelvin status code: 200",
	"such as a", "ſuch aſ b", "ſuch aſx", "Such  As", "such as_", "suchas", "xsuch as",
	"for example", "For instance:", "for examples", "e.g. x", "e. g. x", "E.G.", "e.  g.", "e.g", "ie.g.",
	"including x", "includingx", "etc.", "etc", "etcetera", "a...", "a…", "..",
	"includes: a", "include but", "includes but", "includesbut", "include:", "includeſ : x", "includes  :",
	"and so on", "and  so on.", "and so one", "among others", "Among Othersx",
	"a, b, and c", "a , b ,and c", "a,b", "a and b or c", "a, or b", "a,andb", "a, and", "a ,  andrew",
	" and b", "a and", "a  and  b", "a\tand\nb", ",", " , ", "a,", ",a", "a AND b", "x, orange",
	"ACTIVE: up", "  up-1 ： x", "a.b: c", "a b: c", ": x", "a:", "a :  ", "ß: x",
	"-1", "1", "-", "1-2", "1 - 2", "1 ~ 2", "1to2", "1 to -2", "-1--2", "1-", "1 -2x", "12", "+1", "1.5",
	"a.b/c*d+e-f:g_h", "a b", "a,b",
	"see Table 3.", "Table 2-3", "table 2‐3 x", "table 2–3", "table 2.3.4", "table 12a", "table 1.x", "table 1-",
	"table 2-3x", "Table 1.5b", "table 2–3a", "tables 3", "table3", "xtable 3", "_table 3", "See table  10", "table 1 and table 2", "TABLE 7x, table 8",
}

// TestFoldOrbits: the ASCII letters whose (?i) folding reaches past
// ASCII are s and k alone, as foldAt assumes.
func TestFoldOrbits(t *testing.T) {
	for c := 'a'; c <= 'z'; c++ {
		var outside []rune
		for r := unicode.SimpleFold(c); r != c; r = unicode.SimpleFold(r) {
			if r > unicode.MaxASCII {
				outside = append(outside, r)
			}
		}
		want := map[rune][]rune{'s': {'\u017f'}, 'k': {'\u212a'}}[c]
		if !slices.Equal(outside, want) {
			t.Errorf("%c folds to %q outside ASCII, foldAt knows %q", c, outside, want)
		}
	}
}

func TestScanTexts(t *testing.T) {
	for _, s := range scanTexts {
		checkScan(t, s)
	}
	// Each text after a prefix, too: matches that do not start at 0.
	for _, s := range scanTexts {
		checkScan(t, "x "+s)
		checkScan(t, ", "+s)
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range scanTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkScan(t, s) })
}

// checkScan compares the matchers with their expressions on s.
func checkScan(t *testing.T, s string) {
	t.Helper()
	if got, want := matchTrigger(s), setTrigger.FindStringIndex(s); !slices.Equal(got, want) {
		t.Errorf("matchTrigger(%q) = %v, setTrigger finds %v", s, got, want)
	}
	want := ""
	if m := statusCode.FindStringSubmatch(s); m != nil {
		want = m[1]
	}
	if got := statusIn(s); got != want {
		t.Errorf("statusIn(%q) = %q, statusCode finds %q", s, got, want)
	}
	if got, want := withoutStatus(s), statusCode.ReplaceAllString(s, ""); got != want {
		t.Errorf("withoutStatus(%q) = %q, want %q", s, got, want)
	}
	if got, want := hasOpenWords(s), openWords.MatchString(s); got != want {
		t.Errorf("hasOpenWords(%q) = %v, openWords says %v", s, got, want)
	}
	items := splitItems(s)
	if want := itemSplit.Split(s, -1); !slices.Equal(items, want) {
		t.Errorf("splitItems(%q) = %q, want %q", s, items, want)
	}
	want = ""
	if m := seeTableN.FindStringSubmatch(s); m != nil {
		want = m[1]
	}
	if got := seeTableNumber(s); got != want {
		t.Errorf("seeTableNumber(%q) = %q, seeTableN finds %q", s, got, want)
	}
	value, end := plainItemAt(s)
	if m := plainItem.FindStringSubmatch(s); m == nil && end >= 0 || m != nil && (value != m[1] || end != len(m[0])) {
		t.Errorf("plainItemAt(%q) = %q, %d; plainItem finds %q", s, value, end, m)
	}
	for _, v := range append(items, s, strings.TrimSpace(s)) {
		for _, w := range []string{v, strings.TrimSpace(v), unmark(strings.TrimSpace(v))} {
			if got, want := isPlainValue(w), plainValue.MatchString(w); got != want {
				t.Errorf("isPlainValue(%q) = %v, want %v", w, got, want)
			}
			if got, want := isIntText(w), intValue.MatchString(w); got != want {
				t.Errorf("isIntText(%q) = %v, want %v", w, got, want)
			}
			if got, want := isNumberRange(w), numberRange.MatchString(w); got != want {
				t.Errorf("isNumberRange(%q) = %v, want %v", w, got, want)
			}
		}
	}
}

// TestMarked: marked folds white space as strings.Fields would.
func TestMarked(t *testing.T) {
	for _, in := range [][]*doc.Inline{
		nil,
		{{Kind: doc.Plain, Text: ""}},
		{{Kind: doc.Plain, Text: "  a \t b\n"}},
		{{Kind: doc.Plain, Text: "The value can be "}, {Kind: doc.Strong, Text: " a "}, {Kind: doc.Plain, Text: ", "}, {Kind: doc.Literal, Text: "b"}, {Kind: doc.Plain, Text: "."}},
		{{Kind: doc.Strong, Text: "x"}, {Kind: doc.Plain, Text: "\u00a0y\u3000 z\v\f\r"}, {Kind: doc.Emphasis, Text: " é\xff "}},
		{{Kind: doc.Plain, Text: "a"}, {Kind: doc.Plain, Text: "b "}, {Kind: doc.Strong, Text: "  "}, {Kind: doc.Plain, Text: "\u0085c"}},
	} {
		checkMarked(t, in)
	}
}

// checkMarked compares marked with its definition.
func checkMarked(t *testing.T, in []*doc.Inline) {
	t.Helper()
	var b strings.Builder
	for _, x := range in {
		if x.Kind == doc.Strong || x.Kind == doc.Literal {
			b.WriteRune(markOpen)
			b.WriteString(strings.TrimSpace(x.Text))
			b.WriteRune(markClose)
		} else {
			b.WriteString(x.Text)
		}
	}
	if got, want := marked(in), strings.Join(strings.Fields(b.String()), " "); got != want {
		t.Errorf("marked = %q, want %q", got, want)
	}
}

// TestScanCorpus compares the matchers with their expressions on every
// paragraph of a parameter description (in its marked form and as plain
// text), table title and caption and section title of the RST corpus.
func TestScanCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	root := golden.CorpusDir(t)
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".rst" {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		page, _ := rst.Read(path, src)
		var texts []string
		var blocks func([]*doc.Block)
		blocks = func(bs []*doc.Block) {
			for _, b := range bs {
				if b.Kind == doc.Paragraph {
					texts = append(texts, marked(b.Inlines), doc.InlinesText(b.Inlines))
					checkMarked(t, b.Inlines)
				}
				for _, item := range b.Items {
					blocks(item)
				}
				blocks(b.Blocks)
			}
		}
		for _, s := range page.Sections {
			texts = append(texts, s.Title)
		}
		for _, tb := range page.Tables {
			texts = append(texts, tb.Title, tb.Caption)
			for _, p := range tb.Params {
				blocks(p.Description)
			}
		}
		for _, s := range texts {
			checkScan(t, s)
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no texts in the corpus")
	}
	t.Logf("%d texts", n)
	if !strings.HasSuffix(root, "corpus") {
		t.Logf("corpus at %s", root)
	}
}
