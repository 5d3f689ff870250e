"""Read-side queries shared by the CLI, the web view, checks, reports and exports."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from tipwatch.errors import QueryError
from tipwatch.store.db import Store
from tipwatch.store.schema import claims, documents, facts

FACT_SORTS = {
    "doc": (facts.c.doc, facts.c.ordinal),
    "indicator": (facts.c.indicator, facts.c.period, facts.c.doc, facts.c.ordinal),
    "period": (facts.c.period, facts.c.indicator, facts.c.doc, facts.c.ordinal),
    "value": (facts.c.value, facts.c.doc, facts.c.ordinal),
    "place": (facts.c.place, facts.c.indicator, facts.c.doc, facts.c.ordinal),
    "source": (facts.c.source, facts.c.doc, facts.c.ordinal),
}


@dataclass(frozen=True)
class FactFilter:
    """Filters for facts; None means 'any'. Place and period match their subdivisions."""

    indicator: str | None = None
    place: str | None = None
    period: str | None = None
    source: str | None = None
    doc: str | None = None
    crime: str | None = None
    scope: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        conds: list[ColumnElement[bool]] = []
        if self.indicator:
            conds.append(facts.c.indicator == self.indicator)
        if self.place:
            conds.append(or_(facts.c.place == self.place, facts.c.place.like(self.place + "-%")))
        if self.period:
            conds.append(or_(facts.c.period == self.period, facts.c.period.like(self.period + "-%")))
        if self.source:
            conds.append(func.lower(facts.c.source).contains(self.source.lower()))
        if self.doc:
            conds.append(or_(facts.c.doc == self.doc, facts.c.document_id.like(self.doc + "%")))
        if self.crime:
            conds.append(facts.c.crime.contains(self.crime))
        if self.scope:
            conds.append(facts.c.scope == self.scope)
        return conds


def _fact_dict(row: Any) -> dict[str, Any]:
    d = dict(row._mapping)
    d["span"] = [d.pop("span_start"), d.pop("span_end")]
    d["raw_span"] = [d.pop("raw_start"), d.pop("raw_end")]
    d["rules"] = json.loads(d["rules"]) if d.get("rules") else []
    value = d["value"]
    d["value"] = int(value) if float(value).is_integer() else value
    return d


def _claim_dict(row: Any) -> dict[str, Any]:
    d = dict(row._mapping)
    d["values"] = json.loads(d.pop("values_json")) if d.get("values_json") else None
    d["parts"] = json.loads(d.pop("parts_json")) if d.get("parts_json") else None
    d.pop("values_json", None)
    d.pop("parts_json", None)
    d["facts"] = json.loads(d.pop("fact_ordinals") or "[]")
    d["span"] = [d.pop("span_start"), d.pop("span_end")] if d.get("span_start") is not None else None
    d.pop("span_start", None)
    d.pop("span_end", None)
    return d


def _fact_select(flt: FactFilter) -> Select[Any]:
    stmt = select(facts)
    conds = flt.conditions()
    return stmt.where(and_(*conds)) if conds else stmt


def list_facts(store: Store, flt: FactFilter | None = None, sort: str = "doc",
               descending: bool = False, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    if sort not in FACT_SORTS:
        raise QueryError(f"unknown sort {sort!r}; choose one of {', '.join(FACT_SORTS)}")
    order = [c.desc() if descending else c for c in FACT_SORTS[sort]]
    stmt = _fact_select(flt or FactFilter()).order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    with store.connect() as conn:
        return [_fact_dict(r) for r in conn.execute(stmt)]


def count_facts(store: Store, flt: FactFilter | None = None) -> int:
    conds = (flt or FactFilter()).conditions()
    stmt = select(func.count()).select_from(facts)
    if conds:
        stmt = stmt.where(and_(*conds))
    with store.connect() as conn:
        return int(conn.execute(stmt).scalar() or 0)


def known_values(store: Store, column: str) -> list[str]:
    """Distinct values of a fact column (indicators, places, sources...) for filters."""
    col = facts.c[column]
    with store.connect() as conn:
        return [r[0] for r in conn.execute(select(col).where(col.is_not(None)).distinct().order_by(col))]


def list_claims(store: Store, verdict: str | None = None, doc: str | None = None,
                indicator: str | None = None, kind: str | None = None,
                limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    conds: list[ColumnElement[bool]] = []
    if verdict:
        conds.append(claims.c.verdict == verdict)
    if doc:
        conds.append(or_(claims.c.doc == doc, claims.c.document_id.like(doc + "%")))
    if indicator:
        conds.append(claims.c.indicator == indicator)
    if kind:
        conds.append(claims.c.kind == kind)
    stmt = select(claims).order_by(claims.c.doc, claims.c.ordinal).offset(offset)
    if conds:
        stmt = stmt.where(and_(*conds))
    if limit is not None:
        stmt = stmt.limit(limit)
    with store.connect() as conn:
        return [_claim_dict(r) for r in conn.execute(stmt)]


DOC_SUMMARY = (documents.c.id, documents.c.doc, documents.c.title, documents.c.url,
               documents.c.publisher, documents.c.published, documents.c.media_type,
               documents.c.ingested_at, documents.c.fingerprint)


def list_documents(store: Store, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    n_facts = (select(func.count()).select_from(facts)
               .where(facts.c.document_id == documents.c.id).scalar_subquery())
    n_claims = (select(func.count()).select_from(claims)
                .where(claims.c.document_id == documents.c.id).scalar_subquery())
    stmt = (select(*DOC_SUMMARY, n_facts.label("facts"), n_claims.label("claims"))
            .order_by(documents.c.doc, documents.c.id).offset(offset))
    if limit is not None:
        stmt = stmt.limit(limit)
    with store.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def count_documents(store: Store) -> int:
    with store.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(documents)).scalar() or 0)


def get_document(store: Store, key: str) -> dict[str, Any]:
    """A document by its name or an id prefix, with its facts and claims."""
    stmt = select(documents).where(or_(documents.c.doc == key, documents.c.id.like(key + "%")))
    with store.connect() as conn:
        rows = conn.execute(stmt.limit(2)).all()
    if not rows:
        raise QueryError(f"no document {key!r}")
    if len(rows) > 1 and rows[0].doc != key:
        raise QueryError(f"{key!r} matches several documents; give more of the id")
    doc = dict(rows[0]._mapping)
    doc["offsets"] = json.loads(doc["offsets"])
    doc["removed"] = json.loads(doc["removed"])
    doc["facts"] = list_facts(store, FactFilter(doc=doc["id"]), sort="doc")
    doc["claims"] = list_claims(store, doc=doc["id"])
    return doc


def summary_counts(store: Store) -> dict[str, Any]:
    """Documents, facts by indicator and claims by verdict: what `make run` prints last."""
    with store.connect() as conn:
        by_indicator: dict[str, int] = dict(conn.execute(
            select(facts.c.indicator, func.count()).group_by(facts.c.indicator).order_by(facts.c.indicator)
        ).all())
        by_verdict: dict[str, int] = dict(conn.execute(
            select(claims.c.verdict, func.count()).group_by(claims.c.verdict).order_by(claims.c.verdict)
        ).all())
    return {"documents": count_documents(store), "facts": sum(by_indicator.values()),
            "facts_by_indicator": by_indicator, "claims": sum(by_verdict.values()),
            "claims_by_verdict": by_verdict}
