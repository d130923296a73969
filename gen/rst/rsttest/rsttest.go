// Package rsttest makes synthetic RST pages for benchmarks and tests: a
// long page of many API sections shaped like the corpus, and a page of one
// long parameter table. Their sizes are chosen by the caller, so that the
// same work at two sizes shows whether a cost is linear in the input.
package rsttest

import (
	"fmt"
	"strings"
)

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

// LongPage is a page of API sections of about size bytes.
func LongPage(size int) []byte {
	var sb strings.Builder
	sb.WriteString(":original_name: en-us_topic_1.html\n\n.. _big:\n\nBig Page\n########\n\n")
	for i := 0; sb.Len() < size; i++ {
		fmt.Fprintf(&sb, apiSection, i)
	}
	return []byte(sb.String())
}

// TablePage is a page of one titled parameter table of rows rows, each
// with a reference, a Definition and a Range block.
func TablePage(rows int) []byte {
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

// chainRows are the rows of a ChainPage table after the first: seven
// types, one description of two lines.
var chainRows = [][3]string{
	{"name", "String", "The name (1 to 64)."},
	{"count", "Integer", "**Range**: 1 to 255."},
	{"size", "Long", "The size in bytes."},
	{"ratio", "Float", "A ratio from 0 to 1."},
	{"enabled", "Boolean", "-  **true**: on.\n-  **false**: off."},
	{"tags", "Array of strings", "The tags."},
	{"created", "String", "When it was made (UTC)."},
}

// ChainPage is a page of about size bytes of parameter tables, each table
// nesting the next one through its first row (an object described by the
// next table), eight typed rows each: at 50 MB, 35,000 tables and as many
// Go types in one file, the largest single output rst2go is asked for.
func ChainPage(size int) []byte {
	var sb strings.Builder
	sb.WriteString("Chain\n=====\n\nRequest\n-------\n\n")
	const border = "   +------------+-----------+------------------+--------------------------+\n"
	line := func(name, mandatory, typ, desc string) {
		fmt.Fprintf(&sb, "   | %-10s | %-9s | %-16s | %-24s |\n", name, mandatory, typ, desc)
	}
	row := func(name, mandatory, typ, desc string) {
		for j, text := range strings.Split(desc, "\n") {
			if j > 0 {
				name, mandatory, typ = "", "", ""
			}
			line(name, mandatory, typ, text)
		}
		sb.WriteString(border)
	}
	i := 0
	for ; sb.Len() < size; i++ {
		fmt.Fprintf(&sb, ".. _c_%d:\n\n.. table:: **Table %[1]d** Object %[1]d\n\n", i)
		sb.WriteString(border)
		line("Parameter", "Mandatory", "Type", "Description")
		sb.WriteString(strings.ReplaceAll(border, "-", "="))
		row(fmt.Sprintf("next_%d", i), "No", "Object", fmt.Sprintf("The next object, see\n:ref:`T%d <c_%[1]d>`.", i+1))
		for _, r := range chainRows {
			row(r[0], "No", r[1], r[2])
		}
		sb.WriteString("\n")
	}
	// The last table's first row refers to a table of one plain row.
	fmt.Fprintf(&sb, ".. _c_%d:\n\n.. table:: **Table %[1]d** The end\n\n", i)
	sb.WriteString("   ========= ========= ====== ===========\n   Parameter Mandatory Type   Description\n   ========= ========= ====== ===========\n")
	sb.WriteString("   end       Yes       String The end.\n   ========= ========= ====== ===========\n")
	return []byte(sb.String())
}
