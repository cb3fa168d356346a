# The two commands of the README:
#   make site   build the public site, the offline zip and the handout PDFs
#   make test   lint, type-check and run every test
# Everything installs itself first, so both work on a fresh machine.

PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1

.PHONY: install site test lint serve

install:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[test]'

site: install
	$(PYTHON) -m mkdocs build --strict
	$(PYTHON) -m strongback export

test: install
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m ruff check .
	$(PYTHON) -m mypy
	$(PYTHON) -m pytest -n 2

serve: install
	$(PYTHON) -m mkdocs serve
