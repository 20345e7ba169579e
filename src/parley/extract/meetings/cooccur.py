"""Proposals for recall: a headline with a meeting word and two sides' parties.

Entry point: ``cooccurrence(layer, persons, background, published, headline)``
→ a :class:`Candidate` or ``None``. The grammar of ``_sentence_candidates``
asks the parties to hang from the meeting word; headlines often say it
otherwise ("Уиткофф и Дмитриев — о переговорах в Майами", no verb, a list
before a colon). Such a headline still proposes a meeting: its named persons
(not the one who tells of it) and sides, the date nearest the meeting word,
its place, and the status its words give. The proposals are marked
``cooccurring``; the trained decisions (``parley.learn``) judge them, as they
judge every proposal.

Only headlines propose: the same proposal from every body sentence found a few
more meetings but added more false ones, on the gold's held-out folds and more
so on the factRuEval set (docs/learning.md).
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from parley.extract.background import is_background
from parley.extract.dates import round_end, with_weekday
from parley.extract.lexicon import MEETING_NOUNS, MEETING_VERBS, WEAK_MEETING_VERBS
from parley.extract.meetings.merge import Candidate
from parley.extract.meetings.participants import Party, speaker_of
from parley.extract.meetings.tree import Tree
from parley.extract.places import meeting_place
from parley.lang import lexicon
from parley.extract.status import status_of
from parley.records import DatePrecision, Evidence, MeetingStatus
from parley.resolve.sides import display as side_display

if TYPE_CHECKING:
    from parley.extract.layers import SentenceLayers

NOUN_KINDS = lexicon("ru").mapping("meetings", "noun_kind_stems")
STRONG_VERBS = frozenset(MEETING_VERBS) - frozenset(WEAK_MEETING_VERBS)


def _meeting_word(tree: Tree) -> int | None:
    """The first meeting noun or verb; adjectives ("переговорная позиция") and talk verbs do not count."""
    for i, token in enumerate(tree.tokens):
        lemma = tree.lemma(i)
        if (token.pos == "NOUN" and lemma in MEETING_NOUNS) or (token.pos == "VERB" and lemma in STRONG_VERBS):
            return i
    return None


def _kind(word: str) -> str:
    low = word.lower()
    return next((kind for stem, kind in NOUN_KINDS.items() if low.startswith(stem)), "talks")


def cooccurrence(layer: SentenceLayers, persons: list[Party], background: tuple[Evidence, ...],
                 published: dt.date | None, headline: bool) -> Candidate | None:
    sentence, tree = layer.sentence, layer.tree
    if tree is None or not headline:
        return None
    index = _meeting_word(tree)
    if index is None:
        return None
    people = [(tree.span_head(p.mention.start, p.mention.stop), p) for p in persons if p.mention is not None]
    speaker = speaker_of(tree, people)  # "сообщил Ушаков": who tells of a meeting is not at it for that
    parties = {p.key: p for p in persons if speaker is None or p.key != speaker.key}
    covered = {p.side for p in persons if p.side}
    for side in layer.sides:
        if side.side not in covered and side.side not in parties:
            parties[side.side] = Party(side.side, side_display(side.side), side.side, False)
    if len({p.side or p.key for p in parties.values()}) < 2:
        return None
    reading = status_of(tree.tokens, index, (index,))
    dates = [d for d in layer.dates if not d.deadline and d.kind != "stamp" and d.value]
    date, precision, date_end = None, DatePrecision.UNKNOWN, None
    if dates:
        nearest = min(dates, key=lambda d: abs(tree.token_at(d.start) - index))
        nearest = with_weekday(nearest, published, future=reading.status == MeetingStatus.PLANNED)
        date, precision, date_end = nearest.value, nearest.precision, round_end(sentence.text, nearest)
    place = meeting_place(tree, layer.places, (index,))
    return Candidate(
        parties=tuple(parties.values()), place=place.name if place else None,
        place_entry=place.place if place else None, date=date, precision=precision, status=reading.status,
        evidence=Evidence(sentence.start, sentence.stop, is_background(sentence.start, background)),
        kind=_kind(tree.tokens[index].text), status_explicit=reading.explicit, headline=headline,
        cooccurring=True, date_end=date_end)
