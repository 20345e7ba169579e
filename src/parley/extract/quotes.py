"""Direct quotes and their speakers.

Entry point: ``find_quotes(document, analysis, mentions)``.

Quoted spans are words in «…», "…", „…“ or “…”, and dialogue lines that
open with a dash and carry their own attribution ("— …, — ответил Трамп.").
A span of fewer than four words, or the name of an outlet or a document
("телеканал «Россия 1»"), is not a quote. The speaker is found, in order:
1. in the clause after the quote that opens with a speech verb
   ("», — написал Умеров в соцсетях", "», — сказал он", "— подчеркнул дипломат");
2. in the clause before it, when that clause speaks ("Зеленский: «…»",
   "по словам Ушакова, «…»", "Трамп заявил, что «…»");
3. as the speaker of the quote just before, when no one else is named between.
Pronouns and role nouns ("он", "политик", "лидер США") resolve to the last
compatible person named outside quotes; a role with a side resolves through
the knowledge base by date ("президент США" in 2025 → Trump) when that person
is named in the text.
"""
from __future__ import annotations

import re

from parley.extract.quote_spans import (
    MIN_WORDS, SPEECH_VERB, WORD, QuotedSpan, is_title, quoted_spans, skip_back,
)
from parley.resolve.offices import (
    GENERIC_HEADS, PRONOUNS, ends_role_phrase, is_role_reference, office_holder, role_head,
)
from parley.resolve.sides import first_side, side_of_demonym
from parley.records import ActorMention, Analysis, Document, Evidence, Quote
from parley.resolve import actor_of
from parley.resolve.kb import knowledge_base
from parley.lang import lexicon

RU = lexicon("ru")

IMPERSONAL = re.compile("^(" + "|".join(map(re.escape, RU.sequence("quotes", "impersonal_forms"))) + ")")
CHANNELS = (
    (re.compile(r"truth\s*social", re.I), "Truth Social"),
    (re.compile(r"(соцсет\w*|платформ\w*|сети)\s+[XХ]\b|\b[XХ]\s*\(|\bв\s+[XХ]\b"), "X"),
    (re.compile(r"telegram|телеграм", re.I), "Telegram"),
    (re.compile(r"facebook|фейсбук", re.I), "Facebook"),
    (re.compile(r"instagram|инстаграм", re.I), "Instagram"),
    (re.compile(r"обращени"), "обращение"),
    (re.compile(r"интервью"), "интервью"),
    (re.compile(r"соцсет"), "соцсети"),
)


def find_quotes(document: Document, analysis: Analysis, mentions: tuple[ActorMention, ...]) -> tuple[Quote, ...]:
    text = analysis.text
    spans = quoted_spans(text)
    persons = [m for m in mentions if m.actor.kind == "person"]
    outside = [m for m in persons if not any(s.open_at <= m.start < s.close_at for s in spans)]
    fullest: dict[str, str] = {}
    for m in persons:
        if len(m.name) > len(fullest.get(m.actor.id, "")):
            fullest[m.actor.id] = m.name
    context = _Context(text, analysis, persons, outside, document)
    quotes: list[Quote] = []
    previous: tuple[ActorMention, int] | None = None
    for span in spans:
        body = text[span.start:span.stop]
        if len(WORD.findall(body)) < MIN_WORDS or is_title(text, span):
            continue
        found = context.speaker(span)
        if found is _ANONYMOUS:
            previous = None  # said by someone unnamed: what follows does not continue the last speaker
            continue
        if found is None and previous is not None and not context.named_between(previous, span.open_at):
            found = (previous[0], None)
        if found is None:
            continue
        speaker, clause = found
        previous = (speaker, span.close_at)
        context.spoken.append((span.open_at, speaker))
        first = analysis.sentence_at(span.open_at)
        last = analysis.sentence_at(max(span.stop - 1, span.start))
        quotes.append(Quote(
            speaker=speaker.actor, speaker_name=fullest.get(speaker.actor.id, speaker.name), text=body,
            start=span.start, stop=span.stop,
            evidence=Evidence(first.start if first else span.open_at, last.stop if last else span.close_at),
            channel=_channel(text, clause, span, analysis),
        ))
    return tuple(quotes)


# --- spans -----------------------------------------------------------------------------


