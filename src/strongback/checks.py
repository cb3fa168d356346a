"""Content standards: the checks a careful health editor makes, run over validated content.

`strongback check` prints the per-page report; `validate` and the build fail on its errors. The
rules work on `Content` alone; positions come from re-reading the source files when they are at
hand, so every finding can say `file:line:col`.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path

import textstat
from pydantic import BaseModel

from strongback import consistency, urls
from strongback.citations import citation_keys
from strongback.fingerprint import doc_fingerprint, fingerprint
from strongback.history import History, first_versions
from strongback.load import (
    ContentError,
    ContentErrors,
    Document,
    Path_,
    dotted,
    parse_yaml,
)
from strongback.model import Claim, Content, Reference, Review
from strongback.review import ReviewInfo, review_info
from strongback.review_checks import content_notice, date_errors
from strongback.scaffold import placeholder_message, placeholder_texts
from strongback.text import (
    CITATION_MARK,
    FRONT_MATTER,
    markdown_blocks,
    plain_text,
    sentences,
    words,
)
from strongback.wording import lead_in_errors

# --- the standards (CONTENT-GUIDE.md, "Writing standards (checkable)") --------------------------

MAX_SENTENCE_WORDS = 25
"""Longer sentences are errors; the guide asks for 20 words or fewer where possible."""

READING_GRADE_TARGET = "6–7"
"""Flesch–Kincaid US school grade for a reading age of about 11."""

READING_GRADE_WARNING = 9.0
"""Pages above this grade are warnings. Not errors: a formula cannot judge meaning, and a page of
short sentences may still need a few long medical words."""

READING_GRADE_MIN_WORDS = 100
"""Below this many words a grade is shown but never warned about: readability formulas need about
100 words before their score means anything."""

CAUSAL_VERBS = {
    "cause": ("cause", "causes", "caused"),
    "prevent": ("prevent", "prevents", "prevented"),
    "cure": ("cure", "cures", "cured"),
    "reduce": ("reduce", "reduces", "reduced"),
    "lower": ("lower", "lowers", "lowered"),
    "protect": ("protect", "protects", "protected"),
    "improve": ("improve", "improves", "improved"),
    "increase": ("increase", "increases", "increased"),
    "boost": ("boost", "boosts", "boosted"),
    "relieve": ("relieve", "relieves", "relieved"),
    "heal": ("heal", "heals", "healed"),
    "strengthen": ("strengthen", "strengthens", "strengthened"),
    "ease": ("eases", "eased"),
    "lead to": ("lead to", "leads to", "led to", "leading to"),
    "result in": ("result in", "results in", "resulted in", "resulting in"),
}
"""Words that say one thing makes another happen. Only trials, systematic reviews of trials and
guidelines may back them; observational evidence says 'linked with'. The -ing forms are left out
('muscle-strengthening activity', 'lowering your weight' name a thing, they claim no effect), and
so is bare 'ease' (a noun as often as a verb)."""

CAUSAL_EVIDENCE = frozenset({"guideline", "systematic_review", "rct"})
"""Reference types that may back a causal verb (CONTENT-GUIDE.md, standard 1)."""

_NOT_A_VERB_AFTER = {"a", "an", "the", "with", "of"}
"""'linked with reduced pain', 'a lower risk': the word describes, it does not claim a cause."""

_NOT_A_VERB_BEFORE = {"back", "body", "leg", "legs", "limb", "limbs", "belly", "tummy", "abdomen"}
"""'lower back', 'lower legs': a place, not the verb 'lower'."""

_VERB_AFTER = {"can", "could", "may", "might", "will", "would", "to", "does", "did", "do", "helps"}
"""'can lower back pain': after one of these, 'lower' is the verb again."""

BANNED_PHRASES = re.compile(
    r"\b(?:cure[sd]?|curing|guarantee[sd]?|guaranteeing|detox\w*|proven\s+to)\b", re.IGNORECASE
)
"""Promises no health site can keep: 'cure', 'guaranteed', 'detox', 'proven to', and their forms."""

PROSE_EXCLUDED = frozenset(
    {
        "id",
        "name",
        "title",
        "other_names",
        "category",
        "level",
        "body_position",
        "equipment",
        "muscles",
        "evidence",
        "regressions",
        "progressions",
        "exercise",
        "review",
        "image",
        "language",
        "authors",
        "reviewers",
        "email",
        "feedback_url",
        "url",
    }
)
"""Fields that are labels, identifiers or lists of names: not sentences a reader reads as prose."""


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageReport:
    """One row of the `strongback check` table."""

    page: str
    """The page as it sits in docs/ ('exercises/bird-dog.md')."""
    file: str
    """The file it is made from, relative to the project root."""
    grade: float | None
    """Flesch–Kincaid grade of the page's prose; None for a page without prose."""
    words: int
    claims: int
    cited_claims: int
    citations: int
    """Distinct references the page cites."""
    review: ReviewInfo


