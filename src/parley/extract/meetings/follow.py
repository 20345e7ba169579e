"""What a meeting mention shares with the words around it.

Entry points: ``distributed`` (partners each under their own "с" are several
meetings), ``named_before`` and ``subjectless`` (a dependent clause without a
subject of its own shares the one named before it), ``titled`` and
``headline_stop`` (a headline that only names a meeting).
"""
from __future__ import annotations

from dataclasses import replace

from parley.extract.meetings.merge import Candidate
from parley.extract.meetings.participants import COMITATIVE, Party
from parley.extract.meetings.tree import Tree
from parley.extract.meetings.triggers import LIGHT_VERBS, Trigger

HEADLINE_LENGTH = 150  # characters: a longer first line is a paragraph, not a headline


def distributed(tree: Tree, people: list[tuple[int, Party]], candidate: Candidate) -> list[Candidate]:
    """"разговоры Ушакова — с Уиткоффом и с Дмитриевым": partners each under their own "с" are as many
    meetings, each with the rest of the parties; "с Уиткоффом и Кушнером" is one meeting."""
    keys = {p.key for p in candidate.parties}
    partners = [party for index, party in people if party.key in keys and tree.case_word(index) in COMITATIVE]
    partners = list({p.key: p for p in partners}.values())
    if len(partners) < 2:
        return [candidate]
    shared = tuple(p for p in candidate.parties if p.key not in {q.key for q in partners})
    if not shared:
        return [candidate]
    return [replace(candidate, parties=shared + (partner,)) for partner in partners]


def named_before(tree: Tree, people: list[tuple[int, Party]], trigger: Trigger) -> Party | None:
    """"Рубио прилетел в Эр-Рияд, где он переговорит с Лавровым": a pronoun after a clause boundary means
    the subject named just before it in the same sentence."""
    subjects = []
    for index, party in people:
        cur, seen = index, {index}
        while tree.rel(cur) in ("appos", "flat:name", "flat") and tree.head(cur) not in (-1, *seen):
            cur = tree.head(cur)  # "Спецпредставитель … Кирилл Дмитриев": the name stands in apposition
            seen.add(cur)
        if index < trigger.index and tree.tokens[index].feat("Case") == "Nom" and tree.rel(cur).startswith("nsubj"):
            subjects.append(party)
    return subjects[-1] if subjects else None


def subjectless(tree: Tree, trigger: Trigger) -> bool:
    """"Рютте прибыл в Анкару, где проведет переговоры с Фиданом": a meeting verb in a dependent clause with
    no subject of its own shares the subject of the clause it hangs on."""
    verb = next((a for a in trigger.anchors if tree.tokens[a].pos == "VERB"
                 and (a == trigger.index or tree.lemma(a) in LIGHT_VERBS)), None)
    return verb is not None and tree.rel(verb) in ("acl:relcl", "advcl", "conj") \
        and not any(tree.rel(c).startswith("nsubj") for c in tree.children[verb])


def headline_stop(text: str) -> int:
    """Where the headline line ends (0 when the text opens with a paragraph)."""
    stop = text.find("\n")
    return stop if 0 < stop <= HEADLINE_LENGTH else 0


def titled(tree: Tree, trigger: Trigger) -> bool:
    """The meeting word heads the whole line, no verb above it: "Встреча Макрона и Мерца в Париже"."""
    head = tree.head(trigger.index)
    return not trigger.is_verb and (head == -1 or not any("а" <= ch <= "я" for ch in tree.lemma(head)))
