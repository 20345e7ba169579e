"""Whether a meeting happened, is planned, was called off, or is doubted.

Entry point: ``status_of(tokens, trigger, anchors)`` → :class:`StatusReading`: the
status and whether the words said it (``explicit``) or it is only the default.
It is read from the trigger's own words and the clause above it, in this order:
- doubt ("якобы", "фейк", "приписываемый") → unknown;
- called off ("отменили", "несостоявшаяся", "так и не состоялась", "отказалась от встреч") → cancelled;
- ahead ("предстоящая", "до/перед/накануне встречи", a future or perfective-present
  verb "состоится", "примет", modal and plan words "намерены", "может",
  "запланирована", "ожидается", "договорились встретиться") → planned;
- anything else → held (explicit when a past or present verb governs the meeting word).
"Перед переговорами" under a past verb ("пошутил перед переговорами") is a weak held.
"""
from __future__ import annotations

from dataclasses import dataclass

from parley.extract.lexicon import (
    BEFORE_PREPOSITIONS, CANCELLED_LEMMAS, DOUBT_LEMMAS, HELD_ADJECTIVES, PLANNED_LEMMAS, WEAK_HELD_ADJECTIVES,
)
from parley.records import MeetingStatus, Token
from parley.lang import lexicon

RU = lexicon("ru")

PLANNED_ADJECTIVES = RU.words("status", "planned_adjectives")
# Verbs whose tense is the meeting's own when the meeting word is their subject.
TENSE_CARRIERS = RU.words("status", "tense_carriers")
NOT_PLANNED_VERBS = RU.words("status", "not_planned_verbs")
# Moved to another day: the meeting is still expected.
POSTPONED = RU.words("status", "postponed")
# Journeys whose purpose ("на встречу") is a meeting still to come.
TRAVEL_VERBS = RU.words("status", "travel_verbs")
# Nouns of a meeting's timing, said of what is still to come: "сроки визита", "дата встречи".
SCHEDULE_NOUNS = RU.words("status", "schedule_nouns")
# "делегации ожидали начала встречи": waiting, told in the past, does not make the meeting future.
WAITING_VERBS = RU.words("status", "waiting_verbs")
# Nouns through which a meeting only frames the clause: "в ходе переговоров", "по итогам встречи".
FRAME_NOUNS = RU.words("status", "frame_nouns")


@dataclass(frozen=True, slots=True)
class StatusReading:
    status: MeetingStatus
    explicit: bool  # said by the words, not just the default


NEGATION = RU.words("grammar", "negation")
CONDITIONAL = RU.words("grammar", "conditional_particles")
COPULA = RU.words("grammar", "copula")
COPULA_FUTURE = RU.sequence("grammar", "copula_future_stems")
OWN_POSSESSIVES = RU.words("grammar", "own_possessives")
NEVER_PARTICLES = RU.words("status", "never_particles")
OCCURRENCE_VERBS = RU.words("status", "occurrence_verbs")
DUE_WORDS = RU.words("status", "due_words")
MODAL_VERBS = RU.words("status", "modal_verbs")
TOLD_AFTER_PREPOSITIONS = RU.words("status", "told_after_prepositions")
PRECEDED_PREPOSITIONS = RU.words("status", "preceded_prepositions")
BEFORE_NOUNS = RU.words("status", "before_nouns")
PURPOSE_PREPOSITIONS = RU.words("status", "purpose_prepositions")
DESTINATION_PREPOSITIONS = RU.words("status", "destination_prepositions")
FRAME_PREPOSITIONS = RU.words("status", "frame_prepositions")
NEW_ADJECTIVES = RU.words("status", "new_adjectives")
DOUBT_PARTICIPLES = RU.words("status", "doubt_participles")
PAST_EXPECTATION_WORDS = RU.words("status", "past_expectation_words")
POSSIBILITY_VERBS = RU.words("status", "possibility_verbs")
RULING_OUT_WORDS = RU.words("status", "ruling_out_words")
# Nouns between a meeting word and the verb that governs it: "допускает проведение встречи".
HOLDING_NOUNS = RU.tagged("meetings", "light_nouns", "holding")


def _say(status: MeetingStatus) -> StatusReading:
    return StatusReading(status, True)


def _lemma(token: Token) -> str:
    return token.lemma or token.text.lower()


