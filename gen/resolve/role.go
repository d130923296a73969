package resolve

import (
	"strconv"
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
)

// role is what a top-level table is for, read from its title, caption and
// enclosing sections ("Normal responses", "Request header parameters",
// "Status code: 400", a "URI" section, ...).
type role struct {
	suffix string // type name suffix: "Request", "Response", ...
	text   string // words for the doc comment: "request body", ...
}

var (
	roleRequest        = role{"Request", "request body"}
	roleResponse       = role{"Response", "response body"}
	roleErrorResponse  = role{"ErrorResponse", "error response body"}
	rolePathParams     = role{"PathParams", "path parameters"}
	roleQueryParams    = role{"QueryParams", "query parameters"}
	roleURIParams      = role{"URIParams", "URI parameters"}
	roleRequestHeader  = role{"RequestHeader", "request header parameters"}
	roleResponseHeader = role{"ResponseHeader", "response header parameters"}
	roleTable          = role{"Params", "parameters"}
)

// roleTexts are the texts a top-level table's role is read from, most
// specific first: its title (less "Table N"), its caption, then its
// sections from the innermost out, up to the section that is the page's
// own title. The page title is never one of them:
// "Data Structure for Querying Details About ECSs" says nothing of what a
// table of it is for.
func roleTexts(p *doc.Page, t *doc.Table) []string {
	texts := []string{untitledNumber(t.Title), t.Caption}
	for s := t.Section; s >= 0 && s < len(p.Sections) && len(texts) < 16; s = p.Sections[s].Parent {
		sec := p.Sections[s]
		if strings.EqualFold(strings.TrimSpace(sec.Title), strings.TrimSpace(p.Title)) {
			break
		}
		texts = append(texts, sec.Title)
	}
	return texts
}

// roleOf reads a top-level table's role and the status code it documents
// ("" if none). The first text that tells a role gives it; a status code
// (in the caption, title or a section) makes a table that is not a header
// table a response, an error response from 400 up.
//
// Headers come first: a table whose own title or caption says "header"
// ("Response header parameters" under "Status code: 200"), or whose rows
// are all HTTP header names (X-Auth-Token, Content-Type; a table nested in
// a list under "URI"), is a header table, of the response when any of
// its texts says response or a status, else of the request.
func roleOf(p *doc.Page, t *doc.Table) (role, string) {
	texts := roleTexts(p, t)
	status := ""
	for _, text := range texts {
		if status = statusIn(text); status != "" {
			break
		}
	}
	if strings.Contains(strings.ToLower(texts[0]), "header") || strings.Contains(strings.ToLower(texts[1]), "header") || headerTable(t) {
		for _, text := range texts {
			if status != "" || strings.Contains(strings.ToLower(text), "response") {
				return roleResponseHeader, status
			}
		}
		return roleRequestHeader, status
	}
	ro := roleTable
	for _, text := range texts {
		if r, ok := roleIn(strings.ToLower(withoutStatus(text))); ok {
			ro = r
			break
		}
	}
	if status != "" {
		switch ro {
		case roleTable, roleResponse, roleRequest:
			ro = roleResponse
			if code, _ := strconv.Atoi(status); code >= 400 {
				ro = roleErrorResponse
			}
		}
	}
	return ro, status
}

// headerTable reports whether every row of a table names an HTTP header.
func headerTable(t *doc.Table) bool {
	for _, p := range t.Params {
		if !IsHeaderName(p.Name) {
			return false
		}
	}
	return len(t.Params) > 0
}

// commonHeaders are the HTTP header names the family documents in
// parameter tables besides X-... ones, in their canonical spelling: a body
// field is never spelled so (it is "date", "content_type").
var commonHeaders = map[string]bool{
	"Accept": true, "Accept-Encoding": true, "Accept-Language": true, "Authorization": true,
	"Cache-Control": true, "Connection": true, "Content-Disposition": true, "Content-Encoding": true,
	"Content-Length": true, "Content-MD5": true, "Content-Range": true, "Content-Type": true, "Cookie": true,
	"Date": true, "ETag": true, "Etag": true, "Expires": true, "Host": true, "If-Match": true,
	"If-Modified-Since": true, "If-None-Match": true, "Last-Modified": true, "Location": true, "Range": true,
	"Retry-After": true, "Set-Cookie": true, "Transfer-Encoding": true, "User-Agent": true,
}

// IsHeaderName reports whether a parameter name is an HTTP header's: an
// X-... name (X-Auth-Token, x-request-id) or a standard header in its
// canonical spelling (Content-Type, Authorization).
func IsHeaderName(name string) bool {
	name = strings.TrimSpace(name)
	if commonHeaders[name] {
		return true
	}
	if len(name) < 3 || name[0] != 'X' && name[0] != 'x' || name[1] != '-' {
		return false
	}
	for _, c := range name[2:] {
		if !(c == '-' || c == '_' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func roleIn(s string) (role, bool) {
	switch {
	case strings.Contains(s, "header"):
		if strings.Contains(s, "response") {
			return roleResponseHeader, true
		}
		return roleRequestHeader, true
	case strings.Contains(s, "query"):
		return roleQueryParams, true
	case strings.Contains(s, "path param"):
		return rolePathParams, true
	case s == "uri" || strings.HasPrefix(s, "uri ") || strings.Contains(s, " uri"):
		return roleURIParams, true
	case strings.Contains(s, "abnormal") || strings.Contains(s, "error response") || strings.Contains(s, "failure response"):
		return roleErrorResponse, true
	case strings.Contains(s, "response"):
		return roleResponse, true
	case strings.Contains(s, "request"):
		return roleRequest, true
	}
	return role{}, false
}

// fieldTitle is the field a table's title says it describes
// ("**security_options** field description", "flavor parameters",
// "Description of the metadata field"), or "": a single json-like word
// once "Table N" and the usual words around it are gone.
func fieldTitle(t *doc.Table) string {
	s := strings.TrimSpace(untitledNumber(t.Title))
	s = strings.Trim(s, "*` ")
	lower := strings.ToLower(s)
	for _, w := range []string{" field description", " parameter description", " parameters description", " field", " parameters", " parameter", " description", " objects", " object", " structure", " data structure"} {
		if strings.HasSuffix(lower, w) {
			s, lower = s[:len(s)-len(w)], lower[:len(lower)-len(w)]
			break
		}
	}
	for _, w := range []string{"description of the ", "description of ", "data structure of the ", "data structure of "} {
		if strings.HasPrefix(lower, w) {
			s = s[len(w):]
			break
		}
	}
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*`"))
	if strings.HasSuffix(strings.ToLower(s), " field") {
		s = strings.TrimSpace(s[:len(s)-len(" field")])
	}
	if s == "" || strings.ContainsAny(s, " \t") || strings.EqualFold(s, "parameter") || strings.EqualFold(s, "parameters") {
		return ""
	}
	for _, c := range s {
		if !(c == '_' || c == '-' || c == '.' || c == ':' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return ""
		}
	}
	if _, ok := roleIn(strings.ToLower(s)); ok {
		return ""
	}
	return s
}
