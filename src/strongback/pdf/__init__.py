"""Printable handouts: a routine or one exercise -> self-contained HTML -> PDF, in A4 and Letter.

Pure engine code, no MkDocs: the build hook and `strongback handouts` both call `build_pdfs`.
Each PDF is cached under a hash of everything that goes into it, so a rebuild renders only what
changed; misses render on every core, since WeasyPrint is CPU-bound.

`specs` (which PDFs), `markup` (the HTML of one sheet), `cache` (keys, /ID, the cache folder),
`errors` (too long, missing glyphs), `build` (the outcome, placeholders, publishing) and
`render` (`build_pdfs`). This module re-exports their public names.
"""

from __future__ import annotations

from strongback.pdf.batch import available_cores, build_pdfs
from strongback.pdf.cache import cache_dir, cache_key, document_identifier
from strongback.pdf.markup import (
    MarkdownText,
    qr_code,
    render_html,
    shared_cautions,
    sheet_text,
)
from strongback.pdf.outcome import Mode, PdfBuild, pdf_mode, placeholder_pdf, write_pdfs
from strongback.pdf.problems import (
    PdfErrors,
    TooLong,
    glyph_message,
    overflow_name,
    too_long_message,
)
from strongback.pdf.specs import (
    ADVICE,
    MAX_PAGES,
    PAPERS,
    TYPE_SIZES,
    Kind,
    Paper,
    PdfSpec,
    pdf_specs,
)
from strongback.pdf.typeset import PdfJob, render_pdf

__all__ = [
    "ADVICE",
    "MAX_PAGES",
    "PAPERS",
    "TYPE_SIZES",
    "Kind",
    "MarkdownText",
    "Mode",
    "Paper",
    "PdfBuild",
    "PdfErrors",
    "PdfJob",
    "PdfSpec",
    "TooLong",
    "available_cores",
    "build_pdfs",
    "cache_dir",
    "cache_key",
    "document_identifier",
    "glyph_message",
    "overflow_name",
    "pdf_mode",
    "pdf_specs",
    "placeholder_pdf",
    "qr_code",
    "render_html",
    "render_pdf",
    "shared_cautions",
    "sheet_text",
    "too_long_message",
    "write_pdfs",
]
