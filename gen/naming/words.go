package naming

import (
	_ "embed"
	"strings"
)

// The English words come from a well-kept list, embedded so that rst2go
// needs nothing but Go: Debian's wamerican (SCOWL size 50), its lower-case
// words of three letters or more in byte order (see wordlist/README.md
// and wordlist/COPYRIGHT). It is searched in place: nothing is built when
// the program starts.
//
//go:embed wordlist/words.txt
var wordList string

// cloudWords are words of the APIs' own vocabulary that English lists lack
// or that must stay whole where the list would cut them ("metadata" is
// not "MetaData", "hostname" not "HostName"): the json names write them
// as one word, and so do the SDKs.
var cloudWords = map[string]bool{
	"autoscaling": true, "backend": true, "bootable": true, "keypairs": true, "traceback": true,
	"checksum": true, "config": true, "configs": true, "localhost": true, "timeout": true, "timeouts": true,
	"workflow": true, "workflows": true, "bandwidth": true, "dataset": true, "datastore": true,
	"endpoint": true, "failover": true, "filesystem": true, "firewall": true, "frontend": true,
	"hostname": true, "hypervisor": true, "keypair": true, "keystone": true, "lifecycle": true,
	"metadata": true, "microversion": true, "multiattach": true, "namespace": true, "netmask": true,
	"nodepool": true, "passwd": true, "pathname": true, "quota": true, "runtime": true,
	"snapshot": true, "subnet": true, "subnets": true, "tenant": true, "timestamp": true, "timezone": true,
	"userdata": true, "username": true, "vcpus": true, "webhook": true,
	"whitelist": true, "blacklist": true, "workload": true, "workspace": true,
}

// suffixWords are English suffixes that are also words ("able", "less"):
// never a part of a run-together name after its first.
var suffixWords = map[string]bool{
	"able": true, "ible": true, "less": true, "ness": true, "ment": true, "ments": true, "ship": true,
	"ward": true, "wards": true, "wise": true, "like": true, "ful": true, "ism": true, "ist": true,
	"ity": true, "ion": true, "ions": true, "ing": true, "ings": true, "ally": true, "ably": true,
}

func lowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// IsWord reports whether a lower-case word is in the dictionary the
// splitter uses: the English list (words of three letters or more) and
// the cloud words.
func IsWord(w string) bool { return cloudWords[w] || inList(wordList, w) }

// inList binary-searches a list of lines in byte order for w.
func inList(list, w string) bool {
	lo, hi := 0, len(list) // list[lo:hi] starts at a line start
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(list[lo:mid], '\n') + 1 + lo
		end := strings.IndexByte(list[start:hi], '\n')
		if end < 0 {
			end = hi
		} else {
			end += start
		}
		switch line := list[start:end]; {
		case line == w:
			return true
		case line < w:
			lo = end + 1
		default:
			hi = start
		}
	}
	return false
}

// splitRun cuts a run-together lower-case word ("publicip", "subnetid",
// "flavorref") into the fewest parts that are each a dictionary word or an
// initialism, or returns nil when the word is a word itself, is short, or
// cannot be cut so. Among cuts into as many parts, the one whose first part
// is longest wins ("sharetype" is share+type).
func (r *Rules) splitRun(w string) []string {
	if len(w) < 5 || len(w) > 40 || !lowerASCII(w) || r.initialisms[w] != "" || IsWord(w) {
		return nil
	}
	part := func(s string) bool {
		return r.initialisms[s] != "" || len(s) >= 3 && IsWord(s) ||
			len(s) > 2 && s[len(s)-1] == 's' && r.initialisms[s[:len(s)-1]] != "" // IPs
	}
	// A suffix that makes a word of another is never a word of its own
	// after one: attachable is not attach+able, stateless not
	// state+less (the list lacks many such derived words).
	later := func(s string) bool { return part(s) && !suffixWords[s] }
	// best[i] is the fewest parts w[i:] cuts into (0: cannot), next[i]
	// where the first of them ends.
	n := len(w)
	best := make([]int, n+1)
	next := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		for j := n; j > i; j-- { // longest first part first
			if (j == n || best[j] > 0) && (i == 0 && part(w[i:j]) || i > 0 && later(w[i:j])) {
				if c := 1 + best[j]; best[i] == 0 || c < best[i] {
					best[i], next[i] = c, j
				}
			}
		}
	}
	if best[0] < 2 {
		return nil
	}
	var parts []string
	for i := 0; i < n; i = next[i] {
		parts = append(parts, w[i:next[i]])
	}
	return parts
}
