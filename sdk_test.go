package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestSDKRepository runs the README's "Using rst2go in an SDK repository"
// section, line for line, in a fresh SDK module, and its Install line:
// every fenced block of the section, in order (a go or yaml block is
// written to the file the sentence before it names, each line of a sh
// block is run). rst2go comes from a module proxy made at test time from
// this working tree, served as the version the README names, with the
// dependencies copied from the local module cache: no network is used
// (GOPROXY=file://...,off, a module cache of the test's own).
func TestSDKRepository(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatalf("the go command is needed: %v", err)
	}
	section := readmeSection(t, "## Using rst2go in an SDK repository")
	version := readmeVersion(t, section)
	proxy := buildProxy(t, version)

	fixture, err := txtar.ParseFile("testdata/sdk/docs.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var install, sdk strings.Builder
	sdkArchive := &txtar.Archive{Files: fixture.Files}
	for i, b := range readmeBlocks(t, section) {
		switch {
		case b.file != "":
			copyName := fmt.Sprintf("_readme/%d/%s", i, b.file)
			sdkArchive.Files = append(sdkArchive.Files, txtar.File{Name: copyName, Data: []byte(b.text)})
			fmt.Fprintf(&sdk, "cp %s %s\n", copyName, b.file)
		default:
			for _, line := range b.commands(t) {
				fmt.Fprintf(&sdk, "exec %s\n", line)
			}
		}
	}
	// What the section promises: the types are there and build, from the
	// paths relative to the module root; go get -tool left the module's
	// go line alone; the ignore entry is what makes -strict pass.
	sdk.WriteString(`
exec go build ./...
grep '^// Source: docs/ecs/api-ref/source/servers/creating_an_ecs.rst$' ecs/creating_an_ecs.go
grep 'type CreateECSRequest struct' ecs/creating_an_ecs.go
grep '^go 1.26.0$' go.mod
grep '^tool github.com/rst2go/rst2go$' go.mod
rm ecs/rst2go.yaml
! exec go tool rst2go -check -strict -out ecs -pkg ecs docs/ecs/api-ref/source
stderr 'error: status: unknown type "ServerStatus"'
`)
	sdkArchive.Comment = []byte(sdk.String())

	installSection := readmeSection(t, "## Install")
	for _, b := range readmeBlocks(t, installSection) {
		for _, line := range b.commands(t) {
			fmt.Fprintf(&install, "exec %s\n", line)
		}
	}
	install.WriteString("exec $GOBIN/rst2go -version\nstdout '^rst2go " + regexp.QuoteMeta(version) + "$'\n")

	dir := t.TempDir()
	write(t, filepath.Join(dir, "sdk.txtar"), string(txtar.Format(sdkArchive)))
	write(t, filepath.Join(dir, "install.txtar"), install.String())
	goEnv := goEnvOf(t, "GOCACHE", "GOROOT")
	testscript.Run(t, testscript.Params{
		Dir: dir,
		Setup: func(env *testscript.Env) error {
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			work := env.Getenv("WORK")
			env.Setenv("GOTOOLCHAIN", "local")
			env.Setenv("GOPROXY", "file://"+filepath.ToSlash(proxy)+",off")
			env.Setenv("GOSUMDB", "off") // the proxy's zip is this tree, not the published one
			env.Setenv("GOFLAGS", "-mod=mod -modcacherw -trimpath")
			env.Setenv("GOMODCACHE", filepath.Join(work, ".modcache"))
			env.Setenv("GOPATH", filepath.Join(work, ".gopath"))
			env.Setenv("GOBIN", filepath.Join(work, ".bin"))
			return nil
		},
	})
}

func goEnvOf(t *testing.T, names ...string) map[string]string {
	env := map[string]string{}
	for _, name := range names {
		out, err := exec.Command("go", "env", name).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", name, err)
		}
		env[name] = strings.TrimSpace(string(out))
	}
	return env
}

var readmeVersionRE = regexp.MustCompile(`github\.com/rst2go/rst2go@(v[0-9]+\.[0-9]+\.[0-9]+)`)

// readmeVersion is the one version the section names.
func readmeVersion(t *testing.T, section string) string {
	versions := map[string]bool{}
	for _, m := range readmeVersionRE.FindAllStringSubmatch(section, -1) {
		versions[m[1]] = true
	}
	if len(versions) != 1 {
		t.Fatalf("the README's SDK section names versions %v; want exactly one", versions)
	}
	for v := range versions {
		return v
	}
	return ""
}

// readmeBlock is a fenced block of the README: a file (go, yaml) or
// commands (sh).
type readmeBlock struct {
	lang, file, text string
}

var backquoted = regexp.MustCompile("`([^`]+)`")

