"""What a cached PDF depends on besides its content: the engine and the libraries that shape it.

`engine_digest` is part of every PDF's cache key (see `handouts.cache_key`). It hashes every file
of the package, not a hand-kept list, so a change to any module, template, stylesheet or bundled
font makes new keys; and the installed versions of every library that turns content into a PDF:
WeasyPrint with everything it requires, Markdown, Jinja2, MarkupSafe, segno and pydantic.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path

from strongback.files import PACKAGE, hash_package

PDF_LIBRARIES = ("weasyprint", "Markdown", "Jinja2", "MarkupSafe", "segno", "pydantic")
"""Libraries whose output ends up in a PDF; their own requirements are followed too (WeasyPrint's
pydyf, tinycss2, fontTools, Pyphen…)."""

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def library_versions(
    roots: Iterable[str] = PDF_LIBRARIES,
    version: Callable[[str], str] = metadata.version,
    requires: Callable[[str], list[str] | None] = metadata.requires,
) -> dict[str, str]:
    """Installed version of each library in `roots` and of everything it requires (extras left
    out), by normalised name; 'absent' for a requirement that is not installed."""
    found: dict[str, str] = {}
    waiting = list(roots)
    while waiting:
        name = waiting.pop()
        key = _normal(name)
        if key in found:
            continue
        try:
            found[key] = version(name)
        except metadata.PackageNotFoundError:
            found[key] = "absent"
            continue
        for requirement in requires(name) or []:
            if "extra" in requirement.partition(";")[2]:
                continue
            match = _NAME.match(requirement)
            if match:
                waiting.append(match.group(0))
    return dict(sorted(found.items()))


def engine_digest(
    package: Path = PACKAGE, versions: dict[str, str] | None = None, extra: str = ""
) -> str:
    """A hash of every package file and every PDF library's version (plus `extra`: settings the
    caller passes to WeasyPrint)."""
    digest = hashlib.sha256()
    hash_package(digest, package)
    for library, number in (library_versions() if versions is None else versions).items():
        digest.update(f"{library}=={number}\n".encode())
    digest.update(extra.encode())
    return digest.hexdigest()
