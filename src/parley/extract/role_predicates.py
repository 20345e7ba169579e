"""Roles a verb gives a person, read off the sentence's syntax.

Entry point: ``predicated_spans(tokens, mentions)``: (mention, start, stop) for each role phrase
tokens[start:stop] that a verb gives a named person:

- a role noun in the instrumental completing a link verb ("стать", "являться", "назначить"):
  "Иван Петров стал министром", "капитаном команды стал Олег Сидоров", "будучи губернатором";
- a role noun in the genitive under a post noun ("пост", "должность") of a verb of holding or taking it:
  "занимает пост министра", "вступил в должность губернатора".

The holder is the verb's subject; the object of an active verb that gives the post ("назначил Петрова
министром"); the name a participle or a relative clause hangs on ("Петров, который занимает пост …");
for an adverbial participle ("будучи"), the subject of the verb it depends on.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from parley.lang import lexicon
from parley.nlp import word_parses
from parley.records import ActorMention, Token
from parley.resolve.offices import role_head

RU = lexicon("ru")
LINK_VERBS = RU.words("roles", "link_verbs")
POST_NOUNS = RU.words("roles", "post_nouns")
POST_VERBS = RU.words("roles", "post_verbs")
_SUBJECTS = ("nsubj", "nsubj:pass")
_MODIFIERS = ("acl", "acl:relcl")
_RELATIVE = RU.words("grammar", "relative_pronouns")
_BREAKS = frozenset(",.:;!?—–()")


def may_give_a_role(sentence: str) -> bool:
    """Whether a sentence has a role noun in the instrumental and a link verb, or one in the genitive and a post
    noun: worth parsing for these rules."""
    words = re.findall(r"\w[\w-]*", sentence.lower())
    cases = {case for w in words if role_head(w) for case in _cases(w)}
    if not cases:
        return False
    lemmas = {_lemma(w) for w in words}
    return "ablt" in cases and bool(lemmas & LINK_VERBS) or "gent" in cases and bool(lemmas & POST_NOUNS)


@functools.lru_cache(maxsize=65536)
def _cases(word: str) -> frozenset[str]:
    return frozenset(p.tag.case for p in word_parses(word) if p.tag.POS == "NOUN" and p.tag.case)


@functools.lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    parses = word_parses(word)
    return parses[0].normal_form if parses else word


def predicated_spans(tokens: Sequence[Token], mentions: Sequence[ActorMention]
                     ) -> Iterator[tuple[ActorMention, int, int]]:
    for i, token in enumerate(tokens):
        if role_head(token.text) is None or token.feat("Number") == "Plur":
            continue
        dependents = [t for t in tokens if t.head == i]
        verb = tokens[token.head] if token.head >= 0 else None
        if token.feat("Case") == "Ins" and any(t.rel == "case" for t in dependents):
            continue  # "работает с министром": a companion, not a post
        if token.feat("Case") == "Ins" and any(t.rel == "cop" and t.lemma in LINK_VERBS for t in dependents):
            holder = _holder(tokens, i, mentions)  # "Кан будет вратарем": the noun is the predicate
        elif token.feat("Case") == "Ins" and verb is not None and verb.lemma in LINK_VERBS:
            holder = _holder(tokens, token.head, mentions)
        elif token.feat("Case") == "Gen" and verb is not None and verb.lemma in POST_NOUNS and verb.head >= 0 \
                and tokens[verb.head].lemma in POST_VERBS:
            holder = _holder(tokens, verb.head, mentions, post=token.head)
        else:
            continue
        if holder is not None and not _graded(tokens, i):
            yield holder, _phrase_start(tokens, i), _phrase_stop(tokens, i)


def _holder(tokens: Sequence[Token], verb: int, mentions: Sequence[ActorMention],
            post: int | None = None, climbed: frozenset[int] = frozenset()) -> ActorMention | None:
    children = [k for k, t in enumerate(tokens) if t.head == verb]
    objects = [k for k in children if tokens[k].rel == "obj" and k != post]  # "занимает пост": no one's post
    if objects and tokens[verb].feat("Voice") == "Act" and not climbed:
        # "назначил Петрова министром", "назначил министра армии Петрова послом": the one named in the object
        return next((m for k in objects for n in range(len(tokens)) if _under(tokens, n, k)
                     and (m := _mention(tokens[n], mentions)) is not None), None)
    for k in children:
        if tokens[k].rel in _SUBJECTS:
            if tokens[k].lemma in _RELATIVE and tokens[verb].rel in _MODIFIERS:
                break  # "Петров, который стал министром": the name the clause hangs on
            return _mention(tokens[k], mentions)
    head = tokens[verb].head
    if head < 0:
        return None
    if tokens[verb].rel in _MODIFIERS:
        return _mention(tokens[head], mentions)  # "Петров, занимающий пост министра"
    if tokens[verb].rel in ("xcomp", "advcl", "obl") and tokens[head].pos in ("VERB", "AUX") \
            and head not in climbed:  # a parse may loop its heads
        return _holder(tokens, head, mentions, climbed=climbed | {verb})  # "может стать министром", "будучи министром, он …"
    return None


def _graded(tokens: Sequence[Token], head: int) -> bool:
    """"является наиболее влиятельным политиком", "самым молодым депутатом": a judgement of the person,
    not a post."""
    adjectives = [k for k, t in enumerate(tokens) if t.head == head and t.rel == "amod"]
    return any(tokens[k].feat("Degree") in ("Sup", "Cmp") or
               any(t.head == k and t.rel in ("advmod", "amod") for t in tokens) for k in adjectives)


def _mention(token: Token, mentions: Sequence[ActorMention]) -> ActorMention | None:
    return next((m for m in mentions if m.start <= token.start < m.stop), None)


def _phrase_start(tokens: Sequence[Token], head: int) -> int:
    start = head
    while start > 0 and tokens[start - 1].head == head and tokens[start - 1].rel == "amod":
        start -= 1  # "первым заместителем"
    return start


def _phrase_stop(tokens: Sequence[Token], head: int) -> int:
    """After the last word of the role noun's subtree, up to a punctuation mark or a verb."""
    stop = head + 1
    while stop < len(tokens) and tokens[stop].text not in _BREAKS and tokens[stop].pos not in ("VERB", "AUX") \
            and _under(tokens, stop, head):
        stop += 1
    return stop


def _under(tokens: Sequence[Token], k: int, head: int) -> bool:
    seen = 0
    while k >= 0 and seen < len(tokens):
        if k == head:
            return True
        k = tokens[k].head
        seen += 1
    return False
