"""A breakdown that two finders read (a colon list that is also a total over years) is one claim."""

from __future__ import annotations

from tipwatch.extract import load_rules
from tipwatch.model import RawDocument
from tipwatch.pipeline import extract_document


def test_a_breakdown_read_twice_is_reported_once() -> None:
    text = ("From 2020 to 2022 the anti-trafficking unit opened 270 human trafficking cases: 80 in 2020, "
            "90 in 2021 and 100 in 2022.")
    raw = RawDocument(doc="once", text=text, original=text, published="2023-03-01")
    sums = [c for c in extract_document(raw, load_rules()).claims if c.kind == "sum" and c.total == 270]
    assert len(sums) == 1, [c.to_record() for c in sums]
