# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := sqlite:///demo.db

.PHONY: setup demo test gate model model-talks cv cv-uk web-assets clean

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

# The web page's browser libraries (vis-timeline, cytoscape, swagger-ui, uplot) come from npm,
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