# Perfective meeting verbs: a personal ending on them is the future, whatever the tagger says
# ("переговорит" is sometimes tagged as a past form).
PERFECTIVE_VERBS = RU.words("status", "perfective_meeting_verbs")
PERSONAL_ENDINGS = RU.sequence("grammar", "personal_verb_endings")


def _future(token: Token) -> bool:
    if token.lemma in PERFECTIVE_VERBS and token.text.lower().endswith(PERSONAL_ENDINGS):
        return True
    tense = token.feat("Tense")
    if tense == "Fut" or (token.lemma in COPULA and token.text.lower().startswith(COPULA_FUTURE)):
        return True
    return token.pos in ("VERB", "AUX") and tense == "Pres" and token.feat("Aspect") == "Perf" \
        and token.feat("VerbForm") == "Fin"


def _children(tokens: tuple[Token, ...], i: int) -> list[int]:
    return [j for j, t in enumerate(tokens) if t.head == i and j != i]


def _preposition_between(tokens: tuple[Token, ...], start: int, stop: int) -> bool:
    return any(tokens[k].pos == "ADP" for k in range(start + 1, stop))


def status_of(tokens: tuple[Token, ...], trigger: int, anchors: tuple[int, ...]) -> StatusReading:
    lemmas = [_lemma(t) for t in tokens]
    framed = any(tokens[c].pos == "ADP" for c in _children(tokens, trigger))  # "на встрече": its verb is another claim
    doubted = {trigger} if framed else set(anchors)
    for i, lemma in enumerate(lemmas):
        # doubt about this meeting: the word sits in its clause or just before it ("якобы его беседы"),
        # not before a preposition that makes the meeting another claim's circumstance
        # ("якобы были согласованы на встрече": the doubt is about the agreement)
        if lemma in DOUBT_LEMMAS and (0 <= trigger - i <= 4 and not _preposition_between(tokens, i, trigger)
                                      or _within(tokens, i, doubted, 3)):
            return _say(MeetingStatus.UNKNOWN)
    if any(lemmas[c] in DOUBT_PARTICIPLES and tokens[c].feat("VerbForm") == "Part" for c in _children(tokens, trigger)):
        return _say(MeetingStatus.UNKNOWN)  # "предполагаемые встречи"
    scope = list(anchors)
    for a in anchors:
        scope += _children(tokens, a)
    window = range(max(0, trigger - 3), trigger)
    scope_lemmas = {lemmas[i] for i in scope}
    negated = any(lemmas[c] in NEGATION for a in anchors for c in _children(tokens, a)) or \
        any(lemmas[i] in NEGATION for i in window)
    near = {lemmas[i] for i in range(max(0, trigger - 5), trigger)}
    if scope_lemmas & CANCELLED_LEMMAS or near & CANCELLED_LEMMAS:  # "отказалась от двусторонних … встреч"
        return _say(MeetingStatus.CANCELLED)
    if negated and scope_lemmas & OCCURRENCE_VERBS and NEVER_PARTICLES & set(lemmas):
        return _say(MeetingStatus.CANCELLED)
    if any(lemmas[a] in DUE_WORDS and any(lemmas[c] in COPULA and tokens[c].feat("Tense") == "Past"
                                          for c in _children(tokens, a)) for a in anchors):
        return _say(MeetingStatus.CANCELLED)  # "должна была состояться": it was due and did not take place
    trigger_children = _children(tokens, trigger)
    head = tokens[trigger].head
    if _expected_in_the_past(tokens, lemmas, trigger, anchors):
        return _say(MeetingStatus.CANCELLED)
    if scope_lemmas & POSTPONED or near & POSTPONED:
        return _say(MeetingStatus.PLANNED)  # "встречу перенесли", "перенос встречи": still expected
    if 0 <= head < len(tokens) and lemmas[head] in SCHEDULE_NOUNS:
        return _say(MeetingStatus.PLANNED)  # "назвал сроки визита", "дата встречи"
    # the meeting's own prepositions and the words just before it: "до встречи", "в преддверии встречи"
    own = {lemmas[c] for c in trigger_children if tokens[c].rel in ("case", "amod", "det", "acl")} \
        | {lemmas[i] for i in window} | ({lemmas[head]} if 0 <= head < len(tokens) else set())
    past_verb = any(tokens[a].pos in ("VERB", "AUX") and tokens[a].feat("Tense") == "Past" for a in anchors)
    possessed = any(lemmas[c] in OWN_POSSESSIVES for c in trigger_children)
    if own & TOLD_AFTER_PREPOSITIONS and past_verb and not possessed:
        # "пошутил перед переговорами": told afterwards; but "до своей встречи" is the speaker's next one
        return StatusReading(MeetingStatus.HELD, False)
    if PRECEDED_PREPOSITIONS & {lemmas[c] for c in trigger_children if tokens[c].rel == "case"}:
        # "встретятся после переговоров в Кремле": those talks come first, most likely already held
        return StatusReading(MeetingStatus.HELD, False)
    if own & BEFORE_PREPOSITIONS or own & BEFORE_NOUNS:
        # "перед встречей" in a caption without a verb: ahead of the photo, not necessarily of the article
        has_verb = any(tokens[a].pos in ("VERB", "AUX") for a in anchors)
        return StatusReading(MeetingStatus.PLANNED, has_verb)
    if _case(tokens, trigger) in PURPOSE_PREPOSITIONS or (len(anchors) > 1 and _case(tokens, anchors[1]) in PURPOSE_PREPOSITIONS):
        # "прибыла для переговоров": ahead of the arrival, but maybe under way by the time of writing
        return StatusReading(MeetingStatus.PLANNED, False)
    if _case(tokens, trigger) in DESTINATION_PREPOSITIONS and 0 <= head < len(tokens) and lemmas[head] in TRAVEL_VERBS \
            and tokens[trigger].feat("Case") == "Acc":
        # "вылетели в Эр-Рияд на встречу": the journey is told, the meeting is its purpose, still ahead
        return StatusReading(MeetingStatus.PLANNED, False)
    if own & (PLANNED_ADJECTIVES - NEW_ADJECTIVES):
        return _say(MeetingStatus.PLANNED)
    if _admitted(tokens, lemmas, trigger):
        return _say(MeetingStatus.PLANNED)
    modifiers = {lemmas[c] for c in trigger_children if tokens[c].rel in ("amod", "acl")
                 and tokens[c].feat("Tense") != "Fut"}
    if modifiers & HELD_ADJECTIVES:  # "состоявшиеся переговоры", "прошедшая встреча"
        return _say(MeetingStatus.HELD)
    weak = False
    for position, a in enumerate(anchors):
        token = tokens[a]
        below = anchors[position - 1] if position else None
        # "переговоры будут способствовать миру": the meeting is the subject of an ordinary verb,
        # whose tense tells nothing about when the meeting is.
        if below is not None and tokens[below].rel.startswith("nsubj") and lemmas[a] not in TENSE_CARRIERS:
            weak = True
            continue
        # "в ходе переговоров договорились об обмене": the meeting frames what was agreed; it took place.
        # "надеется на встречу": a goal in the accusative is ahead of the verb, not its frame
        framed = below is not None and (lemmas[below] in FRAME_NOUNS or _case(tokens, below) in FRAME_PREPOSITIONS
                                        and tokens[below].feat("Case") != "Acc")
        if _future(token):
            return _say(MeetingStatus.PLANNED)
        if lemmas[a] in PLANNED_LEMMAS and lemmas[a] not in NOT_PLANNED_VERBS and not framed \
                and not (lemmas[a] in WAITING_VERBS and token.feat("Tense") == "Past"):
            return _say(MeetingStatus.PLANNED)
        if lemmas[a] in MODAL_VERBS or (token.feat("VerbForm") == "Inf" and a == trigger):
            return _say(MeetingStatus.PLANNED)
        for c in _children(tokens, a):
            if lemmas[c] in COPULA and _future(tokens[c]) and not framed:
                return _say(MeetingStatus.PLANNED)
            if lemmas[c] in CONDITIONAL:
                return _say(MeetingStatus.PLANNED)
            if lemmas[c] in PLANNED_LEMMAS and tokens[c].rel in ("aux", "aux:pass", "xcomp", "amod", "acl"):
                return _say(MeetingStatus.PLANNED)
    if own & NEW_ADJECTIVES and not any(tokens[a].feat("Tense") == "Past" or tokens[a].feat("Tense") == "Pres"
                                  and not _future(tokens[a]) for a in anchors):
        # "проведут новую встречу", not "проводит новую встречу" (going on now)
        return _say(MeetingStatus.PLANNED)
    governed = any(tokens[a].pos in ("VERB", "AUX") and tokens[a].feat("Tense") in ("Past", "Pres") for a in anchors)
    return StatusReading(MeetingStatus.HELD, governed and not weak or bool(modifiers & WEAK_HELD_ADJECTIVES))


