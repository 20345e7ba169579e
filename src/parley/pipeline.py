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

Each document is analysed and extracted under a time and memory budget
(``parley.budget``, settings ``PARLEY_DOCUMENT_SECONDS`` and
``PARLEY_DOCUMENT_MEGABYTES``): ``process_many`` yields a :class:`Failure`
with the reason for a document over it, and goes on with the next.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from parley import extract, nlp, relevance, ukrainian
from parley.budget import Budget, OverBudget
from parley.records import Analysis, Document, Extraction
from parley.settings import Settings

DOCUMENTS_PER_BATCH = 256  # 16 documents: 92 articles/s, 64: 115/s, 128: 124/s on one core; 256: 7% faster than 64 (docs/scale.md)
LANGUAGES = ("ru", "uk")  # the languages with a pipeline; ingest skips the others


def screen(document: Document) -> str | None:
    """``None`` when the document goes through NLP, else why it is skipped."""
    return _screen(document, _readable(document)[0])


def _readable(document: Document) -> tuple[Document, ukrainian.GlossedText | None]:
    """What the models read: the document itself, or a Ukrainian one's Russian gloss and its word map."""
    return ukrainian.gloss_document(document) if document.lang == "uk" else (document, None)


def _screen(document: Document, read: Document) -> str | None:
    if document.lang not in LANGUAGES:
        return f"language {document.lang}: no pipeline reads it yet"
    return relevance.screen(read.text)


def skipped(document: Document, reason: str) -> Extraction:
    return Extraction(document=document, skipped_reason=reason)


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be extracted within its budget, and why."""

    document: Document
    reason: str


def budget_from_settings(settings: Settings | None = None) -> Budget:
    settings = settings or Settings.from_env()
    return Budget(settings.document_seconds, settings.document_megabytes)


def process(document: Document) -> Extraction:
    read, word_map = _readable(document)
    reason = _screen(document, read)
    if reason is not None:
        return skipped(document, reason)
    analysis = nlp.analyse(read.text, parse=extract.wants_parse)
    return _restored(extract.extract(read, analysis), word_map, document)


def _restored(extraction: Extraction, word_map: ukrainian.GlossedText | None, document: Document) -> Extraction:
    return ukrainian.restore(extraction, word_map, document) if word_map is not None else extraction


def process_many(documents: Iterable[Document], batch: int = DOCUMENTS_PER_BATCH,
                 budget: Budget | None = None) -> Iterator[Extraction | Failure]:
    """``process`` for each document, in order, analysing ``batch`` documents together; a document
    over its ``budget`` (by default the settings') is a :class:`Failure`, and the rest go on."""
    budget = budget or budget_from_settings()
    iterator = iter(documents)
    while chunk := list(islice(iterator, batch)):
        readable = [_readable(d) for d in chunk]
        reasons = [_screen(d, read) for d, (read, _) in zip(chunk, readable)]
        wanted = [read for (read, _), reason in zip(readable, reasons) if reason is None]
        try:
            with budget.watch(f"{len(wanted)} documents", scale=max(1, len(wanted))):
                analyses = iter(nlp.analyse_many([d.text for d in wanted], parse=extract.wants_parse))
        except OverBudget:  # one of them is too costly: each on its own budget
            analyses = iter([None] * len(wanted))
        for document, (read, word_map), reason in zip(chunk, readable, reasons):
            if reason is not None:
                yield skipped(document, reason)
                continue
            outcome = _within(budget, read, next(analyses))
            if isinstance(outcome, Failure):
                yield Failure(document, outcome.reason)
            else:
                yield _restored(outcome, word_map, document)


def _within(budget: Budget, document: Document, analysis: Analysis | None) -> Extraction | Failure:
    try:
        with budget.watch("the document"):
            if analysis is None:
                analysis = nlp.analyse(document.text, parse=extract.wants_parse)
            return extract.extract(document, analysis)
    except OverBudget as error:
        return Failure(document, str(error) or "over its time or memory budget")
