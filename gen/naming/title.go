package naming

import "strings"

// TypeNameFromTitle turns a page or section title into a type-name stem by
// the default rules: "Creating ECSs" → "CreateECSs", "Querying Details About
// an ECS" → "QueryDetailsAboutECS", "Responses (Batch Operation)" →
// "ResponsesBatchOperation". See the package documentation for the rules.
// It returns "" when the title has no letter or digit.
func TypeNameFromTitle(title string) string { return defaultRules.TypeNameFromTitle(title) }

// TypeNameFromTitle is [TypeNameFromTitle] with the initialisms of r.
func (r *Rules) TypeNameFromTitle(title string) string {
	r = r.orDefault()
	words, _ := r.titleWords(title)
	return r.join(words)
}

// titleWords cuts a title into words less its articles, with the leading
// gerunds turned into base verbs, and returns the index of the first word
// after the verbs (0 when the title does not start with one).
func (r *Rules) titleWords(title string) ([]word, int) {
	words := r.split(title, false)

	// Articles go, unless one is the last word ("Appendix A").
	// The separators of a dropped article go to the next word.
	kept := words[:0]
	var carry strings.Builder
	for i, w := range words {
		if i < len(words)-1 && articles[strings.ToLower(w.text)] {
			carry.WriteString(w.sep)
			carry.WriteString(" ")
			continue
		}
		if carry.Len() > 0 {
			carry.WriteString(w.sep)
			w.sep = carry.String()
			carry.Reset()
		}
		kept = append(kept, w)
	}
	words = kept

	// A leading gerund, after an optional "Batch" (or another of
	// verbModifiers), becomes the base verb,
	// and so do gerunds joined to it ("Adding and Deleting Tags",
	// "Binding/Unbinding an EIP").
	i := 0
	if len(words) > 1 && verbModifiers[strings.ToLower(words[0].text)] {
		i = 1
	}
	end := 0
	if i < len(words)-1 {
		if base, ok := baseVerb(words[i].text); ok {
			words[i].text = base
			j := i + 1
			for j < len(words) {
				if j+1 < len(words) && conjunctions[strings.ToLower(words[j].text)] {
					if base, ok := baseVerb(words[j+1].text); ok {
						words[j+1].text = base
						j += 2
						continue
					}
				}
				if strings.ContainsAny(words[j].sep, "/&,+") {
					if base, ok := baseVerb(words[j].text); ok {
						words[j].text = base
						j++
						continue
					}
				}
				break
			}
			end = j
		}
	}
	return words, end
}

var articles = map[string]bool{"a": true, "an": true, "the": true}

// verbModifiers are words that may come before a title's leading gerund
// ("Batch Starting ECSs", "Cold Migrating an ECS").
var verbModifiers = map[string]bool{"batch": true, "cold": true, "live": true, "forcibly": true}

var conjunctions = map[string]bool{"and": true, "or": true}

// baseVerb returns the base form of a gerund ("Creating" → "create",
// "Stopping" → "stop", "Querying" → "query"), in lower case, and whether
// word is a gerund at all. See the package documentation for the rules.
func baseVerb(word string) (string, bool) {
	w := strings.ToLower(word)
	if base, ok := verbs[w]; ok {
		return base, true
	}
	if notVerbs[w] || !strings.HasSuffix(w, "ing") {
		return "", false
	}
	s := w[:len(w)-3]
	if len(s) < 2 || !strings.ContainsAny(s, "aeiouy") {
		return "", false // bring, string, thing, ping
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return "", false
		}
	}
	return stemToVerb(s), true
}

