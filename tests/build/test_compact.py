"""Indentation out of pages and the site's own stylesheets; preformatted text kept."""

from __future__ import annotations

import pytest

from strongback.build import assets
from strongback.build.compact import compact_css, compact_html


def test_html_loses_indentation_but_keeps_pre_script_and_inline_spaces() -> None:
    html = (
        "<div>\n    <p>Hold for <strong>5</strong> seconds.</p>\n\n\n    <pre>  a\n    b</pre>\n"
        "  <script>\n  var x = 1;\n  </script>\n  <textarea>\n  keep\n</textarea>\n</div>"
    )
    assert compact_html(html) == (
        "<div>\n<p>Hold for <strong>5</strong> seconds.</p>\n<pre>  a\n    b</pre>\n"
        "<script>\n  var x = 1;\n  </script>\n<textarea>\n  keep\n</textarea>\n</div>"
    )


def test_css_loses_comments_and_indentation() -> None:
    css = '/* a note */\n.a {\n  color: red; /* why */\n}\n\n\n.b::after { content: " · "; }\n'
    assert compact_css(css) == '.a {\ncolor: red; \n}\n.b::after { content: " · "; }\n'


def test_bundles_join_the_published_parts_compacted_once() -> None:
    raw = {
        "css/a.css": "/* a */\n.a {\n  color: red;\n}\n\n",
        "css/pages.css": ".p { margin: 0; }\n",
        "vendor/b.css": "  .b { color: blue; } /* b */\n",
        "js/a.js": "one();\n",
        "js/b.js": "two();\n",
    }
    parts = assets.bundles(["css/a.css", "vendor/b.css"], ["js/a.js", "js/b.js"])
    assert parts["css/site-pages.css"] == ["css/a.css", "vendor/b.css", "css/pages.css"]
    published = {path: assets.published(path, text) for path, text in raw.items()}
    assert published["vendor/b.css"] == raw["vendor/b.css"]  # not the site's own: as it is
    bundled = assets.joined(parts, published.get)
    # The same as compacting the joined sources, with each own stylesheet compacted only once.
    assert bundled["css/site.css"] == compact_css(raw["css/a.css"] + "\n" + raw["vendor/b.css"])
    assert bundled["css/site.css"] == ".a {\ncolor: red;\n}\n.b { color: blue; }\n"
    assert bundled["js/site.js"] == "one();\n\ntwo();\n"
    with pytest.raises(assets.MissingParts, match=r"lists css/gone\.css, not found under docs/"):
        assets.joined({"css/site.css": ["css/a.css", "css/gone.css"]}, published.get)
