"""Shared blocks (strongback.pages.blocks): cut out of a page's Markdown, converted once, put back
into the finished HTML exactly as Markdown would have converted them in place."""

from __future__ import annotations

from types import SimpleNamespace

import markdown

from strongback.pages.blocks import Blocks

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
CONFIG = SimpleNamespace(markdown_extensions=EXTENSIONS, mdx_configs={"toc": {"permalink": True}})

PAGE = """# Bird dog

Steps come first.

## When to see a doctor { #see-a-doctor }

<!-- sb-block -->

- Pain not better within a few weeks <sup class="sb-cite">[<a href="#ref-a">1</a>]</sup>.

!!! danger "Get help now"

    Call your emergency number if:

    - you cannot control your bladder.

    [Read all the warning signs](../warning-signs.md).

<!-- /sb-block -->

## Your log { #log }

<!-- sb-block -->

<div class="sb-log" markdown>
<p class="sb-log__intro" markdown="span">Tick a box *each* day.</p>
<table class="sb-log__table"><tr><th>Week</th><td></td></tr></table>
</div>

<!-- /sb-block -->

The end.
"""

ADDRESSES = {"warning-signs.md": "../../warning-signs/", "about.md": "../../about/"}
LINKS = ADDRESSES.get
"""The builder's address of each file from an exercise's page (MkDocs: `url_relative_to`)."""


def _convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIG.mdx_configs).convert(
        text
    )


def test_a_page_with_its_blocks_cut_and_filled_is_the_page_converted_whole() -> None:
    blocks = Blocks()
    blocks.configure(CONFIG)
    cut = blocks.cut(PAGE, "exercises/bird-dog.md", LINKS)
    assert cut.count('<div data-sb-block="') == 2
    assert "Get help now" not in cut and "Tick a box" not in cut  # Markdown never reads them
    assert "## When to see a doctor { #see-a-doctor }" in cut  # headings stay, for the contents
    # The page without the marks, its link as MkDocs resolves it (the builder gives the address).
    unmarked = PAGE.replace("<!-- sb-block -->\n", "").replace("<!-- /sb-block -->\n", "")
    whole = _convert(unmarked.replace("(../warning-signs.md)", "(../../warning-signs/)"))
    filled = blocks.fill(_convert(cut))
    assert filled.replace("\n", "") == whole.replace("\n", "")
    assert '<a href="../../warning-signs/">Read all the warning signs</a>' in filled


def test_a_block_is_converted_once_however_many_pages_have_it() -> None:
    blocks = Blocks()
    blocks.configure(CONFIG)
    pages = [blocks.cut(PAGE, f"exercises/e{n}.md", LINKS) for n in range(50)]
    assert len(set(pages)) == 1 and len(blocks.texts) == 2
    for page in pages:
        blocks.fill(page)
    assert len(blocks.html) == 2


def test_new_markdown_settings_convert_the_blocks_again() -> None:
    blocks = Blocks()
    blocks.configure(CONFIG)
    cut = blocks.cut(PAGE, "exercises/bird-dog.md", LINKS)
    before = blocks.fill(cut)
    assert '<div class="admonition danger">' in before
    blocks.configure(SimpleNamespace(markdown_extensions=["md_in_html"], mdx_configs={}))
    after = blocks.fill(cut)
    assert '<div class="admonition danger">' not in after  # no admonition extension now
    blocks.configure(SimpleNamespace(markdown_extensions=["md_in_html"], mdx_configs={}))
    assert blocks.fill(cut) == after


def test_a_slot_the_run_did_not_cut_and_a_page_without_blocks_stay_as_they_are() -> None:
    blocks = Blocks()
    blocks.configure(CONFIG)
    unknown = '<p>a</p><div data-sb-block="0123456789abcdef0123456789abcdef"></div>'
    assert blocks.fill(unknown) == unknown
    plain = "# A page\n\nNo shared block here.\n"
    assert blocks.cut(plain, "about.md", LINKS) == plain


CARDS = """<ul class="sb-cards" markdown>
<!-- sb-block -->
<li class="sb-card" markdown>
<div class="sb-card__figure" data-sb-figure="bird-dog"></div>
<p class="sb-card__title" markdown="span">[Bird dog](bird-dog.md)</p>
<p markdown="span">[Add](../routines/make.md#r1.bird-dog){ aria-label="Add bird dog" }</p>
</li>
<!-- /sb-block -->
</ul>
"""


def test_a_card_links_to_pages_and_their_parts_as_the_builder_gives_their_addresses() -> None:
    blocks = Blocks()
    blocks.configure(CONFIG)
    addresses = {"exercises/bird-dog.md": "bird-dog/", "routines/make.md": "../routines/make/"}
    cut = blocks.cut(CARDS, "exercises/index.md", addresses.get)
    assert "bird-dog.md" not in cut  # the card is out of the page's Markdown
    # Its figure slot is still found, for the preview's key of the page (incremental).
    assert 'data-sb-figure="bird-dog"' in blocks.expanded(cut)
    html = blocks.fill(_convert(cut))
    assert '<a href="bird-dog/">Bird dog</a>' in html
    assert '<a aria-label="Add bird dog" href="../routines/make/#r1.bird-dog">Add</a>' in html
    # A link to a file the site does not have is left as written.
    nowhere: dict[str, str] = {}
    missing = blocks.fill(_convert(blocks.cut(CARDS, "exercises/index.md", nowhere.get)))
    assert 'href="bird-dog.md"' in missing
