package resolve

import (
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/naming"
)

// blocks builds a description from a small markup: blocks separated by a
// blank line, "- " starting list items, **bold** and “literal“ runs.
func blocks(s string) []*doc.Block {
	var out []*doc.Block
	for _, chunk := range strings.Split(s, "\n\n") {
		if strings.HasPrefix(chunk, "- ") {
			list := &doc.Block{Kind: doc.List}
			for _, item := range strings.Split(chunk, "\n") {
				list.Items = append(list.Items, []*doc.Block{para(strings.TrimPrefix(item, "- "))})
			}
			out = append(out, list)
			continue
		}
		out = append(out, para(chunk))
	}
	return out
}

func para(s string) *doc.Block {
	b := &doc.Block{Kind: doc.Paragraph}
	kind := doc.Plain
	for s != "" {
		i := strings.IndexAny(s, "*`")
		if i < 0 || i+1 >= len(s) || s[i+1] != s[i] {
			b.Inlines = append(b.Inlines, &doc.Inline{Kind: kind, Text: s})
			break
		}
		if i > 0 {
			b.Inlines = append(b.Inlines, &doc.Inline{Kind: kind, Text: s[:i]})
		}
		switch {
		case kind != doc.Plain:
			kind = doc.Plain
		case s[i] == '*':
			kind = doc.Strong
		default:
			kind = doc.Literal
		}
		s = s[i+2:]
	}
	return b
}

// TestReadEnum holds each way the family writes a set of values (and each
// way it writes a list that is not one) to what is read: the values of
// each set ("a|b"), ";" between sets, "!reason" for a list left plain,
// "=default".
func TestReadEnum(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Its value can be **volume**, **image**, **snapshot**, or **blank**.", "volume|image|snapshot|blank"},
		{"The value can be **AUTO** or **MANUAL**.", "AUTO|MANUAL"},
		{"The value of this parameter can be **4** or **6**.", "4|6"},
		{"Enumerated values: **PER** (exclusive) and **WHOLE** (shared)", "PER|WHOLE"},
		{"Options: **asc** and **desc**", "asc|desc"},
		{"Possible values are **na**, **snapshot**, and **backup**. The default value is **na**.", "na|snapshot|backup =na"},
		{"The value can be set to **create** or **delete** only.", "create|delete"},
		{"The value can be 0: off, 1: low, 2: high.", "0|1|2"},
		{"Currently, the value can be **SSD**, **SAS**, or **co-p1**.", "SSD|SAS|co-p1"},
		{"- **ACTIVE**: running.\n- **SHUTOFF**: stopped.", "ACTIVE|SHUTOFF"},
		{"**Range**\n\n- **0**: **NOSTATE**\n- **1**: **RUNNING**", "0|1"},
		{"- BUILDING: being built.\n- DELETING: being deleted.", "BUILDING|DELETING"},
		{"Enumeration values:\n\n- **backup**\n- **restore**", "backup|restore"},
		{"The value can be:\n\n- **self** indicates a link.\n- **bookmark** indicates another.", "self|bookmark"},
		{"**Range**\n\nUP: normal.\n\nDOWN: abnormal.\n\nEmpty string: no host.", "UP|DOWN|"},
		{"Options:\n\nACTIVE, BUILD, and ERROR", "ACTIVE|BUILD|ERROR"},
		{"Enumeration values:\n\n- **time**", "time"},
		{"The options are as follows:\n\n- **gold**: fast.\n- **silver**: slow.", "gold|silver"},
		{"The following values are supported:\n\n- tcp: TCP.\n- Udp: UDP.", "tcp|Udp"},
		{"Value range:\n\n- **x**\n- **y**", "x|y"},
		// Not sets.
		{"The value can be a disk type, such as **SSD** or **SAS**.", "!examples (an open list)"},
		{"For example, the value can be **x86** or **arm**.", "!examples (an open list)"},
		{"Valid values include **a**, **b**, including **c**.", "!examples (an open list)"},
		{"Options are, e.g., **gold** and **silver**.", "!examples (an open list)"},
		{"The value can be **one**, **two**, ...", "!examples (an open list)"},
		{"The value can be **red**, **green**, etc.", "!examples (an open list)"},
		{"The value can be **icmp**, **tcp**, **udp**, or the IP protocol number.", "!an item is not a value"},
		{"For example, set them as follows:\n\n- **cond:a**: **on**\n- **cond:b**: **off**", "!examples (an open list)"},
		{"- **autorecovery**: supported.\n- **pause**: supported.\n- If absent, nothing is.", "!a list item is not a value"},
		{"The value is in the format of {type}:{count}.\n\n- **type**: the disk type.\n- **count**: how many.", "!parts of a format"},
		{"The value can be -1 or 1-99999.", ""},
		{"The value must be greater than zero.", ""},
		{"- Maximum: 10\n- Minimum: 1", ""},
		{"**Definition**\n\nThe value can be **vbs** or **cbr**.\n\nMinimum: **3**\n\nMaximum: **4**", "vbs|cbr"},
		{"NOTE: one.\n\nWARNING: two.", ""},
		// Contradictions are read as given; the caller compares.
		{"The value can be **x** or **y**.\n\n- **x**: ex\n- **z**: zed", "x|y;x|z"},
	}
	for _, tt := range tests {
		sets, defaults, not := readEnum(blocks(tt.in))
		var parts []string
		for _, s := range sets {
			var vs []string
			for _, v := range s.values {
				vs = append(vs, v.Value)
			}
			parts = append(parts, strings.Join(vs, "|"))
		}
		got := strings.Join(parts, ";")
		for _, n := range not {
			got += "!" + n.reason
		}
		for _, d := range defaults {
			got += " =" + d.Value
		}
		if got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestValueName: every value gets a valid name part, distinct for
// distinct values where the words differ.
func TestValueName(t *testing.T) {
	r := &resolver{settings: &settings{rules: naming.NewRules()}}
	tests := []struct{ in, want string }{
		{"volume", "Volume"}, {"co-p1", "CoP1"}, {"SHUTOFF", "ShutOff"}, {"SSD", "SSD"}, {"vault_delete", "VaultDelete"},
		{"2.0", "2_0"}, {"20", "20"}, {"-1", "Minus1"}, {"", "Empty"}, {"*", "Star"}, {"名前", "X名前"},
		{"+", "Plus"}, {"€", "U20AC"}, {"2xlarge", "2xlarge"},
		// Short upper-case words are words when English, else initialisms.
		{"DOWN", "Down"}, {"UP", "Up"}, {"AUTO", "Auto"}, {"VM", "VM"}, {"RAM", "RAM"}, {"GPU", "GPU"}, {"OK", "OK"},
	}
	for _, tt := range tests {
		if got := r.valueName(tt.in); got != tt.want {
			t.Errorf("valueName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]int{"Status": 1, "Type": 1, "Volumetype": 1, "VMState": 2, "DiskConfig": 2, "CondOperationStatus": 3, "X2": 1} {
		if got := words(in); got != want {
			t.Errorf("words(%q) = %d, want %d", in, got, want)
		}
	}
}
