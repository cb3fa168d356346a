"""The engine runs a build without MkDocs: a session and its builds, every file a build adds with
its source, page metadata, finished pages, staging and atomic publish, the serve fallback to the
last valid content, and the PDF error policy. hooks/pipeline.py only connects it."""

from __future__ import annotations

import ast
import logging
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from strongback import pdf
from strongback.build import engine
from strongback.build.engine import BuildError, Session
from strongback.build.theme import theme_assets
from strongback.errors import StrongbackError
from strongback.pdf.problems import TooLong

from ..conftest import REPO, make_project
from .test_theme import MATERIAL

FEATURES = ["navigation.tabs", "content.action.edit", "content.action.view", "search.suggest"]
CSS = ["css/strongback.css", "css/layout.css", "css/figures.css"]
JS = ["js/strongback.js", "js/figures.js"]


class _Theme(dict[str, Any]):
    """A builder's theme settings: options by name, and the template folders."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.dirs: list[str] = [str(REPO / "overrides"), str(MATERIAL)]


def begin(session: Session, root: Path, dev_addr: str = "") -> engine.Build:
    config = SimpleNamespace(site_dir=str(root / "site"))
    build = session.begin(
        config, config_file=root / "mkdocs.yml", docs_dir=root / "docs",
        site_url="https://example.org/", dev_addr=dev_addr,
    )  # fmt: skip
    build.configure(_Theme(features=list(FEATURES)),
                    {"polyfills": ["a.js", "x/iframe-worker/s.js"]}, CSS, JS)  # fmt: skip
    return build


def read_docs(root: Path) -> Callable[[str], str | None]:
    def read(path: str) -> str | None:
        found = root / "docs" / path
        return found.read_text(encoding="utf-8") if found.is_file() else None

    return read


def docs_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.*"))


@pytest.fixture
def log() -> logging.Logger:
    return logging.getLogger("test.strongback.engine")


def test_a_published_build_stages_lists_its_files_and_publishes_atomically(
    tmp_path: Path, log: logging.Logger, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("STRONGBACK_PDF", "off")
    root = make_project(tmp_path / "project", "minimal")
    (root / "site").mkdir()
    (root / "site" / "old.html").write_text("old", encoding="utf-8")
    session = Session(log)
    session.start("build", dirty=False)
    build = begin(session, root)
    assert build.mode == "build" and build.policy and session.build is build
    staged = Path(session.staging.staged) if session.staging else None
    assert staged is not None and staged.name.startswith(".site.staging-")
    assert build.settings.site_url == "https://strongback.example/"  # mkdocs.yml, read once

    outputs = build.outputs(docs_files(root), read_docs(root))
    by_path = {out.path: out for out in outputs}
    # Generated pages carry the file an author edits; nothing is listed twice.
    assert len(by_path) == len(outputs)
    assert by_path["exercises/bird-dog.md"].source == "content/exercises/bird-dog.yml"
    assert "Bird dog" in (by_path["exercises/bird-dog.md"].text or "")
    assert "Sitemap: https://example.org/sitemap.xml" in (by_path["robots.txt"].text or "")
    assert by_path["css/strongback.css"].replaces and by_path["css/site.css"].text
    assert by_path["css/site.css"].text == "".join(by_path[c].text or "" for c in CSS)
    assert any(path.startswith("assets/fonts/") for path in by_path)
    assert by_path["handouts/starter-a4.pdf"].file == pdf.placeholder_pdf()
    assert "authoring/content-reference.md" not in by_path  # the preview's only

    meta: dict[str, object] = {}
    source = by_path["exercises/bird-dog.md"].text or ""
    addresses = {"about.md": "../about/", "warning-signs.md": "../warning-signs/"}
    markdown = build.page(meta, "exercises/bird-dog.md", source, title="Bird dog", url=None,
                          link=addresses.get)  # fmt: skip
    assert isinstance(meta["sb_trust"], dict) and meta["sb_trust"]["about_url"] == "../about/"
    assert '"@type":"MedicalWebPage"' in str(meta["sb_jsonld"]) and meta["description"]
    assert "[@" not in markdown
    page = build.post_page("<html><head><meta charset=utf-8></head><body>  <p>x</p></body></html>")
    assert "Content-Security-Policy" in page
    assert build.post_template("404.html", "<html><head><meta charset=utf-8></head></html>") != (
        build.post_template("sitemap.xml", "<html><head><meta charset=utf-8></head></html>")
    )

    (staged / "index.html").write_text("new", encoding="utf-8")
    session.finished()
    session.shutdown()
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "new"
    assert not (root / "site" / "old.html").exists()
    assert not staged.exists()
    capsys.readouterr()


def test_a_failed_build_leaves_the_site_as_it_was(
    tmp_path: Path, log: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path / "project", "minimal")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("old", encoding="utf-8")
    session = Session(log)
    session.start("build", dirty=False)
    begin(session, root)
    session.failed()
    session.shutdown()
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "old"
    assert "was left exactly as it was" in capsys.readouterr().err
    assert not list(root.glob(".site.staging-*"))


def test_content_errors_stop_a_build_in_one_message(tmp_path: Path, log: logging.Logger) -> None:
    root = make_project(tmp_path / "project", "minimal")
    exercise = root / "content/exercises/bird-dog.yml"
    exercise.write_text(exercise.read_text(encoding="utf-8").replace("reps: 6,", "reps: many,"))
    session = Session(log)
    session.start("build", dirty=False)
    with pytest.raises(BuildError) as raised:
        begin(session, root)
    assert str(raised.value).startswith("Content has 1 error:\ncontent/exercises/bird-dog.yml:")
    with pytest.raises(BuildError, match=r"content was not loaded \(on_config did not run\)"):
        session.build  # noqa: B018
    session.shutdown()


def test_serve_falls_back_to_the_last_valid_content_and_says_what_was_fixed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("STRONGBACK_PDF", "off")
    log = logging.getLogger("test.strongback.serve")
    root = make_project(tmp_path / "project", "minimal")
    session = Session(log)
    session.start("serve", dirty=False)
    first = begin(session, root, dev_addr="127.0.0.1:8000")
    assert first.mode == "serve" and not first.policy and session.staging is None
    outputs = {out.path for out in first.outputs(docs_files(root), read_docs(root))}
    assert {"authoring/content-reference.md", "figures/contact-sheet.html"} <= outputs
    with caplog.at_level(logging.INFO, logger=log.name):
        session.finished()
    assert "described for authors: http://127.0.0.1:8000/authoring/content-reference/" in (
        caplog.text
    )

    exercise = root / "content/exercises/bird-dog.yml"
    original = exercise.read_text(encoding="utf-8")
    exercise.write_text(original.replace("reps: 6,", "reps: many,"), encoding="utf-8")
    second = begin(session, root)
    assert "Still serving the last valid content." in capsys.readouterr().err
    assert second.site is first.site
    exercise.write_text(original.replace("name: Bird dog", "name: Bird dog, slow"), "utf-8")
    third = begin(session, root)
    assert third.site is not first.site
    third.pages = 12
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=log.name):
        session.finished()
    assert caplog.messages == [
        "Content is valid again: fixed content/exercises/bird-dog.yml; rebuilt all 12 pages."
    ]


def test_a_sheet_that_does_not_fit_stops_a_build_but_not_a_preview(
    tmp_path: Path, log: logging.Logger, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    too_long = TooLong(tmp_path / "long.pdf", 3)

    def overflowing(*args: object, **kwargs: object) -> pdf.PdfBuild:
        raise pdf.PdfErrors(["handouts/starter-a4.pdf is 3 pages"],
                            {"handouts/starter-a4.pdf": too_long})  # fmt: skip

    monkeypatch.setattr(pdf, "build_pdfs", overflowing)
    root = make_project(tmp_path / "project", "minimal")
    session = Session(log)
    session.start("build", dirty=False)
    with pytest.raises(pdf.PdfErrors, match="is 3 pages"):
        begin(session, root).pdf_files()
    session.failed()
    session.shutdown()
    session.start("serve", dirty=False)
    files = begin(session, root).pdf_files()
    assert files["handouts/starter-a4.pdf"] == too_long.path
    assert files["handouts/starter-letter.pdf"] == pdf.placeholder_pdf()
    assert "The preview keeps serving; the build would stop here." in capsys.readouterr().err


def test_a_programming_error_is_not_turned_into_a_message(
    tmp_path: Path, log: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> pdf.PdfBuild:
        raise ValueError("a bug")

    monkeypatch.setattr(pdf, "build_pdfs", broken)
    session = Session(log)
    session.start("serve", dirty=False)
    build = begin(session, make_project(tmp_path / "project", "minimal"))
    with pytest.raises(ValueError, match="a bug") as raised:
        build.pdf_files()
    assert not isinstance(raised.value, StrongbackError)
    monkeypatch.undo()
    monkeypatch.setenv("STRONGBACK_PDF", "some")  # a setting: one line, no traceback
    with pytest.raises(StrongbackError, match="STRONGBACK_PDF must be 'all', 'cached' or 'off'"):
        build.pdf_files()


def test_the_mode_decides_edit_links_the_shim_and_the_policy(
    tmp_path: Path, log: logging.Logger
) -> None:
    root = make_project(tmp_path / "project", "minimal")
    session = Session(log)
    for command, offline, features, polyfills, policy in (
        ("build", False, ["navigation.tabs", "search.suggest"], ["a.js"], True),
        ("build", True, ["navigation.tabs", "search.suggest"], ["a.js", "x/iframe-worker/s.js"],
         False),
        ("serve", False, FEATURES, ["a.js"], False),
    ):  # fmt: skip
        session.start(command, dirty=False)
        config = SimpleNamespace(site_dir=str(tmp_path / "mkdocs_preview"))
        build = session.begin(config, config_file=root / "mkdocs.yml", docs_dir=root / "docs",
                              site_url=None, offline=offline)  # fmt: skip
        theme = _Theme(features=list(FEATURES))
        extra: dict[str, Any] = {"polyfills": ["a.js", "x/iframe-worker/s.js"]}
        build.configure(theme, extra, CSS, JS)
        assert (theme["features"], extra["polyfills"], build.policy) == (
            features,
            polyfills,
            policy,
        ), command
        assert build.mode == ("serve" if command == "serve" else "offline" if offline else "build")
        assert set(build.bundles) == {"css/site.css", "css/site-pages.css", "js/site.js"}
        # The names of Material's bundles, from the installed theme, for overrides/main.html.
        assert extra["sb_theme"] == theme_assets([REPO / "overrides", MATERIAL])
        session.shutdown()


def test_the_hook_only_connects_and_nothing_keeps_module_state() -> None:
    hook = REPO / "hooks" / "pipeline.py"
    # 120 until the preview's incremental rebuild (issue 23) added on_nav, on_env, on_page_context.
    assert len(hook.read_text(encoding="utf-8").splitlines()) <= 140
    sources = [hook, *sorted((REPO / "src" / "strongback").rglob("*.py"))]
    found = [
        f"{path.relative_to(REPO)}:{node.lineno}"
        for path in sources
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Global | ast.Nonlocal)
    ]
    assert found == []
    tree = ast.parse(hook.read_text(encoding="utf-8"))
    events = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("on_")]
    assert len(events) == 12
    for event in events:
        # Each event: one call into the session (on_files also registers the files it lists).
        calls = {ast.unparse(node.func) for node in ast.walk(event) if isinstance(node, ast.Call)}
        assert any(call.startswith("SESSION.") for call in calls), event.name
