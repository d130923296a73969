package text

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rst2go/rst2go/gen/doc"
)

// This file holds the vocabulary of copied pages: the words of table
// headers, type and mandatory cells, section headings and navigation
// noise, and the shapes that tell one kind of cell from another.

// colKind is what a header cell says its column holds.
type colKind int

const (
	colOther colKind = iota
	colName
	colMandatory
	colType
	colDescription
)

// headerWords are the header cells of parameter tables, folded as
// doc.NormalizeLabel folds them. They are the words doc.Table.Interpret
// knows (TestHeaderWordsAgree holds the two lists together).
var headerWords = map[string]colKind{
	"parameter": colName, "parameters": colName, "name": colName, "parameter name": colName,
	"field": colName, "attribute": colName, "property": colName, "element": colName,
	"mandatory": colMandatory, "mandatory or not": colMandatory, "required": colMandatory,
	"mandatory (yes/no)": colMandatory, "is mandatory": colMandatory, "optional/mandatory": colMandatory,
	"type": colType, "value type": colType, "data type": colType, "parameter type": colType,
	"description": colDescription, "parameter description": colDescription, "descriptions": colDescription,
	"remarks": colDescription,
}

// otherLeads are the first header cells of tables that are not parameter
// tables (status codes, returned values, permissions, key and value);
// otherColumns are further header cells such tables, and some parameter
// tables, have.
var (
	otherLeads = map[string]bool{
		"status code": true, "http status code": true, "returned value": true, "return value": true,
		"return code": true, "error code": true, "key": true, "permission": true, "permissions": true,
		"action": true, "metric id": true, "metric name": true, "dimension": true, "event name": true,
		"api": true, "item": true, "code": true,
	}
	otherColumns = map[string]bool{
		"value": true, "values": true, "meaning": true, "message": true, "error message": true,
		"value range": true, "default value": true, "default": true, "example": true, "example value": true,
		"unit": true, "range": true, "constraints": true, "constraint": true, "status": true, "remark": true,
		"dependent permission": true, "dependent permissions": true, "operation": true, "resource": true,
		"version": true, "enumerated value": true, "enumerated values": true, "error information": true,
		"handling measure": true, "solution": true, "cause": true, "url": true, "method": true, "uri": true,
		"dependency": true, "dependencies": true, "iam permission": true, "scope": true, "object": true,
		"crud": true, "example values": true, "default values": true, "length": true, "format": true,
	}
)

// headerCell reads a paragraph as a header cell: the column kind and the
// folded word. Header cells are short and capitalised as written (the
// family writes "Parameter", "Type"), which keeps parameter names such as
// "message" or "code" out of the header.
func headerCell(b *block) (kind colKind, word string, ok bool) {
	if b.marker != "" || !b.single() {
		return 0, "", false
	}
	s := b.lines[0].body()
	if len(s) > 40 {
		return 0, "", false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return 0, "", false
	}
	if k, ok := inVocab(headerWords, s); ok {
		return k, doc.NormalizeLabel(s), true
	}
	if lead, _ := inVocab(otherLeads, s); lead {
		return colOther, doc.NormalizeLabel(s), true
	}
	if col, _ := inVocab(otherColumns, s); col {
		return colOther, doc.NormalizeLabel(s), true
	}
	return 0, "", false
}

// foldKey folds s as doc.NormalizeLabel does (lower case, white space
// runs to one space, trimmed) into buf, so that a map lookup with
// string(key) does not allocate. ok is false when s does not fit in buf or
// is not ASCII: no word of the vocabulary is either.
func foldKey(s string, buf *[48]byte) (key []byte, ok bool) {
	n := 0
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return nil, false
		case c == ' ' || c == '\t' || c == '\n':
			space = n > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			if n == len(buf) {
				return nil, false
			}
			buf[n] = ' '
			n++
			space = false
		}
		if n == len(buf) {
			return nil, false
		}
		buf[n] = c
		n++
	}
	return buf[:n], true
}

