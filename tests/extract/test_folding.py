"""The speed-ups of ``folding`` change no match: the literal gate only skips spans that cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipwatch.extract import load_rules
from tipwatch.extract.folding import Folded, Gated, fold_pattern, lowered, required_literals


def test_required_literals_of_a_sequence_and_of_branches() -> None:
    assert required_literals(r"arrest(?:ed|s)?\b|taken into custody") == ("arrest", "taken into custody")
    assert required_literals(r"(?<!being )held\b(?!\s+captive)") == ("held",)  # look-arounds consume nothing
    assert required_literals(r"(?:the )?courts?") == ("court",)
    assert required_literals(r"sen[dt] (?:\w+ ){0,4}to (?:the )?court") == ("court",)  # the most selective run
    assert required_literals(r"held|held and") == ("held",)  # "held" is in every "held and"


def test_no_literals_when_a_branch_or_the_whole_has_none() -> None:
    assert required_literals(r"held|\d+ times") == (" times", "held")
    assert required_literals(r"\d+|held") is None
    assert required_literals(r"\w+") is None
    assert required_literals(r"(?:held)?") is None
    assert required_literals(r"(?i:held)") is None  # a case-insensitive group would need case folding


_WORDS = ["arrested", "were", "held", "captive", "sent", "to", "court", "the", "Police", "rescued", "42",
          "victims", "handed", "over", "prosecutors", "in", "custody", "taken", "into", ",", ".", "Filed",
          "charges", "against", "shelters", "returned", "home", "from", "abroad", "İstanbul", "found", "dead"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40), st.data())
def test_gated_finditer_finds_what_the_pattern_finds(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    low = lowered(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    actions = load_rules().indicators.action_rx
    want = []
    for i, folded in enumerate(actions.members):
        got = [m.span() for m in folded.finditer(text, start, end, low)]
        plain = [m.span() for m in folded.any_case.finditer(text, start, end)]
        assert got == plain, folded.any_case.pattern[:80]
        want += [(i, span) for span in plain]
    assert [(i, m.span()) for i, m in actions.finditer(text, start, end, low)] == want


def test_gate_is_per_document() -> None:
    rx = Folded(r"held\b")
    assert rx.literals == ("held",)
    first = "nobody was arrested"
    assert list(rx.finditer(first, 0, len(first), first)) == []
    second = "12 people were held in the compound"
    assert [m.span() for m in rx.finditer(second, 0, len(second), second)] == [(15, 19)]
    assert [m.span() for m in rx.finditer(second, 0, 14, second)] == []  # the word is outside the span
    pattern = fold_pattern(r"Held\b")
    assert pattern is not None and re.fullmatch(pattern, "held")


def test_ignore_case_literals_are_lower_cased_ascii() -> None:
    assert required_literals(r"(?-i:Figure|Table)\s*", ignore_case=True) == ("figure", "table")
    # the parser takes the common "re" out of the branches; "more" and "lated" are longer
    assert required_literals(r"Read\s+more|Related", ignore_case=True) == ("lated", "more")
    assert required_literals(r"Stra\u00dfe", ignore_case=True) == ("stra",)  # a non-ASCII letter ends a run


@pytest.mark.parametrize("window", ["Read more: police free 40", "READ   MORE 40", "the police freed 40",
                                    "Straße 40", "related stories 40", "ſee also 40"])
def test_gated_guard_answers_as_the_pattern(window: str) -> None:
    rx = re.compile(r"(?:\b(?:read|see)\s+(?:also|more)|\brelated(?:\s+stories)?)\W*$", re.IGNORECASE)
    gate = Gated(rx)
    assert gate.literals == ("also", "more", "related")
    for pos in range(len(window)):
        assert bool(gate.search(window, pos)) == bool(rx.search(window, pos))
        assert bool(gate.match(window, pos)) == bool(rx.match(window, pos))
