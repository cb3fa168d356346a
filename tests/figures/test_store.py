"""Drawings kept between published builds (`figures.store`): the same drawings come back, a
change to what a drawing is made from draws it again, and a bad cache file is ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from strongback.figures import exercise as figures
from strongback.figures.store import STORE_FILE, DrawingStore
from strongback.model import Content


def test_kept_drawings_come_back_equal(tmp_path: Path, project_content: Content) -> None:
    exercise = project_content.exercises["bird-dog"]
    drawn = figures.drawings(exercise)
    store = DrawingStore(tmp_path / STORE_FILE)
    store.put("k", tuple(drawn))
    store.save()
    again = DrawingStore(tmp_path / STORE_FILE)
    assert again.get("k") == tuple(drawn)
    assert again.get("other") is None


def test_a_build_keeps_what_it_drew_and_reuses_it(
    tmp_path: Path, project_content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    exercise = project_content.exercises["cat-camel"]
    figures._DRAWN.clear()
    first = figures.drawings(exercise, store=(store := DrawingStore(tmp_path / STORE_FILE)))
    store.save()
    assert (tmp_path / STORE_FILE).is_file()
    # The next build, in a new process: nothing in memory, the store read from its file.
    figures._DRAWN.clear()

    def no_drawing(*args: object, **kwargs: object) -> None:
        raise AssertionError("drawn again")

    monkeypatch.setattr(figures, "render", no_drawing)
    kept = DrawingStore(tmp_path / STORE_FILE)
    assert figures.drawings(exercise, store=kept) == first
    # Another name (so other captions): drawn again, here refused by the stand-in.
    changed = exercise.model_copy(update={"name": "Cat-camel, slow"})
    with pytest.raises(AssertionError, match="drawn again"):
        figures.drawings(changed, store=kept)
    figures._DRAWN.clear()


def test_without_a_file_the_store_keeps_nothing(project_content: Content) -> None:
    store = DrawingStore(None)
    store.put("k", tuple(figures.drawings(project_content.exercises["bird-dog"])))
    store.save()
    assert store.get("k") is None


def test_a_cache_of_other_code_or_unreadable_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILE
    path.parent.mkdir(parents=True)
    path.write_text('{"version": "older code", "drawings": {"k": []}}', "utf-8")
    assert DrawingStore(path).get("k") is None
    path.write_text("not json", "utf-8")
    assert DrawingStore(path).get("k") is None
