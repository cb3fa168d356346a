"""Printable handouts and exercise sheets: HTML, PDFs, the cache, the build hook and the CLI.

The PDF tests open every PDF the real site publishes (pypdf), read its QR code for real
(pdftoppm + zbarimg), and build small projects to check the page limit, the cache and previews.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import urllib.request
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest

from strongback import pdf, urls
from strongback.catalogue import Catalogue
from strongback.errors import SettingError
from strongback.load.loader import load_content
from strongback.model import Content
from strongback.model.review_dates import long_date
from strongback.pages.dose_words import dose_rows, dose_summary
from strongback.pdf.typeset import CardHeights, Overflow
from strongback.text import plain_text

from ..conftest import (
    FIXTURES,
    ON_CI,
    REPO,
    TODAY,
    SharedOnce,
    build_env,
    make_project,
    run_build,
    start_serve,
    wait_for,
)

SITE_URL = "https://strongback.example/"
"""mkdocs.yml's default site_url: the address every test build prints."""
PAGE_SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}


def need(tool: str) -> str:
    """The path of a command-line tool; a missing one skips locally but fails on CI."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (.ci/run installs it)"
        if ON_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


def real_content() -> Content:
    return load_content(REPO / "content", REPO / "docs")


def minimal_content(*extra_handouts: str, root: Path) -> Content:
    """tests/fixtures/minimal, plus handouts from tests/fixtures/handouts/."""
    shutil.copytree(FIXTURES / "minimal" / "content", root / "content")
    for name in extra_handouts:
        shutil.copy(FIXTURES / "handouts" / f"{name}.yml", root / "content" / "handouts")
    return load_content(root / "content", FIXTURES / "minimal" / "docs")


def pdf_text(path: Path) -> str:
    """All the text of a PDF, whitespace collapsed (lines wrap anywhere)."""
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def qr_payload(sheet: Path, tmp_path: Path) -> str:
    """Render page 1 and decode its QR code, as a phone would."""
    png = tmp_path / sheet.stem
    subprocess.run(
        [need("pdftoppm"), "-r", "200", "-f", "1", "-l", "1", "-png", "-singlefile", sheet, png],
        check=True,
    )
    found = subprocess.run(
        [need("zbarimg"), "--raw", "-q", f"{png}.png"], capture_output=True, text=True, check=True
    )
    return found.stdout.strip()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        body: bytes = response.read()
        return body


def today() -> date:
    return date.fromisoformat(TODAY)


# --- pure functions -----------------------------------------------------------------------------


def test_every_handout_and_exercise_gets_a4_and_letter(tmp_path: Path) -> None:
    content = minimal_content(root=tmp_path)
    specs = {
        (s.site_path, s.address, s.source)
        for s in pdf.pdf_specs(content, SITE_URL, Catalogue.of(content))
    }
    assert specs == {
        ("handouts/starter-a4.pdf", f"{SITE_URL}handouts/starter/", "content/handouts/starter.yml"),
        ("handouts/starter-letter.pdf", f"{SITE_URL}handouts/starter/",
         "content/handouts/starter.yml"),
        ("exercises/bird-dog-a4.pdf", f"{SITE_URL}exercises/bird-dog/",
         "content/exercises/bird-dog.yml"),
        ("exercises/bird-dog-letter.pdf", f"{SITE_URL}exercises/bird-dog/",
         "content/exercises/bird-dog.yml"),
        ("exercises/side-plank-a4.pdf", f"{SITE_URL}exercises/side-plank/",
         "content/exercises/side-plank.yml"),
        ("exercises/side-plank-letter.pdf", f"{SITE_URL}exercises/side-plank/",
         "content/exercises/side-plank.yml"),
    }  # fmt: skip


def test_citations_are_numbered_across_fields_in_reading_order() -> None:
    text = pdf.MarkdownText()
    first = text("Walk more [@b].", inline=True)
    second = text("Lift [@a]; walk [@b; @a].")
    assert 'href="#ref-b"' in first and ">1</a>" in first
    assert str(second).startswith('<p><span class="sb-keep">Lift ')  # see the test below
    assert '<a href="#ref-a" title="Reference 2" aria-label="Reference 2">2</a>' in second
    assert text.keys == ["b", "a"]


def test_a_citation_mark_stays_on_the_line_of_the_word_before_it() -> None:
    text = pdf.MarkdownText()
    html = str(text("Stop and see a GP [@a]. Then rest.", inline=True))
    assert html.startswith('Stop and see a <span class="sb-keep">GP <sup class="sb-cite">')
    assert "</sup>.</span> Then rest." in html
    # A link or emphasis before the mark is left whole rather than split by the span.
    linked = str(text("Read [the NHS page](https://example.org/) [@a].", inline=True))
    assert "sb-keep" not in linked and '<a href="https://example.org/">the NHS page</a>' in linked


def test_cautions_two_exercises_share_are_printed_once(tmp_path: Path) -> None:
    bird_dog = minimal_content(root=tmp_path).exercises["bird-dog"]
    first, second, third = (
        bird_dog.model_copy(update={"cautions": cautions})
        for cautions in (
            ["Mind your knees.", "Breathe."],
            ["Breathe.", "Go slowly."],
            ["Go slowly."],
        )
    )
    assert pdf.shared_cautions([first, second, third]) == {
        "Breathe.": [1, 2],
        "Go slowly.": [2, 3],
    }


def test_handout_html_holds_everything_a_printed_routine_needs(tmp_path: Path) -> None:
    content = minimal_content("blank-dose", root=tmp_path)
    spec = next(
        s for s in pdf.pdf_specs(content, SITE_URL, Catalogue.of(content))
        if s.record_id == "blank-dose" and s.paper == "letter"
    )  # fmt: skip
    html = pdf.render_html(spec, content, today=today())
    assert "@page { size: letter; }" in html
    assert '<html lang="en">' in html
    assert '<meta name="dcterms.created" content="2026-01-15">' in html
    assert '<span class="sb-label">Name</span>' in html
    assert '<span class="sb-label">Start date</span>' in html
    assert "<strong>Dose</strong> (to fill in)" in html  # bird dog: blank_dose
    side_plank = content.exercises["side-plank"]
    assert f"<strong>Dose:</strong> {dose_summary(side_plank.dose)}" in html
    for step in side_plank.steps:
        assert step in html
    assert 'src="data:image/svg+xml' in html  # the QR code: no network fetch
    assert f'<a href="{SITE_URL}handouts/blank-dose/">' in html
    # Key points first, in a box under the title (issue 26).
    head = html.split('<p class="sb-often">', 1)[0]
    assert '<section class="sb-box sb-key-points">' in head
    assert all(point in head for point in ("Move slowly and stay comfortable.", "Stop if you"))
    # The log: 3 days a week and no weeks named: a box for each of the 3 days, a month of rows.
    log = html.split('<section class="sb-log">', 1)[1].split("</section>", 1)[0]
    assert [day for day in ("Day 1", "Day 2", "Day 3", "Day 4", "Mon") if day in log] == [
        "Day 1", "Day 2", "Day 3",
    ]  # fmt: skip
    assert log.count('<th scope="row">') == 4
    # Warning signs cite their sources: the text before the citation mark is what prints.
    assert all(plain_text(item).rstrip(".") in html for item in content.safety.emergency)
    assert "http://" not in html.replace("http://www.w3.org", "")


def test_a_long_plan_logs_every_week_in_two_tables_side_by_side() -> None:
    # Kettlebell deadlift: 2 days a week for 12 weeks. Its sheet logs weeks 1-6 beside 7-12,
    # a box for each of the 2 days; the key points stand where the purpose stood.
    content = load_content(REPO / "content", REPO / "docs")
    specs = pdf.pdf_specs(content, SITE_URL, Catalogue.of(content))
    spec = next(s for s in specs if s.record_id == "kettlebell-deadlift")
    html = pdf.render_html(spec, content, today=today())
    log = html.split('<section class="sb-log">', 1)[1].split("</section>", 1)[0]
    assert 'class="sb-log-tables sb-log-tables--two"' in log
    tables = log.split("<table>")[1:]
    assert [re.findall(r'<th scope="row">(\d+)</th>', t) for t in tables] == [
        [str(n) for n in range(1, 7)],
        [str(n) for n in range(7, 13)],
    ]
    assert all(t.count('<th scope="col">Day ') == 2 for t in tables)
    exercise = content.exercises["kettlebell-deadlift"]
    assert all(point in html for point in exercise.key_points)
    assert exercise.purpose not in html
    # Its dose's words explained under the "How much" table, as the web page's dose box does.
    terms = html.split("</table>", 1)[1].split("</div>", 1)[0]
    glossary = {term.term: term.gloss for term in content.glossary.terms}
    assert f"<dfn>Set</dfn>: {glossary['set']}." in terms
    assert f"<dfn>Repetition</dfn>: {glossary['repetition']}." in terms


def test_too_long_message_names_the_file_the_pages_and_the_fix() -> None:
    spec = pdf.PdfSpec("handout", "x", "a4", "content/handouts/x.yml", "", "")
    overflow = Overflow(41.6, 277.0, ("exercise 7 (Bird dog)", "the references"))
    assert pdf.too_long_message(spec, 3, overflow.describe()) == (
        "content/handouts/x.yml: handout is 3 pages in A4 even at 11pt; a handout must fit on 2 "
        "pages: it runs over by 42 mm (15% of a page); past the limit: exercise 7 (Bird dog), "
        "the references. Remove exercises or shorten notes."
    )
    # The heights an author needs to choose what to cut (issue 25): each card with its figures,
    # its text and the blocks in it, then the sheet's own blocks.
    cards = (
        CardHeights(1, "Cat–camel", 48.2, 40.0, 47.9, (("steps", 20.4), ("note", 6.3))),
        CardHeights(2, "Bird dog", 52.0, 51.6, 30.1, (("cautions", 12.0),)),
    )
    measured = Overflow(29.4, 277.0, ("exercise 2 (Bird dog)",), cards, (("the about box", 25.2),))
    assert pdf.too_long_message(spec, 3, measured.describe()) == (
        "content/handouts/x.yml: handout is 3 pages in A4 even at 11pt; a handout must fit on 2 "
        "pages: it runs over by 29 mm (11% of a page); past the limit: exercise 2 (Bird dog). "
        "Heights at the smallest type, to choose what to cut: card 1 (Cat–camel) 48 mm (figures "
        "40, text 48: steps 20, note 6); card 2 (Bird dog) 52 mm (figures 52, text 30: cautions "
        "12); the about box 25 mm. A card is as tall as its figures or its text, whichever is "
        "taller, and its text runs in two balanced columns: cutting a note or a caution saves "
        "about half its height, and nothing while the figures are the taller. Remove exercises or "
        "shorten notes."
    )
    sheet = pdf.PdfSpec("exercise", "y", "letter", "content/exercises/y.yml", "", "")
    assert pdf.too_long_message(sheet, 2) == (
        "content/exercises/y.yml: exercise sheet is 2 pages in Letter even at 11pt; an exercise "
        "sheet must fit on 1 page. Shorten the steps, cautions or stop signs."
    )


def test_an_overflowing_sheet_is_written_under_a_name_that_says_so() -> None:
    assert pdf.overflow_name("handouts/x-a4.pdf", 3) == "handouts/x-a4.TOO-LONG-3-pages.pdf"


@pytest.mark.parametrize(
    ("setting", "serving", "mode"),
    [
        (None, False, "all"),
        (None, True, "cached"),
        ("", True, "cached"),
        ("all", True, "all"),
        ("1", False, "all"),
        ("cached", False, "cached"),
        ("off", False, "off"),
        ("0", True, "off"),
    ],
)
def test_pdf_mode(setting: str | None, serving: bool, mode: str) -> None:
    assert pdf.pdf_mode(setting, serving=serving) == mode


def test_pdf_mode_rejects_a_typo() -> None:
    with pytest.raises(SettingError, match="STRONGBACK_PDF must be 'all', 'cached' or 'off'"):
        pdf.pdf_mode("some", serving=False)


def test_cache_key_changes_only_for_pdfs_whose_input_changed(tmp_path: Path) -> None:
    content = minimal_content(root=tmp_path)
    engine = "engine"

    def keys(content: Content) -> dict[str, str]:
        return {
            s.site_path: pdf.cache_key(s, content, today=today(), engine=engine)
            for s in pdf.pdf_specs(content, SITE_URL, Catalogue.of(content))
        }

    before = keys(content)
    assert len(set(before.values())) == len(before)
    side_plank = content.exercises["side-plank"]
    changed = Content(
        **{**vars(content), "exercises": content.exercises
           | {"side-plank": side_plank.model_copy(update={"name": "Side bridge"})}}
    )  # fmt: skip
    after = keys(changed)
    assert {path for path in before if before[path] != after[path]} == {
        "exercises/side-plank-a4.pdf", "exercises/side-plank-letter.pdf",
        "handouts/starter-a4.pdf", "handouts/starter-letter.pdf",
    }  # fmt: skip
    assert pdf.cache_key(
        pdf.pdf_specs(content, SITE_URL, Catalogue.of(content))[0],
        content,
        today=today(),
        engine="other",
    ) != next(iter(before.values()))


def test_an_unset_site_url_is_an_error(tmp_path: Path) -> None:
    content = minimal_content(root=tmp_path)
    with pytest.raises(SettingError, match="site_url is not set"):
        pdf.build_pdfs(
            content, site_url="", cache=tmp_path / "c", today=today(),
            catalogue=Catalogue.of(content),
        )  # fmt: skip


def test_off_mode_publishes_the_shipped_placeholder_without_rendering(tmp_path: Path) -> None:
    content = minimal_content(root=tmp_path)
    build = pdf.build_pdfs(
        content, site_url=SITE_URL, cache=tmp_path / "c", today=today(), mode="off",
        catalogue=Catalogue.of(content),
    )  # fmt: skip
    assert build.rendered == [] and len(build.placeholders) == 6
    assert set(build.files.values()) == {pdf.placeholder_pdf()}
    assert build.summary() == "6 PDFs: 0 rendered, 0 from cache, 6 placeholders " \
        "(STRONGBACK_PDF=all builds them)"  # fmt: skip
    reader = pypdf.PdfReader(pdf.placeholder_pdf())
    assert len(reader.pages) == 1
    assert "PDF not built in this preview" in reader.pages[0].extract_text()


# --- PDFs: the minimal fixture, rendered once per session ---------------------------------------


@pytest.fixture(scope="session")
def minimal_pdfs(shared_once: SharedOnce) -> tuple[Content, Path]:
    """The minimal fixture's PDFs, rendered cold into a cache of their own, once per run."""

    def render(folder: Path) -> Path:
        content = minimal_content(root=folder)
        build = pdf.build_pdfs(
            content,
            site_url=SITE_URL,
            cache=folder / "cache",
            today=today(),
            catalogue=Catalogue.of(content),
        )
        assert len(build.rendered) == 6, build.summary()
        return folder

    folder = shared_once("minimal-pdfs", render)
    return load_content(folder / "content", FIXTURES / "minimal" / "docs"), folder / "cache"


