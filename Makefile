# The two commands a newcomer needs: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build check test lint format bench system-packages clean messages

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# The preview reloads about a second after a save: the PDFs are made in a
# background process after each rebuild (the buttons say "PDF'en laves…"
# meanwhile), and content errors are shown in the browser.
# `make serve COURSEBOOK_PDF=0` skips the PDFs altogether.
COURSEBOOK_PDF ?= 1
serve: setup
	COURSEBOOK_PDF=$(COURSEBOOK_PDF) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: setup
	COURSEBOOK_PDF=1 $(BIN)/coursebook build

check: setup
	$(BIN)/coursebook check

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Tests need Debian's chromium (browser tests), LibreOffice (the Word files
# must convert), poppler (pdftotext: where the plans' answers are drawn), and
# Enchant with the Danish Hunspell dictionary (the spelling check). Each is
# found by a command or, for a library, a file it installs.
# Install them when we may (root), or say how.
TEST_PACKAGES := chromium:chromium soffice:libreoffice-writer-nogui pdftotext:poppler-utils \
  /usr/share/doc/libenchant-2-2:libenchant-2-2 \
  /usr/share/hunspell/da_DK.dic:hunspell-da
system-packages:
	@missing=""; for pair in $(TEST_PACKAGES); do \
	  found=$${pair%%:*}; \
	  if [ "$${found#/}" != "$$found" ]; then test -e $$found; \
	  else command -v $$found >/dev/null 2>&1; fi || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages for the tests:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "The tests need these Debian packages: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi

test: setup system-packages lint
	$(BIN)/python -m pytest -n 2

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site .pytest_cache

# Coordinator messages: compile the Danish catalog after editing its .po file.
messages: setup
	$(BIN)/pybabel compile --domain coursebook --directory hooks/coursebook/locale
