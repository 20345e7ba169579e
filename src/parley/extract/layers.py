"""One annotated document: the layers the extractors read, each written once.

Entry point: ``annotate(document, analysis, actors=None)`` → :class:`Layers`.

Over the NLP adapter's analysis (sentences, tokens, morphology, syntax, NER
spans) it writes, in this order:
- per sentence (:class:`SentenceLayers`): the dependency tree of a parsed
  sentence, the sides named without a person ("украинская делегация"), the
  place mentions, and the dates, resolved against the publication date;
- the actor mentions: persons, countries and organisations
  (``parley.extract.actors``);
- each person's side (``person_sides``): the actor's own, else the first side
  the role words before the name say ("спецпосланник президента США");
- the offices (``offices``): unnamed uses of a role that the text gave to one
  named person ("президент США сообщил", "российский лидер"), placed on the
  role words;
- the background paragraphs.

Meetings, quotes and roles read these layers; they do not find actors, sides,
dates or places again.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from parley.extract.actors import find_actors
from parley.extract.background import find_background
from parley.extract.dates import DateMention, find_dates
from parley.extract.meetings.epithets import leader_mentions, role_mentions
from parley.extract.meetings.sides import SideMention, find_sides
from parley.extract.meetings.tree import Tree
from parley.extract.places import PlaceMention, place_mentions
from parley.records import ActorMention, Analysis, Document, Evidence, Sentence
from parley.resolve.sides import first_side

SIDE_CONTEXT = 90  # characters before a name read for its side


@dataclass(frozen=True, slots=True)
class SentenceLayers:
    sentence: Sentence
    tree: Tree | None  # None for a sentence the adapter did not parse
    sides: tuple[SideMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    dates: tuple[DateMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Layers:
    document: Document
    analysis: Analysis
    sentences: tuple[SentenceLayers, ...]  # one per sentence of the analysis, in order
    actors: tuple[ActorMention, ...]
    person_sides: Mapping[str, str]  # person actor id → side
    offices: tuple[ActorMention, ...]  # unnamed role uses standing for one named person
    background: tuple[Evidence, ...]


def annotate(document: Document, analysis: Analysis, actors: tuple[ActorMention, ...] | None = None) -> Layers:
    """The layers of one document; ``actors`` when the caller has found them already."""
    if actors is None:
        actors = find_actors(document, analysis)
    persons = tuple(m for m in actors if m.actor.kind == "person")
    sides_of = person_sides(document, analysis, persons)
    offices = role_mentions(document.text, analysis, persons) \
        + leader_mentions(document.text, persons, sides_of, document.published)
    return Layers(
        document=document,
        analysis=analysis,
        sentences=tuple(sentence_layers(s, document) for s in analysis.sentences),
        actors=actors,
        person_sides=MappingProxyType(sides_of),
        offices=tuple(offices),
        background=find_background(document.text),
    )


def sentence_layers(sentence: Sentence, document: Document) -> SentenceLayers:
    dates = tuple(find_dates(sentence.text, document.published, base=sentence.start))
    if not sentence.parsed:
        return SentenceLayers(sentence, None, dates=dates)
    tree = Tree.of(sentence)
    return SentenceLayers(sentence, tree, tuple(find_sides(tree)), tuple(place_mentions(tree, sentence.spans)), dates)


def person_sides(document: Document, analysis: Analysis, persons: tuple[ActorMention, ...]) -> dict[str, str]:
    """actor id → side, from the actor record or else from the role words before a name."""
    sides: dict[str, str] = {}
    for mention in persons:
        if mention.actor.id in sides:
            continue
        if mention.actor.country:
            sides[mention.actor.id] = mention.actor.country
            continue
        sentence = analysis.sentence_at(mention.start)
        begin = sentence.start if sentence else max(0, mention.start - 80)
        before = [m for m in persons if begin <= m.stop <= mention.start]
        if before:
            begin = max(begin, max(m.stop for m in before))
        side = first_side(document.text[max(begin, mention.start - SIDE_CONTEXT):mention.start])
        if side:
            sides[mention.actor.id] = side
    return sides
