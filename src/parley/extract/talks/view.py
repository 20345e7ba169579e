"""One document seen from its meetings: which sentences state each meeting, who is named where.

Entry point: ``DocumentView(text, sentences, mentions, quotes, meetings)``;
``link_features(meeting, sentence, at)`` describes how a cue at offset ``at``
in a sentence stands to a meeting: the same sentence as its evidence, how many
sentences away, whether the sentence names its people or another meeting's,
whether it speaks of a meeting at all. The features read only sentence
bounds, actor mentions and the words of the text, never a parse, so a
language without a parser gets them too.
"""
from __future__ import annotations

import copy
from bisect import bisect_right
from collections.abc import Sequence

from parley.extract.background import find_background, is_background
from parley.extract.talks.words import TalksWords, fold, talks_words
from parley.records import ActorMention, Meeting, Quote, Sentence

Features = dict[str, float]
RETELLING_REACH = 5  # sentences after one telling a meeting within which an unnamed "по его итогам" retells it


def bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


class DocumentView:
    def __init__(self, text: str, sentences: Sequence[Sentence], mentions: Sequence[ActorMention],
                 quotes: Sequence[Quote], meetings: Sequence[Meeting], words: TalksWords | None = None) -> None:
        self.words = words = words or talks_words("ru")
        self.text = text
        self.folded = fold(text)
        self.sentences = list(sentences) or [Sentence(0, len(text), text)]
        self._starts = [s.start for s in self.sentences]
        self.mentions = list(mentions)
        self.quotes = list(quotes)
        self.meetings = list(meetings)
        self.mentions_in: list[list[ActorMention]] = [[] for _ in self.sentences]
        for mention in self.mentions:
            self.mentions_in[self.sentence_of(mention.start)].append(mention)
        self.evidence_sentences = [self._sentences_of(m.evidence.start, m.evidence.stop) for m in self.meetings]
        self.meeting_ids = [{a.id for a in m.participants} for m in self.meetings]
        self.meeting_sides = [{a.country or a.id for a in m.participants} for m in self.meetings]
        self.has_meeting_word = [bool(words.meeting_words.search(self.folded, s.start, s.stop)) for s in self.sentences]
        self.refers_back = [bool(words.back_reference.search(self.folded, s.start, s.stop)) for s in self.sentences]
        self.meeting_sentences = [self._told_again(k) for k in range(len(self.meetings))]
        self.retellings = self._unnamed_retellings()
        self.background = find_background(text)

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def _sentences_of(self, start: int, stop: int) -> set[int]:
        first, last = self.sentence_of(start), self.sentence_of(max(start, stop - 1))
        return set(range(first, last + 1))

    def _told_again(self, meeting: int) -> set[int]:
        """The evidence sentences, and the sentences that speak of a meeting with this one's people or place
        (two of its people when the sentence states another meeting)."""
        told = set(self.evidence_sentences[meeting])
        persons = {a.id for a in self.meetings[meeting].participants if a.kind == "person"}
        place = fold(self.meetings[meeting].place or "")
        place = place[:max(4, len(place) - 2)] if place else ""
        for n, s in enumerate(self.sentences):
            if n in told or not self.has_meeting_word[n]:
                continue
            named = persons & {x.actor.id for x in self.mentions_in[n]}
            another = any(n in e for k, e in enumerate(self.evidence_sentences) if k != meeting)
            if len(named) >= min(2, len(persons)) > 0 or (named or (place and place in self.folded[s.start:s.stop])) \
                    and not another:
                told.add(n)
        return told

    def _unnamed_retellings(self) -> list[set[int]]:
        """For each meeting, the sentences that speak of a meeting ("по его итогам", "в повестку переговоров")
        but name no one of any meeting and tell none: each retells the meeting last stated before it, when a
        sentence telling that meeting stands at most ``RETELLING_REACH`` sentences before."""
        retold: list[set[int]] = [set() for _ in self.meetings]
        people = set().union(*self.meeting_ids) if self.meeting_ids else set()
        told_any = set().union(*self.meeting_sentences) if self.meeting_sentences else set()
        for n in range(len(self.sentences)):
            if n in told_any or not (self.has_meeting_word[n] or self.refers_back[n]):
                continue
            if people & {x.actor.id for x in self.mentions_in[n]}:
                continue
            stated = [(max(s for s in e if s <= n), k) for k, e in enumerate(self.evidence_sentences)
                      if any(s <= n for s in e)]
            if not stated:
                continue
            last = max(s for s, _ in stated)
            for s, k in stated:
                told = [t for t in self.meeting_sentences[k] | retold[k] if t < n]
                if s == last and told and n - max(told) <= RETELLING_REACH:
                    retold[k].add(n)
        return retold

    def with_retellings(self) -> DocumentView:
        """The same document where each meeting is told as well by the sentences that retell it without a name
        (``retellings``): the reading of topics, which such a sentence often lists ("по его итогам согласовали
        ...")."""
        view = copy.copy(self)
        view.meeting_sentences = [told | extra for told, extra in zip(self.meeting_sentences, self.retellings)]
        return view

    def distance(self, meeting: int, sentence: int, evidence_only: bool = False) -> int:
        """Sentences between ``sentence`` and the nearest sentence telling the meeting; negative before."""
        told = self.evidence_sentences[meeting] if evidence_only else self.meeting_sentences[meeting]
        nearest = min(told, key=lambda s: (abs(s - sentence), s))
        return sentence - nearest

    def recalled(self, offset: int) -> bool:
        """Whether ``offset`` lies in a paragraph the text recalls rather than reports ("Ранее ...", "Напомним")."""
        return is_background(offset, self.background)

    def quote_at(self, offset: int) -> Quote | None:
        for quote in self.quotes:
            if quote.start <= offset < quote.stop:
                return quote
        return None

    def link_features(self, meeting: int, sentence: int, at: int) -> Features:
        m = self.meetings[meeting]
        distance = self.distance(meeting, sentence)
        gaps = sorted(abs(self.distance(k, sentence)) for k in range(len(self.meetings)))
        rank = gaps.index(abs(distance))
        ids = {x.actor.id for x in self.mentions_in[sentence]}
        sides = {x.actor.country or x.actor.id for x in self.mentions_in[sentence]}
        others = set().union(*(self.meeting_ids[k] for k in range(len(self.meetings)) if k != meeting)) \
            - self.meeting_ids[meeting]
        to_evidence = abs(self.distance(meeting, sentence, evidence_only=True))
        f: Features = {
            "bias": 1.0,
            f"evidence_dist={bucket(to_evidence, (0, 1, 2, 4))}": 1.0,
            f"dist={bucket(abs(distance), (0, 1, 2, 4))}": 1.0,
            "before" if distance < 0 else "after": float(distance != 0),
            f"rank={bucket(rank, (0, 1))}": 1.0,
            f"meetings={bucket(len(self.meetings), (1, 2, 4))}": 1.0,
            "in_evidence": float(m.evidence.start <= at < m.evidence.stop),
            "shares_person": float(bool(ids & self.meeting_ids[meeting])),
            "shares_side": float(bool(sides & self.meeting_sides[meeting])),
            "names_other": float(bool(ids & others)),
            "meeting_word": float(self.has_meeting_word[sentence]),
            "refers_back": float(self.refers_back[sentence]),
            "headline": float(sentence == 0),
            f"status={m.status.value}": 1.0,
            f"kind={m.kind}": 1.0,
            "background": float(m.evidence.background),
        }
        near = self.words.meeting_words.search(self.folded, max(0, at - 60), min(len(self.folded), at + 60))
        f["meeting_word_near"] = float(near is not None)
        return f
