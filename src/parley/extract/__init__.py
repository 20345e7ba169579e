"""Facts from one analysed document: actors, roles, quotes, meetings, and what each meeting dealt with.

Entry point: ``extract(document, analysis)``: the document is annotated once
(``layers.annotate``: actors, sides, offices, dates, places over the NLP
analysis) and each extractor reads those layers. ``wants_parse`` tells the NLP
layer which sentences need morphology and syntax. ``facts`` is the same
without the topics and assessments of meetings (what their training reads).
"""
from __future__ import annotations

from dataclasses import replace

from parley.extract import meetings, quotes, roles
from parley.extract.layers import annotate
from parley.extract.lexicon import MEETING_STEMS
from parley.extract.role_predicates import may_give_a_role
from parley.extract.talks import attach_talks
from parley.records import Analysis, Document, Extraction


def wants_parse(sentence: str) -> bool:
    low = sentence.lower()
    return any(stem in low for stem in MEETING_STEMS) or may_give_a_role(sentence)


def extract(document: Document, analysis: Analysis) -> Extraction:
    found = facts(document, analysis)
    return replace(found, meetings=attach_talks(document, analysis, found.actors, found.quotes, found.meetings))


def facts(document: Document, analysis: Analysis) -> Extraction:
    layers = annotate(document, analysis)
    return Extraction(
        document=document,
        actors=layers.actors,
        roles=roles.find_roles(document, analysis, layers.actors),
        quotes=quotes.find_quotes(document, analysis, layers.actors),
        meetings=meetings.find_meetings(document, analysis, layers.actors, layers),
        background=layers.background,
    )
