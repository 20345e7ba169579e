"""The web page: server-rendered Jinja2 views over the same queries as the API."""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from parley.records import MeetingStatus
from parley.resolve.kb import knowledge_base
from parley.serve import highlight, labels, queries, schemas, talkviews, views
from parley.store.stemmer import STOPWORDS, WORD, stem, words

router = APIRouter(include_in_schema=False)

STATUSES = [status.value for status in MeetingStatus]
LANGUAGES = {"ru": "русский", "uk": "украинский"}  # the languages of sources, as the filter names them
MAX_PAGE_EVENTS = 2000  # more would make the page slow to draw; the filters narrow it down
DATE = re.compile(schemas.DATE_PATTERN)
# No inline script anywhere: data reaches the scripts as JSON in <script type="application/json">.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def render(request: Request, template: str, context: dict, status_code: int = 200) -> HTMLResponse:
    lang, chosen = labels.language_of(request)
    words = labels.Labels(lang)
    response = request.app.state.templates.TemplateResponse(
        request, template, {"statuses": STATUSES, "t": words, "tn": words.count, "lang": lang,
                            "languages": LANGUAGES, "page_languages": language_links(request, lang), "labels": words.catalogue(), **context},
        status_code=status_code)
    if chosen:
        response.set_cookie(labels.COOKIE, lang, max_age=labels.COOKIE_AGE, samesite="lax")
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def language_links(request: Request, lang: str) -> list[dict]:
    """The other languages, each as a link to this same page (its filters kept) in that language."""
    kept = [(key, value) for key, value in request.query_params.multi_items() if key != labels.PARAMETER]
    return [{"code": code, "name": labels.Labels(code)("lang.name"),
             "href": "?" + urlencode(kept + [(labels.PARAMETER, code)])}
            for code in labels.LANGUAGES if code != lang]


def _blank_to_none(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def page_filters(actor: str | None, date_from: str | None, date_to: str | None, place: str | None,
                 status: str | None, topic: str | None = None, lang: str | None = None) -> queries.EventFilters:
    filters = queries.EventFilters(*(_blank_to_none(v) for v in (actor, date_from, date_to, place, status, topic,
                                                                  lang)))
    if filters.lang and filters.lang not in LANGUAGES:
        raise HTTPException(422, f"lang must be one of {', '.join(LANGUAGES)}, not '{filters.lang}'")
    for label, value in (("from", filters.date_from), ("to", filters.date_to)):
        if value and not DATE.match(value):
            raise HTTPException(422, f"the '{label}' date must be YYYY-MM-DD or YYYY-MM, not '{value}'")
    if filters.status and filters.status not in STATUSES:
        raise HTTPException(422, f"status must be one of {', '.join(STATUSES)}, not '{filters.status}'")
    if filters.topic and filters.topic not in talkviews.TOPIC_LABELS:
        raise HTTPException(422, f"topic must be one of {', '.join(talkviews.TOPIC_LABELS)}, not '{filters.topic}'")
    return filters


def actor_kinds(app) -> dict[str, str]:
    return app.state.cache.get_or_compute(
        ("actor-kinds",), lambda: {actor["id"]: actor.get("kind") for actor in queries.actor_list(app)["items"]})


def chosen_actor(store, query: str | None, actors: list[dict]) -> dict | None:
    """The actor the participant filter names, by id, name, stored or known spelling, or declined form."""
    if not query:
        return None
    by_id = {actor.get("id"): actor for actor in actors}
    found = next((a for a in actors if query in (a.get("id"), a.get("name"))), None)
    if found is None:
        found = by_id.get(queries.actor_key(store, query)) or by_id.get((store.actor(query) or {}).get("id"))
    return found


@router.get("/", response_class=HTMLResponse)
def index(request: Request, actor: str | None = Query(None, max_length=200),
          date_from: str | None = Query(None, alias="from", max_length=10),
          date_to: str | None = Query(None, alias="to", max_length=10),
          place: str | None = Query(None, max_length=200), status: str | None = Query(None, max_length=16),
          topic: str | None = Query(None, max_length=32), lang: str | None = Query(None, max_length=8)):
    filters = page_filters(actor, date_from, date_to, place, status, topic, lang)
    events = queries.cached_events(request.app, filters)
    everything = queries.cached_events(request.app, queries.EventFilters())
    actors = queries.actor_list(request.app)["items"]
    chosen = chosen_actor(request.app.state.store, filters.actor, actors)
    shown = events[:MAX_PAGE_EVENTS]
    kinds = actor_kinds(request.app)
    met = {p.get("id") for e in everything for p in e.get("participants") or ()}
    return render(request, "index.html", {
        "filters": filters, "events": shown, "matching": len(events), "total_events": len(everything),
        "undated": sum(1 for e in shown if not e.get("date")),
        # the participant filter offers only actors with a meeting to show
        "actors": sorted((a for a in actors if a.get("id") in met or (chosen and a.get("id") == chosen.get("id"))),
                         key=lambda a: (a.get("name") or "").casefold()),
        "chosen_actor": chosen, "places": queries.places(everything),
        "timeline": [views.timeline_item(e, kinds) for e in shown], "tracks": views.TRACKS,
        "network": views.network_data(shown), "map": views.map_data(shown),
        "exports": views.export_links(filters.as_query()), "api_query": filters.as_query()})


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str):
    store = request.app.state.store
    event = store.event(event_id)
    if event is None:
        from parley.serve.api import moved_to

        moved_to(request, event_id)
    documents: dict[str, object] = {}
    sources = []
    for source in event.get("sources") or ():
        doc_id = source.get("doc_id")
        if doc_id not in documents:
            documents[doc_id] = store.document(doc_id)
        document = documents[doc_id]
        evidence = source.get("evidence") or {}
        span = None
        if document is not None:
            span = highlight.locate(document.text, int(evidence.get("start", 0)), int(evidence.get("end", 0)),
                                    evidence.get("text") or "")
        sources.append({"source": source, "document": document, "span": span,
                        "pieces": highlight.pieces(document.text, [span] if span else []) if document else []})
    outlets = {s.get("doc_id"): s.get("outlet") or s.get("doc_id") for s in event.get("sources") or ()}
    return render(request, "event.html", {"event": event, "sources": sources, "outlets": outlets,
                                          "judged_by_side": talkviews.judgements_by_side(store, event, documents)})


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request):
    actors = queries.actor_list(request.app)["items"]
    return render(request, "actors.html", {"actors": actors})  # the store orders them by meetings


