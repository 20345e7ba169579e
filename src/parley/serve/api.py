"""The JSON API under /api: reads are open to all, the one write needs the token."""
from __future__ import annotations

import json
from enum import Enum
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from parley.ingest.files import source_order
from parley.records import MeetingStatus, Tone
from parley.serve import queries, schemas, writes
from parley.serve.cache import read_key

router = APIRouter(prefix="/api", tags=["api"])

NOT_FOUND = {404: {"model": schemas.Error, "description": "No such id"}}
BAD_INPUT = {422: {"model": schemas.Error, "description": "A parameter is invalid; the message says which"}}


def json_response(data, status_code: int = 200) -> Response:
    return Response(content=dump(data), status_code=status_code, media_type="application/json")


def dump(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":")).encode()


async def _cached(request: Request, compute) -> Response:
    """The answer for this exact path and query, now valid, kept for ``CachedReads`` to serve next time."""
    body = await run_in_threadpool(request.app.state.cache.get_or_compute, read_key(request.scope), compute)
    return json_response_bytes(body)


def json_response_bytes(body: bytes) -> Response:
    return Response(content=body, media_type="application/json")


def event_filters(
    actor: str | None = Query(None, max_length=200, description="Actor id or name: events they took part in"),
    date_from: str | None = Query(None, alias="from", pattern=schemas.DATE_PATTERN,
                                  description="Earliest event date, YYYY-MM-DD or YYYY-MM"),
    date_to: str | None = Query(None, alias="to", pattern=schemas.DATE_PATTERN,
                                description="Latest event date, YYYY-MM-DD or YYYY-MM"),
    place: str | None = Query(None, max_length=200, description="Place name as shown on events"),
    status: MeetingStatus | None = Query(None, description="held, planned, cancelled or unknown"),
    topic: schemas.TopicName | None = Query(None, description="Only meetings that dealt with this topic"),
    lang: str | None = Query(None, pattern=schemas.LANG_PATTERN,
                             description="Only events with a source in this language: ru or uk"),
) -> queries.EventFilters:
    """The event filters the list and the export share, read from the query string."""
    return queries.EventFilters(actor=actor, date_from=date_from, date_to=date_to, place=place,
                                status=status.value if status else None, topic=topic.value if topic else None,
                                lang=lang)


@router.get("/events", summary="Meetings, filtered and paged",
            responses={200: {"model": schemas.EventPage}, **BAD_INPUT})
async def list_events(
    request: Request,
    filters: queries.EventFilters = Depends(event_filters),
    limit: int = Query(50, ge=1, le=1000, description="Page size"),
    offset: int = Query(0, ge=0, description="How many matching events to skip"),
) -> Response:
    app = request.app
    return await _cached(request, lambda: dump(queries.event_page(app, filters, limit, offset)))


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    graphml = "graphml"
    timelinejs = "timelinejs"
    plover = "plover"
    parquet = "parquet"


@router.get("/export/{format}", summary="The meetings that match the filters, as a file to download",
            responses={200: {"description": "The file; the X-Parley-Count header says how many meetings it holds",
                             "content": {"text/csv": {}, "application/graphml+xml": {}}}, **BAD_INPUT})
async def export_events(
    request: Request,
    format: ExportFormat,
    filters: queries.EventFilters = Depends(event_filters),
    countries: bool = Query(False, description="GraphML: countries and organisations as nodes beside persons"),
) -> Response:
    from parley.export import MEDIA_TYPES, SUFFIXES, export_bytes

    events = await run_in_threadpool(queries.cached_events, request.app, filters)
    body, count = await run_in_threadpool(export_bytes, events, format.value, countries)
    name = f"parley-meetings.{SUFFIXES[format.value]}"
    return Response(content=body, media_type=MEDIA_TYPES[format.value],
                    headers={"Content-Disposition": f'attachment; filename="{name}"', "X-Parley-Count": str(count)})


@router.get("/events/{event_id}", summary="One meeting with its sources, history and conflicts",
            responses={200: {"model": schemas.Event}, **NOT_FOUND})
def get_event(request: Request, event_id: str = Path(max_length=200)) -> Response:
    event = request.app.state.store.event(event_id)
    if event is None:
        moved_to(request, event_id)
    return json_response(event)


