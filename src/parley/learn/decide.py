"""Which proposed meetings are kept, and with what status.

Entry point: ``decide(document, analysis, proposed)`` → the meetings. The
shipped model decides; ``using(model)`` swaps it for a block of code (the
cross-validation trains one per fold), and ``using(None)`` keeps every proposal
as the rules finished it (what training reads).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from parley.learn.features import meeting_features
from parley.learn.model import MeetingModel, shipped
from parley.records import Analysis, Document, Meeting

if TYPE_CHECKING:
    from parley.extract.meetings.merge import Candidate

_RULES_ONLY = object()
_override: object | MeetingModel | None = None


@contextmanager
def using(model: MeetingModel | None) -> Iterator[None]:
    global _override
    before = _override
    _override = _RULES_ONLY if model is None else model
    try:
        yield
    finally:
        _override = before


def _model() -> MeetingModel | None:
    if _override is _RULES_ONLY:
        return None
    return _override if isinstance(_override, MeetingModel) else shipped()


def decide(document: Document, analysis: Analysis,
           proposed: list[tuple[Candidate, Meeting]]) -> tuple[Meeting, ...]:
    model = _model()
    if model is None or not proposed:
        return tuple(meeting for _, meeting in proposed)
    kept = []
    for (candidate, meeting), features in zip(proposed, meeting_features(document, analysis, proposed)):
        if not model.keeps(features):
            continue
        # the words' own status stands; the model gives one where the rules only defaulted
        status = meeting.status if candidate.status_explicit or not model.status_weights else model.status(features)
        kept.append(meeting if status == meeting.status else replace(meeting, status=status))
    return tuple(kept)
