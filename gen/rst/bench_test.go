package rst

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rst2go/rst2go/gen/golden"
)

// The reader's benchmarks: every RST folder of the corpus, the spec page,
// and synthetic pages in two sizes each, a long page of many small
// sections and a page of one long table, so that equal MB/s across sizes
// shows the cost is linear in the input.
//
//	go test -run '^$' -bench Read -benchmem ./gen/rst

// corpusDir is the folder of real documentation pages (see
// golden.CorpusDir).
func corpusDir(tb testing.TB) string { return golden.CorpusDir(tb) }

type page struct {
	path string
	src  []byte
}

// readPages reads every .rst file under dir.
func readPages(b *testing.B, dir string) (pages []page, size int64) {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".rst" {
			return err
		}
		src, err := os.ReadFile(p)
		pages = append(pages, page{p, src})
		size += int64(len(src))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(pages) == 0 {
		b.Skipf("no .rst pages in %s", dir)
	}
	return pages, size
}

func benchPages(b *testing.B, pages []page, size int64) {
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			Read(p.path, p.src)
		}
	}
}

// BenchmarkRead reads each RST folder of the corpus, page by page on one
// goroutine, and the spec page.
func BenchmarkRead(b *testing.B) {
	for _, folder := range []string{"ecs/rst", "ecs-2022/rst", "cbr/rst"} {
		b.Run(strings.ReplaceAll(folder, "/", "_"), func(b *testing.B) {
			pages, size := readPages(b, filepath.Join(corpusDir(b), folder))
			benchPages(b, pages, size)
		})
	}
	b.Run("spec", func(b *testing.B) {
		pages, size := readPages(b, filepath.Join("..", "..", "spec"))
		benchPages(b, pages, size)
	})
}

// BenchmarkReadLarge reads synthetic pages: many API sections (tables,
// lists, code, inline markup), and one parameter table of many rows.
func BenchmarkReadLarge(b *testing.B) {
	for _, bc := range []struct {
		name string
		src  func() []byte
	}{
		{"sections=5MB", func() []byte { return longPage(5 << 20) }},
		{"sections=50MB", func() []byte { return longPage(50 << 20) }},
		{"table=1000rows", func() []byte { return tablePage(1000) }},
		{"table=10000rows", func() []byte { return tablePage(10000) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			src := bc.src()
			benchPages(b, []page{{"synthetic.rst", src}}, int64(len(src)))
		})
	}
}

// apiSection is one API of a synthetic page, shaped like the corpus: a
// section with a label, a paragraph with inline markup, a URI block, a
// bullet list with a table in a block quote, a titled grid table whose
// cells hold Definition/Range blocks and references, a simple table and a
// JSON example. %[1]d numbers everything that must be unique.
const apiSection = `.. _api_%[1]d:

Querying Servers %[1]d
=======================

Function
--------

This API is used to query **servers** in *batch*. See :ref:` + "`Table %[1]d <tab_%[1]d>`" + ` and ` + "`Data <#data_%[1]d>`__" + ` for ` + "``details``" + `.
The request returns a job ID; poll it until the job ends.

URI
---

GET /v1/{project_id}/cloudservers/%[1]d

-  Normal responses

   .. _tab_%[1]d:

   .. table:: **Table %[1]d** Response body parameters

      +-----------------------+-----------+------------------+------------------------------------------------------------+
      | Parameter             | Mandatory | Type             | Description                                                |
      +=======================+===========+==================+============================================================+
      | server_%-14[1]d | Yes       | Array of objects | Specifies the ECS details. For details, see                |
      |                       |           |                  | :ref:` + "`Table 2 <en-us_topic_002021__table1>`" + `.               |
      |                       |           |                  |                                                            |
      |                       |           |                  | **Definition**                                             |
      |                       |           |                  |                                                            |
      |                       |           |                  | The value ≥ 1 and ≤ 1000 (in MiB), defaults to 20.         |
      +-----------------------+-----------+------------------+------------------------------------------------------------+
      | name                  | No        | String           | -  **true**: the disk is shared.                           |
      |                       |           |                  | -  **false**: the disk is not shared.                      |
      +-----------------------+-----------+------------------+------------------------------------------------------------+
      | count                 | No        | Integer          | **Range**                                                  |
      |                       |           |                  |                                                            |
      |                       |           |                  | 1 to 255                                                   |
      +-----------------------+-----------+------------------+------------------------------------------------------------+

.. _data_%[1]d:

=========== =========================================
Status Code Description
=========== =========================================
200         OK
400         Bad request, see ` + "`Errors <errors.html#codes>`_" + `.
=========== =========================================

Example response

.. code-block:: json

   {
       "job_id": "70a599e0-31e7-49b7-b260-868f441e862b-%[1]d"
   }

.. note::

   The job may take a few minutes.

`

// longPage is a page of API sections of about size bytes.
func longPage(size int) []byte {
	var sb strings.Builder
	sb.WriteString(":original_name: en-us_topic_1.html\n\n.. _big:\n\nBig Page\n########\n\n")
	for i := 0; sb.Len() < size; i++ {
		fmt.Fprintf(&sb, apiSection, i)
	}
	return []byte(sb.String())
}

// tablePage is a page of one titled parameter table of rows rows, each
// with a reference, a Definition and a Range block.
func tablePage(rows int) []byte {
	var sb strings.Builder
	sb.WriteString("Big Table\n=========\n\n.. _big:\n\n.. table:: **Table 1** Request body parameters\n\n")
	border := "   +-----------------+-----------+---------+------------------------------------------------------------+\n"
	row := func(a, b, c, d string) {
		fmt.Fprintf(&sb, "   | %-15s | %-9s | %-7s | %-58s |\n", a, b, c, d)
	}
	sb.WriteString(border)
	row("Parameter", "Mandatory", "Type", "Description")
	sb.WriteString(strings.ReplaceAll(border, "-", "="))
	for i := range rows {
		row(fmt.Sprintf("field_%d", i), "No", "String", fmt.Sprintf("Field %d, see :ref:`Table 2 <tab_2>` and ``code``.", i))
		row("", "", "", "")
		row("", "", "", "**Range**")
		row("", "", "", "")
		row("", "", "", fmt.Sprintf("1 to %d characters", i))
		sb.WriteString(border)
	}
	return []byte(sb.String())
}

// TestBenchmarkPages checks that the synthetic pages read as they are
// drawn, so that the benchmarks measure real work.
func TestBenchmarkPages(t *testing.T) {
	p, diags := Read("long.rst", longPage(10000))
	if len(diags) != 0 {
		t.Fatalf("long page: %s", diags)
	}
	n := len(p.Tables) / 2
	if n < 2 || len(p.Tables) != 2*n || len(p.Examples) != n || len(p.Tables[0].Params) != 3 ||
		p.Tables[0].Title != "Table 0 Response body parameters" || p.Tables[0].Caption != "Normal responses" ||
		len(p.Tables[1].Rows) != 2 {
		t.Fatalf("long page: %d tables, %d examples; first: %+v", len(p.Tables), len(p.Examples), p.Tables[0])
	}
	if refs := p.Tables[0].Params[0].DescRefs; len(refs) != 1 || refs[0].Label != "en-us_topic_002021__table1" {
		t.Errorf("long page: references %+v", refs)
	}
	p, diags = Read("table.rst", tablePage(10))
	if len(diags) != 0 || len(p.Tables) != 1 || len(p.Tables[0].Params) != 10 || len(p.Tables[0].Params[9].Description) != 3 {
		t.Fatalf("table page: %s %+v", diags, p.Tables)
	}
}
