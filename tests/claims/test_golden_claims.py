"""Golden claim cases (tests/golden/claims/*.jsonl): hand-built facts on realistic text.

Each row: ``id``, ``text``, ``facts`` (``n`` = the number's words as they stand in the text,
``nth`` its occurrence, plus any Fact fields), ``expect`` (claims that must be found, matched
on the fields given), optional ``must_not`` and ``derived`` (derived facts expected).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tipwatch.extract import find_claims, load_rules
from tipwatch.model import Claim, CleanDocument, Fact, RawDocument
from tipwatch.resolve import judge_claims

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "claims"
CASES = [json.loads(line) for path in sorted(GOLDEN.glob("*.jsonl"))
         for line in path.read_text("utf-8").splitlines() if line.strip()]


def _fact(doc: str, text: str, spec: dict[str, Any]) -> Fact:
    spec = dict(spec)
    words = spec.pop("n")
    nth = spec.pop("nth", 0)
    found = [m for m in re.finditer(rf"(?<![\w,.]){re.escape(words)}(?![\w])", text)]
    assert len(found) > nth, f"{words!r} not in the text"
    m = found[nth]
    from tipwatch.extract import parse_number

    value = parse_number(words)
    assert value is not None
    return Fact(doc=doc, value=value, span=(m.start(), m.end()), surface=words,
                sentence=text, **spec)


def run(case: dict[str, Any]) -> tuple[list[Claim], list[Fact]]:
    text = case["text"]
    doc = CleanDocument(RawDocument(doc=case["id"], text=text, original=text), text=text)
    facts = [_fact(case["id"], text, f) for f in case["facts"]]
    claims, derived = find_claims(doc, facts, load_rules())
    return judge_claims(claims, facts + derived), derived


def _matches(claim: Claim, want: dict[str, Any]) -> bool:
    rec = claim.to_record() | {"unit": claim.unit, "stated": claim.stated}
    return all(rec.get(k) == v for k, v in want.items())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_claim(case: dict[str, Any]) -> None:
    claims, derived = run(case)
    shown = [c.to_record() for c in claims]
    for want in case["expect"]:
        assert any(_matches(c, want) for c in claims), f"missing {want}\nfound {shown}"
    for bad in case.get("must_not", []):
        assert not any(_matches(c, bad) for c in claims), f"unexpected {bad}\nfound {shown}"
    for want in case.get("derived", []):
        assert any(all(getattr(f, k) == v for k, v in want.items()) and f.derived for f in derived), \
            f"missing derived {want}, got {derived}"


def test_claim_fact_links_point_at_the_figures() -> None:
    case = next(c for c in CASES if c["id"] == "of-that-number-ages")
    claims, _ = run(case)
    total = next(c for c in claims if c.kind == "sum")
    assert total.facts == [0, 2, 3, 4]


def test_every_claim_has_a_sentence_and_a_span() -> None:
    for case in CASES:
        claims, _ = run(case)
        for c in claims:
            assert c.sentence and c.span is not None and 0 <= c.span[0] <= c.span[1] <= len(case["text"])


def test_pathological_text_is_fast_and_safe() -> None:
    import time

    text = ("1,2,3 " * 20000) + ("up 5% from 4% " * 3000) + "9" * 100_000 + (" of the 7, 8 and 9: " * 2000)
    doc = CleanDocument(RawDocument(doc="p", text=text, original=text), text=text)
    start = time.process_time()
    claims, _ = find_claims(doc, [], load_rules())
    judge_claims(claims, [])
    assert time.process_time() - start < 10
