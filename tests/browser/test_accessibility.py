"""Every page of the site, in both colour schemes, against axe-core's WCAG 2.2 A and AA rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import WCAG_TAGS, SessionFactory, site_pages

pytestmark = pytest.mark.browser

SHARDS = 2
"""Pages are split into shards so xdist can spread them over its workers."""


def violations(page: Any) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the loaded page, one line per rule."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    found = Axe().run(page, options=options).response["violations"]
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']} at "
        + ", ".join(str(node["target"]) for node in rule["nodes"][:5])
        for rule in found
    ]


@pytest.mark.parametrize("shard", range(SHARDS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_wcag_violations(
    site: SessionFactory, built_site: Path, scheme: str, shard: int
) -> None:
    # Material follows the reader's system setting: "dark" shows its slate scheme.
    s = site(color_scheme=scheme)
    pages = site_pages(built_site)[shard::SHARDS]
    found = {}
    for path in pages:
        s.goto(path)
        expected = "slate" if scheme == "dark" else "default"
        assert s.page.locator("body").get_attribute("data-md-color-scheme") == expected
        if problems := violations(s.page):
            found[path or "(home)"] = problems
    assert found == {}, "\n".join(f"{path}: {problems}" for path, problems in found.items())
    s.assert_clean()
