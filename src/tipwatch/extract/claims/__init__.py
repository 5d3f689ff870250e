"""Claims: the relations a document asserts between its figures (SPEC section 6).

``find_claims(doc, facts, rules)`` returns the `change` and `sum` claims of a document and
the facts derived from them (the implied base of a change stated without one, with
``derived: True``). ``Claim.facts`` index into ``facts + derived``. Verdicts are left to
:func:`tipwatch.resolve.judge_claims`; here a claim records what is stated:

* ``stated`` of a change: "+29", "+72.82%", "-18 (about), -19%", "+25% (by a quarter) (about)",
  "x2", "x2 (nearly)", "x3 (at least)", "x0.5" (a multiplier: "doubled", "more than tripled"),
  or "up from"/"down from" when only the direction is given;
* ``stated`` of a sum: how the list was introduced, "including"/"included" (may be
  partial), "breakdown" (complete) or "shares" (percentages that should make 100).
"""

from __future__ import annotations

from typing import Any

from tipwatch.extract.claims.changes import find_changes
from tipwatch.extract.claims.scan import build_context
from tipwatch.extract.claims.sums import find_sums
from tipwatch.model import Claim, CleanDocument, Fact

__all__ = ["find_claims"]


def find_claims(doc: CleanDocument, facts: list[Fact], rules: Any) -> tuple[list[Claim], list[Fact]]:
    """The document's change and sum claims, and the facts derived from them."""
    if not doc.text or (not facts and not _on_topic(doc.text, rules)):
        return [], []
    ctx = build_context(doc, facts, rules)
    changes, derived = find_changes(ctx)
    sums = find_sums(ctx)
    claims = sorted(changes + sums, key=lambda c: c.span[0] if c.span else 0)
    for c in claims:
        c.values = [_whole(v) for v in c.values] if c.values else c.values
        c.parts = [_whole(v) for v in c.parts] if c.parts else c.parts
        c.total = _whole(c.total) if c.total is not None else None
    return _once(claims), derived


def _on_topic(text: str, rules: Any) -> bool:
    """A document that never names trafficking in persons has no facts, so no claims either:
    'the inspectorate found 120 workers, up from 100' is about labour inspections only (facts
    handed in without their document, as in tests, are taken as on topic)."""
    attributes = getattr(rules, "attributes", None)
    return attributes is None or bool(attributes.crimes_in(text, 0, len(text)))


def _once(claims: list[Claim]) -> list[Claim]:
    """One claim per relation: two finders that read the same breakdown ('390 cases: 110 in 2021,
    130 in 2022 and 150 in 2023' is a colon list and a total over years) report it once."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for c in claims:
        key = (c.kind, c.indicator, c.unit, c.total, tuple(c.parts or ()), tuple(c.values or ()), c.stated)
        if c.kind == "sum" and key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def _whole(value: float) -> float:
    """159.0 -> 159, so that records read as the text wrote them."""
    return int(value) if float(value).is_integer() else value
