"""Cross-document reconciliation: the same figure stated differently by different sources.

**Which facts take part.** Aggregate-scope, non-derived facts with a period.

**The key.** Two facts speak of the same figure when they agree on indicator, unit, period,
place, age, sex, nationality and location. *Crime is compared loosely*: a fact that names no
crime is compared with every fact of its key; facts that name crimes are compared only with
those naming the same crimes. Reports often give a tally with no crime words at all, so a
strict crime key would hide the real conflicts (NCCT's 159 "human trafficking and sexual
exploitation" cases against the National Police's 151 cases for Cambodia in 2017), while
figures for different crimes ("labour_trafficking", "sexual_exploitation") are a breakdown,
not a disagreement. For the same reason the parts of a breakdown a document states (the
parts of its `sum` claims) do not take part.

**Values as intervals.** exact = [v, v]; approx ("about") = [v - 10 %, v + 10 %]; min ("more
than", "at least") = [v, inf); max ("up to", "less than") = [0, v]. A group is a conflict when
its intervals have no point in common: "more than 150" does not contradict 151.

**Sources.** Documents whose fingerprints are near-duplicates (the same wire story twice)
count as one source, and a conflict needs two sources.

**Cost.** Facts are read sorted by key (the database sorts: O(n log n)) and grouped in one
pass. Near-duplicates are found by simhash bands (documents are compared only when they share
a band), and each fact's contradicting documents by bisection over the group's sorted
intervals, so no step compares every pair.
"""

from __future__ import annotations

import bisect
import gc
import json
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, groupby
from typing import Any

from sqlalchemy import and_, select

from tipwatch.resolve import near_duplicates
from tipwatch.resolve.fingerprint import NEAR_DUPLICATE_BITS
from tipwatch.store.db import Store
from tipwatch.store.queries import FactFilter
from tipwatch.store.schema import claims, documents, facts

#: The key columns, crime aside (compared loosely within a group).
KEY = ("indicator", "unit", "period", "place", "age", "sex", "nationality", "location")
APPROX_TOLERANCE = 0.10
#: A conflict lists, for each fact, at most this many documents it contradicts.
CONTRADICTIONS_LISTED = 10
_COLUMNS = (facts.c.id, facts.c.document_id, facts.c.doc, facts.c.ordinal, facts.c.value, facts.c.qualifier,
            facts.c.crime, facts.c.source, facts.c.sentence, facts.c.span_start, facts.c.span_end,
            *(facts.c[k] for k in KEY), documents.c.fingerprint, documents.c.published, documents.c.title,
            documents.c.url)


def interval(value: float, qualifier: str | None) -> tuple[float, float]:
    """The values a stated figure allows (see the module doc)."""
    if qualifier == "approx":
        return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    if qualifier == "min":
        return value, math.inf
    if qualifier == "max":
        return 0.0, value
    return value, value


def interval_text(value: float, qualifier: str | None) -> str:
    lo, hi = interval(value, qualifier)
    if lo == hi:
        return f"[{_num(lo)}]"
    return f"[{_num(lo)}, {'inf' if math.isinf(hi) else _num(hi)}{')' if math.isinf(hi) else ']'}"


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"


@dataclass
class Conflict:
    """A figure that sources state with values no single number satisfies."""

    key: dict[str, Any]
    crime: str | None
    values: list[float]
    sources: list[str]
    documents: int
    members: list[dict[str, Any]] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {"key": self.key, "crime": self.crime, "values": self.values, "sources": self.sources,
                "documents": self.documents, "facts": self.members}


def fact_rows(store: Store, flt: FactFilter | None = None) -> Iterator[dict[str, Any]]:
    """The facts that take part, with their document's fingerprint, sorted by key."""
    conds = [facts.c.scope == "aggregate", facts.c.derived.is_(False), facts.c.period.is_not(None),
             *(flt or FactFilter()).conditions()]
    order = [facts.c[k] for k in KEY] + [facts.c.value, facts.c.id]
    stmt = (select(*_COLUMNS).select_from(facts.join(documents, facts.c.document_id == documents.c.id))
            .where(and_(*conds)).order_by(*order))
    with store.connect() as conn:
        for row in conn.execute(stmt).yield_per(5000):
            yield dict(row._mapping)


def breakdown_parts(store: Store) -> set[tuple[str, int]]:
    """(document_id, ordinal) of facts that are parts of a `sum` claim of their document."""
    out: set[tuple[str, int]] = set()
    stmt = select(claims.c.document_id, claims.c.fact_ordinals, claims.c.total).where(claims.c.kind == "sum")
    fact_value = select(facts.c.document_id, facts.c.ordinal, facts.c.value).where(
        facts.c.document_id.in_(select(claims.c.document_id).where(claims.c.kind == "sum")))
    with store.connect() as conn:
        values = {(r.document_id, r.ordinal): r.value for r in conn.execute(fact_value)}
        for row in conn.execute(stmt):
            for ordinal in json.loads(row.fact_ordinals or "[]"):
                if values.get((row.document_id, ordinal)) != row.total:
                    out.add((row.document_id, ordinal))
    return out


def find_conflicts(store: Store, indicator: str | None = None, place: str | None = None,
                   period: str | None = None) -> list[Conflict]:
    """Every conflict in the store, filtered; place and period match their subdivisions."""
    parts = breakdown_parts(store)
    rows = fact_rows(store, FactFilter(indicator=indicator, place=place, period=period))
    return reconcile(r for r in rows if (r["document_id"], r["ordinal"]) not in parts)


def _group_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple("" if row[k] is None else row[k] for k in KEY)


