"""Roles from appositions: "министр финансов Скотт Бессент" → министр финансов.

Entry point: ``find_roles(document, analysis, mentions)``.

- Before a name: from the name leftwards over the phrase that hangs on a role
  noun, to the leftmost role noun in the name's case, with the adjectives in
  front of it ("государственному секретарю США Марко Рубио"); a comma between
  two such phrases chains them ("помощник президента, глава делегации Владимир
  Мединский"); a person named in the genitive belongs to the phrase ("зять
  Трампа Джаред Кушнер").
- After a name and a comma: "Кирилл Дмитриев, глава РФПИ, …".
- A role noun with a side and no name ("американский лидер", "глава Кремля")
  is the office's holder on the publication date, when that person is named.
Head noun and its adjectives are put in the nominative; the rest stays as
written ("министром финансов" → "министр финансов").
"""
from __future__ import annotations

import functools
import re

from parley.extract.role_predicates import predicated_spans
from parley.resolve.offices import (
    GENERIC_HEADS, OFFICE_HEADS, OFFICES, OWNER_NOUNS, RANKS, RELATIONAL_HEADS, is_role_reference, names_head_of_state, office_holder, role_head, role_parts,
)
from parley.resolve.sides import first_side
from parley.nlp import inflect, word_parses
from parley.records import ActorMention, Analysis, Document, Evidence, Role, Sentence, Token
from parley.resolve.kb import knowledge_base
from parley.lang import lexicon

RU = lexicon("ru")

MAX_PHRASE_TOKENS = 14
STOP_WORDS = RU.words("grammar", "role_phrase_stops")
FORMER_PREFIXES = RU.sequence("grammar", "former_prefixes")
FORMER_ADJECTIVES = RU.words("grammar", "former_adjectives")
COURTESY = RU.tagged("roles", "words", "courtesy")  # "шейх", "мистер": no position of its own
ACTING = tuple(tuple(re.findall(r"\w+|[^\w\s]", phrase.lower())) for phrase in RU.sequence("roles", "acting_phrases"))
ACTING_FIRST_WORDS = frozenset(phrase[0] for phrase in ACTING)
_BREAKS = frozenset(",.:;!?—–")
EPITHETS = tuple(w[:-2] for w in RU.words("roles", "epithet_adjectives"))


def find_roles(document: Document, analysis: Analysis, mentions: tuple[ActorMention, ...]) -> tuple[Role, ...]:
    stripped = analysis.text.rstrip()
    cut_at = len(stripped) if stripped[-1:].isalpha() else None  # a text cut off mid-word: "… начальник Геншт"
    persons = [m for m in mentions if m.actor.kind == "person" and m.stop != cut_at
               and not is_role_reference(m.text, m.name)]  # "российский лидер" is the role itself
    roles: list[Role] = []
    seen: set[tuple[str, str]] = set()

    def add(mention: ActorMention, role: str, sentence: Sentence, initials: str = "") -> None:
        key = (mention.actor.id, role.lower())
        if role and key not in seen:
            seen.add(key)
            parts = role_parts(role)
            if role.lower().startswith(EPITHETS) and not parts.organization and not parts.country:
                return  # "известный журналист": who the person is, not a post
            name = _full_name(mention, persons)
            if initials and len(name.split()) == 1:
                name = f"{initials} {name}"  # "Н. Кан": the initials tell him from another Кан
            roles.append(Role(actor=mention.actor, name=name, role=role,
                              evidence=Evidence(sentence.start, sentence.stop), title=parts.title,
                              organization=parts.organization, country=parts.country))

    if not persons:
        return ()
    for sentence in analysis.sentences:
        tokens = sentence.tokens
        heads = [i for i, t in enumerate(tokens) if role_head(t.text) is not None]
        if not heads:
            continue  # every rule needs a role noun
        here = [m for m in persons if sentence.start <= m.start < sentence.stop]
        spans = _acting_spans(tokens) if here else []
        for mention in here:
            first = _index(tokens, mention.start)
            last = _index(tokens, mention.stop - 1)
            if first is None or last is None:
                continue
            case = _mention_case(mention)
            surname, first = first, _initials_start(tokens, first)
            initials = _written(tokens, first, surname)
            acting = list(_acting(tokens, spans, first, last, here)) if spans else []
            if not any(before for _, before in acting):  # "врио мэра X" is acting, not the mayor
                for role in _before(tokens, first, case, here, mention.actor.id):
                    add(mention, role, sentence, initials)
            role = _after(tokens, last, here, case)
            if role:
                add(mention, role, sentence, initials)
            for role, _ in acting:
                add(mention, role, sentence, initials)
        if sentence.parsed:
            for mention, start, stop in predicated_spans(tokens, here):
                add(mention, _nominative_phrase(tokens, start, stop), sentence)
        for mention, role in _standalone(tokens, heads, here, persons, document):
            add(mention, role, sentence)
        for mention, role in _distributive(tokens, heads, here):
            add(mention, role, sentence)
        for mention, role in _shared_by_a_list(tokens, heads, here):
            add(mention, role, sentence)
        for mention, role in _shared_after_a_list(tokens, heads, here):
            add(mention, role, sentence)
    return tuple(role for role in roles if not _complement_of_another(role, roles))


