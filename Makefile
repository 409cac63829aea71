# Two commands for a fresh machine: `make demo` and `make test`. Both create .venv when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench benchmarks-md screenshot clean-venv

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsprism demo --out-dir out

test: $(STAMP)
	@bash scripts/test-deps.sh
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/python -m pytest -q; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing (a run without tests proves nothing)"; exit 1; fi; \
	  exit $$rc

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

# Refresh the README's screenshot of the web app (the demo corpus's story page).
screenshot: $(STAMP)
	@bash scripts/test-deps.sh
	$(BIN)/python scripts/screenshot.py

benchmarks-md: $(STAMP)
	$(BIN)/python scripts/benchmarks_md.py

clean-venv:
	rm -rf $(VENV)
