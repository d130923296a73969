package resolve

import (
	"fmt"
	"slices"
	"testing"

	"github.com/rst2go/rst2go/gen/doc"
)

// TestTitleIndex: the index finds exactly the tables a scan of every
// title finds, in document order, for names of every shape: one word,
// several, punctuation first or inside, non-ASCII, a word that is only
// part of a title's word, and numbers.
func TestTitleIndex(t *testing.T) {
	titles := []struct{ title, caption string }{
		{"Table 1 Request body parameters", ""},
		{"Table 2 server field description", ""},
		{"Table 3 Server Tags", ""},
		{"Table 4 servers", "Normal response"},
		{"Table 5 os-extended-volumes:volumes_attached", ""},
		{"Table 6 [items] description", ""},
		{"Table 7 métadonnées", ""},
		{"Table 8 ServerGroup", ""},
		{"Table 2 server", "POST /v1/{project_id}/servers"},
		{"Description of tags", "tags"},
		{"", "server_tags field"},
		{"Table 10 data structure", ""},
	}
	page := &doc.Page{}
	for _, tt := range titles {
		page.Tables = append(page.Tables, &doc.Table{Kind: doc.Parameters, Title: tt.title, Caption: tt.caption})
	}
	page.Tables = append(page.Tables, &doc.Table{Kind: doc.Other, Title: "Table 11 server"})
	ix := newTitleIndex(page)
	found := 0
	for _, names := range [][]string{
		{"server"}, {"Server"}, {" servers "}, {"server tags"}, {"tags"}, {"server_tags"},
		{"os-extended-volumes:volumes_attached"}, {"volumes_attached"}, {"os"}, {"[items]"}, {"items"},
		{"métadonnées"}, {"servergroup"}, {"group"}, {"serv"}, {"project_id"}, {"data structure"},
		{"", "tags"}, {"server", "tags"}, {"nothing", "at all"}, {"2"}, {"table"},
	} {
		var want []*doc.Table
		for _, tb := range page.Tables {
			if tb.Kind == doc.Parameters && textNames(titleText(tb), names) {
				want = append(want, tb)
			}
		}
		if len(want) > 0 {
			found++
		}
		if got := ix.naming(names); !slices.Equal(got, want) {
			t.Errorf("naming(%q) = %s, want %s", names, titlesOf(got), titlesOf(want))
		}
	}
	if found < 15 {
		t.Errorf("only %d of the names are in a title: the test compares too little", found)
	}
	if got := ix.numbered("2"); len(got) != 2 || got[0] != page.Tables[1] || got[1] != page.Tables[8] {
		t.Errorf(`numbered("2") = %s`, titlesOf(got))
	}
	if got := ix.numbered("11"); len(got) != 0 {
		t.Errorf(`numbered("11") = %s, want none (not a parameter table)`, titlesOf(got))
	}
}

func titlesOf(tables []*doc.Table) string {
	var s []string
	for _, t := range tables {
		s = append(s, t.Title+"|"+t.Caption)
	}
	return fmt.Sprintf("%q", s)
}
