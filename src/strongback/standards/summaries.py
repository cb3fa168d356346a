"""A routine's summary agrees with the routine: the number of exercises its description and key
points state is the number it lists, and the minutes they state are the time its doses add up to
(the time the routine's page shows).

"Six gentle moves … About 10 minutes." is read as 6 exercises and 10 minutes. The minutes may be
the page's own estimate or that estimate rounded to the nearest 5 (an author writes "about 10
minutes" for 8); a range ("15 to 20 minutes") holds when the estimate is inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from strongback.errors import ContentError
from strongback.load.sourcemap import SourceMap
from strongback.model import Content, Handout
from strongback.pages.session import routine_minutes
from strongback.standards.numbers import NUMBER_WORDS, count_value
from strongback.standards.page_texts import Text
from strongback.standards.rules import find_in

_NUMBER = rf"(?:\d+|{'|'.join(NUMBER_WORDS)})"
COUNT = re.compile(
    rf"(?<![\w-])(?P<count>{_NUMBER})(?:\s+[\w-]+){{0,3}}?\s+(?:exercises|moves|stretches)\b",
    re.IGNORECASE,
)
"""'Six gentle moves', 'Five exercises': a number, up to three words, then the noun."""
MINUTES = re.compile(
    rf"(?<![\w-])(?P<low>{_NUMBER})(?:\s*(?:to|-|–)\s*(?P<high>{_NUMBER}))?\s+minutes?\b",
    re.IGNORECASE,
)
"""'10 minutes', 'ten minutes', '15 to 20 minutes'."""


def fair_minutes(estimate: int) -> list[int]:
    """What a summary may say for an estimate: the estimate, or it rounded to the nearest 5."""
    rounded = max(5, 5 * ((estimate + 2) // 5))
    return sorted({estimate, rounded})


def _summaries(file: str, handout: Handout) -> Iterator[Text]:
    yield Text(file, ("description",), handout.description, True)
    for index, point in enumerate(handout.key_points):
        yield Text(file, ("key_points", index), point, True)


def routine_summaries(content: Content, sources: SourceMap) -> Iterator[ContentError]:
    """Each stated count or time in a routine's description or key points that disagrees with
    the routine, at the number's line and column."""
    for key, handout in content.handouts.items():
        file = content.handout_files[key]
        listed = len(handout.exercises)
        doses = (item.dose or content.exercises[item.exercise].dose for item in handout.exercises)
        estimate = routine_minutes(doses)
        for text in _summaries(file, handout):
            for match in COUNT.finditer(text.markdown):
                stated = count_value(match.group("count"))
                if stated == listed:
                    continue
                yield _disagrees(
                    sources, text, match, f"the routine lists {listed} exercise"
                    f"{'s' if listed != 1 else ''} under `exercises:`; make them agree",
                )  # fmt: skip
            for match in MINUTES.finditer(text.markdown):
                low = count_value(match.group("low"))
                high = count_value(match.group("high")) if match.group("high") else low
                if low <= estimate <= high or (low == high and low in fair_minutes(estimate)):
                    continue
                fair = " or ".join(str(m) for m in fair_minutes(estimate))
                yield _disagrees(
                    sources, text, match, f"the routine's doses add up to about {estimate} "
                    f"minutes (the time its page shows); say 'about {fair} minutes', or change "
                    "the doses",
                )  # fmt: skip


def _disagrees(sources: SourceMap, text: Text, match: re.Match[str], why: str) -> ContentError:
    """'says 'Six gentle moves', but <why>', at the words."""
    line, column = find_in(sources, text, re.compile(re.escape(match.group(0))))
    return ContentError(text.file, line, column, text.field, f"says {match.group(0)!r}, but {why}")
