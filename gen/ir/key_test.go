package ir

import (
	"fmt"
	"hash/fnv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestKeysShortUnchanged(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{Key(OperationPlace("post", "/v1/{project_id}/cloudservers"), RootSegment("request", "")), "POST /v1/{project_id}/cloudservers request"},
		{Key("en-us_topic_0020212668.html", RootSegment("response", "202")), "en-us_topic_0020212668.html response/202"},
		{FieldKey("p request", "server", Object), "p request.server"},
		{FieldKey("p request.server", "nics", Array), "p request.server.nics[]"},
		{FieldKey("p request", "", MapOfV), "p request{}"},
		{FieldKey(strings.Repeat("a", MaxKeyLen-2), "b", Object), strings.Repeat("a", MaxKeyLen-2) + ".b"},
		{FieldPath("request", "server", Array), "request.server[]"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// chainKeys builds the keys of a chain of n nested fields by FieldKey and
// the whole keys by FieldPath.
func chainKeys(n int, field string) (keys, whole []string) {
	k := Key("chain.rst", "request")
	w := k
	for i := range n {
		kind := Object
		if i%3 == 1 {
			kind = Array
		}
		k, w = FieldKey(k, field, kind), FieldPath(w, field, kind)
		keys, whole = append(keys, k), append(whole, w)
	}
	return keys, whole
}

func TestKeysDeepBounded(t *testing.T) {
	for _, field := range []string{"next", "nächste_ebene", "x"} {
		keys, whole := chainKeys(400, field)
		seen := map[string]int{}
		for i, k := range keys {
			if len(whole[i]) <= MaxKeyLen {
				if k != whole[i] {
					t.Errorf("level %d: short key %q changed to %q", i, whole[i], k)
				}
				continue
			}
			if len(k) <= MaxKeyLen || len(k) > MaxKeyLen+len(hashMark)+16 {
				t.Errorf("level %d: long key has %d bytes: %q", i, len(k), k)
			}
			if !utf8.ValidString(k) || !strings.Contains(k, hashMark) || !strings.HasPrefix(whole[i], k[:strings.Index(k, hashMark)]) {
				t.Errorf("level %d: %q is not a prefix of the whole key and a hash", i, k)
			}
			// The same whole key, given at once, gives the same key.
			place, path, _ := strings.Cut(whole[i], " ")
			if b := Key(place, path); b != k {
				t.Errorf("level %d: built %q, given at once %q", i, k, b)
			}
			if j, ok := seen[k]; ok {
				t.Errorf("levels %d and %d share key %q", j, i, k)
			}
			seen[k] = i
		}
		if len(seen) < 300 {
			t.Errorf("%q: only %d long keys", field, len(seen))
		}
		again, _ := chainKeys(400, field)
		for i := range keys {
			if again[i] != keys[i] {
				t.Fatalf("level %d: %q then %q", i, keys[i], again[i])
			}
		}
	}
	// Paths that differ only past the prefix differ.
	long := strings.Repeat("p", MaxKeyLen)
	a, b := FieldKey(long, "a", Object), FieldKey(long, "b", Object)
	if a == b || FieldKey(a, "c", Object) == FieldKey(b, "c", Object) {
		t.Errorf("distinct long paths share keys: %q %q", a, b)
	}
}

// The hash a long key ends in is the 64-bit FNV-1a of the whole key, as
// the README says.
func TestKeyHashIsFNV1a(t *testing.T) {
	whole := "chain.rst request" + strings.Repeat(".next", 100)
	h := fnv.New64a()
	h.Write([]byte(whole))
	want := fmt.Sprintf("%s%s%016x", whole[:MaxKeyLen], hashMark, h.Sum64())
	place, path, _ := strings.Cut(whole, " ")
	if got := Key(place, path); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
