# The two commands of the README:
#   make site   build the public site, the offline zip and the handout PDFs
#   make test   lint, type-check and run every test
# Everything installs itself first, from the exact lock in requirements.lock, so both work on a
# fresh machine and every machine runs the same versions.
#   make lock   refresh requirements.lock from pyproject.toml's ranges (newest versions that fit)

PYTHON ?= python3
UV_VERSION := 0.9.13
export NO_MKDOCS_2_WARNING := 1

.PHONY: install site test lint serve lock

install:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .

site: install
	$(PYTHON) -m strongback build

test: install
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m ruff check .
	$(PYTHON) -m mypy
	$(PYTHON) -m pytest -n 2

serve: install
	$(PYTHON) -m mkdocs serve

lock:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check 'uv==$(UV_VERSION)'
	$(PYTHON) -m uv pip compile pyproject.toml --extra test --universal --python-version 3.11.5 \
		--generate-hashes --upgrade --custom-compile-command 'make lock' -o requirements.lock
