# newsdesk — the two commands: `make run` and `make test`. Both set up .venv/ first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint docs lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "newsdesk needs Python 3.11+: run make PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

run: setup
	$(BIN)/newsdesk run seeds

test: setup
	$(BIN)/python -m pytest

# Lint, format check and types (settings in pyproject.toml); .ci/run runs it before the tests.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# A local Prefect server (dashboard on http://127.0.0.1:$(SERVE_PORT)), the deployments of
# prefect.yaml and a worker, until Ctrl-C. Another port: make serve SERVE_PORT=4300
SERVE_PORT ?= 4200
.PHONY: serve
serve: setup
	$(BIN)/newsdesk serve --port $(SERVE_PORT)

# The dashboard (Streamlit) on the warehouse of `make run`, read-only, on http://127.0.0.1:$(DASHBOARD_PORT)
# until Ctrl-C. Another port: make dashboard DASHBOARD_PORT=8600
DASHBOARD_PORT ?= 8501
.PHONY: dashboard
dashboard: setup
	$(BIN)/newsdesk dashboard --port $(DASHBOARD_PORT)

docs: setup
	$(BIN)/newsdesk docs

# Refresh the lock of exact versions after changing dependencies in pyproject.toml.
lock: setup
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^newsdesk' | LC_ALL=C sort > requirements.lock

clean:
	rm -rf $(VENV) .prefect data .pytest_cache .hypothesis
