"""The content of an annual (or any period's) report for one place.

For each indicator with figures for the place and period: the headline figure (by the series
policy of :mod:`tipwatch.verify.series`), the other values sources gave, the breakdowns (by
age, sex, nationality, location), the comparison with the same period a year earlier
computed by tipwatch, the conflicts, and the claims the documents make that failed their
check. Every number carries a footnote: document, source body and sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select

from tipwatch.store.db import Store
from tipwatch.store.schema import claims, documents, facts
from tipwatch.verify.indicators import known_indicators
from tipwatch.verify.reconcile import Conflict, find_conflicts
from tipwatch.verify.series import Value, build_series

BREAKDOWN = ("age", "sex", "nationality", "location")


@dataclass
class Footnote:
    n: int
    doc: str
    title: str | None
    source: str | None
    published: str | None
    sentence: str
    url: str | None = None


@dataclass
class Figure:
    value: float
    qualifier: str
    note: int  # footnote number
    source: str | None = None
    label: str = ""  # "age <15", "nationality VN"


@dataclass
class Comparison:
    previous_period: str
    previous: Figure
    change: float
    percent: float | None


@dataclass
class Section:
    indicator: str
    headline: Figure | None
    rule: str
    others: list[Figure] = field(default_factory=list)
    breakdowns: list[Figure] = field(default_factory=list)
    comparison: Comparison | None = None
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass
class Report:
    place: str
    period: str
    sections: list[Section] = field(default_factory=list)
    failed_checks: list[dict[str, Any]] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    chart_indicator: str | None = None

    @property
    def empty(self) -> bool:
        return not self.sections


class _Notes:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.by_fact: dict[int, int] = {}

    def add(self, fact_id: int, doc: str, title: str | None, source: str | None, published: str | None,
            sentence: str, url: str | None) -> int:
        if fact_id not in self.by_fact:
            n = len(self.report.footnotes) + 1
            self.report.footnotes.append(Footnote(n, doc, title, source, published, sentence, url))
            self.by_fact[fact_id] = n
        return self.by_fact[fact_id]

    def value(self, v: Value) -> Figure:
        n = self.add(v.fact_id, v.doc, v.title, v.source, v.published, v.sentence, v.url)
        return Figure(v.value, v.qualifier, n, v.source)


def previous_period(period: str) -> str:
    """The same period a year earlier: 2017 -> 2016, 2019-H1 -> 2018-H1."""
    return re.sub(r"(?:19|20)\d\d", lambda m: str(int(m.group(0)) - 1), period)


def build_report(store: Store, place: str, period: str) -> Report:
    report = Report(place, period)
    notes = _Notes(report)
    order = {name: i for i, name in enumerate(known_indicators())}
    for indicator in sorted(_indicators(store, place, period), key=lambda i: (order.get(i, 99), i)):
        section = _section(store, notes, indicator, place, period)
        if section is not None:
            report.sections.append(section)
    if report.sections:
        report.chart_indicator = report.sections[0].indicator
        report.failed_checks = _failed_checks(store, place, period)
    return report


def _indicators(store: Store, place: str, period: str) -> set[str]:
    stmt = (select(facts.c.indicator).distinct()
            .where(facts.c.place == place, facts.c.period == period, facts.c.scope == "aggregate",
                   facts.c.derived.is_(False)))
    with store.connect() as conn:
        return {r[0] for r in conn.execute(stmt)}


def _section(store: Store, notes: _Notes, indicator: str, place: str, period: str) -> Section | None:
    series = build_series(store, indicator, place)
    points = {p.period: p for p in series.points}
    point = points.get(period)
    breakdowns = _breakdowns(store, notes, indicator, place, period)
    if point is None and not breakdowns:
        return None
    section = Section(indicator, None, "", breakdowns=breakdowns)
    if point is not None and point.headline is not None:
        section.headline = notes.value(point.headline)
        section.rule = point.rule
        section.others = [notes.value(v) for v in point.values
                          if v.value != point.headline.value and v.qualifier == "exact"]
        prev = points.get(previous_period(period))
        if prev is not None and prev.headline is not None:
            before = notes.value(prev.headline)
            diff = point.headline.value - before.value
            pct = diff / before.value * 100 if before.value else None
            section.comparison = Comparison(prev.period, before, diff, pct)
    section.conflicts = find_conflicts(store, indicator=indicator, place=place, period=period)
    for conflict in section.conflicts:
        for m in conflict.members:
            m["note"] = notes.add(m["id"], m["doc"], m["title"], m["source"], m["published"], m["sentence"],
                                  m["url"])
    return section


def _breakdowns(store: Store, notes: _Notes, indicator: str, place: str, period: str) -> list[Figure]:
    conds = [facts.c.indicator == indicator, facts.c.place == place, facts.c.period == period,
             facts.c.scope == "aggregate", facts.c.derived.is_(False), facts.c.unit == "count",
             or_(*(facts.c[c].is_not(None) for c in ("age", "sex", "location")),
                 and_(facts.c.nationality.is_not(None), facts.c.nationality != place))]
    stmt = (select(facts, documents.c.title, documents.c.published, documents.c.url)
            .select_from(facts.join(documents, facts.c.document_id == documents.c.id))
            .where(and_(*conds)).order_by(facts.c.doc, facts.c.ordinal))
    out = []
    with store.connect() as conn:
        for r in conn.execute(stmt):
            label = ", ".join(f"{c} {getattr(r, c)}" for c in BREAKDOWN if getattr(r, c))
            n = notes.add(r.id, r.doc, r.title, r.source, r.published, r.sentence, r.url)
            out.append(Figure(r.value, r.qualifier, n, r.source, label))
    return out


def _failed_checks(store: Store, place: str, period: str) -> list[dict[str, Any]]:
    """Inconsistent claims of the documents that gave figures for this place and period."""
    docs = (select(facts.c.document_id).distinct()
            .where(facts.c.place == place, facts.c.period == period))
    stmt = (select(claims).where(claims.c.document_id.in_(docs), claims.c.verdict == "inconsistent")
            .order_by(claims.c.doc, claims.c.ordinal))
    with store.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]
