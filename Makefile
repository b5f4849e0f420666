# Two commands do all setup on a fresh Debian machine (run as root, or with sudo available):
#   make run    process the bundled samples in raw/ into warehouse/namnd.duckdb
#   make test   lint, type-check, run the test suite and execute the notebooks
# Both install what they need first (Debian packages, .venv, the package) and are quick when
# everything is already there.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEB_PACKAGES := tesseract-ocr tesseract-ocr-swe tesseract-ocr-osd poppler-utils qpdf fonts-dejavu-core \
	chromium chromium-driver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system run test lint typecheck pytest bench samples clean help

help:
	@echo "make run   - process raw/ into warehouse/namnd.duckdb (installs what it needs)"
	@echo "make test  - ruff, mypy, pytest (installs what it needs)"
	@echo "make bench - benchmarks in tests/bench (run on an idle machine)"

setup: system $(STAMP)

# Debian packages: installed only when something is missing.
system:
	@if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx swe \
	    && tesseract --list-langs 2>/dev/null | grep -qx osd && command -v pdftotext >/dev/null \
	    && command -v qpdf >/dev/null && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] \
	    && command -v chromium >/dev/null && command -v chromedriver >/dev/null; then \
	  true; \
	else \
	  echo "installing Debian packages: $(DEB_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(DEB_PACKAGES) >/dev/null; \
	fi

$(STAMP): pyproject.toml
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev,notebooks]"
	@touch $(STAMP)

run: setup
	$(BIN)/namnd run

lint: setup
	$(BIN)/ruff check pipeline tests
	$(BIN)/ruff format --check pipeline tests

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: setup
	$(BIN)/python tests/bench/bench_ocr.py

samples: setup
	$(BIN)/python -m pipeline.devtools.make_samples --out raw

clean:
	rm -rf extracted/* warehouse/*.duckdb warehouse/*.duckdb.wal