def _initials_start(tokens, first: int) -> int:
    """The first token of the initials before a surname ("В. Н. Петров"), which the name's mention leaves out."""
    while first >= 2 and tokens[first - 1].text == "." and len(tokens[first - 2].text) == 1 \
            and tokens[first - 2].text.isupper() and tokens[first - 2].stop == tokens[first - 1].start:
        first -= 2
    return first


def _complement_of_another(role: Role, roles: list[Role]) -> bool:
    """Whether ``role`` is the start of another person's role in the same sentence, that role going on with
    more words ("Камалы Харрис, вице-президента в администрации Джо Байдена"): the name after the phrase is
    its complement, not the holder of the office."""
    start = role.role.lower() + " "
    return any(other.actor.id != role.actor.id and other.evidence == role.evidence
               and other.role.lower().startswith(start) for other in roles)


def _index(tokens: tuple[Token, ...], offset: int) -> int | None:
    for i, t in enumerate(tokens):
        if t.start <= offset < t.stop:
            return i
    return None


def _full_name(mention: ActorMention, persons: list[ActorMention]) -> str:
    names = [m.name for m in persons if m.actor.id == mention.actor.id]
    return max(names, key=len) if names else mention.name


@functools.lru_cache(maxsize=65536)
def _parses(word: str):
    return word_parses(word.lower())


def _mention_case(mention: ActorMention) -> frozenset[str] | None:
    """The cases a name may be in, from how it differs from its nominative; None when it cannot tell."""
    written, nominative = mention.text.split(), mention.name.split()
    if len(written) != len(nominative):
        return None
    cases: frozenset[str] | None = None
    for w, n in zip(written, nominative):
        w, n = w.lower(), n.lower()
        if w == n:
            continue
        common = 0
        while common < min(len(w), len(n)) and w[common] == n[common]:
            common += 1
        found = _ENDING_CASES.get(w[common:])
        if found:
            cases = found if cases is None else (cases & found or cases)
    if cases is None:
        if _indeclinable(written[-1]) or written[-1].lower().endswith(_OBLIQUE_SURNAME_ENDINGS):
            return None  # "Сэйдзи Маэхарой" left as written: its case is not the nominative's
        return frozenset({"nomn"})
    return cases


