"""razdel's word tokens, the same ones as ``razdel.tokenize``, found about five times as fast.

razdel cuts a text into atoms (a run of Cyrillic letters, of Latin letters, of
digits, one punctuation mark, any other non-space character), then decides at
each boundary between two atoms whether they stay one token. Its rules only
ever join atoms that touch: a boundary with a space in it always splits. So
only touching atoms need razdel's rules, and those are razdel's own objects and
rules here; razdel builds a record and runs every rule at every boundary.
"""
from __future__ import annotations

from razdel.rule import JOIN
from razdel.segmenters.punct import DASHES
from razdel.segmenters.tokenize import ATOM, INT, OTHER, PUNCT, RULES, Atom, TokenSplit

_JOINING_MARKS = DASHES + "_"  # razdel's dash and underscore rules join the words on either side
_NUMBER_MARKS = ".,/\\"  # its float and fraction rules join the numbers on either side


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """``(start, stop, text)`` of each token of ``text``, in order, as razdel finds them."""
    atoms = [(m.start(), m.end(), m.lastgroup) for m in ATOM.finditer(text)]
    tokens: list[tuple[int, int, str]] = []
    if not atoms:
        return tokens
    begin = atoms[0][0]
    for index in range(1, len(atoms)):
        left, right = atoms[index - 1], atoms[index]
        if left[1] != right[0] or not _may_join(text, left, right) or not _joined(text, atoms, index, begin):
            stop = atoms[index - 1][1]
            tokens.append((begin, stop, text[begin:stop]))
            begin = atoms[index][0]
    stop = atoms[-1][1]
    tokens.append((begin, stop, text[begin:stop]))
    return tokens


def _may_join(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """False where none of razdel's rules can join two touching atoms, by their kinds and marks alone
    (a punctuation atom is one character)."""
    left_kind, right_kind = left[2], right[2]
    if left_kind == OTHER or right_kind == OTHER:  # the "other" rule
        return True
    if left_kind == PUNCT:
        mark = text[left[0]]
        return right_kind == PUNCT or mark in _JOINING_MARKS or (mark in _NUMBER_MARKS and right_kind == INT)
    if right_kind == PUNCT:
        mark = text[right[0]]
        return mark in _JOINING_MARKS or mark == "!" or (mark in _NUMBER_MARKS and left_kind == INT)
    return False


def _joined(text: str, atoms: list[tuple[int, int, str]], index: int, begin: int) -> bool:
    """Whether razdel joins the touching atoms ``index - 1`` and ``index``, the token so far
    starting at ``begin``: razdel's own split record, window and rules."""
    def atom(i: int) -> Atom:
        start, stop, kind = atoms[i]
        return Atom(start, stop, kind, text[start:stop])

    split = TokenSplit([atom(i) for i in range(max(0, index - 3), index)], "",
                       [atom(i) for i in range(index, min(len(atoms), index + 3))])
    split.buffer = text[begin:atoms[index - 1][1]]
    for rule in RULES:  # razdel's Segmenter.join
        action = rule(split)
        if action:
            return action == JOIN
    return False
