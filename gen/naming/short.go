package naming

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// ShortNameFromTitle turns a page title into the short stem of a type name
// by the default rules, and returns apart the qualifier of a trailing
// parenthesis ("Querying Tags of an ECS (Discarded)" → "QueryECSTags",
// "Discarded"), which callers add only where it tells two pages apart.
// See the package documentation for the rules.
func ShortNameFromTitle(title string) (name, qualifier string) {
	return defaultRules.ShortNameFromTitle(title)
}

// ShortNameFromTitle is [ShortNameFromTitle] with the initialisms of r.
func (r *Rules) ShortNameFromTitle(title string) (name, qualifier string) {
	r = r.orDefault()
	base, qual := cutQualifier(title)
	words, verbs := r.titleWords(base)
	if r.join(words) == "" {
		return r.TypeNameFromTitle(title), ""
	}
	if verbs > 0 {
		long := append([]word(nil), words...)
		words = r.compact(words, verbs, false)
		if len(r.join(words)) > MaxStem {
			// Too long: "X to|from Y" moves as "X of Y" does
			// ("a Tag from an Associated Resource" →
			// AssociatedResourceTag).
			words = r.compact(long, verbs, true)
		}
		// A long name loses its last phrases: "Listing Flavor Details
		// and Extended Information" → ListFlavorDetails.
		words = r.cutPhrases(words, verbs)
	} else if len(r.join(words)) > MaxStem {
		// A long title that is not an operation ("Data Structure for
		// Querying Details About ECSs") loses its little words first.
		kept := words[:0]
		for _, w := range words {
			if !prepositions[strings.ToLower(w.text)] {
				kept = append(kept, w)
			}
		}
		words = kept
	}
	return FitWords(r.join(words), MaxStem), FitWords(r.qualifierName(qual), maxQualifier)
}

// MaxStem is the longest stem [ShortNameFromTitle] returns: with a
// version (V21) and a role up to Response a type name stays within 45
// characters (callers shorten it for longer roles, ResponseHeader).
const MaxStem = 30

const maxQualifier = 18

// cutPhrases drops the last phrases of a title's object, which starts at
// words[verbs], until its name has at most MaxStem bytes or the object is
// one phrase: it cuts at the last preposition or conjunction where what
// is left is short enough, else at the first. (One pass over the words:
// a title of thousands of words costs linear time.)
func (r *Rules) cutPhrases(words []word, verbs int) []word {
	n := 0 // bytes of words[:k] as spelled
	first, fit := -1, -1
	for k, w := range words {
		if k > verbs && prepositions[strings.ToLower(w.text)] {
			if first < 0 {
				first = k
			}
			if n <= MaxStem {
				fit = k
			}
		}
		n += len(r.spell(w))
	}
	switch {
	case n <= MaxStem:
		return words
	case fit >= 0:
		return words[:fit]
	case first >= 0:
		return words[:first]
	}
	return words
}

// FitWords cuts the last words off a Go name until it has at most max
// bytes ("ConfirmECSSpecsModification", 20 → "ConfirmECSSpecs"); a first
// word longer than max is cut at max bytes (at a character boundary).
func FitWords(name string, max int) string {
	if len(name) <= max {
		return name
	}
	ws := goWords(name)
	n := 0
	for i, w := range ws {
		if n+len(w) > max {
			if i > 0 {
				return name[:n]
			}
			break
		}
		n += len(w)
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	return name[:cut]
}

// cutQualifier cuts a trailing parenthesis off a title: "Querying Images
// (Discarded)" → "Querying Images", "Discarded". A title that is nothing
// but a parenthesis keeps it.
func cutQualifier(title string) (base, qual string) {
	t := strings.TrimSpace(title)
	if !strings.HasSuffix(t, ")") {
		return title, ""
	}
	depth := 0
	for i := len(t) - 1; i >= 0; i-- {
		switch t[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				base, qual = t[:i], t[i+1:len(t)-1]
				if strings.IndexFunc(base, isWordRune) < 0 {
					return title, ""
				}
				return base, qual
			}
		}
	}
	return title, ""
}

var microversion = regexp.MustCompile(`(?i)^\s*micro-?version\s+(\d+)(?:\.(\d+))?`)

// qualifierName spells a title's qualifier as a name part: a microversion
// as its number ("Microversion 2.6 or Later" → V26), else its words less
// articles ("Native OpenStack API" → NativeOpenStackAPI).
func (r *Rules) qualifierName(q string) string {
	if m := microversion.FindStringSubmatch(q); m != nil {
		return "V" + m[1] + m[2]
	}
	var kept []word
	for _, w := range r.split(q, false) {
		if !articles[strings.ToLower(w.text)] {
			kept = append(kept, w)
		}
	}
	return r.join(kept)
}

