"""Indentation out of pages and the site's own stylesheets; preformatted text kept."""

from __future__ import annotations

from strongback.compact import compact_css, compact_html


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