_ENDING_CASES = {
    "а": frozenset({"gent", "accs"}), "я": frozenset({"gent", "accs"}),
    "у": frozenset({"datv", "accs"}), "ю": frozenset({"datv", "accs"}),
    "ом": frozenset({"ablt"}), "ем": frozenset({"ablt"}), "ым": frozenset({"ablt"}), "им": frozenset({"ablt"}),
    "ой": frozenset({"ablt", "gent", "datv", "loct"}), "ей": frozenset({"ablt", "gent", "datv", "loct"}),
    "е": frozenset({"loct", "datv"}), "и": frozenset({"gent", "datv", "loct"}), "ы": frozenset({"gent"}),
    "ого": frozenset({"gent", "accs"}), "его": frozenset({"gent", "accs"}), "ому": frozenset({"datv"}),
    "ему": frozenset({"datv"}), "ую": frozenset({"accs"}), "ию": frozenset({"accs", "datv"}),
    "ии": frozenset({"gent", "datv", "loct"}), "ией": frozenset({"ablt"}),
}
_GENITIVE = frozenset({"gent", "accs"})
_OBLIQUE_SURNAME_ENDINGS = ("ой", "ым", "ом", "ого", "ому", "ыми")


def _indeclinable(word: str) -> bool:
    return word.lower().endswith(("о", "и", "у", "э", "ю", "е")) or any("Fixd" in p.tag for p in _parses(word)[:1])


@functools.lru_cache(maxsize=16384)
def _head_cases(word: str) -> frozenset[str]:
    """Cases of a singular noun: "президентов" (plural) heads no one person's role."""
    prefix = next((p for p in FORMER_PREFIXES if word.lower().startswith(p)), "")
    bare = word[len(prefix):]
    nouns = [p for p in _parses(bare) if p.tag.POS == "NOUN" and p.tag.case]
    singular = {p.tag.case for p in nouns if p.tag.number != "plur"}
    return frozenset(singular or ({"plur"} if nouns else set()))


def _agrees(head_word: str, case: frozenset[str] | None) -> bool:
    cases = _head_cases(head_word)
    if case is None:
        return cases != {"plur"}  # "кабинета министров глава правительства X": one person holds no plural
    return not cases or bool(case & cases)


def _mention_at(mentions: list[ActorMention], token: Token) -> ActorMention | None:
    return next((m for m in mentions if m.start <= token.start < m.stop), None)


@functools.lru_cache(maxsize=65536)
def _is_verb(word: str) -> bool:
    if not word[:1].islower():
        return False  # "РФПИ" is no imperative
    parses = _parses(word)
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS") and parses[0].score > 0.4


def _before(tokens, first: int, case: frozenset[str] | None, mentions, person: str | None = None) -> list[str]:
    """Role phrases that end right before the name at ``first`` (several when chained by commas)."""
    out = []
    end = first
    while True:
        start = _phrase_start(tokens, end, case, mentions, person if end == first else None)
        if start is None:
            break
        if case is not None and "gent" in case and end == first and _owned_by_name(tokens, start, end):
            break  # "зятя Трампа", "дочь и мать Виктора": the name owns the tie, it is not its holder
        if end != first and _plural_head(tokens, start, end):
            break  # "лидеры европейских стран, генсек НАТО Марк Рютте": an item of a list, not his title
        stop = end
        while stop - 1 > start and _lemma_in(tokens[stop - 1].text, RANKS):
            stop -= 1  # "начальник ГУ Генштаба адмирал Игорь Костюков": the rank is not the office
        out += [_nominative_phrase(tokens, a, b) for a, b in _split_on_and(tokens, start, stop, case)]
        if stop < end and any(role_head(t.text) and not _lemma_in(t.text, COURTESY) for t in tokens[stop:end]):
            out.append(_nominative_phrase(tokens, stop, end))  # … and a role of its own
        if start >= 2 and tokens[start - 1].text == "," and len(out) < 3:
            end = start - 1
            continue
        break
    return out


def _owned_by_name(tokens, start: int, end: int) -> bool:
    """Whether a genitive name after tokens[start:end] owns the ties they name: one relational noun ("зятя"),
    or relational nouns none of which is in the genitive itself ("дочь и мать")."""
    heads = [t.text for t in tokens[start:end] if role_head(t.text)]
    if not heads or any(role_head(h) not in RELATIONAL_HEADS for h in heads):
        return False
    return end - start == 1 or not any("gent" in _head_cases(h) for h in heads)


