"""What each meeting dealt with and how each side judged it.

Entry point: ``attach_talks(document, analysis, mentions, quotes, meetings)`` →
the meetings with ``topics`` and ``assessments`` set (``dataclasses.replace``).
Cues come from the lexicon (``parley/lang/<lang>/topics.json``, ``tone.json``,
read by ``words``); which meeting a cue belongs to, and who judged, is decided
by linear models trained on the annotated articles (``model``, trained by
``train``: ``make model-talks``). See docs/topics.md.
"""
from __future__ import annotations

from dataclasses import replace

from parley.extract.talks.assessments import assessment_candidates, choose_assessments
from parley.extract.talks.model import TalksModel, shipped
from parley.extract.talks.topics import choose_topics, topic_candidates
from parley.extract.talks.view import DocumentView
from parley.extract.talks.words import has_lexicon, talks_words
from parley.records import ActorMention, Analysis, Document, Meeting, Quote

__all__ = ["attach_talks"]


def attach_talks(document: Document, analysis: Analysis, mentions: tuple[ActorMention, ...],
                 quotes: tuple[Quote, ...], meetings: tuple[Meeting, ...],
                 model: TalksModel | None = None) -> tuple[Meeting, ...]:
    if not meetings:
        return meetings
    model = model or shipped()
    words = talks_words(document.lang if has_lexicon(document.lang) else "ru")
    view = DocumentView(analysis.text, analysis.sentences, mentions, quotes, meetings, words)
    topics = choose_topics(topic_candidates(view, words), model.topics, len(meetings))
    _, candidates = assessment_candidates(view, words, document.published)
    assessments = choose_assessments(candidates, model.assessments, len(meetings))
    return tuple(replace(m, topics=t, assessments=a) for m, t, a in zip(meetings, topics, assessments))
