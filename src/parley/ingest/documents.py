"""A raw article becomes a Document: cleaned, dated, its language checked, its content hashed."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace

from parley.ingest.clean import clean_text
from parley.ingest.language import LANGUAGE_NAMES, detect_language
from parley.ingest.outlets import outlet_of
from parley.ingest.readers import RawArticle
from parley.safe_text import storable, storable_or_none, web_link
from parley.records import Document, IngestResult, LedgerEntry, LedgerStatus

EXTRACTED_LANGUAGES = frozenset({"ru", "uk"})
MAX_DOC_ID_CHARS = 200  # the width of the store's doc_id columns
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "’": "'", "ё": "е", "—": "-", "–": "-"})


def normalise_for_hash(text: str) -> str:
    """The text as two copies of one article share it: case, spacing, quote styles and ё folded."""
    text = unicodedata.normalize("NFC", text).lower().translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


def bounded_doc_id(doc_id: str, limit: int = MAX_DOC_ID_CHARS) -> str:
    """``doc_id`` as given, or, when longer than the store's column, its start and a hash of the whole."""
    doc_id = doc_id.strip()
    if len(doc_id) <= limit:
        return doc_id
    return f"{doc_id[: limit - 17]}~{hashlib.sha256(doc_id.encode('utf-8')).hexdigest()[:16]}"


def to_result(article: RawArticle, max_document_chars: int) -> IngestResult:
    """The article's document and ledger entry: processed, or skipped with the reason."""
    url = web_link(storable_or_none(article.url))
    note = storable(article.note)
    if article.url and url is None:
        note = "; ".join(filter(None, [note, "'url' is not an http(s) address: left out"]))
    article = replace(article, source=storable(article.source), doc_id=bounded_doc_id(storable(article.doc_id)),
                      text=storable(article.text), title=storable_or_none(article.title), url=url, note=note)
    if not article.text.strip():
        return _skipped(article, "no text")
    cleaned = clean_text(article.text)
    if not cleaned.text:
        return _skipped(article, "nothing left after removing page furniture")
    if len(cleaned.text) > max_document_chars:
        return _skipped(article, f"too long: {len(cleaned.text):,} characters, the limit is {max_document_chars:,} "
                                 "(PARLEY_MAX_DOCUMENT_CHARS)")
    language = detect_language(cleaned.text)
    if language not in EXTRACTED_LANGUAGES:
        return _skipped(article, f"language {language}: only Russian and Ukrainian are extracted for now "
                                 f"(this text reads as {LANGUAGE_NAMES[language]})", language)
    document = Document(
        doc_id=article.doc_id,
        text=cleaned.text,
        published=article.published or cleaned.published,  # a field given with the input wins over the text
        url=article.url,
        title=article.title or cleaned.title,
        source=article.source,
        lang=language,
        content_hash=content_hash(cleaned.text),
        outlet=outlet_of(article.url, article.outlet),
    )
    return IngestResult(LedgerEntry(article.source, LedgerStatus.PROCESSED, article.note, document.doc_id, language),
                        document)


def _skipped(article: RawArticle, reason: str, language: str | None = None) -> IngestResult:
    return IngestResult(LedgerEntry(article.source, LedgerStatus.SKIPPED, reason, article.doc_id, language))
