"""Meetings: who met whom, where, when, and whether it happened.

Entry point: ``find_meetings(document, analysis, mentions, layers=None)``.

It reads the annotated document (``parley.extract.layers``): each parsed
sentence with a meeting word (``triggers``) yields a candidate: its parties
(``participants``: the named persons and offices of the actor layers, the sides
of the sentence's side layer), place (from its place layer), date (from its date
layer) and status (``parley.extract.status``). Candidates stating the same meeting are
merged (``merge``); named people then replace their side, and a meeting needs
two parties. See docs/meetings.md for the conventions.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING, Mapping

from parley.extract.background import is_background
from parley.extract.dates import DateMention, round_end, round_length, with_weekday
from parley.extract.lexicon import SPEECH_VERBS, WEAK_MEETING_VERBS
from parley.extract.meetings.delegations import JOINING, delegation_members
from parley.extract.meetings.follow import distributed, headline_stop, named_before, subjectless, titled
from parley.extract.meetings.merge import (
    Candidate, attach_delegations, combine, expanded, fill_from_orphans, join_counterparts, merge,
    place_of_the_day_before, same_meeting,
    shares_a_person, statuses_agree, sides_of as candidate_sides,
)
from parley.extract.meetings.cooccur import cooccurrence
from parley.extract.meetings.participants import (
    Party, generic_subject, participants_for, partner_after, speaker_of,
)
from parley.extract.meetings.tree import Tree
from parley.extract.meetings.triggers import PARTICIPATION_VERBS, Trigger, find_triggers
from parley.extract.places import meeting_place
from parley.extract.status import denied, status_of
from parley.learn.decide import decide
from parley.records import (
    Actor, ActorMention, Analysis, DatePrecision, Document, Evidence, Meeting, MeetingStatus,
)
from parley.resolve.kb import knowledge_base
from parley.resolve.sides import display as side_display
from parley.lang import lexicon

if TYPE_CHECKING:
    from parley.extract.layers import Layers, SentenceLayers

RU = lexicon("ru")

# Verbs that report a meeting as it happens: with no date word, it is the publication day.
LIVE_VERBS = RU.words("meetings", "live_verbs")
# Imperfective verbs that report a meeting going on only in the present: "проводит встречу", "встречаются".
PRESENT_LIVE_VERBS = RU.words("meetings", "present_live_verbs")
VISIT_WORDS = RU.words("meetings", "visit_words")
# Words that make a meeting one of a series of the same parties' talks: "второй раунд", "следующие переговоры".
SERIES_WORDS = RU.words("meetings", "series_words")
# Openings that tell another event than the one just told: "Перед этим …", "После этого …".
ANOTHER_EVENT = re.compile(r"^\W*(?:перед этим|до этого|после этого)\b",
                           re.IGNORECASE)
# A round is part of the talks it is a round of: it owns no separate date or place.
ROUND_WORDS = RU.words("meetings", "round_words")
ROUND_MARKERS = RU.words("meetings", "round_markers")
LEAD_SENTENCES = 2  # a text's opening: the sentences that tell its news (a headline and a lead)
MAX_DATE_DISTANCE = 12  # tokens between a date and the clause it dates
NEXT_TO = 4  # tokens from a meeting word to a date said right after its phrase ("переговоры с Россией в марте")
# Words that make a meeting another one of the same parties, not the day after of one going on.
AGAIN_WORDS = RU.words("meetings", "again_words")
AGAIN_REACH = 4  # tokens after a meeting verb where its "снова" may stand ("встретиться с ними снова")
NEXT_WORDS = RU.words("meetings", "next_words")
DAY_NOUNS = RU.words("meetings", "day_nouns")
ONGOING_VERBS = RU.words("meetings", "ongoing_verbs")
AGAIN_COUNT_WORDS = RU.words("meetings", "again_count_words")
WIDE_ROUND_WORDS = RU.words("meetings", "wide_round_words")
LEADER_SUBJECTS = RU.words("meetings", "leader_subjects")
COLLECTIVE_OWNERS = RU.words("meetings", "collective_owners")
LEADER_OFFICES = RU.words("meetings", "leader_offices")
REPETITION_ADVERBS = RU.words("meetings", "repetition_adverbs")
TIMES_NOUNS = RU.words("meetings", "times_nouns")
SERIES_NOUNS = RU.words("meetings", "series_nouns")
ARRIVAL_VERBS = RU.words("status", "arrival_verbs")
ROUND_ORDINALS = {word: n for n, word in enumerate(RU.sequence("meetings", "round_ordinals"), start=1)}
THIRD_POSSESSIVES = RU.words("grammar", "third_possessives")
SAME_PLACE_ADVERBS = RU.words("places", "same_place_adverbs")
SAME_PARTICLES = RU.words("places", "same_particles")
# "На ней были Умеров и Мединский", "в них участвовали Уолтц и Уиткофф": a pronoun for the meeting just
# told, and a verb of being there, name more of its people.
MEETING_PRONOUN = re.compile(r"(?<![\w])(?:на|в)\s+(?:ней|них|нем|нём)(?![\w])", re.IGNORECASE)
ATTENDANCE = re.compile(r"(?<![\w])(?:был[аио]?|присутствова\w*|присутству\w*|участвова\w*|участву\w*"
                        r"|приня\w*\s+участие|принима\w*\s+участие|вошл[иа]|входил[иа]?|входят)(?![\w])",
                        re.IGNORECASE)

__all__ = ["find_meetings", "meeting_candidates"]


def _display_names(mentions: tuple[ActorMention, ...]) -> dict[str, str]:
    names: dict[str, str] = {}
    for mention in mentions:
        current = names.get(mention.actor.id)
        if current is None or len(mention.name.split()) > len(current.split()):
            names[mention.actor.id] = mention.name
    return names


# Nouns a date may hang from and still date the meeting: "вечером 24 ноября", "в ночь на 23 января".
TIME_NOUNS = RU.words("dates", "time_nouns")
HAPPENING_VERBS = RU.words("dates", "happening_verbs")
# "Она должна состояться 26 февраля": the pronouns that, as subject of such a verb, stand for a meeting
BACK_REFERENCES = RU.words("grammar", "back_references")
MEETING_PRONOUNS = RU.words("grammar", "subject_pronouns") | RU.words("grammar", "third_plural_pronouns")
EVE_SHIFT = RU.mapping("dates", "eve_prepositions")
# "завершились двухдневные переговоры": the day such a verb is dated by is the round's last
ENDING_VERBS = RU.words("dates", "ending_verbs")
RELATIVE_PRONOUNS = RU.words("grammar", "relative_pronouns")
# Relations of a clause to the clause it hangs from (relative, complement, adverbial clauses, gerunds)
GOVERNED_CLAUSES = frozenset({"acl", "advcl"})


def _in_relative_clause_of(tree: Tree, index: int, trigger: Trigger, other_triggers: list[Trigger]) -> bool:
    """"разговора Ушакова со спецпредставителем …, который состоялся 14 октября": a clause of taking place
    opened by "который" tells of the meeting word before it, though the parser may hang it on a person."""
    verb = tree.head(index)
    if verb == -1 or tree.lemma(verb) not in HAPPENING_VERBS or verb < trigger.index:
        return False
    # "которая должна начаться через час": the pronoun may stand on the modal verb above
    clause = tree.head(verb) if tree.rel(verb) == "xcomp" and tree.head(verb) != -1 else verb
    if not any(tree.lemma(c) in RELATIVE_PRONOUNS for c in (*tree.children[verb], *tree.children[clause])
               if c < verb):
        return False
    return not any(trigger.index < other.index < verb for other in other_triggers)


def _hung_across_the_clause_verb(tree: Tree, index: int, trigger: Trigger) -> bool:
    """"Уиткофф, являющийся спецпосланником, проведет встречу с Умеровым 4 декабря": a date that the parser
    hangs on a word before the meeting's clause verb, over that verb, is the clause's (such crossing arcs
    are the parser's slips, not Russian word order)."""
    return tree.leapt_verb(index, set(trigger.anchors)) in trigger.anchors


def _dates_something_else(tree: Tree, index: int, trigger: Trigger) -> bool:
    """The date hangs from a noun that is neither the meeting nor a time word ("перемирие на 7 января")."""
    anchors = set(trigger.anchors)
    cur = tree.head(index)
    for _ in range(6):
        if cur == -1 or cur in anchors:
            return False
        token = tree.tokens[cur]
        if token.pos == "NOUN" and tree.lemma(cur) not in TIME_NOUNS:
            return True
        cur = tree.head(cur)
    return False


def _on_the_eve_of(tree: Tree, index: int, mention: DateMention, trigger: Trigger,
                   other_triggers: list[Trigger]) -> DateMention | None:
    """"Накануне назначенной на 17 октября встречи … созвонился": the call is a day before the other
    meeting's date, when that meeting is what "накануне" governs in the call's own clause."""
    if mention.kind != "absolute" or mention.precision != DatePrecision.DAY or not mention.value \
            or len(mention.value) != 10:
        return None
    for other in other_triggers:
        if index not in tree.subtree(other.index) or trigger.index in tree.subtree(other.index):
            continue
        shift = next((EVE_SHIFT[tree.lemma(c)] for c in tree.children[other.index] if tree.lemma(c) in EVE_SHIFT
                      and tree.rel(c) in ("case", "advmod")), None)
        if shift is None or not any(a in trigger.anchors for a in (tree.head(other.index),)):
            continue
        day = (dt.date.fromisoformat(mention.value) + dt.timedelta(days=shift)).isoformat()
        return replace(mention, value=day, end=None)
    return None


def _first_day_of_ended_round(mention: DateMention, text: str) -> DateMention:
    """"В субботу завершились двухдневные переговоры": the day said is the last; a round is dated by its first."""
    days = round_length(text)
    if not days or days < 2 or mention.end or mention.precision != DatePrecision.DAY or not mention.value \
            or len(mention.value) != 10:
        return mention
    last = dt.date.fromisoformat(mention.value)
    return replace(mention, value=(last - dt.timedelta(days=days - 1)).isoformat(), end=last.isoformat())


def _day_number(tree: Tree, trigger: Trigger) -> int:
    """"завершились во второй день", "на третий день переговоров": which day of the talks the clause tells
    (1 when it says none)."""
    if tree.case_word(trigger.index) is not None:
        return 1  # a meeting word under a preposition tells no day of its own: "на третий день после переговоров"
    for a in trigger.anchors:
        for c in (*tree.children[a], tree.head(a)):
            if c == -1 or tree.lemma(c) not in DAY_NOUNS:
                continue
            found = {ROUND_ORDINALS[tree.lemma(k)] for k in tree.children[c]
                     if tree.rel(k) == "amod" and tree.lemma(k) in ROUND_ORDINALS}
            if len(found) == 1:
                return found.pop()
    return 1


def _from_first_day(value: str, precision: DatePrecision, day: int) -> tuple[str, str | None]:
    """The first day of talks whose ``day``-th day is ``value``, and ``value`` as their last day so far."""
    if day < 2 or precision != DatePrecision.DAY or len(value) != 10:
        return value, None
    last = dt.date.fromisoformat(value)
    return (last - dt.timedelta(days=day - 1)).isoformat(), value


def _own_report(tree: Tree, verb: int) -> bool:
    """A "что"-clause whose verb has no subject of its own: the speaker tells of a meeting of his
    ("в понедельник сообщил, что провел разговор"), which the day of the telling dates; one who
    reports another's meeting ("сообщил, что Путин провел разговор") or a plan ("заявил, что
    планирует встречу") does not date it."""
    return tree.rel(verb) == "ccomp" and tree.tokens[verb].feat("Tense") == "Past" \
        and not any(tree.rel(c).startswith("nsubj") for c in tree.children[verb])


def _ongoing_when_told(tree: Tree, verb: int) -> bool:
    """"в субботу сказал, что переговоры проходят конструктивно": a present tense told in a "что"-clause is the
    time of the telling, so the talks were going on the day the main clause says."""
    return tree.rel(verb) == "ccomp" and tree.tokens[verb].feat("Tense") == "Pres" \
        and tree.lemma(verb) in ONGOING_VERBS | PRESENT_LIVE_VERBS


def _date_of_governing_clause(tree: Tree, trigger: Trigger, dates: list[DateMention],
                              theirs: set[int]) -> DateMention | None:
    """"20 декабря прибыл Дмитриев, который уже провел переговоры", "в понедельник сообщил, что провел
    разговор": a held meeting told in a clause of its own, with no date, is dated by the clause it hangs
    from (through a noun or two, as a relative clause hangs from its subject)."""
    top = next((a for a in trigger.anchors if tree.tokens[a].pos in ("VERB", "AUX")
                and (tree.rel(a).split(":")[0] in GOVERNED_CLAUSES or _own_report(tree, a)
                     or _ongoing_when_told(tree, a))), None)
    if top is None:
        return None
    verb = tree.head(top)
    for _ in range(2):
        if verb == -1 or tree.tokens[verb].pos in ("VERB", "AUX"):
            break
        verb = tree.head(verb)
    if verb == -1 or tree.tokens[verb].pos not in ("VERB", "AUX"):
        return None
    if tree.lemma(verb) in SPEECH_VERBS and tree.rel(top) != "ccomp":
        return None  # "17 января заявила …, объясняя это ведущимися переговорами": the day of the saying only
    found = [d for d in dates if (d.value is not None or d.kind == "weekday")
             and (i := tree.span_head(d.start, d.stop)) not in theirs and _hangs_on(tree, i, verb)]
    return found[0] if len(found) == 1 else None


def _hangs_on(tree: Tree, index: int, verb: int) -> bool:
    """The date hangs on the verb, or on a time word that does ("в субботу, 20 декабря, сказал")."""
    head = tree.head(index)
    return head == verb or head != -1 and tree.lemma(head) in TIME_NOUNS and tree.head(head) == verb


def _choose_date(tree: Tree, trigger: Trigger, dates: list[DateMention], status: MeetingStatus,
                 published: dt.date | None, other_triggers: list[Trigger] = (),
                 text: str = "") -> tuple[str | None, DatePrecision, bool, str | None]:
    """The meeting's date, its precision, whether it is only the publication day, and the round's last day;
    a round is dated by its first day ("завершились во второй день" today: it began yesterday)."""
    value, precision, default, end = _said_date(tree, trigger, dates, status, published, other_triggers, text)
    day = _day_number(tree, trigger) if value else 1
    if day > 1 and end is None:
        value, end = _from_first_day(value, precision, day)
    return value, precision, default, end


def _said_date(tree: Tree, trigger: Trigger, dates: list[DateMention], status: MeetingStatus,
               published: dt.date | None, other_triggers: list[Trigger] = (),
               text: str = "") -> tuple[str | None, DatePrecision, bool, str | None]:
    usable = [d for d in dates if not d.deadline and d.kind != "stamp"]
    mine = set()
    for a in trigger.anchors:
        mine |= {a, *tree.children[a]}
    theirs = set()
    own = set(trigger.anchors)
    for other in other_triggers:
        if other.index not in trigger.anchors:
            # "участники встречи договорились провести раунд с воскресенья": the clause verb above the
            # other meeting word, when not above this one, carries that meeting's date
            sub = set().union(*(tree.subtree(a) for a in other.anchors if a not in own))
            if trigger.index in sub:
                sub -= tree.subtree(trigger.index)
            theirs |= sub
    clause = tree.subtree(trigger.anchors[-1])
    best: tuple[int, DateMention] | None = None
    for mention in usable:
        index = tree.token_at(mention.start)
        if index in theirs and index not in mine:
            eve = _on_the_eve_of(tree, index, mention, trigger, other_triggers)
            if eve is not None:
                best = (0, eve)
                break
            continue  # "назначенной на 17 октября встречи": that date is the other meeting's
        said = tree.head(index)
        if said != -1 and said not in trigger.anchors and tree.lemma(said) in SPEECH_VERBS:
            continue  # "может состояться в ближайшее время, заявил Песков 5 сентября": the day of the saying
        relative = _in_relative_clause_of(tree, index, trigger, other_triggers) \
            or _hung_across_the_clause_verb(tree, index, trigger)
        if not relative and (_dates_something_else(tree, index, trigger)
                             or abs(index - trigger.index) > 3 and index not in clause):
            continue  # "прибыл 16 октября и до визита", "обсуждали перемирие на 7 января"
        # hanging right from the meeting or its clause verb counts as next to it, however long the phrase
        attached = tree.head(index) in trigger.anchors or relative
        distance = min(abs(index - a) for a in trigger.anchors)
        if distance > MAX_DATE_DISTANCE and any(0 < index - other.index <= NEXT_TO and other.index not in
                                                trigger.anchors for other in other_triggers):
            continue  # "встретится … перед консультациями с Европой в конце мая": the consultations' date
        if attached:
            distance = min(distance, MAX_DATE_DISTANCE)
        if distance <= MAX_DATE_DISTANCE and (best is None or distance < best[0]):
            best = (distance, mention)
    if best is not None:
        mention = with_weekday(best[1], published, future=status == MeetingStatus.PLANNED)
        if any(tree.lemma(a) in ENDING_VERBS for a in trigger.anchors):
            mention = _first_day_of_ended_round(mention, text)
        return mention.value, mention.precision, False, round_end(text, mention)
    if status == MeetingStatus.HELD:
        carried = _date_of_governing_clause(tree, trigger, usable, theirs)
        if carried is not None:
            mention = with_weekday(carried, published, future=False)
            return mention.value, mention.precision, False, None
    if published is not None and status == MeetingStatus.HELD:
        for a in trigger.anchors:
            token = tree.tokens[a]
            if tree.lemma(a) in LIVE_VERBS and (token.feat("Tense") in ("Pres", None) or
                                               tree.lemma(a) not in ONGOING_VERBS):
                return published.isoformat(), DatePrecision.DAY, True, None
            if tree.lemma(a) in PRESENT_LIVE_VERBS and token.feat("Tense") == "Pres" \
                    and token.feat("VerbForm") == "Fin":
                return published.isoformat(), DatePrecision.DAY, True, None
    return None, DatePrecision.UNKNOWN, False, None


def _party(mention: ActorMention, sides_of: dict[str, str], names: dict[str, str]) -> Party:
    return Party(mention.actor.id, names.get(mention.actor.id, mention.name), sides_of.get(mention.actor.id),
                 True, mention)


def _subject(tree: Tree | None, persons: list[ActorMention]) -> ActorMention | None:
    """The person a following pronoun most likely means: the first named in the nominative."""
    if not persons:
        return None
    if tree is not None:
        for mention in persons:
            if tree.tokens[tree.span_head(mention.start, mention.stop)].feat("Case") == "Nom":
                return mention
        return None  # "Так он ответил журналисту X": the pronoun's person stays the one named before
    return persons[0]


def _setting(tree: Tree, trigger: Trigger) -> Trigger:
    """The trigger with the words its place and date hang from as anchors: its clause even when its
    parties are its own ("после окончания переговоров между … в Женеве 18 февраля"), and the announcing
    verb ("объявил о встрече с Путиным 15 августа на Аляске"), which carries date and place, not parties."""
    setting = trigger.setting or trigger.anchors
    top = setting[-1]
    head = tree.head(top)
    if head != -1 and tree.lemma(head) in SPEECH_VERBS and tree.rel(top) in ("obl", "obj", "nmod"):
        setting = setting + (head,)
    return replace(trigger, anchors=setting)


def _possessor_before(tree: Tree, people: list[tuple[int, Party]], trigger: Trigger) -> Party | None:
    """"После слов Эрдогана … польза его встречи с Макроном": "его" on the meeting word is the person
    named nearest before it in the sentence."""
    if not any(tree.lemma(c) in THIRD_POSSESSIVES and tree.rel(c) in ("det", "nmod", "nmod:poss")
               for c in tree.children[trigger.index]):
        return None
    before = [(index, party) for index, party in people if index < trigger.index]
    return max(before, key=lambda item: item[0])[1] if before else None


def _sides_of(parties: tuple[Party, ...]) -> list[Party]:
    out: dict[str, Party] = {}
    for party in parties:
        side = party.side or party.key
        out.setdefault(side, party if not party.is_person else Party(side, side_display(side), side,
                                                                       False))
    return list(out.values())


def _repeated(tree: Tree, trigger: Trigger) -> bool:
    """"встречался шесть раз", "неоднократно встречался", "серия встреч": the words tell a series of meetings."""
    if any(tree.lemma(a) in SERIES_NOUNS for a in trigger.anchors):
        return True
    for anchor in trigger.anchors:
        for child in tree.children[anchor]:
            lemma = tree.lemma(child)
            if lemma in REPETITION_ADVERBS:
                return True
            if lemma in TIMES_NOUNS and any(tree.rel(c).startswith("nummod") for c in tree.children[child]):
                return True
    return False


def _again_next_to_the_verb(tree: Tree, trigger: Trigger) -> bool:
    """"встретиться с ними снова": a word of repetition just before a meeting verb or a few words after it,
    in its clause, wherever the parser hangs it."""
    if not trigger.is_verb:
        return False
    after = []
    for k in range(trigger.index + 1, min(len(tree), trigger.index + 1 + AGAIN_REACH)):
        if tree.tokens[k].pos in ("PUNCT", "VERB", "AUX", "SCONJ", "CCONJ"):
            break
        after.append(k)
    return any(0 <= k < len(tree) and tree.tokens[k].pos == "ADV" and tree.lemma(k) in AGAIN_WORDS
               for k in (trigger.index - 1, *after))


def _again(tree: Tree, trigger: Trigger) -> bool:
    """"новая встреча", "вновь встретятся", "встретиться ещё раз": another meeting of the same parties."""
    if _again_next_to_the_verb(tree, trigger):
        return True
    for anchor in trigger.anchors:
        for child in (anchor, *tree.children[anchor]):
            if tree.lemma(child) in AGAIN_WORDS:
                return True
            if child != anchor and tree.lemma(child) in TIMES_NOUNS \
                    and any(tree.lemma(c) in AGAIN_COUNT_WORDS for c in tree.children[child]):
                return True
    return False


def _next_one(tree: Tree, trigger: Trigger) -> bool:
    """"следующий раунд": the meeting after the one told, not the day after of one going on."""
    return any(tree.lemma(c) in NEXT_WORDS for a in {trigger.index, *trigger.anchors} for c in tree.children[a]
               if tree.rel(c) == "amod")


def _ordinal(tree: Tree, trigger: Trigger) -> int | None:
    """The number an ordinal adjective gives the meeting word: "второй раунд" → 2."""
    found = {ROUND_ORDINALS[tree.lemma(c)] for a in {trigger.index, *trigger.anchors} for c in tree.children[a]
             if tree.rel(c) == "amod" and tree.lemma(c) in ROUND_ORDINALS}
    return found.pop() if len(found) == 1 else None


def _leaders_of_sides(parties: list[Party], last: tuple[Party, ...]) -> list[Party]:
    """The people of ``last`` standing for each of ``parties``, when these are sides only, one person a side."""
    if len(parties) < 2 or any(p.is_person for p in parties):
        return []
    people: dict[str, list[Party]] = {}
    for party in last:
        if party.is_person and party.side:
            people.setdefault(party.side, []).append(party)
    if not all(len(people.get(p.key, [])) == 1 for p in parties):
        return []
    return [people[p.key][0] for p in parties]


def _leaders_of_countries(tree: Tree, trigger: Trigger) -> bool:
    """"встреча между лидерами стран": a meeting named as one of the countries' leaders stands for the sides,
    whoever spoke for them last; not "главы государств условились …", where the leaders just told act."""
    return any(tree.lemma(c) in LEADER_SUBJECTS and tree.rel(c) == "nmod"
               and any(tree.lemma(k) in COLLECTIVE_OWNERS for k in tree.children[c])
               for c in tree.children[trigger.index])


def _all_leaders(parties: tuple[Party, ...]) -> bool:
    """Whether every person of ``parties`` has led a country (the knowledge base's leader offices)."""
    people = [p for p in parties if p.is_person]
    actors = knowledge_base().actors
    return bool(people) and all(p.key in actors and any(r.office in LEADER_OFFICES for r in actors[p.key].roles)
                                for p in people)


def _series(tree: Tree, trigger: Trigger) -> bool:
    near = set(trigger.anchors) | {c for a in trigger.anchors for c in tree.children[a]}
    return trigger.lemma in ROUND_WORDS or any(tree.lemma(i) in SERIES_WORDS for i in near)


def _attending_the_last(tree: Tree, trigger: Trigger) -> bool:
    """"Во встрече также примут участие X и Y": people take part in a meeting named by its bare noun, with
    no word of its own (no parties, no adjective, no place), which is the meeting just told."""
    if trigger.is_verb or not any(tree.lemma(a) in PARTICIPATION_VERBS for a in trigger.anchors):
        return False
    return all(tree.rel(c) in ("case", "punct") for c in tree.children[trigger.index])


def _there(tree: Tree, trigger: Trigger) -> bool:
    """"Второй раунд прошел там же": the place is the one just told."""
    return any(tree.lemma(c) in SAME_PLACE_ADVERBS and any(tree.lemma(k) in SAME_PARTICLES for k in tree.children[c])
               for a in trigger.anchors for c in tree.children[a])


def _sentence_candidates(document: Document, layer: SentenceLayers, persons: list[ActorMention],
                         sides_of: Mapping[str, str], names: dict[str, str],
                         background: tuple[Evidence, ...], previous: Party | None = None,
                         last_parties: tuple[Party, ...] = (), wide: tuple[Party, ...] = (),
                         last_place: Candidate | None = None) -> list[Candidate]:
    """``last_parties``: the parties of the meeting told last; ``wide``: those of the last one of three sides
    or more, which a "трехсторонний" round means; ``last_place``: the last meeting told with a place, which
    "там же" means."""
    sentence, tree = layer.sentence, layer.tree
    if tree is None:
        return []
    people = [(tree.span_head(m.start, m.stop), _party(m, sides_of, names)) for m in persons]
    triggers = find_triggers(tree, frozenset(i for i, _ in people))
    if not triggers:
        return []
    speaker = speaker_of(tree, people)
    sides = [(s, Party(s.side, side_display(s.side), s.side, False)) for s in layer.sides]
    dates = list(layer.dates)
    evidence = Evidence(sentence.start, sentence.stop, is_background(sentence.start, background))
    out = []
    trigger_indices = frozenset(t.index for t in triggers)
    # "разговор с Путиным до своей встречи с Зеленским": a partner right after a meeting word is that word's
    partners = {t.index: p.key for t in triggers if (p := partner_after(tree, t, people)) is not None}
    for trigger in triggers:
        claimed = frozenset(key for index, key in partners.items() if index != trigger.index
                            and key != partners.get(trigger.index))
        referent = _possessor_before(tree, people, trigger) or speaker or named_before(tree, people, trigger) \
            or previous
        parties = participants_for(tree, trigger, people, sides, referent, trigger_indices - {trigger.index},
                                   claimed)
        if len({p.side or p.key for p in parties}) < 2 and subjectless(tree, trigger):
            shared_subject = named_before(tree, people, trigger)
            if shared_subject is not None and shared_subject.key not in {p.key for p in parties}:
                parties.append(shared_subject)
        if trigger.lemma in WEAK_MEETING_VERBS and sum(p.is_person for p in parties) < 1:
            continue
        if denied(tree.tokens, trigger.index, trigger.anchors):
            continue
        borrowed = False
        own_keys = {p.key for p in parties}
        near = {tree.lemma(c) for a in trigger.anchors for c in (a, *tree.children[a])}
        source = wide if near & WIDE_ROUND_WORDS and wide and len(_sides_of(last_parties)) < 3 else last_parties
        series = _series(tree, trigger) and own_keys <= {p.key for p in source}
        generic = generic_subject(tree, trigger)
        leaders = _leaders_of_sides(parties, last_parties) if generic in LEADER_SUBJECTS else []
        of_countries = generic in LEADER_SUBJECTS and _leaders_of_countries(tree, trigger) \
            and not _all_leaders(last_parties)
        if leaders:
            # "главы государств условились провести российско-американский саммит": the sides' leaders
            # are the people who stood for them in the meeting just told
            parties = leaders
            borrowed = True
        elif last_parties and len(parties) < 2 and generic:
            # "Лидеры договорились встретиться": the same people; "Стороны договорились …": the same sides
            base = _sides_of(last_parties) if generic == "сторона" or of_countries else list(last_parties)
            parties = base + [p for p in parties if p.key not in {q.key for q in base}]
            borrowed = True
        elif source and len(parties) < 2 and series:
            # "третий раунд переговоров": the talks between the sides, whoever spoke for them last time;
            # "следующая встреча": the same people again
            rounds = trigger.lemma in ROUND_WORDS or bool(near & ROUND_MARKERS)
            parties = _sides_of(source) if rounds else list(source)
            borrowed = True
        reading = status_of(tree.tokens, trigger.index, trigger.anchors)
        status = reading.status
        framed = _setting(tree, trigger)
        date, precision, default, date_end = _choose_date(
            tree, framed, dates, status, document.published,
            [t for t in triggers if t is not trigger and t.lemma not in ROUND_WORDS], sentence.text)
        place = meeting_place(tree, layer.places, framed.anchors,
                              tuple(t.index for t in triggers if t is not trigger and t.lemma not in ROUND_WORDS))
        place_name, place_entry = (place.name, place.place) if place else (None, None)
        if place is None and last_place is not None and _there(tree, framed):
            place_name, place_entry = last_place.place, last_place.place_entry
        if status == MeetingStatus.PLANNED and not reading.explicit and place_entry is not None \
                and place_entry.kind == "venue" and any(tree.lemma(a) in ARRIVAL_VERBS and tree.is_past(a)
                                                        for a in framed.anchors):
            status = MeetingStatus.HELD  # "прибыл в Белый дом для встречи": at its building, the meeting is on
        visit = trigger.lemma in VISIT_WORDS or any(tree.lemma(a) in VISIT_WORDS for a in trigger.anchors)
        if visit and place and place.place and place.place.seat_of_power:
            host = place.place.country
            if host not in {p.side for p in parties}:
                parties.append(Party(host, side_display(host), host, False))
        candidate = Candidate(
            parties=tuple(parties), place=place_name, place_entry=place_entry,
            date=date, precision=precision, date_end=date_end, status=status, evidence=evidence, kind=trigger.kind,
            status_explicit=reading.explicit, borrowed=borrowed, fresh=bool(ANOTHER_EVENT.match(sentence.text)),
            attending=any(tree.lemma(a) in PARTICIPATION_VERBS for a in trigger.anchors), date_default=default,
            headline=sentence.start < headline_stop(document.text) and titled(tree, trigger),
            again=_again(tree, trigger), next_one=date is not None and not default and _next_one(tree, trigger),
            day_of=tree.head(trigger.index) != -1 and tree.lemma(tree.head(trigger.index)) in DAY_NOUNS,
            ordinal=_ordinal(tree, trigger), series=_repeated(tree, trigger), leaders=of_countries,
            joins_last=_attending_the_last(tree, trigger))
        out += distributed(tree, people, candidate)
        if len({p.side or p.key for p in parties}) >= 2:
            last_parties = tuple(parties)
        if len({p.side or p.key for p in parties}) >= 3:
            wide = tuple(parties)
    return _visit_with_its_talks(out)


def _told_of_by_pronoun(document: Document, layer: SentenceLayers,
                        background: tuple[Evidence, ...]) -> Candidate | None:
    """"Она должна состояться 26 февраля": a pronoun subject of a verb of taking place, in a sentence with no
    meeting word, stands for a meeting told before; the sentence gives its date (a mention without parties)."""
    tree = layer.tree
    if tree is None or not layer.dates:
        return None
    for verb in range(len(tree)):
        if tree.lemma(verb) not in HAPPENING_VERBS:
            continue
        clause = tree.head(verb) if tree.rel(verb) == "xcomp" and tree.head(verb) != -1 else verb
        if not any(tree.rel(c).startswith("nsubj") and tree.lemma(c) in MEETING_PRONOUNS
                   for c in (*tree.children[verb], *tree.children[clause])):
            continue
        anchors = (verb,) if clause == verb else (verb, clause)
        told = Trigger(verb, tree.lemma(verb), "talks", True, anchors, anchors)
        reading = status_of(tree.tokens, verb, anchors)
        date, precision, default, date_end = _choose_date(tree, told, list(layer.dates), reading.status,
                                                          document.published, [], layer.sentence.text)
        if date is None or default:
            return None
        sentence = layer.sentence
        return Candidate(parties=(), place=None, place_entry=None, date=date, precision=precision,
                         status=reading.status, status_explicit=reading.explicit, date_end=date_end, kind="talks",
                         evidence=Evidence(sentence.start, sentence.stop, is_background(sentence.start, background)))
    return None


def _reports_the_above(layer: SentenceLayers) -> bool:
    """"Об этом сообщила пресс-служба": a short sentence that only says who told what came before (such
    sentences are often left unparsed, so its words are read); a pronoun after it still stands for the
    meeting before it."""
    words = [t.text.lower() for t in layer.sentence.tokens]
    return len(words) <= 12 and any(" ".join(pair) in BACK_REFERENCES for pair in zip(words, words[1:]))


def _denies_a_meeting(layer: SentenceLayers) -> bool:
    """"Любая встреча … исключена": the sentence's people are said not to meet."""
    tree = layer.tree
    return tree is not None and any(denied(tree.tokens, t.index, t.anchors)
                                    for t in find_triggers(tree, frozenset()))


def _one_side(candidate: Candidate) -> str | None:
    sides = {p.side or p.key for p in candidate.parties}
    return next(iter(sides)) if len(sides) == 1 else None


def _visit_with_its_talks(found: list[Candidate]) -> list[Candidate]:
    """"ожидание визита Уиткоффа для беседы с Путиным": a visit and the talks it is for, each told with
    one side, are one meeting of both."""
    lone = [c for c in found if _one_side(c) is not None]
    visits = [c for c in lone if c.kind == "visit"]
    talks = [c for c in lone if c.kind != "visit"]
    if len(visits) != 1 or len(talks) != 1 or _one_side(visits[0]) == _one_side(talks[0]) \
            or not statuses_agree(visits[0], talks[0]):
        return found
    joined = combine(talks[0], visits[0])
    return [joined if c is talks[0] else c for c in found if c is not visits[0]]












def _lead_stop(layers: Layers, published: dt.date | None) -> int:
    """Where the text's opening (its first LEAD_SENTENCES sentences) ends, when the text says its own day
    somewhere ("сегодня", the date of publication): then the meeting it opens with is that day's news."""
    if published is None:
        return 0
    today = published.isoformat()
    if not any(d.value == today and d.kind != "stamp" for layer in layers.sentences for d in layer.dates):
        return 0
    opening = [layer.sentence for layer in layers.sentences if layer.sentence.text.strip()][:LEAD_SENTENCES]
    return opening[-1].stop if opening else 0


def _two_sides(candidate: Candidate) -> bool:
    """Two parties that are not all one side's people (a side of unknown persons counts as its own)."""
    if len(candidate.parties) < 2:
        return False
    sides = [p.side or p.key for p in candidate.parties]
    return len(set(sides)) >= 2


def _finish(candidate: Candidate, members: dict[str, list[Party]], published: dt.date | None,
            lead_stop: int = 0, joined: dict[str, list[Party]] | None = None) -> Meeting | None:
    """``lead_stop``: where the opening of a text that speaks of its own day ends (0 when it does not);
    ``joined``: the people each side's delegation is said to have in it ("в состав делегации входили")."""
    person_sides = {p.side for p in candidate.parties if p.is_person and p.side}
    recalled = candidate.evidence.background or candidate.leaders
    parties: list[Party] = []
    for party in candidate.parties:
        if party.is_person:
            parties.append(party)
            delegation = (joined or {}).get(party.side or "", []) if not recalled else []
            if any(m.key == party.key for m in delegation):
                parties += delegation  # a delegation's member meets with the members the text names
        elif party.key not in person_sides:
            # a recalled meeting ("Напомним, предыдущий раунд …") may have had other people
            named = members.get(party.key) if not candidate.evidence.background and not candidate.leaders else None
            parties += named or [party]
    unique = {p.key: p for p in parties}
    parties = list(unique.values())
    if len(parties) < 2:
        return None
    actors = tuple(p.mention.actor if p.mention else Actor(p.key, p.name, "country", p.key) for p in parties)
    status = candidate.status
    if status == MeetingStatus.PLANNED and not candidate.status_explicit and candidate.date and published \
            and candidate.date < published.isoformat()[:len(candidate.date)]:
        status = MeetingStatus.HELD  # "перед встречей … 25 апреля": a caption of a meeting long past
    if status == MeetingStatus.HELD and candidate.date and published \
            and candidate.date > published.isoformat()[:len(candidate.date)]:
        status = MeetingStatus.PLANNED  # nothing dated after the article has happened yet
    date, precision, date_end = candidate.date, candidate.precision, candidate.date_end
    opening = candidate.headline or candidate.evidence.start < lead_stop
    if status == MeetingStatus.HELD and date is None and opening and published \
            and not candidate.evidence.background:
        date, precision = published.isoformat(), DatePrecision.DAY  # a headline's or lead's news is the day's news
    return Meeting(
        participants=actors,
        participant_names=tuple(p.name for p in parties),
        place=candidate.place,
        date=date,
        date_precision=precision,
        status=status,
        evidence=candidate.evidence,
        kind=candidate.kind,
        date_end=date_end if date_end and date and date_end > date else None,
    )


def _at_last_place(candidates: list[Candidate], layer: SentenceLayers) -> bool:
    """"В Абу-Даби также присутствует X": the sentence names the place of the meeting told just before."""
    told = [c for c in candidates if _two_sides(c)]
    if not told or told[-1].place is None:
        return False
    place = told[-1].place
    if layer.tree is not None:
        return any(p.name == place for p in layer.places)
    # an unparsed sentence: the place's name in a locative after "в" ("в Женеве" for "Женева")
    stem = place if len(place) <= 4 else place[:-1]
    return re.search(rf"(?<![\w-])[вВ]о?\s+{re.escape(stem)}", layer.sentence.text) is not None


def _join_last_meeting(candidates: list[Candidate], parties: list[Party]) -> bool:
    """The parties a follow-up sentence puts at the meeting told just before join that meeting; False when
    no meeting was told."""
    k = next((k for k in reversed(range(len(candidates))) if _two_sides(candidates[k])), None)
    if k is None:
        return False
    keys = {p.key for p in candidates[k].parties}
    extra = {p.key: p for p in parties if p.key not in keys}
    candidates[k] = replace(candidates[k], parties=candidates[k].parties + tuple(extra.values()))
    return True


def find_meetings(document: Document, analysis: Analysis, mentions: tuple[ActorMention, ...],
                  layers: Layers | None = None) -> tuple[Meeting, ...]:
    """The meetings the rules propose, as the trained decisions keep and correct them (``parley.learn``)."""
    return decide(document, analysis, meeting_candidates(document, analysis, mentions, layers))


def meeting_candidates(document: Document, analysis: Analysis, mentions: tuple[ActorMention, ...],
                       layers: Layers | None = None) -> list[tuple[Candidate, Meeting]]:
    """Every meeting the rules propose, each with the merged mention it was finished from; they read the
    annotated document's layers (built here from ``mentions`` when not given)."""
    if layers is None:
        from parley.extract.layers import annotate  # the layers module builds on this package's parts

        layers = annotate(document, analysis, mentions)
    persons = tuple(m for m in layers.actors if m.actor.kind == "person")
    background = layers.background
    sides_of = layers.person_sides
    names = _display_names(persons)
    named = persons
    unnamed = layers.offices
    taken = {m.start for m in persons}
    persons = tuple(sorted(persons + tuple(m for m in unnamed if m.start not in taken), key=lambda m: m.start))
    candidates: list[Candidate] = []
    proposals: list[Candidate] = []
    previous: Party | None = None
    last_parties: tuple[Party, ...] = ()
    wide: tuple[Party, ...] = ()
    last_place: Candidate | None = None
    starts = [m.start for m in persons]  # sorted: each sentence's people by bisection, not a scan of all
    told_just_before = False
    for layer in layers.sentences:
        sentence = layer.sentence
        inside = list(persons[bisect_left(starts, sentence.start):bisect_left(starts, sentence.stop)])
        found = _sentence_candidates(document, layer, inside, sides_of, names, background, previous,
                                     last_parties, wide, last_place)
        if not found and told_just_before and layer.tree is not None and not find_triggers(layer.tree):
            # the pronoun stands for the meeting of the sentence before, not for whatever was named since
            told = _told_of_by_pronoun(document, layer, background)
            if told is not None:
                found = [told]
        joining = [p for c in found if c.joins_last for p in c.parties]
        # those said to take part in "the meeting" are at the one told just before
        if any(c.joins_last for c in found) and _join_last_meeting(candidates, joining):
            # "…, они ранее участвовали в переговорах": the attendees' own part elsewhere is no meeting of theirs
            joined = {p.key for p in joining}
            found = [c for c in found if not c.joins_last
                     and not (c.attending and {p.key for p in c.parties} <= joined)]
        last_place = next((c for c in reversed(found) if c.place), last_place)
        meetings_found = [c for c in found if _two_sides(c)]
        if not meetings_found and inside and ATTENDANCE.search(sentence.text) and (
                MEETING_PRONOUN.search(sentence.text) or _at_last_place(candidates, layer)):
            present = [m for m in inside if m.start in taken]
            # "зять Дональда Трампа Джаред Кушнер": a name right before another one owns its role
            owners = {m.start for m, after in zip(present, present[1:])
                      if not document.text[m.stop:after.start].strip()}
            _join_last_meeting(candidates, [_party(m, sides_of, names) for m in present if m.start not in owners])
        candidates += found
        told_just_before = bool(found) or (told_just_before and _reports_the_above(layer))
        if not meetings_found and not _denies_a_meeting(layer):
            proposal = cooccurrence(layer, [_party(m, sides_of, names) for m in inside], background,
                                    document.published, sentence.start < headline_stop(document.text))
            if proposal is not None:
                proposals.append(proposal)
        if meetings_found:
            last_parties = meetings_found[-1].parties
        wide = next((c.parties for c in reversed(meetings_found) if len({p.side or p.key for p in c.parties}) >= 3),
                    wide)
        subject = _subject(layer.tree, inside)
        if subject is not None:
            previous = _party(subject, sides_of, names)
    groups = merge([c for c in candidates if _two_sides(c)])
    groups, alone = attach_delegations(groups, [c for c in candidates if len(c.parties) >= 2 and not _two_sides(c)])
    for candidate in merge([c for c in alone if sum(p.is_person for p in c.parties) >= 2]):
        # one side's people in a meeting told elsewhere ("после переговоров Уиткоффа и Кушнера в Кремле")
        fits = [k for k, g in enumerate(groups) if same_meeting(g, candidate)] or [
            k for k, g in enumerate(groups) if shares_a_person(g, candidate)]
        if fits:
            groups[fits[0]] = combine(groups[fits[0]], candidate)
        elif candidate.attending and len(candidate_sides(candidate)) == 1:
            # "С российской стороны в беседе участвовали X и Y": one side's people at a meeting, never a meeting
            # of their own; they join the last meeting told before with that side, if any
            side = next(iter(candidate_sides(candidate)))
            before = [k for k, g in enumerate(groups) if side is not None and side in candidate_sides(g)
                      and g.evidence.start <= candidate.evidence.start]
            if before:
                k = max(before, key=lambda j: groups[j].evidence.start)
                groups[k] = combine(groups[k], candidate)
        else:
            groups.append(candidate)
    groups = fill_from_orphans(groups, [c for c in candidates if len(c.parties) < 2])
    groups = join_counterparts(groups)  # a place filled in may show an unnamed side is someone named
    groups = place_of_the_day_before(groups)
    told = [expanded(g.parties) for g in groups]
    groups += [c for c in merge(proposals) if not any(expanded(c.parties) <= keys for keys in told)]
    members = {side: [_party(m, sides_of, names) for m in found]
               for side, found in delegation_members(analysis, named, sides_of).items()}
    joined = {side: [_party(m, sides_of, names) for m in found]
              for side, found in delegation_members(analysis, named, sides_of, JOINING).items()}
    proposed = []
    lead_stop = _lead_stop(layers, document.published)
    for candidate in sorted(groups, key=lambda c: c.evidence.start):
        meeting = _finish(candidate, members, document.published, lead_stop, joined)
        if meeting is not None:
            proposed.append((candidate, meeting))
    return proposed
