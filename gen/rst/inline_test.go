package rst

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
	_ "github.com/rst2go/rst2go/gen/golden"
)

// show prints inlines compactly: text as is, markup as kind(text), refs
// as ref(text→target).
func show(in []*doc.Inline) string {
	var b strings.Builder
	for _, x := range in {
		switch x.Kind {
		case doc.Plain:
			b.WriteString(x.Text)
		case doc.Link:
			r := x.Ref
			target := r.Label
			if r.Page != "" {
				target = r.Page + "#" + r.Label
			}
			if r.URL != "" {
				target = r.URL
			}
			fmt.Fprintf(&b, "ref(%s→%s)", x.Text, target)
		default:
			fmt.Fprintf(&b, "%s(%s)", x.Kind, x.Text)
		}
	}
	return b.String()
}

func TestInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"**Definition**", "strong(Definition)"},
		{"a *word* here", "a emphasis(word) here"},
		{"``x = 1``.", "literal(x = 1)."},
		{"see :ref:`Table 3 <en-us_topic_01__table3>`.", "see ref(Table 3→en-us_topic_01__table3)."},
		{":ref:`Label_Only`", "ref(Label_Only→label_only)"},
		{"see `Table 1 <#ENUSTOPIC0142195139table849372311389>`__.", "see ref(Table 1→enustopic0142195139table849372311389)."},
		{"`x <../data/shared.html#anchor1>`__", "ref(x→../data/shared.html#anchor1)"},
		{"`Creating an ECS <apis/creating_an_ecs.html>`__", "ref(Creating an ECS→apis/creating_an_ecs.html#)"},
		{"`docs <https://example.com/a>`_", "ref(docs→https://example.com/a)"},
		{"`Named Target`_", "ref(Named Target→named target)"},
		{"Array of :ref:`Tag <ShowVault__Tag>` objects", "Array of ref(Tag→showvault__tag) objects"},
		{"Map<String,\\ :ref:`X <lx>`>", "Map<String,ref(X→lx)>"},
		{"\\__time_\\_", "__time__"},
		{"2*3*4 is not emphasis", "2*3*4 is not emphasis"},
		{"a ** b", "a ** b"},
		{"**bold** and *it*", "strong(bold) and emphasis(it)"},
		{":abbr:`ECS (Elastic Cloud Server)`", "ECS (Elastic Cloud Server)"},
		{"unclosed **bold", "unclosed **bold"},
		{"`interpreted`", "emphasis(interpreted)"},
		{"**OS::Nova::Server**", "strong(OS::Nova::Server)"},
		{"x\\", "x"},
	}
	for _, tt := range tests {
		p := newParagraphText("t.rst", []line{{text: tt.in, num: 1}})
		if got := show(parseInlines(&p)); got != tt.want {
			t.Errorf("parseInlines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInlineRefPosition(t *testing.T) {
	lines := []line{{text: "first line", num: 7, col: 4}, {text: "then :ref:`x <y>`", num: 8, col: 4}}
	p := newParagraphText("t.rst", lines)
	in := parseInlines(&p)
	for _, x := range in {
		if x.Ref != nil {
			if got := x.Ref.Pos.String(); got != "t.rst:8:10" {
				t.Errorf("ref position %s, want t.rst:8:10", got)
			}
			return
		}
	}
	t.Fatal("no reference found")
}