// compact shortens the object of a title whose first verbs end at
// words[verbs]: fillers go, a relative clause goes, "in a Batch" becomes a
// leading Batch, "details about X" becomes X or XDetails, and "X of Y"
// becomes YX.
func (r *Rules) compact(words []word, verbs int, loose bool) []word {
	verb := append([]word(nil), words[:verbs]...)
	var obj []word
	for _, w := range words[verbs:] {
		if !fillers[strings.ToLower(w.text)] {
			obj = append(obj, w)
		}
	}
	obj = cutRelative(obj)
	if n := len(obj); n > 2 && is(obj[n-2], "in") && (is(obj[n-1], "batch") || is(obj[n-1], "batches")) {
		obj = obj[:n-2]
		if !is(verb[0], "batch") {
			verb = append([]word{{text: "Batch"}}, verb...)
		}
	}
	obj = details(obj, loose)
	for i, w := range obj {
		if a, ok := abbreviations[strings.ToLower(w.text)]; ok {
			obj[i].text = a
		}
	}
	// A query is a List of several things or a Get of one, as SDKs
	// name them; so a page retitled from "Querying ECS Groups" to
	// "Listing ECS Groups" keeps its name.
	if v := &verb[len(verb)-1]; len(verb) == 1 || len(verb) == 2 && is(verb[0], "batch") {
		if was := strings.ToLower(v.text); reads[was] && len(obj) > 0 {
			v.text = "Get"
			if _, plural := singularWord(head(obj).text); plural || was == "list" {
				v.text = "List"
			}
		}
	}
	return append(verb, obj...)
}

// abbreviations are the short forms SDKs write for long words of titles.
var abbreviations = map[string]string{
	"specification": "Spec", "specifications": "Specs",
	"information": "Info", "configuration": "Config", "configurations": "Configs",
}

// reads are the verbs of an operation that reads. ("Obtaining" is not
// one: a seed token or a console address is obtained by a POST.)
var reads = map[string]bool{"query": true, "view": true, "list": true, "get": true}

// head is the last word of an object's first phrase ("ECSs" of "ECSs By
// Tag"): its plural makes a query a List.
func head(obj []word) word {
	for k := 1; k < len(obj); k++ {
		if prepositions[strings.ToLower(obj[k].text)] {
			return obj[k-1]
		}
	}
	return obj[len(obj)-1]
}

// fillers are words of a title's object that add nothing to a name: an
// operation on "a specified tag" is an operation on a tag, a "VNC-based
// address" is a VNC address.
var fillers = map[string]bool{"specified": true, "specific": true, "based": true}

// relatives start a relative clause, which a name leaves out ("the Target
// Flavors to Which an ECS Flavor Can Be Changed" → TargetFlavors).
var relatives = map[string]bool{"which": true, "whom": true, "whose": true, "that": true, "where": true}

// prepositions are the words that tie a title's phrases together.
var prepositions = map[string]bool{
	"about": true, "at": true, "between": true, "by": true, "for": true, "from": true, "in": true,
	"into": true, "of": true, "on": true, "to": true, "via": true, "with": true, "using": true,
	"and": true, "or": true, "through": true, "without": true, "under": true, "over": true,
}

func is(w word, lower string) bool { return strings.EqualFold(w.text, lower) }

// cutRelative drops a relative clause, with the preposition before it,
// where a word is left before it.
func cutRelative(obj []word) []word {
	for k := 1; k < len(obj); k++ {
		if !relatives[strings.ToLower(obj[k].text)] {
			continue
		}
		if prepositions[strings.ToLower(obj[k-1].text)] {
			k--
		}
		if k > 0 {
			return obj[:k]
		}
		break
	}
	return obj
}

// details rewrites "[W] Details About|Of X" and "[Brief|Detailed]
// Information About X": the details of one thing are the thing
// ("Details About an ECS" → ECS), the details of several are their
// Details ("Details About ECSs" → ECSDetails, "Detailed Information About
// Disks" → DiskDetails), W goes after X ("Flavor Details About an ECS" →
// ECSFlavorDetails); and X is reordered by [owned].
func details(obj []word, loose bool) []word {
	for d := 0; d+2 < len(obj); d++ {
		kind := strings.ToLower(obj[d].text)
		if kind != "details" && kind != "information" || !is(obj[d+1], "about") && !is(obj[d+1], "of") {
			continue
		}
		w, x := obj[:d], owned(obj[d+2:], loose)
		plural := kind == "details"
		if kind == "information" && len(w) > 0 {
			switch strings.ToLower(w[len(w)-1].text) {
			case "detailed":
				w, plural = w[:len(w)-1], true
			case "brief":
				w = w[:len(w)-1]
			}
		}
		out := append([]word(nil), x...)
		if plural && len(w) == 0 {
			last := &out[len(out)-1]
			s, ok := singularWord(last.text)
			if !ok {
				return out // one thing: its details are it
			}
			last.text = s
		}
		out = append(out, w...)
		if plural {
			out = append(out, word{text: "Details"})
		}
		return out
	}
	return owned(obj, loose)
}

