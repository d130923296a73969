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
