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
func roleOf(p *doc.Page, t *doc.Table) role {
	texts := []string{t.Caption, tableNumberRE.ReplaceAllString(t.Title, "")}
	for s := t.Section; s >= 0 && s < len(p.Sections) && len(texts) < 16; s = p.Sections[s].Parent {
		texts = append(texts, p.Sections[s].Title)
	}
	for _, text := range texts {
		if r, ok := roleIn(strings.ToLower(text)); ok {
			return r
		}
	}
	return roleTable
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
