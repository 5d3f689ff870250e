"""Infer a document's publication year from its own words when no date is given.

SPEC section 3: "163 cases last year, an increase of 29 compared to 2018" makes last
year 2019, so the text was written in 2020. Only explicit anchors count: a relative
year ("last year", "this year") tied in the same or the next sentence to a comparison
with an explicit year, or a report named for its year. Conflicting anchors give None:
never guess.
"""

from __future__ import annotations

import re
from datetime import date

from tipwatch.model import CleanDocument

_YEAR = r"((?:19|20)\d\d)"
_RELATIVE = re.compile(r"\b(last|this)\s+year\b", re.IGNORECASE)
# "compared to (the same period in) 2018", "up from 298 in 2016", "on the 92 cases recorded in 2016",
# "20 more than in 2018"
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:to|with)|against|(?:up|down|rose|fell|increase[sd]?|decrease[sd]?|rise|drop)"
    r"\b(?:[^.;]|\.\d){0,40}?\b(?:from|on|over)|(?:more|fewer|less|higher|lower)\s+than(?=\s+in\s))\b(?:[^.;]|\.\d){0,60}?\bin\s+"
    r"(?:the\s+same\s+(?:period|months?|quarter|half)\s+(?:of|in)\s+)?"  # "against 61 in the same period of 2022"
    + _YEAR + r"\b"
    # "an increase of 29 compared to 2018", "against the same period of 2018": the year right after
    r"|\b(?:compared\s+(?:to|with)|against|versus)\s+(?:(?:the\s+)?same\s+period\s+(?:of|in)\s+)?" + _YEAR + r"\b",
    re.IGNORECASE,
)
# "its annual report for 2017", "the 2017 annual report"
_REPORT_FOR = re.compile(r"\b(?:annual\s+)?report\s+(?:for|on)\s+" + _YEAR + r"\b|\b" + _YEAR
                         + r"\s+annual\s+report\b", re.IGNORECASE)
_GLOSSED = re.compile(r"\b(last|this)\s+year\s*\(\s*" + _YEAR + r"\s*\)", re.IGNORECASE)
_SO_FAR_IN = re.compile(r"\b(?:so|thus)\s+far\s+in\s+" + _YEAR + r"\b|\b" + _YEAR + r"\s+(?:so\s+far|to\s+date)\b",
                        re.IGNORECASE)
_CONTINUES = re.compile(r"\s*(?:This|That|It|These|Those|The\s+(?:figure|number|total|tally|increase|rise|drop|fall|decline))\b")
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
        nxt = sentences[i + 1] if i + 1 < len(sentences) else ""
        # the next sentence counts when it goes on about the same figure ("This is an increase of ...")
        window = sentence + " " + nxt if _CONTINUES.match(nxt) else sentence
        for m in _COMPARED.finditer(window):
            base = int(m.group(1) or m.group(2))
            # "last year ... compared to 2018": last year is 2019, written in 2020
            found.add(base + 1 if this_year else base + 2)
    for sentence in sentences:
        for m in _GLOSSED.finditer(sentence):  # "last year (2023)": written in 2024
            found.add(int(m.group(2)) + (1 if m.group(1).lower() == "last" else 0))
        for m in _SO_FAR_IN.finditer(sentence):  # "so far in 2024": a running total to the day of writing
            found.add(int(m.group(1) or m.group(2)))
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


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH_WORD = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "KYIV, 3 May —", "BRASÍLIA, Jan 3 (Wire) —", "Published: 06 Jul 2023, 10:15", "30 July 2024, 6:00am",
# "Friday, 3 May 2024", "By Staff Reporter | 3 May 2024", "Lima, 29 of July of 2024" (a Spanish "de" calqued)
_LEAD = (r"(?:^|\n|\b[A-Z][A-Z\u00C0-\u00DE]+[^\n,]{0,30},\s+|(?:^|\n)[A-Z][^\n,]{1,30},\s+|\|\s*"
         r"|(?i:published|updated|posted|date)\s*:?\s*(?:on\s+)?)(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?")