@dataclass
class CheckReport:
    pages: list[PageReport] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    review_notices: list[ContentError] = field(default_factory=list)
    """Pages changed since their review, or reviews without a fingerprint: warnings in
    `strongback check`, errors with `--publish`; never a build failure (see review_checks)."""
    history_unknown: str | None = None
    """Why review dates were not compared with git history (None: they were)."""

    @property
    def claims(self) -> int:
        return sum(page.claims for page in self.pages)

    @property
    def cited_claims(self) -> int:
        return sum(page.cited_claims for page in self.pages)


def reading_grade(prose: str) -> float | None:
    """Flesch–Kincaid US school grade of plain text; None when there is nothing to grade."""
    if not words(prose):
        return None
    return round(float(textstat.flesch_kincaid_grade(prose)), 1)


def causal_words(text: str) -> list[str]:
    """Causal verbs in `text` (see `CAUSAL_VERBS`), as written, in order."""
    found = []
    for match in _CAUSAL.finditer(text):
        before = text[: match.start()].split()
        after = text[match.end() :].split()
        if before and before[-1].lower() in _NOT_A_VERB_AFTER:
            continue
        if match.start() > 0 and text[match.start() - 1] == "-":  # 'muscle-strengthened'
            continue
        place = after and after[0].lower().strip(".,;:") in _NOT_A_VERB_BEFORE
        modal = before and before[-1].lower() in _VERB_AFTER
        if match.group(0).lower() == "lower" and place and not modal:
            continue
        found.append(match.group(0))
    return found


_CAUSAL = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            (
                r"\s+".join(map(re.escape, form.split()))
                for forms in CAUSAL_VERBS.values()
                for form in forms
            ),
            key=len,
            reverse=True,
        )
    )
    + r")\b",
    re.IGNORECASE,
)


def _with_stop(text: str) -> str:
    return text if not text or text[-1] in ".!?:" else text + "."


def _literal(phrase: str) -> re.Pattern[str]:
    """`phrase` as whole words, whatever spaces or line breaks lie between them."""
    return re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", re.IGNORECASE)


def _phrase_pattern(text: str, count: int = 4) -> re.Pattern[str]:
    """Finds the first words of `text` in a source file, whatever Markdown or line breaks lie
    between them."""
    first = [re.escape(word.strip("\"'“”‘’()[],.;:!?*_`")) for word in text.split()[:count]]
    return re.compile(r"[\W_]+".join(word for word in first if word))


# --- where things are ---------------------------------------------------------------------------


