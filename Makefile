# Two entry points (see README): `make serve` and `make test`.
# Both set up what they need on a fresh machine: a virtualenv with the pinned
# Python packages, and (for the browser tests) Debian's chromium.

PYTHON ?= python3
SERVE_ADDR ?= 127.0.0.1:8000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build test validate bench bench-serve weight screenshots chromium java libreoffice

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -q && apt-get install -y -q chromium)

libreoffice:  # DOCX -> PDF for the import tests' documents (tests/documents.py)
	@command -v soffice >/dev/null 2>&1 || (apt-get update -q && apt-get install -y -q --no-install-recommends libreoffice-writer-nogui)

java:  # the Nu HTML checker (tests/test_quality.py) runs on Java
	@command -v java >/dev/null 2>&1 || (apt-get update -q && apt-get install -y -q default-jre-headless)

# `make serve HANYA="bengkalis/rupat-utara paser"` previews only those kabupaten[/kecamatan] folders.
HANYA ?=

serve: $(STAMP)
	$(BIN)/python -m builder validate $(HANYA)
	KECAMATAN_HANYA="$(HANYA)" $(BIN)/mkdocs serve --strict --dev-addr $(SERVE_ADDR)

build: $(STAMP)
	$(BIN)/python -m builder validate
	rm -rf build/site.new
	$(BIN)/mkdocs build --strict --clean --site-dir build/site.new
	$(BIN)/python scripts/swap_site.py build/site.new build/site

validate: $(STAMP)
	$(BIN)/python -m builder validate

test: $(STAMP) chromium java libreoffice
	$(BIN)/python -m pytest -q

bench: $(STAMP) chromium
	$(BIN)/python benchmarks/bench_build.py

weight: build chromium
	$(BIN)/python benchmarks/page_weight.py build/site

bench-serve: $(STAMP) chromium
	$(BIN)/python benchmarks/serve_reload.py

screenshots: build chromium
	$(BIN)/python scripts/screenshots.py build/site build/screenshots
