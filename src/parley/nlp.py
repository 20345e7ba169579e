"""The one adapter over natasha: sentences, tokens, morphology, syntax, NER.

Models load once per process (``models()``); natasha and slovnet objects never
leave this module: callers get :class:`parley.records.Analysis`.

Pitfalls handled here (see docs/design-notes.md):
- ``OPENBLAS_NUM_THREADS=1`` is set in ``parley/__init__`` before numpy loads;
- yargy is imported before natasha, because it patches pymorphy2 for 3.11;
- text is split on line breaks before razdel splits sentences, so headlines,
  captions and the `` date`` line never glue onto the next sentence, and a full
  stop with no space after it ("встречи.Информация") ends a sentence razdel keeps;
- NER misses a name at the very start of its input, so every sentence handed to
  the tagger is preceded by the words of a neutral prefix, dropped again after;
- a sentence longer than ``MAX_SENTENCE_CHARS`` (a list, a run with no full
  stop) is cut at its clause marks, so no later stage sees a sentence of
  unbounded length: their cost per sentence grows faster than linearly;
- morphology and syntax are the slow part, so they run only on the sentences
  a caller asks for (``parse=``).

Speed (docs/scale.md): each sentence is tokenised once, by razdel, and the
slovnet models get those words directly (their own ``map`` would tokenise the
text again). Sentences of many documents go to the models together, sorted by
length, in batches of about ``TOKENS_PER_BATCH`` tokens, so one call pays
numpy's per-call cost for many sentences and pads little. Lemmas and normalised names are cached.
"""
from __future__ import annotations

import dataclasses
import functools
import gc
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import yargy  # noqa: F401  (patches pymorphy2 for Python 3.11; must precede natasha)
from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser
from natasha.morph.vocab import MorphForm, ud_feats, ud_pos
from pymorphy2.analyzer import MorphAnalyzer as PymorphyAnalyzer
from pymorphy2.analyzer import Parse as PymorphyParse
from razdel import sentenize
from slovnet.shape import word_shape

from parley import crf
from parley.records import Analysis, NamedSpan, Sentence, Token
from parley.tokens import tokenize

NER_PREFIX = "Сообщение. "
_NER_PREFIX_WORDS = [word for _, _, word in tokenize(NER_PREFIX)]
TOKENS_PER_BATCH = 1024  # padded tokens per model call: measured best of 512-4096 on one core
MAX_SENTENCES_PER_BATCH = 256
_LINE = re.compile(r"[^\n]+")
# A full stop with no space after it, between a word of one script and a capitalised word of the same
# script ("встречи.Информация"): razdel keeps these together. Initials ("В.Путин"), short abbreviations
# ("ул.Ленина"), numbers ("1.5") and names of sites ("Газета.Ru") are left whole.
# Each pattern starts with the mark itself, then looks back: the engine then skips to the next mark at once,
# instead of trying the look-behind at every character.
_UNSPACED_ENDS = (re.compile(r"[.!?…](?<=[а-яёіїєґ]{4}.)[.!?…]*(?=[А-ЯЁІЇЄҐ][а-яёіїєґ'’])"),
                  re.compile(r"[.!?…](?<=[a-z]{4}.)[.!?…]*(?=[A-Z][a-z])"))
# The longest sentence handed on whole: longer runs are cut at clause marks. The longest sentence
# of the annotated articles has about 450 characters; a run without a full stop can have 200,000.
MAX_SENTENCE_CHARS = 500
# Where a long run is cut, best first: after a semicolon, a dash between words, a comma, a colon, a space.
_CLAUSE_MARKS = (re.compile(r";\s"), re.compile(r"\s[—–-]\s"), re.compile(r",\s"), re.compile(r":\s"),
                 re.compile(r"\s"))


@dataclass(frozen=True)
class Models:
    morph_vocab: MorphVocab
    morph: NewsMorphTagger
    syntax: NewsSyntaxParser
    ner: NewsNERTagger


YOUNG_COLLECTION_OBJECTS = 100_000  # new container objects between two collections of the youngest generation
WORD_PROJECTIONS = 16_384  # words per model whose first-layer products are kept: 50 MB per model


