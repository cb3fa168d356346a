"""Which program builds the site from mkdocs.yml: MkDocs 1.6.1 or ProperDocs, the maintained fork
of MkDocs 1.6 (README: "Two builders"). Both read the same mkdocs.yml, run the same hook and make
the same site; `STRONGBACK_BUILDER` chooses. The engine only names the command: the builder runs
in a child process, so nothing here imports either.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from strongback.errors import StrongbackError

VARIABLE = "STRONGBACK_BUILDER"
BUILDERS = ("mkdocs", "properdocs")
"""The builders' module names (`python -m NAME build`), the default first."""


class UnknownBuilder(StrongbackError):
    """STRONGBACK_BUILDER names no builder; the message says which ones there are."""


def chosen(environ: Mapping[str, str] | None = None) -> str:
    """The builder named by STRONGBACK_BUILDER in `environ` (the process's environment by
    default); MkDocs when it is unset or empty."""
    value = (os.environ if environ is None else environ).get(VARIABLE, "").strip()
    if not value:
        return BUILDERS[0]
    if value not in BUILDERS:
        raise UnknownBuilder(f"{VARIABLE}={value!r} is not a builder: use {' or '.join(BUILDERS)}")
    return value


def build_command(name: str, config_file: Path, *, strict: bool) -> list[str]:
    """`NAME build` of the site `config_file` describes, with this Python."""
    return [
        sys.executable, "-m", name, "build",
        "--config-file", str(config_file),
        "--strict" if strict else "--no-strict",
    ]  # fmt: skip
