package resolve

import (
	"bytes"
	"regexp"
	"sync"
	"time"

	"github.com/rst2go/rst2go/gen/config"
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/ir"
)

// Times: a string field whose description documents a date-time format
// gets that format as a Go layout in the model (ir.Field.TimeLayout), for
// lint to check examples against; with "times: rfc3339" in rst2go.yaml a
// field documented as RFC 3339 (a time with its zone: "Z" or "+08:00")
// becomes time.Time, whose JSON form is exactly that.

// stamp is a date-time as the family writes examples of one
// ("2019-05-22T03:23:59Z", "2019-05-22T03:23:59.000000"), with the zone
// if any.
var stamp = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?`)
})

// zoneFormat is a format pattern with a zone: "yyyy-MM-ddTHH:mm:ssZ",
// "%YYYY-%mm-%ddT%HH:%MM:%SSZ", "CCYY-MM-DDThh:mm:ss+/-hh:mm".
var zoneFormat = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:%?yyyy|ccyy)-%?mm-%?ddT%?hh:%?mm:%?ss(?:\.s+)?(?:Z|\+|-|±)`)
})

// bareFormat is one without ("yyyy-MM-ddTHH:mm:ss").
var bareFormat = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:%?yyyy|ccyy)-%?mm-%?ddT%?hh:%?mm:%?ss(?:\.s+)?\b`)
})

var rfc3339Word = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bRFC\s?3339\b`) })

// Layouts the resolver records.
const (
	layoutRFC3339 = time.RFC3339
	layoutBare    = "2006-01-02T15:04:05" // fractional seconds parse too
)

// timeLayout reads the date-time format a description documents: RFC 3339
// when every example and pattern has a zone (or the text names RFC 3339),
// the bare layout when one has none, "" when it documents no format.
func timeLayout(blocks []*doc.Block) string {
	// Every match of the expressions below holds "3339", or a 'T' between
	// a date and a time (dateTimeT): most descriptions hold neither and
	// need neither their text nor a search.
	if !blocksAny(blocks, mayHoldTime) {
		return ""
	}
	text := doc.BlocksText(blocks)
	zoned, bare := rfc3339Word().MatchString(text) || zoneFormat().MatchString(text), false
	for _, m := range stamp().FindAllStringSubmatch(text, -1) {
		switch z := m[1]; {
		case z == "":
			bare = true
		case z == "Z" || len(z) == 6: // "+08:00"; "+0800" is not RFC 3339
			zoned = true
		default:
			bare = true
		}
	}
	if !zoned && bareFormat().MatchString(text) && !zoneFormat().MatchString(text) {
		bare = true
	}
	switch {
	case bare:
		return layoutBare
	case zoned:
		return layoutRFC3339
	}
	return ""
}

// dateTimeT reports whether text holds a 'T' or 't' after a digit or a
// 'd' and before a digit, an 'h' or a '%', in any case: the joint of every
// match of stamp, zoneFormat and bareFormat ("22T03", "ddTHH", "%ddT%HH").
// None of these letters has a case fold outside ASCII.
func dateTimeT[T ~string | ~[]byte](text T) bool {
	for i := 1; i+1 < len(text); i++ {
		if text[i]|0x20 != 't' {
			continue
		}
		before, after := text[i-1], text[i+1]
		if (isDigit(before) || before|0x20 == 'd') && (isDigit(after) || after|0x20 == 'h' || after == '%') {
			return true
		}
	}
	return false
}

// mayHoldTime reports whether text holds "3339" or dateTimeT: runs of
// characters without white space, for blocksAny.
func mayHoldTime(text []byte) bool {
	return bytes.Contains(text, []byte("3339")) || dateTimeT(text)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

var timeType = &ir.GoType{Kind: ir.Qualified, Path: "time", Name: "Time"}

// fieldTime records a string field's documented format and, with "times:
// rfc3339", makes an RFC 3339 field time.Time.
func (r *resolver) fieldTime(f *ir.Field) {
	if f.Type.Kind != ir.Builtin || f.Type.Name != "string" {
		return
	}
	f.TimeLayout = timeLayout(f.Doc)
	if f.TimeLayout == layoutRFC3339 && r.settings.cfg.Times == config.TimesRFC3339 {
		f.Type = timeType
	}
}
