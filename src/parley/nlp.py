"""The one adapter over natasha: sentences, tokens, morphology, syntax, NER.

Models load once per process (``models()``); natasha and slovnet objects never
leave this module: callers get :class:`parley.records.Analysis`.

Pitfalls handled here (see docs/design-notes.md):
- ``OPENBLAS_NUM_THREADS=1`` is set in ``parley/__init__`` before numpy loads;
- yargy is imported before natasha, because it patches pymorphy2 for 3.11;
- text is split on line breaks before razdel splits sentences, so headlines,
  captions and the `` date`` line never glue onto the next sentence;
- NER misses a name at the very start of its input, so every chunk handed to
  the tagger is preceded by a neutral prefix whose offsets are removed again;
- morphology and syntax are the slow part, so they run only on the sentences
  a caller asks for (``parse=``).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import yargy  # noqa: F401  (patches pymorphy2 for Python 3.11; must precede natasha)
from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser
from pymorphy2.analyzer import Parse as PymorphyParse
from razdel import sentenize, tokenize

from parley.records import Analysis, NamedSpan, Sentence, Token

NER_PREFIX = "Сообщение. "
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Models:
    morph_vocab: MorphVocab
    morph: NewsMorphTagger
    syntax: NewsSyntaxParser
    ner: NewsNERTagger


@functools.cache
def models() -> Models:
    """Load natasha's models once per process."""
    embedding = NewsEmbedding()
    return Models(
        morph_vocab=MorphVocab(),
        morph=NewsMorphTagger(embedding),
        syntax=NewsSyntaxParser(embedding),
        ner=NewsNERTagger(embedding),
    )


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets: lines first, then razdel within each line."""
    bounds: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        base = line.start()
        for sent in sentenize(line.group()):
            if sent.text.strip():
                bounds.append((base + sent.start, base + sent.stop))
    return bounds


def _ner_spans(sentence_texts: list[str], sentence_starts: list[int]) -> list[list[NamedSpan]]:
    tagger = models().ner
    vocab = models().morph_vocab
    shift = len(NER_PREFIX)
    result: list[list[NamedSpan]] = []
    for text, base, markup in zip(
        sentence_texts, sentence_starts, tagger.map([NER_PREFIX + t for t in sentence_texts])
    ):
        spans = []
        for span in markup.spans:
            start, stop = span.start - shift, span.stop - shift
            if start < 0:
                continue
            surface = text[start:stop]
            spans.append(
                NamedSpan(
                    start=base + start,
                    stop=base + stop,
                    type=span.type,
                    text=surface,
                    normal=normalize_name(surface, span.type, vocab),
                )
            )
        result.append(spans)
    return result


def _parse(words_per_sentence: list[list[str]]):
    m = models()
    morph_markups = list(m.morph.map(words_per_sentence))
    syntax_markups = list(m.syntax.map(words_per_sentence))
    return morph_markups, syntax_markups


def _tokens(sentence_text: str, base: int, morph_markup=None, syntax_markup=None) -> tuple[Token, ...]:
    raw = list(tokenize(sentence_text))
    if morph_markup is None:
        return tuple(Token(start=base + t.start, stop=base + t.stop, text=t.text) for t in raw)
    vocab = models().morph_vocab
    ids = {tok.id: i for i, tok in enumerate(syntax_markup.tokens)}
    tokens = []
    for t, morph_tok, syn_tok in zip(raw, morph_markup.tokens, syntax_markup.tokens):
        feats = tuple(sorted((morph_tok.feats or {}).items()))
        lemma = vocab.lemmatize(t.text, morph_tok.pos, morph_tok.feats or {}) or t.text.lower()
        tokens.append(
            Token(
                start=base + t.start,
                stop=base + t.stop,
                text=t.text,
                lemma=lemma.lower().replace("ё", "е"),
                pos=morph_tok.pos,
                feats=feats,
                head=ids.get(syn_tok.head_id, -1),
                rel=syn_tok.rel,
            )
        )
    return tuple(tokens)


def analyse(text: str, parse: Callable[[str], bool] | None = None) -> Analysis:
    """Split ``text`` into sentences, find named entities, and parse the
    sentences for which ``parse(sentence_text)`` is true (all when None)."""
    bounds = split_sentences(text)
    texts = [text[a:b] for a, b in bounds]
    starts = [a for a, _ in bounds]
    spans = _ner_spans(texts, starts) if texts else []
    wanted = [i for i, t in enumerate(texts) if parse is None or parse(t)]
    words = [[t.text for t in tokenize(texts[i])] for i in wanted]
    morph_markups, syntax_markups = _parse(words) if words else ([], [])
    parsed = dict(zip(wanted, zip(morph_markups, syntax_markups)))
    sentences = []
    for i, (start, stop) in enumerate(bounds):
        morph_markup, syntax_markup = parsed.get(i, (None, None))
        sentences.append(
            Sentence(
                start=start,
                stop=stop,
                text=texts[i],
                tokens=_tokens(texts[i], start, morph_markup, syntax_markup),
                spans=tuple(spans[i]),
                parsed=i in parsed,
            )
        )
    return Analysis(text=text, sentences=tuple(sentences))


def analyse_many(texts: Iterable[str], parse: Callable[[str], bool] | None = None) -> list[Analysis]:
    return [analyse(t, parse) for t in texts]


# --- names ------------------------------------------------------------------

_NAME_TAGS = ("Surn", "Name", "Patr", "Geox", "Orgn")


def normalize_name(surface: str, span_type: str, vocab: MorphVocab | None = None) -> str:
    """Put a name in the nominative: "Кириллом Дмитриевым" → "Кирилл Дмитриев"."""
    vocab = vocab or models().morph_vocab
    words = surface.split()
    if span_type == "ORG":
        return surface  # organisations are mostly indeclinable abbreviations or fixed phrases
    out = []
    for word in words:
        out.append(_nominative_word(word, span_type, vocab))
    return " ".join(out)


def _nominative_word(word: str, span_type: str, vocab: MorphVocab) -> str:
    if not word[:1].isupper() or "-" in word and word.isupper():
        return word
    parses = vocab.parse(word)
    if not parses:
        return word
    preferred = [p for p in parses if any(tag in p.tag for tag in _NAME_TAGS)] or parses
    best = preferred[0]
    if "nomn" in best.tag or "Fixd" in best.tag:
        return word
    # natasha's MorphForm.inflect takes UD grammemes; call pymorphy's own with OpenCorpora ones.
    wanted = {"nomn", "sing"} if "plur" not in best.tag or span_type == "PER" else {"nomn"}
    inflected = PymorphyParse.inflect(best, wanted) or PymorphyParse.inflect(best, {"nomn"})
    if inflected is None:
        return word
    form = inflected.word
    return _match_case(form, word)


def _match_case(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        parts = form.split("-")
        return "-".join(p[:1].upper() + p[1:] for p in parts)
    return form
