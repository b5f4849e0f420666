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
# what tesserocr (in-process Tesseract) is built with: Debian's libtesseract, the CLI's own
BUILD_PACKAGES := libtesseract-dev libleptonica-dev pkg-config g++
DEB_PACKAGES := tesseract-ocr tesseract-ocr-swe tesseract-ocr-osd poppler-utils qpdf fonts-dejavu-core \
	chromium chromium-driver $(BUILD_PACKAGES)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system tesserocr run test lint typecheck pytest bench samples clean help

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
	    && command -v chromium >/dev/null && command -v chromedriver >/dev/null \
	    && pkg-config --exists tesseract lept 2>/dev/null && command -v g++ >/dev/null; then \
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
	@$(MAKE) --no-print-directory tesserocr
	@touch $(STAMP)

# In-process Tesseract (the `inprocess` extra): tesserocr built from its source against Debian's
# libtesseract, the CLI's own library, so that it reads exactly as the CLI does (PyPI's wheel
# bundles a newer libtesseract, which reads a few characters differently). Built again when
# the library it reports is not the CLI's `tesseract --version`; if the build fails, pages are
# read by the tesseract CLI (NAMND_OCR_ENGINE=auto falls back to it; see README).
tesserocr:
	@want="$$(tesseract --version 2>/dev/null | head -n 1)"; \
	have="$$($(BIN)/python -c 'import tesserocr; print(tesserocr.tesseract_version().splitlines()[0].strip())' 2>/dev/null)"; \
	if [ -n "$$want" ] && [ "$$have" != "$$want" ]; then \
	  echo "building tesserocr against Debian's libtesseract ($$want)"; \
	  $(BIN)/python -m pip uninstall -q -y tesserocr >/dev/null 2>&1; \
	  $(BIN)/python -m pip install -q --no-binary tesserocr -e ".[inprocess]" \
	  || echo "tesserocr did not build: pages will be read by the tesseract CLI" >&2; \
	fi

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
