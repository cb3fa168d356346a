"""The preview's fixed costs (strongback.build.rebuild_costs): the last build's files set aside
in one rename, and the files a rebuild makes as last time moved back instead of copied."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from strongback.build.rebuild_costs import KeptFiles


@dataclass(frozen=True)
class Made:
    path: str
    text: str | None = None
    file: Path | None = None
    replaces: bool = False


def _build(site: Path, made: list[Made]) -> None:
    """What the builder does with the files: copy or write each that is not already in place."""
    for item in made:
        target = site / item.path
        if item.file is not None and item.file.resolve() == target.resolve():
            continue  # MkDocs skips a copy onto the same file
        target.parent.mkdir(parents=True, exist_ok=True)
        if item.text is not None:
            target.write_text(item.text, "utf-8")
        else:
            assert item.file is not None
            target.write_bytes(item.file.read_bytes())


def test_files_made_as_last_time_are_moved_back_and_the_rest_made_again(tmp_path: Path) -> None:
    site, source = tmp_path / "site", tmp_path / "pdf.pdf"
    source.write_bytes(b"%PDF placeholder")
    kept = KeptFiles()
    first = [
        Made("pdf/a.pdf", file=source),
        Made("js/bundle.js", text="one"),
        Made("css/site.css", text="body{}", replaces=True),
        Made("exercises/a.md", text="# A"),
    ]
    kept.set_aside(site)
    assert kept.reuse(first) == first  # nothing to reuse in the first build
    _build(site, first)
    (site / "exercises").mkdir(exist_ok=True)

    kept.set_aside(site)  # the next rebuild: the folder is empty before the builder starts
    assert list(site.iterdir()) == []
    second = [
        Made("pdf/a.pdf", file=source),
        Made("js/bundle.js", text="two"),
        Made("css/site.css", text="body{}", replaces=True),
        Made("exercises/a.md", text="# A"),
    ]
    reused = kept.reuse(second)
    assert reused[0] == Made("pdf/a.pdf", file=site / "pdf/a.pdf")  # in place, not copied
    assert reused[1] == second[1]  # changed: written again
    assert reused[2] == Made("css/site.css", file=site / "css/site.css", replaces=True)
    assert reused[3] == second[3]  # a page is never a file to keep
    _build(site, reused)
    assert (site / "pdf/a.pdf").read_bytes() == b"%PDF placeholder"
    assert (site / "js/bundle.js").read_text("utf-8") == "two"
    assert (site / "css/site.css").read_text("utf-8") == "body{}"
    # The last build's folder is deleted in the background.
    deadline = time.monotonic() + 10
    while any(p.name.startswith(".sb-last-preview-") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline, "the last build's files were not deleted"
        time.sleep(0.05)


def test_a_source_file_that_changed_is_copied_again(tmp_path: Path) -> None:
    site, source = tmp_path / "site", tmp_path / "sheet.pdf"
    source.write_bytes(b"old")
    kept = KeptFiles()
    kept.set_aside(site)
    _build(site, kept.reuse([Made("pdf/sheet.pdf", file=source)]))
    source.write_bytes(b"newer")  # another size, another time: a new PDF in the cache
    kept.set_aside(site)
    again = kept.reuse([Made("pdf/sheet.pdf", file=source)])
    assert again == [Made("pdf/sheet.pdf", file=source)]
    _build(site, again)
    assert (site / "pdf/sheet.pdf").read_bytes() == b"newer"
