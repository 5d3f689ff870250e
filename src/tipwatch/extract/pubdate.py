"""Infer a document's publication year from its own words when no date is given.

SPEC section 3: "163 cases last year, an increase of 29 compared to 2018" makes last
year 2019, so the text was written in 2020. Only explicit anchors count: a relative
year ("last year", "this year") tied in the same or the next sentence to a comparison
with an explicit year, or a report named for its year. Conflicting anchors give None:
never guess.
"""

from __future__ import annotations

import re

_YEAR = r"((?:19|20)\d\d)"
_RELATIVE = re.compile(r"\b(last|this)\s+year\b", re.IGNORECASE)
# "compared to (the same period in) 2018", "up from 298 in 2016", "on the 92 cases recorded in 2016"
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:to|with)|against|(?:up|down|rose|fell|increase[sd]?|decrease[sd]?|rise|drop)"
    r"\b(?:[^.;]|\.\d){0,40}?\b(?:from|on|over))\b(?:[^.;]|\.\d){0,60}?\bin\s+" + _YEAR + r"\b",
    re.IGNORECASE,
)
# "its annual report for 2017", "the 2017 annual report"
_REPORT_FOR = re.compile(r"\b(?:annual\s+)?report\s+(?:for|on)\s+" + _YEAR + r"\b|\b" + _YEAR
                         + r"\s+annual\s+report\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
_MIN_YEAR, _MAX_YEAR = 1950, 2100


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_BREAK.split(text) if s.strip()]


def _candidates(sentences: list[str]) -> set[int]:
    found: set[int] = set()
    for i, sentence in enumerate(sentences):
        relative = _RELATIVE.search(sentence)
        if relative is None:
            continue
        this_year = relative.group(1).lower() == "this"
        window = sentence + " " + (sentences[i + 1] if i + 1 < len(sentences) else "")
        for m in _COMPARED.finditer(window):
            base = int(m.group(1))
            # "last year ... compared to 2018": last year is 2019, written in 2020
            found.add(base + 1 if this_year else base + 2)
    for sentence in sentences:
        for m in _REPORT_FOR.finditer(sentence):
            year = int(m.group(1) or m.group(2))
            if any(_RELATIVE.search(s) for s in sentences):
                found.add(year + 1)
    return {y for y in found if _MIN_YEAR <= y <= _MAX_YEAR}


def infer_publication_year(text: str) -> int | None:
    """The year the text was written, when its own anchors agree on one; else None."""
    if _RELATIVE.search(text) is None:
        return None
    years = _candidates(_sentences(text))
    return years.pop() if len(years) == 1 else None