@pytest.mark.pdf
def test_a_changed_exercise_re_renders_only_its_pdfs(
    minimal_pdfs: tuple[Content, Path], tmp_path: Path
) -> None:
    content, cache = minimal_pdfs
    warm = tmp_path / "cache"
    shutil.copytree(cache, warm)
    again = pdf.build_pdfs(
        content, site_url=SITE_URL, cache=warm, today=today(), catalogue=Catalogue.of(content)
    )
    assert (again.rendered, len(again.reused)) == ([], 6)
    side_plank = content.exercises["side-plank"]
    changed = Content(
        **{**vars(content), "exercises": content.exercises
           | {"side-plank": side_plank.model_copy(update={"name": "Side bridge"})}}
    )  # fmt: skip
    build = pdf.build_pdfs(
        changed, site_url=SITE_URL, cache=warm, today=today(), catalogue=Catalogue.of(changed)
    )
    assert sorted(build.rendered) == [
        "exercises/side-plank-a4.pdf", "exercises/side-plank-letter.pdf",
        "handouts/starter-a4.pdf", "handouts/starter-letter.pdf",
    ]  # fmt: skip
    assert sorted(build.reused) == ["exercises/bird-dog-a4.pdf", "exercises/bird-dog-letter.pdf"]
    assert "Side bridge" in pdf_text(build.files["handouts/starter-a4.pdf"])


