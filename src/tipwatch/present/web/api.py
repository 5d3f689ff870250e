"""The JSON API under /api/: thin handlers over the store and verify queries.

Every answer is the envelope of :mod:`.envelope`; lists are pages (items, total, limit,
offset). Read-only unless the app was created with ``allow_ingest``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from tipwatch.present.web import analysis, ingest
from tipwatch.present.web.envelope import (
    ERROR_RESPONSES,
    ClaimOut,
    ConflictOut,
    DocumentIn,
    DocumentOut,
    DocumentSummary,
    Envelope,
    ErrorEnvelope,
    FactOut,
    IngestResult,
    Page,
    SeriesOut,
    Summary,
    ok,
)
from tipwatch.present.web.params import (
    CacheDep,
    ClaimFilterDep,
    FactFilterDep,
    PagingDep,
    SortingDep,
    StoreDep,
)
from tipwatch.store import queries, webqueries

DOC_FIELDS = ("id", "doc", "title", "url", "author", "publisher", "published", "media_type",
              "origin", "clean_text", "facts", "claims")


def _page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return ok({"items": items, "total": total, "limit": limit, "offset": offset})


def _read_routes(router: APIRouter) -> None:
    @router.get("/summary", response_model=Envelope[Summary], summary="Counts for the overview")
    def summary(store: StoreDep, cache: CacheDep) -> dict[str, Any]:
        return ok(analysis.summary(store, cache))

    @router.get("/documents", response_model=Envelope[Page[DocumentSummary]], summary="Documents")
    def documents(store: StoreDep, page: PagingDep) -> dict[str, Any]:
        rows = queries.list_documents(store, limit=page.limit, offset=page.offset)
        return _page(rows, queries.count_documents(store), page.limit, page.offset)

    @router.get("/documents/{key}", response_model=Envelope[DocumentOut],
                summary="One document with its clean text, facts and claims",
                responses={404: {"model": ErrorEnvelope, "description": "No such document"}})
    def document(store: StoreDep, key: Annotated[str, Path(max_length=500)]) -> dict[str, Any]:
        record = queries.get_document(store, webqueries.resolve_document_id(store, key))
        return ok({k: record.get(k) for k in DOC_FIELDS})

    @router.get("/facts", response_model=Envelope[Page[FactOut]], summary="Facts, filtered, sorted, paged")
    def facts(store: StoreDep, flt: FactFilterDep, order: SortingDep, page: PagingDep) -> dict[str, Any]:
        rows = queries.list_facts(store, flt, sort=order.sort, descending=order.descending,
                                  limit=page.limit, offset=page.offset)
        return _page(rows, queries.count_facts(store, flt), page.limit, page.offset)

    @router.get("/claims", response_model=Envelope[Page[ClaimOut]], summary="Checked claims with verdicts")
    def claims(store: StoreDep, cf: ClaimFilterDep, page: PagingDep) -> dict[str, Any]:
        rows = queries.list_claims(store, verdict=cf.verdict, doc=cf.doc, indicator=cf.indicator,
                                   kind=cf.kind, limit=page.limit, offset=page.offset)
        total = webqueries.count_claims(store, cf.verdict, cf.kind, cf.indicator, cf.doc)
        return _page(rows, total, page.limit, page.offset)

    @router.get("/conflicts", response_model=Envelope[Page[ConflictOut]],
                summary="The same figure stated with different values by different documents")
    def conflicts(store: StoreDep, cache: CacheDep, flt: FactFilterDep, page: PagingDep) -> dict[str, Any]:
        groups = analysis.conflicts(store, cache, flt)
        return _page(groups[page.offset:page.offset + page.limit], len(groups), page.limit, page.offset)

    @router.get("/series", response_model=Envelope[Page[SeriesOut]],
                summary="Headline values per indicator and place, by period and source")
    def series(store: StoreDep, cache: CacheDep, page: PagingDep,
               indicator: Annotated[str | None, Query(max_length=200)] = None,
               place: Annotated[str | None, Query(max_length=200)] = None) -> dict[str, Any]:
        keys = analysis.series_index(store, cache, indicator or None, place or None)
        items = [{"indicator": k["indicator"], "place": k["place"], "unit": k["unit"],
                  "points": analysis.series_points(store, k["indicator"], k["place"] or "", k["unit"])}
                 for k in keys[page.offset:page.offset + page.limit]]
        return _page(items, len(keys), page.limit, page.offset)


def _ingest_route(router: APIRouter) -> None:
    @router.post("/documents", status_code=201, response_model=Envelope[IngestResult],
                 summary="Ingest one document (needs --allow-ingest and the bearer token)",
                 openapi_extra={"requestBody": {"required": True, "content": {
                     "application/json": {"schema": DocumentIn.model_json_schema()}}}},
                 responses={401: {"model": ErrorEnvelope}, 403: {"model": ErrorEnvelope},
                            413: {"model": ErrorEnvelope}, 415: {"model": ErrorEnvelope}})
    async def post_document(request: Request) -> dict[str, Any]:
        ingest.check_token(request)
        record = ingest.parse_record(await request.body(), request.headers.get("content-type", ""))
        outcome = await run_in_threadpool(ingest.ingest_record, request.app, record)
        return ok(outcome, 201)


def build_router(allow_ingest: bool) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)
    _read_routes(router)
    if allow_ingest:
        _ingest_route(router)
    return router
