"""The development set's gold is internally consistent: files exist, sums and verdicts agree."""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
import pytest

DEVSET = Path(__file__).resolve().parent.parent / "devset"
GOLD = [json.loads(line) for line in (DEVSET / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
INDICATORS = {"cases", "cases_prosecuted", "raids", "complaints", "suspects", "suspects_arrested",
              "suspects_prosecuted", "suspects_convicted", "victims", "victims_repatriated",
              "victims_reintegrated", "victims_referred", "estimated_victims", "illicit_profits"}


def _valid_place(code: str) -> bool:
    if code in ("EU", "WORLD", "IN-TG"):
        return True
    if "-" in code:
        return pycountry.subdivisions.get(code=code) is not None
    return pycountry.countries.get(alpha_2=code) is not None


@pytest.mark.parametrize("gold", GOLD, ids=[g["doc"] for g in GOLD])
def test_gold_document_is_well_formed(gold: dict) -> None:
    assert (DEVSET / "articles" / gold["doc"]).is_file()
    for fact in gold["facts"]:
        assert {"indicator", "value", "period"} <= set(fact)
        assert fact["indicator"] in INDICATORS or fact.get("optional")
        for key in ("place", "nationality", "location"):
            if fact.get(key) and fact[key] != "foreign":
                assert _valid_place(fact[key]), f"{key}={fact[key]}"
    for claim in gold["claims"]:
        assert claim["kind"] in ("change", "sum")
        assert claim["verdict"] in ("consistent", "inconsistent", "unverifiable")
        if claim["kind"] == "sum" and claim["verdict"] == "consistent":
            assert abs(sum(claim["parts"]) - claim["total"]) < 1e-9


def test_devset_is_large_enough() -> None:
    assert len(GOLD) >= 30
    assert sum(len(g["claims"]) for g in GOLD) >= 30
    assert sum(1 for g in GOLD for c in g["claims"] if c["verdict"] == "inconsistent") >= 5
