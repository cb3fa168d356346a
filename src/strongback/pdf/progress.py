"""Progress of long work (rendering PDFs): done/total and elapsed time.

On a terminal one line is rewritten in place; when the output is a log (CI, a file, a pipe) a
line is printed now and then, so the log shows the build is alive without flooding it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

LOG_EVERY = 15.0
"""Seconds between two lines when the output is not a terminal."""


def elapsed(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


class Progress:
    """Call with the number of items done; `close()` prints the last line."""

    def __init__(
        self,
        what: str,
        total: int,
        *,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        every: float = LOG_EVERY,
    ) -> None:
        self.what, self.total = what, total
        self.stream = stream if stream is not None else sys.stderr
        self.clock, self.every = clock, every
        self.start = self.last = clock()
        self.done = 0
        isatty = getattr(self.stream, "isatty", None)
        self.terminal = bool(isatty and isatty())
        self._printed = False

    def begin(self) -> None:
        """The first line, before anything is done."""
        if self.total:
            self.stream.write(("\r" if self.terminal else "") + self.line())
            self.stream.write("" if self.terminal else "\n")
            self._printed = True
            self.stream.flush()

    def line(self) -> str:
        return f"{self.what}: {self.done}/{self.total} ({elapsed(self.clock() - self.start)})"

    def __call__(self, done: int) -> None:
        self.done = done
        now = self.clock()
        if self.terminal:
            self.stream.write("\r" + self.line())
            self._printed = True
        elif now - self.last >= self.every:
            self.stream.write(self.line() + "\n")
            self.last = now
        self.stream.flush()

    def close(self) -> None:
        if self.total == 0:
            return
        self.stream.write(("\r" if self.terminal and self._printed else "") + self.line() + "\n")
        self.stream.flush()
