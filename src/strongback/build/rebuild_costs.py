"""The fixed costs of a preview rebuild, cut (see `incremental` for what is rendered again):
what MkDocs does again on every rebuild whatever changed, done once or off the author's way."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path

import jinja2
import jinja2.bccache

from strongback.standards.readability import reading_grade


def set_aside(site_dir: Path) -> None:
    """Before a preview rebuild: move the last build's files out of `site_dir` (one rename per
    top-level entry) and delete them in the background. MkDocs empties the folder before every
    build; at 1,000 exercises deleting its 4,000 files one by one takes seconds, all before the
    page an author waits for is written."""
    entries = list(site_dir.iterdir()) if site_dir.is_dir() else []
    if not entries:
        return
    trash = Path(tempfile.mkdtemp(prefix=".sb-last-preview-", dir=site_dir.parent))
    for entry in entries:
        os.replace(entry, trash / entry.name)
    threading.Thread(target=shutil.rmtree, args=(trash, True), daemon=True).start()


class Templates(jinja2.BytecodeCache):
    """The builder's templates, compiled, kept between the preview's rebuilds: MkDocs makes a
    new template environment for every build, which compiles Material's templates again (half a
    second). Jinja checks each template's source against what it compiled, so an edited
    template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self.compiled.get(bucket.key)
        if found is not None:
            bucket.bytecode_from_string(found)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def warm_up(active: bool) -> bool:
    """After the preview's first build: load the reading-grade dictionaries in the background
    (over a second, once per process), so that the first edit does not wait for them; True."""
    if active:
        text = "Warm up the dictionaries for the first edit."
        threading.Thread(target=reading_grade, args=(text,), daemon=True).start()
    return True
