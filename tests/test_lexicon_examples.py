"""Every example sentence of the lexicon, run through the whole extraction: each shows what its words do."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.lang import EXAMPLE_PUBLISHED, languages, lexicon
from parley.records import Document

EXAMPLES = [(lang, kind, key, example) for lang in languages() for kind, key, example in lexicon(lang).examples()]


def _party(name: str, kind: str) -> str:
    return name.split()[-1] if kind == "person" else name  # a person by surname, a side by its name


@pytest.mark.parametrize("lang, kind, key, example", EXAMPLES,
                         ids=[f"{lang}-{kind}.{key}-{n}" for n, (lang, kind, key, _) in enumerate(EXAMPLES)])
def test_lexicon_example(models, lang, kind, key, example):
    from parley import nlp
    from parley.extract import extract, wants_parse

    document = Document(doc_id="example", text=example["text"], published=dt.date.fromisoformat(EXAMPLE_PUBLISHED),
                        lang=lang)
    extraction = extract(document, nlp.analyse(document.text, parse=wants_parse))
    if "person" in example:
        roles = [r for r in extraction.roles if r.name.split()[-1] == example["person"]]
        assert len(roles) == 1, extraction.roles
        found = {"role": roles[0].role, "title": roles[0].title, "organization": roles[0].organization,
                 "country": roles[0].country}
        assert {k: found[k] for k in example if k not in ("text", "person")} == {
            k: v for k, v in example.items() if k not in ("text", "person")}
        return
    meetings = extraction.meetings
    if "meetings" in example:
        assert len(meetings) == example["meetings"], meetings
        return
    assert len(meetings) == 1, meetings
    meeting = meetings[0]
    found = {
        "parties": sorted(_party(n, a.kind) for n, a in zip(meeting.participant_names, meeting.participants)),
        "status": meeting.status.value, "kind": meeting.kind, "place": meeting.place, "date": meeting.date,
    }
    expected = {k: sorted(v) if k == "parties" else v for k, v in example.items() if k != "text"}
    assert {k: found[k] for k in expected} == expected


def test_the_cues_of_meetings_and_status_carry_examples():
    with_examples = {(kind, key) for kind, key, _ in lexicon("ru").examples()}
    for needed in [("meetings", "nouns"), ("meetings", "verbs"), ("status", "cancelled"), ("status", "planned"),
                   ("status", "doubt"), ("roles", "words"), ("sides", "group_nouns")]:
        assert needed in with_examples
