// Package text reads API reference pages into the document model ([doc.Page]).
package text

import (
	"github.com/rst2go/rst2go/gen/doc"
	"github.com/rst2go/rst2go/gen/source"
)

// Read reads one page. path is used in positions and stored in the page.
func Read(path string, src []byte) (*doc.Page, source.List) {
	return &doc.Page{Path: path, Format: "text"}, nil
}
