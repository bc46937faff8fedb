# Two commands matter: `make run` (install, build the local index, serve) and `make test` (everything CI runs).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev lint typecheck pytest serve clean build-index eval bench bench-retrieval chromium

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

# Node packages the tests start (a local Cosmos DB server); reinstalled when the lockfile changes.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Headless Chromium for the browser tests (tests/web), from Debian's packages; Playwright drives it
# and never downloads a browser of its own. Installing needs root (CI runs as root).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Chromium is missing: run 'sudo apt-get install chromium' (the browser tests skip without it)"; \
		fi; \
	fi

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(PY) -m pharmabot build-index
	$(PY) -m pharmabot serve --host $(HOST) --port $(PORT)

serve: run

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: install-dev
	$(PY) -m mypy

pytest: install-dev node_modules/.installed chromium
	$(PY) -m pytest

test: lint typecheck pytest

build-index: install
	$(PY) -m pharmabot build-index

# Quality on the development sets (kept outside the repository): `make eval DEV=path/to/dev`.
eval: install
	@test -n "$(DEV)" || { echo "usage: make eval DEV=<dir with medicationqa_dev, answers_dev, ddi_dev, triage_dev, injection_dev .jsonl>"; exit 2; }
	$(PY) eval/run_all.py $(DEV)

# Speed against a bare FastAPI baseline in the same run: cold start, chat streaming, latency, memory.
# About 1-2 minutes on 2 cores (plus ~1-2 minutes the first time, to build the full index).
bench: install
	$(PY) bench/run_all.py

# Retrieval latency as the corpus grows (10k, 100k, 1M chunks; the 1M build takes several minutes).
bench-retrieval: install
	$(PY) bench/retrieval.py

clean:
	rm -rf $(VENV) .data node_modules .mypy_cache .ruff_cache .pytest_cache .hypothesis
