"""Read questions the API and the page share, answered from the store's public methods."""
from __future__ import annotations

import calendar
from dataclasses import dataclass

from parley.records import Document, LedgerEntry
from parley.resolve.kb import ids_named


@dataclass(frozen=True, slots=True)
class EventFilters:
    actor: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    status: str | None = None
    topic: str | None = None
    lang: str | None = None  # events with a source in this language

    def as_query(self) -> dict[str, str]:
        """The filters as the page's and the API's query parameters."""
        pairs = {"actor": self.actor, "from": self.date_from, "to": self.date_to, "place": self.place,
                 "status": self.status, "topic": self.topic, "lang": self.lang}
        return {key: value for key, value in pairs.items() if value}


def actor_key(store, query: str | None) -> str | None:
    """The query, or, when the store knows no meeting of it, the one actor id it names in a spelling the
    knowledge base knows ("Виткофф", "Witkoff"); the store itself matches ids, stored spellings and
    declined forms ("Уиткоффа")."""
    if not query:
        return query
    ids = ids_named(query)
    if len(ids) != 1 or ids[0] == query or store.count_events(actor=query):
        return query
    return ids[0]


def first_day(date: str | None) -> str | None:
    return f"{date}-01" if date and len(date) == 7 else date


def last_day(date: str | None) -> str | None:
    """``YYYY-MM`` as the month's last day, so "to 2025-12" keeps December."""
    if date and len(date) == 7:
        return f"{date}-{calendar.monthrange(int(date[:4]), int(date[5:7]))[1]:02d}"
    return date


def matching_events(store, filters: EventFilters) -> list[dict]:
    return store.events(actor=actor_key(store, filters.actor), date_from=first_day(filters.date_from),
                        date_to=last_day(filters.date_to), place=filters.place, status=filters.status,
                        topic=filters.topic, lang=filters.lang)


def cached_events(app, filters: EventFilters) -> list[dict]:
    """Every event matching the filters, shared by all pages of one query and by the web page."""
    return app.state.cache.get_or_compute(("events", filters), lambda: matching_events(app.state.store, filters))


def event_page(app, filters: EventFilters, limit: int, offset: int) -> dict:
    """One page of events and how many match in all: a count query and a paged read, not the whole list."""
    store, cache = app.state.store, app.state.cache
    where = {"actor": actor_key(store, filters.actor), "date_from": first_day(filters.date_from),
             "date_to": last_day(filters.date_to), "place": filters.place, "status": filters.status,
             "topic": filters.topic, "lang": filters.lang}
    total = cache.get_or_compute(("event-count", filters), lambda: store.count_events(**where))
    items = cache.get_or_compute(("event-page", filters, limit, offset),
                                 lambda: store.events(**where, limit=limit, offset=offset))
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def actor_list(app) -> dict:
    def read() -> dict:
        actors = app.state.store.actors()
        return {"total": len(actors), "items": actors}

    return app.state.cache.get_or_compute(("actors",), read)


def search(store, query: str, limit: int) -> dict:
    hits = store.search(query, limit=limit)
    return {"query": query, "total": len(hits), "items": hits}


def document_dict(document: Document) -> dict:
    return {"doc_id": document.doc_id, "title": document.title, "url": document.url,
            "published": document.published.isoformat() if document.published else None,
            "source": source_name(document.source), "lang": document.lang, "content_hash": document.content_hash,
            "outlet": document.outlet,
            "text": document.text}


def ledger_dict(entry: LedgerEntry, full_paths: bool = False) -> dict:
    status = entry.status.value if hasattr(entry.status, "value") else str(entry.status)
    return {"source": entry.source if full_paths else source_name(entry.source), "status": status,
            "reason": entry.reason, "doc_id": entry.doc_id, "lang": entry.lang}


def source_name(source: str) -> str:
    """A source as the API shows it unless asked for paths: a file's name without its folders (which
    say where the server keeps its files), "api:ID" as it is."""
    return source.rsplit("/", 1)[-1] if "/" in source and not source.startswith("api:") else source


def places(events: list[dict]) -> list[str]:
    return sorted({event["place"] for event in events if event.get("place")})


@dataclass(frozen=True, slots=True)
class AssessmentFilters:
    side: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    tone: str | None = None
    topic: str | None = None
    judge: str | None = None


def assessment_page(app, filters: AssessmentFilters, limit: int | None, offset: int = 0) -> dict:
    """One page of judgements and how many match in all."""
    store = app.state.store

    def read() -> dict:
        total, items = store.assessments(side=filters.side, date_from=first_day(filters.date_from),
                                         date_to=last_day(filters.date_to), tone=filters.tone, topic=filters.topic,
                                         judge=actor_key(store, filters.judge), limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    return app.state.cache.get_or_compute(("assessments", filters, limit, offset), read)
