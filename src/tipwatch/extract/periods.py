"""Time expressions near a figure, resolved to SPEC section 3 periods.

Only the sentences that hold a figure are searched, with one compiled pattern. Relative
words ("last year", "the same period last year") are resolved against the publication
year passed in; nothing here reads the clock.

Besides years, halves, quarters and months the pattern knows day ranges ("from June 5 to
July 3", "from 5 to 11 June 2023"), multi-year spans ("between 2018 and 2022", "during 2016
and 2017", "2018-2022"), running totals to the publication date ("since January", "so far
this year", "year to date": ``YYYY-01-01/<published>`` when the publication date is a full
date, else null; also "As at today, 2023 ..." and "2023 so far"), cumulative totals ("since
2003", "since it was formed": null, the words kept, unless the passage dates both ends: "set up
on 3 April ... by 28 April ... since it was formed" is that interval), anchored relative years
("a year earlier" counts from the period in context; after a fiscal year it is the fiscal year
before), "during the three months" (the quarter named before it in the passage), fiscal years by country (``fiscal.yaml``), Buddhist-era years ("B.E. 2565" =
2022; a bare "2565" only in a Thai document or next to the publication year) and local
date formats ("4/7/2023", "24.1.2024", "09-05-2025"), which only date an event: they are
never figures and give no period.

Also: running totals to a stated day ("as of 30 September", "up to the end of October": from 1
January of that year; without a year, the last such day on or before the publication date), twelve
months to a month ("the year to March 2024", "the financial year ending 30 June 2023", "the ten
months to October"), report-year words ("during the year", "the year under review", "that year":
the year in context, else the last year named before them, else inherited), a fiscal calendar the
document states ("the financial year runs from July to June") over the country's, relative fiscal
years ("last financial year"), and months or quarters named without a year that have not begun by
the publication date (last year's).

Also: school or harvest years over two calendar years (null), runs of fiscal years ("the financial years
2019-20 to 2021-22", "between fiscal years 2016 and 2020") and a half or quarter of one, slashed and ISO date
ranges, "the N-year period" / "over the three years" (the span of that many years named before), and the
reporting period of a US TIP Report country narrative (1 April to 31 March of the report's year).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from tipwatch.extract.folding import fold_pattern, lowered

_YEAR = r"(?<![\d,.$£€])(?:19[5-9]\d|20\d\d)(?![\d]|[,.]\d)"
_NUMS = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "four": 4, "4": 4, "eight": 8,
         "8": 8, "two": 2, "2": 2, "five": 5, "5": 5, "seven": 7, "7": 7, "ten": 10, "10": 10,
         "eleven": 11, "11": 11, "twelve": 12, "12": 12}
_YEARS_N = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            **{str(n): n for n in range(2, 11)}}
_SPAN_MONTHS = {"twelve": 12, "12": 12, "six": 6, "6": 6, "three": 3, "3": 3, "nine": 9, "9": 9,
                "eighteen": 18, "18": 18, "24": 24}


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
    to_date: bool = False  # runs from ``year``/``sub`` to the publication date ("since January")
    cumulative: bool = False  # a running total with no fixed start ("since 2003"): never a period
    buddhist_bare: bool = False  # "2565" without "B.E.": a Buddhist-era year only in Thai context
    anchored: bool = False  # "the year before", "a year earlier": one year before the period in context
    report_year: bool = False  # "during the year", "the year under review": the period the passage is about
    soft_to_date: bool = False  # the publication year in a clause saying "so far": a running total
    #: the fiscal calendar the document states: (start month, start day, "end" or "start": the
    #: calendar year a one-year name like "fiscal 2024" is named after)
    fiscal_start: tuple[int, int, str] | None = None
    antecedent: TimeExpr | None = None  # for "during the year": the last year named before it
    month_offset: int | None = None  # "last month" = -1: counted from the publication month


class PublicationYear(int):
    """The publication year, carrying the full publication date it came from.

    It is an ``int`` so that callers comparing or adding years keep working; ``published``
    lets :meth:`PeriodRules.resolve` end a year-to-date interval on the publication day.
    """

    published: str | None

    def __new__(cls, year: int, published: str | None = None) -> PublicationYear:
        obj = super().__new__(cls, year)
        obj.published = published
        return obj


class PeriodRules:
    """Compiled period vocabulary and fiscal calendars."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.months: dict[str, int] = {k.lower(): v for k, v in data["months"].items()}
        self.months.update({f"{k}.": v for k, v in list(self.months.items())  # "Jan. 22", "Sept. 30"
                            if len(k) <= 4 and k not in ("may", "june", "july")})
        self.sub_rules: list[tuple[str, str, re.Pattern[str]]] = []
        for rec in data.get("halves", []):
            self.sub_rules.append((rec["id"], f"H{rec['half']}", _rx(rec["patterns"])))
        for rec in data.get("quarters", []):
            self.sub_rules.append((rec["id"], f"Q{rec['quarter']}", _rx(rec["patterns"])))
        self.rel_rules = [(rec["id"], rec["offset"], _rx(rec["patterns"])) for rec in data.get("relative_years", [])]
        self.anchored_rules = frozenset(rec["id"] for rec in data.get("relative_years", []) if rec.get("anchored"))
        self.calendars = {rec["country"]: rec for rec in data.get("calendars", [])}
        month_alt = "|".join(re.escape(m) for m in sorted((m for m in self.months if len(m) > 3 or m == "may"),
                                                          key=len, reverse=True))
        # abbreviations too ("Jan-Sept 2024", "Jan.–Oct."), where a range makes them months
        abbr_alt = "|".join(re.escape(m) for m in sorted(self.months, key=len, reverse=True))
        month_any = rf"(?:{abbr_alt})\.?"
        mdot = rf"(?:{abbr_alt})\b\.?"  # next to a day number an abbreviation is a month ("Jan. 22")
        sub_alt = "|".join(f"(?:{p.pattern})" for _, _, p in self.sub_rules)
        rel_alt = "|".join(f"(?:{p.pattern})" for _, _, p in self.rel_rules)
        fiscal_alt = "|".join(f"(?:{p})" for rec in data.get("fiscal", []) for p in rec["patterns"])
        self.event_words = re.compile(
            r"\b(?:" + "|".join(f"(?:{p})" for rec in data.get("events", []) for p in rec["patterns"]) + r")\b"
            if data.get("events") else r"(?!x)x", re.IGNORECASE)
        origin_alt = "|".join(f"(?:{p})" for rec in data.get("origins", []) for p in rec["patterns"]) or r"(?!x)x"
        self.origin_words = re.compile(origin_alt, re.IGNORECASE)  # matched against the words before a time
        self.month_rules = [(rec["id"], rec["offset"], _rx(rec["patterns"])) for rec in data.get("relative_months", [])]
        relm_alt = "|".join(f"(?:{p.pattern})" for _, _, p in self.month_rules) or r"(?!x)x"
        ignore_alt = "|".join(f"(?:{p})" for rec in data.get("ignore", []) for p in rec["patterns"])
        self.to_date_rules = [(rec["id"], _rx(rec["patterns"])) for rec in data.get("to_date", [])]
        self.cumulative_rules = [(rec["id"], _rx(rec["patterns"])) for rec in data.get("cumulative", [])]
        self.report_rules = [(rec["id"], rec.get("offset"), _rx(rec["patterns"])) for rec in data.get("report_year", [])]
        self.anaphoric_rules = frozenset(rec["id"] for rec in data.get("report_year", []) if rec.get("anaphoric"))
        report_alt = "|".join(f"(?:{p.pattern})" for _, _, p in self.report_rules) or r"(?!x)x"
        to_date_alt = "|".join(f"(?:{p.pattern})" for _, p in self.to_date_rules) or r"(?!x)x"
        cumul_alt = "|".join(f"(?:{p.pattern})" for _, p in self.cumulative_rules) or r"(?!x)x"
        yr = _YEAR
        season = "|".join(f"(?:{p})" for rec in data.get("seasons", []) for p in rec["patterns"]) or r"(?!x)x"
        season = rf"(?:{season})"
        day = r"\d{1,2}(?:st|nd|rd|th)?"
        nwords = r"(?:three|six|nine|four|eight|two|five|seven|ten|eleven|\d{1,2})"  # "the first six months", "the ten first months"
        to = r"\s*(?:to|until|till|through|and|-|–)\s*"
        # every expression starts at a word start: the leading look-behind rejects positions
        # inside words before the alternatives are tried (a third of the time spent here)
        source = (
            # "01.01.2024 - 30.09.2024", "01/01/2024 – 30/06/2024", "1/1/2024 and 6/30/2024", "1.1.–30.9.2024"
            rf"(?<![^\W_])(?:(?P<ndr>(?<![\d.,/-])(?P<nd1>\d{{1,2}})(?P<nsep>[./])(?P<nm1>\d{{1,2}})(?:(?P=nsep)(?P<ny1>\d{{4}})|\.)?\s*(?:-|–|—|to|till|until|through|and)\s*"
            rf"(?P<nd2>\d{{1,2}})(?P=nsep)(?P<nm2>\d{{1,2}})(?P=nsep)(?P<ny2>\d{{4}})(?![\d]|[.,]\d))"
            # "2024-01-01 to 2024-05-31"
            rf"|(?P<nisor>(?<![\d.,/-])(?P<ni1>\d{{4}})-(?P<ni2>\d\d)-(?P<ni3>\d\d)\s*(?:to|till|until|through|and|–|—)\s*(?P<ni4>\d{{4}})-(?P<ni5>\d\d)-(?P<ni6>\d\d)(?![\d]|[.,]\d))"
            rf"|(?P<ldate>(?<![\d.,/-])(?:\d{{1,2}}[./-]\d{{1,2}}[./-](?:\d{{4}}|\d{{2}})|\d{{4}}[./-]\d{{1,2}}[./-]\d{{1,2}})(?![\d/-]|[.,]\d))"
            # "the 2023/24 school year", "the 2022-2023 harvest season": years that run over two calendar years
            # by a calendar no data file knows (never a fiscal year): null, the words kept
            rf"|(?P<season>\b(?:{season}\s+{yr}\s*[-–/]\s*(?:{yr}|\d{{2}})\b|{yr}\s*[-–/]\s*(?:{yr}|\d{{2}})\s+{season}s?\b))"
            rf"|(?P<ignore>\b(?:{ignore_alt})\b)"
            rf"|(?P<relm>\b(?:{relm_alt}))\b"
            rf"|(?P<ytd>\bas\s+(?:at|of)\s+(?:today|now|date|this\s+week|press\s+time)\s*,?\s+(?P<ytdy1>{yr})"
            rf"|(?P<ytdy2>{yr})\s+(?:so\s+far|to\s+date|thus\s+far)\b|\b(?:(?:so|thus)\s+far|to\s+date)\s+(?:in|for|this)\s+(?P<ytdy3>{yr})"
            rf"|\bsince\s+the\s+(?:start|beginning|turn)\s+of\s+(?P<ytdy4>{yr})"
            rf"|\bfrom\s+the\s+(?:start|beginning)\s+of\s+(?P<ytdy5>{yr})\s+(?:to|until|till|up\s+to)\s+(?:the\s+present|date|now|today)\b"
            rf"|\b(?:in|during|for)\s+what\s+(?:goes|has\s+gone|has\s+passed|has\s+elapsed|runs)\s+of\s+(?P<ytdy6>{yr}))"
            rf"|(?P<nmto>\b(?:the\s+)?(?:first\s+)?(?P<nmn>three|six|nine|four|eight|two|five|seven|ten|eleven|\d{{1,2}})\s+months\s+"
            rf"(?:to|through|until|ending|ended|up\s+to)\s+(?:the\s+end\s+of\s+|(?P<nmd1>{day})\s+)?(?P<nmm>{month_alt})\b(?:\s+(?P<nmd2>{day})\b)?(?:,?\s*(?P<nmy>{yr}))?)"
            # "from the beginning of the year to the end of June": January to that month of the year in context
            rf"|(?P<bty>\bfrom\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+year|(?P<btythis>this\s+year)|(?P<btyy>{yr}))\s+(?:to|until|till|through|up\s+to)\s+"
            rf"(?:the\s+end\s+of\s+|(?P<btymid>mid-?\s*))?(?P<btym>{month_alt})\b(?!\s+\d))"
            rf"|(?P<yto>\b(?:(?:in|over|during|for)\s+)?(?:the\s+)?(?:(?:financial|fiscal|reporting|budget)\s+)?(?:(?P<ytoh>half[- ]?)?year|(?P<ytoq>quarter)|12\s+months|twelve\s+months)"
            rf"\s+(?:to|ending|ended|up\s+to|through)\s+(?:on\s+)?(?:the\s+end\s+of\s+)?"
            rf"(?:(?P<yto_d1>{day})\s+)?(?P<yto_m>{month_alt})\b(?:\s+(?P<yto_d2>{day})\b)?(?:,?\s*(?P<yto_y>{yr}))?)"
            rf"|(?P<ythru>(?P<ty>{yr})\s+(?:through|until|till|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<tm>{month_alt})\b(?!\s+\d))"
            rf"|(?P<lastn>\b(?:the\s+)?(?:last|final)\s+(?P<ln>{nwords})\s+months\s+of\s+(?:(?P<ly>{yr})|(?:the\s+)?year\b|(?P<lrel>{rel_alt})))"
            rf"|(?P<asof>\b(?:as\s+(?:of|at|on)\s+(?:(?:the\s+)?end(?:\s+of\s+|\s*-\s*))?|(?:up\s+(?:to|until)|until|till|through|by)\s+(?:the\s+end\s+of\s+|end\s*-\s*)"
            rf"|(?:up\s+to|by)\s+(?=\d))(?:(?P<ao_d1>{day})\s+(?:of\s+)?(?P<ao_m1>{mdot})"
            rf"|(?P<ao_m2>{month_alt})\b(?:\s+(?P<ao_d2>{day})\b)?)(?!\s*[-/]\s*\d)(?:,?\s*(?P<ao_y>{yr}))?)"
            rf"|(?P<fisrel>\b(?:(?P<frw>last|this|the\s+current|the\s+past|the\s+last|next|the\s+next)\s+(?:fiscal|financial)\s+year))\b"
            rf"|(?P<repy>\b(?:{report_alt}))\b(?![-–]|\s+(?:(?:19|20)\d\d|to|ending|ended|before|after|of)\b)"
            rf"|(?P<todate>\b(?:{to_date_alt}))\b"
            rf"|(?P<cumul>\b(?:{cumul_alt})(?:,?\s+in\s+{yr})?)\b"  # "since its creation in 2015": the year starts the tally
            # "between January 2022 and March this year", "from 2022 to the end of March 2024", "from January
            # 2022 to date": a span of several years whose ends are written differently
            rf"|(?P<span>\b(?:from|(?P<sp_btw>between)|since)\s+(?:(?P<sp_m1>{month_any})\s+)?(?P<sp_y1>{yr})\s*"
            rf"(?:,\s*(?:when|as|after|before|which|the\s+(?:month|year))\b[^,.;]{{1,50}},\s*)?"  # "From March 2022, when the war began, to ..."
            # "and" joins the ends only after "between": "since February 2019 and August 2022 respectively" is two starts
            rf"(?:to|until|till|through|(?(sp_btw)and|(?!))|up\s+(?:to|until)|-|–)\s+(?:(?:the\s+)?end\s+of\s+)?"
            rf"(?:(?P<sp_m2>{month_any})\s*,?\s*(?:(?P<sp_y2>{yr})|(?P<sp_rel>this\s+year|last\s+year))|(?P<sp_now>date|now|today|the\s+present)\b))"
            # "the five years to March 2024", "in the three years to 2023"
            rf"|(?P<nyto>\b(?:the\s+)?(?P<nyn>two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\s+years\s+(?:to|ending|ended|up\s+to|through)\s+"
            rf"(?:(?P<nym>{month_alt})\s*,?\s*)?(?P<nyy>{yr}))"
            rf"|(?P<since>\b(?:since|(?:starting|beginning)\s+(?:in|from)|ever\s+since)\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:(?:(?:the\s+)?(?:1|1st|first)\s+(?:of\s+)?)?(?P<sm>{month_alt})\b(?:\s+(?:1|1st)\b)?(?:,?\s*(?P<smy>{yr}))?|(?P<sy1>{yr})))"
            rf"|(?P<xr>\b(?:(?:from|between)\s+)?(?:(?P<x_d1>{day})\s+|(?P<x_mid1>mid-?\s*))?(?P<x_m1>{mdot})\s+(?:(?P<x_d1b>{day}),?\s+)?(?P<x_y1>{yr})"
            rf"{to}(?:(?P<x_d2>{day})\s+|(?P<x_mid2>mid-?\s*))?(?P<x_m2>{mdot})\s+(?:(?P<x_d2b>{day}),?\s+)?(?P<x_y2>{yr}))"
            rf"|(?P<dra>\b(?:(?:from|between)\s+)?(?P<da_m1>{mdot})\s+(?P<da_d1>{day}){to}(?:(?P<da_m2>{mdot})\s+)?(?P<da_d2>{day})\b(?!\s*(?:{month_alt})\b)(?:,?\s*(?P<da_y>{yr}))?)"
            rf"|(?P<drb>\b(?:(?:from|between)\s+)?(?P<db_d1>{day})(?:\s+(?P<db_m1>{mdot}))?{to}(?P<db_d2>{day})\s+(?P<db_m2>{mdot})(?:,?\s*(?P<db_y>{yr}))?)"
            rf"|(?P<be>\bB\.?\s?E\.?\s*(?P<bey1>25\d\d)\b|\b(?P<bey2>25\d\d)\s*B\.?E\b\.?)"
            rf"|(?P<firstn>\b(?:the\s+)?(?:first\s+(?P<n>{nwords})|(?P<n2>{nwords})\s+first)\s+(?P<fnu>months|quarters))"
            rf"(?:\s+(?:of|in)\s+(?:(?:the\s+)?year\s+(?={yr}))?(?:(?P<fy>{yr})|(?P<frel>{rel_alt}))|\s+(?=(?:{rel_alt})\b)(?P<frel2>{rel_alt}))?"
            # "the year to March 2024", "the 12 months ending 30 June 2023": a trailing span
            # "during 9 months of 2024", "the nine months of the current year": from January (CIS press releases)
            rf"|(?P<nmof>\b(?:the\s+)?(?P<nmofn>{nwords})\s+months\s+(?:of|in)\s+(?:(?P<nmofy>{yr})|(?P<nmofrel>{rel_alt})"
            rf"|(?P<nmofcur>(?:the\s+)?(?:current|present)\s+year)))"
            # "following the results of 9 months", "during 9 months": of the year in context ("during the three
            # months" is an anaphor, below)
            rf"|(?P<nmbare>(?:(?<=\bduring )|(?<=\bresults of )|(?<=\bcourse of )|(?<=\bover the )|(?<=\bduring the )|(?<=\bin the ))(?P<nmbn>{nwords})\s+months\b"
            rf"(?!\s+(?:of|in|to|until|till|ending|ended|earlier|before|ago|after|later|prior|from|since|and|or)\b|['’]))"
            # "In 9 months, police ...": a sentence opening with the months and a comma (ministry bulletins)
            rf"|(?P<nmopen>(?:(?<=\bin )|(?<=\bfor )|(?<=\bover ))(?P<nmon>{nwords})\s+months(?=\s*,))"
            rf"|(?P<trail>\b(?:the\s+)?(?:(?:financial|fiscal|reporting|statistical)\s+)?(?:year|(?P<trailq>quarter)|(?P<trailn>twelve|six|three|nine|eighteen|24|18|12|9|6|3)\s+months)"
            rf"\s+(?:to|ending|ended|up\s+to|through|until)\s+(?:(?P<traild1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<trailm>{month_alt})\s+"
            rf"(?:(?P<traild2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<traily>{yr}))"
            # "during the five-year period": the span of that many years named before it
            rf"|(?P<nyp>\b(?:the|this|that)\s+(?:same\s+)?(?P<nypn>two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)[- ]year\s+(?:period|span)\b"
            # "Over the three years, 795 were identified": the same, written as years
            rf"|(?:(?<=\bover )|(?<=\bduring )|(?<=\bacross )|(?<=\bin ))the\s+(?P<nypn2>two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\s+years\b"
            rf"(?!\s+(?:to|ending|ended|before|ago|since|of|from|after|prior|earlier|later|between)\b))"
            rf"|(?P<ana>\bthe\s+(?:same\s+)?(?:(?P<anan>three|3|six|6|nine|9)[- ]months?|(?P<anaq>quarter)|(?P<anah>half[- ]year))\b"
            rf"(?!,?\s+(?:of|to|in|ending|ended|before|after|from|since|last|this|(?:a|one)\s+year|(?:19|20)\d\d)\b))"
            rf"|(?P<sub>\b(?:{sub_alt}))(?:\s+(?:period\s+)?(?:of|in)\s+(?:the\s+)?(?:year\s+(?={yr}))?(?:(?P<sy>{yr})(?!\s*[-/–]\s*\d|\s+(?:fiscal|financial|budget)\b)|B\.?\s?E\.?\s*(?P<sbe>25\d\d)\b|(?P<srel>{rel_alt})|(?P<syear2>year))|,?\s+(?P<sy3>{yr})|\s*/\s*(?P<sy4>{yr})|\s+(?P<srel2>{rel_alt}))?"
            rf"|(?P<same>\bthe\s+same\s+(?:period|time|point|stage|date|months?|quarter|half)(?:\s+(?:of|in)\s+the\s+year)?)"
            rf"(?:,?\s+(?:of\s+|in\s+)?(?:(?P<samey>{yr})|(?P<samerel>{rel_alt})))?"
            # "January, February and March of last year": consecutive months listed, one span
            rf"|(?P<mlist>\b(?:{month_alt})(?:\s*,\s*(?:{month_alt}))+\s*,?\s*and\s+(?:{month_alt})\b)(?:,?\s*(?:of\s+|in\s+)?(?:(?P<mly>{yr})|(?P<mlrel>{rel_alt})))?"
            rf"|(?P<m1>\b(?:{month_alt}|{month_any}(?=\s*(?:-|–)\s*(?:{abbr_alt})\b)))\s*(?:to|through|until|-|–|and)\s*(?:(?:the\s+)?end\s+of\s+|(?P<m2mid>mid-?\s*))?(?P<m2>(?:{month_alt})\b|(?:{abbr_alt})\b\.?)(?:,?\s*(?:period\s+)?(?:of\s+|in\s+)?(?:(?P<mry>{yr})|(?P<mrrel>{rel_alt})))?"
            # "in 2023 and the first half of 2024": one span over a year and the start of the next
            rf"|(?P<yandsub>(?P<ysa>{yr})\s+and\s+(?:the\s+)?first\s+(?P<ysn>half|quarter|(?:{nwords})\s+months)\s+of\s+(?P<ysb>{yr}))"
            # "between fiscal years 2018 and 2022", "FY2019-FY2023": a run of fiscal years named by one year each
            rf"|(?P<fyn>\b(?:(?:fiscal|financial|budget)\s+years?|FYs?)\s*(?P<fyn1>{yr})\s*(?:and|to|through|until|-|–)\s*(?:(?:fiscal|financial|budget)\s+(?:year\s+)?|FY\s*)?(?P<fyn2>{yr})(?!\s*[-/–]\s*\d))"
            # "the financial years 2020-21 to 2022-23", "between 2018/19 and 2022/23": a run of fiscal years
            rf"|(?P<fyr>(?<=years )(?P<fyr1>{yr})\s*[-–/]\s*(?P<fyr1e>{yr}|\d{{2}})\s+(?:to|and|until|through)\s+"
            rf"(?P<fyr2>{yr})\s*[-–/]\s*(?P<fyr2e>{yr}|\d{{2}})\b|(?:(?<=between )|(?<=from ))(?P<fyr3>{yr})\s*[-–/]\s*(?P<fyr3e>{yr}|\d{{2}})"
            rf"\s+(?:to|and|until|through)\s+(?P<fyr4>{yr})\s*[-–/]\s*(?P<fyr4e>{yr}|\d{{2}})\b(?!\s*(?:{season})))"
            # "the 2022-2023 financial year", "in 2022/2023": two consecutive years of a fiscal or reporting year
            rf"|(?P<fyy>(?P<fyy1>{yr})\s*(?:/\s*(?P<fyy2>{yr})|[-–]\s*(?P<fyy3>{yr})(?=\s+(?:financial|fiscal|budget)\s+years?\b)))"
            # "during the years 2019, 2020, 2021 and 2022": one total over the years listed
            rf"|(?P<ylist>\b(?:the\s+)?years\s+(?P<yl1>{yr})(?:\s*,\s*{yr})+\s*,?\s*(?:and|&)\s*(?P<yl2>{yr}))(?!{_RESP})"
            rf"|(?P<fisa>(?P<fisay>{yr})\s+(?:fiscal|financial|budget)\s+year)\b"  # "in the 2023 fiscal year"
            rf"|(?P<ya>(?:(?<=between )|(?<=from )|(?<=during )|(?<=over )|(?<=throughout )|(?<=\()|(?<=between the years )|(?<=calendar years )|(?<=from the years ))(?P<ymid1>(?:the\s+)?mid(?:dle\s+of\s+|-|\s+))?(?P<y1>{yr})\s*(?:and|to|-|–|through)\s*"
            # "2018 to 2023" after any word ("the period 2021 to 2022", "data covering 2018 to 2023")
            rf"|(?P<y1b>{yr})\s+(?:to|through|till|until)\s+)"
            rf"(?:(?P<ymid>(?:the\s+)?mid(?:dle\s+of\s+|-|\s+))|(?P<yhalf>(?:the\s+)?first\s+half\s+of\s+)|(?:the\s+)?end\s+of\s+)?(?P<y2>{yr})(?!{_RESP})"
            rf"|(?P<yb1>{yr})\s*[-–]\s*(?P<yb2>{yr})(?!\s*(?:financial|fiscal)\b)"
            rf"|(?P<day>\b\d{{1,2}}\s+(?:{mdot}),?\s*(?:{yr})?|\b(?:{mdot})\s+\d{{1,2}}\b(?:,?\s*{yr})?)"
            rf"|(?P<m>\b(?:{month_alt}))\b,?\s*(?P<my>{yr})"
            rf"|(?:\b(?:in|during|for|of|throughout)\s+(?P<monly>{month_alt})\b(?!\s*\d|\s*(?:to|through|until|-|–|and|,)\s*(?:{month_alt})\b))"
            rf"|(?P<fis>\b(?:{fiscal_alt}))\s*(?:(?P<fisbe>25\d\d)\b|(?P<fisy>{yr}|\d{{2}}\b)(?:\s*[-/–]\s*(?P<fisy2>\d{{2,4}}))?)"
            rf"|(?P<yr1>{yr})\s*[-/–]\s*(?P<yr2>\d{{2}})\b(?!\s*(?:percent|per cent|%))"
            rf"|(?P<rel>\b(?:{rel_alt}))"
            rf"|(?P<bebare>(?:(?<=\bin )|(?<=\bof )|(?<=\byear )|(?<=\bsince )|(?<=\bduring ))25\d\d(?![\d,.]\d|\d))"
            rf"|(?P<cy>\bCY\s?(?P<cyy>{yr}))"  # "CY2023": a calendar year, as against a fiscal one
            rf"|(?P<year>{yr}))"
        )
        self.pattern = re.compile(source, re.IGNORECASE)
        folded = fold_pattern(source)  # the same over the document's lower-cased copy, 3-4x faster
        self.lower_pattern = re.compile(folded) if folded is not None else None
        day_words = (rf"(?:(?P<dd1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm1>{month_alt})\b|(?P<dm2>{month_alt})\s+"
                     rf"(?P<dd2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[,:]?\d))(?:,?\s*(?P<dy>{yr}))?")
        self.day_rx = re.compile(rf"\s+(?:on\s+)?{day_words}", re.IGNORECASE)
        self.founded_rx = re.compile(
            rf"\b(?:formed|founded|established|set up|created|launched|started|inaugurated|constituted|began work)"
            rf"\s+(?:on\s+)?{day_words}", re.IGNORECASE)
        self.as_of_rx = re.compile(rf"\b(?:on|as of|as at|by|until|till|through)\s+{day_words}", re.IGNORECASE)
        # "the financial year, which runs from July to June": the document states its own calendar
        self.stated_fy_rx = re.compile(
            rf"\b(?:fiscal|financial|budget)\s+years?\b[^.;]{{0,80}}?\b(?:runs?|running|ran|starts?|starting|begins?|beginning|"
            rf"covers?|covering|spans?|spanning|is)\s+(?:from\s+)?(?:(?:1|1st)\s+)?(?P<fm1>{month_alt})\b(?:\s+1(?:st)?\b)?"
            rf"\s*(?:to|through|until|till|-|–|and\s+ends?\s+(?:in|on))\s+(?:(?:\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<fm2>{month_alt})\b"
            rf"|\b(?P<fm1b>{month_alt})\s*(?:-|–|to)\s*(?P<fm2b>{month_alt})\s+(?:fiscal|financial|budget)\s+years?\b"
            # "the 2023 financial year, which ended on 30 June": the month it ends in
            rf"|\b(?:fiscal|financial|budget)\s+years?\b[^.;]{{0,40}}?\b(?:ended|ends|ending|closed|closes)\s+(?:on\s+)?"
            rf"(?:(?P<fe_d1>{day})\s+(?P<fe_m1>{month_alt})\b|(?P<fe_m2>{month_alt})\s+(?P<fe_d2>{day})\b)",
            re.IGNORECASE)
        self.rel_lookup = self.rel_rules
        self.sub_lookup = self.sub_rules
        # find() results of the document in flight, by (start, end): the engine and the period
        # assignment ask for the same sentence more than once
        self._memo: tuple[str, dict[tuple[int, int], tuple[list[TimeExpr], list[tuple[int, int]]]]] = ("", {})
        self._low: str | None = None
        self._fy_start: tuple[int, int, str] | None = None
        self._tip_year: int | None = None  # the year of the US TIP Report the document is a narrative of

    # -- finding ---------------------------------------------------------------------------
    def begin(self, text: str, headers: tuple[str, ...] = ()) -> None:
        """Start reading ``text``; ``headers`` (a headline, a standfirst the clean-up set aside) may
        state the document's fiscal calendar ("Report covers fiscal year 2024 (July 1, 2023 to ...)")."""
        self._memo = (text, {})
        self._low = lowered(text) if self.lower_pattern is not None else None
        self._fy_start = self._stated_fiscal(text) or next(
            (cal for h in headers if (cal := self._stated_fiscal(h)) is not None), None)
        self._tip_year = _tip_report_year(text, headers)

    def report_period(self, pub_year: int | None) -> str | None:
        """The reporting period of the US TIP Report the document in flight is a country narrative of
        (what its figures with no time words count), else None."""
        if self._tip_year is None:
            return None
        y = self._tip_year
        expr = TimeExpr(0, 0, "", "per.tip_reporting_period", y - 1 if y else None, None,
                        f"R{y - 1:04d}0401-{y:04d}0331" if y else "T")
        return self.resolve(expr, pub_year, None, None)

    def find(self, text: str, start: int, end: int) -> tuple[list[TimeExpr], list[tuple[int, int]]]:
        """Time expressions in ``text[start:end]``, and every span a time word covers."""
        memo_text, memo = self._memo
        if memo_text is not text:
            self.begin(text)
            memo = self._memo[1]
        hit = memo.get((start, end))
        if hit is None:
            hit = memo[(start, end)] = self._find(text, start, end)
        return list(hit[0]), list(hit[1])

    def _stated_fiscal(self, text: str) -> tuple[int, int, str] | None:
        """The fiscal calendar the document states: 'the financial year runs from July to June' (the
        months agreeing: the end month is the one before the start), or a fiscal year it glosses
        anywhere with its dates ('fiscal year 2024 (July 1, 2023 to June 30, 2024)')."""
        low = text.lower()
        if "fiscal" not in low and "financial" not in low and "budget" not in low:
            return None
        for m in self.stated_fy_rx.finditer(text):
            end_month = m.group("fe_m1") or m.group("fe_m2")
            if end_month:  # ends on the last day of a month: the year starts with the next month
                m2, d2 = self._month(end_month), _day(m.group("fe_d1") or m.group("fe_d2"))
                if m2 != 12 and d2 == calendar.monthrange(2023, m2)[1]:
                    return m2 % 12 + 1, 1, "end"
                continue
            m1, m2 = self._month(m.group("fm1") or m.group("fm1b")), self._month(m.group("fm2") or m.group("fm2b"))
            if m1 != 1 and (m1 - 2) % 12 + 1 == m2:
                return m1, 1, "end"
        for m in _FY_NAMED.finditer(text):
            gap = _FY_GLOSS_GAP.match(text, m.end())
            gloss = self.pattern.match(text, gap.end() if gap else m.end())
            expr = self._expr(gloss, text) if gloss is not None and gloss.group("xr") else None
            calendar_ = _one_year_gloss(expr, int(m.group("y")) if m.group("y") else None) if expr else None
            if calendar_ is not None:
                return calendar_
        return None

    def _matches(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """Matches of the period pattern in ``text[start:end]`` (over the lower-cased copy when
        the document in flight has one; group texts may then be lower-cased)."""
        low = self._low if self._memo[0] is text else None
        if low is not None and self.lower_pattern is not None:
            return self.lower_pattern.finditer(low, start, end)
        return self.pattern.finditer(text, start, end)

    def _find(self, text: str, start: int, end: int) -> tuple[list[TimeExpr], list[tuple[int, int]]]:
        out: list[TimeExpr] = []
        blocked: list[tuple[int, int]] = []
        listed = [(p.start(), p.end(), _sub_list(p, text)) for p in _SUB_LIST.finditer(text, start, end)]
        for m in self._matches(text, start, end):
            blocked.append((m.start(), m.end()))
            hit = next((x for x in listed if x[0] <= m.start() < x[1] and x[2]), None)
            if hit is not None:  # "the first and second halves of 2023": one time per ordinal
                if not any(x in out for x in hit[2]):
                    out.extend(hit[2])
                continue
            expr = self._expr(m, text)
            if expr is None:
                continue
            if expr.report_year:
                def named(x: TimeExpr) -> bool:  # a year named, not one compared with ("than the 654 in 2022")
                    return _names_a_year(x) and _COMPARED_BEFORE.search(text, max(0, x.start - 60), x.start) is None
                ante = next((x for x in reversed(out) if named(x)), None) or self._last_expr(
                    text, max(0, start - _LOOKBACK_REPORT), start, named)
                if self._tip_year is not None and self._memo[0] is text and _REPORTING_PERIOD.search(expr.text):
                    # a TIP Report narrative: its reporting period runs from 1 April to 31 March
                    # (the report named, else the one out by the publication date: released each June)
                    y = self._tip_year
                    expr = TimeExpr(expr.start, expr.end, expr.text, "per.tip_reporting_period", y - 1 if y else None,
                                    None, f"R{y - 1:04d}0401-{y:04d}0331" if y else "T")
                elif ante is not None:
                    expr = replace(expr, antecedent=ante)
            elif expr.rule == "per.years_anaphor":
                n = int((expr.sub or "N0")[1:])
                ante = next((x for x in reversed(out) if _years_long(x) == n), None) or self._last_expr(
                    text, max(0, start - _LOOKBACK_ANAPHOR), expr.start, lambda x, n=n: _years_long(x) == n)
                if ante is None:  # "in 2023 ... 254 in 2022 and 230 in 2021. Over the three years": the years named
                    ante = self._years_named(text, max(0, start - _LOOKBACK_ANAPHOR), expr.start, n)
                expr = replace(ante, start=expr.start, end=expr.end, text=expr.text, rule=expr.rule) if ante else \
                    replace(expr, sub=None, cumulative=True)  # no such span named: unknown, never the year in context
            elif expr.rule == "per.anaphor" or expr.anchored:
                expr = self._antecedent(text, start, out, expr)
                if expr is None:
                    continue
            elif expr.cumulative and expr.rule == "per.cumulative.since_founding":
                expr = self._dated_tally(text, start, end, expr)
            if expr.fiscal and self._fy_start is not None and self._memo[0] is text:
                expr = replace(expr, fiscal_start=self._fy_start)
            if out and _glosses(text, out[-1], expr):
                out[-1] = _merge_gloss(text, out[-1], expr)
            elif out and expr.fiscal and expr.year is not None and not expr.sub and out[-1].year is None \
                    and out[-1].offset is None and (out[-1].sub or "")[:1] in ("H", "Q") \
                    and _PART_OF.fullmatch(text, out[-1].end, expr.start):
                # "the first half of the 2024/25 fiscal year": that half of the fiscal year
                first = out[-1]
                out[-1] = replace(expr, start=first.start, text=text[first.start:expr.end], rule="per.fiscal_part",
                                  sub=first.sub)
            else:
                out.append(expr)
        if any(x.cumulative for x in out):  # "as of 30 June ... since 2015": the date ends a running total
            out = [x for x in out if x.rule != "per.as_of"]
        elif any(x.rule == "per.as_of" for x in out):  # "as of 30 June, 2024, ... this year": the date ends it
            out = [x for x in out if x.rule != "per.this_year"]
        if out and not any(x.to_date or x.cumulative for x in out):
            soft = [m for m in _SO_FAR.finditer(text, start, end)
                    if not any(x.start <= m.start() < x.end for x in out)]
            if soft:  # "has so far identified 93 victims in 2024": the publication year runs to date
                out = [replace(x, soft_to_date=True) if x.rule in ("per.year", "per.this_year") and any(
                    _CLAUSE_BREAK.search(text, min(x.start, m.start()), max(x.end, m.end())) is None for m in soft)
                    else x for x in out]
        return out, blocked

    def _last_expr(self, text: str, lo: int, hi: int, want: Any) -> TimeExpr | None:
        """The last time expression in ``text[lo:hi]`` that ``want`` accepts."""
        found = None
        for m in self._matches(text, lo, hi):
            expr = self._expr(m, text)
            if expr is not None and expr.rule != "per.anaphor" and want(expr):
                found = expr
        if found is not None and found.fiscal and self._fy_start is not None and self._memo[0] is text:
            found = replace(found, fiscal_start=self._fy_start)
        return found

    def _years_named(self, text: str, lo: int, hi: int, n: int) -> TimeExpr | None:
        """The span of the ``n`` consecutive years named last in ``text[lo:hi]``, when the years named
        there are exactly those."""
        years = {x.year for m in self._matches(text, lo, hi) if (x := self._expr(m, text)) is not None
                 and x.rule == "per.year" and x.year is not None}
        if len(years) != n or max(years) - min(years) != n - 1:
            return None
        return TimeExpr(lo, hi, "", "per.year_range", min(years), None, f"Y{max(years)}")

    def _antecedent(self, text: str, start: int, out: list[TimeExpr], expr: TimeExpr) -> TimeExpr | None:
        """'during the three months' -> the quarter named before it in the passage; 'the year before'
        after a fiscal year -> the fiscal year before (null where the fiscal calendar is unknown)."""
        if expr.anchored:
            prev = out[-1] if out else self._last_expr(text, max(0, start - _LOOKBACK_ANCHOR), start,
                                                       lambda x: not x.anchored and not x.same_period)
            if prev is None or not prev.fiscal or prev.year is None:
                return expr
            step = expr.offset if expr.offset is not None else -1
            end_year = prev.fiscal_end_year + step if prev.fiscal_end_year is not None else None
            return TimeExpr(expr.start, expr.end, expr.text, "per.fiscal.year_before" if step < 0 else
                            "per.fiscal.year_after", prev.year + step, fiscal=True, fiscal_end_year=end_year,
                            fiscal_start=prev.fiscal_start)
        months = expr.sub or ""
        ante = self._last_expr(text, max(0, start - _LOOKBACK_ANAPHOR), expr.start,
                               lambda x: _span_months(x.sub) == int(months or 0) and not x.same_period)
        if ante is None:
            return None
        return TimeExpr(expr.start, expr.end, expr.text, "per.anaphor", ante.year, ante.offset, ante.sub)

    def _dated_tally(self, text: str, start: int, end: int, expr: TimeExpr) -> TimeExpr:
        """'On June 22 the task force had recorded 1,596 victims since it was launched on June 5':
        a running total with both its start and its own date is an interval; else it stays null."""
        first = self.day_rx.match(text, expr.end, min(end, expr.end + 30))
        if first is None:
            for m in self.founded_rx.finditer(text, max(0, start - _LOOKBACK_ANCHOR), expr.start):
                first = m
        if first is None:  # "... since it was formed. The task force was formed on June 5 ..."
            first = self.founded_rx.search(text, end, min(len(text), end + _LOOKBACK_ANCHOR))
        last = None
        for m in self.as_of_rx.finditer(text, start, end):
            if first is None or not first.start() <= m.start() < first.end():
                last = m
        if first is None or last is None:
            return expr
        d1, d2 = self._day(first), self._day(last)
        if d1 is None or d2 is None:
            return expr
        (y1, m1, day1), (y2, m2, day2) = d1, d2
        if y1 is not None and y2 is not None:
            if (y1, m1, day1) >= (y2, m2, day2):
                return expr
            return TimeExpr(expr.start, expr.end, expr.text, "per.cumulative.dated", y1, None,
                            f"R{y1:04d}{m1:02d}{day1:02d}-{y2:04d}{m2:02d}{day2:02d}")
        if (m1, day1) >= (m2, day2):
            return expr  # a tally that crosses a year end needs both years written
        return TimeExpr(expr.start, expr.end, expr.text, "per.cumulative.dated", y1 or y2, None,
                        f"D{m1:02d}{day1:02d}-{m2:02d}{day2:02d}")

    def _day(self, m: re.Match[str]) -> tuple[int | None, int, int] | None:
        month = self._month(m.group("dm1") or m.group("dm2"))
        day = int(m.group("dd1") or m.group("dd2"))
        if not _valid_day(month, day):
            return None
        return _int(m.group("dy")), month, day

    def _month(self, word: str) -> int:
        return self.months[word.lower().rstrip(".")]

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

    def _expr(self, m: re.Match[str], text: str) -> TimeExpr | None:
        s, e = m.start(), m.end()
        t = text[s:e]
        g = m.group
        if g("ndr") or g("nisor"):
            return _numeric_range(m, t)
        if g("ldate") or g("ignore") or g("day"):
            return None
        if g("season"):
            return TimeExpr(s, e, t, "per.season", cumulative=True)
        special = self._special(m, t)
        if special is not None:
            return special
        if g("nyp"):
            return TimeExpr(s, e, t, "per.years_anaphor", sub=f"N{_YEARS_N[(g('nypn') or g('nypn2')).lower()]}")
        if g("ana"):
            n = _NUMS.get((g("anan") or "").lower(), 3 if g("anaq") else 6)
            return TimeExpr(s, e, t, "per.anaphor", sub=str(n))
        if g("monly"):
            return TimeExpr(s, e, t, "per.month", None, None, f"M{self._month(g('monly')):02d}")
        if g("ylist"):
            y1, y2 = int(g("yl1")), int(g("yl2"))
            return TimeExpr(s, e, t, "per.year_range", y1, None, f"Y{y2}") if y2 > y1 else None
        if g("ya"):
            y1, y2 = int(g("y1") or g("y1b")), int(g("y2"))
            if y2 <= y1:
                return None
            if g("ymid") or g("yhalf") or g("ymid1"):  # "between 2015 and mid-2023": to the end of June;
                # "between mid-2021 and the end of 2022": from the start of July
                end = "0630" if g("ymid") or g("yhalf") else "1231"
                return TimeExpr(s, e, t, "per.date_range", y1, None, f"R{y1:04d}{'07' if g('ymid1') else '01'}01-{y2:04d}{end}")
            return TimeExpr(s, e, t, "per.year_range", y1, None, f"Y{y2}")
        if g("firstn"):
            n = _NUMS.get((g("n") or g("n2")).lower(), 0) * (3 if g("fnu").lower() == "quarters" else 1)
            if not 1 <= n <= 11:
                return None
            sub = {3: "Q1", 6: "H1"}.get(n, f"M01-M{n:02d}")
            rel = self._rel(g("frel") or g("frel2"))
            return TimeExpr(s, e, t, "per.first_n_months", _int(g("fy")), rel[1] if rel else None, sub)
        if g("nmon") and not text[max(0, s - 5):s].split()[-1][:1].isupper():
            return None  # only the sentence's opening words ("In 9 months, ..."), not "held for 9 months,"
        if g("nmbare") or g("nmopen"):
            n = _NUMS.get((g("nmbn") or g("nmon")).lower(), 0)
            return TimeExpr(s, e, t, "per.n_months_of", None, None, {3: "Q1", 6: "H1"}.get(n, f"M01-M{n:02d}")) \
                if 1 <= n <= 11 else None
        if g("nmof"):
            n = _NUMS.get(g("nmofn").lower(), 0)
            if not 1 <= n <= 12:
                return None
            rel = self._rel(g("nmofrel"))
            offset = rel[1] if rel else (0 if g("nmofcur") else None)
            return TimeExpr(s, e, t, "per.n_months_of", _int(g("nmofy")), offset,  # "12 months of 2023": the year
                            None if n == 12 else {3: "Q1", 6: "H1"}.get(n, f"M01-M{n:02d}"))
        if g("yandsub"):
            y1, y2, unit = int(g("ysa")), int(g("ysb")), g("ysn").lower().split()
            n = 6 if unit[0] == "half" else 3 if unit[0] == "quarter" else _NUMS.get(unit[0], 0)
            if y2 <= y1 or not 1 <= n <= 11:  # "between 2020 and the first half of 2023" too
                return None
            return TimeExpr(s, e, t, "per.date_range", y1, None,
                            f"R{y1:04d}0101-{y2:04d}{n:02d}{calendar.monthrange(y2, n)[1]:02d}")
        if g("fisa"):
            return TimeExpr(s, e, t, "per.fiscal", int(g("fisay")), fiscal=True)
        if g("fyn"):
            y1, y2 = int(g("fyn1")), int(g("fyn2"))
            return TimeExpr(s, e, t, "per.fiscal_run", y1, None, f"F{y2}", fiscal=True) if y2 > y1 else None
        if g("fyr"):
            pairs = [(int(g(k) or g(k2)), g(k + "e") or g(k2 + "e")) for k, k2 in (("fyr1", "fyr3"), ("fyr2", "fyr4"))]
            ends = [int(e2) if len(e2) == 4 else y - y % 100 + int(e2) for y, e2 in pairs]
            if any(end != y + 1 for (y, _), end in zip(pairs, ends, strict=True)) or pairs[1][0] <= pairs[0][0]:
                return None
            return TimeExpr(s, e, t, "per.fiscal_range", pairs[0][0], fiscal=True, fiscal_end_year=ends[1])
        if g("fyy"):
            y, y2 = int(g("fyy1")), int(g("fyy2") or g("fyy3"))
            if y2 != y + 1:
                return None
            return TimeExpr(s, e, t, "per.fiscal_two_year", y, fiscal=True, fiscal_end_year=y2)
        if g("sub"):
            found = self._sub(g("sub"))
            if found is None:
                return None
            rel = self._rel(g("srel") or g("srel2"))
            offset = rel[1] if rel else None  # "the first half of the year": the year in context
            year = int(g("sbe")) - BUDDHIST_OFFSET if g("sbe") else _int(g("sy") or g("sy3") or g("sy4"))  # "B.E. 2567" = 2024
            return TimeExpr(s, e, t, found[0], year, offset, found[1])
        if g("same"):
            rel = self._rel(g("samerel"))
            return TimeExpr(s, e, t, "per.same_period", _int(g("samey")), rel[1] if rel else None,
                            same_period=True)
        if g("mlist"):
            months = [self._month(w) for w in _WORDS.findall(g("mlist")) if w.lower() != "and"]
            if months != list(range(months[0], months[0] + len(months))):
                return None
            rel = self._rel(g("mlrel"))
            return TimeExpr(s, e, t, "per.month_range", _int(g("mly")), rel[1] if rel else None,
                            _RANGE_CODES.get((months[0], months[-1]), f"M{months[0]:02d}-M{months[-1]:02d}"))
        if g("m1"):
            m1, m2 = self._month(g("m1")), self._month(g("m2"))
            if m2 < m1:
                return None
            rel = self._rel(g("mrrel"))
            sub = _RANGE_CODES.get((m1, m2), f"M{m1:02d}-M{m2:02d}")
            if g("m2mid"):  # "from January to mid-October": to the 15th
                sub = f"D{m1:02d}01-{m2:02d}{_MID_START - 1:02d}"
            return TimeExpr(s, e, t, "per.month_range", _int(g("mry")), rel[1] if rel else None, sub)
        if g("m"):
            return TimeExpr(s, e, t, "per.month", _int(g("my")), None, f"M{self._month(g('m')):02d}")
        if g("fis") and g("fisbe"):
            return TimeExpr(s, e, t, "per.fiscal_be", int(g("fisbe")) - BUDDHIST_OFFSET, fiscal=True)
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
            return TimeExpr(s, e, t, "per.fiscal_two_year", y, fiscal=True, fiscal_end_year=y2)
        if g("rel"):
            rel = self._rel(g("rel"))
            return None if rel is None else TimeExpr(s, e, t, rel[0], None, rel[1],
                                                     anchored=rel[0] in self.anchored_rules)
        if g("cy"):
            return TimeExpr(s, e, t, "per.year", int(g("cyy")))
        if g("year"):
            if _is_year_adjective(text, s, e):
                return None
            return TimeExpr(s, e, t, "per.year", int(t))
        return None

    def _special(self, m: re.Match[str], t: str) -> TimeExpr | None:
        """Running totals, day ranges, year spans and Buddhist-era years."""
        s, e = m.start(), m.end()
        g = m.group
        if g("trail"):
            return self._trailing(m, t)
        if g("ytd"):  # "As at today, 2023 has given us 55 convictions", "in 2023 so far"
            if g("ytdy6"):  # "in what goes of 2024": 2024 so far
                return TimeExpr(s, e, t, "per.to_date.year", int(g("ytdy6")), None, "M01", to_date=True)
            if g("ytdy4") or g("ytdy5"):  # "since the start of 2023", "from the beginning of 2023 to the present":
                # from 1 January of that year to the publication date
                return TimeExpr(s, e, t, "per.since_year_start", int(g("ytdy4") or g("ytdy5")), None, "M01", to_date=True)
            year = int(g("ytdy1") or g("ytdy2") or g("ytdy3"))
            return TimeExpr(s, e, t, "per.to_date.year", year, None, "M01", to_date=True)
        if g("nmto"):  # "the ten months to October": from January when the count fits, else a span
            n, last = _NUMS.get(g("nmn").lower(), int(g("nmn")) if g("nmn").isdigit() else 0), self._month(g("nmm"))
            if not 1 <= n <= 36:
                return None
            day = _day(g("nmd1") or g("nmd2")) or 0  # "the six months ended June 30, 2024"
            if day and not _valid_day(last, day):
                return None
            if day and day != calendar.monthrange(int(g("nmy") or 2023), last)[1]:
                return TimeExpr(s, e, t, "per.months_to", _int(g("nmy")), None, f"E{last:02d}{day:02d}{n:02d}")
            first = last - n + 1
            if first < 1:  # "the 18 months to June 2024": from January 2023; "the 12 months to March": the
                # twelve months that end with the last March on or before the publication date
                return TimeExpr(s, e, t, "per.months_to", _int(g("nmy")), None, f"E{last:02d}00{n:02d}")
            sub = _RANGE_CODES.get((first, last), f"M{first:02d}-M{last:02d}")
            return TimeExpr(s, e, t, "per.months_to", _int(g("nmy")), None, sub)
        if g("bty"):
            month = self._month(g("btym"))
            sub = _RANGE_CODES.get((1, month), f"M01-M{month:02d}") if month > 1 else "M01"
            if g("btymid"):  # "from the start of 2023 until mid-July": to the 15th
                sub = f"D0101-{month:02d}{_MID_START - 1:02d}"
            return TimeExpr(s, e, t, "per.month_range", _int(g("btyy")), 0 if g("btythis") else None, sub)
        if g("yto"):  # "in the year to March 2024": the twelve months that end then
            month = self._month(g("yto_m"))
            return TimeExpr(s, e, t, "per.year_to", _int(g("yto_y")), None,  # "the half year to June": six months
                            f"E{month:02d}{_day(g('yto_d1') or g('yto_d2')) or 0:02d}{6 if g('ytoh') else 3 if g('ytoq') else 12:02d}")
        if g("ythru"):  # "in 2024 through September": from 1 January to the end of that month
            return TimeExpr(s, e, t, "per.as_of", int(g("ty")), None, f"A{self._month(g('tm')):02d}00", to_date=True)
        if g("lastn"):  # "the last three months of 2023" = 2023-Q4; "the last two months of the year"
            n = _NUMS.get(g("ln").lower(), 0)
            if not 1 <= n <= 11:
                return None
            rel = self._rel(g("lrel"))
            return TimeExpr(s, e, t, "per.last_n_months", _int(g("ly")), rel[1] if rel else None,
                            _RANGE_CODES.get((13 - n, 12), f"M{13 - n:02d}-M12"))
        if g("asof"):  # "as of 30 September": from 1 January to that day
            month = self._month(g("ao_m1") or g("ao_m2"))
            day = _day(g("ao_d1") or g("ao_d2")) or 0
            if day and not _valid_day(month, day):
                return None
            return TimeExpr(s, e, t, "per.as_of", _int(g("ao_y")), None, f"A{month:02d}{day:02d}", to_date=True)
        if g("fisrel"):  # "last financial year": counted from the fiscal year the publication date falls in
            word = g("frw").lower().split()[-1]
            offset = {"last": -1, "past": -1, "next": 1}.get(word, 0)
            return TimeExpr(s, e, t, "per.fiscal_relative", None, offset, fiscal=True)
        if g("relm"):
            for rid, offset, pat in self.month_rules:
                if pat.fullmatch(g("relm")):
                    return TimeExpr(s, e, t, rid, month_offset=offset)
            return None
        if g("repy"):
            for rid, offset, pat in self.report_rules:
                if pat.fullmatch(g("repy")):
                    return TimeExpr(s, e, t, rid, None, offset, report_year=True,
                                    anchored=rid in self.anaphoric_rules)
            return None
        if g("todate"):
            return TimeExpr(s, e, t, _rule_of(self.to_date_rules, g("todate"), "per.to_date"), None, 0,
                            "M01", to_date=True)
        if g("cumul"):
            words = _TRAILING_YEAR.sub("", g("cumul"))
            return TimeExpr(s, e, t, _rule_of(self.cumulative_rules, words, "per.cumulative"), cumulative=True)
        if g("since"):
            if g("sy1"):
                return TimeExpr(s, e, t, "per.since_year", int(g("sy1")), cumulative=True)
            month = self._month(g("sm"))
            return TimeExpr(s, e, t, "per.since_month", _int(g("smy")), None if g("smy") else 0,
                            f"M{month:02d}", to_date=True)
        if g("xr"):
            return self._cross_year(m, t)
        if g("span"):
            return self._span(m, t)
        if g("nyto"):
            n, year = _YEARS_N[g("nyn").lower()], int(g("nyy"))
            last = self._month(g("nym")) if g("nym") else 12
            start = date(year - n, last + 1, 1) if last < 12 else date(year - n + 1, 1, 1)
            end = date(year, last, calendar.monthrange(year, last)[1])
            return TimeExpr(s, e, t, "per.years_to", start.year, None,
                            f"R{start:%Y%m%d}-{end:%Y%m%d}")
        if g("dra") or g("drb"):
            k = "da" if g("dra") else "db"
            m2 = self._month(g(f"{k}_m2")) if g(f"{k}_m2") else None
            m1 = self._month(g(f"{k}_m1")) if g(f"{k}_m1") else m2
            m2 = m2 or m1
            d1, d2 = int(_NON_DIGIT.sub("", g(f"{k}_d1"))), int(_NON_DIGIT.sub("", g(f"{k}_d2")))
            if m1 is None or m2 is None or (m1, d1) >= (m2, d2) or not _valid_day(m1, d1) or not _valid_day(m2, d2):
                return None
            return TimeExpr(s, e, t, "per.day_range", _int(g(f"{k}_y")), None,
                            f"D{m1:02d}{d1:02d}-{m2:02d}{d2:02d}")
        if g("yb1"):
            y1, y2 = int(g("yb1")), int(g("yb2"))
            return None if y2 <= y1 else TimeExpr(s, e, t, "per.year_range", y1, None, f"Y{y2}")
        if g("be"):
            return TimeExpr(s, e, t, "per.buddhist_year", int(g("bey1") or g("bey2")) - BUDDHIST_OFFSET)
        if g("bebare"):
            return TimeExpr(s, e, t, "per.buddhist_year", int(t) - BUDDHIST_OFFSET, buddhist_bare=True)
        return None

    def _trailing(self, m: re.Match[str], t: str) -> TimeExpr | None:
        """'the year to March 2024' = 2023-04-01/2024-03-31; 'the six months to June 2023' = 2023-H1."""
        g = m.group
        year, month = int(g("traily")), self.months[g("trailm").lower()]
        last = calendar.monthrange(year, month)[1]
        day = _day(g("traild1") or g("traild2")) or last
        if not _valid_day(month, day):
            return None
        months = 3 if g("trailq") else _SPAN_MONTHS[(g("trailn") or "12").lower()]
        end = date(year, month, day)
        if day == last:  # whole months: from the first day of the month ``months - 1`` before
            index = year * 12 + month - 1 - (months - 1)
            start = date(index // 12, index % 12 + 1, 1)
        else:  # "the year ending 16 July 2023" runs from 17 July 2022
            index = year * 12 + month - 1 - months
            y0, m0 = index // 12, index % 12 + 1
            start = date(y0, m0, min(day, calendar.monthrange(y0, m0)[1])) + timedelta(days=1)
        return TimeExpr(m.start(), m.end(), t, "per.trailing", start.year, None, _span_code(start, end))

    def _span(self, m: re.Match[str], t: str) -> TimeExpr | None:
        """'from 2022 to March 2024' = 2022-01-01/2024-03-31; 'between January 2022 and March this
        year' ends in the publication year; 'from January 2022 to date' runs to the publication date."""
        g = m.group
        y1 = int(g("sp_y1"))
        m1 = self._month(g("sp_m1").rstrip(".")) if g("sp_m1") else 1
        if g("sp_now"):
            return TimeExpr(m.start(), m.end(), t, "per.since_month", y1, None, f"M{m1:02d}", to_date=True)
        m2 = self._month(g("sp_m2").rstrip("."))
        if g("sp_rel"):  # the end year is counted from the publication date: resolved then
            return TimeExpr(m.start(), m.end(), t, "per.span_relative", y1, -1 if "last" in g("sp_rel").lower() else 0,
                            f"S{m1:02d}-{m2:02d}")
        y2 = int(g("sp_y2"))
        if (y1, m1) >= (y2, m2):
            return None
        return TimeExpr(m.start(), m.end(), t, "per.date_range", y1, None,
                        f"R{y1:04d}{m1:02d}01-{y2:04d}{m2:02d}{calendar.monthrange(y2, m2)[1]:02d}")

    def _cross_year(self, m: re.Match[str], t: str) -> TimeExpr | None:
        """'April 2022 to March 2023', '17 July 2022 to 16 July 2023': an explicit interval."""
        g = m.group
        y1, y2 = int(g("x_y1")), int(g("x_y2"))
        m1, m2 = self._month(g("x_m1")), self._month(g("x_m2"))
        # "mid-July 2024 to mid-July 2025" (Nepal's fiscal year): the 16th to the 15th
        d1 = _day(g("x_d1") or g("x_d1b")) or (_MID_START if g("x_mid1") else 1)
        d2 = _day(g("x_d2") or g("x_d2b")) or (_MID_START - 1 if g("x_mid2") else calendar.monthrange(y2, m2)[1])
        if not _valid_day(m1, d1) or not _valid_day(m2, d2) or (y1, m1, d1) >= (y2, m2, d2):
            return None
        return TimeExpr(m.start(), m.end(), t, "per.date_range", y1, None,
                        f"R{y1:04d}{m1:02d}{d1:02d}-{y2:04d}{m2:02d}{d2:02d}")

    # -- resolving -------------------------------------------------------------------------
    def resolve(self, expr: TimeExpr, pub_year: int | None, reference: str | None,
                country: str | None) -> str | None:
        """The SPEC period for ``expr``; ``reference`` is the governing period (for 'the same period')."""
        if expr.year is not None and pub_year is not None and expr.year > pub_year + 1:
            return None  # not a Gregorian year (e.g. the Nepali fiscal year 2079/80)
        if expr.cumulative:
            return None  # "since 2003": a running total has no reference period
        if expr.sub and expr.sub[0] == "Y" and pub_year is not None and int(expr.sub[1:]) > pub_year:
            return None  # a span that ends after the publication year is a plan's ("the action plan for 2023-2027")
        if expr.month_offset is not None:
            return _relative_month(expr.month_offset, pub_year)
        if expr.buddhist_bare and country != "TH" and (pub_year is None or abs(pub_year - (expr.year or 0)) > 3):
            return None
        if expr.rule == "per.this_year" and reference and pub_year is not None \
                and reference.startswith(f"{pub_year}-01-01/"):
            return reference  # "this year's cases" in a passage about this year so far: that running total
        if expr.report_year:
            if (not reference or expr.anchored) and expr.antecedent is not None:
                reference = self.resolve(expr.antecedent, pub_year, None, country)
            return _report_year(expr, pub_year, reference)
        if expr.soft_to_date and (expr.year == pub_year or (expr.year is None and expr.offset == 0)):
            running = _to_date(expr, pub_year)
            if running is not None:
                return running
        if expr.sub == "T":  # a TIP Report's reporting period, the report known by the publication date
            published = getattr(pub_year, "published", None)
            if pub_year is None or not published or len(published) < 7:
                return None
            y = pub_year if int(published[5:7]) >= _TIP_RELEASE_MONTH else pub_year - 1
            return f"{y - 1}-04-01/{y}-03-31"
        if expr.sub and expr.sub[0] in "AE":
            return _until(expr, pub_year, reference)
        if expr.sub and expr.sub[0] == "S":  # "between January 2022 and March this year"
            if pub_year is None or expr.year is None:
                return None
            y2, m1, m2 = pub_year + (expr.offset or 0), int(expr.sub[1:3]), int(expr.sub[4:6])
            if (expr.year, m1) >= (y2, m2):
                return None
            return f"{expr.year}-{m1:02d}-01/{y2}-{m2:02d}-{calendar.monthrange(y2, m2)[1]:02d}"
        if expr.to_date:
            return _to_date(expr, pub_year)
        if expr.fiscal and expr.sub and expr.sub[0] in "HQ":
            whole = self._fiscal(replace(expr, sub=None), country, pub_year)
            return _part_of(whole, expr.sub) if whole else None
        if expr.fiscal:
            return self._fiscal(expr, country, pub_year)
        if expr.anchored and reference:
            # "97 in January-April, against 81 a year earlier": the same months of the year before
            delta = expr.offset if expr.offset is not None else -1
            shifted = _shift(reference, delta, any_span=reference[:4] == reference[-10:-6])
            if shifted is not None:
                return shifted  # "a year earlier": the period in context, one year before
            span = _SPAN.fullmatch(reference)
            if span is not None and _days(span) >= 360:
                return None  # the year before a fiscal year whose ends move (Nepal): unknown, never guessed
        if expr.anchored and (expr.offset or 0) > 0:
            return None  # "the following year" with nothing to follow
        if expr.same_period and reference and (expr.offset is not None or expr.year is not None):
            delta = expr.offset if expr.offset is not None else (expr.year or 0) - int(reference[-10:-6] if "/" in reference else reference[:4])
            shifted = _shift(reference, delta, any_span=True)
            if shifted is not None:
                return shifted  # "the same period last year": the governing span a year earlier
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
                year = pub_year - _after_publication(sub, pub_year)
            else:
                return None
        return _format(year, sub)

    def _fiscal(self, expr: TimeExpr, country: str | None, pub_year: int | None = None) -> str | None:
        cal = self.calendars.get(country or "")
        if expr.fiscal_start is not None:  # the calendar the document states wins over the country's
            sm, sd, named = expr.fiscal_start
            cal = {"start_month": sm, "start_day": sd, "named_by": named}
        if cal is None:
            return None
        sm, sd = cal["start_month"], cal["start_day"]
        if expr.year is None and expr.offset is not None:  # "last financial year"
            published = getattr(pub_year, "published", None)
            if pub_year is None or cal.get("named_by") == "none":
                return None
            if (sm, sd) == (1, 1):
                return str(pub_year + expr.offset)
            if not published or not _ISO_DATE.fullmatch(published):
                return None
            current = int(published[:4]) - (1 if published[5:] < f"{sm:02d}-{sd:02d}" else 0)
            start = date(current + expr.offset, sm, sd)
            return f"{start.isoformat()}/{(date(start.year + 1, sm, sd) - timedelta(days=1)).isoformat()}"
        if expr.year is None:
            return None
        named_by = cal.get("named_by", "end")
        if named_by == "none" or (named_by == "range" and expr.fiscal_end_year is None):
            return None  # boundaries that move (Nepal), or a one-year name that is ambiguous
        if expr.sub and expr.sub[0] == "F":  # fiscal years 2018 to 2022: from the first's start to the last's end
            if named_by not in ("end", "start"):
                return None
            first = self._fiscal(replace(expr, sub=None), country, pub_year)
            last = self._fiscal(replace(expr, sub=None, year=int(expr.sub[1:])), country, pub_year)
            if first is None or last is None:
                return None
            return _canonical(f"{first.split('/')[0] if '/' in first else first + '-01-01'}/"
                              f"{last.split('/')[-1] if '/' in last else last + '-12-31'}")
        if expr.fiscal_end_year is not None:
            start_year = expr.year
        elif named_by == "end":
            start_year = expr.year - (1 if (sm, sd) != (1, 1) else 0)
        else:
            start_year = expr.year
        end_year = expr.fiscal_end_year or start_year + 1  # a run of fiscal years ends with the last
        if (sm, sd) == (1, 1):
            return str(start_year) if end_year <= start_year + 1 else f"{start_year}-01-01/{end_year - 1}-12-31"
        start = date(start_year, sm, sd)
        end = date(end_year, sm, sd) - timedelta(days=1)
        return f"{start.isoformat()}/{end.isoformat()}"


_WORDS = re.compile(r"[A-Za-z]+")
_PART_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _years_long(expr: TimeExpr) -> int | None:
    """How many calendar years a span of whole years covers ('between 2019 and 2023' -> 5)."""
    if expr.year is None or not expr.sub:
        return None
    if expr.sub[0] == "Y":
        return int(expr.sub[1:]) - expr.year + 1
    m = _R_CODE.fullmatch(expr.sub)
    if m is None or m.group(2, 3) != ("01", "01") or m.group(5, 6) != ("12", "31"):
        return None
    return int(m.group(4)) - int(m.group(1)) + 1


def _part_of(whole: str, sub: str) -> str | None:
    """The half ('H1') or quarter ('Q3') of a fiscal year: '2024-10-01/2025-09-30', 'H1' ->
    '2024-10-01/2025-03-31'; a calendar fiscal year ('2024') gives '2024-H1'."""
    if _FOUR_DIGITS.fullmatch(whole):
        return f"{whole}-{sub}"
    m = _SPAN.fullmatch(whole)
    if m is None:
        return None
    y1, m1, d1 = (int(x) for x in m.groups()[:3])
    if d1 != 1:
        return None  # a fiscal year starting mid-month (Nepal): its halves are not whole months
    size = 6 if sub[0] == "H" else 3
    index = y1 * 12 + m1 - 1 + (int(sub[1]) - 1) * size
    last = index + size - 1
    start = date(index // 12, index % 12 + 1, 1)
    end = date(last // 12, last % 12 + 1, calendar.monthrange(last // 12, last % 12 + 1)[1])
    return _interval(start, end)
_TIP_RELEASE_MONTH = 6  # the TIP Report comes out in June (or a little later)
_REPORTING_PERIOD = re.compile(r"\b(?:reporting|review|reference)\s+period\b|\bperiod\s+under\s+review\b", re.IGNORECASE)
#: a country narrative of the US Trafficking in Persons Report: its tier, or the standard it is measured against
_TIP_NARRATIVE = re.compile(r"\bminimum\s+standards\s+for\s+the\s+elimination\s+of\s+trafficking\b"
                            r"|\bTier\s+(?:1|2|3|2\s+Watch\s+List)\b", re.IGNORECASE)
_TIP_REPORT_YEAR = re.compile(r"\b(?P<y1>20\d\d)\s+(?:U\.?S\.?\s+)?(?:State\s+Department\s+)?Trafficking\s+in\s+Persons\s+\(?(?:TIP\)?\s+)?Report\b"
                              r"|\bTrafficking\s+in\s+Persons\s+(?:\(TIP\)\s+)?Report\s+(?:of\s+|for\s+)?(?P<y2>20\d\d)\b", re.IGNORECASE)


def _tip_report_year(text: str, headers: tuple[str, ...]) -> int | None:
    """The year of the US Trafficking in Persons Report a document is a country narrative of ('the
    2024 Trafficking in Persons Report', with its tier or the minimum standards it cites); None for
    any other document. That report's reporting period runs from 1 April of the year before to 31 March."""
    for chunk in (*headers, text):
        if _TIP_NARRATIVE.search(text) is None and _TIP_NARRATIVE.search(chunk) is None:
            continue
        m = _TIP_REPORT_YEAR.search(chunk)
        if m is not None:
            return int(m.group("y1") or m.group("y2"))
    return 0 if _TIP_NARRATIVE.search(text) and "trafficking" in text.lower() else None


_COMPARED_BEFORE = re.compile(
    r"\b(?:than|from|compared\s+(?:to|with)|against|versus|vs\.?|over|on)\b[^.;!?]{0,45}\Z", re.IGNORECASE)
_SO_FAR = re.compile(r"(?<!\bup )(?<!\bup-)\b(?:so\s+far(?!\s+as\b)|thus\s+far|to\s+date|as\s+yet|until\s+now|up\s+to\s+now"
                     r"|till\s+(?:date|now)|as\s+(?:of|on)\s+date)\b",
                     re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\b", re.IGNORECASE)


def _rx(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


BUDDHIST_OFFSET = 543
_MID_START = 16  # "mid-July" as the start of a span: the 16th (the span then ends on the 15th)  # B.E. 2565 = 2022 C.E.


def _rule_of(rules: list[tuple[str, re.Pattern[str]]], words: str, default: str) -> str:
    for rid, pat in rules:
        if pat.fullmatch(words):
            return rid
    return default


_NON_DIGIT = re.compile(r"\D")
_TRAILING_YEAR = re.compile(r",?\s+in\s+\d{4}\Z")
#: "in 2022 and 2023 respectively": the years are paired one by one with a list of figures
_RESP = r"[^.;]*\brespectively\b"
#: "the 2023 Trafficking in Persons Report", "its 2022 survey": a year naming an edition, not a period
_YEAR_ADJ_BEFORE = re.compile(r"\b(?:the|a|its|their|his|her)\s+\Z", re.IGNORECASE)
_YEAR_ADJ_AFTER = re.compile(
    r"\s+(?:[A-Z]|(?i:report|survey|study|edition|estimates?|index|census|bulletin)\b)")


#: "in the first and second halves of 2023", "the first, second and third quarters of 2024"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_ORD = r"(?:first|1st|second|2nd|third|3rd|fourth|4th)"
_SUB_LIST = re.compile(
    rf"\b(?:the\s+)?(?P<ords>{_ORD}(?:\s*,\s*{_ORD})*\s*,?\s+and\s+{_ORD})\s+(?P<unit>halves|quarters)"
    rf"\s+(?:of|in)\s+(?:the\s+year\s+)?(?P<year>{_YEAR})(?P<resp>{_RESP})?", re.IGNORECASE)


def _sub_list(m: re.Match[str], text: str) -> list[TimeExpr]:
    """'the first and second halves of 2023 respectively': a time per ordinal, each the span of its
    ordinal word, for pairing with a list of figures; without 'respectively' one span over them all
    (consecutive ordinals only). Empty when the ordinals do not fit the unit."""
    year, half = int(m.group("year")), m.group("unit").lower() == "halves"
    words = [(w.start(), w.end(), _ORDINALS[w.group().lower()])
             for w in re.finditer(_ORD, text[m.start("ords"):m.end("ords")], re.IGNORECASE)]
    nums = [n for _, _, n in words]
    if max(nums) > (2 if half else 4) or len(set(nums)) != len(nums):
        return []
    code = "H" if half else "Q"
    rule = "per.h" if half else "per.q"
    base = m.start("ords")
    if m.group("resp"):
        last = m.end("year")
        return [TimeExpr(base + s, last if i == len(words) - 1 else base + e, text[base + s:base + e],
                         f"{rule}{n}", year, None, f"{code}{n}") for i, (s, e, n) in enumerate(words)]
    lo, hi = min(nums), max(nums)
    if sorted(nums) != list(range(lo, hi + 1)):
        return []
    m1, m2 = (lo - 1) * (6 if half else 3) + 1, hi * (6 if half else 3)
    t = text[m.start():m.end("year")]
    if (m1, m2) == (1, 12):
        return [TimeExpr(m.start(), m.end("year"), t, "per.year", year)]
    sub = _RANGE_CODES.get((m1, m2), f"M{m1:02d}-M{m2:02d}")
    return [TimeExpr(m.start(), m.end("year"), t, "per.month_range", year, None, sub)]


def _is_year_adjective(text: str, start: int, end: int) -> bool:
    return (_YEAR_ADJ_AFTER.match(text, end) is not None
            and _YEAR_ADJ_BEFORE.search(text, max(0, start - 12), start) is not None)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTHS_SUB = re.compile(r"M(\d\d)-M(\d\d)")
_FOUR_DIGITS = re.compile(r"\d{4}")
_GLOSS_GAP = re.compile(r"\s*[(,:–-]?\s*(?:(?:which|that)\s+(?:runs?|ran|covers?|covered|spans?|spanned|is|was|lasts?|lasted)\s+"
                        r"|(?:running|covering|spanning)\s+)?", re.IGNORECASE)
_INTERVALS = ("per.date_range", "per.day_range", "per.month_range")


#: "fiscal year 2024", "FY 2024", "fiscal 2024", "the 2023/24 financial year" (a gloss may follow)
_FY_NAMED = re.compile(r"\b(?:(?:fiscal|financial|budget)(?:\s+year)?|FY)\s*(?P<y>(?:19|20)\d\d)\b(?:\s*[-/–]\s*\d{2,4}\b)?"
                       r"|\b(?:19|20)\d\d\s*[-/–]\s*\d{2,4}\s+(?:fiscal|financial|budget)\s+year\b", re.IGNORECASE)


def _one_year_gloss(gloss: TimeExpr, named: int | None) -> tuple[int, int, str] | None:
    """The calendar a dated gloss of one fiscal year states: its start day, and whether a one-year
    name is the year the gloss ends in ("end") or starts in ("start"); None when the gloss is not
    one year long, starts on 1 January, or its years do not fit the name."""
    span = _R_CODE.fullmatch(gloss.sub or "")
    if span is None:
        return None
    y1, m1, d1, y2, m2, d2 = (int(x) for x in span.groups())
    try:
        if date(y1 + 1, m1, d1) - timedelta(days=1) != date(y2, m2, d2) or (m1, d1) == (1, 1):
            return None
    except ValueError:
        return None
    if named is None or named == y2:
        return m1, d1, "end"
    return (m1, d1, "start") if named == y1 else None


_FY_GLOSS_GAP = re.compile(r"\s*[(,:–-]?\s*(?:(?:which\s+|that\s+)?(?:runs?|ran|covers?|covered|spans?|spanned|is|was|lasts?|lasted)\s+"
                           r"|(?:running|covering|spanning)\s+)?", re.IGNORECASE)
_R_CODE = re.compile(r"R(\d{4})(\d\d)(\d\d)-(\d{4})(\d\d)(\d\d)")


_SPAN_GAP = re.compile(r"\s*[(,:–-]?\s*(?:(?:from|between)\s+)?", re.IGNORECASE)


def _glosses(text: str, first: TimeExpr, then: TimeExpr) -> bool:
    """'fiscal year 2079/80 (17 July 2022 to 16 July 2023)': an explicit interval glosses a year."""
    if first.rule == "per.cumulative.multi_year" and then.rule in (*_INTERVALS, "per.year_range"):
        # "in the last three years, from 2021 to 2023": the span the words count back
        return _SPAN_GAP.fullmatch(text, first.end, then.start) is not None
    return (first.fiscal or first.rule == "per.year") and then.rule in _INTERVALS and \
        _GLOSS_GAP.fullmatch(text, first.end, then.start) is not None


def _merge_gloss(text: str, first: TimeExpr, gloss: TimeExpr) -> TimeExpr:
    end = gloss.end + 1 if text[gloss.end:gloss.end + 1] == ")" else gloss.end
    return TimeExpr(first.start, end, text[first.start:end], gloss.rule, gloss.year, gloss.offset, gloss.sub)


def _day(text: str | None) -> int | None:
    return int(_NON_DIGIT.sub("", text)) if text else None


def _valid_day(month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(2024, month)[1]  # a leap year: 29 February is a day


def _after_publication(sub: str, pub_year: int) -> int:
    """1 when a month (or months) named without a year ends after the publication month ('in
    November' in a February article is last November), else 0."""
    published = getattr(pub_year, "published", None)
    if not published or not _ISO_DATE.fullmatch(published):
        return 0
    if sub[0] in "QH":  # a quarter or half that has not begun by the publication date
        first = (int(sub[1]) - 1) * (3 if sub[0] == "Q" else 6) + 1
        return 1 if first > int(published[5:7]) else 0
    m = _MONTH_SUB.fullmatch(sub)
    if m is None:
        return 0
    return 1 if int(m.group(2) or m.group(1)) > int(published[5:7]) else 0


_MONTH_SUB = re.compile(r"M(\d\d)(?:-M(\d\d))?")


def _names_a_year(expr: TimeExpr) -> bool:
    """A whole year or fiscal year written out ('in 2023', 'the 2022/23 financial year')."""
    return expr.year is not None and not expr.sub and not expr.cumulative and not expr.to_date \
        and expr.rule in ("per.year", "per.fiscal", "per.fiscal_two_year", "per.fiscal_be")


def _report_year(expr: TimeExpr, pub_year: int | None, reference: str | None) -> str | None:
    """'during the year', 'the year under review': the year (or fiscal year) the passage is about;
    without one, the publication year plus the rule's offset ('over the past year'), else None."""
    if reference:
        if _FOUR_DIGITS.fullmatch(reference):
            return reference
        span = _SPAN.fullmatch(reference)
        if span is not None and _days(span) >= 360:
            return reference  # a fiscal year, also one whose ends move ("17 July 2023 to 15 July 2024")
        if reference[:4].isdigit():
            return reference[:4]
    if expr.offset is not None and pub_year is not None:
        published = getattr(pub_year, "published", None) or ""
        if expr.offset == -1 and published[5:7].isdigit() and int(published[5:7]) >= _YEAR_END_MONTH:
            return str(pub_year)  # "over the past year" in a year-end review (November, December): this year
        return str(pub_year + expr.offset)
    return None


#: from this publication month on, "the past year" is mostly the publication year itself
_YEAR_END_MONTH = 11


def _days(span: re.Match[str]) -> int:
    y1, m1, d1, y2, m2, d2 = (int(x) for x in span.groups())
    try:
        return (date(y2, m2, d2) - date(y1, m1, d1)).days
    except ValueError:
        return 0


def _until(expr: TimeExpr, pub_year: int | None, reference: str | None) -> str | None:
    """'as of 30 September' (A0930: from 1 January to that day) and 'the year to March 2024'
    (E0300: the twelve months ending then); a month without a day runs to its end. Without a
    year, the last such day on or before the publication date (or in the year in context)."""
    assert expr.sub is not None
    month, day = int(expr.sub[1:3]), int(expr.sub[3:5])
    year = expr.year
    published = getattr(pub_year, "published", None)
    if year is None:
        if reference is not None and reference[:4].isdigit() and len(reference) == 4:
            year = int(reference)
        elif pub_year is None:
            return None
        else:
            year = int(pub_year)
            if published and _ISO_DATE.fullmatch(published) and f"{year}-{month:02d}-{day or 1:02d}" > published:
                year -= 1
    end = date(year, month, day or calendar.monthrange(year, month)[1])
    if expr.sub[0] == "E":
        months = int(expr.sub[5:7] or 12)
        index = year * 12 + month - 1 - months  # the month before the first one
        y0, m0 = index // 12, index % 12 + 1
        if day:
            start = date(y0, m0, min(day, calendar.monthrange(y0, m0)[1])) + timedelta(days=1)
        else:
            start = date(y0 + (m0 == 12), m0 % 12 + 1, 1)
        return _interval(start, end)
    start = date(year, 1, 1)
    if (end.month, end.day) == (12, 31):
        return str(year)
    return _interval(start, end)


def _numeric_range(m: re.Match[str], t: str) -> TimeExpr | None:
    """'01.01.2024 - 30.09.2024' (dotted dates are written day first), '01/01/2024 – 30/06/2024',
    '1/1/2024 and 6/30/2024' (slashed dates day first unless a day over 12 says month first; both
    readings open: None), '2024-01-01 to 2024-05-31': an explicit interval."""
    g = m.group
    if g("nisor"):
        y1, m1, d1, y2, m2, d2 = (int(g(f"ni{k}")) for k in range(1, 7))
    else:
        a1, b1, a2, b2, y2 = (int(g(k)) for k in ("nd1", "nm1", "nd2", "nm2", "ny2"))
        y1 = int(g("ny1") or y2)
        if g("nsep") == "/" and (b1 > 12 or b2 > 12):
            a1, b1, a2, b2 = b1, a1, b2, a2  # month first (US)
        elif g("nsep") == "/" and not (a1 > 12 or a2 > 12):
            return None  # "3/4/2024 - 5/6/2024": either order
        d1, m1, d2, m2 = a1, b1, a2, b2
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or not _valid_day(m1, d1) or not _valid_day(m2, d2) \
            or (y1, m1, d1) >= (y2, m2, d2):
        return None
    return TimeExpr(m.start(), m.end(), t, "per.date_range", y1, None, f"R{y1:04d}{m1:02d}{d1:02d}-{y2:04d}{m2:02d}{d2:02d}")


def _interval(start: date, end: date) -> str:
    """SPEC's short form when the interval is a calendar year, half, quarter or month."""
    return _canonical(f"{start.isoformat()}/{end.isoformat()}")


def _relative_month(offset: int, pub_year: int | None) -> str | None:
    """'last month' in an article of 10 October 2024 = '2024-09'; None without a publication month."""
    published = getattr(pub_year, "published", None)
    if not published or len(published) < 7 or not published[5:7].isdigit():
        return None
    index = int(published[:4]) * 12 + int(published[5:7]) - 1 + offset
    return f"{index // 12}-{index % 12 + 1:02d}"


def _to_date(expr: TimeExpr, pub_year: int | None) -> str | None:
    """'since January' -> 'YYYY-01-01/<published>' when the publication date is a full date."""
    published = getattr(pub_year, "published", None)
    if pub_year is None or not published or not _ISO_DATE.fullmatch(published):
        return None
    if expr.year is not None and expr.year != pub_year and expr.rule in ("per.to_date.year", "per.year"):
        return None  # "2022 so far" in a 2023 article: not a running total to the publication date
    year = expr.year if expr.year is not None else pub_year + (expr.offset or 0)
    month = int(expr.sub[1:3]) if expr.sub else 1
    start = f"{year}-{month:02d}-01"
    return f"{start}/{published}" if start <= published else None


_LOOKBACK_ANCHOR = 600  # characters before a sentence searched for the period "a year earlier" refers to
_LOOKBACK_REPORT = 1500  # ... and for the year "during the year" refers to
_LOOKBACK_ANAPHOR = 2000  # ... and for the quarter "the three months" refers to
_SIMPLE = re.compile(r"\d{4}(?:-(?:Q[1-4]|H[12]|\d{2}))?")
_SPAN = re.compile(r"(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})")


def _span_months(sub: str | None) -> int | None:
    """How many months a sub-year code covers: Q -> 3, H -> 6, M01-M09 -> 9."""
    if not sub:
        return None
    if sub[0] == "Q":
        return 3
    if sub[0] == "H":
        return 6
    m = _MONTHS_SUB.fullmatch(sub)
    return int(m.group(2)) - int(m.group(1)) + 1 if m else None


def _shift(period: str, delta: int, *, any_span: bool = False) -> str | None:
    """``period`` moved by ``delta`` years: '2023-Q1' -> '2022-Q1'; a one-year interval (a fiscal
    year) or, with ``any_span``, any interval within a year moves whole; else None."""
    if _SIMPLE.fullmatch(period):
        return f"{int(period[:4]) + delta}{period[4:]}"
    m = _SPAN.fullmatch(period)
    if m is None:
        return None
    y1, m1, d1, y2, m2, d2 = (int(x) for x in m.groups())
    try:
        a, b = date(y1, m1, d1), date(y2, m2, d2)
        one_year = date(y1 + 1, m1, d1) - timedelta(days=1) == b
        if not one_year and not (any_span and b < date(y1 + 1, m1, d1)):
            return None
        a, b = a.replace(year=y1 + delta), b.replace(year=y2 + delta)
    except ValueError:
        return None  # 29 February
    return f"{a.isoformat()}/{b.isoformat()}"


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


def _span_code(start: date, end: date) -> str | None:
    """The period code of ``start``..``end``: None for a calendar year, a half or quarter code
    when it is one, else an explicit interval ("R20230401-20240331")."""
    if start.year == end.year and start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        span = (start.month, end.month)
        if span == (1, 12):
            return None
        if span in _RANGE_CODES:
            return _RANGE_CODES[span]
    return f"R{start:%Y%m%d}-{end:%Y%m%d}"


def _canonical(interval: str) -> str:
    """An interval that is a whole calendar year, half, quarter or month in SPEC's short form:
    '2024-04-01/2024-06-30' -> '2024-Q2'; any other interval unchanged."""
    m = _SPAN.fullmatch(interval)
    if m is None:
        return interval
    y1, m1, d1, y2, m2, d2 = (int(x) for x in m.groups())
    if y1 != y2 or d1 != 1 or not 1 <= m2 <= 12 or d2 != calendar.monthrange(y2, m2)[1]:
        return interval
    if (m1, m2) == (1, 12):
        return str(y1)
    if (m1, m2) in _RANGE_CODES:
        return f"{y1}-{_RANGE_CODES[(m1, m2)]}"
    if m1 == m2:
        return f"{y1}-{m1:02d}"
    return interval


def _format(year: int, sub: str | None) -> str:
    if not sub:
        return str(year)
    if sub.startswith("Y"):
        return f"{year}-01-01/{sub[1:]}-12-31"
    if sub.startswith("R"):  # "R20220401-20230331": an interval with its own years
        return _canonical(f"{sub[1:5]}-{sub[5:7]}-{sub[7:9]}/{sub[10:14]}-{sub[14:16]}-{sub[16:18]}")
    if sub.startswith("D"):  # "D0605-0703": June 5 to July 3
        return _canonical(f"{year}-{sub[1:3]}-{sub[3:5]}/{year}-{sub[6:8]}-{sub[8:10]}")
    if sub[0] in "HQ":
        return f"{year}-{sub}"
    if "-" in sub:
        m1, m2 = int(sub[1:3]), int(sub[5:7])
        last = calendar.monthrange(year, m2)[1]
        return _canonical(f"{year}-{m1:02d}-01/{year}-{m2:02d}-{last:02d}")  # "January to December 2024" = 2024
    return f"{year}-{sub[1:]}"


def publication_year(published: str | None) -> int | None:
    """The publication year (a :class:`PublicationYear` that remembers the full date)."""
    if published and _FOUR_DIGITS.match(published):
        return PublicationYear(int(published[:4]), published[:10])
    return None
