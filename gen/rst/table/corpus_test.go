package table

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	goldenfiles "github.com/rst2go/rst2go/gen/golden"
)

// corpusDirs are the folders of real pages under the corpus root.
var corpusDirs = []string{"ecs/rst", "ecs-2022/rst", "cbr/rst"}

// TestCorpusTables isolates and parses every table of the real pages: each
// line that starts (after spaces) a grid table border or a simple table top
// border and follows a blank line. None may fail, and every table must keep
// the invariants the fuzz test checks. docutils 0.19 isolates and parses
// the same 958 grid and 495 simple tables in these pages without error,
// and gives the same cells.
func TestCorpusTables(t *testing.T) {
	root := goldenfiles.CorpusDir(t)
	var files, grids, simples, cells, bytes int
	for _, dir := range corpusDirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rst") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files++
			bytes += len(data)
			lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
			for i := 0; i < len(lines); i++ {
				if i > 0 && strings.TrimSpace(lines[i-1]) != "" {
					continue
				}
				rest := strings.TrimLeft(lines[i], " ")
				isGrid := strings.HasPrefix(rest, "+-")
				if !isGrid && !isSimpleTop(strings.TrimRight(rest, " ")) {
					continue
				}
				isolate, parse := SimpleLines, ParseSimple
				if isGrid {
					isolate, parse = GridLines, ParseGrid
				}
				n, err := isolate(lines[i:])
				if err != nil {
					t.Errorf("%s:%d: %v", path, i+1+errLine(err), err)
					continue
				}
				tab, err := parse(lines[i : i+n])
				if err != nil {
					t.Errorf("%s:%d: %v", path, i+1+errLine(err), err)
					continue
				}
				checkInvariants(t, lines[i:i+n], tab)
				if isGrid {
					grids++
				} else {
					simples++
				}
				for _, row := range tab.Rows {
					for _, c := range row {
						if c != nil {
							cells++
						}
					}
				}
				i += n - 1
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d files, %d bytes: %d grid tables, %d simple tables, %d cells", files, bytes, grids, simples, cells)
	if grids+simples == 0 {
		t.Errorf("no tables found under %s", root)
	}
}

// errLine returns the 0-based line an *Error points at, or 0.
func errLine(err error) int {
	if e, ok := err.(*Error); ok {
		return e.Line
	}
	return 0
}
