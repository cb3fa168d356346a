"""Citations: `[@key]` markers, numbering by first appearance, Vancouver formatting."""

from __future__ import annotations

from strongback.citations import (
    citation_keys,
    citation_positions,
    number_citations,
    vancouver,
)
from strongback.load.loader import load_content
from strongback.model import Reference

from .conftest import FIXTURES


def references() -> dict[str, Reference]:
    return load_content(FIXTURES / "minimal" / "content").references


def test_keys_in_order_with_groups_and_repeats() -> None:
    text = "A [@b]. B [@a; @b]. C [@c]."
    assert citation_keys(text) == ["b", "a", "b", "c"]


def test_code_is_not_a_citation() -> None:
    text = "Write `[@key]` to cite.\n\n```yaml\ntext: x [@other]\n```\nReal [@real]."
    assert citation_keys(text) == ["real"]


def test_positions_are_one_based() -> None:
    assert list(citation_positions("line one\nsee [@x] and [@y; @z]")) == [
        ("x", 2, 5),
        ("y", 2, 14),
        ("z", 2, 14),
    ]


def test_numbering_follows_first_appearance() -> None:
    cited = number_citations("First [@b]. Then [@a; @b].")
    assert cited.keys == ["b", "a"]
    assert cited.markdown == (
        'First <sup class="sb-cite">[<a href="#ref-b" title="Reference 1" '
        'aria-label="Reference 1">1</a>]</sup>. Then <sup class="sb-cite">[<a href="#ref-a" '
        'title="Reference 2" aria-label="Reference 2">2</a>, <a href="#ref-b" '
        'title="Reference 1" aria-label="Reference 1">1</a>]</sup>.'
    )


def test_vancouver_journal_article_with_all_identifiers() -> None:
    assert vancouver(references()["hayden2021"]) == (
        "Hayden JA, Ellis J, Ogilvie R, Malmivaara A, van Tulder MW. "
        "Exercise therapy for chronic low back pain. "
        "Cochrane Database of Systematic Reviews. 2021;(9):CD009790. "
        "doi:[10.1002/14651858.CD009790.pub2](https://doi.org/10.1002/14651858.CD009790.pub2) "
        "PubMed: [34580864](https://pubmed.ncbi.nlm.nih.gov/34580864/) "
        "PMC: [PMC8477273](https://pmc.ncbi.nlm.nih.gov/articles/PMC8477273/)"
    )


def test_vancouver_keeps_a_question_mark_title() -> None:
    text = vancouver(references()["shiri2017"])
    assert (
        "36 prospective cohort studies. British Journal of Sports Medicine. 2017;51:1410-1418."
        in text
    )
    assert "??" not in text and "?." not in text


def test_vancouver_web_page() -> None:
    assert vancouver(references()["nhs-lbp-exercises"]) == (
        "NHS. Exercises for lower back pain [Internet]. NHS. "
        "Available from: <https://www.nhs.uk/live-well/exercise/lower-back-pain-exercises/>"
    )
