"""Read-side queries the web view and the JSON API need beyond :mod:`tipwatch.store.queries`.

Everything here is parameterised SQLAlchemy Core and works on SQLite and PostgreSQL.
``find_conflicts`` and ``series`` are simple store-level fallbacks; the verify stage
may offer richer versions, which the web layer prefers when they exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select

from tipwatch.errors import QueryError
from tipwatch.store.db import Store
from tipwatch.store.queries import FactFilter, _fact_dict
from tipwatch.store.schema import claims, documents, facts, runs

#: The columns that make two facts "the same figure" (``Fact.key()``), in that order.
KEY_COLUMNS = ("indicator", "unit", "period", "place", "crime", "age", "sex", "nationality", "location")
#: Breakdown columns: a headline (series) value has none of them.
BREAKDOWN_COLUMNS = ("age", "sex", "nationality", "location")
CLAIM_VERDICTS = ("consistent", "inconsistent", "unverifiable")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def resolve_document_id(store: Store, key: str) -> str:
    """The full id of the document named ``key`` or whose id starts with ``key`` (no wildcards)."""
    if not key:
        raise QueryError("no document ''")
    by_name = select(documents.c.id).where(documents.c.doc == key).limit(2)
    by_id = (select(documents.c.id)
             .where(documents.c.id.like(_escape_like(key) + "%", escape="\\")).limit(2))
    with store.connect() as conn:
        rows = conn.execute(by_name).all() or conn.execute(by_id).all()
    if not rows:
        raise QueryError(f"no document {key!r}")
    if len(rows) > 1:
        raise QueryError(f"{key!r} matches several documents; give more of the id")
    return str(rows[0][0])


def _claim_conditions(verdict: str | None, kind: str | None, indicator: str | None,
                      doc: str | None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if verdict:
        conds.append(claims.c.verdict == verdict)
    if kind:
        conds.append(claims.c.kind == kind)
    if indicator:
        conds.append(claims.c.indicator == indicator)
    if doc:
        conds.append(or_(claims.c.doc == doc, claims.c.document_id.like(doc + "%")))
    return conds


def count_claims(store: Store, verdict: str | None = None, kind: str | None = None,
                 indicator: str | None = None, doc: str | None = None) -> int:
    conds = _claim_conditions(verdict, kind, indicator, doc)
    stmt = select(func.count()).select_from(claims)
    if conds:
        stmt = stmt.where(and_(*conds))
    with store.connect() as conn:
        return int(conn.execute(stmt).scalar() or 0)


def facts_by_ordinal(store: Store, document_id: str, ordinals: Iterable[int]) -> list[dict[str, Any]]:
    wanted = sorted(set(ordinals))
    if not wanted:
        return []
    stmt = (select(facts).where(facts.c.document_id == document_id, facts.c.ordinal.in_(wanted))
            .order_by(facts.c.ordinal))
    with store.connect() as conn:
        return [_fact_dict(r) for r in conn.execute(stmt)]


def latest_by_indicator(store: Store, per_indicator: int = 5) -> dict[str, list[dict[str, Any]]]:
    """For each indicator, its headline facts of the latest period stated (largest values first).

    Periods compare as text, which orders years, halves, quarters and months of a year
    after the year itself; an interval sorts by its start.
    """
    headline = [facts.c.period.is_not(None), facts.c.derived.is_(False),
                *(facts.c[c].is_(None) for c in BREAKDOWN_COLUMNS)]
    latest = (select(facts.c.indicator, func.max(facts.c.period)).where(and_(*headline))
              .group_by(facts.c.indicator).order_by(facts.c.indicator))
    out: dict[str, list[dict[str, Any]]] = {}
    with store.connect() as conn:
        for indicator, period in conn.execute(latest).all():
            stmt = (select(facts).where(facts.c.indicator == indicator, facts.c.period == period, *headline)
                    .order_by(facts.c.value.desc(), facts.c.doc, facts.c.ordinal).limit(per_indicator))
            out[indicator] = [_fact_dict(r) for r in conn.execute(stmt)]
    return out


def data_version(store: Store) -> tuple[Any, ...]:
    """A cheap stamp that changes whenever documents, facts, claims or runs are written.

    Replacing a document deletes and re-inserts its facts, so their highest id moves too.
    """
    stmt = select(select(func.max(runs.c.id)).scalar_subquery(),
                  select(func.max(facts.c.id)).scalar_subquery(),
                  select(func.max(claims.c.id)).scalar_subquery(),
                  select(func.count()).select_from(documents).scalar_subquery())
    with store.connect() as conn:
        row = conn.execute(stmt).one()
    return tuple(row)


def _conflict_groups(store: Store, flt: FactFilter) -> list[dict[str, Any]]:
    cols = [facts.c[c] for c in KEY_COLUMNS]
    conds = [facts.c.period.is_not(None), facts.c.derived.is_(False), facts.c.scope == "aggregate",
             *flt.conditions()]
    stmt = (select(*cols, func.count().label("facts"),
                   func.count(func.distinct(facts.c.value)).label("values"),
                   func.count(func.distinct(facts.c.document_id)).label("documents"))
            .where(and_(*conds)).group_by(*cols)
            .having(and_(func.count(func.distinct(facts.c.value)) > 1,
                         func.count(func.distinct(facts.c.document_id)) > 1))
            .order_by(*cols))
    with store.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def _group_facts(store: Store, key: dict[str, Any]) -> list[dict[str, Any]]:
    conds = [facts.c[c] == key[c] if key[c] is not None else facts.c[c].is_(None) for c in KEY_COLUMNS]
    stmt = (select(facts).where(and_(*conds), facts.c.derived.is_(False), facts.c.scope == "aggregate")
            .order_by(facts.c.value, facts.c.doc, facts.c.ordinal))
    with store.connect() as conn:
        return [_fact_dict(r) for r in conn.execute(stmt)]


def find_conflicts(store: Store, flt: FactFilter | None = None) -> list[dict[str, Any]]:
    """Figures with the same key (indicator, unit, period, place, breakdown) that different
    documents state with different values, each with the facts involved."""
    out = []
    for group in _conflict_groups(store, flt or FactFilter()):
        key = {c: group[c] for c in KEY_COLUMNS}
        members = _group_facts(store, key)
        values = sorted({m["value"] for m in members})
        out.append({"key": key, "values": values, "documents": group["documents"],
                    "sources": sorted({m["source"] for m in members if m.get("source")}),
                    "facts": members})
    return out


def series_keys(store: Store, indicator: str | None = None,
                place: str | None = None) -> list[dict[str, Any]]:
    """The (indicator, place, unit) series that have headline values, with their sizes."""
    conds = _series_conditions(indicator, None, None)
    if place:
        conds.append(facts.c.place == place)
    stmt = (select(facts.c.indicator, facts.c.place, facts.c.unit, func.count().label("facts"),
                   func.count(func.distinct(facts.c.period)).label("periods"),
                   func.count(func.distinct(facts.c.source)).label("sources"))
            .where(and_(*conds))
            .group_by(facts.c.indicator, facts.c.place, facts.c.unit)
            .order_by(facts.c.indicator, facts.c.place, facts.c.unit))
    with store.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def _series_conditions(indicator: str | None, place: str | None,
                       unit: str | None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [
        facts.c.period.is_not(None), facts.c.derived.is_(False), facts.c.scope == "aggregate",
        *(facts.c[c].is_(None) for c in BREAKDOWN_COLUMNS)]
    if indicator:
        conds.append(facts.c.indicator == indicator)
    if place is not None:
        conds.append(facts.c.place == place if place else facts.c.place.is_(None))
    if unit:
        conds.append(facts.c.unit == unit)
    return conds


def series_points(store: Store, indicator: str, place: str, unit: str = "count") -> list[dict[str, Any]]:
    """Headline values of one series: one point per fact, ordered by period then source.

    ``place`` "" selects facts with no place.
    """
    stmt = (select(facts).where(and_(*_series_conditions(indicator, place, unit)))
            .order_by(facts.c.period, facts.c.source, facts.c.doc, facts.c.ordinal))
    with store.connect() as conn:
        rows = [_fact_dict(r) for r in conn.execute(stmt)]
    return [{"period": r["period"], "value": r["value"], "source": r.get("source"),
             "qualifier": r["qualifier"], "doc": r["doc"], "document_id": r["document_id"],
             "fact_id": r["id"], "crime": r.get("crime")} for r in rows]
