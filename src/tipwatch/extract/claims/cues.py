"""The words that state a change, read once from ``rules/claims.yaml``.

The cue lists are data: a user adds a verb of rise or fall, a phrase that only looks like
one ("set up", "cracked down"), a hedge or a multiplier there, not in code. This module
turns them into the compiled patterns :mod:`changes` uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Multiplier:
    """'nearly doubled' -> Multiplier(2.0, 'nearly', 'nearly doubled')."""

    factor: float
    hedge: str | None
    words: str


@dataclass(frozen=True)
class CueWords:
    up: str  # regex alternations, ready to embed
    down: str
    change: str  # up|down; a match is no change when ``not_change_before`` ends just before it
    not_change_before: re.Pattern[str]  # "set " before "up", "cracked " before "down"
    copulas: str
    hedge_kinds: tuple[tuple[str, re.Pattern[str]], ...]
    hedge: str
    verbs: tuple[tuple[re.Pattern[str], float], ...]
    before_base: tuple[tuple[re.Pattern[str], float], ...]
    fractions: dict[str, float]
    multiplier_verb: re.Pattern[str]
    multiplier_before_base: re.Pattern[str]
    off_topic: re.Pattern[str]
    multiplier_hints: tuple[str, ...]  # a sentence without one of these has no multiplier
    not_counted: re.Pattern[str]  # matched just after a number: "three brick kilns", "23 countries"
    exploitation: re.Pattern[str]  # a form of exploitation named after a part: 'in forced labour'
    services: re.Pattern[str]  # a service named after a part: 'received legal aid' (services overlap)
    future: re.Pattern[str]  # searched in the words just before a change: "aims to cut ... by 50%"
    word_amount: re.Pattern[str]  # "nearly a hundred more than": groups h (hedge), a (amount), w (more/fewer)
    word_amounts: tuple[tuple[re.Pattern[str], float], ...]

    def amount_of(self, words: str) -> float:
        """The value of a round amount in words ('a hundred' -> 100)."""
        return next(v for pattern, v in self.word_amounts if pattern.fullmatch(words))

    def states_change(self, m: re.Match[str] | None, group: str = "w") -> re.Match[str] | None:
        """``m`` unless its change word follows a phrase that states no change ('set up')."""
        if m is None or m.start(group) < 0:
            return m
        start = m.start(group)
        return None if self.not_change_before.search(m.string, max(0, start - 20), start) else m

    def hedge_of(self, words: str | None) -> str | None:
        if not words:
            return None
        for kind, pattern in self.hedge_kinds:
            if pattern.fullmatch(words.strip()):
                return kind
        return None

    def multiplier(self, m: re.Match[str]) -> Multiplier:
        """The factor and hedge of a match of ``multiplier_verb`` or ``multiplier_before_base``."""
        word = m.group("m")
        table = self.verbs if m.re is self.multiplier_verb else self.before_base
        factor = next(f for pattern, f in table if pattern.fullmatch(word))
        return Multiplier(factor, self.hedge_of(m.group("h")), re.sub(r"\s+", " ", m.group(0).strip().lower()))


def _alt(words: list[str]) -> str:
    return "|".join(f"(?:{w})" for w in words)


def _words(words: list[str]) -> str:
    """The words as one alternation; 'up' never when 'to' follows ('up to 20 years')."""
    return "|".join(f"(?:{w})" + (r"(?!\s+to\b)" if w == "up" else "") for w in words)


def _hints(alternations: list[str]) -> tuple[str, ...]:
    """A literal run of letters of each alternative ('doubled|doubling' -> 'doub', '(?:two|2)-?fold'
    -> 'two', 'fold')."""
    out = set()
    for alternation in alternations:
        for word in alternation.split("|"):
            m = re.search(r"[a-z]{3,}", word)
            if m:
                out.add(m.group(0)[:4])
    return tuple(sorted(out))


@cache
def load_cues() -> CueWords:
    text = resources.files("tipwatch.extract").joinpath("rules").joinpath("claims.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    up, down, not_change = data["up"], data["down"], data["not_change"]
    hedges: dict[str, list[str]] = data["hedges"]
    hedge = _alt([w for words in hedges.values() for w in words])
    kinds = tuple((kind, re.compile(_alt(words), re.I)) for kind, words in hedges.items())
    verbs = {str(k): float(v) for k, v in data["multipliers"]["verbs"].items()}
    before = {str(k): float(v) for k, v in data["multipliers"]["before_base"].items()}
    multiplier_verb = re.compile(rf"(?:\b(?P<h>{hedge})\s+)?\b(?P<m>{_alt(list(verbs))})\b", re.I)
    # "nearly double the 320", "twice as many as the 90", "three times the number of", "half as many",
    # "four times more than in 2022"
    multiplier_before_base = re.compile(
        rf"(?:\b(?P<h>{hedge})\s+)?\b(?P<m>{_alt(list(before))})\s+(?:as\s+(?:many|much|high|large)\b"
        rf"(?:\s+\w+)?\s+as\b|that\s+of\b|the\s+(?:(?:19|20)\d\d\s+)?(?:number|figure|total|level|count)\b(?:\s+of\b)?|the\b|"
        rf"(?:the\s+)?(?:previous|last)\s+year'?s\b|what\b|(?:more|higher|greater)\s+than\b)", re.I)
    amounts = {str(k): float(v) for k, v in data.get("word_amounts", {}).items()}
    word_amount = re.compile(rf"(?:\b(?P<h>{hedge})\s+)?\b(?P<a>{_alt(list(amounts)) or '(?!)'})\s+"
                             rf"(?P<w>more|fewer|less)\b(?:\s+[a-z-]+){{0,3}}?\s+than\b", re.I)
    return CueWords(
        up=_alt(up), down=_alt(down), change=_words(up) + "|" + _words(down),
        not_change_before=re.compile(rf"\b(?:{_alt(not_change)})\s+$", re.I),
        copulas=_alt(data["copulas"]), hedge_kinds=kinds, hedge=hedge,
        verbs=tuple((re.compile(k, re.I), v) for k, v in verbs.items()),
        before_base=tuple((re.compile(k, re.I), v) for k, v in before.items()),
        fractions={str(k): float(v) for k, v in data["fractions"].items()},
        multiplier_verb=multiplier_verb, multiplier_before_base=multiplier_before_base,
        multiplier_hints=_hints(list(verbs) + list(before)),
        exploitation=re.compile(rf"\b(?:{_alt(data.get('exploitation', [])) or '(?!)'})\b", re.I),
        services=re.compile(rf"\b(?:{_alt(data.get('services', [])) or '(?!)'})\b", re.I),
        future=re.compile(rf"\b(?:{_alt(data.get('future', []))})\s+(?:[\w-]+\s+){{0,4}}$", re.I),
        not_counted=re.compile(rf"\s+(?:[\w-]+\s+)?(?:{_alt(data.get('not_counted', []))})\b", re.I),
        off_topic=re.compile(rf"\b(?:{_alt(data.get('off_topic', []))})", re.I),
        word_amount=word_amount, word_amounts=tuple((re.compile(k, re.I), v) for k, v in amounts.items()))