def _plural_head(tokens, start: int, end: int) -> bool:
    """Whether the role noun of the phrase tokens[start:end] stands in the plural ("лидеры", "министров")."""
    head = next((tokens[k].text for k in range(start, end) if role_head(tokens[k].text)), None)
    parses = [p for p in _parses(head)[:3] if "NOUN" in p.tag] if head else []
    return bool(parses) and all("plur" in p.tag for p in parses)


def _lemma_in(word: str, words: frozenset[str]) -> bool:
    return word.lower() in words or any(p.normal_form in words for p in _parses(word)[:2])


def _split_on_and(tokens, start: int, end: int, case) -> list[tuple[int, int]]:
    """"глава РФПИ и спецпредставитель президента" is two roles."""
    for k in range(start + 2, end - 1):
        if tokens[k].text == "и" and role_head(tokens[k + 1].text) \
                and role_head(tokens[start].text) and not role_head(tokens[k - 1].text):
            return [(start, k), (k + 1, end)]
    return [(start, end)]


def _phrase_start(tokens, end: int, case: frozenset[str] | None, mentions, person: str | None = None) -> int | None:
    """The first token of the role phrase that ends before ``end``, or None."""
    leftmost_head = None
    agreeing: list[int] = []
    j = end - 1
    steps = 0
    while j >= 0 and steps < MAX_PHRASE_TOKENS:
        word = tokens[j].text
        low = word.lower()
        if word in _BREAKS and word not in "—–" or low in STOP_WORDS:
            break
        if word in "—–[]":
            break
        if low == "и" and (j == end - 1 or j > 0 and _mention_at(mentions, tokens[j - 1]) is not None):
            break  # "главы Белого дома и Владимира Зеленского", "Стива Уиткоффа и зятя …": two people
        other = _mention_at(mentions, tokens[j])
        if other is not None:
            other_case = _mention_case(other)
            if other_case is None or not other_case <= _GENITIVE:
                break
            j = _index(tokens, other.start) - 1
            steps += 1
            continue
        if word[:1].isalpha() and _is_verb(word):
            break
        head = role_head(word)
        if head is not None and _agrees(word, case):
            leftmost_head = j
            agreeing.append(j)
        j -= 1
        steps += 1
    if leftmost_head is None:
        return None
    if len(agreeing) > 1 and person is not None:
        # "зятя американского лидера Трампа": Trump is the leader, the son-in-law is someone else
        offices = {r.office for r in getattr(knowledge_base().actors.get(person), "roles", ())}
        inner = next((k for k in agreeing[:-1] if OFFICES.get(role_head(tokens[k].text) or "") in offices), None)
        if inner is not None:
            leftmost_head = inner
    start = leftmost_head
    while start > 0:
        if _adjective_agreeing(tokens[start - 1].text, tokens[leftmost_head].text):
            start -= 1
        elif start > 1 and tokens[start - 1].text == "и" and start < leftmost_head and \
                _adjective_agreeing(tokens[start - 2].text, tokens[leftmost_head].text):
            start -= 2  # "чрезвычайный и полномочный посол"
        else:
            break
    return start


@functools.lru_cache(maxsize=65536)
def _adjective_agreeing(word: str, head: str) -> bool:
    head_cases = _head_cases(head)
    low = word.lower()
    if low.startswith(FORMER_PREFIXES) or low in FORMER_ADJECTIVES:
        return True
    return any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case in head_cases and "Apro" not in p.tag
               for p in _parses(word))


def _nominative_phrase(tokens, start: int, end: int) -> str:
    """Head and its adjectives to the nominative, the rest as written."""
    head = next(i for i in range(start, end) if role_head(tokens[i].text))
    words = [_nominative_word(tokens[i].text, tokens[head].text, i == head) if i <= head else tokens[i].text
             for i in range(start, end)]
    text = ""
    for n in range(len(words)):
        if n and tokens[start + n].start > tokens[start + n - 1].stop:
            text += " "
        text += words[n]
    return _TRAILING.sub("", text.strip(" ,"))


