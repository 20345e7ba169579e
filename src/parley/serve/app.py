"""The application factory: one store, the JSON API, the web page, errors as JSON or as a page."""
from __future__ import annotations

import base64
import contextlib
import hashlib
import re
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
from sqlalchemy.exc import SQLAlchemyError
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley import __version__
from parley.errors import DatabaseError, InputError, ParleyError
from parley.resolve import coordinates
from parley.serve import api, pages, schemas, talkviews
from parley.serve.cache import CachedReads, ResponseCache
from parley.safe_text import web_link
from parley.settings import Settings

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATES_DIR = HERE / "templates"

DESCRIPTION = """Meetings, actors and statements rebuilt from Russian- and Ukrainian-language news, each fact with
its evidence. Every read is open; `POST /api/documents` needs `Authorization: Bearer <PARLEY_TOKEN>`
and is refused when the server runs without a token."""


def create_app(settings: Settings | None = None, store=None, allowed_hosts: list[str] | None = None) -> FastAPI:
    """Build the application. Opens ``settings.db_url`` unless a ``store`` is given (and then leaves it open).
    ``allowed_hosts``: the Host headers answered (``parley serve`` passes them; DNS rebinding defence)."""
    settings = settings or Settings.from_env()
    owns_store = store is None
    if store is None:
        from parley.store import Store

        store = Store.open(settings.db_url, create=bool(settings.token))  # only a server that takes writes makes one

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
    app.state.templates.env.filters["web_link"] = web_link  # a stored javascript: URL is no link
    talkviews.register(app.state.templates.env)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(talkviews.router)
    _add_docs_page(app)
    _add_error_handlers(app)
    _document_article_schema(app)
    app.add_middleware(CachedReads, cache=app.state.cache)
    app.add_middleware(SafeHeaders)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    return app


class SafeHeaders:
    """``X-Content-Type-Options: nosniff`` on every answer (JSON included): a browser never reads
    an answer as another type than it says."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-content-type-options"]
                message = {**message, "headers": [*headers, (b"x-content-type-options", b"nosniff")]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def allowed_hosts_for(host: str, configured: str | None) -> list[str]:
    """The Host headers a server bound to ``host`` answers: the configured list (PARLEY_ALLOWED_HOSTS,
    comma-separated), else its loopback names, else (bound to all addresses) any."""
    if configured and configured.strip():
        return [name.strip() for name in configured.split(",") if name.strip()]
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    return sorted({"127.0.0.1", "localhost", "::1", "[::1]", host, f"[{host}]" if ":" in host else host})


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
        page = get_swagger_ui_html(openapi_url="/openapi.json", title="Parley API",
                                   swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")
        page.headers["Content-Security-Policy"] = docs_csp(page.body.decode("utf-8"))
        return page


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def docs_csp(page: str) -> str:
    """The page's policy for the API docs: the site's, with the one inline script Swagger UI starts
    with allowed by its hash, nothing else inline."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
                      for body in _INLINE_SCRIPT.findall(page))
    return pages.CSP.replace("script-src 'self'", f"script-src 'self' {hashes}".rstrip())


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
    page = pages.render(request, "error.html", {"status": status, "phrase": HTTPStatus(status).phrase,
                                                "message": message}, status_code=status)
    page.headers.update(headers or {})
    return page


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

    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, exc: SQLAlchemyError) -> Response:
        # the database down or unreachable: the client may try again later (docs/api.md)
        return _error_response(request, 503, "the database cannot be reached; try again later",
                               {"Retry-After": "5"})

    @app.exception_handler(ParleyError)
    async def parley_error(request: Request, exc: ParleyError) -> Response:
        status = 503 if isinstance(exc, DatabaseError) else 400 if isinstance(exc, InputError) else 500
        return _error_response(request, status, str(exc))