class _Sources:
    """The source files behind the content, read once each, to turn a field path or a match into
    a position. Without a root (or an unreadable file), positions fall back to 1:1."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._files: dict[str, tuple[str, Document, list[int]] | None] = {}

    def _load(self, file: str) -> tuple[str, Document, list[int]] | None:
        if file in self._files:
            return self._files[file]
        loaded = None
        if self.root is not None:
            try:
                text = (self.root / file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = None
            if text is not None:
                if file.endswith(".md"):
                    front = FRONT_MATTER.match(text)
                    doc = Document(file, None)
                    if front and (front.group(1) or "").strip():
                        doc, _ = parse_yaml(front.group(1), file, line_offset=1)
                else:
                    doc, _ = parse_yaml(text, file)
                starts = [0] + [m.end() for m in re.finditer("\n", text)]
                loaded = (text, doc, starts)
        self._files[file] = loaded
        return loaded

    def text(self, file: str) -> str | None:
        loaded = self._load(file)
        return loaded[0] if loaded else None

    def position(self, file: str, path: Path_) -> tuple[int, int]:
        loaded = self._load(file)
        return loaded[1].position(path) if loaded else (1, 1)

    def offset(self, file: str, path: Path_) -> int | None:
        loaded = self._load(file)
        if loaded is None:
            return None
        line, column = loaded[1].position(path)
        return loaded[2][line - 1] + column - 1 if line <= len(loaded[2]) else None

    def line_column(self, file: str, offset: int) -> tuple[int, int]:
        loaded = self._load(file)
        if loaded is None:
            return (1, 1)
        starts = loaded[2]
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def find(self, item: _Text, pattern: re.Pattern[str]) -> tuple[int, int]:
        """Where `pattern` first matches inside `item` in its file; else where `item` starts."""
        start = item.offset if item.offset is not None else self.offset(item.file, item.path)
        text = self.text(item.file)
        if start is None or text is None:
            return self.position(item.file, item.path)
        # The source of a field is its value plus indentation, quotes and line breaks.
        end = start + 2 * len(item.markdown) + 200
        match = pattern.search(text, start, end)
        return self.line_column(item.file, match.start() if match else start)


@dataclass(frozen=True)
class _Text:
    """One piece of Markdown text to check, and where it came from."""

    file: str
    path: Path_
    markdown: str
    prose: bool
    offset: int | None = None
    """Where the text starts in its file, when known without the field path (docs pages)."""

    @property
    def field(self) -> str:
        return dotted(self.path)


@dataclass(frozen=True)
class _Page:
    page: str
    file: str
    texts: list[_Text]
    claims: list[tuple[Path_, Claim]]
    review: Review
    review_file: str
    """The file whose review applies (site.yml for pages without a review of their own)."""
    own_review: bool
    current: str | None = None
    """Fingerprint of what the review covers, as it is now."""


# --- the pages ----------------------------------------------------------------------------------


def _walk(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, object]]:
    """Every value inside a model, with its field path (which is also its YAML path)."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def text_fields(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text value inside a model, with its field path."""
    return ((p, v) for p, v in _walk(value, path) if isinstance(v, str))


def _claims(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, Claim]]:
    return ((p, v) for p, v in _walk(value, path) if isinstance(v, Claim))


def _is_prose(path: Path_) -> bool:
    return not any(isinstance(part, str) and part in PROSE_EXCLUDED for part in path)


def _record_page(page: str, file: str, record: BaseModel, review: Review) -> _Page:
    texts = [_Text(file, path, text, _is_prose(path)) for path, text in text_fields(record)]
    current = fingerprint(record)
    return _Page(page, file, texts, list(_claims(record)), review, file, True, current)


def _doc_page(src_uri: str, file: str, content: Content, sources: _Sources) -> _Page:
    meta = content.docs[src_uri]
    texts = [
        _Text(file, path, text, path == ("description",))
        for path, text in text_fields(meta)
        if path[0] not in ("review", "hide", "search", "template", "icon")
    ]
    raw = sources.text(file)
    if raw is not None:
        front = FRONT_MATTER.match(raw)
        body_start = front.end() if front else 0
        texts.append(_Text(file, ("body",), raw[body_start:], True, body_start))
    review = meta.review or content.site.review
    review_file = file if meta.review else content.sources["site"]
    if meta.review is None:
        current: str | None = fingerprint(content.site)
    else:
        current = doc_fingerprint(meta, raw) if raw is not None else None
    return _Page(src_uri, file, texts, [], review, review_file, meta.review is not None, current)


