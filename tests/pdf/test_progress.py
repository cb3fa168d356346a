"""Progress of PDF rendering: one line rewritten in place on a terminal, a line now and then in
a log."""

from __future__ import annotations

import io

from strongback.pdf.progress import Progress, elapsed


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_elapsed_reads_as_minutes_and_seconds() -> None:
    assert [elapsed(s) for s in (0, 9.9, 61, 600)] == ["0:00", "0:09", "1:01", "10:00"]


def test_a_terminal_sees_one_line_rewritten_with_done_total_and_time() -> None:
    out, clock = Terminal(), Clock()
    progress = Progress("Rendering 3 PDFs", 3, stream=out, clock=clock)
    progress.begin()
    for done in (1, 2, 3):
        clock.now += 4
        progress(done)
    progress.close()
    assert out.getvalue() == (
        "\rRendering 3 PDFs: 0/3 (0:00)"
        "\rRendering 3 PDFs: 1/3 (0:04)"
        "\rRendering 3 PDFs: 2/3 (0:08)"
        "\rRendering 3 PDFs: 3/3 (0:12)"
        "\rRendering 3 PDFs: 3/3 (0:12)\n"
    )


def test_a_log_gets_a_line_now_and_then() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress("Rendering 40 PDFs", 40, stream=out, clock=clock, every=15)
    progress.begin()
    for done in range(1, 41):
        clock.now += 2  # 80 seconds in all
        progress(done)
    progress.close()
    assert out.getvalue().splitlines() == [
        "Rendering 40 PDFs: 0/40 (0:00)",
        "Rendering 40 PDFs: 8/40 (0:16)",
        "Rendering 40 PDFs: 16/40 (0:32)",
        "Rendering 40 PDFs: 24/40 (0:48)",
        "Rendering 40 PDFs: 32/40 (1:04)",
        "Rendering 40 PDFs: 40/40 (1:20)",
        "Rendering 40 PDFs: 40/40 (1:20)",
    ]
    assert "\r" not in out.getvalue()


def test_nothing_to_do_prints_nothing() -> None:
    out = io.StringIO()
    progress = Progress("Rendering 0 PDFs", 0, stream=out)
    progress.begin()
    progress.close()
    assert out.getvalue() == ""
