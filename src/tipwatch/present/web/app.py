"""The web application: one Store per app, HTML pages, the JSON API and their safety nets.

``create_app`` wires the pieces: security headers and the body-size guard (``guard``),
the error handlers that answer with the envelope or a plain page, static files from the
package folder only, and the routers of ``views`` and ``api``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from tipwatch import __version__
from tipwatch.config import Settings
from tipwatch.errors import QueryError, TipwatchError
from tipwatch.present.renderers import format_value
from tipwatch.present.web import api, views
from tipwatch.present.web.cache import QueryCache
from tipwatch.present.web.envelope import error_response
from tipwatch.present.web.guard import GuardMiddleware
from tipwatch.store.db import Store

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
DEFAULT_MAX_BODY = 2 * 1024 * 1024


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["figure"] = lambda f: format_value(f["value"], f.get("unit"), f.get("qualifier"))
    env.filters["num"] = lambda v: "" if v is None else format_value(v)
    return Jinja2Templates(env=env)


def create_app(store_url: str, allow_ingest: bool = False, token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY, settings: Settings | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The tipwatch web view and JSON API over the evidence base at ``store_url``.

    ``allow_ingest`` adds ``POST /api/documents``, which then needs ``token`` as a Bearer
    token. Request bodies over ``max_body`` bytes are refused with 413. ``allowed_hosts``
    (e.g. the loopback names) refuses other Host headers, against DNS rebinding.
    """
    if allow_ingest and not token:
        raise TipwatchError("ingest over HTTP needs a token (--token or TIPWATCH_TOKEN)")
    if max_body <= 0:
        raise TipwatchError(f"max_body must be positive, got {max_body}")
    store = Store.open(store_url)
    settings = replace(settings or Settings(), db=store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="tipwatch", version=__version__, lifespan=lifespan,
                  description="Trafficking-in-persons statistics, every figure with its source. "
                              "Every response is the envelope {ok, data | error, status}.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.settings = settings
    app.state.allow_ingest = allow_ingest
    app.state.token = token
    app.state.max_body = max_body
    app.state.write_lock = threading.Lock()  # SQLite: one writer at a time
    app.state.templates = _templates()
    app.state.cache = QueryCache()
    app.add_middleware(GuardMiddleware, max_body=max_body, allowed_hosts=allowed_hosts)
    _add_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.build_router(allow_ingest))
    app.include_router(views.router)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error_page(request: Request, status: int, message: str) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    try:
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                          status_code=status)
    except Exception:  # the error page itself failed: answer in plain text, still no details
        log.exception("error page failed")
        return HTMLResponse(f"<h1>Error {status}</h1>", status_code=status)


def _respond(request: Request, status: int, message: str, code: str | None = None,
             details: list[dict[str, Any]] | None = None,
             headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return error_response(status, message, code, details, headers)
    return _error_page(request, status, message)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        return _respond(request, exc.status_code, message,
                        headers=dict(exc.headers) if exc.headers else None)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [{"field": ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "body")),
                    "problem": str(e.get("msg", ""))} for e in exc.errors()]
        listed = "; ".join(f"{d['field']}: {d['problem']}" for d in details)
        return _respond(request, 422, f"invalid parameters: {listed}", details=details)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        status = 404 if str(exc).startswith("no document") else 400
        return _respond(request, status, str(exc), code=exc.code)

    @app.exception_handler(TipwatchError)
    async def tipwatch_error(request: Request, exc: TipwatchError) -> Response:
        return _respond(request, 400, str(exc), code=exc.code)
    # Unexpected exceptions are answered by GuardMiddleware (500, no details, logged).
