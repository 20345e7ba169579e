"""The place of a meeting: the most specific place its clause puts it in, in the nominative.

Entry points: ``place_mentions(tree, spans)`` → every :class:`PlaceMention` of a parsed sentence (a layer
of the annotated document); ``meeting_place(tree, places, anchors)`` → the meeting's own place, or None.

A place counts when it stands under "в/во/на" (or is "женевская" on the meeting
word itself) and hangs from the meeting's clause: "встреча в Кремле", "прошли в
Абу-Даби", "прибыл в Москву". Places of other things in the sentence ("конфликт
на Украине", "вылет из Женевы", "посол в Вашингтоне") are left out. Among the
places that count, a venue beats a city, a city a region, a region a country.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from parley.resolve.sides import side_of_adjective, side_of_name
from parley.records import NamedSpan
from parley.resolve.places import Place, gazetteer
from parley.lang import lexicon

RU = lexicon("ru")

PLACE_PREPOSITIONS = RU.words("places", "place_prepositions")
# Nouns whose "в/на X" is not where the meeting is: "урегулирование на Украине", "посол в США".
NOT_MEETING_PLACE_HEADS = RU.words("places", "not_meeting_place_heads")
# Words that lead from a container to the place itself: "в столице ОАЭ", "в швейцарском городе Женева".
CONTAINER_NOUNS = RU.words("places", "container_nouns")
# Buildings named after them ("в отеле InterContinental в Женеве", "в отеле «Ритц-Карлтон»"): the name is the
# venue, in the country of the town the sentence puts it in.
VENUE_NOUNS = RU.words("places", "venue_nouns")
# "на российской территории", "на американской земле": the country named by its adjective.
TERRITORY_NOUNS = RU.words("places", "territory_nouns")
MAX_HOPS = 4
MAX_LEAP = 12  # tokens from the meeting word to a place the parser hung on a word before it
VISIT_VERBS = RU.words("places", "visit_verbs")
CAPITAL_NOUNS = RU.words("places", "capital_nouns")
WHERE_PRONOUNS = RU.words("places", "where_pronouns")

if TYPE_CHECKING:
    from parley.extract.meetings.tree import Tree


@dataclass(frozen=True, slots=True)
class PlaceMention:
    name: str
    index: int  # token index
    place: Place | None  # the gazetteer entry, when the place is in it
    venue: bool = False  # a building named in the text, not in the gazetteer


@cache
def _first_words() -> frozenset[str]:
    """The first word of every gazetteer key: a name can only start on one of them."""
    return frozenset(key.split(" ", 1)[0] for key in gazetteer().by_key)


def _match_gazetteer(tree: Tree) -> list[tuple[int, int, Place]]:
    """(first token, last token, place) for each gazetteer name in the sentence, longest first."""
    gaz = gazetteer()
    by_key = gaz.by_key  # the keys are lower case with "е" for "ё": the lemmas are folded once, not per lookup
    firsts = _first_words()
    lemmas = [tree.lemma(i).lower().replace("ё", "е") for i in range(len(tree))]
    found: list[tuple[int, int, Place]] = []
    i = 0
    while i < len(lemmas):
        if lemmas[i].split(" ", 1)[0] not in firsts:
            i += 1
            continue
        hit = None
        for size in range(min(gaz.longest_key, len(lemmas) - i), 0, -1):
            place = by_key.get(" ".join(lemmas[i:i + size]))
            if place is not None:
                hit = (i, i + size - 1, place)
                break
        if hit:
            found.append(hit)
            i = hit[1] + 1
        else:
            i += 1
    return found


def place_mentions(tree: Tree, spans: tuple[NamedSpan, ...]) -> list[PlaceMention]:
    """Every place a parsed sentence names: gazetteer names, NER locations, venues."""
    out: list[PlaceMention] = []
    covered: set[int] = set()
    for first, last, place in _match_gazetteer(tree):
        owner = side_of_name(tree.lemma(last + 1)) if last + 1 < len(tree) else None
        if place.kind == "venue" and owner and owner != place.country:
            continue  # "в офисе президента Турции" is not the Ukrainian president's office
        head = tree.span_head(tree.tokens[first].start, tree.tokens[last].stop)
        if place.kind == "country" and first > 0 and tree.lemma(first - 1) in CAPITAL_NOUNS:
            capital = gazetteer().capital_of(place.country)  # "в столице ОАЭ" is Абу-Даби
            if capital is not None:
                place, head = capital, first - 1
        out.append(PlaceMention(place.name, head, place))
        covered.update(range(first, last + 1))
    for i, token in enumerate(tree.tokens):
        if tree.lemma(i) in TERRITORY_NOUNS:
            for child in tree.children[i]:
                side = side_of_adjective(tree.lemma(child)) if tree.rel(child) == "amod" else None
                place = gazetteer().country(side) if side else None
                if place is not None:
                    out.append(PlaceMention(place.name, i, place))
    towns = [m for m in out if m.place is not None and m.place.kind in ("city", "capital")]
    for i in range(len(tree)):
        if tree.lemma(i) not in VENUE_NOUNS:
            continue
        for child in tree.children[i]:
            if tree.rel(child) != "appos" or tree.tokens[child].pos != "PROPN" or child in covered:
                continue
            token = tree.tokens[child]
            name = next((span.normal for span in spans if span.start <= token.start < span.stop), token.text)
            town = min(towns, key=lambda m: abs(m.index - child), default=None)
            place = Place(name, "venue", town.place.country, town.place.lat, town.place.lon) if town else None
            out.append(PlaceMention(name, child, place, venue=True))
            covered.add(child)
    for span in spans:
        if span.type != "LOC":
            continue
        head = tree.span_head(span.start, span.stop)
        if head in covered or tree.tokens[head].pos == "ADJ":
            continue  # "в Великом штате Аляска": the gazetteer has the place, the adjective is not one
        # The normaliser can decline a name that was already nominative ("Эр-Рияд" → "Эр-Рияды");
        # the gazetteer knows the written form then, and its own spelling wins.
        place = gazetteer().named(span.normal) or gazetteer().named(span.text)
        out.append(PlaceMention(place.name if place else span.normal, head, place))
    return out


def _preposition(tree: Tree, i: int) -> str | None:
    cur = i
    for _ in range(3):
        prep = tree.case_word(cur)
        if prep:
            return prep
        head = tree.head(cur)
        if head == -1 or tree.rel(cur) not in ("appos", "flat", "flat:name", "nmod", "conj") \
                or (tree.rel(cur) == "nmod" and tree.lemma(head) not in CONTAINER_NOUNS):
            break
        cur = head
    return tree.preceding_preposition(i, 2)


def _hangs_from(tree: Tree, i: int, anchors: set[int]) -> bool:
    if tree.leaps_back_over(i, anchors, MAX_LEAP):
        return True
    cur = i
    for _ in range(MAX_HOPS):
        if cur in anchors:
            return True
        head = tree.head(cur)
        if head == -1:
            # a broken link (the parser's loop or a second root): trust a place close after the meeting word
            trigger = min(anchors, key=lambda a: abs(a - i))
            return 0 < i - trigger <= 8 and cur != i and not any(
                tree.tokens[k].pos == "VERB" for k in range(trigger + 1, i))
        if head not in anchors and tree.lemma(head) in NOT_MEETING_PLACE_HEADS:
            return False
        cur = head
    return cur in anchors


def _said_after_another(tree: Tree, places: tuple[PlaceMention, ...], anchors: set[int],
                        others: tuple[int, ...]) -> set[int]:
    """"Перед переговорами с Сибигой в Брюсселе Рубио созвонился с Каллас": a place said right
    after the prepositional phrase of another meeting that this meeting's clause is set before or after,
    and before this meeting's words, is that meeting's, whatever word the parser hangs it on."""
    out: set[int] = set()
    for other in others:
        if other in anchors or tree.case_word(other) is None or tree.head(other) not in anchors:
            continue  # only a meeting set before or after this one's own clause is another meeting
        phrase_end = max(tree.subtree(other))
        for mention in places:
            if min(tree.subtree(mention.index)) == phrase_end + 1 and mention.index < min(anchors):
                out.add(mention.index)
    return out


def _rank(mention: PlaceMention) -> float:
    if mention.venue:
        return 0
    return mention.place.rank if mention.place else 1.5  # unknown places: after known cities


def meeting_place(tree: Tree, places: tuple[PlaceMention, ...], anchors: tuple[int, ...],
                  others: tuple[int, ...] = ()) -> PlaceMention | None:
    """The meeting's own place among the sentence's ``places`` (``place_mentions``); ``others``: the other meeting words of the sentence, whose places are theirs
    ("встретятся в Штатах после переговоров в Кремле")."""
    anchor_set = set(anchors)
    trigger = anchors[0]
    theirs: set[int] = set()
    for other in others:
        if other not in anchor_set:
            sub = tree.subtree(other)
            if trigger in sub:
                sub -= tree.subtree(trigger)
            theirs |= sub
    theirs |= _said_after_another(tree, places, anchor_set, others)
    usable: list[PlaceMention] = []
    # "прибыл в Анкару, где проведет переговоры с Фиданом": the place "где" stands for is the meeting's
    where = next((tree.head(a) for a in anchors if tree.rel(a) == "acl:relcl" and any(
        tree.lemma(c) in WHERE_PRONOUNS for c in tree.children[a])), -1)
    for mention in places:
        if mention.index == where:
            usable.append(mention)
            continue
        if mention.index in theirs:
            continue
        prep = _preposition(tree, mention.index)
        visited = tree.rel(mention.index) == "obj" and tree.head(mention.index) in anchor_set \
            and tree.lemma(tree.head(mention.index)) in VISIT_VERBS  # "посетил Москву"
        if prep not in PLACE_PREPOSITIONS and not visited:
            continue
        leapt = tree.leapt_verb(mention.index, anchor_set)
        if leapt in anchor_set:
            usable.append(mention)  # hung by the parser's slip on a word before the meeting's verb
        elif leapt != -1 and not tree.leaps_back_over(mention.index, anchor_set, MAX_LEAP):
            continue  # hung on the meeting's words over the verb of another clause: that clause's place
        elif _hangs_from(tree, mention.index, anchor_set):
            usable.append(mention)
    for child in tree.children[trigger]:
        if tree.rel(child) == "amod":
            place = gazetteer().adjective(tree.lemma(child))
            if place is not None and place.kind != "country":
                usable.append(PlaceMention(place.name, child, place))
    if not usable:
        return None
    return min(usable, key=lambda m: (_rank(m), abs(m.index - trigger)))
