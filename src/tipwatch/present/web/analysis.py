"""What the web layer asks of the verify stage: conflicts, series, charts, overview counts.

Conflicts come from ``tipwatch.verify.reconcile.find_conflicts`` (intervals for
approximate figures, near-duplicate sources, loose crime matching). When that module is
missing or fails, the plain store-level grouping in :mod:`tipwatch.store.webqueries`
answers instead, so the pages keep working while the verify stage evolves. Series and
charts likewise come from ``tipwatch.verify.series`` (headline value per period, chosen by
a recorded rule; matplotlib chart) with the store query and the small SVG drawer in
:mod:`.charts` as the fallback. Whole-base results and charts are cached until the data
changes (:mod:`.cache`).
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from tipwatch.present.web import charts
from tipwatch.present.web.cache import QueryCache
from tipwatch.store import queries, webqueries
from tipwatch.store.db import Store
from tipwatch.store.queries import FactFilter

log = logging.getLogger(__name__)
_PYPLOT = threading.Lock()  # matplotlib's pyplot keeps global state: one chart at a time


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        func = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    return func if callable(func) else None


def _find_conflicts(store: Store, flt: FactFilter) -> list[dict[str, Any]]:
    verify_find = _optional("tipwatch.verify.reconcile", "find_conflicts")
    if verify_find is not None:
        try:
            found = verify_find(store, indicator=flt.indicator, place=flt.place, period=flt.period)
            return [c.to_record() if hasattr(c, "to_record") else dict(c) for c in found]
        except Exception:  # the verify stage is optional here: log it and use the plain grouping
            log.exception("verify.reconcile failed; using the store's plain conflict grouping")
    return webqueries.find_conflicts(store, flt)


def conflicts(store: Store, cache: QueryCache, flt: FactFilter | None = None) -> list[dict[str, Any]]:
    """Groups of facts that state the same figure with values that cannot all be true.

    Each group: ``key`` (indicator, unit, period, place, breakdown), ``values``,
    ``sources``, ``documents`` and ``facts`` (each with id, doc, document_id, value,
    source, sentence). Only indicator, place and period filter.
    """
    given = flt or FactFilter()
    used = FactFilter(indicator=given.indicator, place=given.place, period=given.period)
    return cache.get(store, ("conflicts", used), lambda: _find_conflicts(store, used))


def conflict_fact_ids(store: Store, cache: QueryCache) -> set[int]:
    """Ids of every fact that takes part in a conflict."""
    return {int(f["id"]) for group in conflicts(store, cache) for f in group.get("facts", []) if "id" in f}


def series_index(store: Store, cache: QueryCache, indicator: str | None = None,
                 place: str | None = None) -> list[dict[str, Any]]:
    return cache.get(store, ("series", indicator, place),
                     lambda: webqueries.series_keys(store, indicator, place))


def _verify_series(store: Store, indicator: str, place: str, unit: str) -> Any | None:
    """The verify stage's series (with headline values), or None to use the plain query."""
    build = _optional("tipwatch.verify.series", "build_series")
    if build is None or not place:  # verify series need a place; "no place" stays plain
        return None
    try:
        return build(store, indicator, place, unit)
    except Exception:
        log.exception("verify.series failed; using the store's plain series")
        return None


def _point_rows(series: Any) -> list[dict[str, Any]]:
    rows = []
    for point in series.points:
        for v in point.values:
            is_headline = v is point.headline
            rows.append({"period": point.period, "value": int(v.value) if float(v.value).is_integer() else v.value,
                         "source": v.source, "qualifier": v.qualifier, "doc": v.doc,
                         "document_id": v.document_id, "fact_id": v.fact_id, "published": v.published,
                         "headline": is_headline, "rule": point.rule if is_headline else None})
    return rows


def series_points(store: Store, indicator: str, place: str, unit: str) -> list[dict[str, Any]]:
    """Every value of one series, by period; ``headline`` marks the value chosen for a period."""
    series = _verify_series(store, indicator, place, unit)
    if series is not None:
        try:
            return _point_rows(series)
        except (AttributeError, TypeError, ValueError):
            log.exception("verify.series changed shape; using the store's plain series")
    return webqueries.series_points(store, indicator, place, unit)


def _verify_chart(store: Store, indicator: str, place: str, unit: str) -> str | None:
    render = _optional("tipwatch.verify.series", "render_chart")
    series = _verify_series(store, indicator, place, unit) if render is not None else None
    if render is None or series is None:
        return None
    try:
        with _PYPLOT:
            svg = render(series, "svg")
        text = svg.decode("utf-8") if isinstance(svg, bytes) else str(svg)
        return text if text.lstrip().startswith(("<svg", "<?xml")) else None
    except Exception:  # a chart is decoration: fall back rather than fail the page
        log.exception("verify chart failed; drawing the plain chart")
        return None


def chart_svg(store: Store, cache: QueryCache, indicator: str, place: str, unit: str) -> str:
    """An SVG chart of one series: per-source values by period (matplotlib when available)."""
    def draw() -> str:
        svg = _verify_chart(store, indicator, place, unit)
        if svg is not None:
            return svg
        points = webqueries.series_points(store, indicator, place, unit)
        return charts.series_svg(charts.series_title(indicator, place, unit), points, unit)

    return cache.get(store, ("chart", indicator, place, unit), draw)


def summary(store: Store, cache: QueryCache) -> dict[str, Any]:
    def compute() -> dict[str, Any]:
        counts = queries.summary_counts(store)
        counts["failed_checks"] = counts["claims_by_verdict"].get("inconsistent", 0)
        counts["open_conflicts"] = len(conflicts(store, cache))
        return counts

    return cache.get(store, ("summary",), compute)


def latest(store: Store, cache: QueryCache) -> dict[str, list[dict[str, Any]]]:
    return cache.get(store, ("latest",), lambda: webqueries.latest_by_indicator(store))


def facets(store: Store, cache: QueryCache) -> dict[str, list[str]]:
    """The values the facts page offers in its filters."""
    return cache.get(store, ("facets",), lambda: {
        name: queries.known_values(store, name) for name in ("indicator", "place", "crime")})
