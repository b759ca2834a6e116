# The two commands a new machine needs: `make serve` and `make test`.
# Both run scripts/setup.sh first, which installs only what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8080
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Keep Chromium's profile and cache out of the home folder.
export XDG_CONFIG_HOME ?= $(CURDIR)/target/xdg/config
export XDG_CACHE_HOME ?= $(CURDIR)/target/xdg/cache
# Chromium, chromedriver and Lighthouse leave scratch profiles in the temp
# folder (up to 90 MB each, some never removed when a browser is stopped):
# keep them under target/ and empty the folder after each browser step.
RUN_TMP := $(CURDIR)/target/run-tmp
export TMPDIR := $(RUN_TMP)
$(shell mkdir -p $(RUN_TMP))
WASM := wasm32-unknown-unknown

.PHONY: help setup dist serve test check-fmt clippy test-native test-wasm test-schema bench-cli bench fuzz

help:
	@echo "make serve   build the portal (release) and serve it on http://127.0.0.1:$(PORT)/"
	@echo "make test    run every check: fmt, clippy (native + wasm32), native tests, wasm tests, browser tests"

setup:
	@bash scripts/setup.sh

# Our ECharts build; the wasm tests include it, so it must exist before they compile.
vendor/echarts.js: setup
	node scripts/build-echarts.mjs

# Release build of the site into dist/ (ECharts bundled, wasm-opt -Oz, hashed assets),
# the publishing studio's own wasm into dist/studio/ (only its page loads it),
# then every view rendered to a page of its own from the bundled data (crates/portal-site/),
# with sitemap.xml and robots.txt. SITE_URL is the public address (canonical links).
SITE_URL ?= http://127.0.0.1:$(PORT)/
dist: setup
	trunk build --release --offline
	node scripts/build-studio.mjs dist
	cargo run --quiet --locked -p portal-site --bin render-site -- dist --site-url $(SITE_URL)
	@bash scripts/precompress.sh dist
	@bash scripts/size-report.sh

serve: dist
	@echo "Serving dist/ at http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

test: setup check-fmt clippy dist test-native test-wasm test-schema
	@echo "make test: all checks passed"

check-fmt:
	cargo fmt --all --check

clippy: vendor/echarts.js
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy --workspace --all-targets --locked --target $(WASM) --exclude plan-cli --exclude portal-harness -- -D warnings
	# The studio's worker build: its session with the site's renderer (`render`) in wasm.
	cargo clippy --locked --target $(WASM) -p kunshan-studio --features worker -- -D warnings

# Native unit, snapshot and CLI tests, and the browser end-to-end tests (tests/e2e/,
# one binary)
# against the fresh release build in dist/.
test-native:
	cargo test --workspace --locked; status=$$?; rm -rf $(RUN_TMP)/*; exit $$status

# wasm-bindgen tests (tests/web_*.rs) in headless Chromium.
test-wasm: vendor/echarts.js
	cargo test --locked --target $(WASM) -p portal-ui --test web_chart; status=$$?; rm -rf $(RUN_TMP)/*; exit $$status

# The bundled data against its published JSON Schema, by a third-party validator
# (ajv, strict mode; scripts/ajv-number-formats.cjs names schemars' number formats).
AJV := ajv validate --spec=draft2020 -c ./scripts/ajv-number-formats.cjs
test-schema:
	$(AJV) -s public/data/plan.schema.json -d public/data/plan.json
	$(AJV) -s public/data/progress.schema.json -d public/data/progress.json

# Benchmark (not a test): the staff tool's validate and import at 1x, 10x, 100x data.
bench-cli:
	python3 scripts/bench-cli.py

# Figures, not pass/fail: first-view bytes, time to first chart against a
# minimal page, filter-change latency (examples/bench_site/), then the CLI.
bench: dist
	cargo run --quiet --example bench_site
	python3 scripts/bench-cli.py

# Fuzzing (not in `make test`): each cargo-fuzz target for SECONDS seconds
# (default 60) on the nightly toolchain, growing its corpus in fuzz/corpus/.
# A finding stops the run and is saved in fuzz/artifacts/<target>/.
SECONDS ?= 60
FUZZ_TARGETS := json_load csv_import
fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@for t in $(FUZZ_TARGETS); do \
	  echo "== fuzzing $$t for $(SECONDS) s"; \
	  cargo +nightly fuzz run --fuzz-dir fuzz $$t fuzz/corpus/$$t -- \
	    -max_total_time=$(SECONDS) -rss_limit_mb=2048 -timeout=10 -max_len=1048576 -print_final_stats=1 || exit 1; \
	done
