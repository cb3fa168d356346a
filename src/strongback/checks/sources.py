"""Where things are: the source files behind the content, to turn a field path or a match into
a position."""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from strongback.checks.pages import Text
from strongback.load import Document, Path_, parse_yaml
from strongback.text import FRONT_MATTER


class Sources:
    """The source files behind the content, read once each, to turn a field path or a match into
    a position. Without a root (or an unreadable file), positions fall back to 1:1."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._files: dict[str, tuple[str, Document, list[int]] | None] = {}

    def _load(self, file: str) -> tuple[str, Document, list[int]] | None:
        if file in self._files:
            return self._files[file]
        loaded = None
        if self.root is not None:
            try:
                text = (self.root / file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = None
            if text is not None:
                if file.endswith(".md"):
                    front = FRONT_MATTER.match(text)
                    doc = Document(file, None)
                    if front and (front.group(1) or "").strip():
                        doc, _ = parse_yaml(front.group(1), file, line_offset=1)
                else:
                    doc, _ = parse_yaml(text, file)
                starts = [0] + [m.end() for m in re.finditer("\n", text)]
                loaded = (text, doc, starts)
        self._files[file] = loaded
        return loaded

    def text(self, file: str) -> str | None:
        loaded = self._load(file)
        return loaded[0] if loaded else None

    def position(self, file: str, path: Path_) -> tuple[int, int]:
        loaded = self._load(file)
        return loaded[1].position(path) if loaded else (1, 1)

    def offset(self, file: str, path: Path_) -> int | None:
        loaded = self._load(file)
        if loaded is None:
            return None
        line, column = loaded[1].position(path)
        return loaded[2][line - 1] + column - 1 if line <= len(loaded[2]) else None

    def line_column(self, file: str, offset: int) -> tuple[int, int]:
        loaded = self._load(file)
        if loaded is None:
            return (1, 1)
        starts = loaded[2]
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def find(self, item: Text, pattern: re.Pattern[str]) -> tuple[int, int]:
        """Where `pattern` first matches inside `item` in its file; else where `item` starts."""
        start = item.offset if item.offset is not None else self.offset(item.file, item.path)
        text = self.text(item.file)
        if start is None or text is None:
            return self.position(item.file, item.path)
        # The source of a field is its value plus indentation, quotes and line breaks.
        end = start + 2 * len(item.markdown) + 200
        match = pattern.search(text, start, end)
        return self.line_column(item.file, match.start() if match else start)