class _WordIds:
    """Stands in for slovnet's embedding layer: hands the word and shape ids on to ``_ConvEncoder``."""

    def __call__(self, word_id: np.ndarray, shape_id: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return word_id, shape_id


class _ConvEncoder:
    """slovnet's embedding and CNN encoder, computed with fewer operations.

    - The first layer's products of a word depend on the word alone, so they
      are computed once per word and kept (``WORD_PROJECTIONS`` words per
      model, first come first kept); the shape part is a table of 66 rows.
    - Each convolution is one matmul by the kernel's columns, its kernel
      offsets summed with shifted views, instead of slovnet's im2col copy.
    - Each layer's batch norm (a scale and an offset per channel after the
      ReLU) is folded into the next layer's columns and bias: a layer then
      only adds, rectifies and zeroes the padding; the last layer's norm is
      applied as one scale and one offset. The offset reaches a word only
      through the neighbours it has, so the first and last word of each
      sentence take back the share of the neighbour they lack.
    Same arithmetic up to float rounding: the analyses of every test article
    are identical to slovnet's. About three times as fast as slovnet's encoder.
    """

    def __init__(self, embedding, layers) -> None:
        self.layers: list[tuple[np.ndarray, int, np.ndarray, tuple[np.ndarray, np.ndarray] | None]] = []
        norm_before = None  # the previous layer's batch norm as (scale, offset) per channel
        for layer in layers:
            filters, channels, kernel = layer.conv.weight.shape
            if kernel != 3 or layer.conv.padding != 1:
                raise ValueError(f"a convolution of width {kernel}, padding {layer.conv.padding}: not slovnet's 3, 1")
            columns = layer.conv.weight.array.transpose(1, 2, 0).reshape(channels, kernel * filters)
            bias, edges = layer.conv.bias.array, None
            if norm_before is not None:
                scale, offset = norm_before
                shares = (offset @ columns).reshape(kernel, filters)  # the offset's share by kernel position
                columns = scale[:, None] * columns
                bias = bias + shares.sum(0)
                edges = (shares[0], shares[2])  # what a word lacking its left, right neighbour takes back
            norm = layer.norm
            scale = norm.weight.array / norm.std.array
            norm_before = (scale, norm.bias.array - norm.mean.array * scale)
            dtype = layer.conv.weight.array.dtype
            self.layers.append((np.ascontiguousarray(columns, dtype), filters, bias.astype(dtype),
                                None if edges is None else (edges[0].astype(dtype), edges[1].astype(dtype))))
        self.last_norm = tuple(a.astype(dtype) for a in norm_before)
        first = self.layers[0][0]
        self.words = embedding.word
        word_dim = self.words.dim
        # navec's quantised vectors read with one gather from a flat table of code rows (the same values as
        # its own two-array indexing, four times as fast)
        codes = self.words.codes.array
        self.code_rows = codes.reshape(-1, codes.shape[2])
        self.code_offsets = np.arange(codes.shape[0]) * codes.shape[1]
        self.word_columns = np.ascontiguousarray(first[:word_dim])
        shapes = embedding.shape(np.arange(embedding.shape.weight.shape[0]))
        self.shape_products = (shapes @ first[word_dim:]).astype(first.dtype)
        self.slots = np.full(self.words.indexes.shape[0], -1, dtype=np.int64)
        # all rows at once: memory the process has not written to is not resident, so the table takes room as
        # its rows are filled, and is never copied to grow
        self.table = np.empty((WORD_PROJECTIONS, first.shape[1]), dtype=first.dtype)
        self.used = 0
        self.lock = threading.Lock()  # the HTTP API analyses in several threads; the table grows in one

    def _vectors(self, word_id: np.ndarray) -> np.ndarray:
        """navec's vectors of the words (``embedding.word(word_id)``)."""
        rows = self.words.indexes.array[word_id] + self.code_offsets
        return np.take(self.code_rows, rows, axis=0).reshape(len(word_id), -1)

    def _first_products(self, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        with self.lock:
            return self._first_products_locked(word_id, shape_id)

    def _first_products_locked(self, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        flat = word_id.ravel()
        slots = self.slots[flat]
        missing = np.unique(flat[slots < 0])
        room = min(len(missing), WORD_PROJECTIONS - self.used)
        if room:
            # rows are claimed first and words pointed at them last: work stopped in between (over its
            # budget, parley.budget) leaves unused rows, never a word pointing at a row not filled
            new, begin = missing[:room], self.used
            self.used += room
            self.table[begin:begin + room] = self._vectors(new) @ self.word_columns
            self.slots[new] = np.arange(begin, begin + room)
            slots = self.slots[flat]
        known = slots >= 0
        if known.all():
            products = self.table[slots]
        else:
            products = np.empty((len(flat), self.table.shape[1]), self.table.dtype)
            products[known] = self.table[slots[known]]
            products[~known] = self._vectors(flat[~known]) @ self.word_columns
        products += self.shape_products[shape_id.ravel()]
        return products

    def __call__(self, ids: tuple[np.ndarray, np.ndarray], pad_mask: np.ndarray) -> np.ndarray:
        word_id, shape_id = ids
        batch, seq = word_id.shape
        rows, last = np.arange(batch), (~pad_mask).sum(1) - 1
        x = None
        for number, (columns, filters, bias, edges) in enumerate(self.layers):
            flat = self._first_products(word_id, shape_id) if number == 0 else x.reshape(-1, x.shape[-1]) @ columns
            products = flat.reshape(batch, seq, 3, filters)
            out = products[:, :, 1, :]  # summed in place: out[t] = products[t - 1, 0] + products[t, 1] + products[t + 1, 2]
            out += bias
            out[:, 1:] += products[:, :-1, 0]
            out[:, :-1] += products[:, 1:, 2]
            if edges is not None:
                out[:, 0] -= edges[0]
                out[rows, last] -= edges[1]
            np.maximum(out, 0, out=out)
            out[pad_mask] = 0
            x = out
        scale, offset = self.last_norm
        x = x * scale
        x += offset
        x[pad_mask] = 0
        return x


_UD_TAGS: dict = {}  # pymorphy2 tag → (UD part of speech, UD features): a few thousand tags


def _ud(tag) -> tuple[str, dict[str, str]]:
    ud = _UD_TAGS.get(tag)  # tags are equal when their grammemes are, and UD reads only those
    if ud is None:
        ud = _UD_TAGS[tag] = (ud_pos(tag), dict(ud_feats(tag)))
    return ud


class _MorphForm(MorphForm):
    """natasha's reading of a word, its UD part of speech and features read when asked, and worked out
    once per tag: natasha works them out for every reading it makes, and a word's inflection makes one
    for each form it has, though only lemmatisation reads them. ``feats`` is shared by every reading
    of a tag: read it, never change it."""

    __new__ = PymorphyParse.__new__

    @property
    def normal(self) -> str:
        return self.normal_form

    @property
    def pos(self) -> str:
        return _ud(self.tag)[0]

    @property
    def feats(self) -> dict[str, str]:
        return _ud(self.tag)[1]


class _MorphVocab(MorphVocab):
    """natasha's ``MorphVocab`` (its cache, lemmas and readings), whose readings are ``_MorphForm``."""

    def __init__(self) -> None:
        PymorphyAnalyzer.__init__(self, result_type=_MorphForm)


@functools.cache
def morph_vocab() -> MorphVocab:
    """The Russian morphological dictionary, loaded once per process."""
    return _MorphVocab()


@functools.cache
def models() -> Models:
    """Load natasha's models once per process.

    Then everything loaded so far is moved out of the garbage collector's sight (``gc.freeze``): the
    vocabularies and dictionaries are large, live as long as the process and hold no garbage, and each
    full collection walked them all again, 5-8% of the pipeline's time (docs/scale.md). And the youngest
    generation is collected every ``YOUNG_COLLECTION_OBJECTS`` new objects rather than 700: the pipeline makes
    many small objects (tokens, cached readings) and no cyclic garbage, so each of those collections walked
    the objects made since the last one for nothing (4% of the time of a pass over the test articles)."""
    embedding = NewsEmbedding()
    loaded = Models(
        morph_vocab=morph_vocab(),
        morph=NewsMorphTagger(embedding),
        syntax=NewsSyntaxParser(embedding),
        ner=NewsNERTagger(embedding),
    )
    for tagger in (loaded.morph, loaded.syntax, loaded.ner):
        model = tagger.infer.model
        model.encoder = _ConvEncoder(model.emb, model.encoder.layers)
        model.emb = _WordIds()
    _share_vocabularies([tagger.infer.encoder for tagger in (loaded.morph, loaded.syntax, loaded.ner)])
    gc.freeze()
    gc.set_threshold(max(YOUNG_COLLECTION_OBJECTS, gc.get_threshold()[0]), *gc.get_threshold()[1:])
    return loaded


def split_sentences(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Sentence offsets: lines first, then razdel within each line; none longer than ``limit``."""
    bounds: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        base = line.start()
        for sent in sentenize(line.group()):
            for start, stop in _unspaced_pieces(line.group(), sent.start, sent.stop):
                if line.group()[start:stop].strip():
                    bounds.extend(_cut_long(text, base + start, base + stop, limit))
    return bounds


def _unspaced_pieces(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """``text[start:stop]`` split after full stops that no space follows ("встречи.Информация")."""
    ends = sorted(m.end() for pattern in _UNSPACED_ENDS for m in pattern.finditer(text, start, stop))
    for end in ends:
        yield start, end
        start = end
    yield start, stop


def _cut_long(text: str, start: int, stop: int, limit: int) -> Iterator[tuple[int, int]]:
    """``text[start:stop]`` in pieces of at most ``limit`` characters, cut at the best clause mark
    in the second half of each window (a hard cut only where a window has no space at all)."""
    while stop - start > limit:
        window = text[start:start + limit]
        cut = limit
        for mark in _CLAUSE_MARKS:
            ends = [m.end() for m in mark.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        piece_stop = start + cut
        while piece_stop > start and text[piece_stop - 1].isspace():
            piece_stop -= 1
        if piece_stop > start:
            yield start, piece_stop
        start += cut
        while start < stop and text[start].isspace():
            start += 1
    if start < stop and text[start:stop].strip():
        yield start, stop


def _run_batched(run: Callable[[list[list[str]]], Iterable], items: Sequence[list[str]]) -> list:
    """Apply a slovnet model to word lists, shortest first, in batches; results in input order.

    A batch holds sentences of about the same length, as many as fit in
    ``TOKENS_PER_BATCH`` padded tokens: short sentences go many to a call, so
    numpy's fixed cost per call is shared, and long ones few, so memory stays
    small. (The models' padding embeddings are zero, so a sentence's tags do
    not depend on its batch.)
    """
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    results: list = [None] * len(items)
    begin = 0
    while begin < len(order):
        end = begin + 1
        while (end < len(order) and end - begin < MAX_SENTENCES_PER_BATCH
               and (end - begin + 1) * len(items[order[end]]) <= TOKENS_PER_BATCH):
            end += 1
        chunk = order[begin:end]
        for index, result in zip(chunk, run([items[i] for i in chunk])):
            results[index] = result
        begin = end
    return results


_WORD_CACHE_LIMIT = 300_000  # words per model; news vocabulary repeats, so most lookups hit


@functools.cache
def _word_ids(vocabularies: int) -> dict[str, tuple[int, int]]:
    return {}


def _same_vocabularies(encoder, other) -> bool:
    return (encoder.words_vocab.items == other.words_vocab.items
            and encoder.shapes_vocab.items == other.shapes_vocab.items)


# id of an encoder → id of the first loaded encoder that numbers words and shapes the same way: natasha's
# three models do, so one cache of word ids serves them, and morphology and syntax share their input
_VOCABULARIES: dict[int, int] = {}


def _share_vocabularies(encoders: Sequence) -> None:
    firsts: list = []
    for encoder in encoders:
        first = next((f for f in firsts if _same_vocabularies(f, encoder)), None)
        if first is None:
            firsts.append(encoder)
        _VOCABULARIES[id(encoder)] = id(first or encoder)


def _vocabularies(encoder) -> int:
    return _VOCABULARIES.get(id(encoder), id(encoder))


def _encode(encoder, batch: list[list[str]]):
    """slovnet's encoder input for a batch, each word's (word id, shape id) computed once per process."""
    cache = _word_ids(_vocabularies(encoder))
    items = []
    for words in batch:
        word_ids, shape_ids = [], []
        for word in words:
            pair = cache.get(word)
            if pair is None:
                pair = (encoder.words_vocab.encode(word.lower()), encoder.shapes_vocab.encode(word_shape(word)))
                if len(cache) < _WORD_CACHE_LIMIT:
                    cache[word] = pair
            word_ids.append(pair[0])
            shape_ids.append(pair[1])
        items.append((word_ids, shape_ids))
    return encoder.input(items)


def _tags(decoder, predictions: Iterable[np.ndarray]) -> list[list[str]]:
    """slovnet's ``TagDecoder``: each sentence's tag ids as tag names."""
    names = decoder.tags_vocab.items
    return [[names[i] for i in prediction.tolist()] for prediction in predictions]


def _ner_tags(words: list[list[str]]) -> list[list[str]]:
    infer = models().ner.infer
    model = infer.model

    def run(batch: list[list[str]]):  # slovnet's NERInfer.process, with parley.crf's decoding
        encoded = _encode(infer.encoder, batch)
        emissions = model(encoded.word_id, encoded.shape_id, encoded.pad_mask)
        return _tags(infer.decoder, crf.decode(model.head.crf.transitions.array, emissions, ~encoded.pad_mask))

    prefixed = [_NER_PREFIX_WORDS + w for w in words]
    shift = len(_NER_PREFIX_WORDS)
    return [tags[shift:] for tags in _run_batched(run, prefixed)]


@functools.lru_cache(maxsize=100_000)
def _normal_name(surface: str, span_type: str) -> str:
    return normalize_name(surface, span_type, models().morph_vocab)


def _spans(text: str, tokens: Sequence[Token], tags: Sequence[str]) -> tuple[NamedSpan, ...]:
    """BIO tags over tokens to spans, as slovnet's ``bio_spans`` reads them."""
    found: list[tuple[int, int, str]] = []
    current: list | None = None
    for token, tag in zip(tokens, tags):
        part, _, kind = tag.partition("-")
        if part == "B" or (part == "O" and current):
            if current:
                found.append(tuple(current))
            current = [token.start, token.stop, kind] if part == "B" else None
        elif part == "I" and current:
            current[1] = token.stop
    if current:
        found.append(tuple(current))
    return tuple(NamedSpan(start=start, stop=stop, type=kind, text=text[start:stop],
                           normal=_normal_name(text[start:stop], kind)) for start, stop, kind in found)


@functools.lru_cache(maxsize=200_000)
def _lemma(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    try:
        lemma = models().morph_vocab.lemmatize(word, pos, dict(feats)) or word.lower()
    except ValueError:  # pymorphy2 looks up each character's Unicode name; unassigned ones have none
        lemma = word.lower()
    return lemma.lower().replace("ё", "е")


@functools.lru_cache(maxsize=10_000)
def _morph_tag(tag: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A CoNLL tag ("NOUN|Case=Nom|Number=Sing") as its part of speech and sorted features."""
    pos, _, feats = tag.partition("|")
    return pos, tuple(sorted(tuple(f.split("=", 1)) for f in feats.split("|"))) if feats else ()


def _parse(words: list[list[str]]) -> list[tuple[list[str], tuple]]:
    """For each word list: its morphology tags, and its syntax (head ids, relation ids) arrays."""
    m = models()
    morph, syntax = m.morph.infer, m.syntax.infer
    if _vocabularies(morph.encoder) == _vocabularies(syntax.encoder):  # one input serves both models
        def run(batch: list[list[str]]):
            inputs = [_encode(morph.encoder, batch)]
            return zip(_tags(morph.decoder, morph.process(inputs)), syntax.process(inputs))
        return _run_batched(run, words)
    tags = _run_batched(lambda batch: _tags(morph.decoder, morph.process([_encode(morph.encoder, batch)])), words)
    trees = _run_batched(lambda batch: syntax.process([_encode(syntax.encoder, batch)]), words)
    return list(zip(tags, trees))


def _parsed_tokens(base: int, words: Sequence[tuple[int, int, str]], tags: list[str],
                   tree: tuple) -> tuple[Token, ...]:
    """A parsed sentence's tokens (``words`` as ``tokenize`` gives them, offsets from ``base``)."""
    head_ids, rel_ids = tree
    rels = _relations()
    size = len(words)
    out = []
    for (begin, end, word), tag, head, rel in zip(words, tags, head_ids.tolist(), rel_ids.tolist()):
        pos, feats = _morph_tag(tag)
        out.append(_token(base + begin, base + end, word, _lemma(word, pos, feats), pos, feats,
                          head - 1 if 1 <= head <= size else -1, rels[rel]))
    return tuple(out)


_TOKEN_FIELDS = ("start", "stop", "text", "lemma", "pos", "feats", "head", "rel")
_SET_START, _SET_STOP, _SET_TEXT, _SET_LEMMA, _SET_POS, _SET_FEATS, _SET_HEAD, _SET_REL = (
    getattr(Token, name).__set__ for name in _TOKEN_FIELDS)


def _token(start: int, stop: int, text: str, lemma: str = "", pos: str = "",
           feats: tuple[tuple[str, str], ...] = (), head: int = -1, rel: str = "") -> Token:
    """``Token(...)``, made a third faster: a pass makes one for each word of each sentence, and a frozen
    record's own ``__init__`` sets each field through ``object.__setattr__``; its slots are set here."""
    token = object.__new__(Token)
    _SET_START(token, start)
    _SET_STOP(token, stop)
    _SET_TEXT(token, text)
    _SET_LEMMA(token, lemma)
    _SET_POS(token, pos)
    _SET_FEATS(token, feats)
    _SET_HEAD(token, head)
    _SET_REL(token, rel)
    return token


if tuple(f.name for f in dataclasses.fields(Token)) != _TOKEN_FIELDS:  # a field added: _token must set it too
    raise ImportError("parley.records.Token has other fields than parley.nlp._token sets")


@functools.cache
def _relations() -> list[str]:
    """The syntax model's relation names, by id."""
    return list(models().syntax.infer.decoder.rels_vocab.items)


def analyse(text: str, parse: Callable[[str], bool] | None = None) -> Analysis:
    """Split ``text`` into sentences, find named entities, and parse the
    sentences for which ``parse(sentence_text)`` is true (all when None)."""
    return analyse_many([text], parse)[0]


def analyse_many(texts: Iterable[str], parse: Callable[[str], bool] | None = None) -> list[Analysis]:
    """``analyse`` for many texts at once: their sentences share model batches."""
    texts = list(texts)
    sentences: list[tuple[int, int, int, list[tuple[int, int, str]]]] = []  # (doc, start, stop, its words)
    for doc, text in enumerate(texts):
        for start, stop in split_sentences(text):
            sentences.append((doc, start, stop, tokenize(text[start:stop])))
    words = [[word for _, _, word in found] for _, _, _, found in sentences]
    tags = _ner_tags(words) if words else []
    wanted = [i for i, (doc, start, stop, _) in enumerate(sentences)
              if parse is None or parse(texts[doc][start:stop])]
    parsed = dict(zip(wanted, _parse([words[i] for i in wanted]))) if wanted else {}
    per_doc: list[list[Sentence]] = [[] for _ in texts]
    for i, (doc, start, stop, found) in enumerate(sentences):
        text = texts[doc]
        if i in parsed:
            tokens = _parsed_tokens(start, found, *parsed[i])
        else:
            tokens = tuple(_token(start + begin, start + end, word) for begin, end, word in found)
        per_doc[doc].append(Sentence(start=start, stop=stop, text=text[start:stop], tokens=tokens,
                                     spans=_spans(text, tokens, tags[i]), parsed=i in parsed))
    return [Analysis(text=text, sentences=tuple(s)) for text, s in zip(texts, per_doc)]


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
    try:
        parses = vocab.parse(word)
    except ValueError:  # a character without a Unicode name (see _lemma)
        return word
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


# --- words ------------------------------------------------------------------
# The extractors' only way to the morphological analyser: a word's readings and their inflections.


@functools.lru_cache(maxsize=32768)
def word_parses(word: str) -> tuple:
    """Every reading of one word, most likely first (pymorphy2 parses: ``tag``, ``normal_form``, ``score``)."""
    return tuple(models().morph_vocab.parse(word))


@functools.lru_cache(maxsize=32768)
def word_is_known(word: str) -> bool:
    """Whether the analyser's dictionary has the word (lower case), rather than guessing from its ending."""
    return models().morph_vocab.word_is_known(word)


def inflect(parse, grammemes: set[str]):
    """A reading put into other grammemes (OpenCorpora names: {"nomn", "sing"}), or None when it cannot be."""
    return PymorphyParse.inflect(parse, grammemes)
