"""Real `mkdocs build --strict` runs in tmp_path: pages, links, tags, search, edit links, and
a failed build that leaves the last good site untouched."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from strongback.build.theme import theme_assets

from ..conftest import REPO, run_build
from .test_theme import MATERIAL

pytestmark = pytest.mark.build


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_generated_pages_exist(minimal_site: Path) -> None:
    for page in (
        "benefits/index.html",
        "causes/index.html",
        "diet/index.html",
        "warning-signs/index.html",
        "exercises/index.html",
        "exercises/bird-dog/index.html",
        "exercises/side-plank/index.html",
        "handouts/index.html",
        "handouts/starter/index.html",
        "references/index.html",
        "about/index.html",
        "tags/index.html",
        "disclaimer/index.html",
        "index.html",
    ):
        assert (minimal_site / page).is_file(), page


def test_links_between_generated_pages_resolve(minimal_site: Path) -> None:
    html = (minimal_site / "exercises/bird-dog/index.html").read_text(encoding="utf-8")
    assert '<a href="../side-plank/">Side plank</a>' in html
    assert '<a href="../../warning-signs/">Read all the warning signs</a>' in html
    index = (minimal_site / "exercises/index.html").read_text(encoding="utf-8")
    assert '<a href="bird-dog/">Bird dog</a>' in index


def test_citations_link_to_the_page_reference_list(minimal_site: Path) -> None:
    html = (minimal_site / "exercises/bird-dog/index.html").read_text(encoding="utf-8")
    assert '<a href="#ref-hayden2021" title="Reference 2"' in html
    assert '<li id="ref-hayden2021">Hayden JA, Ellis J' in html
    assert 'href="https://doi.org/10.1002/14651858.CD009790.pub2"' in html


def test_public_build_has_no_edit_or_repository_link(minimal_site: Path) -> None:
    for page in ("exercises/bird-dog/index.html", "index.html"):
        html = (minimal_site / page).read_text(encoding="utf-8")
        assert "/edit/main/" not in html and 'rel="edit"' not in html, page
        assert 'class="md-source"' not in html, page


def test_edit_links_point_at_the_yaml_source_when_turned_on(
    project: Callable[[str | None], Path],
) -> None:
    # extra.source_links in mkdocs.yml (here through its environment variable) shows both.
    root = project("minimal")
    result = run_build(root, "--strict", STRONGBACK_SOURCE_LINKS="true", STRONGBACK_PDF="off")
    assert result.returncode == 0, result.stderr
    html = (root / "site/exercises/bird-dog/index.html").read_text(encoding="utf-8")
    assert "/edit/main/content/exercises/bird-dog.yml" in html
    assert 'class="md-source"' in html
    home = (root / "site/index.html").read_text(encoding="utf-8")
    assert "/edit/main/docs/index.md" in home


def test_tags_are_rendered_and_listed(minimal_site: Path) -> None:
    html = (minimal_site / "exercises/bird-dog/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="../../tags/#tag:level-beginner"[^>]*>Level: Beginner<', html)
    tags = (minimal_site / "tags/index.html").read_text(encoding="utf-8")
    for tag in ("Level: Beginner", "Level: Advanced", "Equipment: Exercise mat"):
        assert tag in tags
    assert 'href="../exercises/side-plank/"' in tags


def test_search_index_covers_generated_pages(minimal_site: Path) -> None:
    index = json.loads((minimal_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for location in ("exercises/bird-dog/", "exercises/bird-dog/#steps", "handouts/starter/"):
        assert location in locations
    titles = {doc["title"] for doc in index["docs"]}
    assert "Bird dog" in titles


def test_every_page_shows_review_and_disclaimer(minimal_site: Path) -> None:
    for page in sorted(minimal_site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if "sb-trust" not in html:
            pytest.fail(f"{page.relative_to(minimal_site)} has no review box")
        assert "Page last reviewed" in html and "Next review due" in html
        assert "Pending: no clinician has reviewed this page yet." in html
        assert "Read the disclaimer" in html


def test_review_dates_come_from_the_content(minimal_site: Path) -> None:
    html = (minimal_site / "exercises/bird-dog/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-01-15">15 January 2026</time>' in html
    assert '<time datetime="2027-01-15">15 January 2027</time>' in html


def test_exercise_page_says_when_to_stop_and_see_a_doctor(minimal_site: Path) -> None:
    html = (minimal_site / "exercises/bird-dog/index.html").read_text(encoding="utf-8")
    assert 'id="when-to-stop"' in html and 'id="see-a-doctor"' in html


def test_shared_blocks_are_in_every_page_once_and_out_of_the_search_index(
    minimal_site: Path,
) -> None:
    # The safety block and the tick log are put into the finished pages (pages.blocks): the
    # pages show them, their links resolved as the builder does; the search index has the
    # safety words on the warning-signs page only.
    for page in ("exercises/bird-dog/index.html", "handouts/starter/index.html"):
        html = (minimal_site / page).read_text(encoding="utf-8")
        assert "data-sb-block" not in html and "sb-block -->" not in html, page
        assert html.count('<div class="admonition danger">') == 1, page
        assert html.count('<p class="admonition-title">Get help now</p>') == 1, page
        assert '<a href="../../warning-signs/">Read all the warning signs</a>' in html, page
        assert html.count('<table class="sb-log__table">') == 1, page
    index = json.loads((minimal_site / "search/search_index.json").read_text(encoding="utf-8"))
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert "Get help now" not in texts["exercises/bird-dog/#see-a-doctor"]
    assert "Tick a box" not in texts["exercises/bird-dog/#log"]
    assert any("Pain not better within a few weeks" in text for text in texts.values())
    assert "Weakness in both legs" in html  # then its source, cited
    assert 'href="#ref-nhs-lbp-exercises"' in html


def test_failed_build_leaves_the_previous_site_untouched(
    project: Callable[[str | None], Path],
) -> None:
    root = project("minimal")
    assert run_build(root, "--strict").returncode == 0
    before = tree_digest(root / "site")
    exercise = root / "content/exercises/bird-dog.yml"
    exercise.write_text(
        exercise.read_text(encoding="utf-8").replace("reps: 6,", "reps: many,"), encoding="utf-8"
    )
    result = run_build(root, "--strict")
    assert result.returncode != 0
    assert (
        "content/exercises/bird-dog.yml:19:23: dose.reps: expected a whole number, got 'many'"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert tree_digest(root / "site") == before


def test_the_content_reference_is_not_published(built_site: Path) -> None:
    # It is for authors: in the `mkdocs serve` preview (test_serve.py) and content/README.md.
    assert not (built_site / "authoring").exists()
    assert "Content reference" not in (built_site / "search" / "search_index.json").read_text(
        encoding="utf-8"
    )


def test_the_real_content_builds_strict(built_site: Path) -> None:
    pages = list(built_site.rglob("index.html"))
    assert len(pages) > 40
    assert (built_site / "exercises/bird-dog/index.html").is_file()
    assert (built_site / "sitemap.xml").is_file()


def test_figures_fill_their_slots_after_markdown_and_stay_out_of_search(built_site: Path) -> None:
    # Page templates leave a slot; on_post_page fills it, so Markdown and the search index never
    # read the SVG (at 1000 exercises that was a quarter of the build; benchmarks/results.md).
    exercises = sorted((REPO / "content" / "exercises").glob("*.yml"))
    for source in exercises:
        html = (built_site / "exercises" / source.stem / "index.html").read_text("utf-8")
        figures = re.findall(r'<figure class="sb-figure"><svg [^>]*role="img"', html)
        assert len(figures) >= 2, source.stem
    index = (built_site / "exercises/index.html").read_text("utf-8")
    assert index.count('class="sb-card__figure"><svg ') == len(exercises)
    home = (built_site / "index.html").read_text("utf-8")
    assert home.count('<div class="sb-way__figure"><svg ') == 2
    for page in built_site.rglob("*.html"):
        assert "data-sb-figure" not in page.read_text("utf-8"), page  # no slot left unfilled
    search = json.loads((built_site / "search/search_index.json").read_text("utf-8"))
    bird_dog = next(doc for doc in search["docs"] if doc["location"] == "exercises/bird-dog/")
    assert "Bird dog: start position" not in bird_dog["text"]
    assert "How much:" in bird_dog["text"]
    assert not any(": start position" in doc["text"] for doc in search["docs"])


def test_pages_load_one_site_stylesheet_print_styles_for_print_and_deferred_scripts(
    minimal_site: Path,
) -> None:
    # Fewer render-blocking requests for a phone's first paint (Lighthouse), a lighter page.
    html = (minimal_site / "exercises/bird-dog/index.html").read_text(encoding="utf-8")
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"([^>]*)>', html)
    material = theme_assets([REPO / "overrides", MATERIAL])  # the installed theme's bundles
    assert [(href.split("/")[-1], extra) for href, extra in sheets] == [
        (material.stylesheet.split("/")[-1], ""),
        ("site.css", ""),
        ("print.css", ' media="print"'),
    ]
    lean = (minimal_site / "css/site.css").read_text(encoding="utf-8")
    wide = (minimal_site / "css/site-pages.css").read_text(encoding="utf-8")
    for source in ("strongback.css", "layout.css", "pages.css"):
        first_rule = (REPO / "docs/css" / source).read_text(encoding="utf-8").split("{")[0]
        selector = first_rule.split("*/")[-1].strip()
        assert selector in wide, source
        assert (selector in lean) is (source != "pages.css"), source
    assert "/*" not in lean + wide
    for page in ("index.html", "exercises/index.html", "handouts/starter/index.html"):
        assert "css/site-pages.css" in (minimal_site / page).read_text(encoding="utf-8"), page
    scripts = re.findall(r"<script src=\"([^\"]+)\"([^>]*)>", html)
    assert [src.split("/")[-1] for src, _ in scripts] == [material.script.split("/")[-1], "site.js"]
    assert all(" defer" in attributes for _, attributes in scripts)
    bundle = (minimal_site / "js/site.js").read_text(encoding="utf-8")
    assert "data-sb-print" in bundle and "sb-figures" in bundle
    assert "iframe-worker" not in html and "finder.js" not in html
    assert "finder.js" in (minimal_site / "exercises/index.html").read_text(encoding="utf-8")


def _benchmark() -> ModuleType:
    """benchmarks/run.py, whose page_weight measures a page as the benchmark does."""
    spec = importlib.util.spec_from_file_location(
        "strongback_benchmark", REPO / "benchmarks/run.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_exercise_page_stays_within_its_weight_budget(built_site: Path) -> None:
    # README "Light and quick on a phone": an exercise page with every stylesheet and script it
    # loads (print.css too), gzip level 6 each, within 70 KB. Measured as benchmarks/run.py does.
    bench = _benchmark()
    limit = bench.PAGE_LIMIT_KB * 1024
    pages = sorted((built_site / "exercises").glob("*/index.html"))
    weights = {}
    for page in pages:
        if 'http-equiv="refresh"' in page.read_text(encoding="utf-8"):
            continue  # a moved page's redirect
        weight = bench.page_weight(built_site, page)
        names = {f["file"].split("/")[-1] for f in weight["files"]}
        assert {"site.css", "print.css", "site.js"} <= names, (page, names)
        assert any(n.startswith("bundle.") for n in names), names  # Material's script counted
        assert any(n.startswith("main.") for n in names), names  # and its stylesheet
        weights[page.parent.name] = weight["gzip"]
    assert len(weights) >= 28
    heavy = {name: f"{size / 1024:.2f} KB" for name, size in weights.items() if size > limit}
    assert not heavy, f"over {bench.PAGE_LIMIT_KB:g} KB gzip with their CSS and JS: {heavy}"
