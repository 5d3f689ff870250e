"""Shared test helpers. ``assert_spans_ground`` is the provenance invariant every
extractor test and golden runner checks (STYLE lesson 3)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _get(fact: Any, name: str) -> Any:
    return fact.get(name) if isinstance(fact, dict) else getattr(fact, name, None)


def assert_spans_ground(doc_text: str, facts: Iterable[Any]) -> None:
    """Every non-derived fact's span lies in ``doc_text``, ``doc_text[start:end] == surface``,
    and the surface is the number's words (it parses back to the fact's value).

    Accepts ``Fact`` objects or their SPEC records (dicts with ``span``/``surface``/``value``).
    """
    from tipwatch.extract.numbers import parse_number

    for fact in facts:
        if _get(fact, "derived"):
            continue
        span = _get(fact, "span")
        assert span is not None, f"fact without span: {fact}"
        start, end = span
        assert 0 <= start < end <= len(doc_text), f"span {span} outside the text ({len(doc_text)} chars): {fact}"
        surface = _get(fact, "surface")
        assert surface, f"fact without surface: {fact}"
        assert doc_text[start:end] == surface, (
            f"text[{start}:{end}] is {doc_text[start:end]!r}, surface is {surface!r}"
        )
        value = parse_number(surface)
        expected = _get(fact, "value")
        assert value is not None, f"surface {surface!r} is not a number's words"
        if _get(fact, "unit") in (None, "count", "percent") or value == expected:
            assert value == expected, f"surface {surface!r} parses to {value}, fact value is {expected}"
