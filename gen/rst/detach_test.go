package rst

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unsafe"

	"github.com/rst2go/rst2go/gen/rst/rsttest"
)

// TestDetach: after doc.Page.Detach no text of a page read from src
// points into src (every string reachable from the page is looked at, so
// a field Detach forgets fails here), and the page is what it was.
func TestDetach(t *testing.T) {
	spec, err := os.ReadFile(filepath.Join("..", "..", "spec", "ecs", "responses_batch_operation.rst"))
	if err != nil {
		t.Fatal(err)
	}
	srcs := [][]byte{spec, []byte(dropRowsPage), rsttest.ChainPage(20_000), rsttest.LongPage(30_000), rsttest.TablePage(50),
		[]byte("T\n=\n\n:original_name: x.html\n\n.. _lbl:\n\nS\n-\n\nPOST /v1/{id}/x\n\n- a *b* ``c``\n- d\n\n.. note::\n\n   e :ref:`f <g>` `u <https://h/>`_\n\n.. code-block:: json\n\n   {}\n")}
	for i, src := range srcs {
		for _, drop := range []bool{false, true} {
			name := fmt.Sprintf("page %d, DropRows %v", i, drop)
			p, _ := ReadWith("p.rst", src, Options{DropRows: drop})
			before, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if n := stringsIn(reflect.ValueOf(p), src, map[uintptr]bool{}); n == 0 {
				t.Fatalf("%s: no text points into the page before Detach", name)
			}
			p.Detach(src)
			if n := stringsIn(reflect.ValueOf(p), src, map[uintptr]bool{}); n > 0 {
				t.Errorf("%s: %d strings point into the page after Detach", name, n)
			}
			if after, _ := json.Marshal(p); string(after) != string(before) {
				t.Errorf("%s: the page changed", name)
			}
		}
	}
}

// stringsIn counts the strings reachable from v that point into src.
func stringsIn(v reflect.Value, src []byte, seen map[uintptr]bool) int {
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(src)))
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if at := uintptr(unsafe.Pointer(unsafe.StringData(s))); len(s) > 0 && at >= lo && at < lo+uintptr(len(src)) {
			return 1
		}
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return 0
		}
		seen[v.Pointer()] = true
		return stringsIn(v.Elem(), src, seen)
	case reflect.Struct:
		n := 0
		for i := range v.NumField() {
			n += stringsIn(v.Field(i), src, seen)
		}
		return n
	case reflect.Slice, reflect.Array:
		n := 0
		for i := range v.Len() {
			n += stringsIn(v.Index(i), src, seen)
		}
		return n
	case reflect.Map:
		n := 0
		for _, k := range v.MapKeys() {
			n += stringsIn(k, src, seen) + stringsIn(v.MapIndex(k), src, seen)
		}
		return n
	}
	return 0
}