def reconcile(rows: Iterable[dict[str, Any]]) -> list[Conflict]:
    """Conflicts among ``rows`` (fact rows sorted by :data:`KEY`, as :func:`fact_rows` gives)."""
    with _no_cycle_collection():
        return _reconcile(rows)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector: the rows hold no cycles, and its repeated full
    scans of a large heap of fresh objects would make the pass grow faster than n log n."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _reconcile(rows: Iterable[dict[str, Any]]) -> list[Conflict]:
    rows = list(rows)
    families = _sources(rows)  # near-duplicate families, computed once for all documents
    out: list[Conflict] = []
    for _, group in groupby(rows, key=_group_key):
        members = list(group)
        if len({m["document_id"] for m in members}) < 2:
            continue
        for cluster in crime_clusters(members):
            conflict = _conflict(cluster, families)
            if conflict is not None:
                out.append(conflict)
    return out


def crime_clusters(members: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Split a key group by crime; facts that name no crime join every part."""
    named: dict[str, list[dict[str, Any]]] = {}
    unnamed = []
    for m in members:
        if m["crime"]:
            named.setdefault(m["crime"], []).append(m)
        else:
            unnamed.append(m)
    if not named:
        return [unnamed]
    return [c + unnamed for c in named.values()]


def _sources(cluster: Iterable[dict[str, Any]]) -> dict[str, str]:
    """document_id -> the document that stands for its near-duplicate family.

    Fingerprints within NEAR_DUPLICATE_BITS bits agree exactly on at least one of
    NEAR_DUPLICATE_BITS + 1 bands (pigeonhole), so only documents sharing a band are compared.
    """
    docs = sorted({(m["document_id"], m["fingerprint"]) for m in cluster})
    parent = {d: d for d, _ in docs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    buckets: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for doc_id, fp in docs:
        if not fp:
            continue
        for band in _bands(fp):
            for other, ofp in buckets.setdefault(band, []):
                if find(other) != find(doc_id) and near_duplicates(fp, ofp):
                    parent[max(find(other), find(doc_id))] = min(find(other), find(doc_id))
            buckets[band].append((doc_id, fp))
    return {d: find(d) for d, _ in docs}


def _bands(fingerprint: str) -> list[tuple[int, int]]:
    value = int(fingerprint, 16)
    n = NEAR_DUPLICATE_BITS + 1
    bands, shift = [], 0
    for i in range(n):  # n bands that together cover all 64 bits, as even as they can be
        width = 64 // n + (1 if i < 64 % n else 0)
        bands.append((i, (value >> shift) & ((1 << width) - 1)))
        shift += width
    return bands


def _contradicted(m: dict[str, Any], ordered: _Ordered, source_of: dict[str, str]) -> list[str]:
    """Up to CONTRADICTIONS_LISTED documents of other sources whose figure cannot agree with this one."""
    lo, hi = interval(m["value"], m["qualifier"])
    own = source_of[m["document_id"]]
    found: list[str] = []
    start = bisect.bisect_right(ordered.los, hi + 1e-9)
    stop = bisect.bisect_left(ordered.his, lo - 1e-9)
    above = (ordered.by_lo[i] for i in range(start, len(ordered.by_lo)))  # no copies: stays O(listed)
    below = (ordered.by_hi[i] for i in range(stop))
    for other in chain(above, below):
        if source_of[other["document_id"]] != own and other["doc"] not in found:
            found.append(other["doc"])
            if len(found) >= CONTRADICTIONS_LISTED:
                break
    return sorted(found)


class _Ordered:
    """A cluster's members sorted by interval start and by interval end, for bisection."""

    def __init__(self, cluster: list[dict[str, Any]]) -> None:
        keyed = [(interval(m["value"], m["qualifier"]), m) for m in cluster]
        by_lo = sorted(keyed, key=lambda x: x[0][0])
        by_hi = sorted(keyed, key=lambda x: x[0][1])
        self.los = [b[0] for b, _ in by_lo]
        self.his = [b[1] for b, _ in by_hi]
        self.by_lo = [m for _, m in by_lo]
        self.by_hi = [m for _, m in by_hi]


def _conflict(cluster: list[dict[str, Any]], families: dict[str, str]) -> Conflict | None:
    bounds = [interval(m["value"], m["qualifier"]) for m in cluster]
    if max(lo for lo, _ in bounds) <= min(hi for _, hi in bounds) + 1e-9:
        return None
    source_of = {m["document_id"]: families[m["document_id"]] for m in cluster}
    if len(set(source_of.values())) < 2:
        return None
    first = cluster[0]
    key = {k: first[k] for k in KEY}
    ordered = _Ordered(cluster)
    members = []
    for m in sorted(cluster, key=lambda m: (m["value"], m["doc"], m["ordinal"])):
        rec = {k: m[k] for k in ("id", "doc", "document_id", "value", "qualifier", "crime", "source", "sentence",
                                 "published", "title", "url")}
        rec["value"] = int(m["value"]) if float(m["value"]).is_integer() else m["value"]
        rec["interval"] = interval_text(m["value"], m["qualifier"])
        rec["span"] = [m["span_start"], m["span_end"]]
        rec["same_source_as"] = source_of[m["document_id"]] if source_of[m["document_id"]] != m["document_id"] \
            else None
        rec["contradicts"] = _contradicted(m, ordered, source_of)
        members.append(rec)
    crimes = sorted({m["crime"] for m in cluster if m["crime"]})
    return Conflict(key=key, crime="|".join(crimes) or None,
                    values=sorted({r["value"] for r in members}),
                    sources=sorted({m["source"] for m in cluster if m["source"]}),
                    documents=len(set(source_of.values())), members=members)