_TRAILING = re.compile(r"(\s+(и|а|в|во|на|по|с|со|к|о|об|для|от|из|за|\(|\[|«|\"))+$")


@functools.lru_cache(maxsize=16384)
def _nominative_word(word: str, head_word: str, is_head: bool) -> str:
    nouns = [p for p in _parses(head_word) if p.tag.POS == "NOUN"]
    head = role_head(head_word)  # "аналитика" is the analyst's genitive before it is "analytics"
    head_parse = next((p for p in nouns if p.normal_form.replace("ё", "е") == head), nouns[0] if nouns else None)
    if head_parse is None:
        return word.lower() if word[1:2].islower() else word
    parse = head_parse if is_head else next(
        (p for p in _parses(word) if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == head_parse.tag.case), None)
    wanted = {"nomn", "sing"}
    if not is_head and head_parse.tag.gender in ("masc", "femn", "neut"):
        wanted.add(head_parse.tag.gender)
    form = inflect(parse, wanted) if parse is not None else None
    if form is not None:
        return form.word
    return word.lower() if word[1:2].islower() else word  # a capital that only opens the sentence


def _after(tokens, last: int, mentions, case: frozenset[str] | None) -> str | None:
    """"Кирилл Дмитриев, глава РФПИ, …" (or "… — глава РФПИ"): a role phrase after the name and a comma or a
    dash."""
    i = last + 1
    if i < len(tokens) and tokens[i].text == "(":
        close = next((k for k in range(i, min(len(tokens), i + MAX_PHRASE_TOKENS)) if tokens[k].text == ")"), None)
        head = _head_after_adjectives(tokens, i + 1, close) if close is not None else None
        if head is not None and head < close:
            return _nominative_phrase(tokens, i + 1, close)  # "Стив Уиткофф (спецпосланник США)", "(второй тренер)"
        i = close + 1 if close is not None else i  # "Скотт Хоровитц (Scott Horowitz), бывший астронавт"
    if i >= len(tokens) or tokens[i].text not in (",", "—", "–", "-"):  # a spaced hyphen stands for a dash
        return None
    j = _head_after_adjectives(tokens, i + 1, len(tokens))
    if j is None or not _agrees(tokens[j].text, case or frozenset({"nomn"})):
        return None
    k = _phrase_end(tokens, j, mentions)
    return _nominative_phrase(tokens, i + 1, k) if k is not None else None


def _phrase_end(tokens, head: int, mentions) -> int | None:
    """Where a role phrase after a name ends: at a break; None when it runs into the next person's name or
    a verb."""
    k = head + 1
    while k < len(tokens) and k - head < MAX_PHRASE_TOKENS:
        word = tokens[k].text
        if word in _BREAKS or word in "([" or word.lower() in STOP_WORDS:
            break
        other = _mention_at(mentions, tokens[k])
        if other is not None and not (_mention_case(other) or frozenset({"nomn"})) <= _GENITIVE:
            return None  # the phrase is the next person's: "…, госсекретарь Марко Рубио"
        if word[:1].isalpha() and _is_verb(word):
            return None  # a new clause: "Ушаков, российский президент сам позвонил …"
        k += 1
    return k


def _head_after_adjectives(tokens, start: int, stop: int) -> int | None:
    """The role noun at ``start`` or after up to three adjectives that agree with it ("бывший посол",
    "генерального директора")."""
    head = next((j for j in range(start, min(stop, start + 4)) if role_head(tokens[j].text)), None)
    if head is None or not all(_adjective_agreeing(tokens[j].text, tokens[head].text) for j in range(start, head)):
        return None
    return head


