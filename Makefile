# DSR Desk — the two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

.PHONY: run test bench lint format system-deps screenshots clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed system-deps
	$(PY) -m dsr_desk $(ARGS)

# Debian packages the tests use when present (Qt's offscreen libraries, poppler, 7-Zip).
system-deps:
	@sh scripts/system-deps.sh

# Tests never touch the developer's keychain: the default backend is the one that has none.
test bench: export PYTHON_KEYRING_BACKEND = keyring.backends.fail.Keyring
test: $(VENV)/.installed-test system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/benchmarks -s $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(PY) -m ruff check dsr_desk tests
	$(PY) -m ruff format --check dsr_desk tests

format: $(VENV)/.installed-test
	$(PY) -m ruff format dsr_desk tests
	$(PY) -m ruff check --fix dsr_desk tests

screenshots: $(VENV)/.installed-test system-deps
	xvfb-run -a -s "-screen 0 1400x900x24" $(PY) scripts/screenshots.py screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info
