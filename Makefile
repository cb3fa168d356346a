# The two commands of the README:
#   make site   build the public site, the offline zip and the handout PDFs
#   make test   lint, type-check and run every test
# Everything installs itself first, from the exact lock in requirements.lock, so both work on a
# fresh machine and every machine runs the same versions.
#   make lock   refresh requirements.lock from pyproject.toml's ranges (newest versions that fit)
#   make serve  the live preview

PYTHON ?= python3
UV_VERSION := 0.9.13
export NO_MKDOCS_2_WARNING := 1
# The builder: mkdocs (MkDocs 1.6.1) or properdocs (ProperDocs, its maintained fork); the same
# mkdocs.yml and the same site (README: "Two builders"). `make site`, `make serve` and
# `strongback build` use it: `make site STRONGBACK_BUILDER=properdocs`, or set it in the
# environment.
STRONGBACK_BUILDER ?= mkdocs
export STRONGBACK_BUILDER

# Where the packages go: into $(PYTHON)'s own environment when it is a virtual environment (an
# activated venv, or PYTHON=path/to/venv/bin/python); otherwise into .venv/ in the project, made
# on first use, since a system Python (Debian, Ubuntu) is "externally managed" and refuses
# `pip install`.
IN_VENV := $(shell $(PYTHON) -c 'import sys; print(int(sys.prefix != sys.base_prefix))' 2>/dev/null)
ifeq ($(IN_VENV),1)
PY := $(PYTHON)
VENV :=
else ifeq ($(IN_VENV),0)
PY := .venv/bin/python
VENV := .venv/bin/python
else
$(error $(PYTHON) does not run: install Python 3.11 or newer, or set PYTHON=path/to/python3)
endif

.PHONY: install site test lint serve lock

.venv/bin/python:
	@echo "make: $(PYTHON) is not a virtual environment: installing into .venv/ in this project (made now, used from now on)."
	@$(PYTHON) -m venv .venv || { rm -rf .venv; echo "make: '$(PYTHON) -m venv' failed; on Debian or Ubuntu: sudo apt-get install python3-venv" >&2; exit 1; }

install: $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .

site: install
	$(PY) -m strongback build

test: install
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest -n 2

serve: install
	$(PY) -m $(STRONGBACK_BUILDER) serve --config-file mkdocs.yml

lock: $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check 'uv==$(UV_VERSION)'
	$(PY) -m uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
		--generate-hashes --upgrade --custom-compile-command 'make lock' -o requirements.lock
