"""Indentation out of pages and the site's own stylesheets; preformatted text kept."""

from __future__ import annotations

import pytest

from strongback.build import assets
from strongback.build.compact import compact_css, compact_html, compact_js


def test_html_loses_indentation_but_keeps_pre_script_and_inline_spaces() -> None:
    html = (
        "<div>\n    <p>Hold for <strong>5</strong> seconds.</p>\n\n\n    <pre>  a\n    b</pre>\n"
        "  <script>\n  var x = 1;\n  </script>\n  <textarea>\n  keep\n</textarea>\n</div>"
    )
    assert compact_html(html) == (
        "<div>\n<p>Hold for <strong>5</strong> seconds.</p>\n<pre>  a\n    b</pre>\n"
        "<script>\n  var x = 1;\n  </script>\n<textarea>\n  keep\n</textarea>\n</div>"
    )


def test_css_loses_comments_and_the_spaces_it_does_not_need() -> None:
    css = '/* a note */\n.a {\n  color: red; /* why */\n}\n\n\n.b::after { content: " · "; }\n'
    assert compact_css(css) == '.a{color:red}\n.b::after{content:" · "}\n'


def test_css_keeps_the_spaces_that_mean_something() -> None:
    css = (
        "@media print {\n  .a > .b,\n"
        "  .md-typeset :focus { margin: 0 calc(1rem + 2px) !important; }\n}\n"
        '.c::after { content: " ( " attr(href) ")"; font: 1em "A b", sans-serif; }\n'
    )
    assert compact_css(css) == (
        "@media print{.a>.b,.md-typeset :focus{margin:0 calc(1rem + 2px) !important}\n}\n"
        '.c::after{content:" ( " attr(href) ")";font:1em "A b",sans-serif}\n'
    )


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
    assert bundled["css/site.css"] == ".a{color:red}\n.b{color:blue}\n"
    assert bundled["js/site.js"] == "one();\n\ntwo();\n"
    with pytest.raises(assets.MissingParts, match=r"lists css/gone\.css, not found under docs/"):
        assets.joined({"css/site.css": ["css/a.css", "css/gone.css"]}, published.get)


def test_scripts_lose_comment_lines_and_indentation_unless_a_string_spans_lines() -> None:
    js = "// Print buttons.\n(function () {\n  // bound here\n  var a = 'x // y';\n})();\n"
    assert compact_js(js) == "(function () {\nvar a = 'x // y';\n})();\n"
    spanning = "var a = `one\n  two`;\n  // kept\n"
    assert compact_js(spanning) == spanning
    assert compact_js("var a = 'one\\\n  two';\n") == "var a = 'one\\\n  two';\n"
