package gen

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16be(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func TestCheckEncoding(t *testing.T) {
	page := "Title\n=====\n\nSome text.\n"
	for _, tc := range []struct {
		name string
		data []byte
		want string // in the message; "" for no warning
		pos  string
	}{
		{"utf8", []byte(page), "", ""},
		{"utf8 bom", append([]byte{0xef, 0xbb, 0xbf}, page...), "", ""},
		{"empty", nil, "", ""},
		{"utf16le bom", utf16le(page, true), "UTF-16 (little-endian, byte order mark)", "p.rst:1:1"},
		{"utf16le", utf16le(page, false), "UTF-16 (little-endian, no byte order mark)", "p.rst:1:1"},
		{"utf16be", utf16be(page), "UTF-16 (big-endian, no byte order mark)", "p.rst:1:1"},
		{"utf16be bom", append([]byte{0xfe, 0xff}, utf16be(page)...), "UTF-16 (big-endian, byte order mark)", "p.rst:1:1"},
		{"utf32le", append([]byte{0xff, 0xfe, 0, 0}, 'T', 0, 0, 0), "UTF-32 (little-endian", "p.rst:1:1"},
		{"latin1", []byte("Title\n=====\n\nCaf\xe9 cr\xe8me.\n"), "2 invalid byte(s)", "p.rst:4:4"},
	} {
		d, ok := checkEncoding("p.rst", tc.data)
		if tc.want == "" {
			if ok {
				t.Errorf("%s: unexpected warning %s", tc.name, d)
			}
			continue
		}
		if !ok || !strings.Contains(d.Message, tc.want) || d.Pos.String() != tc.pos || d.Code != "encoding" {
			t.Errorf("%s: got %v %s, want %q at %s", tc.name, ok, d, tc.want, tc.pos)
		}
	}
}