class _Context:
    def __init__(self, text, analysis, persons, outside, document):
        self.text, self.analysis, self.persons, self.outside = text, analysis, persons, outside
        self.day = document.published
        self.named_ids = {m.actor.id for m in persons}
        self.spoken: list[tuple[int, ActorMention]] = []  # earlier quotes' speakers, by position

    def named_between(self, previous: tuple[ActorMention, int], b: int) -> bool:
        """Whether anyone but the previous speaker is named since that quote ended."""
        speaker, a = previous
        return any(a <= m.start < b and m.actor.id != speaker.actor.id for m in self.outside)

    def speaker(self, span: QuotedSpan):
        signed = self._signature(span)
        if signed is not None:
            return signed
        for clause in (span.after, self._after_clause(span)):
            if clause is not None:
                who = self._from_clause(clause, before=span.open_at, verb_first=True)
                if who is _ANONYMOUS:
                    return _ANONYMOUS
                if who is not None:
                    return who, clause
        clause = self._before_clause(span)
        if clause is not None:
            for part in (self._speaking_part(clause), clause):
                who = None if part is None else self._from_clause(part, before=part[0], verb_first=False)
                if who is not None and who is not _ANONYMOUS:
                    return who, part
        clause = self._next_sentence_clause(span)
        if clause is not None:
            who = self._from_clause(clause, before=span.open_at, verb_first=False)
            if who is not None and who is not _ANONYMOUS:
                return who, clause
        return None

    def _signature(self, span: QuotedSpan):
        """A quote signed on its own line: "«…»\n– Юрий Ушаков"."""
        m = re.match(r"[\s.,»\"”]*\n\s*[—–-]\s*([^\n]{3,60})\n?", self.text[span.close_at:span.close_at + 80])
        if m is None:
            return None
        a, b = span.close_at + m.start(1), span.close_at + m.end(1)
        inside = [x for x in self.persons if a <= x.start and x.stop <= b]
        if len(inside) == 1 and not self.text[a:b].replace(inside[0].text, "").strip(" .,"):
            return inside[0], (a, b)
        return None

    def _after_clause(self, span: QuotedSpan) -> tuple[int, int] | None:
        rest = self.text[span.close_at:span.close_at + 200]
        m = re.match(r"[\s,.!?…\"»”]*[—–-]{1,2}\s*", rest) or re.match(r"[\"»”]?,\s*(?=[а-яё])", rest)
        if not m:
            return None
        end = re.search(r"[.!?](\s|$)|\s[—–-]\s|[«\"\n]", rest[m.end():])
        stop = m.end() + (end.start() if end else len(rest) - m.end())
        return span.close_at + m.end(), span.close_at + stop

    def _before_clause(self, span: QuotedSpan) -> tuple[int, int] | None:
        sentence = self.analysis.sentence_at(span.open_at)
        start = sentence.start if sentence else max(0, span.open_at - 200)
        clause = self.text[start:span.open_at]
        if not clause.strip():
            previous = self.analysis.sentence_at(skip_back(self.text, start)) if start else None
            if previous is None:
                return None
            start, clause = previous.start, self.text[previous.start:span.open_at]
        low = clause.lower()
        speaks = clause.rstrip().endswith(":") or OPINION_OPENER.search(low)
        if not speaks and not any(SPEECH_VERB.match(w) for w in WORD.findall(low)):
            return None
        return start, span.open_at

    def _speaking_part(self, clause: tuple[int, int]) -> tuple[int, int] | None:
        """The part of a clause ending in a colon that holds its verb of saying: in "Он засмеялся
        после того, как Трамп сказал:" the quote is Трамп's, not the subject's of the whole sentence."""
        a, b = clause
        text = self.text[a:b]
        if not text.rstrip().endswith(":"):
            return None
        verbs = [w for w in WORD.finditer(text) if SPEECH_VERB.match(w.group().lower())]
        cut = text.rfind(",", 0, verbs[-1].start()) if verbs else -1
        return (a + cut + 1, b) if cut > 0 else None

    def _next_sentence_clause(self, span: QuotedSpan) -> tuple[int, int] | None:
        """"«…». Так считает Филипп Гордон" names the speaker in the sentence after."""
        at = span.close_at
        while at < len(self.text) and (self.text[at].isspace() or self.text[at] in ".,»\""):
            at += 1
        sentence = self.analysis.sentence_at(at)
        if sentence is None or not RECAP.match(sentence.text):
            return None
        second = sentence.text.split()[len(RECAP.match(sentence.text)["opener"].split())]
        if not SPEECH_VERB.match(second.lower()):
            return None
        return sentence.start, sentence.stop

    def _from_clause(self, clause: tuple[int, int], before: int, verb_first: bool):
        a, b = clause
        words = list(re.finditer(r"[^\W\d_][\w-]*", self.text[a:b]))
        if verb_first:
            if not words or not any(SPEECH_VERB.match(w.group().lower()) for w in words[:2]):
                return None
        low = self.text[a:b].lower()
        if verb_first and ANONYMOUS.search(low):
            return _ANONYMOUS
        opener = OWN_OPINION.match(low)
        if opener:
            return self._antecedent(a, None, None)
        by_words = ACCORDING_TO.match(low)
        inside = [m for m in self.persons if a <= m.start < b]
        if by_words and inside:
            return inside[0]
        if by_words:  # "По словам американского вице-президента, …"
            head_at = next((n for n, w in enumerate(words[2:6], 2) if role_head(w.group())), None)
            if head_at is not None:
                head = role_head(words[head_at].group())
                return self._by_role(head, self._role_phrase(words[head_at - 1:] if head_at > 2 else words[head_at:]),
                                     before)
        for n, w in enumerate(words):
            start = a + w.start()
            mention = next((m for m in inside if m.start == start), None)
            if mention is not None and (verb_first or _nominative(mention)):
                return mention
            word = w.group().lower()
            if word in PRONOUNS or (word in OBJECT_PRONOUNS and n and QUOTING_VERB.match(words[n - 1].group().lower())):
                return self._antecedent(before, None, None)  # "— сказал он", "— цитирует его ТАСС"
            if verb_first and n < 4 and side_of_demonym(word):  # "— написал россиянин": the last Russian named
                return self._antecedent(before, side_of_demonym(word), None)
            head = role_head(word) if (n < 4 or not verb_first) else None
            if head is not None and (verb_first or word == head):
                named = self._apposed(inside, words[n:], a)
                first = n - 1 if n and first_side(words[n - 1].group()) else n  # "американский лидер"
                phrase = self._role_phrase(words[first:]) if first < n else self._role_phrase(words[n:])
                at = (a + words[first].start(), a + words[n].end())
                return named or self._by_role(head, phrase, before, at)
        if verb_first and IMPERSONAL.match(words[0].group().lower() if words else "") and \
                len(words) <= 6 and not OUTLET_STATEMENT.search(low) and \
                not any(w.group()[:1].isupper() for w in words[1:]):  # not "в заявлении МИД России"
            if self._about_an_office(before):
                return _ANONYMOUS  # «Министр приветствовал …», — говорится в сообщении: a release about him
            return self._antecedent(before, None, None)
        return _ANONYMOUS if verb_first else None  # "— добавили в министерстве": said, but by no person

    def _about_an_office(self, open_at: int) -> bool:
        """Whether the quotation opening at ``open_at`` starts by naming an office ("Министр …"): the text
        of a statement that speaks of the office holder in the third person, not the holder's own words."""
        first = re.search(r"[^\W\d_][\w-]*", self.text[open_at:open_at + 80])
        return first is not None and first.group()[:1].isupper() and role_head(first.group()) is not None

    @staticmethod
    def _apposed(inside, words, base: int) -> ActorMention | None:
        """"Сенатор Алексей Пушков заявил": the name the role noun stands before."""
        for w in words[1:8]:
            if SPEECH_VERB.match(w.group().lower()):
                return None
            mention = next((m for m in inside if m.start == base + w.start()), None)
            if mention is not None and _nominative(mention):  # not "Помощник Путина Юрий Ушаков"
                return mention
        return None

    @staticmethod
    def _role_phrase(words) -> str:
        """The role noun and what hangs on it, up to the first verb: "президент США", "Спецпосланник"."""
        out = [words[0].group()]
        for w in words[1:5]:
            if SPEECH_VERB.match(w.group().lower()) or w.group().lower() in _STOP_WORDS or ends_role_phrase(w.group()):
                break
            out.append(w.group())
        return " ".join(out)

    def _antecedent(self, before: int, side: str | None, head: str | None):
        def ok(m: ActorMention) -> bool:
            return (side is None or m.actor.country == side) and (head is None or _fits_head(m, head, self.text))

        best: tuple[int, ActorMention] | None = None
        fallback: ActorMention | None = None
        for sentence in reversed(self.analysis.sentences):
            if sentence.start >= before:
                continue
            here = [m for m in self.outside if sentence.start <= m.start < min(sentence.stop, before) and ok(m)]
            subjects = [m for m in here if _nominative(m)]
            fallback = fallback or (here[-1] if here else None)
            titled = self._role_subject(sentence, subjects[0].start if subjects else sentence.stop)
            if titled is not None and ok(titled):
                best = (sentence.start, titled)
                break
            if subjects:  # a sentence that names people only in oblique cases has its subject elsewhere
                best = (subjects[0].start, subjects[0])
                break
        if best is None and fallback is not None:
            best = (fallback.start, fallback)
        for at, m in reversed(self.spoken):
            if at < before and ok(m):
                if best is None or at > best[0]:
                    best = (at, m)
                break
        if best is None and (side is not None or head is not None):
            return self._antecedent(before, side, None) if head is not None else None
        return best[1] if best else None

    def _role_subject(self, sentence, until: int) -> ActorMention | None:
        """A sentence that opens with a role noun in the nominative: "Глава Белого дома заявил …"."""
        words = list(re.finditer(r"[^\W\d_][\w-]*", sentence.text))[:2]
        for n, w in enumerate(words):
            if sentence.start + w.start() >= until:
                break
            head = role_head(w.group())
            if head is not None and w.group().lower() == head and head not in GENERIC_HEADS:
                phrase = self._role_phrase(list(re.finditer(r"[^\W\d_][\w-]*", sentence.text))[n:])
                holder = office_holder(head, phrase, self.day)
                if holder is not None and holder.id in self.named_ids:
                    return next(m for m in self.persons if m.actor.id == holder.id)
        return None

    def _by_role(self, head: str, phrase: str, before: int, at: tuple[int, int] | None = None):
        side = first_side(phrase)
        holder = office_holder(head, phrase, self.day)
        if holder is not None:
            if holder is not None and holder.id in self.named_ids:
                named = [m for m in self.outside if m.actor.id == holder.id and m.start < before]
                pool = named or [m for m in self.persons if m.actor.id == holder.id]
                return pool[-1]
            if holder is not None and at is not None:
                # "— сказал американский лидер" with no name anywhere: the holder on the day is unambiguous
                return ActorMention(at[0], at[1], self.text[at[0]:at[1]], holder.display, actor_of(holder))
        return self._antecedent(before, side, None if head in GENERIC_HEADS else head)