@pytest.mark.pdf
def test_pdf_metadata_comes_from_the_content(minimal_pdfs: tuple[Content, Path]) -> None:
    content, cache = minimal_pdfs
    build = pdf.build_pdfs(
        content, site_url=SITE_URL, cache=cache, today=today(), catalogue=Catalogue.of(content)
    )
    reader = pypdf.PdfReader(build.files["handouts/starter-a4.pdf"])
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == "Starter routine"
    assert metadata.author == content.site.publisher.name
    assert metadata.creation_date is not None and metadata.modification_date is not None
    assert metadata.creation_date.date() == date(2026, 1, 15)  # the handout's review date
    assert metadata.modification_date.date() == date(2026, 1, 15)
    root: Any = reader.trailer["/Root"]  # pypdf types it as any PDF object
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"]  # tagged PDF
    assert "/StructTreeRoot" in root
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()


@pytest.mark.pdf
def test_the_handout_fits_the_largest_type_it_can(minimal_pdfs: tuple[Content, Path]) -> None:
    content, cache = minimal_pdfs
    build = pdf.build_pdfs(
        content, site_url=SITE_URL, cache=cache, today=today(), catalogue=Catalogue.of(content)
    )
    # Two exercises leave room: the starter routine prints at the largest size, on one page.
    reader = pypdf.PdfReader(build.files["handouts/starter-a4.pdf"])
    assert len(reader.pages) == 1
    contents = reader.pages[0].get_contents()
    assert contents is not None
    sizes = re.findall(rb" ([\d.]+) Tf", contents.get_data())
    body, _ = Counter(sizes).most_common(1)[0]
    assert float(body) * 0.75 == pdf.TYPE_SIZES[0]  # WeasyPrint writes sizes in CSS px


