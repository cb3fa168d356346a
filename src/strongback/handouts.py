"""Printable handouts: a routine or one exercise -> self-contained HTML -> PDF, in A4 and Letter.

Pure engine code, no MkDocs: the build hook and `strongback handouts` both call `build_pdfs`.
Each PDF is cached under a hash of everything that goes into it, so a rebuild renders only what
changed; misses render on every core, since WeasyPrint is CPU-bound.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import markdown
import segno
from markupsafe import Markup

from strongback import __version__, fonts, urls
from strongback.citations import citation_keys, number_citations, vancouver
from strongback.model import Content, Exercise, HandoutItem, Review
from strongback.pdf_cache import engine_digest
from strongback.pdf_render import PDF_OPTIONS, RenderedPdf
from strongback.pdf_render import PdfJob as PdfJob
from strongback.pdf_render import render_pdf as render_pdf
from strongback.progress import Progress
from strongback.review import review_info
from strongback.templating import environment

Kind = Literal["handout", "exercise"]
Mode = Literal["all", "cached", "off"]


@dataclass(frozen=True)
class Paper:
    id: str
    """'a4' or 'letter', as in the file names."""
    css_size: str
    """The CSS `@page { size }` keyword."""
    label: str


PAPERS: dict[str, Paper] = {
    "a4": Paper("a4", "A4", "A4"),
    "letter": Paper("letter", "letter", "Letter"),
}
MAX_PAGES: dict[Kind, int] = {"handout": 2, "exercise": 1}
TYPE_SIZES = (12.0, 11.5, 11.0)
"""Body type in points, largest first: each sheet gets the largest size that fits its page limit,
never smaller than 11pt; a sheet that does not fit at 11pt is an error (see the README)."""
ADVICE: dict[Kind, str] = {
    "handout": "Remove exercises or shorten notes.",
    "exercise": "Shorten the steps, cautions or stop signs.",
}


@dataclass(frozen=True)
class PdfSpec:
    """One PDF the site publishes."""

    kind: Kind
    record_id: str
    paper: str
    source: str
    """The content file it is made from, for error messages."""
    site_path: str
    """Where it lives in the built site, e.g. 'handouts/gentle-start-a4.pdf'."""
    address: str
    """The web page that is the HTML version of the same content (text and QR code)."""


def pdf_specs(content: Content, site_url: str) -> list[PdfSpec]:
    """Every handout and every exercise, in each paper size."""
    base = site_url.rstrip("/") + "/"
    kinds: list[tuple[Kind, Mapping[str, object], Callable[[str], str], Callable[[str, str], str]]]
    kinds = [
        ("handout", content.handouts, urls.handout, urls.handout_pdf),
        ("exercise", content.exercises, urls.exercise, urls.exercise_pdf),
    ]
    specs = []
    for paper in PAPERS:
        for kind, records, page, pdf in kinds:
            for record_id in records:
                specs.append(
                    PdfSpec(
                        kind,
                        record_id,
                        paper,
                        content.sources[f"{kind}:{record_id}"],
                        pdf(record_id, paper),
                        base + urls.page_url(page(record_id)),
                    )
                )
    return specs


# --- HTML ---------------------------------------------------------------------------------------


class MarkdownText:
    """Renders the Markdown text fields of one document, numbering `[@key]` citations in the
    order the template shows them, so the reference list at the end matches the numbers."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self._markdown = markdown.Markdown(output_format="html")

    def __call__(self, text: str, *, inline: bool = False) -> Markup:
        # Prefixing the keys cited so far makes number_citations continue the document's numbering.
        seen = "".join(f"[@{key}]" for key in self.keys)
        cited = number_citations(f"{seen}\n\n{text}")
        self.keys = cited.keys
        return self.plain(cited.markdown.split("\n\n", 1)[1], inline=inline)

    def plain(self, text: str, *, inline: bool = False) -> Markup:
        html = self._markdown.reset().convert(text)
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        # Safe: content text is validated free of raw HTML; the only tags are our own.
        return Markup(html)

    def reference(self, key: str, content: Content) -> Markup:
        return self.plain(vancouver(content.references[key]), inline=True)


def qr_code(address: str) -> str:
    """The page address as a QR code: an SVG data URI, so the PDF needs no network fetch."""
    code = segno.make(address, error="m")
    uri: str = code.svg_data_uri(omitsize=True, border=4, dark="#000", light="#fff")
    return uri


def shared_cautions(exercises: Iterable[Exercise]) -> dict[str, list[int]]:
    """Cautions that two or more exercises of a routine share -> the numbers of those exercises.
    A handout prints each once, before the exercises, instead of repeating it."""
    numbers: dict[str, list[int]] = {}
    for number, exercise in enumerate(exercises, start=1):
        for caution in dict.fromkeys(exercise.cautions):
            numbers.setdefault(caution, []).append(number)
    return {caution: found for caution, found in numbers.items() if len(found) > 1}