OUTLET_STATEMENT = re.compile("(" + "|".join(map(re.escape, RU.sequence("quotes", "document_stems"))) + ")")
OBJECT_PRONOUNS = RU.words("grammar", "object_pronouns")


def _one_of(kind: str, key: str) -> str:
    return "(?:" + "|".join(sorted(map(re.escape, RU.sequence(kind, key)), key=len, reverse=True)) + ")"


# "по словам Ушакова", "по его мнению", "по данным": who the words or the information are attributed to
_BY, _OPINION = _one_of("quotes", "according_to"), _one_of("quotes", "opinion_nouns")
_POSSESSIVE = _one_of("quotes", "attribution_possessives")
OPINION_OPENER = re.compile(rf"{_BY} (?:{_POSSESSIVE} )?{_OPINION}")
_LABEL = r"(?:[^\W\d_]+:\s*)?"  # a paragraph's heading word: "Детали: по словам …"
OWN_OPINION = re.compile(rf"\s*{_LABEL}({_BY} {_POSSESSIVE} {_OPINION})")
ACCORDING_TO = re.compile(rf"\s*{_LABEL}{_BY} (?:{_OPINION}|{_one_of('quotes', 'data_nouns')})\s")
# "«…». Так считает Филипп Гордон": a sentence after the quote that opens on one of these names its speaker
RECAP = re.compile(rf"(?P<opener>{_one_of('quotes', 'recap_openers')})\s+\w+")
QUOTING_VERB = re.compile("(" + "|".join(map(re.escape, RU.sequence("quotes", "quoting_stems"))) + ")")
ANONYMOUS = re.compile("(" + "|".join(map(re.escape, RU.sequence("quotes", "anonymous_stems"))) + ")")
_ANONYMOUS = object()
_STOP_WORDS = RU.words("grammar", "quote_role_phrase_stops")


