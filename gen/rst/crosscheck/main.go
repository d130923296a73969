// Command crosscheck compares the RST reader's tables with docutils' own
// reading of the same pages (the JSON lines printed by
// shared/tools/docutils-tables.py) and reports the agreement: tables found,
// headers, body rows and every cell's text, with the first differences.
//
//	crosscheck -oracle tables.jsonl DIR...
//
// make crosscheck runs it over the whole corpus. It is a development tool,
// not part of make test: it needs Python and docutils.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/rst"
)

// oracleTable is one line of docutils-tables.py's output (the fields used).
type oracleTable struct {
	File   string      `json:"file"`
	Line   int         `json:"line"`
	Labels []string    `json:"labels"`
	Title  *string     `json:"title"`
	Header []string    `json:"header"`
	Rows   [][]*string `json:"rows"`
	Depth  int         `json:"depth"`
}

func main() {
	oracle := flag.String("oracle", "", "docutils-tables.py output (JSON lines)")
	show := flag.Int("show", 20, "how many differences to print")
	flag.Parse()
	if *oracle == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: crosscheck -oracle tables.jsonl DIR...")
		os.Exit(2)
	}
	want, err := readOracle(*oracle)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crosscheck:", err)
		os.Exit(1)
	}
	ours := map[string]*doc.Table{}
	for _, dir := range flag.Args() {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rst") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			page, _ := rst.Read(p, src)
			for _, t := range page.Tables {
				ours[key(p, t.Pos.Line)] = t
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "crosscheck:", err)
			os.Exit(1)
		}
	}
	var s stats
	var diffs []string
	for _, w := range want {
		if w.Depth > 0 {
			s.nested++
			continue
		}
		s.tables++
		got := ours[key(w.File, w.Line)]
		if got == nil {
			diffs = append(diffs, fmt.Sprintf("%s:%d: table not found", w.File, w.Line))
			continue
		}
		delete(ours, key(w.File, w.Line))
		s.found++
		ok := true
		if !slices.Equal(got.Header, w.Header) {
			ok = false
			diffs = append(diffs, fmt.Sprintf("%s:%d: header %q, docutils %q", w.File, w.Line, got.Header, w.Header))
		}
		if !slices.Equal(got.Labels, normalized(w.Labels)) && !sameSet(got.Labels, normalized(w.Labels)) {
			ok = false
			diffs = append(diffs, fmt.Sprintf("%s:%d: labels %q, docutils %q", w.File, w.Line, got.Labels, w.Labels))
		}
		wantTitle := ""
		if w.Title != nil {
			wantTitle = *w.Title
		}
		if gotTitle := titleOf(got, wantTitle != ""); gotTitle != wantTitle {
			ok = false
			diffs = append(diffs, fmt.Sprintf("%s:%d: title %q, docutils %q", w.File, w.Line, gotTitle, wantTitle))
		}
		s.rows += len(w.Rows)
		if len(got.Rows) != len(w.Rows) {
			ok = false
			diffs = append(diffs, fmt.Sprintf("%s:%d: %d rows, docutils %d", w.File, w.Line, len(got.Rows), len(w.Rows)))
		}
		for r := 0; r < min(len(got.Rows), len(w.Rows)); r++ {
			rowOK := true
			for c, wc := range w.Rows[r] {
				s.cells++
				gc := ""
				if c < len(got.Rows[r].Cells) {
					gc = got.Rows[r].Cells[c].Text()
				}
				wantText := ""
				if wc != nil {
					wantText = *wc
				}
				if gc == wantText {
					s.cellsOK++
					continue
				}
				rowOK = false
				diffs = append(diffs, fmt.Sprintf("%s:%d: row %d col %d:\n   ours     %q\n   docutils %q", w.File, w.Line, r+1, c+1, gc, wantText))
			}
			if rowOK {
				s.rowsOK++
			}
			ok = ok && rowOK
		}
		if ok {
			s.tablesOK++
		}
	}
	extra := slices.Sorted(func(yield func(string) bool) {
		for k := range ours {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range extra {
		diffs = append(diffs, k+": table docutils does not see")
	}
	for i, d := range diffs {
		if i == *show {
			fmt.Printf("... and %d more differences\n", len(diffs)-i)
			break
		}
		fmt.Println(d)
	}
	fmt.Printf("tables: %d of %d found, %d identical (title, labels, header, every cell); %d extra; %d nested tables in cells not compared\n",
		s.found, s.tables, s.tablesOK, len(extra), s.nested)
	fmt.Printf("rows:   %d of %d identical\ncells:  %d of %d identical\n", s.rowsOK, s.rows, s.cellsOK, s.cells)
	if len(diffs) > 0 {
		os.Exit(1)
	}
}

type stats struct {
	tables, found, tablesOK, nested, rows, rowsOK, cells, cellsOK int
}

func key(file string, line int) string { return fmt.Sprintf("%s:%d", filepath.Clean(file), line) }

// titleOf is the title as docutils-tables.py reports it: the table's own
// title, else the caption paragraph right before it. Our Caption may also
// come from an enclosing list item, which docutils-tables.py does not
// report, so it is compared only where docutils has a title.
func titleOf(t *doc.Table, docutilsHasTitle bool) string {
	if t.Title != "" || !docutilsHasTitle {
		return t.Title
	}
	return t.Caption
}

func normalized(labels []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = doc.NormalizeLabel(l)
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

func readOracle(path string) ([]oracleTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []oracleTable
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var t oracleTable
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, sc.Err()
}
