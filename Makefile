# whodid: every target sets up what it needs. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast check lint typecheck eval bench bench-store bench-serve bench-scaling bench-batch clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,serve]"
	touch $(STAMP)

demo: $(STAMP)  ## code the bundled example article, store all examples in ./whodid.db, show a dyad
	$(BIN)/whodid code examples/harbour-talks.txt --published 2024-05-07 --format table
	$(BIN)/whodid ingest examples/ --published 2024-05-07 --db sqlite:///whodid.db
	$(BIN)/whodid dyad EGY ETH --by month --clusters --db sqlite:///whodid.db
	@echo "the dashboard on this data: $(BIN)/whodid serve --db sqlite:///whodid.db, then open http://127.0.0.1:8000/dyads/EGY/ETH"

# pytest-xdist workers: each loads the spaCy model once and starts its own PostgreSQL; a module's tests
# stay on one worker (loadscope), so a module's fixture (the demo server, the coded gold articles) is
# built once. TEST_WORKERS=0 runs in this process.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadscope

test: $(STAMP)  ## the whole test suite (skips what ../shared lacks)
	@$(PYTEST); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests; the suite is missing"; exit 1; fi; \
	exit $$rc

test-fast: $(STAMP)  ## the suite without the tests marked slow (real subprocesses, concurrent ingests)
	@$(PYTEST) -m "not slow"; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test-fast: pytest collected no tests; the suite is missing"; exit 1; fi; \
	exit $$rc

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test  ## ruff, mypy and pytest

eval: $(STAMP)  ## every gold evaluation; regenerates docs/ACCURACY.md (skips what ../shared lacks)
	$(BIN)/python scripts/eval_all.py --errors-dir eval-errors
	$(BIN)/python scripts/fit_confidence.py --accuracy docs/ACCURACY.md

bench: $(STAMP)  ## whodid vs spaCy's parse alone on 500 corpus articles (needs ../shared)
	$(BIN)/python bench/bench_code.py --articles 500

bench-store: $(STAMP)  ## store: ingest vs coding alone (500 articles), dyad over 1M generated events, ingest memory
	$(BIN)/python bench/bench_store.py ingest --articles 500 --repeat 3
	$(BIN)/python bench/bench_store.py dyad --events 1000000
	$(BIN)/python bench/bench_store.py memory

bench-serve: $(STAMP)  ## whodid serve over loopback on 1M generated events: /v1/events, a dyad's series, the overview and map pages
	$(BIN)/python bench/bench_serve.py --events 1000000 --requests 400

bench-scaling: $(STAMP)  ## time and peak memory of one article of 100 KB to 5 MB (needs ../shared; minutes)
	$(BIN)/python bench/bench_scaling.py

bench-batch: $(STAMP)  ## whodid batch --workers 2 vs --workers 1 on 400 corpus articles, peak RSS per worker (needs ../shared)
	$(BIN)/python bench/bench_batch.py --articles 400

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
