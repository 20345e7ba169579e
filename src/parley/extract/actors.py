"""Actor mentions: persons, organisations and countries in a document.

Entry point: ``find_actors(document, analysis)``.

Three passes over each sentence, each claiming the tokens it names:
1. knowledge-base persons, found by their surname in any case or spelling and
   grown leftwards over first names that agree ("Стивом Уиткоффом"); a first
   name that disagrees ("Джош Кушнер") leaves the name to pass 3;
2. countries and organisations by name, capital or seat ("Кремль заявил"; not
   "в Кремле", which is a place), and sides named by an adjective and a side
   noun ("американская делегация", "европейские лидеры");
3. the remaining PER spans from NER become automatic actors, named in the
   nominative; a surname alone joins the full name used elsewhere in the text;
4. on request (``by_office=True``), a role noun with a side and no name after
   it ("американский лидер", "глава Кремля", "президента Украины") is the
   office's holder on the publication date, from the knowledge base; its name
   is the fullest name the text gives that person, else the knowledge base's.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from parley.nlp import inflect, word_is_known, word_parses
from parley.records import Actor, ActorMention, Analysis, Document, Token
from parley.resolve.offices import OFFICE_HEADS, OFFICES, TITLE_WORDS, office_holder, role_head
from parley.resolve.sides import first_side, side_of_adjective_form
from parley.resolve import actor_of, automatic_person
from parley.resolve.kb import KbActor, KnowledgeBase, knowledge_base
from parley.resolve.names import NAME_PARTICLES, fold_key, nominative_candidates, person_nominative
from parley.lang import lexicon

RU = lexicon("ru")

LOCATIVE_PREPOSITIONS = RU.words("grammar", "locative_prepositions")
SIDE_NOUNS = RU.sequence("sides", "group_stems")
JUNIOR = RU.words("roles", "junior_words")
SINGLE_LEADER = RU.words("sides", "single_leader_forms")
FORMER_STEMS = RU.sequence("grammar", "former_stems")


@dataclass(slots=True)
class _Found:
    first: int  # token indices, inclusive
    last: int
    name: str
    actor: Actor
    surname_only: bool = False
    automatic: bool = False
    by_role: bool = False  # "российский лидер": named by office, not by name


def find_actors(document: Document, analysis: Analysis, by_office: bool = False) -> tuple[ActorMention, ...]:
    """Every actor mention in text order; ``by_office`` adds pass 4 (role nouns that stand for their holder)."""
    kb = knowledge_base()
    seen: list[str] = []
    per_sentence: list[tuple[tuple[Token, ...], list[_Found]]] = []
    for sentence in analysis.sentences:
        tokens = sentence.tokens
        used = [False] * len(tokens)
        found = _kb_persons(tokens, used, kb, seen)
        found += _sides(tokens, used, kb)
        found += _ner_persons(sentence.spans, tokens, used, _cut_at(analysis.text))
        if by_office:
            found += _role_references(tokens, used, found, document.published)
        found.sort(key=lambda f: f.first)
        per_sentence.append((tokens, found))
    every = [f for _, found in per_sentence for f in found]
    _link_surnames(every)
    _name_role_references(every)
    mentions = [
        ActorMention(tokens[f.first].start, tokens[f.last].stop,
                     analysis.text[tokens[f.first].start:tokens[f.last].stop], f.name, f.actor)
        for tokens, found in per_sentence for f in found
    ]
    return tuple(sorted(mentions, key=lambda m: m.start))


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[0].isalpha()


# --- pass 1: knowledge-base persons -----------------------------------------------


def _kb_persons(tokens, used, kb: KnowledgeBase, seen: list[str]) -> list[_Found]:
    found = []
    for i in reversed([k for k, t in enumerate(tokens) if _surname_ids(t.text)]):
        if used[i]:
            continue
        ids = _surname_ids(tokens[i].text)
        if not ids or (i + 1 < len(tokens) and tokens[i + 1].text.lower() in JUNIOR):
            continue  # "Дональд Трамп младший" is the son
        j, disagree = i - 1, False
        while j >= 0 and not used[j]:
            prev = tokens[j].text
            if not (_capitalised(prev) or prev.lower() in NAME_PARTICLES):
                break
            keys = nominative_candidates(prev)
            agree = tuple(x for x in ids if any(k in kb.name_words[x] for k in keys)) or \
                _close_first_name(prev, ids, kb)
            if not agree:
                disagree = _capitalised(prev) and _is_first_name(prev)
                break
            ids, j = agree, j - 1
        if disagree and j == i - 1:
            continue  # another person who shares the surname: NER's span makes them an automatic actor
        chosen = next((x for x in reversed(seen) if x in ids), ids[0] if len(ids) == 1 else None)
        if chosen is None:
            continue  # two known people share the surname and nothing says which: an automatic actor
        seen.append(chosen)
        entry = kb.actors[chosen]
        words = [t.text for t in tokens[j + 1:i + 1]]
        for k in range(j + 1, i + 1):
            used[k] = True
        found.append(_Found(j + 1, i, _kb_surface(entry, words), actor_of(entry), surname_only=len(words) == 1))
    return found


@functools.lru_cache(maxsize=65536)
def _surname_ids(word: str) -> tuple[str, ...]:
    """Knowledge-base persons whose surname ``word`` may be, in any case or spelling."""
    if len(word) < 2 or not word[0].isupper() or not word[0].isalpha() or word.isupper():
        return ()
    by_surname = knowledge_base().by_surname
    for key in nominative_candidates(word):
        ids = by_surname.get(key)
        if ids:
            return ids
    return ()


def _close_first_name(word: str, ids: tuple[str, ...], kb: KnowledgeBase) -> tuple[str, ...]:
    """A first name misspelt or oddly declined ("Владимиров Путиным") still agrees on its first five letters."""
    key = fold_key(word)
    if len(key) < 5:
        return ()
    return tuple(x for x in ids if any(w.startswith(key[:5]) for w in kb.name_words[x]))


def _is_first_name(word: str) -> bool:
    return any("Name" in p.tag for p in word_parses(word))


def _kb_surface(entry: KbActor, words: list[str]) -> str:
    """The knowledge base's nominative for the words as written: "Стивом Виткоффом" → "Стив Виткофф"."""
    return _kb_surface_cached(entry.id, tuple(words))


