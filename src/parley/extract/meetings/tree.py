"""Small helpers over a parsed sentence's dependency tree (natasha's UD relations)."""
from __future__ import annotations

from dataclasses import dataclass

from parley.records import Sentence, Token


# Links inside one noun phrase: "в Москве и Киеве", "в столице ОАЭ", "4 декабря".
PHRASE_RELATIONS = frozenset({"conj", "appos", "flat", "flat:name", "nmod"})


@dataclass(frozen=True, slots=True)
class Tree:
    tokens: tuple[Token, ...]
    children: tuple[tuple[int, ...], ...]
    lemmas: tuple[str, ...] = ()  # each token's lemma (its lower-cased text without one), read very often

    @classmethod
    def of(cls, sentence: Sentence) -> "Tree":
        kids: list[list[int]] = [[] for _ in sentence.tokens]
        for i, token in enumerate(sentence.tokens):
            if 0 <= token.head < len(kids) and token.head != i:
                kids[token.head].append(i)
        lemmas = tuple(token.lemma or token.text.lower() for token in sentence.tokens)
        return cls(sentence.tokens, tuple(tuple(k) for k in kids), lemmas)

    def __len__(self) -> int:
        return len(self.tokens)

    def lemma(self, i: int) -> str:
        if self.lemmas:
            return self.lemmas[i]
        token = self.tokens[i]
        return token.lemma or token.text.lower()

    def head(self, i: int) -> int:
        h = self.tokens[i].head
        return h if 0 <= h < len(self.tokens) and h != i else -1

    def rel(self, i: int) -> str:
        return self.tokens[i].rel

    def case_word(self, i: int) -> str | None:
        """The preposition governing token ``i`` ("в", "с", "между"), if any: its nearest case child before it."""
        found = None
        for child in sorted(self.children[i]):
            if self.tokens[child].rel == "case" and child < i:
                found = self.lemma(child)
        return found

    def preceding_preposition(self, i: int, reach: int = 3) -> str | None:
        """The nearest preposition in the few words before ``i`` (for when the tree is unsure)."""
        for j in range(i - 1, max(-1, i - 1 - reach), -1):
            token = self.tokens[j]
            if token.pos == "ADP":
                return self.lemma(j)
            if token.pos not in ("ADJ", "DET", "NUM"):
                break
        return None

    def ancestors(self, i: int, limit: int = 8) -> list[int]:
        out = []
        cur = self.head(i)
        while cur != -1 and len(out) < limit and cur not in out:
            out.append(cur)
            cur = self.head(cur)
        return out

    def subtree(self, i: int) -> set[int]:
        seen = {i}
        stack = [i]
        while stack:
            for child in self.children[stack.pop()]:
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return seen

    def token_at(self, offset: int) -> int:
        """Index of the token that covers (or first follows) character ``offset``."""
        for i, token in enumerate(self.tokens):
            if token.stop > offset:
                return i
        return len(self.tokens) - 1

    def span_head(self, start: int, stop: int) -> int:
        """The token of a character span whose head lies outside the span."""
        inside = [i for i, t in enumerate(self.tokens) if t.start >= start and t.stop <= stop]
        if not inside:
            return self.token_at(start)
        members = set(inside)
        for i in inside:
            if self.head(i) not in members:
                return i
        return inside[0]

    def leaps_back_over(self, i: int, anchors: set[int], reach: int) -> bool:
        """Token ``i`` follows the anchors' last word before it within ``reach`` tokens, no verb between, yet
        hangs on a word before that one: an arc crossing the meeting's words, which a parser draws only by
        mistake ("после встречи президентов … в Венгрии" with "в Венгрии" hung on a noun before "встречи")."""
        before = [a for a in anchors if a < i]
        head = self.head(i)
        if not before or head == -1 or head >= max(before) or i - max(before) > reach:
            return False
        return not any(self.tokens[k].pos in ("VERB", "AUX") for k in range(max(before) + 1, i))

    def leapt_verb(self, i: int, own: frozenset[int] | set[int] = frozenset()) -> int:
        """The nearest verb that the arc from the phrase of token ``i`` to its head leaps over, the head not
        governing it, or -1 (also when the phrase is part of the ``own`` words'). Such an arc is a parser's
        slip ("26 января в Москве сообщили, что встреча может пройти" with "в Москве" hung on "пройти"); the
        phrase belongs to the clause of the verb it leaps."""
        cur = i
        while self.rel(cur) in PHRASE_RELATIONS and self.head(cur) != -1 \
                and self.tokens[self.head(cur)].pos in ("NOUN", "PROPN"):
            cur = self.head(cur)
            if cur in own:
                return -1
        head = self.head(cur)
        if head == -1:
            return -1
        step = 1 if head > cur else -1
        between = [k for k in range(cur + step, head, step) if self.tokens[k].pos in ("VERB", "AUX")]
        if not between:
            return -1
        governed = self.subtree(head)
        return next((k for k in between if k not in governed), -1)

    def is_future(self, i: int) -> bool:
        token = self.tokens[i]
        tense = token.feat("Tense")
        if tense == "Fut":
            return True
        return token.pos in ("VERB", "AUX") and tense == "Pres" and token.feat("Aspect") == "Perf" \
            and token.feat("VerbForm") == "Fin"

    def is_past(self, i: int) -> bool:
        return self.tokens[i].feat("Tense") == "Past"
