"""Files the build keeps between runs: written so that a reader never sees half of one, kept by
a version of what made them, and the package's own files, which every such version includes."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

PACKAGE = Path(__file__).resolve().parent


def write_atomic(path: Path, data: bytes) -> None:
    """`data` into `path`, through a temporary file in the same folder and one rename: another
    build may read the cache at the same time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


def digest(*parts: str) -> str:
    """A hash of `parts` in order (each ended by a NUL, so ('ab', 'c') and ('a', 'bc') differ):
    the key of something kept by what it is made from."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return hashed.hexdigest()


def package_files(package: Path = PACKAGE) -> Iterator[tuple[str, Path]]:
    """Every file of the package (bytecode caches left out), by path relative to it, sorted."""
    files = (
        path
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )
    for path in sorted(files, key=lambda p: p.relative_to(package).as_posix()):
        yield path.relative_to(package).as_posix(), path


class _Hash(Protocol):
    def update(self, data: bytes, /) -> None: ...


def hash_package(digest: _Hash, package: Path = PACKAGE) -> None:
    """Every file of the package, name and bytes, into `digest`: a change to any module,
    template, stylesheet or font changes it."""
    for name, path in package_files(package):
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")


class KeptByHash:
    """Values kept between builds in one JSON file, by a hash of what each is made from, for one
    `version` of what makes them (another version empties it). What a run reads or adds goes
    into `used`, and `save` keeps only that: the file holds the latest run's values. Without a
    `path` it keeps nothing. A file that cannot be read is ignored, and one that cannot be
    written is left as it was (a read-only project still builds)."""

    def __init__(self, path: Path | None, field: str, version: str) -> None:
        self.path = path
        self.field = field
        self.version = version
        self.known: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        if path is None:
            return
        try:
            data = json.loads(path.read_text("utf-8"))
            if data["version"] == version:
                self.known = dict(data[field])
        except (OSError, ValueError, KeyError, TypeError):
            pass

    def save(self) -> None:
        if self.path is None or self.used == self.known:
            return
        text = json.dumps({"version": self.version, self.field: self.used}, sort_keys=True)
        with contextlib.suppress(OSError):  # a cache: a read-only project still builds
            write_atomic(self.path, text.encode("utf-8"))