@functools.lru_cache(maxsize=16384)
def _kb_surface_cached(actor_id: str, words: tuple[str, ...]) -> str:
    entry = knowledge_base().actors[actor_id]
    cands = [nominative_candidates(w) for w in words]
    best, best_score = None, -100
    for name in entry.names:
        parts = name.split()
        if len(parts) < len(words):
            continue
        tail = parts[len(parts) - len(words):]
        if not all(fold_key(p) in c for p, c in zip(tail, cands)):
            continue
        score = sum(w.lower().startswith(p.lower()[:-1]) for p, w in zip(tail, words)) - (len(parts) != len(words))
        score -= 3 * bool(re.search(r"[a-z]", name, re.I))  # Russian names first, even for a Latin spelling
        if score > best_score:
            best, best_score = " ".join(tail), score
    if best is not None:
        return best
    return person_nominative(words, word_parses)


# --- pass 2: countries, organisations and sides ---------------------------------------


def _sides(tokens, used, kb: KnowledgeBase) -> list[_Found]:
    found = []
    taken_to = -1
    for i in [k for k, t in enumerate(tokens) if _side_candidate(t.text)]:
        if i <= taken_to or used[i]:
            continue
        word = tokens[i].text
        match = _phrase_at(tokens, used, i, kb) if word[:1].isupper() else None
        if match is not None:
            length, entry, surface, how = match
            prev = tokens[i - 1].text.lower() if i else ""
            if how == "name" or prev not in LOCATIVE_PREPOSITIONS:
                found.append(_Found(i, i + length - 1, surface, actor_of(entry)))
            for k in range(i, i + length):
                used[k] = True
            taken_to = i + length - 1
            continue
        side = side_of_adjective_form(word)
        if side is not None and i + 1 < len(tokens) and not used[i + 1] and _side_noun(tokens[i + 1].text.lower()):
            entry = kb.actors[side]
            phrase = _side_phrase(word.lower(), tokens[i + 1].text.lower())
            found.append(_Found(i, i + 1, phrase, actor_of(entry)))
            used[i] = used[i + 1] = True
            taken_to = i + 1
    return found


@functools.lru_cache(maxsize=65536)
def _side_candidate(word: str) -> bool:
    return (word[:1].isupper() and _may_open_phrase(word)) or side_of_adjective_form(word) is not None


def _side_noun(word: str) -> bool:
    # "европейские лидеры" are a side; "российский лидер" is one person, left to roles and quotes
    return word.startswith(SIDE_NOUNS) and word not in SINGLE_LEADER


@functools.lru_cache(maxsize=65536)
def _may_open_phrase(word: str) -> bool:
    by_phrase = knowledge_base().by_phrase
    return any(key in by_phrase for key in nominative_candidates(word))


def _phrase_at(tokens, used, i, kb: KnowledgeBase):
    for key in nominative_candidates(tokens[i].text):
        for keys, actor_id, how in kb.by_phrase.get(key, ()):
            end = i + len(keys)
            if end > len(tokens) or any(used[i:end]):
                continue
            if all(keys[m] in nominative_candidates(tokens[i + m].text) for m in range(1, len(keys))):
                entry = kb.actors[actor_id]
                pool = {"name": entry.names, "capital": entry.capitals, "seat": entry.seats}[how]
                surface = next((n for n in pool if _fits(n, tokens[i:end])), None)
                if surface is not None:
                    return len(keys), entry, surface, how
    return None


