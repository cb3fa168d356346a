"""What the published site tells browsers and crawlers: its Content-Security-Policy, robots.txt, and
the small pages left at the addresses of renamed pages.

Static hosts such as GitHub Pages cannot send headers, so the policy goes into each page as a
`<meta http-equiv>` tag. Material puts three small inline scripts into every page (local storage
helpers, the colour scheme, the anchor target), and one of them differs with the page's depth, so
the policy lists the SHA-256 of each inline script of that very page instead of allowing inline
script in general. JSON data blocks (`__config`, JSON-LD) are never executed and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re

from strongback import urls
from strongback.pages.templating import render

_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}

POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    # Material draws its icons from data: URIs in its stylesheet.
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    # The search index is fetched from the site; the search runs in a Web Worker from the site.
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
}
"""Only what the site uses, all from its own origin. `frame-ancestors` and reporting are left out:
browsers ignore them in a meta tag, and say so in the console."""


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources ('sha256-…') for every inline script the browser would run, in page order."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _JS_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def content_security_policy(html: str) -> str:
    """The policy for one rendered page: POLICY plus the hashes of its inline scripts."""
    sources = {name: list(values) for name, values in POLICY.items()}
    sources["script-src"] += inline_script_hashes(html)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in sources.items())


def with_security_policy(html: str) -> str:
    """The page with its Content-Security-Policy meta tag right after `<meta charset>`, before
    anything the policy governs (a meta policy covers only what comes after it)."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    charset = _CHARSET.search(html)
    if charset is None:
        raise ValueError("page has no <meta charset=utf-8>: cannot place the security policy")
    return html[: charset.end()] + "\n    " + tag + html[charset.end() :]


def robots_txt(site_url: str | None) -> str:
    """robots.txt: everything may be crawled; the sitemap is named when the site has an address."""
    return render("publish/robots.txt.jinja", sitemap_url=_join(site_url, "sitemap.xml"))


def _join(site_url: str | None, path: str) -> str | None:
    return site_url.rstrip("/") + "/" + path if site_url else None


_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=[^"]*">')


def is_redirect(html: str) -> bool:
    """Whether `html` is a page left at a renamed page's old address (see `redirect_pages`)."""
    return _REFRESH.search(html) is not None


def redirect_pages(
    site_url: str | None, *, directory_urls: bool, pages: set[str]
) -> dict[str, str]:
    """The page left at each renamed page's old address (`urls.MOVED`), by its file in the built
    site: it sends the browser on at once, names the new page for search engines, and links to
    it for anyone whose browser does not follow (a static host cannot send a redirect). `pages`:
    the site's pages (paths under docs/); a move is kept only while its new page is one of them
    and its old page is not."""
    files = urls.moved_files(directory_urls)
    return {
        path: render("publish/redirect.html.jinja", link=link, canonical=_join(site_url, target))
        for (old, new), (path, (link, target)) in zip(
            urls.MOVED.items(), files.items(), strict=True
        )
        if new in pages and old not in pages
    }
