"""The fixed costs of a preview rebuild, cut (see `incremental` for what is rendered again):
what MkDocs does again on every rebuild whatever changed, done once or off the author's way."""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import jinja2
import jinja2.bccache

from strongback.files import digest
from strongback.standards.readability import reading_grade


def set_aside(site_dir: Path) -> Path | None:
    """Before a preview rebuild: move the last build's files out of `site_dir` (one rename per
    top-level entry) into a folder beside it, which it returns (None when there was nothing).
    MkDocs empties the folder before every build; at 1,000 exercises deleting its 4,000 files
    one by one takes seconds, all before the page an author waits for is written. The caller
    deletes the folder, in the background (`KeptFiles.discard`)."""
    entries = list(site_dir.iterdir()) if site_dir.is_dir() else []
    if not entries:
        return None
    trash = Path(tempfile.mkdtemp(prefix=".sb-last-preview-", dir=site_dir.parent))
    for entry in entries:
        os.replace(entry, trash / entry.name)
    return trash


class _Output(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def text(self) -> str | None: ...
    @property
    def file(self) -> Path | None: ...


_Made = TypeVar("_Made", bound=_Output)


@dataclass
class KeptFiles:
    """The files a preview rebuild adds to the site that are not pages (PDFs, the font, the
    bundles, the authors' figure pages: about 3,000 at 1,000 exercises), by what each was made
    from. MkDocs copies or writes every one of them again on every rebuild; one made from the
    same source or text as last time is moved back from the last build's folder instead, and
    the builder, finding the file already in place, leaves it (MkDocs 1.6 and ProperDocs skip a
    copy onto the same file)."""

    made: dict[str, tuple[object, ...]] = field(default_factory=dict)
    """Site path -> (source file, its modification time and size) or (the text's digest,)."""
    site_dir: Path | None = None
    last: Path | None = None
    """The last build's files, set aside (`set_aside`) until this rebuild has taken its own."""
    folders: set[Path] = field(default_factory=set)
    """The folders this rebuild has made in the site."""

    def set_aside(self, site_dir: Path) -> None:
        self.discard()
        self.site_dir, self.last, self.folders = site_dir, set_aside(site_dir), set()

    def keep(self, path: str, text: str | None, file: Path | None) -> Path | None:
        """Where the file `path` (made from `text`, or a copy of `file`) is in the site when
        the last rebuild made the same one: moved back there, so the builder need not copy it.
        None: the builder makes it as usual."""
        if text is not None:
            made: tuple[object, ...] = (digest(text),)
        elif file is not None and (found := _stat(file)) is not None:
            made = (str(file), found.st_mtime_ns, found.st_size)
        else:
            return None
        same, self.made[path] = self.made.get(path) == made, made
        if not same or self.last is None or self.site_dir is None:
            return None
        old, new = self.last / path, self.site_dir / path
        if not old.is_file():
            return None
        if new.parent not in self.folders:
            new.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(new.parent)
        os.replace(old, new)
        return new

    def reuse(self, outputs: list[_Made]) -> list[_Made]:
        """The files a rebuild adds (`engine.Output`): each that is not a page and was made as
        last time, moved back and given as that file (`keep`); then the last build's folder
        is deleted."""
        found = [
            item
            if item.path.endswith(".md")
            or (kept := self.keep(item.path, item.text, item.file)) is None
            else dataclasses.replace(cast(Any, item), text=None, file=kept)
            for item in outputs
        ]
        self.discard()
        return found

    def discard(self) -> None:
        """Delete the last build's folder, in the background."""
        if self.last is not None:
            threading.Thread(target=shutil.rmtree, args=(self.last, True), daemon=True).start()
            self.last = None


def _stat(file: Path) -> os.stat_result | None:
    try:
        return file.stat()
    except OSError:
        return None


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
