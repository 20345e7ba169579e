"""Direct quotes and their speakers.

Entry point: ``find_quotes(document, analysis, mentions)``.
"""
from __future__ import annotations

from parley.records import ActorMention, Analysis, Document, Quote


def find_quotes(document: Document, analysis: Analysis, mentions: tuple[ActorMention, ...]) -> tuple[Quote, ...]:
    return ()
