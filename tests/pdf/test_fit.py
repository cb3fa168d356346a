"""Fit is validation: `strongback validate` reports sheets past their page limit (from the PDF
cache: free when nothing changed), naming the exercise that runs over and by how much;
`strongback handouts` writes such a sheet under a name that says so. The shipped sheets fit at
11pt or larger."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdf
import pytest

from strongback import pdf
from strongback.catalogue import Catalogue
from strongback.cli import main
from strongback.load.loader import load_content
from strongback.pdf import typeset

from ..conftest import FIXTURES, REPO, TODAY, make_project
from .test_handouts import SITE_URL

pytestmark = pytest.mark.pdf

ROOM_MM_AT_11PT = 8
"""Height every shipped sheet leaves empty on its last allowed page at 11pt, the smallest type:
room for a few more lines before the build refuses it."""


@pytest.fixture
def too_long_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path / "project", "minimal")
    # Notes three times as long: even at the smallest type, exercises land past the second page.
    text = (FIXTURES / "handouts" / "too-long.yml").read_text(encoding="utf-8")
    sentence = "Move slowly, breathe normally, and stop if you feel sharp pain."
    text = text.replace(sentence, " ".join([sentence] * 3))
    (root / "content" / "handouts" / "too-long.yml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("STRONGBACK_CACHE_DIR", str(tmp_path / "cache"))
    return root


def test_validate_names_the_sheet_the_exercise_and_how_far_it_runs_over(
    too_long_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = too_long_project
    assert main(["--root", str(root), "validate"]) == 1
    err = capsys.readouterr().err
    assert re.search(
        r"^content/handouts/too-long\.yml: handout is \d pages in A4 even at 11pt; a handout "
        r"must fit on 2 pages: it runs over by \d+ mm \(\d+% of a page\); past the limit: "
        r"exercise \d+ \((Side plank|Bird dog)\), .*\. Remove exercises or shorten notes\.$",
        err, re.MULTILINE,
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
    marked = [name for name in written if ".TOO-LONG-" in name]
    assert [re.sub(r"\d+-pages", "N-pages", name) for name in marked] == [
        "handouts/too-long-a4.TOO-LONG-N-pages.pdf",
        "handouts/too-long-letter.TOO-LONG-N-pages.pdf",
    ]  # fmt: skip
    assert "handouts/too-long-a4.pdf" not in written
    assert "handouts/starter-a4.pdf" in written
    pages = int(re.findall(r"(\d+)-pages", marked[0])[0])
    assert pages > 2
    assert len(pypdf.PdfReader(root / "out" / marked[0]).pages) == pages
    err = capsys.readouterr().err
    assert "to look at: it does not fit its pages" in err


def _shipped_specs() -> list[pdf.PdfSpec]:
    content = load_content(REPO / "content", REPO / "docs")
    return pdf.pdf_specs(content, SITE_URL, Catalogue.of(content))


@pytest.mark.parametrize("spec", _shipped_specs(), ids=lambda spec: spec.site_path)
def test_every_shipped_sheet_fits_at_11pt_with_room(spec: pdf.PdfSpec) -> None:
    """Every routine and exercise sheet, A4 and Letter, fits its pages at 11pt (the smallest
    type the build allows) and leaves room on its last page."""
    assert pdf.TYPE_SIZES[-1] == 11
    content = load_content(REPO / "content", REPO / "docs")
    html = pdf.render_html(spec, content, today=date.fromisoformat(TODAY), type_size=11)
    document = typeset.layout(html)
    assert len(document.pages) <= pdf.MAX_PAGES[spec.kind], spec.site_path
    if len(document.pages) == pdf.MAX_PAGES[spec.kind]:
        assert typeset.room_mm(document) >= ROOM_MM_AT_11PT, spec.site_path
