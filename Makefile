# Klik: `make run` starts it, `make test` runs every test, `make setup` installs the tools.
# Every tool is pinned and installed only when missing or at another version.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_LEPTOS_VERSION := 0.3.7
WASM_BINDGEN_VERSION := 0.2.130
BINARYEN_VERSION     := 132.0.0

CARGO_HOME  ?= $(HOME)/.cargo
TOOLS_DIR   ?= $(HOME)/.cache/klik-tools
BINARYEN_BIN := $(TOOLS_DIR)/binaryen-$(BINARYEN_VERSION)/node_modules/.bin
# npm's binaryen first: Debian's (version 108) produces a wasm that does not load.
export PATH := $(BINARYEN_BIN):$(CARGO_HOME)/bin:$(PATH)

TARGET_DIR := $(abspath $(or $(CARGO_TARGET_DIR),target))
KLIK_BIN   := $(TARGET_DIR)/release/klik
SITE_ROOT  := $(abspath target/site)

export KLIK_TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
# The browser's bundle knows Europe's time zones and UTC only (frontend/Cargo.toml turns on
# chrono-tz's `filter-by-regex`; the server's table stays whole): the world's table would be a
# fifth of what a buddy's phone downloads. `domain::time::parse_time_zone` accepts the same.
export CHRONO_TZ_TIMEZONE_FILTER := (Europe/.*|UTC)

# Each step with the time it starts, so that a CI log shows where its minutes go.
say = @printf '\n\033[1m==> %s  [%s]\033[0m\n' "$(1)" "$$(date +%T)"

.PHONY: help setup setup-test run build test lint unit e2e bench-load bench-load-postgres bench-crash \
        bench-lighthouse bench-download load-generator \
        tool-wasm-target tool-cargo-leptos tool-wasm-bindgen tool-wasm-opt tool-chromium tool-e2e-npm

help:
	@echo "make run    build (release) and start Klik on http://127.0.0.1:3000"
	@echo "make test   formatting, clippy, Rust tests (SQLite and PostgreSQL), browser tests"
	@echo "make setup  install the pinned build tools only"
	@echo "make bench-load        200 buddies confirming activities for 60 s (release, SQLite)"
	@echo "make bench-load-postgres  the same on PostgreSQL with three instances"
	@echo "make bench-crash       the same with kill -9, SIGTERM and PostgreSQL stopped for 10 s"
	@echo "make bench-lighthouse  Lighthouse (mobile) on the buddy's home page (release)"
	@echo "make bench-download    what a browser downloads per page, empty cache (release)"

## Tools ---------------------------------------------------------------------------------

setup: tool-wasm-target tool-cargo-leptos tool-wasm-bindgen tool-wasm-opt

setup-test: setup tool-chromium tool-e2e-npm

tool-wasm-target:
	@if rustup target list --installed | grep -qx wasm32-unknown-unknown; then \
	  echo "ok: rust target wasm32-unknown-unknown"; \
	else \
	  echo "installing: rust target wasm32-unknown-unknown"; \
	  rustup target add wasm32-unknown-unknown; \
	fi

# no_downloads: cargo-leptos uses the tools on PATH instead of fetching its own.
tool-cargo-leptos:
	@if [ "$$(cargo leptos --version 2>/dev/null)" = "cargo-leptos $(CARGO_LEPTOS_VERSION)" ]; then \
	  echo "ok: cargo-leptos $(CARGO_LEPTOS_VERSION)"; \
	else \
	  echo "installing: cargo-leptos $(CARGO_LEPTOS_VERSION) (about 17 minutes on 2 cores)"; \
	  cargo install cargo-leptos --version $(CARGO_LEPTOS_VERSION) --locked --features no_downloads; \
	fi

# Without --locked: the lock file packaged with 0.2.130 names a yanked crate.
tool-wasm-bindgen:
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "ok: wasm-bindgen $(WASM_BINDGEN_VERSION)"; \
	else \
	  echo "installing: wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 3 minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

tool-wasm-opt:
	@if [ -x "$(BINARYEN_BIN)/wasm-opt" ]; then \
	  echo "ok: wasm-opt from npm binaryen $(BINARYEN_VERSION)"; \
	else \
	  echo "installing: npm binaryen $(BINARYEN_VERSION) into $(TOOLS_DIR)"; \
	  mkdir -p "$(TOOLS_DIR)/binaryen-$(BINARYEN_VERSION)"; \
	  npm install --prefix "$(TOOLS_DIR)/binaryen-$(BINARYEN_VERSION)" --no-audit --no-fund \
	    --save-exact binaryen@$(BINARYEN_VERSION); \
	fi

# Playwright cannot download its own browser here: Debian's Chromium it is.
tool-chromium:
	@if [ -x /usr/bin/chromium ]; then \
	  echo "ok: $$(/usr/bin/chromium --version 2>/dev/null)"; \
	else \
	  echo "installing: Debian's chromium"; \
	  apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	fi

tool-e2e-npm:
	@if [ end2end/node_modules/.package-lock.json -nt end2end/package-lock.json ]; then \
	  echo "ok: end2end npm packages"; \
	else \
	  echo "installing: end2end npm packages (npm ci)"; \
	  cd end2end && npm ci --no-audit --no-fund; \
	fi

## Run -----------------------------------------------------------------------------------

# Rebuilt only when a source changed, so a second `make run` starts at once. The stamp lives
# in the site folder: a fresh clone (or a removed site) builds again.
SOURCES := $(shell find app server frontend migrations style public -type f) Cargo.toml Cargo.lock .cargo/config.toml
BUILD_STAMP := $(SITE_ROOT)/.release-build