def _fits(name: str, tokens) -> bool:
    words = name.split()
    return len(words) == len(tokens) and all(
        fold_key(w) in nominative_candidates(t.text) and (not _abbreviation(w) or t.text.isupper())
        for w, t in zip(words, tokens)
    )  # "ООН" is not "Он"


def _abbreviation(word: str) -> bool:
    return len(word) > 1 and word.isupper()


@functools.lru_cache(maxsize=4096)
def _side_phrase(adjective: str, noun: str) -> str:
    """"американской делегацией" → "американская делегация", keeping the number."""
    parse = word_parses
    noun_parse = next((p for p in parse(noun) if p.tag.POS == "NOUN"), None)
    if noun_parse is None:
        return f"{adjective} {noun}"
    number = noun_parse.tag.number or "sing"
    noun_form = inflect(noun_parse, {"nomn", number})
    adj_parse = next((p for p in parse(adjective) if p.tag.POS == "ADJF"), None)
    gender = noun_parse.tag.gender if noun_parse.tag.gender in ("masc", "femn", "neut") else None
    wanted = {"nomn", number} | ({gender} if number == "sing" and gender else set())
    adj_form = inflect(adj_parse, wanted) if adj_parse is not None else None
    return f"{adj_form.word if adj_form else adjective} {noun_form.word if noun_form else noun}"


# --- pass 4: offices that stand for their holder ---------------------------------------


def _role_references(tokens, used, found: list[_Found], day) -> list[_Found]:
    """"российский лидер", "президента США": the holder on ``day``, when no name follows the role noun."""
    people = {k for f in found if f.actor.kind == "person" for k in range(f.first, f.last + 1)}
    out = []
    for i, token in enumerate(tokens):
        head = role_head(token.text) if token.text[:1].isalpha() else None
        if head is None or used[i] or (head not in OFFICES and head not in OFFICE_HEADS) or _plural(token.text):
            continue
        start = i - 1 if i and _side_adjective(tokens[i - 1].text) else i
        if start and tokens[start - 1].text.lower().startswith(FORMER_STEMS) or head.startswith(FORMER_STEMS):
            continue  # a former holder is someone else
        end = i + 1
        run = []
        while end < len(tokens) and len(run) < 3 and tokens[end].text[:1].isupper() and end not in people:
            run.append(tokens[end].text)
            end += 1
        if run and first_side(" ".join(run)) is None:
            end, run = i + 1, []
        if end < len(tokens) and end in people or any(used[start:i + 1]):
            continue  # "президент США Дональд Трамп": the name is the mention
        phrase = " ".join(t.text for t in tokens[start:min(len(tokens), end + 2)]).lower()
        side_words = " ".join(t.text for t in tokens[start:end]) if head not in OFFICE_HEADS else phrase
        holder = office_holder(head, phrase, day, side_words)
        if holder is None:
            continue
        if head in OFFICE_HEADS:
            end = _phrase_end(tokens, i, end)
        if any(used[i + 1:end]):
            end = i + 1  # "президента США": "США" stays the country's own mention
        for k in range(start, end):
            used[k] = True
        out.append(_Found(start, end - 1, holder.display, actor_of(holder), by_role=True))
    return out


def _name_role_references(found: list[_Found]) -> None:
    """An office's holder named elsewhere in the text takes the fullest name written there."""
    written: dict[str, str] = {}
    for f in found:
        if not f.by_role and f.actor.kind == "person" and len(f.name) > len(written.get(f.actor.id, "")):
            written[f.actor.id] = f.name
    for f in found:
        if f.by_role and f.actor.id in written:
            f.name = written[f.actor.id]


def _phrase_end(tokens, head: int, end: int) -> int:
    """"глава киевского режима", "глава Белого дома": the words after the head that name the office."""
    stop = head + 1
    while stop < len(tokens) and stop - head <= 2 and tokens[stop].text[:1].isalpha():
        stop += 1
    return max(end, stop)


@functools.lru_cache(maxsize=16384)
def _side_adjective(word: str) -> bool:
    return word[:1].isalpha() and side_of_adjective_form(word) is not None and \
        any(p.tag.POS == "ADJF" for p in word_parses(word)[:2])


@functools.lru_cache(maxsize=16384)
def _plural(word: str) -> bool:
    nouns = [p for p in word_parses(word) if p.tag.POS == "NOUN"]
    return bool(nouns) and all(p.tag.number == "plur" for p in nouns)


# --- pass 3: everyone else ---------------------------------------------------------------


