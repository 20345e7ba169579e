"""The ordered stages that turn one document into its extraction.

``process`` is the one core that the CLI, the HTTP API and the batch job call;
``process_many`` is the same for a stream of documents, faster because the
sentences of several documents share the NLP models' batches.

Each document goes the way of its language (``Document.lang``): Russian
straight to the models and extractors; Ukrainian through its word-for-word
Russian gloss and back (``parley.ukrainian``).

Off-topic documents are screened out before any NLP (``parley.relevance``):
``process`` then returns an :class:`Extraction` with no facts and
``skipped_reason`` set, so every front door can record the document as
skipped with that reason. A front door that wants to decide before storing a
document calls ``screen(document)`` itself; ``process`` screens again, which
costs a few microseconds (a Ukrainian document is glossed for it, a few
milliseconds).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from parley import extract, nlp, relevance, ukrainian
from parley.records import Document, Extraction

DOCUMENTS_PER_BATCH = 64  # 16 documents: 92 articles/s, 64: 115/s, 128: 124/s on one core (docs/scale.md)
LANGUAGES = ("ru", "uk")  # the languages with a pipeline; ingest skips the others


def screen(document: Document) -> str | None:
    """``None`` when the document goes through NLP, else why it is skipped."""
    if document.lang not in LANGUAGES:
        return f"language {document.lang}: no pipeline reads it yet"
    if document.lang == "uk":
        return relevance.screen(ukrainian.gloss_document(document)[0].text)
    return relevance.screen(document.text)


def skipped(document: Document, reason: str) -> Extraction:
    return Extraction(document=document, skipped_reason=reason)


def process(document: Document) -> Extraction:
    return next(process_many([document]))


def process_many(documents: Iterable[Document], batch: int = DOCUMENTS_PER_BATCH) -> Iterator[Extraction]:
    """``process`` for each document, in order, analysing ``batch`` documents together."""
    iterator = iter(documents)
    while chunk := list(islice(iterator, batch)):
        glossed = [ukrainian.gloss_document(d) if d.lang == "uk" else None for d in chunk]
        readable = [pair[0] if pair else d for d, pair in zip(chunk, glossed)]  # what the models read
        reasons = [f"language {d.lang}: no pipeline reads it yet" if d.lang not in LANGUAGES
                   else relevance.screen(r.text) for d, r in zip(chunk, readable)]
        wanted = [r for r, reason in zip(readable, reasons) if reason is None]
        analyses = iter(nlp.analyse_many([r.text for r in wanted], parse=extract.wants_parse))
        for document, read, pair, reason in zip(chunk, readable, glossed, reasons):
            if reason is not None:
                yield skipped(document, reason)
                continue
            extraction = extract.extract(read, next(analyses))
            yield ukrainian.restore(extraction, pair[1], document) if pair else extraction
