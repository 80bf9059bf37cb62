# 文明看板 — build, run and test. `make run` and `make test` are the two commands in the README.
SHELL := /bin/bash
GO ?= go
ADDR ?= 127.0.0.1:8080
DB ?= var/wenming.db
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
NODE_STAMP := frontend/node_modules/.installed

.PHONY: all build run test test-go test-frontend test-e2e generate check-generated frontend vet bench bench-all soak clean fuzz

all: build

# npm ci only when the lock file changed since the last install. The go.mod it leaves in node_modules makes that
# folder a module of its own, so that ./... never walks the Go files some npm packages ship (flatted/golang).
$(NODE_STAMP): frontend/package-lock.json frontend/package.json
	cd frontend && npm ci --no-audit --no-fund
	printf 'module node_modules\n' > frontend/node_modules/go.mod
	touch $(NODE_STAMP)

frontend: $(NODE_STAMP)
	cd frontend && npm run build
	@touch frontend/dist/.gitkeep

build: frontend
	$(GO) build -ldflags "-X main.Version=$(VERSION)" -o bin/wenming .

run: build
	@mkdir -p $(dir $(DB))
	./bin/wenming serve --addr $(ADDR) --db $(DB) --anonymous-read

generate:
	$(GO) generate ./...

# The packages that hold a go:generate line, named one by one: ./... would walk node_modules while npm ci refills it.
GENERATE_PKGS = $(shell git grep -l '^//go:generate' -- '*.go' | xargs -n1 dirname | sort -u | sed 's|^|./|')

# Fails when the committed generated code differs from what gqlgen generates now. gqlgen runs beside npm ci: each
# keeps about one core busy, and one after the other they left the other core idle.
check-generated:
	@$(GO) generate $(GENERATE_PKGS) & gen=$$!; $(MAKE) --no-print-directory $(NODE_STAMP); npm=$$?; \
		wait $$gen; rc=$$?; [ $$npm -eq 0 ] && [ $$rc -eq 0 ]
	git diff --exit-code -- graph/ resolvers/ || (echo "generated code is stale: run 'make generate' and commit" >&2; exit 1)
	cd frontend && npm run --silent codegen >/dev/null
	@test -z "$$(git status --porcelain -- frontend/src/gql)" || (git status --short -- frontend/src/gql; git diff -- frontend/src/gql | head -40; \
		echo "typed GraphQL documents are stale: run 'cd frontend && npm run codegen' and commit" >&2; exit 1)

vet:
	@if [ -d frontend/node_modules ]; then printf 'module node_modules\n' > frontend/node_modules/go.mod; fi
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1)

# The tests write many small files: a database per test, a PostgreSQL cluster's few hundred files per CREATE DATABASE,
# a browser profile per server. On this project's machines a file's creation costs a tenth on tmpfs of what it costs
# on disk (0.03 s against 0.27 s for an empty CREATE DATABASE), so the tests' temp files go to /dev/shm/wenming-test
# where /dev/shm can hold them, and to the usual temp directory elsewhere. Runs share it, as they share /tmp. tmpfs is
# memory: what a run left behind (an upload's copy whose server stopped mid-import) is removed after a day.
TEST_TMPDIR = $(shell d=/dev/shm/wenming-test; mkdir -p $$d 2>/dev/null && chmod 1777 $$d 2>/dev/null && \
	{ find $$d -mindepth 1 -maxdepth 1 -mmin +1440 -exec rm -rf {} + 2>/dev/null; echo $$d; } || echo $${TMPDIR:-/tmp})
test-go test-frontend test-e2e: export TMPDIR = $(TEST_TMPDIR)

# The PostgreSQL backend's tests start a throwaway cluster of Debian's PostgreSQL 15; install it when missing, and
# make its absence a failure rather than a skip.
test-go: vet
	@./scripts/ensure-postgres.sh
	@# Two passes at once: every package, and the API tests again on PostgreSQL (the conformance suite, the replicas
	@# and the PostgreSQL backups run on it in the first), whose log is read after, counting what passed. The system
	@# tests go first: their failover test waits on its cluster for a minute and a half, beside the packages that
	@# compute, where last it ran on after them alone (-p 3: it takes one of the three places).
	@log=$$(mktemp); trap 'rm -f $$log' EXIT; \
	WENMING_REQUIRE_POSTGRES=1 WENMING_TEST_BACKEND=postgres $(GO) test -count=1 -v ./apitest >$$log 2>&1 & pg=$$!; \
	WENMING_REQUIRE_POSTGRES=1 $(GO) test -count=1 -p 3 ./systemtest ./...; all=$$?; \
	wait $$pg; rc=$$?; \
	echo "-- the API tests on PostgreSQL:"; \
	grep -E '^(ok|FAIL|--- FAIL|panic)' $$log; [ $$rc -eq 0 ] || { grep -B2 -A20 -- '--- FAIL' $$log | head -200; exit $$rc; }; \
	echo "== API tests on PostgreSQL: $$(grep -cE '^=== RUN' $$log) run, $$(grep -cE -- '--- PASS' $$log) passed, $$(grep -cE -- '--- SKIP' $$log) skipped"; \
	exit $$all

