# The two commands of the README. Both are safe to run twice.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test

$(VENV)/.requirements.sha: requirements.txt
	@command -v $(PYTHON) >/dev/null || (echo "Python 3.11 is needed ($(PYTHON))"; exit 1)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	@sha256sum requirements.txt > $@

run: $(VENV)/.requirements.sha
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_admin
	$(PY) manage.py runserver 127.0.0.1:8000

test:
	bash services/run-tests.sh