def _cut_at(text: str) -> int | None:
    """Where a text that stops in the middle of a word ends ("… глава офиса Владим"): a name running up to
    that point may be cut short, so it is not taken. None when the text ends as texts do."""
    body = text.rstrip()
    return len(body) if body and body[-1].isalpha() else None


def _completed(parts: list[str]) -> KbActor | None:
    """The one known person whose name a cut-off name begins: the first name whole, the surname begun
    ("Александр Лу…" → Александр Лукашенко); None for a lone fragment or when several fit."""
    if len(parts) < 2 or len(fold_key(parts[-1])) < 2:
        return None
    first, start = fold_key(parts[0]), fold_key(parts[-1])
    fits = {actor.id: actor for actor in knowledge_base().actors.values() if actor.kind == "person"
            for name in actor.names if len(name.split()) >= 2
            and fold_key(name.split()[0]) == first and fold_key(name.split()[-1]).startswith(start)}
    return next(iter(fits.values())) if len(fits) == 1 else None


def _ner_persons(spans, tokens, used, cut_at: int | None = None) -> list[_Found]:
    found = []
    parse = word_parses
    for span in spans:
        if span.type != "PER":
            continue
        idx = [k for k, t in enumerate(tokens) if span.start <= t.start and t.stop <= span.stop]
        if not idx or any(used[k] for k in idx):
            continue
        while idx and (not _capitalised(tokens[idx[0]].text) or _is_title(tokens[idx[0]].text)):
            idx.pop(0)
        idx = [k for k in idx if tokens[k].text not in "-–—."] if len(idx) > 1 else idx
        cut = next((n for n, k in enumerate(idx) if not tokens[k].text[:1].isalpha() and tokens[k].text not in "’'"), None)
        idx = idx[:cut] if cut is not None else idx  # "Барри Лоуенкрон (Barry Lowenkron)", "… / Getty Images"
        if not idx or (len(idx) == 1 and _common_word(tokens[idx[0]].text)):
            continue  # "Ваш", "Главред": NER's slips on ordinary words
        words = [tokens[k].text for k in idx]
        if cut_at is not None and tokens[idx[-1]].stop >= cut_at:  # the text stops inside this name
            known = _completed(person_nominative(words, parse).split())
            if known is not None:
                for k in idx:
                    used[k] = True
                found.append(_Found(idx[0], idx[-1], known.display, actor_of(known)))
            continue
        if any(re.search(r"[а-яa-z][А-ЯA-Z]", w) for w in words):
            continue  # words glued by a lost line break: "УиткоффаСтороны"
        name = person_nominative(words, parse)
        parts = name.split()
        first = parts[0] if len(parts) > 1 else None
        for k in idx:
            used[k] = True
        found.append(_Found(idx[0], idx[-1], name, automatic_person(first, parts[-1], name),
                            surname_only=first is None, automatic=True))
    return found


def _common_word(word: str) -> bool:
    if not word_is_known(word.lower()):
        return False
    return not any(tag in p.tag for p in word_parses(word) for tag in ("Name", "Surn", "Patr", "Geox"))


def _is_title(word: str) -> bool:
    return word.lower() in TITLE_WORDS or any(
        p.normal_form in TITLE_WORDS for p in word_parses(word)[:2]
    )


def _link_surnames(found: list[_Found]) -> None:
    """One automatic actor per person in a text.

    A full name declined two ways ("Иван Горелов", "Ивана Горелова") is one actor; a
    surname alone, or a first name alone, takes the actor of the one full name
    it fits; a full name fixes the nominative when one of its forms was written
    in the nominative.
    """
    full: list[_Found] = [f for f in found if f.automatic and not f.surname_only]
    for n, f in enumerate(full):
        first, surname = fold_key(f.name.split()[0]), set(nominative_candidates(f.name.split()[-1]))
        for g in full[:n]:
            if fold_key(g.name.split()[0]) == first and surname & set(nominative_candidates(g.name.split()[-1])):
                f.actor, f.name = g.actor, g.name
                break
    by_surname: dict[str, list[_Found]] = {}
    by_first: dict[str, list[_Found]] = {}
    for f in full:
        by_surname.setdefault(fold_key(f.name.split()[-1]), []).append(f)
        by_first.setdefault(fold_key(f.name.split()[0]), []).append(f)
    for f in found:
        if not (f.automatic and f.surname_only):
            continue
        for key in (fold_key(f.name), *nominative_candidates(f.name)):
            for table, part in ((by_surname, -1), (by_first, 0)):
                owners = {g.actor.id: g for g in table.get(key, ())}
                if len(owners) == 1:
                    owner = next(iter(owners.values()))
                    f.actor, f.name = owner.actor, owner.name.split()[part]
                    break
            else:
                continue
            break
