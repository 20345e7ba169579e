"""Ukrainian documents through the Russian core: gloss word for word, extract, restore.

Entry points: ``gloss_document(document)`` → the Russian gloss as a document of
its own and the word map (:class:`GlossedText`); ``restore(extraction,
glossed, document)`` → the facts on the Ukrainian text. ``parley.pipeline``
calls both for every document whose language is ``uk``.

Why a gloss: no Ukrainian parser or NER model ships offline, while the Russian
models and extractors read a word-for-word Russian gloss well (the languages
share most syntax and names). The gloss keeps one word per Ukrainian word, so
every fact points back to the Ukrainian words that state it.
"""
from __future__ import annotations

from dataclasses import replace

from parley.records import Document
from parley.ukrainian.document import GlossedText, gloss_text
from parley.ukrainian.restore import restore

__all__ = ["GlossedText", "gloss_document", "restore"]


def gloss_document(document: Document) -> tuple[Document, GlossedText]:
    """The gloss as a Russian document (``lang`` "ru": the Russian lexicon and extractors read it)."""
    glossed = gloss_text(document.text)
    title = gloss_text(document.title).text if document.title else document.title
    return replace(document, text=glossed.text, title=title, lang="ru"), glossed