def _admitted(tokens: tuple[Token, ...], lemmas: list[str], trigger: int) -> bool:
    """"допускает встречу", "не исключил проведения переговоров": the meeting is admitted as possible, so
    still ahead (the verb may be one of saying, which is no anchor of the meeting)."""
    below, verb = trigger, tokens[trigger].head
    if 0 <= verb < len(tokens) and lemmas[verb] in HOLDING_NOUNS and tokens[trigger].rel == "nmod":
        below, verb = verb, tokens[verb].head
    # what is admitted is the verb's object ("допустил встречу"), not its setting ("допустил ошибку на встрече")
    if not 0 <= verb < len(tokens) or tokens[verb].pos != "VERB" \
            or tokens[below].rel not in ("obj", "nsubj", "nsubj:pass"):
        return False
    if lemmas[verb] in POSSIBILITY_VERBS:
        return True
    return lemmas[verb] in RULING_OUT_WORDS and any(lemmas[c] in NEGATION for c in _children(tokens, verb))


def _past_expectation(token: Token, lemma: str) -> bool:
    return lemma in PAST_EXPECTATION_WORDS and token.feat("Tense") == "Past"


def _expected_in_the_past(tokens: tuple[Token, ...], lemmas: list[str], trigger: int,
                          anchors: tuple[int, ...]) -> bool:
    """"Ожидалось, что Ермак … проведет переговоры": a plan told in the past tense is one that did not come
    about (a meeting that only frames the clause excepted: "ожидалось, что в ходе встречи обсудят …")."""
    if len(anchors) < 2 or lemmas[anchors[1]] in FRAME_NOUNS or _case(tokens, trigger) in FRAME_PREPOSITIONS:
        return False
    return any(tokens[a].rel in ("ccomp", "csubj") and 0 <= tokens[a].head < len(tokens)
               and _past_expectation(tokens[tokens[a].head], lemmas[tokens[a].head]) for a in anchors[1:])


