"""The application factory: one store, the JSON API, the web page, errors as JSON or as a page."""
from __future__ import annotations

import contextlib
import threading
from http import HTTPStatus
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley import __version__
from parley.errors import DatabaseError, InputError, ParleyError
from parley.resolve import coordinates
from parley.serve import api, pages, schemas, talkviews
from parley.serve.cache import CachedReads, ResponseCache
from parley.settings import Settings

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATES_DIR = HERE / "templates"

DESCRIPTION = """Meetings, actors and statements rebuilt from Russian-language news, each fact with
its evidence. Every read is open; `POST /api/documents` needs `Authorization: Bearer <PARLEY_TOKEN>`
and is refused when the server runs without a token."""


def create_app(settings: Settings | None = None, store=None) -> FastAPI:
    """Build the application. Opens ``settings.db_url`` unless a ``store`` is given (and then leaves it open)."""
    settings = settings or Settings.from_env()
    owns_store = store is None
    if store is None:
        from parley.store import Store

        store = Store.open(settings.db_url)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        # The map's gazetteer takes a second or two to load: done beside the first requests, not in one.
        threading.Thread(target=coordinates.warm, name="gazetteer", daemon=True).start()
        yield
        if owns_store:
            store.close()

    app = FastAPI(title="Parley", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.store = store
    app.state.write_lock = threading.Lock()
    app.state.cache = ResponseCache()
    app.state.templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    app.state.templates.env.globals["path_for"] = lambda name, **params: link_path(app, name, **params)
    app.state.templates.env.filters["plural"] = russian_plural
    talkviews.register(app.state.templates.env)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(talkviews.router)
    _add_docs_page(app)
    _add_error_handlers(app)
    _document_article_schema(app)
    app.add_middleware(CachedReads, cache=app.state.cache)
    return app


def _document_article_schema(app: FastAPI) -> None:
    """POST /api/documents reads its body itself (to cap its size), so its schema is added by hand."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            spec = build()
            spec.setdefault("components", {}).setdefault("schemas", {})["ArticleIn"] = (
                schemas.ArticleIn.model_json_schema(ref_template="#/components/schemas/{model}"))
        return app.openapi_schema

    app.openapi = openapi


def _add_docs_page(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        # The Swagger UI files ship inside the package: the page works with no network.
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Parley API",
                                   swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")


def link_path(app: FastAPI, name: str, **params) -> str:
    """A route's path, percent-encoded (ids may hold spaces, '#' or '?'); a path, not a URL: right behind a proxy."""
    return quote(str(app.url_path_for(name, **params)), safe="/:@!$&'()*+,;=-._~")


def russian_plural(count: int, one: str, few: str, many: str) -> str:
    """The noun form for a count: 1 встреча, 3 встречи, 5 встреч, 21 встреча, 11 встреч."""
    if count % 10 == 1 and count % 100 != 11:
        return one
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return few
    return many


def error_body(status: int, message: str) -> dict:
    return {"status": status, "error": HTTPStatus(status).phrase, "message": message}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def _error_response(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(status, message), status_code=status, headers=headers)
    return pages.render(request, "error.html", {"status": status, "phrase": HTTPStatus(status).phrase,
                                                "message": message}, status_code=status)


def _describe_validation(exc: RequestValidationError) -> str:
    problems = []
    for error in exc.errors():
        where = [str(part) for part in error.get("loc", ())]
        if where and where[0] in ("query", "path", "body", "header"):
            label = {"query": "query parameter", "path": "path parameter", "body": "body field",
                     "header": "header"}[where[0]]
            where = [f"{label} '{'.'.join(where[1:])}'"] if where[1:] else [where[0]]
        problems.append(f"{' '.join(where)}: {error.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page or resource at {request.url.path}"
        return _error_response(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return _error_response(request, 422, _describe_validation(exc))

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> Response:
        # The traceback goes to the server's log; the client learns only that it was not its fault.
        return _error_response(request, 500, "the server failed to answer; the error is in its log")

    @app.exception_handler(ParleyError)
    async def parley_error(request: Request, exc: ParleyError) -> Response:
        status = 503 if isinstance(exc, DatabaseError) else 400 if isinstance(exc, InputError) else 500
        return _error_response(request, status, str(exc))
