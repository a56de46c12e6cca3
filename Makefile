# The two commands of the README's quick start: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: run test check catalogs system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Reinstall only when the project metadata changes.
$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.run-installed

# Static files are compressed once here, not per request (skips those already done).
run: $(VENV)/.run-installed
	$(BIN)/negotiation-timeline precompress
	$(BIN)/negotiation-timeline serve --host $(HOST) --port $(PORT) $(if $(PUBLIC_URL),--public-url $(PUBLIC_URL))

# Browser tests need Debian's Chromium and its driver; install them only when missing.
system-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; \
	fi

test: system-deps $(VENV)/.test-installed
	$(BIN)/negotiation-timeline precompress
	$(BIN)/python -m pytest

# The edit loop: every test but the browser tests, and the data package (about a minute).
check: $(VENV)/.test-installed
	$(BIN)/negotiation-timeline validate
	$(BIN)/python -m pytest --ignore=tests/browser -q

# The interface's languages (README "Languages"): extract every marked message, merge the new
# ones into each catalog, compile. The .mo files are committed beside the .po files.
catalogs: $(VENV)/.run-installed
	mkdir -p build
	$(BIN)/pybabel extract -F babel.cfg -k N_ --sort-output --no-wrap --no-location -o build/messages.pot dashboard
	$(BIN)/pybabel update -i build/messages.pot -d dashboard/locale --no-wrap --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d dashboard/locale --statistics

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