def moved_to(request: Request, event_id: str) -> None:
    """Raise the answer for an event id not stored: a permanent redirect to the event that took over its
    reports (an earlier report renamed it), else 404."""
    now = request.app.state.store.event_now(event_id)
    if now is None:
        raise HTTPException(404, f"no event with id '{event_id}'")
    path = request.url.path
    raise HTTPException(308, f"event '{event_id}' is now '{now}'",
                        headers={"Location": path[: len(path) - len(path.rsplit("/", 1)[-1])] + quote(now, safe="")})


@router.get("/assessments", summary="How each side judged each meeting, with the words that say so",
            responses={200: {"model": schemas.AssessmentPage}, **BAD_INPUT})
async def list_assessments(
    request: Request,
    side: str | None = Query(None, pattern=r"^[A-Za-z]{2,4}$",
                             description="Only judges of this side: RUS, UKR, USA, EU…"),
    date_from: str | None = Query(None, alias="from", pattern=schemas.DATE_PATTERN,
                                  description="Earliest meeting date, YYYY-MM-DD or YYYY-MM"),
    date_to: str | None = Query(None, alias="to", pattern=schemas.DATE_PATTERN,
                                description="Latest meeting date, YYYY-MM-DD or YYYY-MM"),
    tone: Tone | None = Query(None, description="positive, negative or mixed"),
    topic: schemas.TopicName | None = Query(None, description="Only meetings that dealt with this topic"),
    judge: str | None = Query(None, max_length=200, description="Only this judge: actor id or name"),
    limit: int = Query(50, ge=1, le=1000, description="Page size"),
    offset: int = Query(0, ge=0, description="How many matching judgements to skip"),
) -> Response:
    filters = queries.AssessmentFilters(side=side.upper() if side else None, date_from=date_from, date_to=date_to,
                                        tone=tone.value if tone else None, topic=topic.value if topic else None,
                                        judge=judge)
    app = request.app
    return await _cached(request, lambda: dump(queries.assessment_page(app, filters, limit, offset)))


@router.get("/actors", summary="Every actor, with name variants and counts",
            responses={200: {"model": schemas.ActorList}})
async def list_actors(request: Request) -> Response:
    app = request.app
    return await _cached(request, lambda: dump(queries.actor_list(app)))


@router.get("/actors/{actor_id}", summary="One actor: name variants, roles over time, meetings, quotes",
            responses={200: {"model": dict}, **NOT_FOUND})
def get_actor(request: Request, actor_id: str = Path(max_length=200, description="Actor id or name")) -> Response:
    store = request.app.state.store
    actor = store.actor(actor_id) or store.actor(queries.actor_key(store, actor_id))
    if actor is None:
        raise HTTPException(404, f"no actor with id or name '{actor_id}'")
    return json_response(actor)


@router.get("/search", summary="Full-text search over the articles (Russian stemming)",
            responses={200: {"model": schemas.SearchResults}, **BAD_INPUT})
async def search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=200, description="Words to find, in any grammatical form"),
    limit: int = Query(50, ge=1, le=200),
) -> Response:
    store = request.app.state.store
    return await _cached(request, lambda: dump(queries.search(store, q, limit)))


@router.get("/documents/{doc_id:path}", summary="One article with its full text",
            responses={200: {"model": schemas.DocumentOut}, **NOT_FOUND})
def get_document(request: Request, doc_id: str) -> Response:
    document = request.app.state.store.document(doc_id)
    if document is None:
        raise HTTPException(404, f"no document with id '{doc_id}'")
    return json_response(queries.document_dict(document))


@router.get("/ledger", summary="What became of every input: processed, skipped or failed, and why",
            responses={200: {"model": schemas.Ledger}})
def ledger(request: Request, paths: bool = Query(False, description="Sources with their folders on the "
                                                                     "server (by default the file names only).")
           ) -> Response:
    entries = sorted(request.app.state.store.ledger(), key=lambda entry: source_order(entry.source))
    rows = [queries.ledger_dict(entry, full_paths=paths) for entry in entries]
    return json_response({"total": len(rows), "items": rows})


@router.post("/documents", status_code=201, summary="Add articles (needs the token)",
             openapi_extra=writes.OPENAPI_BODY,
             responses={201: {"model": schemas.WriteResult},
                        401: {"model": schemas.Error, "description": "Missing or wrong token, or read-only server"},
                        413: {"model": schemas.Error, "description": "Request or article too large"},
                        **BAD_INPUT})
async def add_documents(request: Request) -> Response:
    writes.check_token(request)
    articles = writes.parse_articles(await writes.read_body(request), request.app.state.settings)
    result = await run_in_threadpool(writes.add_articles, request.app, articles)
    return json_response(result, status_code=201)
