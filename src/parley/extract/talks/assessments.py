"""How each side judged a meeting: tone cues, who said them, and which meeting they judge.

Entry points: ``judgements(view, words)`` → the :class:`Judgement` of each
sentence that carries tone words, with everyone who may have said them;
``assessment_candidates(view, words)`` → one :class:`AssessmentCandidate` per
(meeting, judgement, judge) worth asking about, with its features;
``choose_assessments(candidates, model, count)`` → each meeting's assessments.

The tone is read by rules from ``lang/<lang>/tone.json``: a positive cue under
a negation turns negative ("не дали результатов"); positive and negative cues
together make a mixed judgement ("трудные, но продуктивные"); a hope is no
judgement ("рассчитываем на результат"). A judgement needs a judge: the
speaker of the quote it is in, a side's unnamed voice ("в Кремле заявили"),
"обе стороны", a person named in the sentence, or the person just named when
the sentence only says "он заявил". The outlet's own words have none and give
no candidate. Which judge and which meeting is the trained model's decision.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parley.resolve import role_holder
from parley.resolve.sides import SIDE_DISPLAY
from parley.extract.talks.model import LinearModel
from parley.extract.talks.view import DocumentView, Features, bucket
from parley.extract.talks.words import WORDS, CueMatch, TalksWords
from parley.records import Actor, ActorMention, Assessment, Evidence, Tone

MAX_DISTANCE = 3  # sentences between a judgement and a meeting's evidence beyond which it is not asked about
NEGATION_REACH = 3  # words before a cue that a negation may stand in
BOTH = "*sides*"


@dataclass(frozen=True, slots=True)
class Judge:
    actor: Actor | None  # None for "обе стороны": the sides of the meeting judged
    name: str
    how: str  # quote | side_voice | sides | named | antecedent
    features: Features


@dataclass(frozen=True, slots=True)
class Judgement:
    sentence: int
    start: int
    stop: int
    tone: Tone
    cues: tuple[CueMatch, ...]
    judges: tuple[Judge, ...]
    features: Features


@dataclass(frozen=True, slots=True)
class AssessmentCandidate:
    meeting: int
    judgement: int  # index into the document's judgements
    judge: Actor
    judge_name: str
    tone: Tone
    start: int
    stop: int
    features: Features


def polar_cues(view: DocumentView, words: TalksWords, start: int, stop: int) -> list[tuple[CueMatch, str]]:
    """The tone cues between two offsets with the way each leans after negation: positive or negative."""
    out = []
    for cue in words.tone.finditer(view.folded, start, stop):
        negated = words.negates(view.folded[start:cue.start], NEGATION_REACH)
        if cue.label == "positive":
            out.append((cue, "negative" if negated else "positive"))
        elif cue.label == "negative" and not negated:
            out.append((cue, "negative"))
        elif cue.label == "negated_positive" and negated:
            out.append((cue, "negative"))
    return out


def _beside_meeting_word(view: DocumentView, words: TalksWords, cue: CueMatch, start: int, stop: int,
                         reach: int = 3) -> bool:
    """Whether a meeting word stands within ``reach`` words of the cue ("встречу назвали полезной",
    "продуктивные переговоры"): the cue then judges a meeting, not a topic or a mood ("сложных тем")."""
    before = list(WORDS.finditer(view.folded, start, cue.start))[-reach:]
    after = list(WORDS.finditer(view.folded, _word_end(view.folded, cue.stop), stop))[:reach]
    return any(words.meeting_words.match(view.folded, m.start()) for m in before + after)


def _judging_cues(view: DocumentView, words: TalksWords, start: int, stop: int,
                  cues: list[tuple[CueMatch, str]]) -> list[tuple[CueMatch, str]]:
    """The cues without a word of difficulty that stands neither beside a meeting word nor against a
    positive cue: "сложная тема" judges a topic, "трудные переговоры" and "тяжелые, но деловые" a meeting
    (a lone "она была трудной" is given up with the topics: it is rarely said of a meeting)."""
    if words.difficulty is None or any(lean == "positive" for _, lean in cues):
        return cues
    return [(cue, lean) for cue, lean in cues if not words.difficulty.match(view.folded, cue.start)
            or _beside_meeting_word(view, words, cue, start, stop)]


def _construction(view: DocumentView, words: TalksWords, start: int, stop: int, cues: list[CueMatch]) -> Features:
    """How the tone words stand in their sentence: after a verb of judging ("назвал встречу полезной"), after
    a verb that predicates them of an event ("переговоры прошли конструктивно"), how many words from a
    meeting word."""
    folded = view.folded
    tokens = list(WORDS.finditer(folded, start, stop))
    at_cue = [next((n for n, m in enumerate(tokens) if m.end() > cue.start), len(tokens)) for cue in cues]
    meeting_at = [n for n, m in enumerate(tokens) if words.meeting_words.match(folded, m.start())]
    gap = min((abs(a - b) for a in at_cue for b in meeting_at), default=None)
    f: Features = {f"meeting_word_gap={'none' if gap is None else bucket(gap, (1, 3, 8))}": 1.0}
    if words.judging_verbs is not None:
        f["judging_verb"] = float(bool(words.judging_verbs.search(folded, start, stop)))
        f["judging_verb_before_cue"] = float(bool(words.judging_verbs.search(folded, start, cues[0].start)))
    if words.event_predicates is not None:
        f["predicated"] = float(any(_predicated(view, words, cue, start) for cue in cues))
    return f


def _predicated(view: DocumentView, words: TalksWords, cue: CueMatch, start: int, reach: int = 2) -> bool:
    """Whether a verb predicating the cue of an event stands in the ``reach`` words before it ("прошли
    конструктивно", "она была трудной")."""
    before = list(WORDS.finditer(view.folded, start, cue.start))[-reach:]
    return words.event_predicates is not None and any(words.event_predicates.match(view.folded, m.start())
                                                       for m in before)


def _tone(leanings: set[str]) -> Tone:
    if leanings == {"positive"}:
        return Tone.POSITIVE
    if leanings == {"negative"}:
        return Tone.NEGATIVE
    return Tone.MIXED


def _word_end(text: str, at: int) -> int:
    while at < len(text) and (text[at].isalnum() or text[at] == "-"):
        at += 1
    return at


def _fullest_names(view: DocumentView) -> dict[str, str]:
    names: dict[str, str] = {}
    for m in view.mentions:
        if len(m.name) > len(names.get(m.actor.id, "")):
            names[m.actor.id] = m.name
    return names


def _judges(view: DocumentView, words: TalksWords, sentence: int, at: int, names: dict[str, str],
            day: dt.date | None = None) -> list[Judge]:
    s = view.sentences[sentence]
    folded = view.folded
    speech = [m.start() for m in words.speech.finditer(folded, s.start, s.stop)]
    judges: list[Judge] = []
    quote = view.quote_at(at)
    if quote is not None:
        judges.append(Judge(quote.speaker, names.get(quote.speaker.id, quote.speaker_name), "quote", {}))
    for voice in words.side_voices.finditer(folded, s.start, s.stop):
        side = voice.label
        near = min((abs(x - voice.start) for x in speech), default=999)
        judges.append(Judge(Actor(side, SIDE_DISPLAY.get(side, side), "country", side), SIDE_DISPLAY.get(side, side),
                            "side_voice", {"voice_near_speech": float(near <= 40)}))
    persons = [m for m in view.mentions_in[sentence] if m.actor.kind == "person"
               and not (quote is not None and quote.start <= m.start < quote.stop)]
    if speech and words.both_sides.search(folded, s.start, s.stop):
        judges.append(Judge(None, BOTH, "sides", {}))
    seen: set[str] = set()
    for m in persons:
        if m.actor.id in seen:
            continue
        seen.add(m.actor.id)
        near = min((abs(x - m.start) for x in speech), default=999)
        lead = folded[max(s.start, m.start - 14):m.start]
        nominative = _nominative(m)
        judges.append(Judge(m.actor, names.get(m.actor.id, m.name), "named", {
            f"speech_gap={bucket(near, (15, 40, 90))}": 1.0,
            "nominative": float(nominative),
            "by_words": float(bool(words.by_words.search(lead))),
            "named_before_cue": float(m.start < at),
            "says_before_cue": float(any(m.start < x < at for x in speech)),
            f"persons={bucket(len(persons), (1, 2))}": 1.0,
        }))
    if speech and words.ministry_voices is not None:
        for voice in words.ministry_voices.finditer(folded, s.start, s.stop):
            if quote is None or not (quote.start <= voice.start() < quote.stop):
                for rank, side in enumerate(_sides_near(view, sentence, voice.start())):
                    judges.append(Judge(Actor(side, SIDE_DISPLAY.get(side, side), "country", side),
                                        SIDE_DISPLAY.get(side, side), "ministry", {f"ministry_rank={rank}": 1.0}))
                break
    if speech and not persons and words.office_voices is not None:
        for voice in words.office_voices.finditer(folded, s.start, s.stop):
            holder = _holder(view, voice.label, day)
            if holder is not None and (quote is None or not (quote.start <= voice.start < quote.stop)):
                judges.append(Judge(holder, names.get(holder.id, holder.name), "office",
                                    {"office_before_cue": float(voice.start < at)}))
    voiced = any(j.how in ("office", "ministry") for j in judges)  # the sentence names who speaks: no "он" to resolve
    introduced = _introduced(view, words, sentence)  # "Ушаков написал:" before: these are his words
    if (speech or introduced) and not persons and not voiced and (quote is None or introduced
                                                                 or words.pronouns.search(folded, s.start, s.stop)):
        earlier = _antecedent(view, sentence)
        if earlier is not None:
            judges.append(Judge(earlier, names.get(earlier.id, earlier.name), "antecedent",
                                {"pronoun": float(bool(words.pronouns.search(folded, s.start, s.stop)))}))
    judges.extend(_source_after(view, words, sentence, names, {j.actor.id for j in judges if j.actor is not None}))
    return judges


def _introduced(view: DocumentView, words: TalksWords, sentence: int) -> bool:
    """Whether the sentence before ends in a colon after a word of saying ("Ушаков написал:"): this one then
    gives the words of whoever that sentence says spoke."""
    if sentence == 0:
        return False
    before = view.sentences[sentence - 1]
    return view.folded[before.start:before.stop].rstrip().endswith(":") and bool(
        words.speech.search(view.folded, before.start, before.stop))


def _source_after(view: DocumentView, words: TalksWords, sentence: int, names: dict[str, str],
                  known: set[str]) -> list[Judge]:
    """Who the next sentence names as the source of this one ("Беседа вышла полезной. Об этом вечером сказал
    Ушаков"): the first person named there, when it opens with words pointing back and says who spoke."""
    if words.source_after is None or sentence + 1 >= len(view.sentences):
        return []
    s = view.sentences[sentence + 1]
    opening = s.start + len(view.folded[s.start:s.stop]) - len(view.folded[s.start:s.stop].lstrip())
    if not words.source_after.match(view.folded, opening) or not words.speech.search(view.folded, s.start, s.stop):
        return []
    persons = [m for m in view.mentions_in[sentence + 1] if m.actor.kind == "person" and view.quote_at(m.start) is None]
    if not persons or persons[0].actor.id in known:
        return []
    actor = persons[0].actor
    return [Judge(actor, names.get(actor.id, persons[0].name), "source_after", {})]


def _sides_near(view: DocumentView, sentence: int, at: int, most: int = 3) -> list[str]:
    """The sides a ministry without a country may belong to: those named outside quotes in its sentence
    (nearest first), then in the two sentences before (latest first)."""
    ordered: list[str] = []
    for k in range(sentence, max(-1, sentence - 3), -1):
        named = [m for m in view.mentions_in[k] if view.quote_at(m.start) is None and (m.actor.country or
                                                                                    m.actor.kind == "country")]
        named.sort(key=lambda m: abs(m.start - at) if k == sentence else -m.start)
        for m in named:
            side = m.actor.country or m.actor.id
            if side not in ordered:
                ordered.append(side)
    return ordered[:most]


def _holder(view: DocumentView, label: str, day: dt.date | None = None) -> Actor | None:
    """The person an office of a side stands for ("head_of_state:USA"): who held it on the day in the
    knowledge base; else, or for a side alone ("USA"), that side's person who takes part in the article's
    meetings and is named most often (else that side's person named most often)."""
    office, _, side = label.rpartition(":")
    held = role_holder(office, side, day) if office else None
    if held is not None:
        return held
    counts: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    for m in view.mentions:
        if m.actor.kind == "person" and m.actor.country == side:
            counts[m.actor.id] = counts.get(m.actor.id, 0) + 1
            actors[m.actor.id] = m.actor
    if not counts:
        return None
    taking_part = set().union(*view.meeting_ids) if view.meeting_ids else set()
    best = max(counts, key=lambda a: (a in taking_part, counts[a]))
    return actors[best]


def _nominative(mention: ActorMention) -> bool:
    return mention.text.split()[-1].lower() == mention.name.split()[-1].lower()


def _antecedent(view: DocumentView, sentence: int) -> Actor | None:
    """Who "он" or "по его словам" stands for: the speaker of the last quote in the sentences just before,
    or else the first person named there in the nominative, or else the last person named there."""
    fallback: Actor | None = None
    for k in range(sentence - 1, max(-1, sentence - 4), -1):
        s = view.sentences[k]
        spoken = [q for q in view.quotes if s.start <= q.start < s.stop]
        if spoken:
            return spoken[-1].speaker
        persons = [m for m in view.mentions_in[k] if m.actor.kind == "person"]
        subjects = [m for m in persons if _nominative(m)]
        if subjects:
            return subjects[0].actor
        if persons and fallback is None:
            fallback = persons[-1].actor
    return fallback


def judgements(view: DocumentView, words: TalksWords, day: dt.date | None = None) -> list[Judgement]:
    """The sentences with tone words and a judge; ``day`` (the article's) says who held an office then."""
    names = _fullest_names(view)
    out: list[Judgement] = []
    for index, s in enumerate(view.sentences):
        cues = _judging_cues(view, words, s.start, s.stop, polar_cues(view, words, s.start, s.stop))
        if not cues:
            continue
        leanings = {lean for _, lean in cues}
        first, last = cues[0][0], cues[-1][0]
        hope = bool(words.hope.search(view.folded, s.start, s.stop))
        tone = _tone(leanings)
        if hope and tone is Tone.POSITIVE:
            continue  # "надеемся на продуктивную встречу": a wish, not a judgement
        judges = _judges(view, words, index, first.start, names, day)
        if not judges:
            continue  # the outlet's own words
        f: Features = {f"tone={tone.value}": 1.0, f"cues={bucket(len(cues), (1, 2))}": 1.0,
                       "contrast": float(bool(words.contrast.search(view.folded, first.stop, last.start))
                                         if len(cues) > 1 else 0.0),
                       "hope": float(hope),
                       "question": float("?" in s.text or " ли " in view.folded[s.start:s.stop]),
                       "speech": float(bool(words.speech.search(view.folded, s.start, s.stop)))}
        if words.outcomes is not None:
            f["outcome_only"] = float(all(words.outcomes.match(view.folded, c.start) for c, _ in cues))
        f["cue_beside_meeting_word"] = float(any(_beside_meeting_word(view, words, cue, s.start, s.stop)
                                                 for cue, _ in cues))
        f.update(_construction(view, words, s.start, s.stop, [c for c, _ in cues]))
        out.append(Judgement(index, first.start, _word_end(view.text, last.stop), tone, tuple(c for c, _ in cues),
                             tuple(judges), f))
    return out


def assessment_candidates(view: DocumentView, words: TalksWords,
                          day: dt.date | None = None) -> tuple[list[Judgement], list[AssessmentCandidate]]:
    found = judgements(view, words, day) if view.meetings else []
    out: list[AssessmentCandidate] = []
    named_ids = [{m.actor.id for m in mentions} for mentions in view.mentions_in]
    for n, j in enumerate(found):
        for meeting in range(len(view.meetings)):
            if abs(view.distance(meeting, j.sentence)) > MAX_DISTANCE:
                continue
            link = view.link_features(meeting, j.sentence, j.start)
            for order, judge in enumerate(j.judges):
                actors = [judge.actor] if judge.actor is not None else [
                    a if a.kind == "country" else Actor(side, SIDE_DISPLAY.get(side, side), "country", side)
                    for a in view.meetings[meeting].participants for side in [a.country or a.id]]
                seen: set[str] = set()
                for actor in actors:
                    if actor.id in seen:
                        continue
                    seen.add(actor.id)
                    f = {k: v for k, v in link.items() if not k.startswith("evidence_dist=")}  # dist says it
                    f.update(j.features)
                    f.update(judge.features)
                    f[f"how={judge.how}"] = 1.0
                    f["judge_takes_part"] = float(actor.id in view.meeting_ids[meeting])
                    f["judge_side_takes_part"] = float((actor.country or actor.id) in view.meeting_sides[meeting])
                    f[f"judge_kind={actor.kind}"] = 1.0
                    f["first_judge"] = float(order == 0)
                    partner = bool(named_ids[j.sentence] & (view.meeting_ids[meeting] - {actor.id}))
                    f["partner_named"] = float(partner)  # "встреча с Путиным прошла хорошо": which meeting is judged
                    f["partner_named&meeting_word_near"] = float(partner and link["meeting_word_near"] > 0)
                    name = judge.name if judge.actor is not None else SIDE_DISPLAY.get(actor.id, actor.id)
                    out.append(AssessmentCandidate(meeting, n, actor, name, j.tone, j.start, j.stop, f))
    return found, out


def choose_assessments(candidates: list[AssessmentCandidate], model: LinearModel,
                       count: int) -> list[tuple[Assessment, ...]]:
    """Each judgement goes to the meeting and judge the model finds likeliest, when it is sure enough;
    one assessment per judge and meeting, the surest."""
    scored = [(model.probability(c.features), c) for c in candidates]
    best_link: dict[int, float] = {}
    for p, c in scored:
        best_link[c.judgement] = max(best_link.get(c.judgement, 0.0), p)
    kept: dict[tuple[int, str], tuple[float, AssessmentCandidate]] = {}
    tones: dict[tuple[int, str], set[Tone]] = {}
    for p, c in scored:
        if p < model.threshold or p < best_link[c.judgement] - 1e-9 and c.features.get("how=sides", 0.0) == 0.0:
            continue
        key = (c.meeting, c.judge.id)
        tones.setdefault(key, set()).add(c.tone)
        if key not in kept or p > kept[key][0]:
            kept[key] = (p, c)
    chosen: list[list[Assessment]] = [[] for _ in range(count)]
    for (meeting, judge), (_, c) in sorted(kept.items(), key=lambda kv: (kv[0][0], kv[1][1].start, kv[0][1])):
        tone = Tone.MIXED if len(tones[meeting, judge]) > 1 else c.tone  # praised once, faulted once: mixed
        chosen[meeting].append(Assessment(c.judge, c.judge_name, tone, Evidence(c.start, c.stop)))
    return [tuple(a) for a in chosen]
