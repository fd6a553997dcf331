# The two commands a newcomer needs: `make run` and `make test`.
# Everything runs inside .venv, created on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails and the demo site's address follow where `make run` serves.
WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)

.DEFAULT_GOAL := help
.PHONY: help run install test test-postgres checks lint format messages clean audit bench lighthouse country-map

help:
	@echo "make run            install, migrate, load demo content, serve on http://$(HOST):$(PORT)"
	@echo "make test           checks, lint and the whole test suite on SQLite"
	@echo "make test-postgres  the same suite on a throwaway PostgreSQL 15 cluster"
	@echo "make audit          pip-audit: known vulnerabilities in the installed packages"
	@echo "make bench          load-test a synthetic site (100 and 10,000 items) against budgets"
	@echo "make lighthouse     Lighthouse (mobile) on the demo site: performance >= 95, others 100"
	@echo "make messages       extract interface strings into locale/*/LC_MESSAGES/django.po"
	@echo "make country-map    redraw the directory's country map from Natural Earth (world-atlas)"
	@echo "make format         format the code with ruff"

# Reinstall only when the dependencies change, so a second `make run` starts in seconds.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $@

# Security: the Nu HTML Checker (vnu-jar) for the HTML tests, from package-lock.json.
node_modules/.installed: package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the HTML validity tests will skip (and fail under CI=true)"; fi

install: $(BIN)/.installed node_modules/.installed

run: install
	WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(MANAGE) prepare_demo
	WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(MANAGE) runserver $(HOST):$(PORT)

checks: install
	$(MANAGE) compile_translations
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit --quiet --recursive . --exclude ./.venv,./tests,./node_modules,./var --severity-level medium

audit: install
	scripts/audit-dependencies

test: checks
	$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: checks
	scripts/with-postgres $(BIN)/pytest $(PYTEST_ARGS)

# Performance (bench/README.md): 15-20 minutes; needs wrk, PostgreSQL optional.
bench: install
	$(BIN)/python -m bench.run

lighthouse: install
	$(BIN)/python -m bench.lighthouse

lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

TRANSLATED_LOCALES := sq sr_Latn bs mk

messages: install
	$(MANAGE) makemessages $(addprefix -l ,$(TRANSLATED_LOCALES)) --no-obsolete --no-location --ignore=.venv --ignore=var --ignore=bench --ignore=node_modules

clean:
	rm -rf $(VENV) var/static

# The directory's map borders (initiatives/map/countries.json, committed) from the
# Natural Earth data in the npm package world-atlas: see scripts/build_country_map.py.
country-map: install
	$(BIN)/python scripts/build_country_map.py
