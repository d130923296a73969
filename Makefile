# rst2go: make generate regenerates generated/ from spec/; make test runs
# every check CI runs. Go, make and (for the first staticcheck install)
# network access are needed: tools the targets use are installed into
# ./bin at pinned versions.

GO          ?= go
BIN         := $(CURDIR)/bin
STATICCHECK := $(BIN)/staticcheck
STATICCHECK_VERSION := v0.8.2
CORPUS      ?= ../shared/corpus

.PHONY: all generate test vet staticcheck crosscheck fuzz bench clean

all: generate test

# The main job: Go types in generated/ from the pages in spec/.
generate:
	$(GO) run . -out generated -pkg generated spec

test: vet staticcheck
	$(GO) test -count=1 ./...

# gofmt over the Go files of the tree, git or not (testdata holds expected
# output, which the tests themselves check; ./bin is make's), then go vet.
vet:
	@unformatted=$$(find . -path ./bin -prune -o -name testdata -prune -o -path './.*' -prune -o -name '*.go' -print | xargs gofmt -l); \
		test -z "$$unformatted" || { echo "gofmt would change: $$unformatted"; exit 1; }
	$(GO) vet ./...

staticcheck: $(STATICCHECK)
	$(STATICCHECK) ./...

$(STATICCHECK):
	GOBIN=$(BIN) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

# Compare the RST reader's tables with docutils' own reading of the whole
# corpus (needs /usr/bin/python3 with Debian's python3-docutils).
crosscheck:
	mkdir -p $(BIN)
	/usr/bin/python3 $(CORPUS)/../tools/docutils-tables.py $(CORPUS)/ecs-2022/rst $(CORPUS)/ecs/rst $(CORPUS)/cbr/rst > $(BIN)/docutils-tables.jsonl
	$(GO) run ./gen/rst/crosscheck -oracle $(BIN)/docutils-tables.jsonl $(CORPUS)/ecs-2022/rst $(CORPUS)/ecs/rst $(CORPUS)/cbr/rst

# Run every fuzz target briefly (FUZZTIME each; make fuzz FUZZTIME=10m for
# a real run). Inputs that fail are kept under the package's
# testdata/fuzz and then run by make test.
FUZZTIME ?= 15s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "$$pkg $$target"; \
			$(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

# Benchmarks: every reader, the resolver, the emitter and the whole
# pipeline, with allocations (the corpus ones skip without the corpus).
BENCHTIME ?= 1s
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./...

clean:
	rm -rf $(BIN)