def _pages(content: Content, sources: _Sources) -> list[_Page]:
    where = content.sources
    pages = [
        _record_page(urls.BENEFITS, where["benefits"], content.benefits, content.benefits.review),
        _record_page(urls.CAUSES, where["causes"], content.causes, content.causes.review),
        _record_page(urls.DIET, where["diet"], content.diet, content.diet.review),
        _record_page(urls.WARNING_SIGNS, where["safety"], content.safety, content.safety.review),
        _record_page(urls.ABOUT, where["site"], content.site, content.site.review),
    ]
    pages += [
        _record_page(urls.exercise(key), where[f"exercise:{key}"], record, record.review)
        for key, record in content.exercises.items()
    ]
    pages += [
        _record_page(urls.handout(key), where[f"handout:{key}"], record, record.review)
        for key, record in content.handouts.items()
    ]
    pages += [
        _doc_page(src_uri, where[f"doc:{src_uri}"], content, sources)
        for src_uri in content.docs
        if f"doc:{src_uri}" in where
    ]
    return pages


# --- the rules ----------------------------------------------------------------------------------


def check_content(
    content: Content, *, today: date, root: Path | None = None, grade_cache: Path | None = None
) -> CheckReport:
    """Run every content-standards rule over `content`; `root` is the project folder (for
    positions and the text of hand-written pages). `grade_cache`: a file that keeps reading
    grades between runs (see `_GradeCache`)."""
    sources = _Sources(root)
    grades = _GradeCache(grade_cache)
    report = CheckReport()
    errors: set[ContentError] = set()
    warnings: set[ContentError] = set()
    notices: set[ContentError] = set()
    history = first_versions(root) if root is not None else History(unknown="no project folder")
    pages = _pages(content, sources)
    for page in pages:
        errors.update(_claim_errors(page, content.references, sources))
        errors.update(_banned_phrases(page, sources))
        errors.update(_long_sentences(page, sources))
        errors.update(_images_without_alt(page, sources))
        errors.update(_placeholders(page, sources))
        info = review_info(page.review, content.site, today, current=page.current)
        if page.own_review:
            found = _review_finding(info, page, content, sources)
            if found is not None:
                (errors if info.status == "expired" else warnings).add(found)
            errors.update(
                date_errors(page.review_file, page.review, today, history, sources.position)
            )
            notice = content_notice(page.review_file, page.review, info, sources.position)
            if notice is not None:
                notices.add(notice)
        row = _page_report(page, info, grades.grade)
        graded = row.grade is not None and row.words >= READING_GRADE_MIN_WORDS
        if graded and row.grade is not None and row.grade > READING_GRADE_WARNING:
            warnings.add(
                ContentError(
                    page.file,
                    1,
                    1,
                    "",
                    f"reading grade {row.grade:.1f} is above {READING_GRADE_WARNING:g} (target: "
                    f"grade {READING_GRADE_TARGET}, reading age about 11); use shorter sentences "
                    "and plainer words",
                )
            )
        report.pages.append(row)
    errors.update(lead_in_errors(content, sources.position))
    grades.save()
    claims = [
        consistency.PlacedClaim(page.file, path, claim)
        for page in pages
        for path, claim in page.claims
    ]
    errors.update(consistency.grade_conflicts(claims, sources.position))
    errors.update(
        consistency.unsourced_warning_signs(
            content.safety, content.sources["safety"], sources.position
        )
    )
    report.errors = sorted(errors)
    report.warnings = sorted(warnings)
    report.review_notices = sorted(notices)
    report.history_unknown = history.unknown
    return report