// owned puts the owner of "X of|on|for Y" and "X attached to Y" first (YX:
// "Tags of an ECS" → ECSTags) where Y is one to three plain words, and of
// "X to|from Y" where Y is one word ("a NIC to an ECS" → ECSNIC), or up
// to three if loose; X is not empty and has no word of Y.
func owned(obj []word, loose bool) []word {
	for k := 1; k < len(obj)-1; k++ {
		at, limit := k+1, 3
		switch strings.ToLower(obj[k].text) {
		case "of", "on", "for":
		case "to", "from":
			if !loose {
				limit = 1 // "a NIC to an ECS"; not "an ECS to an ECS Group"
			}
		case "attached":
			if !is(obj[k+1], "to") {
				continue
			}
			at = k + 2
		default:
			continue
		}
		y := obj[at:]
		if len(y) == 0 || len(y) > limit || !plain(y) || !plain(obj[:k]) || shares(obj[:k], y) {
			return obj
		}
		// A quantifier stays in front: "All Tags of an ECS" → AllECSTags.
		x := obj[:k]
		var out []word
		if len(x) > 1 && quantifiers[strings.ToLower(x[0].text)] {
			out, x = append(out, x[0]), x[1:]
		}
		out = append(out, y...)
		return append(out, x...)
	}
	return obj
}

// quantifiers are the words that say which or how many of a thing.
var quantifiers = map[string]bool{"all": true, "single": true, "each": true, "every": true, "one": true}

// shares reports whether x and y have a word in common: "ECS from ECS
// Group" stays as it is.
func shares(x, y []word) bool {
	for _, a := range x {
		for _, b := range y {
			if strings.EqualFold(a.text, b.text) {
				return true
			}
		}
	}
	return false
}

// plain reports whether no word is a preposition, a conjunction or a
// gerund: a phrase that can move as a whole.
func plain(ws []word) bool {
	for _, w := range ws {
		l := strings.ToLower(w.text)
		if prepositions[l] || strings.HasSuffix(l, "ing") && len(l) > 4 {
			return false
		}
	}
	return true
}

// singularWord returns the singular of a plural title word ("ECSs" →
// "ECS", "Disks" → "Disk", "Policies" → "Policy") and true, or the word
// and false when it is not plural ("Status", "Address", "ECS", "EVS").
func singularWord(s string) (string, bool) {
	l, n := strings.ToLower(s), len(s)
	switch {
	case n < 3 || !strings.HasSuffix(s, "s"), strings.ToUpper(s) == s:
		return s, false
	case isUpper(rune(s[n-2])): // ECSs, NICs
		return s[:n-1], true
	case strings.HasSuffix(l, "ss"), strings.HasSuffix(l, "us"), strings.HasSuffix(l, "is"):
		return s, false
	case strings.HasSuffix(l, "ies") && n > 4:
		return s[:n-3] + "y", true
	case strings.HasSuffix(l, "sses"), strings.HasSuffix(l, "xes"), strings.HasSuffix(l, "ches"), strings.HasSuffix(l, "shes"):
		return s[:n-2], true
	}
	return s[:n-1], true
}

// Qualify puts the qualifier q in front of the Go name name, as a nested
// type's name is qualified by its parents: a name that starts with q
// stays as it is ("Server" + "ServerGroup" → ServerGroup), words that end
// q and start name are written once ("QuerySecurityGroup" +
// "SecurityGroupRule" → QuerySecurityGroupRule), where name keeps a word
// of its own.
func Qualify(q, name string) string {
	if q == "" || strings.HasPrefix(name, q) {
		return name
	}
	qw, nw := goWords(q), goWords(name)
	for k := min(len(qw), len(nw)-1); k > 0; k-- {
		if slices.Equal(qw[len(qw)-k:], nw[:k]) {
			return q + strings.Join(nw[k:], "")
		}
	}
	return q + name
}

// Words cuts a Go name into its words as [Exported] wrote them
// ("ECSsByTag" → ECSs, By, Tag; "IPv6Bandwidth" → IPv6, Bandwidth).
func Words(name string) []string { return goWords(name) }

func goWords(name string) []string {
	return defaultRules.camel([]rune(name))
}

// ObjectName returns the object of a stem made by [ShortNameFromTitle],
// less its verbs and in the singular, where it names the thing a nested
// type's name says: ListTargetFlavors and Flavor → TargetFlavor,
// ListSSHKeyPairs and Keypair → SSHKeyPair, GetSSHKeyPair and Keypair →
// SSHKeyPair. It returns false where the object does not end with name
// (ListECSs and Server), is name itself, or has a preposition
// (ListECSsByTag and Tag).
func ObjectName(stem, name string) (string, bool) {
	ws := goWords(stem)
	i := 1
	if len(ws) > 2 && verbModifiers[strings.ToLower(ws[0])] {
		i = 2
	}
	if len(ws) <= i {
		return "", false
	}
	obj := ws[i:]
	for _, w := range obj {
		if prepositions[strings.ToLower(w)] {
			return "", false
		}
	}
	last := obj[len(obj)-1]
	if s, ok := singularWord(last); ok {
		last = s
	}
	out := strings.Join(obj[:len(obj)-1], "") + last
	if len(out) <= len(name) || !strings.HasSuffix(strings.ToLower(out), strings.ToLower(name)) {
		return "", false
	}
	return out, true
}
