"""Server-rendered HTML pages. Handlers only gather data from the store/verify layer and render."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from tipwatch.present.renderers import FACT_COLUMNS, csv_text
from tipwatch.present.web import analysis, highlight
from tipwatch.present.web.params import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    CacheDep,
    ClaimFilterDep,
    FactFilterDep,
    PagingDep,
    SortingDep,
    StoreDep,
    filter_params,
    query_string,
)
from tipwatch.store import queries, webqueries
from tipwatch.store.queries import FACT_SORTS

router = APIRouter(include_in_schema=False)
CSV_BATCH = 5000
CSV_MAX_ROWS = 1_000_000
SERIES_PER_PAGE = 12
Short = Annotated[str | None, Query(max_length=200)]


@dataclass(frozen=True)
class Pager:
    """Previous/next links that keep the page's other parameters."""

    total: int
    limit: int
    offset: int
    params: dict[str, object]

    @property
    def first(self) -> int:
        return min(self.offset + 1, self.total)

    @property
    def last(self) -> int:
        return min(self.offset + self.limit, self.total)

    @property
    def prev_qs(self) -> str | None:
        if self.offset <= 0:
            return None
        return query_string(self.params, offset=max(self.offset - self.limit, 0) or None)

    @property
    def next_qs(self) -> str | None:
        if self.offset + self.limit >= self.total:
            return None
        return query_string(self.params, offset=self.offset + self.limit)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(request, name, context, status_code=status)
    return response


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep, cache: CacheDep) -> HTMLResponse:
    return render(request, "overview.html", counts=analysis.summary(store, cache),
                  latest=analysis.latest(store, cache))


@router.get("/facts", response_class=HTMLResponse)
def facts_page(request: Request, store: StoreDep, cache: CacheDep, flt: FactFilterDep,
               order: SortingDep, page: PagingDep) -> HTMLResponse:
    rows = queries.list_facts(store, flt, sort=order.sort, descending=order.descending,
                              limit=page.limit, offset=page.offset)
    total = queries.count_facts(store, flt)
    params: dict[str, object] = {**filter_params(flt), "sort": None if order.sort == "doc" else order.sort,
                                 "desc": order.descending or None,
                                 "limit": None if page.limit == DEFAULT_LIMIT else page.limit}
    return render(request, "facts.html", rows=rows, flt=flt, order=order,
                  pager=Pager(total, page.limit, page.offset, params), sorts=sorted(FACT_SORTS),
                  csv_qs=query_string(params, limit=None), limits=(25, 50, 100, 200, MAX_LIMIT),
                  facets=analysis.facets(store, cache))


@router.get("/facts.csv")
def facts_csv(store: StoreDep, flt: FactFilterDep, order: SortingDep) -> Response:
    """Every fact the filters select, in the page's order, as CSV (streamed in batches)."""
    queries.list_facts(store, flt, sort=order.sort, limit=0)  # validates the sort before streaming

    def chunks() -> Iterator[str]:
        offset = 0
        while offset < CSV_MAX_ROWS:
            rows = queries.list_facts(store, flt, sort=order.sort, descending=order.descending,
                                      limit=CSV_BATCH, offset=offset)
            text = csv_text(rows, FACT_COLUMNS)
            yield text if offset == 0 else text.split("\n", 1)[1]
            if len(rows) < CSV_BATCH:
                return
            offset += CSV_BATCH

    return StreamingResponse(chunks(), media_type="text/csv; charset=utf-8",
                             headers={"content-disposition": 'attachment; filename="tipwatch-facts.csv"'})


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, store: StoreDep, page: PagingDep) -> HTMLResponse:
    rows = queries.list_documents(store, limit=page.limit, offset=page.offset)
    pager = Pager(queries.count_documents(store), page.limit, page.offset, {})
    return render(request, "documents.html", rows=rows, pager=pager)