def render_html(
    spec: PdfSpec, content: Content, *, today: date, type_size: float = TYPE_SIZES[0]
) -> str:
    """The self-contained HTML of one PDF: styles inline, QR code as a data URI."""
    site = content.site
    if spec.kind == "handout":
        handout = content.handouts[spec.record_id]
        title, description, purpose = handout.title, handout.description, handout.purpose
        review: Review = handout.review
        items = list(handout.exercises)
        frequency, notes, supervision = handout.frequency, handout.notes, handout.supervision
    else:
        exercise = content.exercises[spec.record_id]
        title, purpose, review = exercise.name, exercise.purpose, exercise.review
        description = f"How to do the {exercise.name.lower()} exercise, and how much."
        items = [HandoutItem(exercise=exercise.id)]
        frequency, notes, supervision = exercise.frequency, [], None
    exercises = [content.exercises[item.exercise] for item in items]
    return (
        environment(autoescape=True)
        .get_template(f"handout/{spec.kind}.html.jinja")
        .render(
            spec=spec,
            paper=PAPERS[spec.paper],
            type_size=type_size,
            title=title,
            description=description,
            purpose=purpose,
            items=list(zip(exercises, items, strict=True)),
            shared_cautions=shared_cautions(exercises) if spec.kind == "handout" else {},
            frequency=frequency,
            notes=notes,
            supervision=supervision,
            site=site,
            safety=content.safety,
            content=content,
            review=review_info(review, site, today),
            qr_code=qr_code(spec.address),
            md=MarkdownText(),
            weekdays=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        )
    )


# --- PDF ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TooLong:
    """A sheet past its page limit, rendered at the smallest type for the author to look at."""

    path: Path
    pages: int


class PdfErrors(Exception):
    """Documents that do not fit their page limit, or that use a character the bundled font
    cannot draw; `str()` lists one per line."""

    def __init__(
        self,
        messages: Iterable[str],
        overflowing: Mapping[str, TooLong] | None = None,
        partial: PdfBuild | None = None,
    ) -> None:
        self.messages = sorted(messages)
        self.overflowing = dict(overflowing or {})
        """Site path -> the too-long PDF (smallest type), for `strongback handouts` to write."""
        self.partial = partial or PdfBuild()
        """The PDFs that were fine: a preview keeps serving with them."""
        super().__init__("\n".join(self.messages))


def too_long_message(spec: PdfSpec, pages: int, detail: str = "") -> str:
    limit = MAX_PAGES[spec.kind]
    name = "a handout" if spec.kind == "handout" else "an exercise sheet"
    return (
        f"{spec.source}: {spec.kind if spec.kind == 'handout' else 'exercise sheet'} is {pages} "
        f"pages in {PAPERS[spec.paper].label} even at {TYPE_SIZES[-1]:g}pt; {name} must fit on "
        f"{limit} page{'s' if limit != 1 else ''}{': ' + detail if detail else ''}. "
        f"{ADVICE[spec.kind]}"
    )


def overflow_name(site_path: str, pages: int) -> str:
    """Where `strongback handouts` writes a sheet that is too long: a name no one mistakes for
    the real one, e.g. 'handouts/x-a4.TOO-LONG-3-pages.pdf'."""
    return f"{site_path.removesuffix('.pdf')}.TOO-LONG-{pages}-pages.pdf"


def sheet_text(html_text: str) -> str:
    """The text a sheet prints: its HTML without the stylesheet and the tags."""
    body = re.sub(r"<style>.*?</style>|<[^>]+>", " ", html_text, flags=re.DOTALL)
    return html.unescape(body)


def glyph_message(spec: PdfSpec, missing: list[str]) -> str:
    return (
        f"{spec.source}: the {PAPERS[spec.paper].label} sheet uses characters the bundled font "
        f"({fonts.FAMILY}) cannot print: {fonts.describe(missing)}. Use plain letters or "
        "punctuation instead."
    )


# --- cache --------------------------------------------------------------------------------------


def cache_dir(root: Path) -> Path:
    """`.cache/strongback/pdf/` in the project, or STRONGBACK_CACHE_DIR when set."""
    override = os.environ.get("STRONGBACK_CACHE_DIR")
    return Path(override) if override else root / ".cache" / "strongback" / "pdf"


def _engine_digest() -> str:
    """Every file of the package and the version of every library that shapes a PDF (see
    `pdf_cache`), plus the options WeasyPrint writes with."""
    return engine_digest(extra=f"{__version__} {json.dumps(PDF_OPTIONS, sort_keys=True)}")


def cache_key(spec: PdfSpec, content: Content, *, today: date, engine: str) -> str:
    """A hash of everything that goes into one PDF; any change makes a new key."""
    payload = {"engine": engine, **_content_inputs(spec, content, today=today)}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def document_identifier(spec: PdfSpec, content: Content, *, today: date) -> str:
    """The PDF's /ID: a hash of the content it shows, not of the engine, so a change of the code
    that draws the same pages gives the same bytes."""
    payload = _content_inputs(spec, content, today=today)
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:32]


