# DSR Desk — the two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Exact versions and hashes of everything the app, its tests and its build use, on Windows, macOS and
# Linux alike; pyproject.toml keeps the ranges. `make lock` writes it anew (installers/README.md).
LOCK   := requirements.lock

.PHONY: run test bench lint format system-deps screenshots clean lock installer smoke

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# One environment for running, testing and building, installed from the lock file.
$(VENV)/.installed: pyproject.toml $(LOCK) | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	touch $@

# After changing a dependency in pyproject.toml: keeps every other pin; UPGRADE=1 moves all to the newest.
lock: | $(PY)
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile --quiet pyproject.toml --extra test --extra build --universal \
		--python-version 3.11 --generate-hashes --custom-compile-command "make lock" \
		$(if $(UPGRADE),--upgrade) -o $(LOCK)

run: $(VENV)/.installed system-deps
	$(PY) -m dsr_desk $(ARGS)

# Debian packages the tests use when present (Qt's offscreen libraries, poppler, 7-Zip).
system-deps:
	@sh scripts/system-deps.sh

# Tests never touch the developer's keychain: the default backend is the one that has none.
test bench: export PYTHON_KEYRING_BACKEND = keyring.backends.fail.Keyring
# One worker per core (TEST_WORKERS=0 runs in this process); a test file stays on one worker, so its
# module-scoped fixtures are built once.
TEST_WORKERS ?= auto
test: $(VENV)/.installed-test system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/benchmarks -s $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(PY) -m ruff check dsr_desk tests installers scripts
	$(PY) -m ruff format --check dsr_desk tests installers scripts

format: $(VENV)/.installed-test
	$(PY) -m ruff format dsr_desk tests installers scripts
	$(PY) -m ruff check --fix dsr_desk tests installers scripts

# The application for this system, in dist/ (bundle and package; see installers/README.md), then the
# smoke test that runs the bundle with no Python on PATH.
installer: $(VENV)/.installed system-deps
	$(PY) installers/build.py
	$(PY) installers/smoke_test.py

smoke: $(VENV)/.installed
	$(PY) installers/smoke_test.py

screenshots: $(VENV)/.installed-test system-deps
	xvfb-run -a -s "-screen 0 1400x900x24" $(PY) scripts/screenshots.py screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info