@router.get("/documents/{key:path}", response_class=HTMLResponse)
def document_page(request: Request, store: StoreDep, cache: CacheDep,
                  key: Annotated[str, Path(max_length=500)]) -> HTMLResponse:
    record = queries.get_document(store, webqueries.resolve_document_id(store, key))
    segs = highlight.segments(record["clean_text"], record["facts"])
    cards = highlight.fact_cards(record["facts"], record["claims"], analysis.conflict_fact_ids(store, cache))
    return render(request, "document.html", doc=record, segments=segs, cards=cards,
                  titles={f["ordinal"]: highlight.fact_title(f) for f in record["facts"]},
                  placed=highlight.placed_ordinals(segs), link=highlight.safe_link(record.get("url")))


@router.get("/checks", response_class=HTMLResponse)
def checks_page(request: Request, store: StoreDep, cf: ClaimFilterDep, page: PagingDep) -> HTMLResponse:
    rows = queries.list_claims(store, verdict=cf.verdict, doc=cf.doc, indicator=cf.indicator,
                               kind=cf.kind, limit=page.limit, offset=page.offset)
    total = webqueries.count_claims(store, cf.verdict, cf.kind, cf.indicator, cf.doc)
    params: dict[str, object] = {"verdict": cf.verdict, "kind": cf.kind, "indicator": cf.indicator,
                                 "doc": cf.doc}
    return render(request, "checks.html", rows=rows, cf=cf, pager=Pager(total, page.limit, page.offset, params),
                  verdicts=webqueries.CLAIM_VERDICTS)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, store: StoreDep, cache: CacheDep, flt: FactFilterDep,
                   page: PagingDep) -> HTMLResponse:
    groups = analysis.conflicts(store, cache, flt)
    pager = Pager(len(groups), page.limit, page.offset, filter_params(flt))
    return render(request, "conflicts.html", groups=groups[page.offset:page.offset + page.limit],
                  pager=pager, flt=flt)


def _series_qs(key: dict[str, Any]) -> str:
    return query_string({"indicator": key["indicator"], "place": key["place"] or "-",
                         "unit": key["unit"]})


@router.get("/series", response_class=HTMLResponse)
def series_page(request: Request, store: StoreDep, cache: CacheDep, indicator: Short = None,
                place: Short = None, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    keys = analysis.series_index(store, cache, indicator or None, place or None)
    shown = [{**k, "qs": _series_qs(k)} for k in keys[offset:offset + SERIES_PER_PAGE]]
    pager = Pager(len(keys), SERIES_PER_PAGE, offset, {"indicator": indicator, "place": place})
    return render(request, "series.html", series=shown, pager=pager, indicator=indicator, place=place,
                  indicators=analysis.facets(store, cache)["indicator"])


def _place_param(place: str) -> str:
    return "" if place == "-" else place


@router.get("/series/view", response_class=HTMLResponse)
def series_view(request: Request, store: StoreDep, indicator: Annotated[str, Query(max_length=200)],
                place: Annotated[str, Query(max_length=200)] = "-",
                unit: Annotated[str, Query(max_length=16)] = "count") -> HTMLResponse:
    points = analysis.series_points(store, indicator, _place_param(place), unit)
    key = {"indicator": indicator, "place": _place_param(place) or None, "unit": unit}
    return render(request, "series_view.html", key=key, points=points, qs=_series_qs(key))


@router.get("/series/chart.svg")
def series_chart(store: StoreDep, cache: CacheDep, indicator: Annotated[str, Query(max_length=200)],
                 place: Annotated[str, Query(max_length=200)] = "-",
                 unit: Annotated[str, Query(max_length=16)] = "count") -> Response:
    svg = analysis.chart_svg(store, cache, indicator, _place_param(place), unit)
    return Response(svg, media_type="image/svg+xml",
                    headers={"content-security-policy": "default-src 'none'; style-src 'unsafe-inline'"})
