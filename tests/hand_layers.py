"""Hand-built parsed sentences for stage tests: no model is loaded.

``sentence(spec, start)`` builds a parsed :class:`Sentence` from one line per
token: ``word lemma POS head rel [Feat=Value …]`` (head is the token index, -1
for the root); offsets follow the words, a space between them except before
punctuation.
"""
from __future__ import annotations

from parley.records import NamedSpan, Sentence, Token


def sentence(spec: str, start: int = 0, spans: tuple[tuple[str, str], ...] = ()) -> Sentence:
    tokens: list[Token] = []
    text = ""
    for line in spec.strip().splitlines():
        word, lemma, pos, head, rel, *feats = line.split()
        if text and pos != "PUNCT":
            text += " "
        begin = start + len(text)
        text += word
        tokens.append(Token(begin, begin + len(word), word, lemma, pos,
                            tuple(tuple(f.split("=")) for f in feats), int(head), rel))
    named = []
    for kind, words in spans:  # NER spans by their words: ("LOC", "Москве")
        at = text.index(words)
        named.append(NamedSpan(start + at, start + at + len(words), kind, words, words))
    return Sentence(start, start + len(text), text, tuple(tokens), tuple(named), parsed=True)
