# The two commands of the README. Both are safe to run twice.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# `make run PORT=8001`; `make run DEBUG=1` shows Django's error pages instead of the site's.
PORT ?= 8000
DEBUG ?= 0

.PHONY: run test

$(VENV)/.requirements.sha: requirements.txt
	@command -v $(PYTHON) >/dev/null || (echo "Python 3.11 is needed ($(PYTHON))"; exit 1)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	@sha256sum requirements.txt > $@

# --insecure: runserver serves the static files with DEBUG off too.
run: $(VENV)/.requirements.sha
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_admin
	@echo "Search uses Wagtail's database backend; to try the engine, see README \"Search engines\"."
	DEBUG=$(DEBUG) $(PY) manage.py runserver --insecure 127.0.0.1:$(PORT)

test:
	bash services/run-tests.sh
