# Every target is .PHONY: a folder named like a target (build/, site/) must never make it a no-op.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PORT ?= 8000
# Material prints a banner about MkDocs 2.0 on every build; it is not ours to act on.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup python-deps node-deps browser-deps lint test build serve bench dist clean

help:
	@echo "make serve   set up, build and serve the site on http://127.0.0.1:$(PORT)"
	@echo "make test    set up (Python deps, Node deps, Chromium) and run ruff + every test"
	@echo "make build   build the site into site/"
	@echo "make bench   benchmark the built site in headless Chromium"
	@echo "make dist    zip the built site with a standard-library launcher"

setup: python-deps node-deps

python-deps:
	@if [ ! -f $(PY_STAMP) ] || [ pyproject.toml -nt $(PY_STAMP) ] || [ constraints.txt -nt $(PY_STAMP) ]; then \
	  set -e; test -x $(PY) || $(PYTHON) -m venv $(VENV); \
	  $(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]"; \
	  touch $(PY_STAMP); fi

node-deps:
	@if [ ! -f $(NODE_STAMP) ] || [ package-lock.json -nt $(NODE_STAMP) ]; then \
	  set -e; npm ci --no-audit --no-fund --loglevel=error; touch $(NODE_STAMP); fi

browser-deps:
	@bash scripts/install-chromium.sh

lint: python-deps node-deps
	$(PY) -m ruff check .
	$(PY) -m ruff format --check calculators macros importer tests scripts bench
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.worker.json

test: setup browser-deps lint
	$(PY) -m pytest

build: setup
	$(PY) -m mkdocs build --strict --clean

serve: build
	$(PY) scripts/serve.py --dir site --port $(PORT) --csp

bench: setup browser-deps
	$(PY) -m bench

dist: build
	$(PY) scripts/make_dist.py

clean:
	rm -rf site dist build .cache .pytest_cache .ruff_cache