def roles_over_time(roles: list[dict]) -> list[dict]:
    """Each role once, with the first and last dates it was reported and the articles that say it."""
    grouped: dict[str, dict] = {}
    for role in sorted(roles, key=lambda r: (r.get("published") or "9999", r.get("doc_id") or "")):
        key = " ".join((role.get("role") or "").casefold().split())
        entry = grouped.setdefault(key, {"role": role.get("role"), "first": role.get("published"),
                                         "last": role.get("published"), "sources": []})
        entry["last"] = role.get("published") or entry["last"]
        entry["sources"].append(role)
    return sorted(grouped.values(), key=lambda r: (r["first"] or "9999", r["role"] or ""))


def other_names(actor: dict) -> list[str]:
    """The knowledge base's spellings of the actor that the articles did not use ("Стив Виткофф", "Steve Witkoff")."""
    known = knowledge_base().actors.get(actor.get("id") or "")
    seen = {name.casefold() for name in actor.get("names") or ()} | {(actor.get("name") or "").casefold()}
    return [name for name in (known.names if known else ()) if name.casefold() not in seen]


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str):
    store = request.app.state.store
    actor = store.actor(actor_id) or store.actor(queries.actor_key(store, actor_id))
    if actor is None:
        raise HTTPException(404, f"no actor with id or name '{actor_id}'")
    events = actor.get("meetings") or []
    kinds = actor_kinds(request.app)
    return render(request, "actor.html", {"actor": actor, "events": events, "other_names": other_names(actor),
                                          "roles": roles_over_time(actor.get("roles") or []),
                                          "timeline": [views.timeline_item(e, kinds) for e in events],
                                          "tracks": views.TRACKS})


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, highlight_spans: list[str] = Query([], alias="highlight")):
    document = request.app.state.store.document(doc_id)
    if document is None:
        raise HTTPException(404, f"no document with id '{doc_id}'")
    try:
        spans = highlight.parse_spans(highlight_spans)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    everything = queries.cached_events(request.app, queries.EventFilters())
    reported = [(event, source) for event in everything for source in event.get("sources") or ()
                if source.get("doc_id") == doc_id]
    return render(request, "document.html", {"document": document, "spans": spans, "reported": reported,
                                             "pieces": highlight.pieces(document.text, spans)})


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=200),
                month: str = Query("", max_length=7, description="Only articles published in this YYYY-MM")):
    query = q.strip()
    hits = queries.search(request.app.state.store, query, 200)["items"] if query else []
    months = Counter((hit.get("published") or "")[:7] or "—" for hit in hits)
    shown = [hit for hit in hits if not month or ((hit.get("published") or "")[:7] or "—") == month]
    return render(request, "search.html", {"query": query, "results": shown, "month": month,
                                           "articles": hits_by_article(shown, query),
                                           "months": sorted(months.items(), reverse=True)})


def hits_by_article(hits: list[dict], query: str) -> list[dict]:
    """Passages grouped under their article, in the order of the first hit; the query's words marked in each."""
    wanted = {stem(word) for word in words(query) if word not in STOPWORDS}  # "в", "и" would mark every line
    articles: dict[str, dict] = {}
    for hit in hits:
        article = articles.setdefault(hit.get("doc_id"), {**hit, "passages": []})
        text = hit.get("text") or hit.get("snippet") or ""
        article["passages"].append({**hit, "pieces": marked_words(text, wanted)})
    return list(articles.values())


def marked_words(text: str, wanted: set[str]) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, each flagged when it is a word of the query in any form (escaped when shown)."""
    pieces, at = [], 0
    for match in WORD.finditer(text):
        if stem(match.group().lower().replace("ё", "е")) in wanted:
            pieces += [(text[at:match.start()], False), (match.group(), True)]
            at = match.end()
    return [piece for piece in pieces + [(text[at:], False)] if piece[0]]
