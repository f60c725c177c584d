# zuzhi-kb — every target sets up what it needs (a .venv, and for tests Debian's chromium and CJK fonts).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
ADDR   ?= 127.0.0.1:8000

.PHONY: help site serve test test-fast bench system-deps check-tools fonts clean upgrade-deps properdocs

help:
	@echo "make serve      生成网站并在 http://$(ADDR)/ 提供浏览（改动 corpus/ 后自动重建）"
	@echo "make site       生成网站到 site/（含 site/kb.json 和学习材料 PDF）"
	@echo "make test       安装测试所需的一切并运行全部测试（空闲的 2 核机器上约 7 分钟）"
	@echo "make bench      测量 100/1,000/2,000/10,000 篇的构建和检索（约 20 分钟），结果写入 bench/RESULTS.md"
	@echo "make properdocs 用 ProperDocs 代替 MkDocs 生成种子网站（另建 .venv-properdocs）"
	@echo "之后的日常命令都用项目根目录下的 ./kb，例如 ./kb add 讲话.docx、./kb check"

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

site: $(STAMP) fonts
	$(BIN)/kb build

# kb serve builds once into a preview folder and rebuilds on every change: no `kb build` before it.
serve: $(STAMP) fonts
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

# Checks nobody here wrote, run by tests/test_a11y.py: axe-core (accessibility, in the headless
# Chromium) and the Nu HTML checker (vnu.jar, run by Java). Pinned; installed from npm into .tools/.
AXE_VERSION := 4.14.1
VNU_VERSION := 26.9.27
TOOLS       := .tools
TOOLS_STAMP := $(TOOLS)/.installed-axe-$(AXE_VERSION)-vnu-$(VNU_VERSION)
check-tools: $(TOOLS_STAMP)
$(TOOLS_STAMP):
	@if ! command -v java >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Java and npm from Debian (for the HTML checker and axe-core)…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$(command -v java >/dev/null 2>&1 || echo default-jre-headless) $$(command -v npm >/dev/null 2>&1 || echo npm) >/dev/null; \
	  else \
	    echo "The accessibility and HTML checks need: sudo apt-get install default-jre-headless npm (they are skipped without them)"; \
	  fi; \
	fi
	@if command -v npm >/dev/null 2>&1; then \
	  mkdir -p $(TOOLS) && npm install --prefix $(TOOLS) --no-audit --no-fund --silent axe-core@$(AXE_VERSION) vnu-jar@$(VNU_VERSION) && touch $@; \
	fi

# Study handouts (PDF) are set in free faces close to the official ones: FandolFang (仿宋), FandolKai
# (楷体) and FandolHei (黑体), taken from Debian's texlive-lang-chinese package without installing
# TeX, and Noto Serif/Sans CJK (fonts-noto-cjk). Fonts you own (仿宋_GB2312, 方正小标宋) can be named
# in corpus/print.yaml instead.
FANDOL_DIR := /usr/local/share/fonts/fandol
fonts:
	@if fc-list 2>/dev/null | grep -q FandolFang && fc-list 2>/dev/null | grep -qi "Noto Serif CJK"; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "Installing the free Chinese print fonts (fonts-noto-cjk; FandolFang/Kai/Hei/Song from texlive-lang-chinese)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig fonts-noto-cjk >/dev/null && \
	  tmp=$$(mktemp -d) && (cd $$tmp && apt-get download -qq texlive-lang-chinese 2>/dev/null && dpkg -x texlive-lang-chinese_*.deb x) && \
	  mkdir -p $(FANDOL_DIR) && for face in Fang Kai Hei Song; do cp $$tmp/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol$$face-*.otf $(FANDOL_DIR)/; done; \
	  rm -rf $$tmp; fc-cache -f >/dev/null; \
	else \
	  echo "PDF handouts look best with FandolFang and Noto CJK fonts: run 'sudo make fonts' once (or name your own fonts in corpus/print.yaml)"; \
	fi

# The MkDocs edge, portable: the same project built by ProperDocs (the maintained continuation of
# MkDocs 1.x) in place of MkDocs, in a venv of its own without MkDocs (build_kb/publish/__init__.py
# lets `mkdocs.*` imports load ProperDocs). Material is installed without its `mkdocs` requirement;
# its own dependencies are listed here. tests/test_properdocs.py builds the seed site with it and
# compares the pages with MkDocs' (see docs/dev/STACK.md).
PD_VENV  := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed-stamp
OUR_DEPS := $(shell sed -n '/^dependencies = \[/,/^\]/p' pyproject.toml | grep -o '"[^"]*"' | grep -v '^"mkdocs')
MATERIAL_DEPS := babel backrefs colorama jinja2 markdown paginate pygments pymdown-extensions requests
$(PD_STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PD_VENV)/bin/python -m pip install --quiet -c constraints.txt properdocs $(MATERIAL_DEPS) $(OUR_DEPS)
	$(PD_VENV)/bin/python -m pip install --quiet --no-deps -c constraints.txt mkdocs-material mkdocs-material-extensions
	$(PD_VENV)/bin/python -m pip install --quiet --no-deps -e .
	touch $(PD_STAMP)

properdocs: $(PD_STAMP) fonts
	$(PD_VENV)/bin/python -m build_kb build --site-dir site-properdocs --cache-dir .kb-cache-properdocs
	@echo "用 ProperDocs 生成的网站在 site-properdocs/"

test: $(STAMP) $(PD_STAMP) system-deps check-tools fonts
	$(BIN)/python -m pytest -q

test-fast: $(STAMP) system-deps check-tools fonts
	$(BIN)/python -m pytest -q -m "not browser and not package"

# Lighthouse (performance, accessibility, layout shift of the seed site's pages) is a bench row, not a
# test: its scores move with the machine's load. Pinned; installed from npm into .tools/lighthouse/.
LIGHTHOUSE_VERSION := 13.5.0
LIGHTHOUSE_STAMP   := $(TOOLS)/lighthouse/.installed-$(LIGHTHOUSE_VERSION)
$(LIGHTHOUSE_STAMP):
	@if command -v npm >/dev/null 2>&1; then \
	  mkdir -p $(TOOLS)/lighthouse && npm install --prefix $(TOOLS)/lighthouse --no-audit --no-fund --silent lighthouse@$(LIGHTHOUSE_VERSION) && touch $@; \
	fi

bench: $(STAMP) system-deps check-tools $(LIGHTHOUSE_STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/kb build --no-pdf --site-dir bench/out/lighthouse-site --cache-dir bench/out/lighthouse-cache --allow-shrink
	$(BIN)/python bench/lighthouse.py bench/out/lighthouse-site

clean:
	rm -rf site .site.* bench/out $(TOOLS) site-properdocs .site-properdocs.* .kb-cache-properdocs
