"""The speed-ups of ``folding`` change no match: the literal gate only skips spans that cannot match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tipwatch.extract import load_rules
from tipwatch.extract.folding import FoldedSet, fold_pattern, lowered, required_literals


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
        plain = [m.span() for m in folded.any_case.finditer(text, start, end)]
        want += [(i, span) for span in plain]
    assert [(i, m.span()) for i, m in actions.finditer(text, start, end, low)] == want


def test_set_aside_per_document() -> None:
    rules = FoldedSet([r"held\b", r"arrest(?:ed)?"])
    assert [m.literals for m in rules.members] == [("held",), ("arrest",)]
    first = "nobody was arrested"
    assert [(i, m.span()) for i, m in rules.finditer(first, 0, len(first), first)] == [(1, (11, 19))]
    second = "12 people were held in the compound"
    assert [(i, m.span()) for i, m in rules.finditer(second, 0, len(second), second)] == [(0, (15, 19))]
    assert list(rules.finditer(second, 0, 14, second)) == []  # the word is outside the span
    upper = "12 People Were HELD"
    assert [(i, m.span()) for i, m in rules.finditer(upper, 0, len(upper))] == [(0, (15, 19))]  # no lower-cased copy
    pattern = fold_pattern(r"Held\b")
    assert pattern is not None and re.fullmatch(pattern, "held")