build: setup $(BUILD_STAMP)

$(BUILD_STAMP): $(SOURCES)
	$(call say,building Klik in release mode)
	cargo leptos build --release --precompress --split
	@test -x "$(KLIK_BIN)" || { echo "expected the server binary at $(KLIK_BIN)"; exit 1; }
	touch $@

# KLIK_DEMO=1 fills a new, empty database with the fictional demo programme first.
run: build
	@if [ "$${KLIK_DEMO:-}" = "1" ]; then "$(KLIK_BIN)" demo --if-empty; fi
	$(call say,starting Klik on http://$${KLIK_ADDR:-127.0.0.1:3000} (Ctrl-C stops it))
	LEPTOS_SITE_ROOT="$(SITE_ROOT)" LEPTOS_ENV=PROD "$(KLIK_BIN)" serve

## Test ----------------------------------------------------------------------------------

test: setup-test lint unit e2e
	$(call say,all tests passed)

lint:
	$(call say,formatting check)
	cargo fmt --all -- --check
	$(call say,clippy: server build (ssr) with warnings denied)
	cargo clippy --all-targets -- -D warnings
	$(call say,clippy: browser build (hydrate) with warnings denied)
	cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

# In parallel, with the default number of threads (see server/src/routes.rs::route_list for
# why renders once hung side by side).
unit:
	$(call say,Rust unit and integration tests on SQLite and on PostgreSQL ($(KLIK_TEST_POSTGRES_URL)))
	cargo test
	$(call say,every benchmark once in its test mode: a broken benchmark fails here)
	cargo test --benches

e2e: build
	$(call say,browser tests in Chromium: desktop, phone and JavaScript-off)
	cd end2end && KLIK_BIN="$(KLIK_BIN)" LEPTOS_SITE_ROOT="$(SITE_ROOT)" npx playwright test

## Benchmarks (not part of `make test`) ---------------------------------------------------

LOAD_BIN := $(TARGET_DIR)/release/load-buddies

# The load generator and seeder (bench/load): the server's own dependencies, nothing new.
# leptos reads LEPTOS_OUTPUT_NAME at compile time (option_env!), and cargo-leptos sets it:
# without the same value here, leptos and the whole app would be compiled again.
load-generator:
	$(call say,building the load generator (release))
	LEPTOS_OUTPUT_NAME=klik cargo build --release -p load-buddies

# THINK_MS="0 1000" (default): back to back, then 1 s between a buddy's actions.
bench-load: build load-generator
	$(call say,load test: $${BUDDIES:-200} buddies confirming activities for $${SECONDS_RUN:-60} s)
	KLIK_BIN="$(KLIK_BIN)" LOAD_BIN="$(LOAD_BIN)" LEPTOS_SITE_ROOT="$(SITE_ROOT)" \
	  bench/load-buddies.sh

bench-load-postgres: build load-generator
	$(call say,load test: three instances on one PostgreSQL database)
	DB=postgres THINK_MS=0 KLIK_BIN="$(KLIK_BIN)" LOAD_BIN="$(LOAD_BIN)" \
	  LEPTOS_SITE_ROOT="$(SITE_ROOT)" bench/load-buddies.sh

# Each case on a fresh database, back to back; the PostgreSQL cluster is started again
# whatever happens (see the script's cleanup).
bench-crash: build load-generator
	$(call say,crash under load: kill -9 of one of three instances on PostgreSQL)
	DB=postgres CHAOS=kill THINK_MS=0 KLIK_BIN="$(KLIK_BIN)" LOAD_BIN="$(LOAD_BIN)" \
	  LEPTOS_SITE_ROOT="$(SITE_ROOT)" bench/load-buddies.sh
	$(call say,crash under load: kill -9 and restart of the one SQLite instance)
	DB=sqlite CHAOS=kill-restart THINK_MS=0 KLIK_BIN="$(KLIK_BIN)" LOAD_BIN="$(LOAD_BIN)" \
	  LEPTOS_SITE_ROOT="$(SITE_ROOT)" bench/load-buddies.sh
	$(call say,graceful stop under load: SIGTERM to one of three instances on PostgreSQL)
	DB=postgres CHAOS=term THINK_MS=0 KLIK_BIN="$(KLIK_BIN)" LOAD_BIN="$(LOAD_BIN)" \
	  LEPTOS_SITE_ROOT="$(SITE_ROOT)" bench/load-buddies.sh
	$(call say,PostgreSQL stopped for 10 s under load, three instances)
	DB=postgres CHAOS=pg-stop THINK_MS=0 KLIK_BIN="$(KLIK_BIN)" LOAD_BIN="$(LOAD_BIN)" \
	  LEPTOS_SITE_ROOT="$(SITE_ROOT)" bench/load-buddies.sh
	$(call say,a backup of the one SQLite instance under load, restored and checked)
	DB=sqlite CHAOS=backup THINK_MS=0 KLIK_BIN="$(KLIK_BIN)" LOAD_BIN="$(LOAD_BIN)" \
	  LEPTOS_SITE_ROOT="$(SITE_ROOT)" bench/load-buddies.sh

bench-lighthouse: build load-generator
	$(call say,Lighthouse (mobile) on the buddy's home page)
	KLIK_BIN="$(KLIK_BIN)" LOAD_BIN="$(LOAD_BIN)" LEPTOS_SITE_ROOT="$(SITE_ROOT)" \
	  bench/lighthouse.sh

bench-download: build
	$(call say,what a browser downloads to show each page and make it work)
	KLIK_BIN="$(KLIK_BIN)" LEPTOS_SITE_ROOT="$(SITE_ROOT)" bench/download.sh