# --- builds -------------------------------------------------------------------------------------


@pytest.mark.pdf
@pytest.mark.build
def test_cache_second_build_renders_nothing_and_bytes_are_reproducible(
    minimal_pdfs: tuple[Content, Path], tmp_path: Path
) -> None:
    project = make_project(tmp_path / "project", "minimal")
    cache = str(tmp_path / "cache")
    first = run_build(project, "--strict", STRONGBACK_CACHE_DIR=cache)
    assert first.returncode == 0, first.stderr
    assert "strongback: 6 PDFs: 6 rendered, 0 from cache" in first.stderr
    second = run_build(project, "--strict", STRONGBACK_CACHE_DIR=cache)
    assert second.returncode == 0, second.stderr
    assert "strongback: 6 PDFs: 0 rendered, 6 from cache" in second.stderr
    # Rendered in another process, in another build, into another cache: the same bytes.
    content, other_cache = minimal_pdfs
    other = pdf.build_pdfs(
        content,
        site_url=SITE_URL,
        cache=other_cache,
        today=today(),
        catalogue=Catalogue.of(content),
    )
    for site_path, path in other.files.items():
        assert (project / "site" / site_path).read_bytes() == path.read_bytes(), site_path


@pytest.mark.pdf
@pytest.mark.build
def test_a_handout_that_cannot_fit_two_pages_stops_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "minimal")
    shutil.copy(FIXTURES / "handouts" / "too-long.yml", project / "content" / "handouts")
    result = run_build(project, "--strict")
    assert result.returncode != 0
    errors = [line.split("-  ", 1)[-1] for line in result.stderr.splitlines() if "ERROR" in line]
    pages = re.search(r"too-long\.yml: handout is (\d+) pages in A4", result.stderr)
    assert pages and int(pages.group(1)) > 2
    # Which exercise runs over, and by how much.
    assert re.fullmatch(
        rf"content/handouts/too-long\.yml: handout is {pages.group(1)} pages in A4 even at 11pt; "
        r"a handout must fit on 2 pages: it runs over by \d+ mm \(\d+% of a page\); past the "
        r"limit: .+\. Heights at the smallest type, to choose what to cut: card 1 \(Bird dog\) "
        r"\d+ mm \(text \d+: steps \d+, note \d+\); card 2 \(Side plank\) .*; the tips \d+ mm; "
        r"when to stop \d+ mm; the about box \d+ mm\. A card is as tall .+\. Remove exercises or "
        r"shorten notes\.",
        errors[0],
    )
    assert re.search(
        r"^content/handouts/too-long\.yml: handout is \d+ pages in Letter even at 11pt; a "
        r"handout must fit on 2 pages: it runs over by \d+ mm .* Remove exercises or shorten "
        r"notes\.$",
        result.stderr, re.MULTILINE,
    )  # fmt: skip
    assert "Traceback" not in result.stderr
    assert not (project / "site" / "handouts" / "too-long-a4.pdf").exists()


