"""The preview's content caches (`build.site_build.ContentCache`): files parsed and validated,
each page's content-standards findings and each exercise's and routine's Markdown are kept
between rebuilds by the text they come from; what a cached rebuild gives equals an uncached one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from strongback.build.site_build import ContentCache, SiteBuild
from strongback.errors import ContentErrors

BIRD_DOG = "content/exercises/bird-dog.yml"


def _same(cached: SiteBuild, fresh: SiteBuild) -> None:
    assert cached.pages.markdown == fresh.pages.markdown
    assert cached.pages.cited_by == fresh.pages.cited_by
    assert [str(w) for w in cached.warnings] == [str(w) for w in fresh.warnings]
    assert cached.content.exercises == fresh.content.exercises


def test_a_cached_load_equals_a_fresh_one_after_each_edit(
    project: Callable[[str | None], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project("minimal")
    monkeypatch.chdir(root)
    cache = ContentCache()
    first = SiteBuild.load(root, root / "docs", preview=True, cache=cache)
    again = SiteBuild.load(root, root / "docs", preview=True, cache=cache)
    # Unchanged files: the same records, not validated again.
    assert again.content.exercises["bird-dog"] is first.content.exercises["bird-dog"]
    _same(again, SiteBuild.load(root, root / "docs", preview=True))

    exercise = root / BIRD_DOG
    original = exercise.read_text("utf-8")
    for old, new in [
        ("name: Bird dog", "name: Bird dog, slow"),
        ("reps: 6,", "reps: 8,"),
        ("equipment: [Exercise mat]", "equipment: [Exercise mat, Sturdy chair]"),
    ]:
        exercise.write_text(exercise.read_text("utf-8").replace(old, new), "utf-8")
        cached = SiteBuild.load(root, root / "docs", preview=True, cache=cache)
        _same(cached, SiteBuild.load(root, root / "docs", preview=True))
        assert cached.content.exercises["side-plank"] is first.content.exercises["side-plank"]
    assert "Bird dog, slow" in cached.pages.markdown["exercises/bird-dog.md"]
    assert "Bird dog, slow" in cached.pages.markdown["exercises/side-plank.md"]  # it links it

    # A content-standards error on a cached page's text is found, with its place.
    exercise.write_text(original.replace("Move slowly.", "This will cure you."), "utf-8")
    with pytest.raises(ContentErrors) as cached_errors:
        SiteBuild.load(root, root / "docs", preview=True, cache=cache)
    with pytest.raises(ContentErrors) as fresh_errors:
        SiteBuild.load(root, root / "docs", preview=True)
    assert str(cached_errors.value) == str(fresh_errors.value)
    assert f"{BIRD_DOG}:" in str(cached_errors.value) and "cure" in str(cached_errors.value)
    # Fixed: valid again, from the cache.
    exercise.write_text(original, "utf-8")
    _same(
        SiteBuild.load(root, root / "docs", preview=True, cache=cache),
        SiteBuild.load(root, root / "docs", preview=True),
    )


def test_a_glossary_or_site_edit_reaches_every_cached_page(
    project: Callable[[str | None], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project("minimal")
    monkeypatch.chdir(root)
    cache = ContentCache()
    SiteBuild.load(root, root / "docs", preview=True, cache=cache)
    site = root / "content/site.yml"
    text = site.read_text("utf-8")
    name = next(line for line in text.splitlines() if line.startswith("name:"))
    site.write_text(text.replace(name, "name: Strong Backs Club"), "utf-8")
    cached = SiteBuild.load(root, root / "docs", preview=True, cache=cache)
    _same(cached, SiteBuild.load(root, root / "docs", preview=True))


def test_renaming_an_exercise_checks_every_cached_page_for_its_new_name(
    project: Callable[[str | None], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rule that reads every exercise's names (an exercise named without a link) is kept
    # apart from the page's other findings: a new name is looked for on every page again.
    root = project("minimal")
    monkeypatch.chdir(root)
    cache = ContentCache()
    SiteBuild.load(root, root / "docs", preview=True, cache=cache)
    side_plank = root / "content/exercises/side-plank.yml"
    text = side_plank.read_text("utf-8")
    side_plank.write_text(text.replace("name: Side plank", "name: Sharp pain", 1), "utf-8")
    with pytest.raises(ContentErrors) as cached_errors:
        SiteBuild.load(root, root / "docs", preview=True, cache=cache)
    with pytest.raises(ContentErrors) as fresh_errors:
        SiteBuild.load(root, root / "docs", preview=True)
    assert str(cached_errors.value) == str(fresh_errors.value)
    # A page the edit did not touch (its other findings kept) has the new finding.
    assert "benefits.yml:14:22: key point 2: PEMAT 7: 'sharp pain' names an exercise" in str(
        cached_errors.value
    )
    side_plank.write_text(text, "utf-8")
    _same(
        SiteBuild.load(root, root / "docs", preview=True, cache=cache),
        SiteBuild.load(root, root / "docs", preview=True),
    )