# ESLint beside Vitest: each keeps about one core busy, and one after the other they left the other core idle.
test-frontend: $(NODE_STAMP)
	@cd frontend && log=$$(mktemp); trap 'rm -f $$log' EXIT; \
	npm run --silent lint >$$log 2>&1 & lint=$$!; \
	npm test; tests=$$?; \
	wait $$lint; rc=$$?; echo "-- ESLint:"; cat $$log; [ $$rc -eq 0 ] && echo "ESLint: no problems"; \
	[ $$rc -eq 0 ] && [ $$tests -eq 0 ]

# Browser tests drive Debian's chromium against the real binary; install it when missing.
test-e2e: build
	./scripts/ensure-chromium.sh
	./scripts/ensure-office.sh
	cd frontend && WENMING_BIN=$(CURDIR)/bin/wenming npm run test:e2e

# Every phase prints its time, so that the test budget (under 12 minutes) stays visible.
test:
	@set -e; total=$$(date +%s); for p in check-generated test-go test-frontend test-e2e; do \
		s=$$(date +%s); $(MAKE) --no-print-directory $$p; echo "== phase $$p: $$(( $$(date +%s) - s )) s"; done; \
		echo "== make test: $$(( $$(date +%s) - total )) s in all"

clean:
	rm -rf bin frontend/dist/assets frontend/dist/index.html frontend/test-output
# make bench BACKEND=postgres measures PostgreSQL on a throwaway cluster (or the empty database WENMING_BENCH_PG names);
# BACKEND=postgres-ha runs the failover drill three times and the overview on a Patroni cluster beside one PostgreSQL;
# BACKEND=both measures SQLite, then PostgreSQL, in one call. go run ./bench --help lists the single-row modes.
BACKEND ?= sqlite
bench:
	$(GO) run ./bench -out bench/results.md --backend $(BACKEND)

# make bench-all runs the rows of every performance goal in one call, with the seeded files reused: the full matrix
# on both engines, scale 1 against scale 5, the byte floor, and the reads under writes on a quiet machine (each row
# waits for the load to fall below 1); it prints the time it took. One binary, built first, is measured throughout:
# a build after the first step would call itself dirty for the results it wrote.
bench-all:
	@set -e; start=$$(date +%s); label=$$(git describe --always --dirty); mkdir -p bench/tmp; \
	$(GO) build -ldflags "-X main.Version=$$label" -o bench/tmp/wenming-all .; bin=$(CURDIR)/bench/tmp/wenming-all; \
	$(GO) run ./bench -out bench/results.md --backend both --reuse --bin $$bin; \
	$(GO) run ./bench --growth --backend both --reuse --bin $$bin; \
	$(GO) run ./bench --floor-only --label "$$label" --bin $$bin; \
	$(GO) run ./bench --mixed-only --backend both --quiet-below 1 --label "$$label, quiet" --bin $$bin; \
	echo "== make bench-all: $$(( $$(date +%s) - start )) s in all"

# make fuzz runs every Go fuzz target (func FuzzX in *_fuzz_test.go) for FUZZTIME each; what a target finds is written
# under its package's testdata/fuzz/FuzzX/, to commit with the fix. FUZZFLAGS=-parallel=1 spares a shared machine.
FUZZTIME ?= 30s
FUZZFLAGS ?=
fuzz:
	@set -e; for f in $$(git ls-files --cached --others --exclude-standard '*_fuzz_test.go'); do dir=./$$(dirname $$f); \
		for name in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
			echo "== $$name in $$dir for $(FUZZTIME)"; \
			$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $(FUZZFLAGS) $$dir; \
		done; done

# make soak runs the real binary for SOAKTIME (default 10m) under the dashboard's reads, an editor's writes and one
# import, on a scale-1 SQLite file, and fails on any error, RSS over 200 MB, a rising RSS or unequal aggregates.
SOAKTIME ?= 10m
soak:
	SOAKTIME=$(SOAKTIME) $(GO) run ./soak
