"""Actor mentions: persons, organisations and countries in a document.

Entry point: ``find_actors(document, analysis)``.
"""
from __future__ import annotations

from parley.records import ActorMention, Analysis, Document
from parley.resolve import resolve_name


def find_actors(document: Document, analysis: Analysis) -> tuple[ActorMention, ...]:
    mentions = []
    for sentence in analysis.sentences:
        for span in sentence.spans:
            if span.type != "PER":
                continue
            actor = resolve_name(span.normal, kind="person")
            mentions.append(ActorMention(span.start, span.stop, span.text, span.normal, actor))
    return tuple(mentions)
