"""Claims found by the whole pipeline on realistic text (tests/golden/claims_e2e/*.jsonl).

Each row: ``id``, ``text``, ``published``, ``expect`` (claims that must be found, matched on
the fields given), ``must_not`` (claims that must not be reported) and, optionally, ``derived``
and ``must_not_derived`` (facts the claims stage must or must not derive: the implied base of a
change and its period). These guard against false alarms: a breakdown judged against the wrong
total, a ranking read as a breakdown.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tipwatch.extract import load_rules
from tipwatch.model import Claim, RawDocument
from tipwatch.pipeline import extract_document

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "claims_e2e"
CASES = [json.loads(line) for path in sorted(GOLDEN.glob("*.jsonl"))
         for line in path.read_text("utf-8").splitlines() if line.strip()]


def _matches(claim: Claim, want: dict[str, Any]) -> bool:
    rec = claim.to_record() | {"stated": claim.stated}
    return all(rec.get(k) == v for k, v in want.items())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_claims_end_to_end(case: dict[str, Any]) -> None:
    raw = RawDocument(doc=case["id"], text=case["text"], original=case["text"], published=case["published"])
    extraction = extract_document(raw, load_rules())
    claims = extraction.claims
    shown = [c.to_record() for c in claims]
    derived = [f.to_record() for f in extraction.facts if f.derived]
    for want in case.get("derived", []):
        assert any(all(d.get(k) == v for k, v in want.items()) for d in derived), f"missing {want}\nfound {derived}"
    for bad in case.get("must_not_derived", []):
        assert not any(all(d.get(k) == v for k, v in bad.items()) for d in derived), f"unexpected {bad}\nfound {derived}"
    for want in case.get("expect", []):
        assert any(_matches(c, want) for c in claims), f"missing {want}\nfound {shown}"
    for bad in case.get("must_not", []):
        assert not any(_matches(c, bad) for c in claims), f"unexpected {bad}\nfound {shown}"
