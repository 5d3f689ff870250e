"""Reconciliation rules on synthetic rows: intervals, crimes compared loosely, near-duplicates."""

from __future__ import annotations

import math
from typing import Any

import pytest

from tipwatch.verify.reconcile import KEY, interval, reconcile

_n = 0


def row(doc: str, value: float, qualifier: str = "exact", crime: str | None = None, fingerprint: str | None = None,
        **key: Any) -> dict[str, Any]:
    global _n
    _n += 1
    base = {"indicator": "cases", "unit": "count", "period": "2017", "place": "KH", "age": None, "sex": None,
            "nationality": None, "location": None}
    base.update(key)
    return {**base, "id": _n, "document_id": doc, "doc": doc, "ordinal": _n, "value": value, "qualifier": qualifier,
            "crime": crime, "source": f"body of {doc}", "sentence": f"{value} cases.", "span_start": 0,
            "span_end": 3, "fingerprint": fingerprint or f"{hash(doc) & 0xFFFFFFFFFFFFFFFF:016x}",
            "published": "2018", "title": None, "url": None}


def run(rows: list[dict[str, Any]]) -> list:
    return reconcile(sorted(rows, key=lambda r: tuple("" if r[k] is None else r[k] for k in KEY)))


def test_intervals() -> None:
    assert interval(150, "min") == (150, math.inf)
    assert interval(100, "approx") == pytest.approx((90, 110))
    assert interval(20, "max") == (0, 20)


def test_different_values_from_two_documents_conflict() -> None:
    (c,) = run([row("a", 159, crime="sexual_exploitation+trafficking"), row("b", 151)])
    assert c.values == [151, 159] and c.documents == 2


def test_more_than_does_not_contradict_a_larger_figure() -> None:
    assert run([row("a", 150, "min"), row("b", 151)]) == []
    assert run([row("a", 100, "approx"), row("b", 104)]) == []
    assert len(run([row("a", 100, "approx"), row("b", 130)])) == 1


def test_one_document_is_no_conflict() -> None:
    assert run([row("a", 1), row("a", 2)]) == []


def test_near_duplicate_documents_are_one_source() -> None:
    assert run([row("a", 1, fingerprint="ffff0000ffff0000"), row("b", 2, fingerprint="ffff0000ffff0001")]) == []


def test_crimes_without_a_common_label_are_a_breakdown() -> None:
    assert run([row("a", 40, crime="labour_trafficking"), row("b", 60, crime="sexual_exploitation")]) == []


def test_other_key_fields_separate_figures() -> None:
    assert run([row("a", 1, period="2016"), row("b", 2, period="2017")]) == []
    assert run([row("a", 1, age="<18"), row("b", 2)]) == []