def _standalone(tokens, heads, here, persons, document):
    """"американский лидер", "глава Кремля": the office's holder, when the text names that person."""
    named = {m.actor.id: m for m in persons}
    near = {_index(tokens, m.start) for m in here} | {_index(tokens, m.stop - 1) for m in here}
    near |= {_initials_start(tokens, n) for n in near if n is not None}
    for i in heads:
        token = tokens[i]
        head = role_head(token.text)
        office = OFFICES.get(head or "")
        if head is None or head in GENERIC_HEADS or (office is None and head not in OFFICE_HEADS):
            continue
        if any(n is not None and 0 < n - i <= 4 for n in near):
            continue  # a name follows: the apposition rule has it
        start = i
        while start > 0 and _adjective_agreeing(tokens[start - 1].text, token.text):
            start -= 1
        end = i + 1
        while end < len(tokens) and end - i <= 3 and tokens[end].text not in _BREAKS and \
                _mention_at(persons, tokens[end]) is None and \
                (tokens[end].text.isupper() or _is_genitive(tokens[end].text) or _names_side(tokens, end)):
            end += 1
        phrase = " ".join(t.text for t in tokens[start:end])
        holder = office_holder(head, phrase, document.published)
        head_of_state = names_head_of_state(phrase) if holder is None else None
        if head_of_state is not None:
            leader = _last_head_of_state(persons, token.start, document)
            if leader is not None:  # "глава государства" is the head of state named last
                yield leader, head_of_state
            continue
        if holder is not None and holder.id in named:
            yield named[holder.id], _nominative_phrase(tokens, start, end)


def _names_side(tokens, i: int) -> bool:
    """A run of capitalised words that names a side: "Соединенных Штатов Америки"."""
    run = []
    for token in tokens[i:i + 3]:
        if not token.text[:1].isupper():
            break
        run.append(token.text)
    return bool(run) and first_side(" ".join(run)) is not None


def _last_head_of_state(persons, before: int, document) -> ActorMention | None:
    kb = knowledge_base()
    for mention in reversed([m for m in persons if m.start < before]):
        entry = kb.actors.get(mention.actor.id)
        if entry is not None and any(r.office == "head_of_state" and (document.published is None or
                                     r.held_on(document.published)) for r in entry.roles):
            return mention
    return None


def _distributive(tokens, heads, here):
    """"президентов Франции и Финляндии Эммануэля Макрона и Александра Стубба": one office, two sides, two people."""
    for i in heads:
        if i >= len(tokens) - 6:
            break
        token = tokens[i]
        head = role_head(token.text)
        if head is None or _head_cases(token.text) != {"plur"} or tokens[i + 2].text != "и":
            continue
        first = _mention_at(here, tokens[i + 4])
        if first is None or first.start != tokens[i + 4].start:
            continue
        after = _index(tokens, first.stop - 1)
        if after is None or after + 2 >= len(tokens) or tokens[after + 1].text != "и":
            continue
        second = _mention_at(here, tokens[after + 2])
        if second is None or second.actor.id == first.actor.id:
            continue
        yield first, f"{head} {tokens[i + 1].text}"
        yield second, f"{head} {tokens[i + 3].text}"


def _is_genitive(word: str) -> bool:
    return word.isalpha() and any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF") for p in _parses(word)[:2])


def _acting_spans(tokens) -> list[tuple[int, int]]:
    """Where an acting phrase ("исполняющий обязанности", "и.о.", "врио") stands in the sentence."""
    words = [t.text.lower() for t in tokens]
    return [(k, k + len(phrase)) for k, word in enumerate(words) if word in ACTING_FIRST_WORDS
            for phrase in ACTING if tuple(words[k:k + len(phrase)]) == phrase]


def _acting(tokens, spans: list[tuple[int, int]], first: int, last: int, mentions):
    """"и.о. губернатора Иван Петров", "Иван Петров, исполняющий обязанности посла, …": an acting phrase and
    the office, in the genitive, that the person fills in for; the phrase as written, and whether it stands
    before the name."""
    for a, b in spans:
        if b < first and a >= first - MAX_PHRASE_TOKENS and _office_between(tokens, b, first, mentions):
            yield _written(tokens, a, first), True
        elif a == last + 2 and tokens[last + 1].text == ",":
            stop = b
            while stop < len(tokens) and stop - b < MAX_PHRASE_TOKENS and tokens[stop].text not in _BREAKS \
                    and tokens[stop].text not in "([" and not (tokens[stop].text[:1].isalpha() and _is_verb(tokens[stop].text)):
                stop += 1
            if _office_between(tokens, b, stop, mentions):
                yield _written(tokens, a, stop), False