@pytest.mark.build
def test_preview_builds_publish_placeholders_and_still_pass_strict(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "minimal")
    result = run_build(project, "--strict", STRONGBACK_PDF="off")
    assert result.returncode == 0, result.stderr
    assert "6 placeholders (STRONGBACK_PDF=all builds them)" in result.stderr
    placeholder = pdf.placeholder_pdf().read_bytes()
    assert (project / "site" / "handouts" / "starter-a4.pdf").read_bytes() == placeholder


@pytest.mark.build
def test_serve_never_renders_a_pdf(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "minimal")
    server, lines, port = start_serve(
        project, "--no-livereload", STRONGBACK_CACHE_DIR=str(tmp_path / "empty-cache")
    )
    summary = "strongback: 6 PDFs: 0 rendered, 0 from cache, 6 placeholders"
    try:
        address = f"http://127.0.0.1:{port}/handouts/starter-a4.pdf"
        wait_for(lambda: fetch(address) == pdf.placeholder_pdf().read_bytes(), "the preview")
        wait_for(lambda: summary in "".join(lines), "the PDF summary line")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert summary in "".join(lines)


@pytest.mark.pdf
def test_cli_writes_every_pdf_into_a_folder(
    minimal_pdfs: tuple[Content, Path], tmp_path: Path
) -> None:
    project = make_project(tmp_path / "project", "minimal")
    _, cache = minimal_pdfs
    result = subprocess.run(
        [sys.executable, "-m", "strongback", "--root", str(project), "handouts",
         "--output", "out"],
        env=build_env(STRONGBACK_CACHE_DIR=str(cache)), capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "6 PDFs: 0 rendered, 6 from cache" in result.stdout
    written = sorted(p.relative_to(project / "out").as_posix() for p in project.rglob("*.pdf"))
    assert written == [
        "exercises/bird-dog-a4.pdf", "exercises/bird-dog-letter.pdf",
        "exercises/side-plank-a4.pdf", "exercises/side-plank-letter.pdf",
        "handouts/starter-a4.pdf", "handouts/starter-letter.pdf",
    ]  # fmt: skip


# --- the real site ------------------------------------------------------------------------------


def published_pdfs(site: Path) -> list[tuple[pdf.PdfSpec, Path]]:
    content = real_content()
    specs = pdf.pdf_specs(content, SITE_URL, Catalogue.of(content))
    return [(spec, site / spec.site_path) for spec in specs]


@pytest.mark.pdf
@pytest.mark.build
def test_every_published_pdf_has_its_size_pages_and_content(built_site: Path) -> None:
    content = real_content()
    pdfs = published_pdfs(built_site)
    assert len(pdfs) == 2 * (len(content.handouts) + len(content.exercises))
    for spec, path in pdfs:
        reader = pypdf.PdfReader(path)
        assert 1 <= len(reader.pages) <= pdf.MAX_PAGES[spec.kind], spec.site_path
        width, height = PAGE_SIZES[spec.paper]
        for page in reader.pages:
            assert abs(float(page.mediabox.width) - width) <= 1, spec.site_path
            assert abs(float(page.mediabox.height) - height) <= 1, spec.site_path
        text = pdf_text(path)
        if spec.kind == "handout":
            handout = content.handouts[spec.record_id]
            assert handout.title in text
            items = [
                (content.exercises[i.exercise], i.dose, i.blank_dose) for i in handout.exercises
            ]
        else:
            exercise = content.exercises[spec.record_id]
            items = [(exercise, None, False)]
        for exercise, dose, blank in items:
            assert exercise.name in text, (spec.site_path, exercise.name)
            if spec.kind == "exercise":
                for label, value in dose_rows(exercise.dose):
                    assert f"{label} {value}" in text, (spec.site_path, label, value)
            elif not blank:
                summary = dose_summary(dose or exercise.dose)
                assert summary in text, (spec.site_path, summary)
        for red_flag in content.safety.emergency:
            assert plain_text(red_flag).rstrip(".") in text, (spec.site_path, red_flag)
        record = content.handouts.get(spec.record_id) or content.exercises[spec.record_id]
        assert spec.address in "".join(text.split())  # a narrow column may wrap it
        assert f"Last reviewed {long_date(record.review.last_reviewed)}" in text
        assert content.site.publisher.name in text


@pytest.mark.pdf
@pytest.mark.build
def test_every_handout_qr_code_opens_its_page(built_site: Path, tmp_path: Path) -> None:
    pdfs = published_pdfs(built_site)
    handout_pdfs = [(spec, path) for spec, path in pdfs if spec.kind == "handout"]
    samples = [*handout_pdfs, next((s, p) for s, p in pdfs if s.kind == "exercise")]
    for spec, path in samples:
        assert spec.address == SITE_URL + urls.page_url(
            urls.handout(spec.record_id)
            if spec.kind == "handout"
            else urls.exercise(spec.record_id)
        )
        assert qr_payload(path, tmp_path) == spec.address, spec.site_path


@pytest.mark.pdf
@pytest.mark.build
def test_pages_link_their_pdfs_and_the_links_resolve(built_site: Path) -> None:
    content = real_content()
    pages = [("handouts", i) for i in content.handouts] + [
        ("exercises", i) for i in content.exercises
    ]
    for folder, record_id in pages:
        html = (built_site / folder / record_id / "index.html").read_text(encoding="utf-8")
        for paper in ("a4", "letter"):
            assert f'href="../{record_id}-{paper}.pdf"' in html, (record_id, paper)
            assert (built_site / folder / f"{record_id}-{paper}.pdf").is_file()
        assert "data-sb-print" in html


@pytest.mark.build
def test_every_page_loads_the_print_stylesheet(built_site: Path) -> None:
    css = (built_site / "css" / "print.css").read_text(encoding="utf-8")
    assert "@media print" in css
    assert 'a[href^="http"]::after' in css
    assert ".sb-downloads" in css
    for page in ("index.html", "exercises/bird-dog/index.html", "handouts/gentle-start/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert re.search(
            r'<link rel="stylesheet" href="[./]*css/print\.css" media="print">', html
        ), page
