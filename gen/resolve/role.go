package resolve

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
)

// role is what a top-level table is for, read from its caption, title and
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

var statusCode = regexp.MustCompile(`(?i)status\s+code\s*:?\s*(\d{3})`)

// roleOf reads a top-level table's role. The caption is the most specific
// text, then the title, then the sections from the innermost out.
//
// Headers come first: a table whose own caption or title says "header"
// ("Response header parameters" under "Status code: 200"), or whose rows
// are all HTTP header names (X-Auth-Token, Content-Type; a table nested in
// a list under "URI"), is a header table, of the response when any of
// its texts says response or a status, else of the request.
func roleOf(p *doc.Page, t *doc.Table) role {
	own := []string{strings.ToLower(t.Caption), strings.ToLower(tableNumberRE.ReplaceAllString(t.Title, ""))}
	var texts []string
	for s := t.Section; s >= 0 && s < len(p.Sections) && len(texts) < 16; s = p.Sections[s].Parent {
		texts = append(texts, strings.ToLower(p.Sections[s].Title))
	}
	if strings.Contains(own[0], "header") || strings.Contains(own[1], "header") || headerTable(t) {
		for _, text := range append(own, texts...) {
			if statusCode.MatchString(text) || strings.Contains(text, "response") {
				return roleResponseHeader
			}
		}
		return roleRequestHeader
	}
	for _, text := range append(own, texts...) {
		if r, ok := roleIn(text); ok {
			return r
		}
	}
	return roleTable
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
	if m := statusCode.FindStringSubmatch(s); m != nil {
		if code, _ := strconv.Atoi(m[1]); code >= 400 {
			return roleErrorResponse, true
		}
		return roleResponse, true
	}
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
