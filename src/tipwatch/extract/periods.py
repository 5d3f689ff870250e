"""Time expressions near a figure, resolved to SPEC section 3 periods.

Only the sentences that hold a figure are searched, with one compiled pattern. Relative
words ("last year", "the same period last year") are resolved against the publication
year passed in; nothing here reads the clock.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

_YEAR = r"(?<![\d,.$£€])(?:19[5-9]\d|20\d\d)(?![\d]|[,.]\d)"
_NUMS = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "four": 4, "4": 4, "eight": 8,
         "8": 8, "two": 2, "2": 2, "five": 5, "5": 5, "seven": 7, "7": 7, "ten": 10, "10": 10,
         "eleven": 11, "11": 11}


@dataclass(frozen=True)
class TimeExpr:
    """A time expression as written, with what it says (not yet resolved)."""

    start: int
    end: int
    text: str
    rule: str
    year: int | None = None  # absolute year
    offset: int | None = None  # relative year ("last year" = -1)
    sub: str | None = None  # "H1", "Q2", "M03", "M01-M09" (months range)
    same_period: bool = False
    fiscal: bool = False
    fiscal_end_year: int | None = None  # "2021-22": 2022


class PeriodRules:
    """Compiled period vocabulary and fiscal calendars."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.months: dict[str, int] = {k.lower(): v for k, v in data["months"].items()}
        self.sub_rules: list[tuple[str, str, re.Pattern[str]]] = []
        for rec in data.get("halves", []):
            self.sub_rules.append((rec["id"], f"H{rec['half']}", _rx(rec["patterns"])))
        for rec in data.get("quarters", []):
            self.sub_rules.append((rec["id"], f"Q{rec['quarter']}", _rx(rec["patterns"])))
        self.rel_rules = [(rec["id"], rec["offset"], _rx(rec["patterns"])) for rec in data.get("relative_years", [])]
        self.calendars = {rec["country"]: rec for rec in data.get("calendars", [])}
        month_alt = "|".join(sorted((m for m in self.months if len(m) > 3 or m == "may"), key=len, reverse=True))
        sub_alt = "|".join(f"(?:{p.pattern})" for _, _, p in self.sub_rules)
        rel_alt = "|".join(f"(?:{p.pattern})" for _, _, p in self.rel_rules)
        fiscal_alt = "|".join(f"(?:{p})" for rec in data.get("fiscal", []) for p in rec["patterns"])
        ignore_alt = "|".join(f"(?:{p})" for rec in data.get("ignore", []) for p in rec["patterns"])
        yr = _YEAR
        self.pattern = re.compile(
            rf"(?P<ignore>\b(?:{ignore_alt})\b)"
            rf"|(?P<firstn>\b(?:the\s+)?first\s+(?P<n>three|six|nine|four|eight|two|five|seven|ten|eleven|\d{{1,2}})\s+months)"
            rf"(?:\s+(?:of|in)\s+(?:(?P<fy>{yr})|(?P<frel>{rel_alt})))?"
            rf"|(?P<sub>\b(?:{sub_alt}))(?:\s+(?:of|in)\s+(?:the\s+)?(?:(?P<sy>{yr})|(?P<srel>{rel_alt})|(?P<syear2>year)))?"
            rf"|(?P<same>\bthe\s+same\s+(?:period|time|months?|quarter|half)(?:\s+(?:of|in)\s+the\s+year)?)"
            rf"(?:,?\s+(?:of\s+|in\s+)?(?:(?P<samey>{yr})|(?P<samerel>{rel_alt})))?"
            rf"|(?P<m1>\b(?:{month_alt}))\s*(?:to|through|until|-|–|and)\s*(?P<m2>(?:{month_alt}))\b(?:,?\s*(?:of\s+)?(?:(?P<mry>{yr})|(?P<mrrel>{rel_alt})))?"
            rf"|(?P<ya>(?<=between )|(?<=from ))(?P<y1>{yr})\s*(?:and|to|-|–|through)\s*(?P<y2>{yr})"
            rf"|(?P<yadj>\b(?:the|a|its|their|his|her)\s+{yr}\s+(?=[A-Z]|(?:report|survey|study|edition|data|figures|estimates?|index|census|bulletin)\b))"
            rf"|(?P<day>\b\d{{1,2}}\s+(?:{month_alt})\b,?\s*(?:{yr})?|\b(?:{month_alt})\s+\d{{1,2}}\b(?:,?\s*{yr})?)"
            rf"|(?P<m>\b(?:{month_alt}))\b,?\s*(?P<my>{yr})"
            rf"|(?:\b(?:in|during|for|of|throughout)\s+(?P<monly>{month_alt})\b(?!\s*\d))"
            rf"|(?P<fis>\b(?:{fiscal_alt}))\s*(?P<fisy>{yr}|\d{{2}}\b)(?:\s*[-/–]\s*(?P<fisy2>\d{{2,4}}))?"
            rf"|(?P<yr1>{yr})\s*[-/–]\s*(?P<yr2>\d{{2}})\b(?!\s*(?:percent|per cent|%))"
            rf"|(?P<rel>\b(?:{rel_alt}))"
            rf"|(?P<year>{yr})",
            re.IGNORECASE,
        )
        self.rel_lookup = self.rel_rules
        self.sub_lookup = self.sub_rules

    # -- finding ---------------------------------------------------------------------------
    def find(self, text: str, start: int, end: int) -> tuple[list[TimeExpr], list[tuple[int, int]]]:
        """Time expressions in ``text[start:end]``, and every span a time word covers."""
        out: list[TimeExpr] = []
        blocked: list[tuple[int, int]] = []
        for m in self.pattern.finditer(text, start, end):
            blocked.append((m.start(), m.end()))
            expr = self._expr(m)
            if expr is not None:
                out.append(expr)
        return out, blocked

    def _rel(self, words: str | None) -> tuple[str, int] | None:
        if not words:
            return None
        for rid, offset, pat in self.rel_rules:
            if pat.fullmatch(words):
                return rid, offset
        return None

    def _sub(self, words: str) -> tuple[str, str] | None:
        for rid, sub, pat in self.sub_rules:
            if pat.fullmatch(words):
                return rid, sub
        return None

    def _expr(self, m: re.Match[str]) -> TimeExpr | None:
        s, e, t = m.start(), m.end(), m.group(0)
        g = m.group
        if g("ignore") or g("day") or g("yadj"):
            return None
        if g("monly"):
            return TimeExpr(s, e, t, "per.month", None, None, f"M{self.months[g('monly').lower()]:02d}")
        if g("y1"):
            y1, y2 = int(g("y1")), int(g("y2"))
            if y2 <= y1:
                return None
            return TimeExpr(s, e, t, "per.year_range", y1, None, f"Y{y2}")
        if g("firstn"):
            n = _NUMS.get(g("n").lower(), 0)
            if not 1 <= n <= 11:
                return None
            sub = {3: "Q1", 6: "H1"}.get(n, f"M01-M{n:02d}")
            rel = self._rel(g("frel"))
            return TimeExpr(s, e, t, "per.first_n_months", _int(g("fy")), rel[1] if rel else None, sub)
        if g("sub"):
            found = self._sub(g("sub"))
            if found is None:
                return None
            rel = self._rel(g("srel"))
            offset = rel[1] if rel else (0 if g("syear2") else None)
            return TimeExpr(s, e, t, found[0], _int(g("sy")), offset, found[1])
        if g("same"):
            rel = self._rel(g("samerel"))
            return TimeExpr(s, e, t, "per.same_period", _int(g("samey")), rel[1] if rel else None,
                            same_period=True)
        if g("m1"):
            m1, m2 = self.months[g("m1").lower()], self.months[g("m2").lower()]
            if m2 < m1:
                return None
            rel = self._rel(g("mrrel"))
            sub = _RANGE_CODES.get((m1, m2), f"M{m1:02d}-M{m2:02d}")
            return TimeExpr(s, e, t, "per.month_range", _int(g("mry")), rel[1] if rel else None, sub)
        if g("m"):
            return TimeExpr(s, e, t, "per.month", _int(g("my")), None, f"M{self.months[g('m').lower()]:02d}")
        if g("fis"):
            y = int(g("fisy"))
            y = y + 2000 if y < 100 else y
            y2s: str | None = g("fisy2")
            end_year = (int(y2s) + (y // 100) * 100 if len(y2s) == 2 else int(y2s)) if y2s else None
            return TimeExpr(s, e, t, "per.fiscal", y, fiscal=True, fiscal_end_year=end_year)
        if g("yr1"):
            y = int(g("yr1"))
            y2 = int(g("yr2")) + (y // 100) * 100
            if y2 != y + 1:
                return None
            return TimeExpr(s, e, t, "per.fiscal_range", y, fiscal=True, fiscal_end_year=y2)
        if g("rel"):
            rel = self._rel(g("rel"))
            return None if rel is None else TimeExpr(s, e, t, rel[0], None, rel[1])
        if g("year"):
            return TimeExpr(s, e, t, "per.year", int(t))
        return None

    # -- resolving -------------------------------------------------------------------------
    def resolve(self, expr: TimeExpr, pub_year: int | None, reference: str | None,
                country: str | None) -> str | None:
        """The SPEC period for ``expr``; ``reference`` is the governing period (for 'the same period')."""
        if expr.year is not None and pub_year is not None and expr.year > pub_year + 1:
            return None  # not a Gregorian year (e.g. the Nepali fiscal year 2079/80)
        if expr.fiscal:
            return self._fiscal(expr, country)
        year = expr.year
        if year is None and expr.offset is not None:
            year = None if pub_year is None else pub_year + expr.offset
        sub = expr.sub
        if expr.same_period:
            sub = _sub_of(reference)
            if year is None:
                return reference
        if year is None:
            if not sub:
                return None
            if reference is not None and reference[:4].isdigit():
                year = int(reference[:4])
            elif pub_year is not None:
                year = pub_year
            else:
                return None
        return _format(year, sub)

    def _fiscal(self, expr: TimeExpr, country: str | None) -> str | None:
        cal = self.calendars.get(country or "")
        if cal is None or expr.year is None:
            return None
        sm, sd = cal["start_month"], cal["start_day"]
        if expr.fiscal_end_year is not None:
            start_year = expr.year
        elif cal.get("named_by", "end") == "end":
            start_year = expr.year - (1 if (sm, sd) != (1, 1) else 0)
        else:
            start_year = expr.year
        if (sm, sd) == (1, 1):
            return str(start_year)
        start = date(start_year, sm, sd)
        end = date(start_year + 1, sm, sd) - timedelta(days=1)
        return f"{start.isoformat()}/{end.isoformat()}"


def _rx(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _sub_of(period: str | None) -> str | None:
    if not period or len(period) < 5:
        return None
    tail = period[5:]
    if tail.startswith(("H", "Q")):
        return tail
    if "/" in period:
        a, b = period.split("/")
        return f"M{a[5:7]}-M{b[5:7]}"
    if len(tail) == 2 and tail.isdigit():
        return f"M{tail}"
    return None


_RANGE_CODES = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2"}


def _format(year: int, sub: str | None) -> str:
    if not sub:
        return str(year)
    if sub.startswith("Y"):
        return f"{year}-01-01/{sub[1:]}-12-31"
    if sub[0] in "HQ":
        return f"{year}-{sub}"
    if "-" in sub:
        m1, m2 = int(sub[1:3]), int(sub[5:7])
        last = calendar.monthrange(year, m2)[1]
        return f"{year}-{m1:02d}-01/{year}-{m2:02d}-{last:02d}"
    return f"{year}-{sub[1:]}"


def publication_year(published: str | None) -> int | None:
    if published and re.match(r"\d{4}", published):
        return int(published[:4])
    return None
