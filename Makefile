# The two commands a newcomer needs: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
DB      ?= tipwatch.db

.PHONY: run test lint eval bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(VENV)/.installed $@

## run: set up .venv, ingest the bundled examples into ./tipwatch.db, print facts and checks
run: $(VENV)/.installed
	$(BIN)/tipwatch ingest --db sqlite:///$(DB) examples/
	$(BIN)/tipwatch facts --db sqlite:///$(DB) --format table
	$(BIN)/tipwatch summary --db sqlite:///$(DB)

## test: set up .venv with test extras and run the whole suite (lint and layering included)
test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/pytest -n 2 -q

eval: $(VENV)/.installed-test
	$(BIN)/tipwatch eval ../shared/dev/gold.jsonl ../shared/seeds --show
	$(BIN)/tipwatch eval tests/devset/gold.jsonl tests/devset/articles

bench: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/checks_speed.py
	$(BIN)/python bench/web_load.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
