"""The per-document output contract (docs/output.md), read by the scorer."""
from __future__ import annotations

from typing import Any

from parley.records import Extraction


def to_contract(extraction: Extraction) -> dict[str, Any]:
    doc = extraction.document
    actors: dict[str, dict[str, Any]] = {}
    for mention in extraction.actors:
        written = mention.name
        if " " not in written and mention.actor.name.split()[0] == written and " " in mention.actor.name:
            written = mention.actor.name  # a first name alone ("Тимур") stands for the full name it refers to
        for name in (written, mention.actor.name):  # as written here, and the canonical name
            actors.setdefault(name, {"name": name, "id": mention.actor.id,
                                     "kind": mention.actor.kind, "country": mention.actor.country})
    return {
        "doc_id": doc.doc_id,
        "published": doc.published.isoformat() if doc.published else None,
        "meetings": [
            {
                "participants": list(m.participant_names),
                "participant_ids": [a.id for a in m.participants],
                "place": m.place,
                "date": m.date,
                "date_precision": m.date_precision.value,
                "date_end": m.date_end,
                "status": m.status.value,
                "kind": m.kind,
                "evidence": {"start": m.evidence.start, "end": m.evidence.stop,
                             "background": m.evidence.background},
                "topics": sorted({t.topic for t in m.topics}),
                "topic_evidence": [{"topic": t.topic, "start": t.evidence.start, "end": t.evidence.stop}
                                   for t in m.topics],
                "assessments": [
                    {"by": a.judge_name, "by_id": a.judge.id, "side": a.judge.country, "tone": a.tone.value,
                     "evidence": {"start": a.evidence.start, "end": a.evidence.stop}}
                    for a in m.assessments
                ],
            }
            for m in extraction.meetings
        ],
        "quotes": [
            {"speaker": q.speaker_name, "speaker_id": q.speaker.id, "text": q.text,
             "start": q.start, "end": q.stop, "channel": q.channel}
            for q in extraction.quotes
        ],
        "roles": [
            {"person": r.name, "person_id": r.actor.id, "role": r.role,
             "title": r.title or r.role, "organization": r.organization, "country": r.country,
             "evidence": {"start": r.evidence.start, "end": r.evidence.stop}}
            for r in extraction.roles
        ],
        "actors": list(actors.values()),
    }
