"""Whether a meeting happened, is planned, was called off, or is doubted.

Entry point: ``status_of(tokens, trigger, anchors)`` → :class:`MeetingStatus`,
read from the trigger's own words and the clause above it, in this order:
- doubt ("якобы", "фейк", "приписываемый") → unknown;
- called off ("отменили", "несостоявшаяся", "так и не состоялась", "отказалась от встреч") → cancelled;
- ahead ("предстоящая", "до/перед/накануне встречи", a future or perfective-present
  verb "состоится", "примет", modal and plan words "намерены", "может",
  "запланирована", "ожидается", "договорились встретиться") → planned;
- anything else → held.
"""
from __future__ import annotations

from parley.extract.lexicon import (
    BEFORE_PREPOSITIONS, CANCELLED_LEMMAS, DOUBT_LEMMAS, HELD_ADJECTIVES, PLANNED_LEMMAS,
)
from parley.records import MeetingStatus, Token

PLANNED_ADJECTIVES = {"предстоящий", "будущий", "следующий", "возможный", "потенциальный", "назначенный",
                      "запланированный", "грядущий", "новый", "ближайший", "вероятный"}
NOT_PLANNED_VERBS = {"мочь"}  # "могут" alone is weak; it counts only with an infinitive under it


def _lemma(token: Token) -> str:
    return token.lemma or token.text.lower()


def _future(token: Token) -> bool:
    tense = token.feat("Tense")
    if tense == "Fut":
        return True
    return token.pos in ("VERB", "AUX") and tense == "Pres" and token.feat("Aspect") == "Perf" \
        and token.feat("VerbForm") == "Fin"


def _children(tokens: tuple[Token, ...], i: int) -> list[int]:
    return [j for j, t in enumerate(tokens) if t.head == i and j != i]


def status_of(tokens: tuple[Token, ...], trigger: int, anchors: tuple[int, ...]) -> MeetingStatus:
    lemmas = [_lemma(t) for t in tokens]
    if any(lemma in DOUBT_LEMMAS for lemma in lemmas):
        return MeetingStatus.UNKNOWN
    scope = list(anchors)
    for a in anchors:
        scope += _children(tokens, a)
    window = range(max(0, trigger - 3), trigger)
    scope_lemmas = {lemmas[i] for i in scope}
    negated = any(lemmas[c] == "не" for a in anchors for c in _children(tokens, a)) or \
        any(lemmas[i] == "не" for i in window)
    if scope_lemmas & CANCELLED_LEMMAS:
        return MeetingStatus.CANCELLED
    if negated and scope_lemmas & {"состояться", "пройти", "встретиться", "провести"} and "так" in lemmas:
        return MeetingStatus.CANCELLED
    trigger_children = _children(tokens, trigger)
    own = {lemmas[c] for c in trigger_children} | {lemmas[i] for i in window}
    if own & BEFORE_PREPOSITIONS or "преддверие" in own:
        return MeetingStatus.PLANNED
    if own & (PLANNED_ADJECTIVES - {"новый"}):
        return MeetingStatus.PLANNED
    if own & HELD_ADJECTIVES:
        return MeetingStatus.HELD
    for a in anchors:
        token = tokens[a]
        if _future(token):
            return MeetingStatus.PLANNED
        if lemmas[a] in PLANNED_LEMMAS and lemmas[a] not in NOT_PLANNED_VERBS:
            return MeetingStatus.PLANNED
        if lemmas[a] == "мочь" or (token.feat("VerbForm") == "Inf" and a == trigger):
            return MeetingStatus.PLANNED
        for c in _children(tokens, a):
            if lemmas[c] in ("быть", "будет") and _future(tokens[c]):
                return MeetingStatus.PLANNED
            if lemmas[c] == "бы":
                return MeetingStatus.PLANNED
            if lemmas[c] in PLANNED_LEMMAS and tokens[c].rel in ("aux", "aux:pass", "xcomp", "amod", "acl"):
                return MeetingStatus.PLANNED
    if "новый" in own and not any(tokens[a].feat("Tense") == "Past" for a in anchors):
        return MeetingStatus.PLANNED
    return MeetingStatus.HELD