// inVocab reports whether s, folded, is a key of m.
func inVocab[V any](m map[string]V, s string) (V, bool) {
	var buf [48]byte
	key, ok := foldKey(s, &buf)
	if !ok {
		var zero V
		return zero, false
	}
	v, ok := m[string(key)]
	return v, ok
}

// wordCount is len(strings.Fields(s)) for the spaces a cleaned line
// holds, without allocating.
func wordCount(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// shape is how well a paragraph fits a column.
type shape int

const (
	noFit shape = iota
	weakFit
	strongFit
)

var (
	// identifier-ish: letters, digits and the punctuation of the family's
	// names (X-Auth-Token, OS-EXT-STS:vm_state, metering.image_id,
	// kubernetes.io/cpuManagerPolicy, name~, [items], {key}).
	nameToken   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[\pL_$@\[{<*][\pL\pN_.:/~$@*#&+\-\[\]{}<>()]*$`) })
	placeholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[\[{<].*[\]}>]$`) })
	camelHump   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\p{Ll}\p{Lu}`) })
)

// nameShape: a parameter name is one identifier-ish token; a placeholder
// ("{User defined key}", "[items]") or a name a line wrap split
// ("scaling_ configuration _id") fits strongly too. A capitalised word
// ("Name") or a short phrase ("Name of the network") fits weakly.
func nameShape(b *block) shape {
	if b.marker != "" || !b.single() {
		return noFit
	}
	s := b.lines[0].body()
	if utf8.RuneCountInString(s) > 100 || strings.EqualFold(s, "n/a") || strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") ||
		strings.HasSuffix(s, ";") || strings.HasSuffix(s, ",") || strings.Contains(s, ": ") || isCellHeading(s) {
		return noFit
	}
	words := wordCount(s)
	if placeholder().MatchString(s) && words <= 6 {
		return strongFit
	}
	if words == 1 {
		if !nameToken().MatchString(s) {
			return noFit
		}
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsLower(r) || strings.ContainsAny(s, "_.:-/[]{}<>~$@") || camelHump().MatchString(s) || strings.ContainsAny(s, "0123456789") {
			return strongFit
		}
		return weakFit
	}
	if words > 8 || utf8.RuneCountInString(s) > 60 {
		return noFit
	}
	// A wrapped name: parts joined by _ at a space.
	if strings.Contains(s, "_ ") || strings.Contains(s, " _") {
		return strongFit
	}
	return weakFit
}

// typeFirstWords are the words a Type cell starts with.
var typeFirstWords = map[string]bool{
	"string": true, "str": true, "char": true, "text": true, "uuid": true, "date": true, "datetime": true,
	"time": true, "enum": true, "password": true, "timestamp": true, "integer": true, "int": true,
	"int32": true, "int64": true, "short": true, "long": true, "biginteger": true, "number": true,
	"float": true, "double": true, "decimal": true, "bigdecimal": true, "float32": true, "float64": true,
	"boolean": true, "bool": true, "object": true, "objects": true, "jsonobject": true, "json": true,
	"dict": true, "dictionary": true, "struct": true, "structure": true, "map": true, "hash": true,
	"array": true, "arrays": true, "list": true, "jsonarray": true, "set": true, "anytype": true,
	"any": true, "null": true, "file": true, "binary": true, "strings": true, "integers": true,
}

var (
	objectSuffix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^\S.*\s(object|objects|array|list)$`) })
)

// typeShape: a Type cell is a type word ("String", "Array of objects",
// "Map<String,String>", "ServerGroup object", "String(64)",
// "Dictionary data structure. For details, see Table 3."); any other
// short phrase fits weakly (an unknown type word is still a type cell).
func typeShape(b *block) shape {
	if b.marker != "" || !b.single() {
		return noFit
	}
	s := b.lines[0].body()
	if doc.StartsWithTableN(s) {
		// "Table 3 object" is a type; "Table 3 Data structure of x", a title.
		if strings.HasSuffix(strings.ToLower(s), "object") {
			return strongFit
		}
		return noFit
	}
	words := wordCount(s)
	if words <= 12 && containsFold(s, "data structure") {
		return strongFit
	}
	sentence := strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":")
	if words <= 6 && !sentence {
		first := s
		for i, r := range s {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				first = s[:i]
				break
			}
		}
		if _, ok := inVocab(typeFirstWords, first); ok || objectSuffix().MatchString(s) || strings.HasSuffix(s, "[]") {
			return strongFit
		}
	}
	if words <= 4 && utf8.RuneCountInString(s) <= 40 && !sentence && !isCellHeading(s) {
		return weakFit
	}
	return noFit
}

// containsFold reports whether s contains the lower-case ASCII word w in
// any case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// mandatoryShape: "Yes", "No", "No (query parameter)", "Yes when x is
// set." fit strongly; "-", "N/A" and "Conditionally required" weakly.
func mandatoryShape(b *block) shape {
	if b.marker != "" || !b.single() {
		return noFit
	}
	s := b.lines[0].body()
	words := wordCount(s)
	if words > 20 {
		return noFit
	}
	if doc.ParseMandatory(s) != doc.MandatoryUnknown {
		return strongFit
	}
	if s == "-" || strings.EqualFold(s, "n/a") || words <= 4 && (containsFold(s, "required") || containsFold(s, "mandatory") ||
		containsFold(s, "optional") || containsFold(s, "conditional")) {
		return weakFit
	}
	return noFit
}

// keyShape is the first column of a table that is not a parameter table
// ("200", "400 Bad Request", "ecs:servers:list"): a short line that is not
// a sentence.
func keyShape(b *block) shape {
	if b.marker != "" || !b.single() {
		return noFit
	}
	s := b.lines[0].body()
	if utf8.RuneCountInString(s) > 60 || strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") {
		return noFit
	}
	return strongFit
}

// cellHeadings are the sub-headings modern pages put in description cells
// (bold in the page, plain in a copy): **Definition**, **Range**, ..., the
// ones package godoc lays out.
var cellHeadings = map[string]bool{
	"definition": true, "constraints": true, "range": true, "value range": true,
	"default value": true, "default": true,
}

func isCellHeading(s string) bool {
	ok, _ := inVocab(cellHeadings, strings.TrimSuffix(s, ":"))
	return ok
}

// noteLabels are the labels a copied note starts with ("NOTE:").
var noteLabels = map[string]string{
	"note": "note", "notice": "note", "caution": "caution", "warning": "warning",
	"important": "important", "tip": "tip", "danger": "danger", "attention": "attention",
}

// noteLabel reads a paragraph that is only a note's label, as pages
// show it: in capitals ("NOTE:"). A "Note:" paragraph is text.
func noteLabel(b *block) (string, bool) {
	if b.marker != "" || !b.single() {
		return "", false
	}
	s := b.lines[0].body()
	word := strings.ToLower(strings.TrimSuffix(s, ":"))
	label, ok := noteLabels[word]
	if !ok || s != strings.ToUpper(s) {
		return "", false
	}
	return label, true
}

// sectionNames are the section headings of the family (see
// notes/family-grammar.md): a line that is one of them is always a
// heading.
var sectionNames = map[string]bool{
	"function": true, "uri": true, "request": true, "response": true, "requests": true, "responses": true,
	"example request": true, "example requests": true, "example response": true, "example responses": true,
	"returned values": true, "return values": true, "error codes": true,
	"status codes": true, "request parameters": true, "response parameters": true,
	"request parameter": true, "response parameter": true, "request header": true, "request headers": true,
	"response header": true, "response headers": true, "request body": true, "response body": true,
	"constraints": true, "overview": true, "precautions": true, "debugging": true,
	"authorization information": true, "uri parameters": true, "query parameters": true, "path parameters": true,
	"request header parameters": true, "request body parameters": true, "response header parameters": true,
	"response body parameters": true, "example requests and responses": true, "restrictions": true,
	"constraints and limitations": true, "prerequisites": true, "api description": true, "contents": true,
}

// knownSection reports whether s is a section name of the family. The
// cell sub-headings ("Constraints") are headings only outside tables.
func knownSection(s string) bool {
	ok, _ := inVocab(sectionNames, s)
	return ok
}

// smallWords do not count against a title-case heading.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "for": true, "to": true, "and": true, "or": true,
	"in": true, "on": true, "at": true, "by": true, "with": true, "from": true, "as": true, "via": true,
}

// headingShape reports whether a line reads as a heading of its own: two
// to ten words in title case (the first word may be a lower-case field
// name: "bandwidth Field Description"), no sentence punctuation, nothing
// of a URL, code or key/value.
func headingShape(s string) bool {
	if n := wordCount(s); n < 2 || n > 10 || utf8.RuneCountInString(s) > 80 {
		return false
	}
	words := strings.Fields(s)
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) || strings.ContainsAny(s, "/{}[]<>=\"|;,!?") || strings.Contains(s, ": ") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ".") ||
		doc.StartsWithTableN(s) || isCellHeading(s) {
		return false
	}
	lower, upper := 0, 0
	for _, w := range words[1:] {
		w = strings.Trim(w, "()")
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r) && !smallWords[w]:
			lower++
		}
	}
	// A lower-case first word is a field name; title-case words follow.
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsLower(r) && upper < 2 {
		return false
	}
	return lower <= 1
}

// noiseLines are lines a browser copies from a page's navigation, not its
// content (image alt texts, menu items, breadcrumbs).
var (
	noiseWords = map[string]bool{
		"advanced": true, "help center": true, "documentation": true, "copied": true, "copied.": true,
		"copy": true, "share": true, "feedback": true, "previous": true, "next": true, "previous topic": true,
		"next topic": true, "menu": true, "on this page": true, "table of contents": true, "expand all": true,
		"collapse all": true, "pdf": true, "view pdf": true, "download pdf": true, "print": true, "search": true,
		"home": true, "more": true, "english": true, "back to top": true, "top": true,
	}
	noisePattern = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:[a-z]+-img|updated (?:on|at)\b.*|last updated\b.*|.* (?:>|›|»|/) .*)$`)
	})
)

