package gen

import (
	"fmt"
	"strings"
	"testing"
)

// tagsPages makes n pages, each with a request table whose tags row links
// to the page's own tags table: n tables that all want the name Tag.
// With distinct shapes every one is qualified by its parent's name, with
// equal shapes they share one type; both must cost linear time.
func tagsPages(n int, sameShape bool) []Input {
	inputs := make([]Input, n)
	for i := range n {
		extra := fmt.Sprintf("f%d", i)
		if sameShape {
			extra = "extra"
		}
		page := fmt.Sprintf(strings.ReplaceAll(`Creating Thing %d
==================

Request
-------

========= ========= ================ ===================================
Parameter Mandatory Type             Description
========= ========= ================ ===================================
name      Yes       String           The name.
tags      No        Array of objects The tags, see :ref:'Table 2 <t%d>'.
========= ========= ================ ===================================

.. _t%d:

.. table:: **Table 2** tags field description

   ========= ========= ========= ============
   Parameter Mandatory Type      Description
   ========= ========= ========= ============
   key       Yes       String    The key.
   %-9s No        String    More.
   ========= ========= ========= ============
`, "'", "`"), i, i, i, extra)
		inputs[i] = Input{Path: fmt.Sprintf("docs/thing%05d.rst", i), Data: []byte(page)}
	}
	return inputs
}

// BenchmarkTagsTables: pages that each have their own tags table, 4,000
// and 16,000 of them; time per page must not grow with the count.
func BenchmarkTagsTables(b *testing.B) {
	for _, same := range []bool{false, true} {
		for _, n := range benchPageCounts {
			inputs := tagsPages(n, same)
			b.Run(fmt.Sprintf("sameShape=%v/pages=%d", same, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Generate(inputs, Options{Package: "bench"}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/page")
			})
		}
	}
}

var benchPageCounts = []int{1000, 4000, 16000}

// cyclePages makes n pages whose two tables refer only to each other:
// tables reachable only through a cycle, each pair a root of its own.
func cyclePages(n int) []Input {
	inputs := make([]Input, n)
	for i := range n {
		page := fmt.Sprintf(strings.ReplaceAll(`Node %d
==========

.. _a%d:

.. table:: **Table 1** node field description

   ========= ========= ========= =========================
   Parameter Mandatory Type      Description
   ========= ========= ========= =========================
   id        Yes       String    The ID.
   edge      No        Object    See :ref:'Table 2 <b%d>'.
   ========= ========= ========= =========================

.. _b%d:

.. table:: **Table 2** edge field description

   ========= ========= ========= =========================
   Parameter Mandatory Type      Description
   ========= ========= ========= =========================
   weight    Yes       Integer   The weight.
   node      No        Object    See :ref:'Table 1 <a%d>'.
   ========= ========= ========= =========================
`, "'", "`"), i, i, i, i, i)
		inputs[i] = Input{Path: fmt.Sprintf("docs/node%05d.rst", i), Data: []byte(page)}
	}
	return inputs
}

// BenchmarkCycleTables: thousands of tables reachable only through
// cycles; time per page must not grow with the count.
func BenchmarkCycleTables(b *testing.B) {
	for _, n := range benchPageCounts {
		inputs := cyclePages(n)
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Generate(inputs, Options{Package: "bench"}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/page")
		})
	}
}