def _nominative(mention: ActorMention) -> bool:
    if is_role_reference(mention.text, mention.name):  # "Российский лидер заявил"
        return any(role_head(w) == w.lower() for w in mention.text.split())
    return mention.text.split()[-1].lower() == mention.name.split()[-1].lower()


def _fits_head(mention: ActorMention, head: str, text: str) -> bool:
    """Whether a person can be "the minister": a dated role or the words before a mention say so.

    Whole words only: a "спецпредставитель" is not a "представитель"."""
    word = re.compile(r"(?<![а-яё-])" + re.escape(head[:5]))
    entry = knowledge_base().actors.get(mention.actor.id)
    if entry is not None and any(word.search(role.title) for role in entry.roles):
        return True
    return bool(word.search(text[max(0, mention.start - 80):mention.start].lower()))


def _channel(text: str, clause: tuple[int, int] | None, span: QuotedSpan, analysis: Analysis) -> str | None:
    windows = []
    if clause is not None:
        windows.append(text[clause[0]:clause[1] + 40])
    sentence = analysis.sentence_at(span.open_at)
    if sentence is not None:
        windows.append(text[sentence.start:span.open_at])
        opens_sentence = not text[sentence.start:span.open_at].strip()
        if opens_sentence or clause is not None and IMPERSONAL.match(text[clause[0]:clause[1]].lower()):
            previous = analysis.sentence_at(skip_back(text, sentence.start)) if sentence.start else None
            if previous is not None:  # "Об этом написал в X Уиткофф. «…», — говорится в сообщении."
                # also "Зеленский в вечернем обращении заявил …. «…», — сказал политик."
                windows.append(previous.text)
    for window in windows:
        for pattern, name in CHANNELS:
            if pattern.search(window):
                return name
    return None
