"""Breakdown attributes of a figure: crime, qualifier, age, sex, nationality.

Each helper looks at a small window of text around one figure; the patterns are built
once from ``crimes.yaml`` and ``qualifiers.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_AGE_NOUNS = {
    "child": "<18", "children": "<18", "minor": "<18", "minors": "<18", "kid": "<18", "kids": "<18",
    "girl": "<18", "girls": "<18", "boy": "<18", "boys": "<18", "teenager": "<18", "teenagers": "<18",
    "infant": "<18", "infants": "<18", "baby": "<18", "babies": "<18", "underage": "<18",
    "under-age": "<18", "adult": "18+", "adults": "18+", "woman": "18+", "women": "18+", "man": "18+",
    "men": "18+",
}
_SEX_NOUNS = {
    "woman": "female", "women": "female", "girl": "female", "girls": "female", "female": "female",
    "females": "female", "bride": "female", "brides": "female", "filipina": "female", "filipinas": "female",
    "man": "male", "men": "male", "boy": "male", "boys": "male", "male": "male", "males": "male",
    "fisherman": "male", "fishermen": "male",
}
_UNDER = re.compile(r"^[\s,]*(?:(?:were|was|are|is|being|aged|who were)\s+)?(?:under|below|younger than|less than)\s+(?:the\s+age\s+of\s+)?(\d{1,2})\b(?!\s*(?:and|to|-|–)\s*\d)", re.IGNORECASE)
_RANGE = re.compile(r"^[\s,]*(?:(?:were|was|are|who were)\s+)?(?:aged|ages|age|between the ages of)\s+(?:between\s+)?(\d{1,2})\s*(?:and|to|-|–)\s*(\d{1,2})\b", re.IGNORECASE)
_OVER = re.compile(r"^[\s,]*(?:(?:were|was|are|is|being|who were)\s+)?(?:over|above|older than|aged)\s+(?:the\s+age\s+of\s+)?(\d{1,2})\b(?:\s*(?:years?(?:\s+old)?|and (?:over|above|older)))?(?!\s*(?:to|-|–)\s*\d)", re.IGNORECASE)
_AND_OVER = re.compile(r"^[\s,]*(?:(?:were|was|are|who were)\s+)?aged\s+(\d{1,2})\s+(?:and|or)\s+(?:over|above|older)", re.IGNORECASE)
#: a number that is itself an age or a duration, not a count
AGE_BOUND_BEFORE = re.compile(
    r"(?:\b(?:aged|ages?|age of|between the ages of)\s+(?:between\s+)?(?:\d{1,2}\s*(?:and|to|-|–)\s*)?"
    r"|\b(?:were|was|are|is|be|being|children|minors|girls|boys|victims|people|persons|those|anyone|aged)\s+"
    r"(?:under|over|above|below|younger than|older than)\s+(?:the age of\s+)?"
    r"|\b(?:under|over|above|below)\s+(?:the age of\s+)?\d{1,2}\s*(?:and|to|-|–)\s*"
    r"|\bunder\s+(?:the\s+age\s+of\s+)"
    r")$",
    re.IGNORECASE,
)
AGE_BOUND_AFTER = re.compile(r"^(?:\s*|-)(?:years?|yrs?|yo)\b|^-year|^\s*(?:and|or)\s+(?:over|above|older|younger)\b", re.IGNORECASE)


@dataclass(frozen=True)
class CrimeMention:
    start: int
    end: int
    crimes: tuple[str, ...]
    rule: str


class AttributeRules:
    def __init__(self, data: dict[str, Any]) -> None:
        parts = []
        self.crime_of: dict[str, tuple[str, str]] = {}
        for i, rec in enumerate(data["crimes"]):
            name = f"c{i}"
            self.crime_of[name] = (rec["crime"], rec["id"])
            parts.append(f"(?P<{name}>" + "|".join(f"(?:{p})" for p in rec["patterns"]) + ")")
        pairs: dict[str, str] = data.get("pairs", {})
        pair_alt = "|".join(sorted(map(re.escape, pairs), key=len, reverse=True))
        self.pairs = {k.lower(): v for k, v in pairs.items()}
        self.crime_rx = re.compile(
            rf"\b(?P<pair>(?P<p1>{pair_alt})(?:\s*,\s*|\s+and\s+|\s+or\s+)(?P<p2>{pair_alt})[- ]trafficking)\b"
            rf"|\b(?:" + "|".join(parts) + r")",
            re.IGNORECASE,
        )
        self.exclude_rx = _alt_rx([p for rec in data.get("exclude", []) for p in rec["patterns"]])
        self.off_topic_rx = _alt_rx([p for rec in data.get("off_topic", []) for p in rec["patterns"]], word=True)
        self.qual_before = [(rec["qualifier"], rec["id"], re.compile(rf"(?:^|\W)(?:{'|'.join(rec['patterns'])})\s*$", re.IGNORECASE))
                            for rec in data.get("qualifiers", [])]
        self.qual_after = [(rec["qualifier"], rec["id"], re.compile(rf"^(?:{'|'.join(rec['patterns'])})(?!\w)", re.IGNORECASE))
                           for rec in data.get("after", [])]

    # -- crime -----------------------------------------------------------------------------
    def crimes_in(self, text: str, start: int, end: int) -> list[CrimeMention]:
        """Crime labels written in ``text[start:end]`` (trafficking of goods left out)."""
        excluded = [(m.start(), m.end()) for m in self.exclude_rx.finditer(text, start, end)] if self.exclude_rx else []
        out = []
        for m in self.crime_rx.finditer(text, start, end):
            if any(s <= m.start() < e for s, e in excluded):
                continue
            if m.group("pair"):
                crimes = (self.pairs[m.group("p1").lower()], self.pairs[m.group("p2").lower()])
                out.append(CrimeMention(m.start(), m.end(), crimes, "crime.pair"))
                continue
            name = m.lastgroup
            if name and name in self.crime_of:
                crime, rid = self.crime_of[name]
                out.append(CrimeMention(m.start(), m.end(), (crime,), rid))
        return out

    def off_topic(self, text: str, start: int, end: int) -> bool:
        return bool(self.off_topic_rx and self.off_topic_rx.search(text, start, end))

    # -- qualifier -------------------------------------------------------------------------
    def qualifier(self, before: str, after: str) -> tuple[str, str | None]:
        """(qualifier, rule id) from the words just before and after a number."""
        for qual, rid, rx in self.qual_before:
            if rx.search(before):
                return qual, rid
        for qual, rid, rx in self.qual_after:
            if rx.match(after):
                return qual, rid
        return "exact", None


def _alt_rx(patterns: list[str], *, word: bool = False) -> re.Pattern[str] | None:
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"\b(?:{body})" if word else body, re.IGNORECASE)


def age_from_slot(slot: str) -> str | None:
    """An age band written after a figure: 'were under 15 years' -> '<15'."""
    m = _RANGE.match(slot)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = _AND_OVER.match(slot)
    if m:
        return f"{m.group(1)}+"
    m = _UNDER.match(slot)
    if m:
        return f"<{m.group(1)}"
    m = _OVER.match(slot)
    if m:
        return f"{int(m.group(1))}+"
    return None


def age_of_noun(word: str | None) -> str | None:
    return _AGE_NOUNS.get(word.lower()) if word else None


def sex_of_noun(word: str | None) -> str | None:
    return _SEX_NOUNS.get(word.lower()) if word else None


def is_age_bound(before: str, after: str) -> bool:
    """True when a number is an age or a duration ('under 15 years', 'aged 15 to 17')."""
    return bool(AGE_BOUND_BEFORE.search(before[-40:]) or AGE_BOUND_AFTER.match(after[:20]))
