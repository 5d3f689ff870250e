"""Time series of one indicator for one place, every value with its sources.

**Which facts.** Aggregate-scope, non-derived facts with a period, no breakdown (age, sex,
location absent; nationality absent or the place's own: Cambodians repatriated to Cambodia), exactly the asked place (``KH`` excludes ``KH-12``), and
not a part of a breakdown its document states (the parts of `sum` claims: "43 of the cases
were related to human trafficking").

**Headline policy** (one value per period; the rule that picked it is recorded):

1. ``official``: if official bodies (ministries, police, national committees, statistics
   offices, courts, UN agencies: :data:`OFFICIAL`) state the figure, the value of the most
   recently *published* document among them; a tie in date goes to the value more documents
   state, then to the larger value;
2. ``most-cited``: otherwise the value the most documents state, then the latest published;
3. exact figures are preferred to bounded or approximate ones ("more than 150") at each step.

Conflicting values stay in the series, so the chart draws each as its own marker.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select

from tipwatch.store.db import Store
from tipwatch.store.schema import documents, facts
from tipwatch.verify.reconcile import breakdown_parts

BREAKDOWN = ("age", "sex", "nationality", "location")
OFFICIAL = re.compile(r"ministry|police|committee|council|bureau|department|directorate|office|agency|"
                      r"commission|government|court|prosecut|secretariat|statistic|eurostat|europol|"
                      r"united nations|unodc|international labour|hall|force|task force|interpol", re.I)


def official(source: str | None) -> bool:
    return bool(source and OFFICIAL.search(source))


@dataclass
class Value:
    value: float
    qualifier: str
    source: str | None
    doc: str
    document_id: str
    published: str | None
    sentence: str
    fact_id: int
    crime: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass
class Point:
    period: str
    values: list[Value]
    headline: Value | None = None
    rule: str = ""

    @property
    def distinct(self) -> list[float]:
        return sorted({v.value for v in self.values})


@dataclass
class Series:
    indicator: str
    place: str
    unit: str
    points: list[Point] = field(default_factory=list)

    def to_records(self, by_source: bool = False) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for p in self.points:
            if by_source:
                for v in p.values:
                    out.append({"indicator": self.indicator, "place": self.place, "period": p.period,
                                "source": v.source, "value": _whole(v.value), "qualifier": v.qualifier,
                                "doc": v.doc, "published": v.published, "headline": v is p.headline})
                continue
            h = p.headline
            out.append({"indicator": self.indicator, "place": self.place, "period": p.period,
                        "value": _whole(h.value) if h else None, "qualifier": h.qualifier if h else None,
                        "source": h.source if h else None, "doc": h.doc if h else None, "rule": p.rule,
                        "values": [_whole(v) for v in p.distinct],
                        "sources": sorted({v.source for v in p.values if v.source})})
        return out


def _whole(v: float) -> float:
    return int(v) if float(v).is_integer() else v


def granularity(period: str) -> str:
    """year, half, quarter, month or interval."""
    if "/" in period:
        return "interval"
    if re.fullmatch(r"\d{4}", period):
        return "year"
    if re.fullmatch(r"\d{4}-H[12]", period):
        return "half"
    if re.fullmatch(r"\d{4}-Q[1-4]", period):
        return "quarter"
    return "month" if re.fullmatch(r"\d{4}-\d{2}", period) else "interval"


def period_sort_key(period: str) -> tuple[str, int]:
    """Periods by start, longer first: 2017, 2017-H1, 2017-Q1, 2017-01."""
    start = period.split("/")[0]
    rank = {4: 0}.get(len(start), 1)
    return start, rank


def build_series(store: Store, indicator: str, place: str, unit: str = "count") -> Series:
    conds = [facts.c.indicator == indicator, facts.c.place == place, facts.c.unit == unit,
             facts.c.scope == "aggregate", facts.c.derived.is_(False), facts.c.period.is_not(None),
             *(facts.c[c].is_(None) for c in ("age", "sex", "location")),
             or_(facts.c.nationality.is_(None), facts.c.nationality == place)]
    stmt = (select(facts.c.id, facts.c.value, facts.c.qualifier, facts.c.source, facts.c.doc, facts.c.document_id,
                   facts.c.sentence, facts.c.period, facts.c.crime, documents.c.published, documents.c.title,
                   documents.c.url)
            .select_from(facts.join(documents, facts.c.document_id == documents.c.id))
            .where(and_(*conds)).order_by(facts.c.period, facts.c.id))
    by_period: dict[str, list[Value]] = defaultdict(list)
    parts = breakdown_parts(store)
    with store.connect() as conn:
        for r in conn.execute(stmt.add_columns(facts.c.ordinal)):
            if (r.document_id, r.ordinal) in parts:
                continue
            by_period[r.period].append(Value(r.value, r.qualifier, r.source, r.doc, r.document_id, r.published,
                                             r.sentence, r.id, r.crime, r.title, r.url))
    series = Series(indicator, place, unit)
    for period in sorted(by_period, key=period_sort_key):
        point = Point(period, by_period[period])
        point.headline, point.rule = headline(point.values)
        series.points.append(point)
    return series


def headline(values: list[Value]) -> tuple[Value | None, str]:
    """The period's headline value and the rule that chose it (see the module doc)."""
    if not values:
        return None, ""
    exact = [v for v in values if v.qualifier == "exact"] or values
    cited: dict[float, set[str]] = defaultdict(set)
    for v in values:
        cited[v.value].add(v.document_id)
    off = [v for v in exact if official(v.source)]
    if off:
        best = max(off, key=lambda v: (v.published or "", len(cited[v.value]), v.value))
        return best, (f"official: latest-published official figure ({best.source}, "
                      f"published {best.published or 'unknown'})")
    best = max(exact, key=lambda v: (len(cited[v.value]), v.published or "", v.value))
    return best, f"most-cited: stated by {len(cited[best.value])} document(s), no official source"


def render_chart(series: Series, fmt: str = "svg") -> bytes:
    """A chart of the series: the headline line, and one marker per stated value and source."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    periods = [p.period for p in series.points]
    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=100)
    try:
        xs = range(len(periods))
        styles = {"year": "-", "half": "--", "quarter": ":", "month": "-.", "interval": ":"}
        for gran, style in styles.items():  # a line joins only periods of the same length
            heads = [(i, p.headline.value) for i, p in enumerate(series.points)
                     if p.headline and granularity(p.period) == gran]
            if heads:
                ax.plot([h[0] for h in heads], [h[1] for h in heads], style, color="#1f4e79", linewidth=1.6,
                        label=f"headline ({gran})", zorder=1)
        markers = "osD^v<>ph*"
        sources = sorted({v.source or "unattributed" for p in series.points for v in p.values})
        for k, src in enumerate(sources):
            pts = [(i, v.value) for i, p in enumerate(series.points) for v in p.values
                   if (v.source or "unattributed") == src]
            ax.scatter([x for x, _ in pts], [y for _, y in pts], marker=markers[k % len(markers)], s=42,
                       label=src, zorder=2, alpha=0.85)
        ax.set_xticks(list(xs), periods, rotation=30 if len(periods) > 6 else 0)
        ax.set_title(f"{series.indicator} - {series.place}" + ("" if series.unit == "count" else f" ({series.unit})"))
        ax.grid(axis="y", alpha=0.3)
        ax.legend(fontsize=7, loc="best")
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
        return buf.getvalue()
    finally:
        plt.close(fig)
