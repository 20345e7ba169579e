"""What a fused event dealt with and how each judge saw it, gathered from its sources.

Entry point: ``gather(sources)`` gives an event's topics (the union of what its sources say, each with
the source that says it), its judgements (every source's assessments) and the tone conflicts: one
judge whose tone differs between two reports of the same meeting.
"""
from __future__ import annotations

from parley.fuse.records import Conflict, Judgement, Source, TopicSource
from parley.records import TOPICS

_TOPIC_ORDER = {topic: i for i, topic in enumerate(TOPICS)}


def gather(sources: tuple[Source, ...]) -> tuple[tuple[TopicSource, ...], tuple[Judgement, ...],
                                                 tuple[Conflict, ...]]:
    """``sources`` in their event order (by publication): topics in vocabulary order, then source order."""
    topics = [TopicSource(s.report.doc_id, s.report.meeting_id, t) for s in sources for t in s.report.topics]
    topics.sort(key=lambda t: _TOPIC_ORDER.get(t.topic.topic, len(TOPICS)))
    judgements = tuple(Judgement(s.report.doc_id, s.report.meeting_id, s.report.published, a)
                       for s in sources for a in s.report.assessments)
    return tuple(topics), judgements, tone_conflicts(judgements)


def tone_conflicts(judgements: tuple[Judgement, ...]) -> tuple[Conflict, ...]:
    """For each judge whom two reports give different tones, every tone with the reports that give it.

    A value reads "Юрий Ушаков: positive"; two judges of one name share their values.
    """
    tones: dict[str, dict[str, set[str]]] = {}
    names: dict[str, str] = {}
    for judgement in judgements:
        a = judgement.assessment
        tones.setdefault(a.judge_id, {}).setdefault(a.tone, set()).add(judgement.doc_id)
        names[a.judge_id] = a.name
    values: dict[str, set[str]] = {}
    for judge, by_tone in tones.items():
        reports = set().union(*by_tone.values())
        if len(by_tone) > 1 and len(reports) > 1:
            for tone, doc_ids in by_tone.items():
                values.setdefault(f"{names[judge]}: {tone}", set()).update(doc_ids)
    return tuple(Conflict("tone", value, tuple(sorted(doc_ids))) for value, doc_ids in sorted(values.items()))
