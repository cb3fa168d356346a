"""Drawings kept between builds: `.cache/strongback/figures.json` in the project.

Drawing every exercise's figures is a build's largest share of work that depends on nothing but
the exercise's poses, words and muscles (about 1.6 s of CPU for 1,000 exercises). A drawing is a
pure function of those and of the engine's code, so, like the reading grades
(`standards.readability.GradeCache`) and the PDFs (`pdf.cache`), it is kept by a hash of what it
is made from and of every file of the package: a change to either draws it again. Only the
drawings of the latest build are kept. A cache that cannot be read is ignored, and one that
cannot be written is left as it was (a read-only project still builds).
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any

from strongback.figures.drawing import Drawing
from strongback.files import KeptByHash, hash_package

STORE_FILE = Path(".cache") / "strongback" / "figures.json"
"""Where a published build keeps its drawings, in the project."""


def engine_digest() -> str:
    """A hash of every file of the package: any change to the code draws every figure again."""
    hashed = hashlib.sha256()
    hash_package(hashed)
    return hashed.hexdigest()


class DrawingStore(KeptByHash):
    """The drawings of the last build by the hash of their inputs (`files.KeptByHash`). Without
    a `path` it keeps nothing (the preview, which keeps its drawings in memory)."""

    def __init__(self, path: Path | None) -> None:
        super().__init__(path, "drawings", engine_digest() if path is not None else "")

    @staticmethod
    def key(inputs: object) -> str:
        return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()

    def get(self, key: str) -> tuple[Drawing, ...] | None:
        found = self.known.get(key)
        if found is None:
            return None
        try:
            drawn = tuple(_drawing(item) for item in found)
        except (TypeError, KeyError):
            return None
        self.used[key] = found
        return drawn

    def put(self, key: str, drawn: tuple[Drawing, ...]) -> None:
        if self.path is not None:
            self.used[key] = [dataclasses.asdict(item) for item in drawn]


def _drawing(item: dict[str, Any]) -> Drawing:
    return Drawing(**{**item, "works": tuple(item["works"]), "behind": tuple(item["behind"])})
