"""Clean-up drops ads, bylines, captions and lists of other stories, and keeps an offset map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipwatch.clean import clean
from tipwatch.config import Settings
from tipwatch.model import CleanDocument, RawDocument
from tipwatch.pipeline import extract_inputs

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "clean" / "boilerplate.jsonl"
CASES = [json.loads(line) for line in GOLDEN.read_text("utf-8").splitlines() if line.strip()]


def _clean(text: str) -> CleanDocument:
    return clean(RawDocument(doc="t.txt", text=text, original=text))


def assert_offsets_map_back(doc: CleanDocument) -> None:
    """Every kept character maps to the same character in the raw text."""
    for i, ch in enumerate(doc.text):
        assert doc.raw.text[doc.offsets.to_raw(i)] == ch


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_boilerplate(case: dict) -> None:
    doc = _clean(case["text"])
    for kept in case["keep"]:
        assert kept in doc.text, f"dropped body text {kept!r}"
    for dropped in case["drop"]:
        assert dropped not in doc.text, f"kept boilerplate {dropped!r}"
    assert_offsets_map_back(doc)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "cellcard cellcard", "Headline words here", "A Writer / Paper Share:", "", "MOST VIEWED",
    "Police rescued 12 victims of trafficking in 2020, the report said.", "Previous Article",
    "Next Article", "Some teaser headline", "Photo: Someone", "Advertisement", "  • list item 5",
    "A long body sentence follows here with 7 people in it and more words.",
]), max_size=30), st.sampled_from(["\n", "\r\n"]))
def test_offset_map_is_monotonic_and_exact(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    doc = _clean(text)
    assert list(doc.offsets.clean_starts) == sorted(doc.offsets.clean_starts)
    assert list(doc.offsets.raw_starts) == sorted(doc.offsets.raw_starts)
    assert_offsets_map_back(doc)


def test_extra_rules_file_extends_the_cleaner(tmp_path: Path) -> None:
    from tipwatch.clean import load_boilerplate_rules

    rules_file = tmp_path / "extra.yaml"
    rules_file.write_text("rules:\n  - id: local.hotline\n    kind: line\n    pattern: '^hotline:'\n")
    text = "Police rescued 12 victims of trafficking in 2020, the report said.\nHotline: 1 800 555 0199\n"
    doc = clean(RawDocument(doc="t", text=text, original=text), load_boilerplate_rules((str(rules_file),)))
    assert "1 800" not in doc.text and "rescued 12" in doc.text
    assert doc.removed[-1].rule == "local.hotline"


NOT_FACTS_IN_SEEDS = {
    # numbers that stand only in ads, captions, teasers and MOST VIEWED lists
    "002_d10760c36b453557.txt": ["600", "50,000", "200", "3.8", "4.4", "1970s"],
    "003_95b7bd7a7c929755.txt": [],
}


def test_seeds_boilerplate_numbers_never_become_facts(seeds_dir: Path) -> None:
    for item in extract_inputs([str(seeds_dir)], Settings()):
        assert not isinstance(item, str)
        doc = item.document  # type: ignore[union-attr]
        assert "MOST VIEWED" not in doc.text and "Previous Article" not in doc.text
        assert "cellcard" not in doc.text and "Share:" not in doc.text
        for fact in item.facts:  # type: ignore[union-attr]
            start, end = fact.span
            raw_start, raw_end = doc.offsets.span_to_raw(start, end)
            assert doc.raw.text[raw_start:raw_end] == doc.text[start:end]
            assert not any(b.start <= raw_start < b.end for b in doc.removed)
            assert fact.surface not in NOT_FACTS_IN_SEEDS.get(doc.doc, [])
        if doc.doc == "003_95b7bd7a7c929755.txt":
            assert "Forces crack down on 150" not in doc.text  # headline restates a body figure
