# zuzhi-kb — every target sets up what it needs (a .venv, and for tests Debian's chromium and CJK fonts).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
ADDR   ?= 127.0.0.1:8000

.PHONY: help site serve test test-fast bench system-deps clean upgrade-deps

help:
	@echo "make serve   build the knowledge base and serve it at http://$(ADDR)/"
	@echo "make site    build into site/ (and site/kb.json)"
	@echo "make test    install everything the tests need and run them all"
	@echo "make bench   benchmark builds and search at 100/1,000/2,000 speeches (slow)"

# constraints.txt pins every dependency to the versions the tests last passed with, so a fresh
# machine next year installs the same ones. Upgrade deliberately: `make upgrade-deps`, run the
# tests, commit the new constraints.txt.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

upgrade-deps:
	rm -rf $(VENV).upgrade
	$(PYTHON) -m venv $(VENV).upgrade
	$(VENV).upgrade/bin/python -m pip install --quiet --upgrade pip
	$(VENV).upgrade/bin/python -m pip install --quiet -e '.[test]'
	$(VENV).upgrade/bin/python -m pip freeze --exclude-editable | grep -v zuzhi > constraints.txt
	rm -rf $(VENV).upgrade
	@echo "constraints.txt updated: run 'make test' before committing it"

site: $(STAMP)
	$(BIN)/kb build

serve: $(STAMP)
	$(BIN)/kb build
	$(BIN)/kb serve --dev-addr $(ADDR)

# Browser tests need Chromium, PDF tests CJK fonts and pdftoppm, the search-core tests Node:
# install them from Debian when missing.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing chromium, fonts-noto-cjk, poppler-utils and nodejs from Debian…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils $$(command -v node >/dev/null 2>&1 || echo nodejs) >/dev/null; \
	  else \
	    echo "Browser, PDF and JS tests need: sudo apt-get install chromium fonts-noto-cjk poppler-utils nodejs (they are skipped without them)"; \
	  fi; \
	fi

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

test-fast: $(STAMP) system-deps
	$(BIN)/python -m pytest -q -m "not browser"

bench: $(STAMP) system-deps
	$(BIN)/python bench/run.py

clean:
	rm -rf site .site.* bench/out
