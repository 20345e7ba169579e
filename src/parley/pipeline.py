"""The ordered stages that turn one document into its extraction.

``process`` is the one core that the CLI, the HTTP API and the batch job call;
``process_many`` is the same for a stream of documents, faster because the
sentences of several documents share the NLP models' batches.

Off-topic documents are screened out before any NLP (``parley.relevance``):
``process`` then returns an :class:`Extraction` with no facts and
``skipped_reason`` set, so every front door can record the document as
skipped with that reason. A front door that wants to decide before storing a
document calls ``screen(document)`` itself; ``process`` screens again, which
costs a few microseconds.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from parley import extract, nlp, relevance
from parley.records import Document, Extraction

DOCUMENTS_PER_BATCH = 64  # 16 documents: 92 articles/s, 64: 115/s, 128: 124/s on one core (docs/scale.md)


def screen(document: Document) -> str | None:
    """``None`` when the document goes through NLP, else why it is skipped."""
    return relevance.screen(document.text)


def skipped(document: Document, reason: str) -> Extraction:
    return Extraction(document=document, skipped_reason=reason)


def process(document: Document) -> Extraction:
    reason = screen(document)
    if reason is not None:
        return skipped(document, reason)
    analysis = nlp.analyse(document.text, parse=extract.wants_parse)
    return extract.extract(document, analysis)


def process_many(documents: Iterable[Document], batch: int = DOCUMENTS_PER_BATCH) -> Iterator[Extraction]:
    """``process`` for each document, in order, analysing ``batch`` documents together."""
    iterator = iter(documents)
    while chunk := list(islice(iterator, batch)):
        reasons = [screen(d) for d in chunk]
        wanted = [d for d, reason in zip(chunk, reasons) if reason is None]
        analyses = iter(nlp.analyse_many([d.text for d in wanted], parse=extract.wants_parse))
        for document, reason in zip(chunk, reasons):
            if reason is not None:
                yield skipped(document, reason)
            else:
                yield extract.extract(document, next(analyses))