_HEAD_DATE = re.compile(
    _LEAD + r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>" + _MONTH_WORD + r")|(?P<m2>" + _MONTH_WORD
    + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b)"
    r",?\s*(?:of\s+)?(?P<y>(?:19|20)\d\d)?(?=\s*(?:\(|—|–|-|,|\||\n|$))")
#: "Published: 2024-05-03", a line that starts with an ISO date
_HEAD_ISO = re.compile(_LEAD + r"(?P<y>(?:19|20)\d\d)(?P<sep>[-./])(?P<m>\d\d)(?P=sep)(?P<d>\d\d)\b")  # also "2024.11.08"
#: "Malaya Post  09-05-2025", "03/05/2024 10:15": a numeric date ending a head line (day and month
#: orders differ by country: only a date whose order is plain gives the day, else the year alone)
_HEAD_NUMERIC = re.compile(r"(?:^|\n)[^\n\d]{0,40}?(?<![\d./-])(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<y>(?:19|20)\d\d)\b(?![./-]\d)"
                           r"(?=[ \t]*(?:,?[ \t]*\d{1,2}[:.]\d\d[^\n|]{0,12})?[ \t]*(?:\||\n|$))")
_HEAD_CHARS = 400


def refine_published(published: str | None, text: str) -> str | None:
    """A publication date made precise by the article's own dateline ("KYIV, 3 May —",
    "Published: 06 Jul 2023"), when the dateline agrees with what is known (the year, the month);
    a dateline gives a year only when it writes one. Else ``published`` unchanged."""
    if published and len(published) >= 10:
        return published
    found: list[tuple[int, str | None, int | None, int]] = [
        (m.start(), m.group("y"), int(m.group("m")), int(m.group("d")))
             for m in _HEAD_ISO.finditer(text, 0, min(len(text), _HEAD_CHARS))]
    found += [(m.start(), m.group("y"), _MONTHS.get((m.group("m1") or m.group("m2"))[:3].lower()),
               int(m.group("d1") or m.group("d2"))) for m in _HEAD_DATE.finditer(text, 0, min(len(text), _HEAD_CHARS))]
    for _, y, month, day in sorted(found, key=lambda f: f[0]):
        if month is None or not 1 <= day <= 31:
            continue
        year = y or (published[:4] if published else None)
        if year is None or (published and published[:4] != year):
            continue
        if published and len(published) >= 7 and int(published[5:7]) != month:
            continue
        try:
            return date(int(year), month, day).isoformat()
        except ValueError:
            continue
    return _numeric_head_date(published, text) or published


def _numeric_head_date(published: str | None, text: str) -> str | None:
    for m in _HEAD_NUMERIC.finditer(text, 0, min(len(text), _HEAD_CHARS)):
        a, b, year = int(m.group("a")), int(m.group("b")), m.group("y")
        if published and published[:4] != year:
            continue
        readings = {(mo, d) for mo, d in ((b, a), (a, b)) if 1 <= mo <= 12 and 1 <= d <= 31}
        if len(readings) == 1:
            month, day = readings.pop()
            try:
                return date(int(year), month, day).isoformat()
            except ValueError:
                continue
        if readings and published is None:
            return year  # "09-05-2025": 9 May or 5 September, but 2025 either way
    return None


def dateline(text: str, headers: tuple[str, ...] = ()) -> str | None:
    """The publication date (or year) the document's own head gives, also in the header lines the
    clean-up set aside ("Posted Jan 16, 2025 | Updated 4:31 PM"); None when it gives none."""
    for part in (text, *headers):
        found = refine_published(None, part)
        if found is not None:
            return found
    return None


def header_lines(doc: CleanDocument) -> tuple[str, ...]:
    """The header lines (headline, standfirst, byline) the clean-up set aside, in order."""
    raw = doc.raw.text or ""
    return tuple(raw[b.start:b.end] for b in doc.removed if b.rule == "header")
