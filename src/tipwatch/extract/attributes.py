"""Breakdown attributes of a figure: crime, qualifier, age, sex, nationality.

Each helper looks at a small window of text around one figure; the patterns are built
once from ``crimes.yaml`` and ``qualifiers.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tipwatch.extract.folding import Folded

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
_AGE_NOUNS.update({"juvenile": "<18", "juveniles": "<18", "adolescent": "<18", "adolescents": "<18"})
_FROM_TOPIC = re.compile(r"\bfrom\s+(?:[\w-]+\s+){0,3}\Z")
_TOPIC_LEAD = re.compile(r"\s*(?:On|For|Regarding|As for|As regards|In terms of)\s+[^,;]{3,60},")
_TOPIC_GLOSS = re.compile(r"\s+[a-z]+(?:\s+[a-z]+){0,3}?,\s+(?:most|many|all|some|the majority)\s+of\s+(?:them|which)\s+"
                          r"(?:over|about|for|concerning|involving|related\s+to)\b")
#: "six people under 15", "81 persons above the age of 18": the counted noun may stand before the band
_BAND_NOUN = r"(?:(?:children|minors|girls|boys|victims|people|persons|individuals|survivors|women|men|of them)\s+)?"
_UNDER = re.compile(r"^[\s,]*" + _BAND_NOUN + r"(?:(?:were|was|are|is|being|aged|who were)\s+)?(?:(?:children|minors|girls|boys|victims)\s+)?(?:under|below|younger than|less than)\s+(?:the\s+age\s+of\s+)?(\d{1,2})\b(?!\s*(?:and|to|-|–)\s*\d)", re.IGNORECASE)
_RANGE = re.compile(r"^[\s,]*(?:(?:were|was|are|who were)\s+)?(?:aged|ages|age|between the ages of|(?=between\s))\s*(?:between\s+)?(\d{1,2})\s*(?:and|to|-|–)\s*(\d{1,2})\b", re.IGNORECASE)
_OVER = re.compile(r"^[\s,]*" + _BAND_NOUN + r"(?:(?:were|was|are|is|being|who were)\s+)?(?:(?:aged\s+)?(?:over|above|older than)|aged)\s+(?:the\s+age\s+of\s+)?(\d{1,2})\b(?:\s*(?:years?(?:\s+old)?|and (?:over|above|older)))?(?!\s*(?:to|-|–)\s*\d)", re.IGNORECASE)
_AND_OVER = re.compile(r"^[\s,]*(?:(?:were|was|are|who were)\s+)?aged\s+(\d{1,2})\s+(?:and|or)\s+(?:over|above|older)", re.IGNORECASE)
#: a number that is itself an age or a duration, not a count
AGE_BOUND_BEFORE = re.compile(
    r"(?:\b(?:aged|ages?|age of|between the ages of)\s+(?:between\s+)?(?:\d{1,2}\s*(?:and|to|-|–)\s*)?"
    r"|\b(?:were|was|are|is|be|being|children|minors|girls|boys|victims|people|persons|those|anyone|aged)\s+"
    r"(?:under|over|above|below|younger than|older than)\s+(?:the age of\s+)?"
    r"|\b(?:under|over|above|below)\s+(?:the age of\s+)?\d{1,2}\s*(?:and|to|-|–)\s*"
    r"|\bunder\s+(?:the\s+age\s+of\s+)"
    r")\Z",
    re.IGNORECASE,
)
AGE_BOUND_AFTER = re.compile(r"^(?:\s*|-)(?:years?|yrs?|yo)\b|^-year|^\s*(?:and|or)\s+(?:over|above|older|younger)\b", re.IGNORECASE)


_GROUP = r"women|men|girls|boys|female|male|females|males|children|minors|adults|juveniles|teenagers|adolescents"
#: "1,312 were female", "29 of them were women", "612 were adult women" (not "women and children")
_CATEGORY_AFTER = re.compile(
    rf"^(?:\s+of\s+(?:them|these|those|whom|the\s+(?:[\w-]+\s+){{0,2}}[\w-]+))?\s*,?\s*(?:were|was|are|is)\s+(?:all\s+)?"
    rf"(?:(?:adult|young|underage)\s+)?"
    rf"(?P<group>{_GROUP})\b(?!\s+(?:and|or)\s+(?:{_GROUP})\b)", re.IGNORECASE)
#: "Minors accounted for 318 of those victims", "Women and girls made up 63%"
_CATEGORY_BEFORE = re.compile(
    rf"\b(?P<group>{_GROUP})(?:\s+and\s+(?P<group2>{_GROUP}))?\s+(?:accounted for|made up|comprised|represented|"
    rf"numbered|totall?ed)\s+(?:about\s+|around\s+|nearly\s+|some\s+|more than\s+|over\s+|almost\s+)?$", re.IGNORECASE)
#: the gapped second item: "Women accounted for 70 and men for 50"
_CATEGORY_GAPPED = re.compile(rf"(?:^|\band\s+|\bwhile\s+|,\s*)(?P<group>{_GROUP})\s+(?:for|with)\s+(?:about\s+|around\s+|nearly\s+|"
                              rf"some\s+|more than\s+|over\s+|almost\s+)?$", re.IGNORECASE)
#: "Most victims were women (58), followed by men (21)": the group right before a bracketed count
_CATEGORY_BRACKET = re.compile(rf"\b(?P<group>{_GROUP})\s*\(\s*$", re.IGNORECASE)
#: "52 of whom were Ukrainian citizens", "45 of them were foreigners": the nationality the predicate names
_NATIONALITY_AFTER = re.compile(r"^(?:\s+of\s+(?:them|these|those|whom))?\s*,?\s*(?:were|was|are|is)\s+(?:all\s+)?"
                                r"(?P<word>[A-Za-z]+)(?:\s+(?:citizens|nationals|women|men|girls|boys|children|minors|workers))?"
                                r"\s*(?:[,.;)]|\band\b|$)")
_MIXED_AFTER = re.compile(rf"^\s+(?:and|or)\s+(?P<group>{_GROUP})\b", re.IGNORECASE)


def category(after: str, before: str) -> tuple[str | None, str | None] | None:
    """(age, sex) of a breakdown group named around a figure, else None."""
    m = _CATEGORY_AFTER.match(after)
    if m:
        word = m.group("group").lower()
        return age_of_noun(word), sex_of_noun(word)
    b = _CATEGORY_BEFORE.search(before) or _CATEGORY_GAPPED.search(before) or _CATEGORY_BRACKET.search(before)
    if b:
        return _pair(b.group("group").lower(), (b.groupdict().get("group2") or "").lower())
    return None


def nationality_after(after: str, demonyms: dict[str, str]) -> str | None:
    """The nationality a predicate gives a figure with no noun: "52 of whom were Ukrainian citizens"."""
    m = _NATIONALITY_AFTER.match(after)
    if m is None:
        return None
    word = m.group("word")
    if not (word[0].isupper() or word.lower().startswith("foreign")):
        return None
    return demonyms.get(word.lower())


def mixed_group(word: str, after: str) -> tuple[str | None, str | None] | None:
    """'46 women and children': (age, sex) shared by both groups, else None for neither."""
    m = _MIXED_AFTER.match(after)
    if m is None:
        return None
    return _pair(word.lower(), m.group("group").lower())


def _pair(first: str, second: str) -> tuple[str | None, str | None]:
    if not second:
        return age_of_noun(first), sex_of_noun(first)
    ages, sexes = {age_of_noun(first), age_of_noun(second)}, {sex_of_noun(first), sex_of_noun(second)}
    return (ages.pop() if len(ages) == 1 else None), (sexes.pop() if len(sexes) == 1 else None)


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
        self.crime_rx = Folded(
            rf"\b(?P<pair>(?P<p1>{pair_alt.lower()})(?:\s*,\s*|\s+and\s+|\s+or\s+)(?P<p2>{pair_alt.lower()})[- ]trafficking)\b"
            rf"|\b(?:" + "|".join(parts) + r")"
        )
        self.exclude_rx = _alt_rx([p for rec in data.get("exclude", []) for p in rec["patterns"]])
        self.off_topic_rx = _alt_rx([p for rec in data.get("off_topic", []) for p in rec["patterns"]], word=True)
        self.qual_before = [(rec["qualifier"], rec["id"], re.compile(rf"(?:^|\W)(?:{'|'.join(rec['patterns'])})\s*$", re.IGNORECASE))
                            for rec in data.get("qualifiers", [])]
        self.qual_after = [(rec["qualifier"], rec["id"], re.compile(rf"^(?:{'|'.join(rec['patterns'])})(?!\w)", re.IGNORECASE))
                           for rec in data.get("after", [])]

    # -- crime -----------------------------------------------------------------------------
    def crimes_in(self, text: str, start: int, end: int, low: str | None = None) -> list[CrimeMention]:
        """Crime labels written in ``text[start:end]`` (trafficking of goods left out); ``low`` is
        the text lower-cased when that keeps its offsets (matching is then faster)."""
        excluded = []
        if self.exclude_rx is not None:
            rx, subject = self.exclude_rx.pick(text, low)
            excluded = [(m.start(), m.end()) for m in rx.finditer(subject, start, end)]
        out = []
        crime_rx, subject = self.crime_rx.pick(text, low)
        for m in crime_rx.finditer(subject, start, end):
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

    def off_topic(self, text: str, start: int, end: int, low: str | None = None) -> bool:
        if self.off_topic_rx is None:
            return False
        rx, subject = self.off_topic_rx.pick(text, low)
        return rx.search(subject, start, end) is not None

    def off_topic_figure(self, text: str, sent: tuple[int, int], n: tuple[int, int], low: str | None = None) -> bool:
        """Whether the number at ``n`` counts the other topic its sentence is about: next to it
        ("detained 15,612 drug suspects"), in a lead that sets the sentence's topic ("On crimes against
        senior citizens, ... 6,187 cases") or in a gloss on its noun ("7,200 complaints, most of them
        over unpaid wages")."""
        if self.off_topic_rx is None:
            return False
        rx, subject = self.off_topic_rx.pick(text, low)
        for hit in rx.finditer(subject, max(sent[0], n[0] - 45), min(sent[1], n[1] + 45)):
            if hit.start() < n[0] or not _FROM_TOPIC.search(text, max(n[1], hit.start() - 40), hit.start()):
                return True  # not "rescued 771 foreigners from scam and gambling operations": where they were held
        lead = _TOPIC_LEAD.match(text, sent[0], n[0])
        if lead and self.off_topic(text, sent[0], lead.end(), low):
            return True
        gloss = _TOPIC_GLOSS.match(text, n[1], sent[1])
        return bool(gloss and self.off_topic(text, gloss.start(), min(sent[1], gloss.end() + 40), low))

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


def _alt_rx(patterns: list[str], *, word: bool = False) -> Folded | None:
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return Folded(rf"\b(?:{body})" if word else body)


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
    return _AGE_NOUNS.get(word.lower().split()[-1]) if word else None


def sex_of_noun(word: str | None) -> str | None:
    return _SEX_NOUNS.get(word.lower().split()[-1]) if word else None


def is_age_bound(before: str, after: str) -> bool:
    """True when a number is an age or a duration ('under 15 years', 'aged 15 to 17')."""
    return bool(AGE_BOUND_BEFORE.search(before[-40:]) or AGE_BOUND_AFTER.match(after[:20]))
