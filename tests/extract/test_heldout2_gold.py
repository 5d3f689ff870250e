"""The later held-out sets' gold (tests/heldout2, tests/heldout3, tests/heldout4) is internally consistent.

This checks the annotation, not the extractor: every line parses, every article exists,
every place/nationality/location code is valid in pycountry, every non-derived gold value
occurs in its article (as digits, with or without separators, or as words), consistent sums
add up and consistent percentage changes recompute. Parametrised by set so that another
evaluation set can be added to ``SETS`` without copying the checks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry
import pytest

TESTS = Path(__file__).resolve().parents[1]
SETS = ["heldout2", "heldout3", "heldout4"]
INDICATORS = {"cases", "cases_prosecuted", "raids", "complaints", "suspects", "suspects_arrested",
              "suspects_prosecuted", "suspects_convicted", "victims", "victims_repatriated",
              "victims_reintegrated", "victims_referred", "estimated_victims", "illicit_profits"}
CRIMES = {"trafficking", "sex_trafficking", "labour_trafficking", "sexual_exploitation", "forced_labour",
          "child_trafficking", "organ_trafficking", "surrogacy", "forced_marriage", "modern_slavery"}
QUALIFIERS = {"exact", "approx", "min", "max"}
PERIOD = re.compile(r"^(\*|\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?|\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2})$")
AGE = re.compile(r"^(<\d+|\d+\+|\d+-\d+)$")

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> list[str]:
    """English spellings of ``n`` (below one million), with and without "and" and hyphens."""
    if n == 1:
        return ["one", "a", "an"]  # SPEC: "a Japanese" = 1
    if n < 20:
        return [ONES[n]]
    if n < 100:
        tens, ones = divmod(n, 10)
        return [TENS[tens]] if not ones else [f"{TENS[tens]}-{ONES[ones]}", f"{TENS[tens]} {ONES[ones]}"]
    for unit, name in ((1000, "thousand"), (100, "hundred")):
        if n >= unit:
            head, rest = divmod(n, unit)
            heads = _words(head)
            if not rest:
                return [f"{h} {name}" for h in heads]
            return [f"{h} {name}{sep}{r}" for h in heads for r in _words(rest) for sep in (" and ", " ", ", ")]
    return []


def _value_forms(value: float) -> list[re.Pattern[str]]:
    forms: list[str] = []
    if float(value).is_integer():
        n = int(value)
        digits = str(n)
        forms.append(digits)
        grouped = f"{n:,}"
        for sep in (",", ".", " ", "\u202f", "\u00a0", "'", "\u2019"):
            forms.append(grouped.replace(",", sep))
        for scale, name in ((10**9, "billion"), (10**6, "million"), (10**9, "bn"), (10**6, "m"),
                            (10**3, "thousand")):
            if n >= scale and n % (scale // 100) == 0:
                short = f"{n / scale:g}"
                forms += [f"{short} {name}", f"{short}{name}", f"{short.replace('.', ',')} {name}"]
        if n < 1_000_000:
            forms += _words(n)
    else:
        text = f"{value:g}"
        forms += [text, text.replace(".", ",")]
    patterns = []
    for form in forms:
        if form[0].isdigit():
            patterns.append(re.compile(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)"))
        else:
            patterns.append(re.compile(rf"(?<![a-z-]){re.escape(form)}(?![a-z])", re.IGNORECASE))
    return patterns


def _occurs(value: float, text: str) -> bool:
    return any(p.search(text) for p in _value_forms(value))


def _valid_code(code: str) -> bool:
    if code in ("EU", "WORLD", "IN-TG"):
        return True
    if "-" in code:
        return pycountry.subdivisions.get(code=code) is not None
    return pycountry.countries.get(alpha_2=code) is not None


def _gold(name: str) -> list[dict]:
    path = TESTS / name / "gold.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


CASES = [(name, g) for name in SETS for g in _gold(name)]


@pytest.mark.parametrize("name,gold", CASES, ids=[f"{n}/{g['doc']}" for n, g in CASES])
def test_gold_document(name: str, gold: dict) -> None:
    article = TESTS / name / "articles" / gold["doc"]
    assert article.is_file(), gold["doc"]
    text = article.read_text("utf-8")
    assert 10 <= len(text.splitlines()) <= 40, "articles have 10 to 40 lines"
    assert gold["published"] is None or re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", gold["published"])
    assert set(gold) <= {"doc", "published", "facts", "claims"}
    for fact in gold["facts"]:
        where = f"{fact['indicator']} {fact['value']}"
        assert fact["indicator"] in INDICATORS, where
        assert isinstance(fact["value"], (int, float)), where
        assert fact["period"] is None or PERIOD.match(fact["period"]), where
        for key in ("place", "nationality", "location"):
            if fact.get(key) and fact[key] != "foreign":
                assert _valid_code(fact[key]), f"{where}: {key}={fact[key]}"
        if fact.get("crime"):
            parts = fact["crime"].split("+")
            assert set(parts) <= CRIMES and parts == sorted(parts), where
        assert fact.get("qualifier", "exact") in QUALIFIERS, where
        assert fact.get("sex") in (None, "female", "male"), where
        assert fact.get("age") is None or AGE.match(fact["age"]), where
        assert fact.get("scope", "aggregate") in ("aggregate", "incident"), where
        if fact.get("derived"):
            assert fact.get("optional"), f"{where}: derived facts are optional"
        else:
            assert _occurs(fact["value"], text), f"{where} does not occur in {gold['doc']}"
    for claim in gold["claims"]:
        assert claim["kind"] in ("change", "sum")
        assert claim["indicator"] in INDICATORS
        assert claim["verdict"] in ("consistent", "inconsistent", "unverifiable")
        if claim["kind"] == "sum":
            total = sum(claim["parts"])
            if claim["verdict"] == "consistent":
                assert abs(total - claim["total"]) < 1e-9, claim
            elif claim["verdict"] == "inconsistent":
                assert total != claim["total"], claim
        elif "values" in claim:
            newer, base = claim["values"]
            stated = re.search(r"([+-]\d+(?:\.\d+)?)%", claim["stated"])
            if stated and claim["verdict"] != "unverifiable" and base:
                computed = (newer - base) / base * 100
                decimals = len(stated.group(1).split(".")[1]) if "." in stated.group(1) else 0
                factor = 10**decimals
                candidates = {round(computed, decimals), int(computed * factor) / factor}
                agrees = float(stated.group(1)) in candidates
                assert agrees == (claim["verdict"] == "consistent"), claim
        else:
            assert claim["verdict"] == "unverifiable", claim


@pytest.mark.parametrize("name", SETS)
def test_set_size(name: str) -> None:
    gold = _gold(name)
    docs = [g["doc"] for g in gold]
    assert len(docs) == len(set(docs)) >= 24
    articles = {p.name for p in (TESTS / name / "articles").glob("*.txt")}
    assert articles == set(docs), "every article has a gold line and vice versa"
    claims = [c for g in gold for c in g["claims"]]
    assert {c["verdict"] for c in claims} == {"consistent", "inconsistent", "unverifiable"}
