"""Alternations compiled to be tried only where one of their alternatives can start.

Python's engine tries every alternative of a pattern such as ``возглав|руковод|участи``
at every position of the text, and with ``re.IGNORECASE`` it finds no cheaper
way to skip positions. A look-ahead for the letters the alternatives start with
turns most positions down with one test. It is a necessary condition of a
match, so the matches are the same.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


def gated(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, tried only at the letters its top-level alternatives start with
    (the pattern as it is when some alternative's first letter cannot be read off plainly)."""
    letters = first_letters(pattern)
    if not letters:
        return re.compile(pattern, flags)
    return re.compile(f"(?=[{re.escape(''.join(sorted(letters)))}])(?:{pattern})", flags)


def first_letters(pattern: str) -> set[str] | None:
    """The letters every match starts with, read from each top-level alternative's first character
    (after a leading ``\\b``) or, where it opens with a plain group ("(вывод|отвод)"), from the group's
    alternatives; ``None`` where some alternative does not start plainly."""
    letters: set[str] = set()
    for alternative in _top_level_alternatives(pattern):
        if alternative.startswith(r"\b"):
            alternative = alternative[2:]
        found = _opening_letters(alternative)
        if found is None:
            return None
        letters |= found
    return letters or None


def _opening_letters(alternative: str) -> set[str] | None:
    first, after = alternative[:1], alternative[1:2]
    if first.isalnum() and after not in ("?", "*", "{"):
        return {first}
    if first == "(" and after != "?":
        close = _group_end(alternative)
        if close is not None and alternative[close + 1:close + 2] not in ("?", "*", "{"):
            return first_letters(alternative[1:close])
    return None


def _group_end(pattern: str) -> int | None:
    """Where the group opening ``pattern`` closes."""
    return next((n for n, char, depth in _syntax(pattern) if char == ")" and depth == 0), None)


def _top_level_alternatives(pattern: str) -> list[str]:
    cuts = [n for n, char, depth in _syntax(pattern) if char == "|" and depth == 0]
    bounds = [-1, *cuts, len(pattern)]
    return [pattern[a + 1:b] for a, b in zip(bounds, bounds[1:])]


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each character that is syntax (not escaped, not inside a class), with the group depth after it."""
    depth, in_class, escaped = 0, False, False
    for n, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += (char == "(") - (char == ")")
            yield n, char, depth