def _within(tokens: tuple[Token, ...], i: int, targets: set[int], hops: int) -> bool:
    cur = i
    for _ in range(hops + 1):
        if cur in targets:
            return True
        cur = tokens[cur].head
        if not 0 <= cur < len(tokens):
            return False
    return False


def _case(tokens: tuple[Token, ...], i: int) -> str | None:
    """The preposition of token ``i``: its case child nearest before it."""
    found = None
    for j, t in enumerate(tokens[:i]):
        if t.head == i and t.rel == "case":
            found = _lemma(t)
    return found


DENYING_DETERMINERS = RU.words("status", "denying_determiners")
ANY_DETERMINERS = RU.words("status", "any_determiners")
PLANNING_VERBS = RU.words("status", "planning_verbs")


def denied(tokens: tuple[Token, ...], trigger: int, anchors: tuple[int, ...]) -> bool:
    """No meeting is told, only denied: "никаких переговоров не ведется", "любая встреча исключена",
    "встреча не планируется" (while "не исключил встречу" keeps one possible)."""
    lemmas = [_lemma(t) for t in tokens]
    determiners = {lemmas[c] for c in _children(tokens, trigger) if tokens[c].rel in ("det", "amod")}
    if determiners & DENYING_DETERMINERS:
        return True
    above = [a for a in anchors if a != trigger]
    negated = {a for a in above if any(lemmas[c] in NEGATION for c in _children(tokens, a))}
    if determiners & ANY_DETERMINERS and any(lemmas[a] in RULING_OUT_WORDS and a not in negated for a in above):
        return True
    subject = tokens[trigger].rel.startswith("nsubj") and tokens[trigger].head in negated
    return subject and lemmas[tokens[trigger].head] in PLANNING_VERBS or _negated_plan_after(tokens, lemmas, trigger)


def _negated_plan_after(tokens: tuple[Token, ...], lemmas: list[str], trigger: int) -> bool:
    """"встреча президентов Франции и Турции сейчас не планируется", whatever verb the parser hangs the
    meeting on: the first verb after a meeting word in the nominative, no comma between, is its own."""
    if tokens[trigger].feat("Case") != "Nom":
        return False
    for k in range(trigger + 1, len(tokens)):
        if tokens[k].pos in ("VERB", "AUX"):
            return lemmas[k] in PLANNING_VERBS and lemmas[k - 1] in NEGATION
        if tokens[k].pos == "PUNCT":
            return False
    return False