// stemToVerb turns what is left of a gerund without "ing" into the verb.
func stemToVerb(s string) string {
	n := len(s)
	last, prev := s[n-1], s[n-2]
	var prev2 byte // the letter before prev, or 0
	if n >= 3 {
		prev2 = s[n-3]
	}

	// A doubled final consonant: ll, ss, zz and ff belong to the verb
	// (install, process, buzz, diff); others were doubled by -ing
	// (stopping, setting, mapping, transferring).
	if last == prev && !isVowel(last) {
		if strings.IndexByte("lszf", last) >= 0 {
			return s
		}
		return s[:n-1]
	}

	// The final "e" that -ing removed, where English spelling leaves no
	// doubt it was there.
	// consonantVowel: the stem ends consonant, single vowel, consonant
	// ("-vid", "-typ"); the "u" of "qu" counts as a consonant ("acquir").
	consonantVowel := (isVowel(prev) || prev == 'y') && prev2 != 0 &&
		(!isVowel(prev2) || prev2 == 'u' && n >= 4 && s[n-4] == 'q')
	e := false
	switch last {
	case 'v', 'u', 'c': // remove, queue, replace
		e = true
	case 'z': // resize, freeze, analyze
		e = isVowel(prev) || prev == 'y'
	case 's': // use, close, release, parse, license, collapse
		e = isVowel(prev) || strings.IndexByte("nrp", prev) >= 0
	case 'l': // handle, enable, cycle; file, schedule, console, style
		e = strings.IndexByte("bcdgkptz", prev) >= 0 ||
			consonantVowel && strings.IndexByte("iouy", prev) >= 0
	case 't': // migrate, associate, evacuate; execute, compute
		e = prev == 'a' && prev2 != 0 && strings.IndexByte("aeo", prev2) < 0 ||
			prev == 'u' && consonantVowel
	case 'r': // configure, require, declare
		e = consonantVowel && strings.IndexByte("iua", prev) >= 0
	case 'n': // define, combine, tune
		e = consonantVowel && strings.IndexByte("iu", prev) >= 0
	case 'g': // manage, merge, bridge, change (not bring, belong)
		e = strings.IndexByte("ard", prev) >= 0 ||
			prev == 'n' && prev2 != 0 && strings.IndexByte("aeu", prev2) >= 0
	case 'd', 'b', 'k', 'm', 'p': // provide, describe, invoke, name, type
		e = consonantVowel
	}
	if e {
		return s + "e"
	}
	return s
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// verbs maps the gerunds of common API operations to their base verbs. It
// lists the verbs the docs use most, and those the rules of stemToVerb get
// wrong (adding, creating, deleting, restoring, scaling, cancelling, ...).
var verbs = map[string]string{
	"accepting":      "accept",
	"activating":     "activate",
	"adding":         "add",
	"allocating":     "allocate",
	"applying":       "apply",
	"approving":      "approve",
	"archiving":      "archive",
	"assigning":      "assign",
	"associating":    "associate",
	"attaching":      "attach",
	"authorizing":    "authorize",
	"backing":        "back",
	"binding":        "bind",
	"booting":        "boot",
	"caching":        "cache",
	"canceling":      "cancel",
	"cancelling":     "cancel",
	"changing":       "change",
	"checking":       "check",
	"cloning":        "clone",
	"closing":        "close",
	"completing":     "complete",
	"configuring":    "configure",
	"confirming":     "confirm",
	"controlling":    "control",
	"converting":     "convert",
	"copying":        "copy",
	"creating":       "create",
	"deactivating":   "deactivate",
	"decrypting":     "decrypt",
	"deleting":       "delete",
	"deploying":      "deploy",
	"deregistering":  "deregister",
	"describing":     "describe",
	"detaching":      "detach",
	"developing":     "develop",
	"diagnosing":     "diagnose",
	"disabling":      "disable",
	"disassociating": "disassociate",
	"downgrading":    "downgrade",
	"downloading":    "download",
	"editing":        "edit",
	"enabling":       "enable",
	"encrypting":     "encrypt",
	"evacuating":     "evacuate",
	"executing":      "execute",
	"expanding":      "expand",
	"exploring":      "explore",
	"exporting":      "export",
	"extending":      "extend",
	"filtering":      "filter",
	"focusing":       "focus",
	"freezing":       "freeze",
	"generating":     "generate",
	"getting":        "get",
	"granting":       "grant",
	"hanging":        "hang",
	"ignoring":       "ignore",
	"importing":      "import",
	"initializing":   "initialize",
	"injecting":      "inject",
	"installing":     "install",
	"invoking":       "invoke",
	"inviting":       "invite",
	"labeling":       "label",
	"labelling":      "label",
	"listing":        "list",
	"locking":        "lock",
	"logging":        "log",
	"managing":       "manage",
	"mapping":        "map",
	"migrating":      "migrate",
	"modelling":      "model",
	"modifying":      "modify",
	"monitoring":     "monitor",
	"mounting":       "mount",
	"obtaining":      "obtain",
	"opening":        "open",
	"pausing":        "pause",
	"promoting":      "promote",
	"provisioning":   "provision",
	"purging":        "purge",
	"querying":       "query",
	"quoting":        "quote",
	"rebooting":      "reboot",
	"rebuilding":     "rebuild",
	"reclaiming":     "reclaim",
	"recreating":     "recreate",
	"recovering":     "recover",
	"refreshing":     "refresh",
	"registering":    "register",
	"reinstalling":   "reinstall",
	"rejecting":      "reject",
	"releasing":      "release",
	"removing":       "remove",
	"renaming":       "rename",
	"replacing":      "replace",
	"replicating":    "replicate",
	"resetting":      "reset",
	"resizing":       "resize",
	"restarting":     "restart",
	"restoring":      "restore",
	"resuming":       "resume",
	"retrying":       "retry",
	"retrieving":     "retrieve",
	"reverting":      "revert",
	"revoking":       "revoke",
	"rolling":        "roll",
	"rotating":       "rotate",
	"routing":        "route",
	"running":        "run",
	"saving":         "save",
	"scaling":        "scale",
	"scheduling":     "schedule",
	"scoring":        "score",
	"searching":      "search",
	"setting":        "set",
	"sharing":        "share",
	"shrinking":      "shrink",
	"shutting":       "shut",
	"specifying":     "specify",
	"starting":       "start",
	"stopping":       "stop",
	"storing":        "store",
	"submitting":     "submit",
	"subscribing":    "subscribe",
	"suspending":     "suspend",
	"switching":      "switch",
	"synchronizing":  "synchronize",
	"syncing":        "sync",
	"tagging":        "tag",
	"terminating":    "terminate",
	"transferring":   "transfer",
	"unbinding":      "unbind",
	"unfreezing":     "unfreeze",
	"uninstalling":   "uninstall",
	"unlocking":      "unlock",
	"unmounting":     "unmount",
	"unregistering":  "unregister",
	"unsubscribing":  "unsubscribe",
	"updating":       "update",
	"upgrading":      "upgrade",
	"uploading":      "upload",
	"using":          "use",
	"validating":     "validate",
	"verifying":      "verify",
	"viewing":        "view",
	"voting":         "vote",
	"writing":        "write",
	"zoning":         "zone",
}

// notVerbs are words ending in "ing" that begin titles without being the
// gerund of an operation: they stay as they are.
var notVerbs = map[string]bool{
	"anything":   true,
	"billing":    true,
	"ceiling":    true,
	"during":     true,
	"evening":    true,
	"everything": true,
	"existing":   true,
	"following":  true,
	"incoming":   true,
	"missing":    true,
	"morning":    true,
	"networking": true,
	"nothing":    true,
	"ongoing":    true,
	"outgoing":   true,
	"pending":    true,
	"pricing":    true,
	"remaining":  true,
	"sibling":    true,
	"something":  true,
	"trending":   true,
	"upcoming":   true,
	"warning":    true,
}
