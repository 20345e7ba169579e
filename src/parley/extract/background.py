"""Background paragraphs: what a text recalls rather than reports ("Ранее … сообщал", "Напомним").

Entry point: ``find_background(text)`` → :class:`Evidence` spans with
``background=True``: from a sentence that opens with a recall phrase to the end
of its paragraph (a line).
Facts stated inside are kept and marked, never dropped.
"""
from __future__ import annotations

import re

from parley.records import Evidence

RECALL_OPENING = re.compile(
    r"(?:^|(?<=[.!?…»\"]\s))[ \t]*(?:[-–—•]\s*)?(?:Ранее|Напомним|Напомним,|Напомню|Как\s+(?:ранее\s+)?(?:сообщал|писал|сообщило|сообщила"
    r"|сообщали|писали|стало известно|известно)|Как\s+мы\s+писали|Как\s+сообщалось|Как\s+ранее\s+сообщалось"
    r"|До\s+этого|Прежде|Тогда\s+же|Стоит\s+напомнить|Следует\s+напомнить|Вспомним)\b",
    re.IGNORECASE | re.MULTILINE,
)


def find_background(text: str) -> tuple[Evidence, ...]:
    spans: list[Evidence] = []
    for match in RECALL_OPENING.finditer(text):
        start = match.start()
        if spans and start < spans[-1].stop:
            continue
        end = text.find("\n", start)
        spans.append(Evidence(start, len(text) if end == -1 else end, background=True))
    return tuple(spans)


def is_background(start: int, spans: tuple[Evidence, ...]) -> bool:
    return any(span.start <= start < span.stop for span in spans)
