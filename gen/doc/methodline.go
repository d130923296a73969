package doc

import (
	"strings"

	"github.com/rst2go/rst2go/gen/source"
)

// MethodLine is a paragraph or list item of a page that opens with an
// HTTP method and then a URI: "POST /v1/{project_id}/cloudservers",
// "GET https://{endpoint}/v3/{project_id}/backups", "URI format: GET
// /v2/...". Readers keep every such block outside tables, in document
// order; which of them describe the page's operations (those under a
// "URI" heading, not an example request) is the resolver's call. Literal
// blocks are kept as examples and looked at there.
type MethodLine struct {
	Pos source.Pos `json:"pos"`
	// Section is the index of the enclosing section in Page.Sections, or -1.
	Section int `json:"section"`
	// Caption is the short paragraph or list item lead before the line
	// ("URI format"), as for tables and examples.
	Caption string `json:"caption,omitempty"`
	// Text is the block's plain text, white space folded.
	Text string `json:"text"`
}

// methods are the HTTP methods a method line opens with.
var methods = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}

// IsMethodLine reports whether text (a block's folded plain text) opens
// with an HTTP method, after an optional "URI:" or "URI format:" lead, and
// then a word: the cheap test readers make before keeping a block. The
// URI itself is checked by the resolver.
func IsMethodLine(text string) bool {
	_, rest, ok := CutMethod(text)
	return ok && rest != ""
}

// CutMethod splits a method line into its method and what follows it,
// leaving out a lead "URI:" or "URI format:" and emphasis around the
// method ("**POST** /v1/...", as plain text of some readers keeps it).
func CutMethod(text string) (method, rest string, ok bool) {
	s := strings.TrimSpace(text)
	if len(s) > 3 && strings.EqualFold(s[:3], "uri") {
		t := strings.TrimLeft(s[3:], " ")
		if len(t) >= 6 && strings.EqualFold(t[:6], "format") {
			t = t[6:]
		}
		if t, ok := strings.CutPrefix(t, ":"); ok {
			s = strings.TrimLeft(t, " ")
		}
	}
	s = strings.TrimLeft(s, "*`")
	for _, m := range methods {
		if len(s) > len(m) && s[:len(m)] == m {
			after := strings.TrimLeft(s[len(m):], "*`")
			if after == "" || (after[0] != ' ' && after[0] != '\t' && after[0] != '\u00a0') {
				continue
			}
			return m, strings.TrimSpace(strings.Trim(strings.TrimSpace(after), "\u00a0")), true
		}
	}
	return "", "", false
}

// IsSummarySection reports whether a section's title announces the
// page's function summary ("Function", "Functions", "Description"): the
// first paragraph there is Page.Summary.
func IsSummarySection(title string) bool {
	switch strings.ToLower(strings.TrimSpace(title)) {
	case "function", "functions", "description", "function description", "api description":
		return true
	}
	return false
}

// SetSummary keeps text as the page's summary if the page has none yet
// and the section at index section announces it (see
// [IsSummarySection]). Readers call it for each paragraph outside tables.
func (p *Page) SetSummary(section int, text string) {
	if p.Summary != "" || text == "" || section < 0 || section >= len(p.Sections) || !IsSummarySection(p.Sections[section].Title) {
		return
	}
	p.Summary = text
}
