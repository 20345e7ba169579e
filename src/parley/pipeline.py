"""The ordered stages that turn one document into its extraction.

``process`` is the one core that the CLI, the HTTP API and the batch job call.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from parley import extract, nlp
from parley.records import Document, Extraction


def process(document: Document) -> Extraction:
    analysis = nlp.analyse(document.text, parse=extract.wants_parse)
    return extract.extract(document, analysis)


def process_many(documents: Iterable[Document]) -> Iterator[Extraction]:
    for document in documents:
        yield process(document)