def _content_inputs(spec: PdfSpec, content: Content, *, today: date) -> dict[str, Any]:
    if spec.kind == "handout":
        handout = content.handouts[spec.record_id]
        records: list[Any] = [handout, *(content.exercises[i.exercise] for i in handout.exercises)]
        review = handout.review
    else:
        exercise = content.exercises[spec.record_id]
        records, review = [exercise], exercise.review
    inputs = [r.model_dump(mode="json") for r in [*records, content.safety, content.site]]
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False)
    references = sorted(set(citation_keys(text)) & set(content.references))
    return {
        "spec": asdict(spec),
        "inputs": text,
        "references": [content.references[k].model_dump(mode="json") for k in references],
        "status": review_info(review, content.site, today).status,
    }


def _write_atomic(path: Path, data: bytes) -> None:
    # Another build may read the cache at the same time: never let it see half a file.
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


# --- one build ----------------------------------------------------------------------------------


@dataclass
class PdfBuild:
    files: dict[str, Path] = field(default_factory=dict)
    """Site path -> the cached PDF to publish there."""
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{len(self.files)} PDFs: {len(self.rendered)} rendered, {len(self.reused)} from cache"
        )
        if self.placeholders:
            text += f", {len(self.placeholders)} placeholders (STRONGBACK_PDF=all builds them)"
        return text


def pdf_mode(setting: str | None, *, serving: bool) -> Mode:
    """STRONGBACK_PDF: 'all' renders every PDF; 'cached' publishes cached PDFs and a placeholder
    for the rest; 'off' only placeholders. Default: 'all', or 'cached' under `mkdocs serve`."""
    value = (setting or "").strip().lower()
    if value in ("all", "1", "on", "true", "yes"):
        return "all"
    if value in ("0", "off", "false", "no"):
        return "off"
    if value == "cached" or (not value and serving):
        return "cached"
    if not value:
        return "all"
    raise ValueError(f"STRONGBACK_PDF must be 'all', 'cached' or 'off', got {setting!r}")


def build_pdfs(
    content: Content,
    *,
    site_url: str,
    cache: Path,
    today: date,
    mode: Mode = "all",
    workers: int | None = None,
    progress: bool = True,
) -> PdfBuild:
    """Every PDF of the site, from the cache where it can be; raises `PdfErrors` listing every
    document that does not fit its page limit (the verdict is cached too, so asking again
    costs nothing until the sheet's input changes)."""
    if not site_url:
        raise ValueError("site_url is not set: handouts print their web address and QR code")
    build = PdfBuild()
    specs = pdf_specs(content, site_url)
    if mode == "off":
        build.files = {spec.site_path: placeholder_pdf() for spec in specs}
        build.placeholders = list(build.files)
        return build
    engine = _engine_digest()
    missing: dict[str, tuple[PdfSpec, Path]] = {}
    errors: list[str] = []
    overflowing: dict[str, TooLong] = {}
    with _cache_lock(cache):
        for spec in specs:
            key = cache_key(spec, content, today=today, engine=engine)
            path = cache / f"{key}.pdf"
            verdict = _cached_overflow(cache, key)
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
            jobs[key] = PdfJob(
                versions, document_identifier(spec, content, today=today), MAX_PAGES[spec.kind]
            )
        results = _run(jobs, workers, progress=progress)
        for key, (spec, path) in missing.items():
            if key not in results:  # refused before rendering (a character the font lacks)
                continue
            result = results[key]
            if not result.fits:
                detail = result.overflow.describe() if result.overflow else ""
                _write_atomic(cache / f"{key}.too-long.pdf", result.data)
                verdict = {"pages": result.pages, "detail": detail}
                _write_atomic(cache / f"{key}.too-long.json", json.dumps(verdict).encode())
                errors.append(too_long_message(spec, result.pages, detail))
                overflowing[spec.site_path] = TooLong(cache / f"{key}.too-long.pdf", result.pages)
                continue
            _write_atomic(path, result.data)
            build.files[spec.site_path] = path
            build.rendered.append(spec.site_path)
    if errors:
        raise PdfErrors(errors, overflowing, build)
    return build


def _cached_overflow(cache: Path, key: str) -> dict[str, Any] | None:
    """The cached verdict on a sheet found too long, if its PDF is cached as well."""
    verdict = cache / f"{key}.too-long.json"
    if not (verdict.is_file() and (cache / f"{key}.too-long.pdf").is_file()):
        return None
    loaded: dict[str, Any] = json.loads(verdict.read_text(encoding="utf-8"))
    return loaded


def placeholder_pdf() -> Path:
    """Stands in for PDFs a preview skips. Made from placeholder.html.jinja with `render_pdf`
    and shipped, so a preview never starts WeasyPrint."""
    return Path(str(resources.files("strongback") / "templates" / "handout" / "placeholder.pdf"))


@contextmanager
def _cache_lock(cache: Path) -> Iterator[None]:
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


def write_pdfs(build: PdfBuild, target: Path) -> list[Path]:
    """Copy the PDFs of a build into `target`, keeping their site paths."""
    written = []
    for site_path, path in sorted(build.files.items()):
        destination = target / site_path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
        written.append(destination)
    return written
