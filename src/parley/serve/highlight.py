"""Cut an article's text into plain and highlighted pieces; the template escapes every piece.

Highlighting never builds HTML from the article: the template wraps marked
pieces in ``<mark>`` and Jinja escapes their text, so markup inside an article
stays visible text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SPAN_PARAM = re.compile(r"^(\d{1,9})-(\d{1,9})$")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    marked: bool = False
    anchor: str | None = None  # an id for the first marked piece of each span, to link and scroll to


def pieces(text: str, spans: Iterable[tuple[int, int]]) -> list[Piece]:
    """The text as consecutive pieces, the parts inside any span marked; overlapping spans merge."""
    merged: list[list[int]] = []
    for start, stop in sorted((max(0, a), min(len(text), b)) for a, b in spans):
        if start >= stop:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], stop)
        else:
            merged.append([start, stop])
    out: list[Piece] = []
    cursor = 0
    for number, (start, stop) in enumerate(merged, 1):
        if start > cursor:
            out.append(Piece(text[cursor:start]))
        out.append(Piece(text[start:stop], marked=True, anchor=f"span-{number}"))
        cursor = stop
    if cursor < len(text):
        out.append(Piece(text[cursor:]))
    return out


def locate(text: str, start: int, stop: int, expected: str = "") -> tuple[int, int] | None:
    """The evidence span, trusted when its offsets fit the text, else found by its words."""
    if 0 <= start < stop <= len(text) and (not expected or text[start:stop] == expected):
        return start, stop
    if expected:
        found = text.find(expected)
        if found >= 0:
            return found, found + len(expected)
    return None


def parse_spans(values: Iterable[str]) -> list[tuple[int, int]]:
    """``["10-42", "50-60"]`` (or one comma-separated value) to spans; raises ValueError on bad input."""
    spans = []
    for value in values:
        for part in filter(None, value.split(",")):
            match = SPAN_PARAM.match(part.strip())
            if not match or int(match[1]) >= int(match[2]):
                raise ValueError(f"highlight '{part}' is not START-END with START < END")
            spans.append((int(match[1]), int(match[2])))
    return spans
