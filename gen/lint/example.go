package lint

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
	"github.com/rst2go/rst2go/gen/source"
)

// This file finds the JSON in example blocks and the table each example
// illustrates.

// exampleBody is the JSON part of an example block.
type exampleBody struct {
	ex   *doc.Example
	text string // the JSON, from its first { or [ to the end of the block
	off  int    // offset of text in ex.Text
}

var (
	// A request line opens most example requests ("POST https://...",
	// "GET /v1/..."); a status line may open a response.
	requestLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*(?:(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S|HTTP/\d)`)
	})
	// A header line ("Content-Type: application/json") may open a block
	// whose JSON follows, as in a second block after "HTTP/1.1 200 OK".
	headerLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*:[ \t]*\S`) })
	// A URL template also starts with "{": "{endpoint}/v1/...".
	urlTemplate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\{[A-Za-z_][\w.-]*\}`) })
)

// nonJSONLangs are code block languages whose blocks are never JSON.
var nonJSONLangs = map[string]bool{
	"xml": true, "html": true, "shell": true, "bash": true, "sh": true, "console": true, "python": true,
	"java": true, "go": true, "yaml": true, "ini": true, "curl": true, "powershell": true,
}

// jsonBody finds the JSON of an example: the whole block when it starts
// with { or [, or what follows the request line (and any header lines) of
// an example request. No block of the family is tagged json: JSON is
// recognized by content.
func jsonBody(ex *doc.Example) (exampleBody, bool) {
	if nonJSONLangs[strings.ToLower(ex.Lang)] {
		return exampleBody{}, false
	}
	text := ex.Text
	off := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
	request := off < len(text) && requestLine().MatchString(text[off:])
	if request || off < len(text) && headerLine().MatchString(text[off:]) {
		// Skip the request line and header lines up to the first line
		// that opens a value. A block that opens with a header has
		// only headers (and blank lines) before it.
		off = -1
		for i := 0; i < len(text); {
			end := strings.IndexByte(text[i:], '\n')
			if end < 0 {
				end = len(text) - i
			}
			line := strings.TrimLeft(text[i:i+end], " \t")
			if i > 0 && (strings.HasPrefix(line, "{") || strings.HasPrefix(line, "[")) {
				off = i + len(text[i:i+end]) - len(line)
				break
			}
			if !request && strings.TrimSpace(line) != "" && !headerLine().MatchString(line) {
				break
			}
			i += end + 1
		}
		if off < 0 {
			return exampleBody{}, false
		}
	}
	body := text[off:]
	if body == "" || body[0] != '{' && body[0] != '[' || urlTemplate().MatchString(body) {
		return exampleBody{}, false
	}
	if body[0] == '[' && len(strings.TrimSpace(body)) > 1 {
		// "[items]" or "[Array element]" prose, not an array: an array
		// opens with a value.
		rest := strings.TrimLeft(body[1:], " \t\r\n")
		if rest != "" && strings.IndexByte("{[\"]-0123456789tfn'.", rest[0]) < 0 {
			return exampleBody{}, false
		}
	}
	return exampleBody{ex: ex, text: strings.TrimRight(body, " \t\r\n"), off: off}, true
}

// pos returns the place in the page of a byte offset into the body. The
// example's Pos is the place of the first character of its text, whose
// lines the reader has dedented alike: a line's column is Pos.Col less the
// first line's own indentation, plus the offset in the line.
func (b exampleBody) pos(off int) source.Pos {
	off += b.off
	text := b.ex.Text
	off = min(max(off, 0), len(text))
	first := text
	if i := strings.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	base := b.ex.Pos.Col - (len(first) - len(strings.TrimLeft(first, " \t")))
	if b.ex.Pos.Col <= 0 {
		base = 1
	}
	lines := strings.Count(text[:off], "\n")
	col := off - (strings.LastIndexByte(text[:off], '\n') + 1)
	return b.ex.Pos.Add(lines, max(base, 1)+col)
}

// exampleRole is what an example illustrates, read from its caption and
// the titles of its enclosing sections, innermost first; status is the
// HTTP status the caption names, or 0.
type exampleRole struct {
	role   string // "request", "response" or "error-response"; "" unknown
	status int
	// inExample is set for an example in an "Example" section, whatever
	// its caption ("Creating a small barn").
	inExample bool
}

var (
	statusIn     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bstatus(?:\s+code)?\s*:?\s*(\d{3})\b`) })
	leadStatus   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{3})\b`) })
	abnormalWord = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(abnormal|error|failure|failed)\b`) })
	requestWord  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\brequests?\b`) })
	responseWord = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(responses?|normal)\b`) })
	exampleWord  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bexamples?\b`) })
)

// reasons are the reason phrases of the HTTP statuses documentation puts
// as captions over example responses ("OK" under "Status code: 200").
var reasons = map[string]int{
	"ok": 200, "created": 201, "accepted": 202, "non-authoritative information": 203, "no content": 204,
	"reset content": 205, "partial content": 206, "multiple choices": 300, "moved permanently": 301,
	"found": 302, "see other": 303, "not modified": 304, "bad request": 400, "unauthorized": 401,
	"forbidden": 403, "not found": 404, "method not allowed": 405, "not acceptable": 406,
	"request timeout": 408, "conflict": 409, "gone": 410, "precondition failed": 412,
	"request entity too large": 413, "unsupported media type": 415, "too many requests": 429,
	"internal server error": 500, "not implemented": 501, "bad gateway": 502,
	"service unavailable": 503, "gateway timeout": 504,
}

// reasonCodes are reasons folded (foldReason) to their status.
var reasonCodes = sync.OnceValue(func() map[string]int {
	m := map[string]int{}
	for r, code := range reasons {
		m[foldReason(r)] = code
	}
	return m
})

// foldReason folds the spellings of a reason phrase the family uses:
// "Precondition Failed", "PreconditionFailed", "precondition_failed",
// "Not Found.".
func foldReason(t string) string {
	t = strings.ToLower(strings.TrimRight(t, ".:"))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '_' || r == '-' {
			return -1
		}
		return r
	}, t)
}

// roleOfExample reads an example's role. The caption is the most specific
// text, then the sections from the innermost out; the first text that
// names a status, an error, a request or a response decides.
func roleOfExample(p *doc.Page, ex *doc.Example) exampleRole {
	texts := []string{ex.Caption}
	for s := ex.Section; s >= 0 && s < len(p.Sections) && p.Sections[s] != nil && len(texts) < 16; s = p.Sections[s].Parent {
		texts = append(texts, p.Sections[s].Title)
	}
	for _, t := range texts {
		if r, ok := roleInText(t); ok {
			return r
		}
	}
	for _, t := range texts[1:] {
		if exampleWord().MatchString(t) {
			return exampleRole{inExample: true}
		}
	}
	return exampleRole{}
}

func roleInText(t string) (exampleRole, bool) {
	t = strings.TrimSpace(t)
	status := 0
	if m := statusIn().FindStringSubmatch(t); m != nil {
		status, _ = strconv.Atoi(m[1])
	} else if m := leadStatus().FindStringSubmatch(t); m != nil {
		status, _ = strconv.Atoi(m[1])
	} else if code, ok := reasonCodes()[foldReason(t)]; ok {
		status = code
	}
	switch {
	case status >= 400:
		return exampleRole{role: "error-response", status: status}, true
	case status > 0:
		return exampleRole{role: "response", status: status}, true
	case abnormalWord().MatchString(t):
		return exampleRole{role: "error-response"}, true
	case requestWord().MatchString(t):
		return exampleRole{role: "request"}, true
	case responseWord().MatchString(t):
		return exampleRole{role: "response"}, true
	}
	return exampleRole{}, false
}

// tableStatus is the HTTP status a top-level table's caption or title
// names ("Status code: 200"), or 0.
func tableStatus(t *doc.Table) int {
	if t == nil {
		return 0
	}
	for _, s := range []string{t.Caption, t.Title} {
		if m := statusIn().FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
	}
	return 0
}

// matchExample finds the type of the table an example illustrates (see
// the package comment for the rule); it returns the candidates when more
// than one table fits.
//
// An example whose caption and sections say no role but that sits in an
// "Example" section illustrates the page's one body table (request,
// response or error response), if it has exactly one.
func (c *checker) matchExample(p *doc.Page, er exampleRole) (*ir.Type, []*ir.Type) {
	if er.role == "" {
		var body *ir.Type
		for _, t := range c.roots[p] {
			switch t.Role {
			case "request", "response", "error-response":
				if body != nil {
					return nil, nil
				}
				body = t
			}
		}
		if er.inExample {
			return body, nil
		}
		return nil, nil
	}
	var cands []*ir.Type
	for _, t := range c.roots[p] {
		if t.Role == er.role {
			cands = append(cands, t)
		}
	}
	if er.status != 0 && len(cands) > 1 {
		var same, unsaid []*ir.Type
		for _, t := range cands {
			switch tableStatus(t.Table) {
			case er.status:
				same = append(same, t)
			case 0:
				unsaid = append(unsaid, t)
			}
		}
		if len(same) > 0 {
			cands = same
		} else {
			cands = unsaid
		}
	}
	if len(cands) > 1 {
		var named []*ir.Type
		for _, t := range cands {
			if ownRole(t.Table) == t.Role {
				named = append(named, t)
			}
		}
		if len(named) == 1 {
			return named[0], nil
		}
	}
	if len(cands) == 1 {
		return cands[0], nil
	}
	return nil, cands
}

// ownRole is the role a table's own caption or title names ("Response
// parameters", "Status code: 400"), not counting its sections: "request",
// "response", "error-response" or "".
func ownRole(t *doc.Table) string {
	if t == nil {
		return ""
	}
	for _, s := range []string{t.Caption, tableN().ReplaceAllString(t.Title, "")} {
		if r, ok := roleInText(s); ok {
			return r.role
		}
	}
	return ""
}
