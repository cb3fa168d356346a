"""Fit is validation: `strongback validate` reports sheets past their page limit (from the PDF
cache: free when nothing changed), naming the exercise that runs over and by how much;
`strongback handouts` writes such a sheet under a name that says so. The shipped sheets fit at
11pt or larger."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pypdf
import pytest

from strongback import handouts, pdf_render
from strongback.cli import main
from strongback.load import load_content

from .conftest import FIXTURES, REPO, TODAY, make_project
from .test_handouts import SITE_URL

pytestmark = pytest.mark.pdf

ROOM_MM_AT_11PT = 8
"""Height every shipped routine leaves empty on its last allowed page at 11pt, the smallest type:
room for a few more lines before the build refuses it."""


@pytest.fixture
def too_long_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path / "project", "minimal")
    shutil.copy(FIXTURES / "handouts" / "too-long.yml", root / "content" / "handouts")
    monkeypatch.setenv("STRONGBACK_CACHE_DIR", str(tmp_path / "cache"))
    return root


def test_validate_names_the_sheet_the_exercise_and_how_far_it_runs_over(
    too_long_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = too_long_project
    assert main(["--root", str(root), "validate"]) == 1
    err = capsys.readouterr().err
    assert re.search(
        r"^content/handouts/too-long\.yml: handout is 3 pages in A4 even at 11pt; a handout must "
        r"fit on 2 pages: it runs over by \d+ mm \(\d+% of a page\); past the limit: exercise 10 "
        r"\(Side plank\).*\. Remove exercises or shorten notes\.$", err, re.MULTILINE,
    )  # fmt: skip
    assert "2 sheets do not fit." in err
    # Asked again, the verdict comes from the cache: nothing is rendered.
    assert main(["--root", str(root), "validate"]) == 1
    again = capsys.readouterr().err
    assert "Rendering" not in again and "2 sheets do not fit." in again
    (root / "content" / "handouts" / "too-long.yml").unlink()
    assert main(["--root", str(root), "validate"]) == 0
    assert "Every sheet fits its pages: 6 PDFs: 0 rendered, 6 from cache." in (
        capsys.readouterr().out
    )


def test_handouts_writes_the_overflowing_sheet_under_a_marked_name(
    too_long_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = too_long_project
    assert main(["--root", str(root), "handouts", "--output", "out"]) == 1
    written = sorted(p.relative_to(root / "out").as_posix() for p in (root / "out").rglob("*"))
    assert "handouts/too-long-a4.TOO-LONG-3-pages.pdf" in written
    assert "handouts/too-long-letter.TOO-LONG-3-pages.pdf" in written
    assert "handouts/too-long-a4.pdf" not in written
    assert "handouts/starter-a4.pdf" in written
    sheet = pypdf.PdfReader(root / "out/handouts/too-long-a4.TOO-LONG-3-pages.pdf")
    assert len(sheet.pages) == 3
    err = capsys.readouterr().err
    assert "to look at: it does not fit its pages" in err


def body_size(pdf: Path) -> float:
    """The most used type size on the first page, in points."""
    data = pypdf.PdfReader(pdf).pages[0].get_contents()
    assert data is not None
    sizes = re.findall(rb" ([\d.]+) Tf", data.get_data())
    size, _ = Counter(sizes).most_common(1)[0]
    return float(size) * 0.75  # CSS px -> pt


def test_every_shipped_sheet_prints_at_11pt_or_larger(built_site: Path) -> None:
    for pdf in sorted(built_site.rglob("*.pdf")):
        assert round(body_size(pdf), 2) >= 11, pdf


def test_shipped_routines_leave_room_at_11pt() -> None:
    content = load_content(REPO / "content", REPO / "docs")
    for spec in handouts.pdf_specs(content, SITE_URL):
        if spec.kind != "handout":
            continue
        html = handouts.render_html(spec, content, today=date.fromisoformat(TODAY), type_size=11)
        document = pdf_render.layout(html)
        assert len(document.pages) <= handouts.MAX_PAGES["handout"], spec.site_path
        if len(document.pages) == handouts.MAX_PAGES["handout"]:
            assert pdf_render.room_mm(document) >= ROOM_MM_AT_11PT, spec.site_path
