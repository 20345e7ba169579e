# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := sqlite:///demo.db

.PHONY: setup demo test test-all gate model model-talks cv cv-uk web-assets clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/parley ingest samples --db $(DEMO_DB)
	$(BIN)/parley timeline --db $(DEMO_DB)

test: setup
	$(BIN)/python -m pytest -q

# The whole suite with nothing skipped: a throw-away PostgreSQL server for the store's tests (Debian's
# postgresql package) and Debian's chromium for the browser tests. Without them those tests skip, saying why.
test-all: setup
	@command -v chromium >/dev/null || { echo "chromium is missing: apt-get install chromium" >&2; exit 1; }
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { echo "PostgreSQL is missing: apt-get install postgresql" >&2; exit 1; }
	bash -c 'source .ci/postgres.sh && start_postgres && trap stop_postgres EXIT && $(BIN)/python -m pytest -q'

# The web page's browser libraries (vis-timeline, cytoscape, swagger-ui, uplot, d3-geo, world-atlas) come from npm,
# pinned in package.json; their built files are copied into the package and committed,
# so installing Parley needs no npm. This target rebuilds them; CI checks they match.
web-assets:
	npm ci --no-audit --no-fund --loglevel=error
	sh scripts/vendor_web.sh >/dev/null

# The meeting decisions, trained on ../shared/gold (dev + train); the weights are committed.
# The topic and assessment decisions read the meetings found, so they are trained after them.
model: setup
	$(BIN)/python -m parley.learn.train
	$(BIN)/python -m parley.extract.talks.train

# The topic and assessment decisions alone (dev + train); deterministic, under a minute.
model-talks: setup
	$(BIN)/python -m parley.extract.talks.train

# 5-fold cross-validation by document over dev + train: per fold, the mean, and the rules alone.
cv: setup
	$(BIN)/python bench/cv.py

cv-uk: setup
	$(BIN)/python bench/cv_uk.py

gate: setup
	$(BIN)/python bench/quality_gate.py

clean:
	rm -rf $(VENV) demo.db* parley.db* .pytest_cache
