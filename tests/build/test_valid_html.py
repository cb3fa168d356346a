"""The built site's HTML has no attribute that only means something to the build: Markdown's
`markdown` switch (md_in_html removes it only from the blocks it processes) and `role` on an SVG
that should be hidden from assistive technology (`aria-hidden="true"` says that);
strongback/build/valid_html.py takes them out of every finished page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from strongback.build.valid_html import valid_html


class _Attributes(HTMLParser):
    """Every start tag of a page with its attributes and line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((self.getpos()[0], tag, dict(attrs)))


def invalid_attributes(html: str) -> list[str]:
    """`line: <tag attribute="value">` for each attribute the published HTML must not have."""
    parser = _Attributes()
    parser.feed(html)
    found = []
    for line, tag, attrs in parser.tags:
        if "markdown" in attrs:
            found.append(f'{line}: <{tag} markdown="{attrs["markdown"]}">')
        if tag == "svg" and attrs.get("role") == "presentation":
            found.append(f'{line}: <svg role="presentation"> (use aria-hidden="true")')
    return found


def test_the_check_finds_both_kinds() -> None:
    html = '<p>\n<span markdown="span">x</span>\n<svg role="presentation"></svg><svg role="img">'
    assert invalid_attributes(html) == [
        '2: <span markdown="span">',
        '3: <svg role="presentation"> (use aria-hidden="true")',
    ]
    assert invalid_attributes('<ol role="presentation"></ol><svg aria-hidden="true">') == []


def test_the_attributes_are_taken_out_and_nothing_else_changes() -> None:
    page = (
        '<li class="sb-glance__item">\n<span markdown="span"><a href="#x">X</a></span>\n'
        '<p title="markdown notes" markdown>text</p><b markdown=1>b</b>'
        '<svg viewBox="0 0 1 1" role=\'presentation\' focusable="false"><rect/></svg>'
        '<svg role="presentation" aria-hidden="true"></svg><svg role="img"><title>t</title></svg>'
        '<code>&lt;span markdown="span"&gt;</code> markdown="x" role="presentation">'
    )
    assert valid_html(page) == (
        '<li class="sb-glance__item">\n<span><a href="#x">X</a></span>\n'
        '<p title="markdown notes">text</p><b>b</b>'
        '<svg viewBox="0 0 1 1" aria-hidden="true" focusable="false"><rect/></svg>'
        '<svg aria-hidden="true"></svg><svg role="img"><title>t</title></svg>'
        '<code>&lt;span markdown="span"&gt;</code> markdown="x" role="presentation">'
    )
    assert invalid_attributes(valid_html(page)) == []
    clean = '<div class="a" data-x=\'1\'><ol role="presentation"></ol><br/></div>'
    assert valid_html(clean) == clean


def test_no_page_has_a_markdown_attribute_or_a_presentational_svg(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 40
    found = [
        f"{page.relative_to(built_site)}:{problem}"
        for page in pages
        for problem in invalid_attributes(page.read_text(encoding="utf-8"))
    ]
    assert found == [], "\n".join(found)
    # The routine pages' links to their exercises are still links.
    routine = (built_site / "handouts/gentle-start/index.html").read_text(encoding="utf-8")
    assert '<span><a href="#' in routine
