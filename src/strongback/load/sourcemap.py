"""Where every loaded value came from: the source map the loader keeps with the content.

The loader reads each content file once; it keeps the text as read and the position of every
key and value (`positioned.Document`), so a later check can name `file:line:col` for a field, or
for a phrase inside a text field, without reading or parsing a file again.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from strongback.errors import Path_
from strongback.load.positioned import Document


@dataclass(frozen=True)
class SourceFile:
    """One content file as the loader read it."""

    file: str
    """Relative to the project root, as in messages: 'content/exercises/bird-dog.yml'."""
    text: str
    """The whole file as read (for a Markdown page, front matter and body)."""
    document: Document
    """The position of every key and value (of the front matter, for a Markdown page)."""
    starts: tuple[int, ...]
    """Where each line of `text` starts, to turn an offset into a line and column."""

    @classmethod
    def of(cls, file: str, text: str, document: Document) -> SourceFile:
        positions = Document(file, None, document.values, document.keys)  # no copy of the data
        starts = (0, *(match.end() for match in re.finditer("\n", text)))
        return cls(file, text, positions, starts)

    def offset(self, path: Path_) -> int | None:
        """Where the value at `path` (or its nearest ancestor) starts in `text`."""
        line, column = self.document.position(path)
        return self.starts[line - 1] + column - 1 if line <= len(self.starts) else None

    def line_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


@dataclass(frozen=True)
class SourceMap:
    """Every file behind the content, by its name in messages. A file not in the map (content
    made in code) places its findings at 1:1."""

    files: Mapping[str, SourceFile] = field(default_factory=dict)

    def text(self, file: str) -> str | None:
        found = self.files.get(file)
        return found.text if found else None

    def position(self, file: str, path: Path_) -> tuple[int, int]:
        """The line and column of the value at `path` in `file`."""
        found = self.files.get(file)
        return found.document.position(path) if found else (1, 1)

    def line_column(self, file: str, offset: int) -> tuple[int, int]:
        found = self.files.get(file)
        return found.line_column(offset) if found else (1, 1)

    def find(
        self, file: str, path: Path_, markdown: str, pattern: re.Pattern[str], start: int | None
    ) -> tuple[int, int]:
        """Where `pattern` first matches inside the text field at `path` (whose value is
        `markdown`; `start` is where it begins, when known without the path); else where the
        field starts."""
        found = self.files.get(file)
        if found is None:
            return (1, 1)
        begin = start if start is not None else found.offset(path)
        if begin is None:
            return found.document.position(path)
        # The source of a field is its value plus indentation, quotes and line breaks.
        end = begin + 2 * len(markdown) + 200
        match = pattern.search(found.text, begin, end)
        return found.line_column(match.start() if match else begin)
