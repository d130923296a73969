package doc

import (
	"regexp"
	"strings"
	"sync"
)

// StatusHold keeps a section's status caption ("Status code: 400") over
// what the family writes under it: the reason ("PreconditionFailed"),
// sentences ("The request body is abnormal."), bullets ("- Example 1").
// Every reader holds one per page, so that whatever captions a table or
// an example there keeps the status.
type StatusHold struct {
	status string
}

// Reset forgets the status: a new section begins.
func (h *StatusHold) Reset() { h.status = "" }

// Caption returns the caption text stands for: a status caption is held
// and is its own; a caption under a held status is the status, then its
// own words ("Status code: 400 (Example 1)"). A caption that names a
// table ("Table 3 ...") or a role of its own ("Abnormal responses",
// "Request header") is its own and ends the status.
func (h *StatusHold) Caption(text string) string {
	switch {
	case IsStatusCaption(text):
		h.status = text
		return text
	case h.status == "" || text == "" || strings.Contains(text, h.status):
		return text
	case StartsWithTableN(text) || roleWords().MatchString(text):
		h.status = ""
		return text
	}
	return h.status + " (" + text + ")"
}

// IsStatusCaption reports whether a caption names a response status
// ("Status code: 404"), which holds over the sentences that explain it.
func IsStatusCaption(text string) bool {
	return len(text) >= len("status code") && strings.EqualFold(text[:len("status code")], "status code")
}

// roleWords are the words by which a caption says what it captions.
var roleWords = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(requests?|responses?|normal|abnormal|errors?|failures?|headers?|parameters?|uri|query|body)\b`)
})
