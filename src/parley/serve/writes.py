"""POST /api/documents: the token check, the size limits, and the same core as ``parley ingest``."""
from __future__ import annotations

import hmac
import json

from fastapi import FastAPI, HTTPException, Request
from pydantic import TypeAdapter, ValidationError

from parley.ingest.documents import to_result
from parley.ingest.readers import RawArticle
from parley.records import Document, LedgerEntry, LedgerStatus
from parley.serve.schemas import ArticleIn
from parley.settings import Settings

MAX_ARTICLES_PER_REQUEST = 100
_ARTICLES = TypeAdapter(ArticleIn | list[ArticleIn])

OPENAPI_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "oneOf": [{"$ref": "#/components/schemas/ArticleIn"},
              {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"},
               "maxItems": MAX_ARTICLES_PER_REQUEST}]}}}}}


def check_token(request: Request) -> None:
    expected = request.app.state.settings.token
    challenge = {"WWW-Authenticate": "Bearer"}
    if not expected:
        raise HTTPException(401, "this server is read-only: start it with PARLEY_TOKEN set to accept writes",
                            headers=challenge)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "writes need the header 'Authorization: Bearer <PARLEY_TOKEN>'",
                            headers=challenge)
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "the token is wrong", headers=challenge)


async def read_body(request: Request) -> bytes:
    """The request body, refused with 413 as soon as it is known to be over the limit."""
    limit = request.app.state.settings.max_input_bytes
    too_large = HTTPException(413, f"request body over the limit of {limit} bytes (PARLEY_MAX_INPUT_BYTES)")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def parse_articles(body: bytes, settings: Settings) -> list[ArticleIn]:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(422, f"the body is not valid JSON: {exc}") from None
    except RecursionError:
        raise HTTPException(422, "the body is JSON nested too deep to read") from None
    except ValueError as exc:  # a number too long to convert, and the like
        raise HTTPException(422, f"the body is not readable JSON: {exc}") from None
    try:
        parsed = _ARTICLES.validate_python(payload)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:] if len(e['loc']) > 1 else e['loc']))}: {e['msg']}"
                             for e in exc.errors()[:5])
        raise HTTPException(422, "expected an article object {doc_id, text, published, url, title} "
                                 f"or a list of them: {problems}") from None
    articles = parsed if isinstance(parsed, list) else [parsed]
    if not articles:
        raise HTTPException(422, "the list of articles is empty")
    if len(articles) > MAX_ARTICLES_PER_REQUEST:
        raise HTTPException(413, f"{len(articles)} articles in one request; at most {MAX_ARTICLES_PER_REQUEST}")
    for article in articles:
        if len(article.text) > settings.max_document_chars:
            raise HTTPException(413, f"article '{article.doc_id}' has {len(article.text)} characters; at most "
                                     f"{settings.max_document_chars} (PARLEY_MAX_DOCUMENT_CHARS)")
    return articles


def add_articles(app: FastAPI, articles: list[ArticleIn]) -> dict:
    """Clean, screen, extract, store and fuse the articles, one writer at a time; say what became of each.

    The rules are ``parley ingest``'s: the same cleaning and language check, a text stored once
    (a repeat is a no-op, a copy under another id is skipped), one ledger row per article.
    """
    from parley.fuse import fuse
    from parley.ingest.run import extract_each, save_document_and_facts
    from parley.pipeline import process_many  # the NLP models load with the first write, not at start-up

    store = app.state.store
    with app.state.write_lock:
        outcomes: list[dict] = []
        pending: dict[str, tuple[dict, Document]] = {}  # by content hash: a text twice in one request is one
        for article in articles:
            raw = RawArticle(source=f"api:{article.doc_id}", doc_id=article.doc_id, text=article.text,
                             published=article.published, url=article.url, title=article.title)
            result = to_result(raw, app.state.settings.max_document_chars)
            outcome = {"doc_id": article.doc_id, "status": "processed", "reason": "", "meetings": 0, "events": []}
            outcomes.append(outcome)
            entry = result.entry if result.document is None else _settle(store, result.document, pending)
            if entry is None:
                pending[result.document.content_hash] = (outcome, result.document)
            else:
                _record(store, outcome, entry)
        documents = [document for _, document in pending.values()]
        by_doc_id = {document.doc_id: outcome for outcome, document in pending.values()}
        try:
            for document, extraction in extract_each(documents, process_many):
                outcome = by_doc_id[document.doc_id]
                if isinstance(extraction, str):
                    _record(store, outcome, LedgerEntry(document.source, LedgerStatus.FAILED, extraction,
                                                        document.doc_id))
                elif extraction.skipped_reason:
                    _record(store, outcome, LedgerEntry(document.source, LedgerStatus.SKIPPED,
                                                        extraction.skipped_reason, document.doc_id))
                else:
                    _, problem = save_document_and_facts(store, document, extraction)
                    if problem:
                        _record(store, outcome, LedgerEntry(document.source, LedgerStatus.FAILED, problem,
                                                            document.doc_id))
                        continue
                    outcome["meetings"] = len(extraction.meetings)
                    _record(store, outcome, LedgerEntry(document.source, LedgerStatus.PROCESSED, "",
                                                        document.doc_id))
        finally:  # what was stored is fused, even when the database fails on a later article
            if pending:
                fuse(store)
            app.state.cache.clear()
        _attach_events(store, outcomes)
    return {"documents": outcomes}


def _settle(store, document: Document, pending: dict) -> LedgerEntry | None:
    """The entry of an article decided without extraction, or None when it is to be extracted."""
    stored = store.find_document_by_hash(document.content_hash)
    if stored is None and document.content_hash in pending:
        stored = pending[document.content_hash][1].doc_id
    if stored == document.doc_id:
        return LedgerEntry(document.source, LedgerStatus.PROCESSED, "unchanged: already stored", document.doc_id)
    if stored is not None:
        return LedgerEntry(document.source, LedgerStatus.SKIPPED, f"duplicate of {stored}", stored)
    holder = store.document(document.doc_id)
    if holder is not None and holder.source != document.source:
        return LedgerEntry(document.source, LedgerStatus.SKIPPED,
                           f"doc_id {document.doc_id} is already taken by {holder.source}", None)
    return None


def _record(store, outcome: dict, entry: LedgerEntry) -> None:
    store.record_ledger(entry)
    outcome["status"] = entry.status.value
    outcome["reason"] = entry.reason
    if entry.doc_id:
        outcome["doc_id"] = entry.doc_id


def _attach_events(store, outcomes: list[dict]) -> None:
    wanted = {outcome["doc_id"]: outcome for outcome in outcomes}
    for event in store.events():
        for source in event.get("sources", ()):
            outcome = wanted.get(source.get("doc_id"))
            if outcome is not None and event["id"] not in outcome["events"]:
                outcome["events"].append(event["id"])