// readmeBlocks are the section's fenced blocks in order. A go or yaml
// block is a file, named by the last backquoted path of the paragraph
// before it ("In `ecs/doc.go`:").
func readmeBlocks(t *testing.T, section string) []readmeBlock {
	var blocks []readmeBlock
	var cur *readmeBlock
	var para, lastPara []string // the paragraph being read, the one before
	sc := bufio.NewScanner(strings.NewReader(section))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &readmeBlock{lang: strings.TrimPrefix(line, "```")}
			if para == nil {
				para = lastPara
			}
			if cur.lang == "go" || cur.lang == "yaml" {
				for _, m := range backquoted.FindAllStringSubmatch(strings.Join(para, " "), -1) {
					if strings.ContainsAny(m[1], "./") && !strings.Contains(m[1], " ") {
						cur.file = m[1]
					}
				}
				if cur.file == "" {
					t.Fatalf("README: no file named before the %s block after %q", cur.lang, para)
				}
			} else if cur.lang != "sh" {
				t.Fatalf("README: a block of %q in a section the tests run: want go, yaml or sh", cur.lang)
			}
		case cur != nil && line == "```":
			blocks = append(blocks, *cur)
			cur, para, lastPara = nil, nil, nil
		case cur != nil:
			cur.text += line + "\n"
		case line == "":
			if para != nil {
				lastPara, para = para, nil
			}
		default:
			para = append(para, line)
		}
	}
	if len(blocks) == 0 {
		t.Fatal("README: no fenced blocks in the section")
	}
	return blocks
}

// commands are the lines of a sh block, which must be plain commands (no
// shell syntax: the test runs each with exec).
func (b readmeBlock) commands(t *testing.T) []string {
	if b.lang != "sh" {
		t.Fatalf("README: a %s block where commands were expected", b.lang)
	}
	var lines []string
	for _, line := range strings.Split(b.text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.ContainsAny(line, "|&;<>'\"$`\\*") {
			t.Fatalf("README: %q is not a plain command", line)
		}
		lines = append(lines, line)
	}
	return lines
}

// buildProxy lays out a module proxy (the GOPROXY protocol, as files):
// this working tree as github.com/rst2go/rst2go at version, and every
// module of its graph copied from the local module cache.
func buildProxy(t *testing.T, version string) string {
	dir := filepath.Join(t.TempDir(), "proxy")
	gomod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	const modPath = "github.com/rst2go/rst2go"
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	for _, name := range moduleFiles(t) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(modPath + "@" + version + "/" + filepath.ToSlash(name))
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	addModule := func(path, version string, files map[string][]byte) {
		esc := escapeModulePath(path)
		at := filepath.Join(dir, filepath.FromSlash(esc), "@v")
		if err := os.MkdirAll(at, 0o755); err != nil {
			t.Fatal(err)
		}
		for ext, data := range files {
			write(t, filepath.Join(at, version+ext), string(data))
		}
		list, _ := os.ReadFile(filepath.Join(at, "list"))
		write(t, filepath.Join(at, "list"), string(list)+version+"\n")
	}
	addModule(modPath, version, map[string][]byte{
		".mod":  gomod,
		".zip":  zipped.Bytes(),
		".info": fmt.Appendf(nil, `{"Version":%q,"Time":"2026-01-01T00:00:00Z"}`, version),
	})

	// The dependencies: every module@version of the graph the module
	// cache holds (in the proxy's own layout).
	out, err := exec.Command("go", "mod", "graph").Output()
	if err != nil {
		t.Fatalf("go mod graph: %v", err)
	}
	cache := filepath.Join(goEnvOf(t, "GOMODCACHE")["GOMODCACHE"], "cache", "download")
	seen := map[string]bool{}
	for _, mv := range strings.Fields(string(out)) {
		path, v, ok := strings.Cut(mv, "@")
		if !ok || seen[mv] || path == "go" || path == "toolchain" {
			continue
		}
		seen[mv] = true
		files := map[string][]byte{}
		for _, ext := range []string{".info", ".mod", ".zip"} {
			data, err := os.ReadFile(filepath.Join(cache, filepath.FromSlash(escapeModulePath(path)), "@v", v+ext))
			if err == nil {
				files[ext] = data
			}
		}
		// The graph names more than a build loads (go.mod files of
		// modules pruned away); what the go command needs and the cache
		// lacks shows as its error in the script.
		if files[".mod"] != nil {
			addModule(path, v, files)
		}
	}
	return dir
}

// moduleFiles are the files of the working tree that go into the module
// zip: git's (tracked, and new files not ignored) or, outside a git
// checkout, every file; never hidden files, ./bin, or what is not a
// regular file.
func moduleFiles(t *testing.T) []string {
	var names []string
	if out, err := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output(); err == nil {
		names = strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	} else {
		filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				names = append(names, path)
			}
			return err
		})
	}
	var files []string
	for _, name := range names {
		hidden := false
		for _, elem := range strings.Split(filepath.ToSlash(name), "/") {
			hidden = hidden || strings.HasPrefix(elem, ".")
		}
		if info, err := os.Lstat(name); err != nil || !info.Mode().IsRegular() || hidden || strings.HasPrefix(filepath.ToSlash(name), "bin/") {
			continue
		}
		files = append(files, name)
	}
	return files
}

// escapeModulePath is the module cache's and proxy's spelling of a module
// path: each upper-case letter as ! and the letter in lower case.
func escapeModulePath(path string) string {
	var b strings.Builder
	for _, r := range path {
		if 'A' <= r && r <= 'Z' {
			b.WriteByte('!')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