class _GradeCache:
    """Reading grades kept between builds, by a hash of the text: a process's first grade loads
    textstat's dictionaries (over a second), so a build whose prose is unchanged skips textstat.
    Grades are a pure function of the text and of this file and textstat; either changing
    empties the cache. Only the grades of the latest run are kept."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[str, float | None] = {}
        self.used: dict[str, float | None] = {}
        self.version = ""
        if path is None:
            return
        self.version = hashlib.sha256(
            Path(__file__).read_bytes()
            + (Path(__file__).parent / "text.py").read_bytes()
            + metadata.version("textstat").encode()
        ).hexdigest()
        try:
            data = json.loads(path.read_text("utf-8"))
            if data["version"] == self.version:
                self.known = dict(data["grades"])
        except (OSError, ValueError, KeyError, TypeError):
            pass

    def grade(self, prose: str) -> float | None:
        if self.path is None:
            return reading_grade(prose)
        key = hashlib.sha256(prose.encode("utf-8")).hexdigest()
        value = self.known[key] if key in self.known else reading_grade(prose)
        self.used[key] = value
        return value

    def save(self) -> None:
        if self.path is None or self.used == self.known:
            return
        text = json.dumps({"version": self.version, "grades": self.used}, sort_keys=True)
        try:  # a cache: a read-only project still builds
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, self.path)
        except OSError:
            pass


def _page_report(
    page: _Page, info: ReviewInfo, grade: Callable[[str], float | None] = reading_grade
) -> PageReport:
    prose = [
        plain_text(block)
        for item in page.texts
        if item.prose
        for _, block in markdown_blocks(item.markdown)
    ]
    joined = " ".join(_with_stop(text) for text in prose if text)
    keys = {key for item in page.texts for key in citation_keys(item.markdown)}
    return PageReport(
        page=page.page,
        file=page.file,
        grade=grade(joined),
        words=len(words(joined)),
        claims=len(page.claims),
        cited_claims=sum(1 for _, claim in page.claims if citation_keys(claim.text)),
        citations=len(keys),
        review=info,
    )


def _claim_errors(
    page: _Page, references: dict[str, Reference], sources: _Sources
) -> Iterator[ContentError]:
    for path, claim in page.claims:
        where = (*path, "text")
        item = _Text(page.file, where, claim.text, True)
        keys = list(dict.fromkeys(citation_keys(claim.text)))
        if not keys:
            line, column = sources.position(page.file, where)
            yield ContentError(
                page.file,
                line,
                column,
                item.field,
                "claim has no citation; cite a reference as [@key]",
            )
            continue
        cited = [references[key] for key in keys if key in references]
        problem = _causal_evidence_problem(cited)
        if problem is None:
            continue
        for word in dict.fromkeys(causal_words(CITATION_MARK.sub("", claim.text))):
            line, column = sources.find(item, _literal(word))
            wording = " ".join(word.split()).lower()
            yield ContentError(
                page.file, line, column, item.field, f"causal wording {wording!r} {problem}"
            )


def _placeholders(page: _Page, sources: _Sources) -> Iterator[ContentError]:
    """Text `strongback new` wrote that the author has not replaced yet (see scaffold.py)."""
    known = placeholder_texts()
    for item in page.texts:
        if item.markdown in known:
            line, column = sources.position(item.file, item.path)
            message = placeholder_message(item.markdown)
            yield ContentError(item.file, line, column, item.field, message)


def _causal_evidence_problem(cited: list[Reference]) -> str | None:
    """Why these references cannot back a causal verb, or None when they can."""
    if not cited:
        return None
    listed = ", ".join(ref.key for ref in cited)
    if all(ref.is_observational for ref in cited):
        return f"backed only by observational sources ({listed}); say 'linked with'"
    if not any(ref.type in CAUSAL_EVIDENCE and not ref.is_observational for ref in cited):
        kinds = ", ".join(f"{ref.key}: {ref.type.replace('_', ' ')}" for ref in cited)
        return (
            f"needs a guideline, systematic review or trial ({kinds}); cite one, "
            "or say 'linked with'"
        )
    return None


def _banned_phrases(page: _Page, sources: _Sources) -> Iterator[ContentError]:
    for item in page.texts:
        for match in BANNED_PHRASES.finditer(item.markdown):
            phrase = " ".join(match.group(0).split())
            line, column = sources.find(item, _literal(phrase))
            yield ContentError(
                page.file,
                line,
                column,
                item.field,
                f"banned phrase {phrase!r}: say what the evidence shows, do not promise a result",
            )


def _long_sentences(page: _Page, sources: _Sources) -> Iterator[ContentError]:
    for item in page.texts:
        if not item.prose:
            continue
        for offset, block in markdown_blocks(item.markdown):
            located = (
                item
                if item.offset is None
                else _Text(item.file, item.path, block, True, item.offset + offset)
            )
            for sentence in sentences(plain_text(block)):
                count = len(words(sentence))
                if count <= MAX_SENTENCE_WORDS:
                    continue
                line, column = sources.find(located, _phrase_pattern(sentence))
                preview = " ".join(sentence.split()[:8])
                yield ContentError(
                    page.file,
                    line,
                    column,
                    item.field,
                    f"sentence has {count} words, more than {MAX_SENTENCE_WORDS}; split it "
                    f"(aim for 20 or fewer): '{preview} …'",
                )


_EMPTY_ALT = re.compile(r"!\[\s*\]\s*[(\[]|<img\b(?![^>]*\balt\s*=\s*[\"']\s*[^\"'\s])[^>]*>", re.I)


def _images_without_alt(page: _Page, sources: _Sources) -> Iterator[ContentError]:
    for item in page.texts:
        for match in _EMPTY_ALT.finditer(item.markdown):
            if item.offset is not None:
                line, column = sources.line_column(item.file, item.offset + match.start())
            else:
                line, column = sources.find(item, re.compile(re.escape(match.group(0))))
            yield ContentError(
                page.file,
                line,
                column,
                item.field,
                "image has no alt text; describe what it shows, as in ![A person kneeling "
                "on all fours](bird-dog.png)",
            )


def _review_finding(
    info: ReviewInfo, page: _Page, content: Content, sources: _Sources
) -> ContentError | None:
    if info.status == "current":
        return None
    path: Path_ = ("review", "last_reviewed")
    line, column = sources.position(page.review_file, path)
    if info.status == "overdue":
        message = (
            f"review overdue: next review was due {info.next_due.isoformat()}; review the page "
            "and update last_reviewed"
        )
    else:
        message = (
            f"review expired on {info.expires.isoformat()} (due {info.next_due.isoformat()}, "
            f"plus {content.site.review_grace_months} months' grace); review the page and "
            "update last_reviewed"
        )
    return ContentError(page.review_file, line, column, dotted(path), message)


# --- the report ---------------------------------------------------------------------------------


def format_table(report: CheckReport) -> str:
    """The per-page table `strongback check` prints."""
    header = ("Page", "Grade", "Words", "Claims", "Citations", "Review")
    rows = [
        (
            page.page,
            "–" if page.grade is None else f"{page.grade:.1f}",
            str(page.words),
            f"{page.cited_claims}/{page.claims}" if page.claims else "0",
            str(page.citations),
            _review_cell(page.review),
        )
        for page in report.pages
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    right = {1, 2, 3, 4}

    def line(cells: Iterable[str]) -> str:
        padded = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(padded).rstrip()

    return "\n".join([line(header), line("-" * w for w in widths), *(line(r) for r in rows)])


def _review_cell(info: ReviewInfo) -> str:
    due = info.next_due.isoformat()
    status = {"current": f"current, due {due}", "overdue": f"OVERDUE since {due}"}.get(
        info.status, f"EXPIRED {info.expires.isoformat()}"
    )
    if info.content_state == "changed":
        status += "; CHANGED since review"
    elif info.content_state == "unbound":
        status += "; not bound to content"
    return status if info.reviewer else status + "; clinical review pending"


def summary(content: Content, report: CheckReport) -> str:
    """Counts for the foot of the table: the library's size and how many claims are cited."""
    share = 100 * report.cited_claims / report.claims if report.claims else 100.0
    return (
        f"{len(content.exercises)} exercises, {len(content.handouts)} handouts, "
        f"{len(content.references)} references; {report.claims} claims, "
        f"{report.cited_claims} cited ({share:.0f}%)."
    )


def enforce_standards(content: Content, *, today: date, root: Path | None) -> list[ContentError]:
    """The check as part of validation: raises `ContentErrors` on any error, returns warnings."""
    cache = root / ".cache" / "strongback" / "reading-grades.json" if root else None
    report = check_content(content, today=today, root=root, grade_cache=cache)
    if report.errors:
        raise ContentErrors(report.errors)
    return report.warnings
