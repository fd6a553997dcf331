# The two commands a newcomer needs: `make run` and `make test`.
# Everything runs inside .venv, created on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run DEBUG=1` shows Django's debug pages instead of the site's own error pages.
DEBUG ?=
# Links in emails and the demo site's address follow where `make run` serves.
WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)

.DEFAULT_GOAL := help
.PHONY: help run install test suite test-postgres suite-postgres checks lint format messages clean audit bench lighthouse country-map lock cluster cluster-stop cluster-test

help:
	@echo "make run            install, migrate, load demo content, serve on http://$(HOST):$(PORT)"
	@echo "make run DEBUG=1    the same, with Django's debug pages instead of the site's error pages"
	@echo "make test           checks, lint and the whole test suite on SQLite"
	@echo "make test-postgres  the same suite on a throwaway PostgreSQL 15 cluster"
	@echo "make audit          pip-audit: known vulnerabilities in the locked packages"
	@echo "make lock           re-resolve requirements/*.txt (with hashes) from pyproject.toml"
	@echo "make cluster        the production topology on loopback: http://127.0.0.1:8080"
	@echo "make cluster-stop   stop everything make cluster started"
	@echo "make cluster-test   scenarios against the cluster (starts and stops it if needed)"
	@echo "make bench          load-test a synthetic site (100 and 10,000 items) against budgets"
	@echo "make lighthouse     Lighthouse (mobile) on the demo site: performance >= 95, others 100"
	@echo "make messages       extract interface strings into locale/*/LC_MESSAGES/django.po"
	@echo "make country-map    redraw the directory's country map from Natural Earth (world-atlas)"
	@echo "make format         format the code with ruff"
	@echo "pre-commit install  run ruff and djlint before each commit (.pre-commit-config.yaml)"

# Reinstall only when the lock changes, so a second `make run` starts in seconds.
# Exactly the locked versions, each checked against its hash (requirements/dev.txt).
$(BIN)/.installed: requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	touch $@

# Re-resolve the locks from pyproject.toml after a dependency changed: pins that
# still fit are kept. `make lock UPGRADE=1` takes the newest releases in the ranges.
PIP_COMPILE = $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)
lock: $(BIN)/.installed
	$(PIP_COMPILE) --extra redis --extra s3 -o requirements/production.txt pyproject.toml
	$(PIP_COMPILE) --extra redis --extra s3 --extra dev -o requirements/dev.txt pyproject.toml

# Security: the Nu HTML Checker (vnu-jar) for the HTML tests, from package-lock.json.
node_modules/.installed: package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the HTML validity tests will skip (and fail under CI=true)"; fi

install: $(BIN)/.installed node_modules/.installed

run: install
	WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(MANAGE) prepare_demo
	DEBUG=$(DEBUG) WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(MANAGE) runserver $(HOST):$(PORT)

checks: install
	$(MANAGE) compile_translations
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check --fail-level WARNING
	# In memory: SQLite files are made only by migrate (portal/sqlite).
	DATABASE_URL=sqlite://:memory: DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint --lint templates security/templates
	$(BIN)/bandit --quiet --recursive . --exclude ./.venv,./tests,./node_modules,./var --severity-level medium

audit: install
	scripts/audit-dependencies

# Coverage gate: the whole suite must cover at least [tool.coverage.report] fail_under.
COVERAGE_ARGS ?= --cov --cov-report=term-missing:skip-covered

# `make test` is `make checks` then `make suite`; CI runs the two suites side by side.
test: checks
	$(MAKE) --no-print-directory suite

suite: install
	$(BIN)/pytest $(COVERAGE_ARGS) $(PYTEST_ARGS)

# The browser and HTML tests check what a browser receives, which does not depend on the
# database engine: they run in `make test` only. Everything that reads or writes data runs here.
POSTGRES_PYTEST_ARGS ?= -m "not browser and not html"

test-postgres: checks
	$(MAKE) --no-print-directory suite-postgres

suite-postgres: install
	scripts/with-postgres $(BIN)/pytest $(POSTGRES_PYTEST_ARGS) $(PYTEST_ARGS)

cluster: install
	scripts/cluster start

cluster-stop:
	scripts/cluster stop

# tests_cluster/ is not collected by make test (testpaths = tests).
cluster-test: install
	$(BIN)/pytest tests_cluster -p no:cacheprovider $(PYTEST_ARGS)

# Performance (bench/README.md): about 50 minutes; needs wrk; PostgreSQL, nginx
# and Redis optional (the engines they serve are skipped with a note).
bench: install
	$(BIN)/python -m bench.run

lighthouse: install
	$(BIN)/python -m bench.lighthouse

lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# sr_Cyrl is not here: compile_translations generates it from sr_Latn.
TRANSLATED_LOCALES := sq sr_Latn bs mk cnr

messages: install
	$(MANAGE) makemessages $(addprefix -l ,$(TRANSLATED_LOCALES)) --no-obsolete --no-location --ignore=.venv --ignore=var --ignore=bench --ignore=node_modules

clean:
	rm -rf $(VENV) var/static

# The directory's map borders (initiatives/map/countries.json, committed) from the
# Natural Earth data in the npm package world-atlas: see scripts/build_country_map.py.
country-map: install
	$(BIN)/python scripts/build_country_map.py
