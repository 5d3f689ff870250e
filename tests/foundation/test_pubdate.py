"""A document without a publication date is read against the year its own words imply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tipwatch.config import Settings
from tipwatch.extract.pubdate import infer_publication_year
from tipwatch.model import RawDocument
from tipwatch.pipeline import INFERRED_YEAR_RULE, Pipeline

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "pubdate" / "cases.jsonl"
CASES = [json.loads(line) for line in GOLDEN.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_infer_publication_year(case: dict) -> None:
    assert infer_publication_year(case["text"]) == case["expect"]


def test_undated_document_gets_inferred_periods_marked_as_such() -> None:
    text = ("The Interior Ministry said police handled 210 human trafficking cases last year, "
            "an increase of 17 when compared to the same period in 2021.\n")
    extraction = Pipeline.from_settings(Settings()).run(RawDocument(doc="a.txt", text=text, original=text))
    [fact] = [f for f in extraction.facts if f.value == 210]
    assert fact.period == "2022" and fact.match == "inferred" and INFERRED_YEAR_RULE in fact.rules
    assert extraction.document.raw.published is None  # the stored document keeps its own (absent) date


def test_undated_seeds_get_the_gold_periods(seeds_dir: Path, dev_gold: Path) -> None:
    gold = {g["doc"]: g for g in map(json.loads, dev_gold.read_text("utf-8").splitlines())}
    pipeline = Pipeline.from_settings(Settings())
    for name in ("000_210a078fba3aa544.txt", "002_d10760c36b453557.txt", "003_95b7bd7a7c929755.txt"):
        text = (seeds_dir / name).read_text("utf-8")
        facts = pipeline.run(RawDocument(doc=name, text=text, original=text)).facts
        found = {(f.indicator, f.value, f.period) for f in facts}
        for g in gold[name]["facts"]:
            if g["period"] != "*" and not g.get("optional"):
                assert (g["indicator"], g["value"], g["period"]) in found, g


def test_a_dateline_beats_a_year_inferred_from_wording() -> None:
    text = ("Courier | News\n\nMinistry counts more trafficking victims\n\nMarch 4, 2025 | By Staff Reporter\n\n"
            "Police rescued 61 victims of human trafficking last year, the ministry said.\n\n"
            "The ministry has trained 90 officers this year. In 2022 the agency said 40 victims were "
            "identified, up from 25 in 2021.\n")
    extraction = Pipeline.from_settings(Settings()).run(RawDocument(doc="b.txt", text=text, original=text))
    [fact] = [f for f in extraction.facts if f.value == 61]
    assert fact.period == "2024" and fact.match != "inferred"
