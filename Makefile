# Two commands do all the set-up on a fresh machine with python3 and make:
#   make serve   creates .venv on first use and serves the site at http://127.0.0.1:8000
#   make test    creates .venv on first use and runs the whole test suite (make test-fast, make test-pages: quick parts)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1
# pytest keeps each test module it rewrites (and hypothesis, which it rewrites as a plugin) as bytecode in __pycache__;
# with bytecode turned off in the environment every run, and every xdist worker, would compile them all again.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: serve test test-fast test-pages build build-pages bench bench-site bench-notebooks bench-browser bench-prerender bench-live lock clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

# Executed notebooks, pages with executed blocks, the cut text fonts and the served wheel are cached in .cache/ by
# everything they depend on (hooks/notebook_cache.py, page_cache.py, fonts.py, package.py): a rebuild redoes only
# what an edit changed.
DEV_ADDR ?= 127.0.0.1:8000
# --dirty: a saved page alone is written again, anything else rebuilds the site (hooks/incremental.py); mkdocs warns
# at every dirty build, so the preview cannot be strict (make build is).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr $(DEV_ADDR) --livereload

# Every test, on every core (pytest-xdist; a module's tests stay on one worker, so a module's fixtures run once).
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest -n auto --dist loadscope

# Without the browser, the two loops below need neither the reruns of a stalled tab (pytest-rerunfailures) nor a
# timeout that can stop a test blocked outside Python: a hung test is stopped by SIGALRM instead of by a watchdog
# thread started for each of some 2,500 tests (benchmarks/README.md times this together with another change).
QUICK := -n auto --dist loadscope -p no:rerunfailures -o timeout_method=signal -m "not slow and not browser"

# The quick loop while changing the package: the package, the CLI and every block of the pages run on its own; no
# site build, no browser.
test-fast: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest $(QUICK) tests/package tests/pages/test_doc_snippets.py

# The loop while writing a page: every check of the pages' words, numbers and equations, with the worked example and
# with other examples; no site build, no browser.
test-pages: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest $(QUICK) tests/pages

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# The Markdown pages only, without the notebooks, into site-pages/: the quick check while writing a page.
build-pages: $(STAMP)
	$(BIN)/python -m benchmarks.build_pages

bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_train

# make build with cold and warm caches, make serve after a page edit and an example edit, heaviest page; PASS/FAIL.
bench-site: $(STAMP)
	$(BIN)/python -m benchmarks.bench_site

# Build time each exercise notebook adds, and the weight of a notebook page; PASS/FAIL vs targets.
bench-notebooks: $(STAMP)
	$(BIN)/python -m benchmarks.bench_notebooks

# Every page against its floor (article emptied): painted, scripts, longest task, gzipped bytes; PASS/FAIL.
bench-browser: $(STAMP)
	$(BIN)/python -m benchmarks.bench_browser

# MathJax pre-rendered at build time vs client-side: math painted, bytes per page, added build time; PASS/FAIL.
bench-prerender: $(STAMP)
	$(BIN)/python -m benchmarks.bench_prerender

# Live worked example: time from an edit to every number and formula drawn (headless Chromium); PASS/FAIL vs 50 ms.
bench-live: $(STAMP)
	$(BIN)/python -m benchmarks.bench_live

# Regenerate the pinned versions from a clean environment (run after changing pyproject.toml).
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet '.[dev]'
	.lock-venv/bin/python -m pip freeze --all --exclude-editable | grep -v -e '^backprop' -e '^pip==' > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf site site-pages .pytest_cache .hypothesis
