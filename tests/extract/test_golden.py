"""Golden extraction cases: one case per row of tests/golden/extract/*.jsonl (id = pytest id)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import assert_spans_ground
from tipwatch.clean import clean
from tipwatch.extract import extract_facts, load_rules
from tipwatch.model import RawDocument

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "extract"


def _cases() -> list[Any]:
    cases = []
    for path in sorted(GOLDEN.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                cases.append(pytest.param(case, id=case["id"]))
    return cases


def _subset(expected: dict[str, Any], fact: dict[str, Any]) -> bool:
    return all(fact.get(k) == v for k, v in expected.items())


@pytest.mark.parametrize("case", _cases())
def test_golden(case: dict[str, Any]) -> None:
    raw = RawDocument(doc=case["id"], text=case["text"], original=case["text"], published=case.get("published"))
    doc = clean(raw)
    facts = extract_facts(doc, load_rules())
    records = [f.to_record() for f in facts]
    assert_spans_ground(doc.text, facts)
    for expected in case["expect"]:
        assert any(_subset(expected, r) for r in records), f"missing {expected}; got {records}"
    for forbidden in case.get("must_not", []):
        assert not any(_subset(forbidden, r) for r in records), f"unexpected {forbidden}; got {records}"
