"""The PDF cache: where it lives, the key of one PDF, its /ID, atomic writes, cached verdicts
on sheets found too long, and the lock that lets one build at a time render into it."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from strongback import __version__
from strongback.citations import citation_keys
from strongback.model import Content
from strongback.model.review_dates import review_info
from strongback.pdf.cache_inputs import engine_digest
from strongback.pdf.specs import PdfSpec
from strongback.pdf.typeset import PDF_OPTIONS


def cache_dir(root: Path) -> Path:
    """`.cache/strongback/pdf/` in the project, or STRONGBACK_CACHE_DIR when set."""
    override = os.environ.get("STRONGBACK_CACHE_DIR")
    return Path(override) if override else root / ".cache" / "strongback" / "pdf"


def pdf_engine_digest() -> str:
    """Every file of the package and the version of every library that shapes a PDF (see
    `pdf_cache`), plus the options WeasyPrint writes with."""
    return engine_digest(extra=f"{__version__} {json.dumps(PDF_OPTIONS, sort_keys=True)}")


Memo = dict[Any, Any]
"""What one build has already worked out for the keys of its PDFs: the A4 and Letter sheets of a
record share their inputs, and an exercise's data is the same in its own sheet and in every
routine that lists it. Start with `{}` for each build; never share one between builds."""


def cache_key(
    spec: PdfSpec, content: Content, *, today: date, engine: str, memo: Memo | None = None
) -> str:
    """A hash of everything that goes into one PDF; any change makes a new key."""
    payload = {"engine": engine, **content_inputs(spec, content, today=today, memo=memo)}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def document_identifier(
    spec: PdfSpec, content: Content, *, today: date, memo: Memo | None = None
) -> str:
    """The PDF's /ID: a hash of the content it shows, not of the engine, so a change of the code
    that draws the same pages gives the same bytes."""
    payload = content_inputs(spec, content, today=today, memo=memo)
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:32]


def content_inputs(
    spec: PdfSpec, content: Content, *, today: date, memo: Memo | None = None
) -> dict[str, Any]:
    memo = {} if memo is None else memo
    shared = memo.get((spec.kind, spec.record_id))
    if shared is None:
        shared = memo[(spec.kind, spec.record_id)] = _record_inputs(spec, content, today, memo)
    return {"spec": asdict(spec), **shared}


def _record_inputs(spec: PdfSpec, content: Content, today: date, memo: Memo) -> dict[str, Any]:
    if spec.kind == "handout":
        handout = content.handouts[spec.record_id]
        records: list[Any] = [handout, *(content.exercises[i.exercise] for i in handout.exercises)]
        review = handout.review
    else:
        exercise = content.exercises[spec.record_id]
        records, review = [exercise], exercise.review

    def dumped(record: Any) -> Any:
        found = memo.get(id(record))
        if found is None or found[0] is not record:
            found = memo[id(record)] = (record, record.model_dump(mode="json"))
        return found[1]

    inputs = [dumped(r) for r in [*records, content.safety, content.site]]
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False)
    references = sorted(set(citation_keys(text)) & set(content.references))
    return {
        "inputs": text,
        "references": [content.references[k].model_dump(mode="json") for k in references],
        "status": review_info(review, content.site, today).status,
    }


def cached_overflow(cache: Path, key: str) -> dict[str, Any] | None:
    """The cached verdict on a sheet found too long, if its PDF is cached as well."""
    verdict = cache / f"{key}.too-long.json"
    if not (verdict.is_file() and (cache / f"{key}.too-long.pdf").is_file()):
        return None
    loaded: dict[str, Any] = json.loads(verdict.read_text(encoding="utf-8"))
    return loaded


@contextmanager
def cache_lock(cache: Path) -> Iterator[None]:
    """One build at a time renders into a cache: a second one waits, then finds the PDFs."""
    cache.mkdir(parents=True, exist_ok=True)
    with (cache / ".lock").open("w") as handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: atomic writes still keep files whole
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
