"""Query parameters shared by the HTML pages and the JSON API (filters, sorting, paging)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, Query, Request

from tipwatch.present.web.cache import QueryCache
from tipwatch.store.db import Store
from tipwatch.store.queries import FactFilter

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
_SHORT = 200  # longest accepted filter value


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def fact_filter(
    indicator: Annotated[str | None, Query(max_length=_SHORT, description="An indicator, e.g. victims")] = None,
    place: Annotated[str | None, Query(max_length=_SHORT, description="ISO code; KH also matches KH-12")] = None,
    period: Annotated[str | None, Query(max_length=_SHORT, description="2017 also matches 2017-H1, 2017-05")] = None,
    source: Annotated[str | None, Query(max_length=_SHORT, description="Part of the source's name, any case")] = None,
    doc: Annotated[str | None, Query(max_length=_SHORT, description="Document name or id prefix")] = None,
    crime: Annotated[str | None, Query(max_length=_SHORT, description="A crime, e.g. forced_labour")] = None,
    scope: Annotated[str | None, Query(max_length=_SHORT, description="aggregate or incident")] = None,
) -> FactFilter:
    return FactFilter(indicator=_clean(indicator), place=_clean(place), period=_clean(period),
                      source=_clean(source), doc=_clean(doc), crime=_clean(crime), scope=_clean(scope))


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Paging:
    return Paging(limit, offset)


@dataclass(frozen=True)
class Sorting:
    sort: str
    descending: bool


def sorting(
    sort: Annotated[str, Query(max_length=32, description="doc, indicator, period, value, place or source")] = "doc",
    desc: Annotated[bool, Query(description="Sort in descending order")] = False,
) -> Sorting:
    return Sorting(sort, desc)


@dataclass(frozen=True)
class ClaimFilter:
    verdict: str | None = None
    kind: str | None = None
    indicator: str | None = None
    doc: str | None = None


def claim_filter(
    verdict: Annotated[str | None, Query(max_length=32, description="consistent, inconsistent or unverifiable")] = None,
    kind: Annotated[str | None, Query(max_length=32, description="change or sum")] = None,
    indicator: Annotated[str | None, Query(max_length=_SHORT)] = None,
    doc: Annotated[str | None, Query(max_length=_SHORT, description="Document name or id prefix")] = None,
) -> ClaimFilter:
    return ClaimFilter(_clean(verdict), _clean(kind), _clean(indicator), _clean(doc))


def get_cache(request: Request) -> QueryCache:
    cache: QueryCache = request.app.state.cache
    return cache


StoreDep = Annotated[Store, Depends(get_store)]
CacheDep = Annotated[QueryCache, Depends(get_cache)]
FactFilterDep = Annotated[FactFilter, Depends(fact_filter)]
PagingDep = Annotated[Paging, Depends(paging)]
SortingDep = Annotated[Sorting, Depends(sorting)]
ClaimFilterDep = Annotated[ClaimFilter, Depends(claim_filter)]


def query_string(params: dict[str, object], **overrides: object) -> str:
    """``?a=1&b=2`` from ``params`` with ``overrides``; None and "" are left out."""
    merged = {**params, **overrides}
    pairs = [(k, "1" if v is True else str(v)) for k, v in merged.items()
             if v is not None and v != "" and v is not False]
    return "?" + urlencode(pairs) if pairs else ""


def filter_params(flt: FactFilter) -> dict[str, object]:
    return {"indicator": flt.indicator, "place": flt.place, "period": flt.period, "source": flt.source,
            "doc": flt.doc, "crime": flt.crime, "scope": flt.scope}