func isNoise(s string) bool {
	if ok, _ := inVocab(noiseWords, s); ok {
		return true
	}
	return noisePattern().MatchString(s)
}

// titleShape reports whether a line can be a page title: not too long,
// starting with a letter or digit, not a sentence, not code, not a
// key/value line, not a section name or a table header word.
func titleShape(s string) bool {
	if utf8.RuneCountInString(s) > 150 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	if strings.ContainsAny(s, ":={}<>|\"") || strings.HasSuffix(s, ".") || strings.HasSuffix(s, ";") ||
		strings.HasSuffix(s, ",") || doc.StartsWithTableN(s) || knownSection(s) || isNoise(s) {
		return false
	}
	_, header := inVocab(headerWords, s)
	return !header
}

// statusCaption is the caption of a response table of one status code.
var statusCaption = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^status code:? *\d{3}\b`) })

// parentTopic is the link to the parent page that a copy of the whole page
// ends with.
var parentTopic = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^parent topic:`) })

// introTable is prose that introduces the next table ("The following
// table lists ..."): it stands after a table, never in one.
var introTable = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(?:the following table|the table below)\b`) })

// httpLine is the request line of an example request.
var httpLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\S+(?:\s+HTTP/[0-9.]+)?$`)
})

// tableMention is "Table 3" in running text ("For details, see Table 3.").
var tableMention = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(?:Table|table|TABLE)[ \t\n]+(\d{1,6})\b`) })

// tableLabel is the label the reader gives the table numbered n, and the
// label of a mention of it ("Table 01" and "Table 1" are one table).
func tableLabel(n string) string {
	n = strings.TrimLeft(n, "0")
	if n == "" {
		n = "0"
	}
	return "table " + n
}

var leadingTableNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^Table\s+(\d{1,6})`) })
