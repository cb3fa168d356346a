"""JSON-LD: built from the content models, honest about review, and matching the built pages."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest

from strongback.build.publish import is_redirect
from strongback.build.site_build import SiteBuild
from strongback.catalogue import Catalogue
from strongback.load.loader import load_content
from strongback.model import Content, Reviewer
from strongback.model.review_dates import ReviewInfo
from strongback.pages.dose_words import dose_summary
from strongback.pages.jsonld import PageFacts, page_facts, page_jsonld, script_text

from ..conftest import FIXTURES

SITE_URL = "https://strongback.example/"


@pytest.fixture(scope="module")
def build() -> SiteBuild:
    root = FIXTURES / "minimal"
    content = load_content(root / "content", root / "docs")
    return SiteBuild(Catalogue.of(content), date(2026, 11, 27))


def facts(build: SiteBuild, src_uri: str) -> PageFacts:
    page = build.catalogue.page(src_uri)
    assert page.generated
    markdown = build.pages.markdown[src_uri]
    return page_facts(build, src_uri, markdown, title=page.title, url=SITE_URL + src_uri)


def test_exercise_page_is_a_medical_web_page_with_an_exercise_plan(build: SiteBuild) -> None:
    content = build.content
    exercise = content.exercises["bird-dog"]
    data = page_jsonld(facts(build, "exercises/bird-dog.md"), content, SITE_URL)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == exercise.name
    assert data["lastReviewed"] == exercise.review.last_reviewed.isoformat()
    plan = data["mainEntity"]
    assert plan["@type"] == "ExercisePlan"
    assert plan["name"] == exercise.name
    assert plan.get("repetitions") == exercise.dose.reps
    assert plan["additionalVariable"] == dose_summary(exercise.dose)
    assert "[@" not in plan["description"], "citation markers are not text"


def test_no_reviewer_means_no_reviewed_by(build: SiteBuild) -> None:
    assert build.content.site.reviewers == []
    data = page_jsonld(facts(build, "exercises/bird-dog.md"), build.content, SITE_URL)
    assert "reviewedBy" not in data
    assert data["author"] == {"@type": "Organization", "name": build.content.site.authors[0].name}


def test_a_real_reviewer_is_named(build: SiteBuild) -> None:
    base = facts(build, "benefits.md")
    reviewer = Reviewer(
        id="a-clinician", name="A. Clinician", credentials="PT, DPT", role="Physiotherapist"
    )
    review = ReviewInfo(
        base.review.author, reviewer, base.review.last_reviewed, base.review.next_due,
        base.review.expires, "current",
    )  # fmt: skip
    reviewed = PageFacts(base.kind, base.title, base.description, base.url, review, base.cited)
    data = page_jsonld(reviewed, build.content, SITE_URL)
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "A. Clinician",
        "honorificSuffix": "PT, DPT",
        "jobTitle": "Physiotherapist",
    }


def test_citations_are_the_references_the_page_cites(build: SiteBuild) -> None:
    page = facts(build, "benefits.md")
    data = page_jsonld(page, build.content, SITE_URL)
    assert [c["name"] for c in data["citation"]] == [
        build.content.references[key].title for key in page.cited
    ]
    assert page.cited, "the fixture's benefits page cites something"


def test_script_text_cannot_close_its_script_element() -> None:
    text = script_text({"name": "</script><script>alert(1)</script>"})
    assert "</" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script>"}


# --- the built site -----------------------------------------------------------------------------

_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def _meta(page: str, attribute: str, name: str) -> str | None:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else None


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.build
def test_every_page_has_json_ld_matching_it(built_site: Path) -> None:
    checked = 0
    for path in sorted(built_site.rglob("index.html")):
        page = path.read_text(encoding="utf-8")
        if is_redirect(page):  # a renamed page's old address: not a page (test_publish.py)
            continue
        blocks = _JSONLD.findall(page)
        assert len(blocks) == 1, path
        data = json.loads(blocks[0])
        where = path.relative_to(built_site)
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page)
        assert canonical and data["url"] == canonical.group(1), where
        assert data["description"] == _meta(page, "name", "description"), where
        title = re.search(r"<title>(.*?)</title>", page)
        assert title and html.unescape(title.group(1)).startswith(data["name"]), where
        reviewed = re.search(r'Page last reviewed</dt>\s*<dd><time datetime="([^"]+)"', page)
        assert reviewed and data["lastReviewed"] == reviewed.group(1), where
        assert "reviewedBy" not in data or "Pending" not in page, where
        for citation in data.get("citation", []):
            assert html.escape(citation["name"], quote=False) in page, (where, citation["name"])
        if "/exercises/" in str(path) and path.parent.name != "exercises":
            plan = data["mainEntity"]
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
            assert heading and _text(heading.group(1)).startswith(plan["name"]), where
            if "repetitions" in plan:
                amount = re.search(r'class="sb-dose-box__amount">(.*?)</p>', page, re.DOTALL)
                assert amount and re.search(rf"\b{plan['repetitions']}\b", _text(amount[1]))
        if "/handouts/" in str(path) and path.parent.name != "handouts":
            text = _text(page)
            for part in data["mainEntity"]["hasPart"]:
                if "additionalVariable" in part:
                    assert f"How much: {part['additionalVariable']}." in text, (where, part)
        checked += 1
    assert checked > 30


def _content() -> Content:
    root = Path(__file__).resolve().parents[2]
    return load_content(root / "content", root / "docs")


@pytest.mark.build
def test_exercise_pages_carry_their_dose(built_site: Path) -> None:
    content = _content()
    for exercise in content.exercises.values():
        page = (built_site / "exercises" / exercise.id / "index.html").read_text(encoding="utf-8")
        data = json.loads(_JSONLD.findall(page)[0])
        assert data["@type"] == "MedicalWebPage"
        assert data["mainEntity"]["additionalVariable"] == dose_summary(exercise.dose)