def _office_between(tokens, start: int, stop: int, mentions) -> bool:
    """A role noun, and no break or other person, in tokens[start:stop]."""
    span = tokens[start:stop]
    if not any(role_head(t.text) for t in span[:4]) or any(t.text in _BREAKS for t in span):
        return False
    others = {id(m): m for t in span if (m := _mention_at(mentions, t)) is not None}.values()
    return all((_mention_case(m) or frozenset({"nomn"})) <= _GENITIVE for m in others)


def _written(tokens, start: int, stop: int) -> str:
    text = ""
    for k in range(start, stop):
        if k > start and tokens[k].start > tokens[k - 1].stop:
            text += " "
        text += tokens[k].text
    return text.strip(" ,")


def _shared_by_a_list(tokens, heads, here):
    """"депутаты Иван Петров и Сергей Сидоров": a role noun in the plural before a list of names is each one's,
    in the singular."""
    for i in heads:
        if _head_cases(tokens[i].text) != {"plur"}:
            continue
        k = i + 1
        while k < len(tokens) and k - i <= 4 and _mention_at(here, tokens[k]) is None and \
                (_is_genitive(tokens[k].text) or tokens[k].text.isupper()):
            k += 1  # "министры иностранных дел …"
        named = []
        while k < len(tokens):
            mention = _mention_at(here, tokens[k])
            if mention is None or mention.start != tokens[k].start:
                break
            named.append(mention)
            after = _index(tokens, mention.stop - 1)
            if after is None or after + 2 >= len(tokens) or tokens[after + 1].text not in (",", "и"):
                break
            k = after + 2
        if len(named) < 2 or len({m.actor.id for m in named}) < len(named):
            continue
        if _index(tokens, named[0].start) == i + 1 and role_head(tokens[i].text) in OWNER_NOUNS and \
                all((_mention_case(m) or frozenset({"nomn"})) <= _GENITIVE for m in named):
            continue  # "встреча представителей Трампа и Путина": the names own the role (no other genitive does)
        start = _plural_phrase_start(tokens, i)
        end = _index(tokens, named[0].start)
        role = _nominative_phrase(tokens, start, end)
        for mention in named:
            yield mention, role


def _shared_after_a_list(tokens, heads, here):
    """"Иван Петров и Сергей Сидоров, депутаты Госдумы, …": a plural role phrase after a list of names and a
    comma is each one's, in the singular."""
    for i in heads:
        if _head_cases(tokens[i].text) != {"plur"}:
            continue
        start = _plural_phrase_start(tokens, i)
        if start < 2 or tokens[start - 1].text != ",":
            continue
        named = []
        k = start - 2
        while k >= 0:
            mention = _mention_at(here, tokens[k])
            if mention is None:
                break
            named.append(mention)
            first = _index(tokens, mention.start)
            if first is None or first < 2 or tokens[first - 1].text not in (",", "и"):
                break
            k = first - 2
        if len(named) < 2 or len({m.actor.id for m in named}) < len(named):
            continue
        stop = _phrase_end(tokens, i, here)
        if stop is None:
            continue
        role = _nominative_phrase(tokens, start, stop)
        for mention in reversed(named):
            yield mention, role


def _plural_phrase_start(tokens, head: int) -> int:
    """The first of the plural adjectives before a plural role noun ("американские переговорщики")."""
    cases = {p.tag.case for p in _parses(tokens[head].text) if p.tag.POS == "NOUN" and p.tag.number == "plur"}
    start = head
    while start > 0 and any(p.tag.POS in ("ADJF", "PRTF") and p.tag.number == "plur" and p.tag.case in cases
                            and "Apro" not in p.tag for p in _parses(tokens[start - 1].text)):
        start -= 1
    return start
