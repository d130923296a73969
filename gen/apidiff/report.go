package apidiff

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Report options: descriptions changed are counted, and listed only when
// Verbose is set (they are many and seldom matter to code).
type Report struct {
	Verbose bool
}

// Count is the number of changes of one kind and how many of them break.
type Count struct {
	Kind            Kind
	Total, Breaking int
}

// Counts counts changes by kind, in the order of [Kinds], leaving out
// kinds with none.
func Counts(changes []Change) []Count {
	var out []Count
	for _, k := range Kinds {
		c := Count{Kind: k}
		for _, ch := range changes {
			if ch.Kind == k {
				c.Total++
				if ch.Breaking {
					c.Breaking++
				}
			}
		}
		if c.Total > 0 {
			out = append(out, c)
		}
	}
	return out
}

// Breaking reports whether any change breaks.
func Breaking(changes []Change) bool {
	for _, c := range changes {
		if c.Breaking {
			return true
		}
	}
	return false
}

// listed is what the report lists: every change, less the descriptions
// unless Verbose.
func (r Report) listed(changes []Change) (breaking, other []Change) {
	for _, c := range changes {
		switch {
		case c.Breaking:
			breaking = append(breaking, c)
		case c.Kind != DescriptionChanged || r.Verbose:
			other = append(other, c)
		}
	}
	return breaking, other
}

// groupName is what a change is listed under: its operation with its Go
// name, else its page.
func (c Change) groupName() string {
	switch {
	case c.Operation != "" && c.group.goName != "":
		return c.Operation + " (" + c.group.goName + ")"
	case c.Operation != "":
		return c.Operation
	}
	return c.Page + " (no operation)"
}

// detail is a change in words after its position: the kind, the path and
// the values ("field-added request.server.name: string", "type-changed
// query.limit: string -> int").
func (c Change) detail() string {
	s := string(c.Kind)
	if c.Path != "" {
		s += " " + c.Path
	}
	switch {
	case c.Kind == DescriptionChanged:
	case c.Old != "" && c.New != "":
		s += ": " + c.Old + " -> " + c.New
	case c.Old != "":
		s += ": " + c.Old
	case c.New != "":
		s += ": " + c.New
	}
	return s
}

func (c Change) where() string {
	if c.Pos.File == "" {
		return "-"
	}
	return c.Pos.File + ":" + strconv.Itoa(c.Pos.Line)
}

// WriteText prints the report for a terminal: breaking changes, then the
// others, each grouped by operation (tables no operation reaches by page),
// one line a change with its position; then the counts by kind.
func (r Report) WriteText(w io.Writer, changes []Change) error {
	var b strings.Builder
	breaking, other := r.listed(changes)
	section := func(title string, list []Change) {
		if len(list) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s (%d):\n", title, len(list))
		group := ""
		for i, c := range list {
			if g := c.groupName(); i == 0 || g != group {
				group = g
				fmt.Fprintf(&b, "\n%s\n", g)
			}
			fmt.Fprintf(&b, "  %s: %s\n", c.where(), c.detail())
		}
		b.WriteString("\n")
	}
	section("Breaking changes", breaking)
	section("Other changes", other)
	b.WriteString(r.summary(changes))
	for _, c := range Counts(changes) {
		fmt.Fprintf(&b, "  %-20s %5d", c.Kind, c.Total)
		if c.Breaking > 0 {
			fmt.Fprintf(&b, "  (%d breaking)", c.Breaking)
		}
		if c.Kind == DescriptionChanged && !r.Verbose {
			b.WriteString("  (listed with -v)")
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r Report) summary(changes []Change) string {
	n := 0
	for _, c := range changes {
		if c.Breaking {
			n++
		}
	}
	if len(changes) == 0 {
		return "No API changes.\n"
	}
	return fmt.Sprintf("%d change(s), %d breaking.\n", len(changes), n)
}

// WriteMarkdown prints the report as Markdown for a pull-request comment:
// the counts by kind, then the breaking changes, then the others.
func (r Report) WriteMarkdown(w io.Writer, changes []Change) error {
	var b strings.Builder
	b.WriteString("### API changes\n\n")
	b.WriteString(r.summary(changes))
	if counts := Counts(changes); len(counts) > 0 {
		b.WriteString("\n| kind | changes | breaking |\n| --- | ---: | ---: |\n")
		for _, c := range counts {
			fmt.Fprintf(&b, "| %s | %d | %d |\n", c.Kind, c.Total, c.Breaking)
		}
	}
	breaking, other := r.listed(changes)
	section := func(title string, list []Change) {
		if len(list) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n#### %s\n\n| where | change | position |\n| --- | --- | --- |\n", title)
		for _, c := range list {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCode(c.groupName()), c.mdDetail(), mdCode(c.where()))
		}
	}
	section("Breaking changes", breaking)
	section("Other changes", other)
	if !r.Verbose {
		for _, c := range changes {
			if c.Kind == DescriptionChanged {
				b.WriteString("\nDescriptions changed are counted above and listed with `-v`.\n")
				break
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCode is text as a code span in a table cell.
func mdCode(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	if strings.Contains(s, "`") {
		return "``" + s + "``"
	}
	return "`" + s + "`"
}

// mdDetail is detail in Markdown: names and values as code.
func (c Change) mdDetail() string {
	s := string(c.Kind)
	if c.Path != "" {
		s += " " + mdCode(c.Path)
	}
	switch {
	case c.Kind == DescriptionChanged:
	case c.Old != "" && c.New != "":
		s += ": " + mdCode(c.Old) + " → " + mdCode(c.New)
	case c.Old != "":
		s += ": " + mdCode(c.Old)
	case c.New != "":
		s += ": " + mdCode(c.New)
	}
	return s
}

// JSONChange is one line of the -json report.
type JSONChange struct {
	Operation string `json:"operation"`
	Page      string `json:"page,omitempty"`
	Kind      Kind   `json:"kind"`
	Path      string `json:"path"`
	Old       string `json:"old"`
	New       string `json:"new"`
	Breaking  bool   `json:"breaking"`
	File      string `json:"file"`
	Line      int    `json:"line"`
}

// WriteJSON prints one JSON object a line, in the order of the changes.
func (r Report) WriteJSON(w io.Writer, changes []Change) error {
	enc := json.NewEncoder(w)
	for _, c := range changes {
		if c.Kind == DescriptionChanged && !r.Verbose {
			continue
		}
		err := enc.Encode(JSONChange{
			Operation: c.Operation, Page: c.Page, Kind: c.Kind, Path: c.Path, Old: c.Old, New: c.New,
			Breaking: c.Breaking, File: c.Pos.File, Line: c.Pos.Line,
		})
		if err != nil {
			return err
		}
	}
	return nil
}
