"""Every PDF of the site, from the cache where it can be; misses render on every core, since
WeasyPrint is CPU-bound."""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import date
from pathlib import Path

from strongback import fonts
from strongback.catalogue import Catalogue
from strongback.errors import SettingError
from strongback.files import write_atomic
from strongback.model import Content
from strongback.pdf.cache import (
    Memo,
    cache_key,
    cache_lock,
    cached_overflow,
    document_identifier,
    pdf_engine_digest,
)
from strongback.pdf.markup import render_html, sheet_text
from strongback.pdf.outcome import Mode, PdfBuild, placeholder_pdf
from strongback.pdf.problems import PdfErrors, TooLong, glyph_message, too_long_message
from strongback.pdf.progress import Progress
from strongback.pdf.specs import MAX_PAGES, TYPE_SIZES, PdfSpec, pdf_specs
from strongback.pdf.typeset import PdfJob, RenderedPdf, render_pdf


def build_pdfs(
    content: Content,
    *,
    site_url: str,
    cache: Path,
    today: date,
    mode: Mode = "all",
    workers: int | None = None,
    progress: bool = True,
    catalogue: Catalogue,
) -> PdfBuild:
    """Every PDF of the site, from the cache where it can be; raises `PdfErrors` listing every
    document that does not fit its page limit (the verdict is cached too, so asking again
    costs nothing until the sheet's input changes)."""
    if not site_url:
        raise SettingError("site_url is not set: handouts print their web address and QR code")
    build = PdfBuild()
    specs = pdf_specs(content, site_url, catalogue)
    if mode == "off":
        build.files = {spec.site_path: placeholder_pdf() for spec in specs}
        build.placeholders = list(build.files)
        return build
    engine = pdf_engine_digest()
    missing: dict[str, tuple[PdfSpec, Path]] = {}
    errors: list[str] = []
    overflowing: dict[str, TooLong] = {}
    memo: Memo = {}
    with cache_lock(cache):
        for spec in specs:
            key = cache_key(spec, content, today=today, engine=engine, memo=memo)
            path = cache / f"{key}.pdf"
            verdict = cached_overflow(cache, key)
            if path.exists():
                build.files[spec.site_path] = path
                build.reused.append(spec.site_path)
            elif verdict is not None:
                errors.append(too_long_message(spec, verdict["pages"], verdict["detail"]))
                pages = verdict["pages"]
                overflowing[spec.site_path] = TooLong(cache / f"{key}.too-long.pdf", pages)
            elif mode == "all":
                missing[key] = (spec, path)
            else:
                build.files[spec.site_path] = placeholder_pdf()
                build.placeholders.append(spec.site_path)
        jobs = {}
        for key, (spec, _) in missing.items():
            versions = tuple(
                (size, render_html(spec, content, today=today, type_size=size))
                for size in TYPE_SIZES
            )
            absent = fonts.missing_characters(sheet_text(versions[0][1]))
            if absent:
                errors.append(glyph_message(spec, absent))
                continue
            identifier = document_identifier(spec, content, today=today, memo=memo)
            jobs[key] = PdfJob(versions, identifier, MAX_PAGES[spec.kind])
        results = _run(jobs, workers, progress=progress)
        for key, (spec, path) in missing.items():
            if key not in results:  # refused before rendering (a character the font lacks)
                continue
            result = results[key]
            if not result.fits:
                detail = result.overflow.describe() if result.overflow else ""
                write_atomic(cache / f"{key}.too-long.pdf", result.data)
                verdict = {"pages": result.pages, "detail": detail}
                write_atomic(cache / f"{key}.too-long.json", json.dumps(verdict).encode())
                errors.append(too_long_message(spec, result.pages, detail))
                overflowing[spec.site_path] = TooLong(cache / f"{key}.too-long.pdf", result.pages)
                continue
            write_atomic(path, result.data)
            build.files[spec.site_path] = path
            build.rendered.append(spec.site_path)
    if errors:
        raise PdfErrors(errors, overflowing, build)
    return build


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _run(
    jobs: dict[str, PdfJob], workers: int | None, *, progress: bool = True
) -> dict[str, RenderedPdf]:
    """Render every job, on every core, showing done/total and the time taken."""
    count = min(len(jobs), workers or available_cores())
    shown = Progress(f"Rendering {len(jobs)} PDFs on {max(count, 1)} cores", len(jobs))
    if progress:
        shown.begin()
    results: dict[str, RenderedPdf] = {}
    try:
        if count <= 1:
            for key, job in jobs.items():
                results[key] = render_pdf(job)
                if progress:
                    shown(len(results))
            return results
        with ProcessPoolExecutor(max_workers=count) as pool:
            futures = {pool.submit(render_pdf, job): key for key, job in jobs.items()}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                if progress:
                    shown(len(results))
        return results
    finally:
        if progress:
            shown.close()
