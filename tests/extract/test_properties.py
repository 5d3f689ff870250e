"""Property tests: the extractor never raises, spans are grounded, scanning is linear."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import assert_spans_ground
from tipwatch.extract import extract_facts, load_rules, parse_number
from tipwatch.model import CleanDocument, RawDocument

RULES = load_rules()
WORDS = st.sampled_from([
    "163", "1,009", "2.549", "twenty", "one", "a", "Japanese", "victims", "cases", "were", "rescued",
    "arrested", "last", "year", "in", "2017", "of", "that", "number,", "under", "15", "human",
    "trafficking", "police", "said", "including", "from", "Malaysia", "$150", "billion", "percent",
    ".", ",", "–", "Cambodians", "the", "report", "NCCT", "while", "returned", "home", "\n",
])


def _doc(text: str, published: str | None = "2020") -> CleanDocument:
    return CleanDocument(raw=RawDocument(doc="p", text=text, original=text, published=published), text=text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    facts = extract_facts(_doc(text), RULES)
    assert_spans_ground(text, facts)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=60).map(" ".join), st.sampled_from([None, "2019", "2020-07-02"]))
def test_spans_grounded_on_genre_like_text(text: str, published: str | None) -> None:
    facts = extract_facts(_doc(text, published), RULES)
    assert_spans_ground(text, facts)
    for fact in facts:
        assert fact.indicator in RULES.indicator_names
        assert fact.sentence and fact.surface in fact.sentence


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_number_round_trips_digits(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


def _time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        list(RULES.numbers.finditer(text))
        extract_facts(_doc(text), RULES)
        best = min(best, time.process_time() - start)
    return best


def test_long_line_of_digits_is_linear() -> None:
    """A 1 MB line of digits, commas and spaces takes about 10x the time of 100 KB (ReDoS guard)."""
    unit = "1,234,567 89,0 12 345,678,901,234 5,6,7,8 9999999999 "
    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    big = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    ratio = _time(big) / max(_time(small), 1e-6)
    assert ratio < 25, f"1 MB took {ratio:.1f}x the time of 100 KB"
