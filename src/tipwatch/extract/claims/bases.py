"""The base of a change stated without one: looked up by period, or implied by the change.

"an increase of 29 when compared to the same period in 2018" takes the document's 2018 figure
of the same indicator and breakdown; "14 higher than in 2021" with no 2021 figure implies a
base of newer - 14, reported as a derived fact (``derived: True``, ``match: inferred``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from tipwatch.extract.claims.scan import Context
from tipwatch.model import Fact, MatchKind

if TYPE_CHECKING:
    from tipwatch.extract.claims.changes import Cue

_BASE_YEAR = re.compile(r"\b(?:in|since|than|from|of|to|with|(?:on|over|against)(?:\s+the)?)\s+(?:(?:the\s+)?same\s+(?:period|quarter|month|"
                        r"time)\s+(?:in|of)\s+)?((?:19|20)\d\d)\b", re.I)
_BASE_PREVIOUS = re.compile(r"(?:same\s+(?:period|quarter|month|time)\s+(?:of\s+|in\s+)?)?(?:last\s+year|"
                            r"the\s+previous\s+(?:fiscal\s+|financial\s+)?year|the\s+year\s+before|"
                            r"a\s+year\s+(?:earlier|ago))|previous\s+(?:fiscal\s+|financial\s+)?year", re.I)

#: the words that open a comparison named before the change ("Compared with 2022, ...")
_COMPARED_LEAD = r"\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|as\s+against|against|versus|vs\.?)\s+"

#: A base year named before the change: "Compared with 2022, arrests were up 14 per cent"
_BASE_HEAD = re.compile(_COMPARED_LEAD + r"(?:(?:the\s+)?same\s+(?:period|quarter|month|time)\s+(?:in|of)\s+)?((?:19|20)\d\d)\b",
                        re.I)

#: "In comparison with the same period of last year, crimes decreased by 12%": the base named before the change
_BASE_HEAD_PREVIOUS = re.compile(_COMPARED_LEAD + r"(?:the\s+)?(?:" + _BASE_PREVIOUS.pattern + ")", re.I)
_SAME = re.compile(r"\bsame\s+(?:period|quarter|month|time)\b", re.I)
#: years and relative years: a sentence naming more than one leaves an implied base's period open
#: ("60 victims in 2021, and ... last year's count was 30 per cent higher")
_PERIOD_WORDS = re.compile(r"\b(?:(?:19|20)\d\d|(?:last|this|previous|past|current)\s+year)\b", re.I)
#: a change over several years ("up 40% over five years", "since 2015") has no base one period before
_LONGER_SPAN = re.compile(r"\b(?:years|decades?|since|in\s+recent)\b", re.I)

#: A base the text names but tipwatch does not resolve: no year-before fallback then
_OTHER_BASE = re.compile(r"\b(?:previous|last|prior|preceding|same)\s+(?:quarter|month|half|period|week|fortnight|"
                         r"operation|round|report|survey)\b", re.I)

#: The next sentence naming the base's period first: "The year before, it had logged 340."
_NEXT_OPENS = re.compile(r"^\W*(?:The\s+year\s+before|A\s+year\s+(?:earlier|ago)|In\s+(?:19|20)\d\d|"
                         r"The\s+previous\s+year|Last\s+year)\b", re.I)


#: "up from 27", "down from 15", "compared with 38": the words before a figure that make it another's base
_BASE_BEFORE = re.compile(r"\b(?:(?:up|down|rose|fell|increased|decreased)\s+from|compared\s+(?:with|to))\s+(?:the\s+)?\Z", re.I)

def names_base(text: str) -> bool:
    """Does the text after a change name its base's period ('on 2021', 'than last year')?"""
    return bool(_BASE_YEAR.search(text) or _BASE_PREVIOUS.search(text))


def base_period(ctx: Context, cue: Cue, period: str | None, *, implied: bool = False) -> tuple[str | None, str | None]:
    """(the base's period, the words that name it) from the text after the cue; with ``implied``, a
    change that names no base ("increased by 25% in 2023") is over the period before the newer one."""
    sent = ctx.sentences[cue.sent]
    tail = ctx.text[cue.start:sent.end]
    if not (_BASE_YEAR.search(tail) or _BASE_PREVIOUS.search(tail)) and cue.sent + 1 < len(ctx.sentences):
        opening = _NEXT_OPENS.match(ctx.sentences[cue.sent + 1].text)  # "... 12.35 per cent. The year before, ..."
        tail = opening.group(0) if opening else tail
    # "rose by 5.9 per cent in 2021": the newer figure's own year is no base; a later one may be
    m = next((y for y in _BASE_YEAR.finditer(tail) if not (period and period.startswith(y.group(1)))), None)
    if m is None and not _BASE_PREVIOUS.search(tail):
        head = ctx.text[sent.start:cue.start]  # "Compared with 2022, arrests were up 14% in 2023"
        m = next((y for y in _BASE_HEAD.finditer(head) if not (period and period.startswith(y.group(1)))), None)
    if m:
        year = m.group(1)
        if period and period[:4].isdigit() and "/" not in period:
            return year + period[4:], year
        if period and period[:4].isdigit() and _SAME.search(m.group(0)):  # "than in the same period of 2023"
            return _shift(period, int(year) - int(period[:4])), m.group(0)
        return year, year
    m2 = _BASE_PREVIOUS.search(tail) or _BASE_HEAD_PREVIOUS.search(ctx.text, sent.start, cue.start)
    if m2 and period and period[:4].isdigit():
        return _shift(period, -1), m2.group(0)
    if implied and m2 is None and period and period[:4].isdigit() and not _OTHER_BASE.search(tail) \
            and not _LONGER_SPAN.search(ctx.text, sent.start, sent.end) \
            and len({w.group(0).lower() for w in _PERIOD_WORDS.finditer(ctx.text, sent.start, sent.end)}) <= 1:
        return _shift(period, -1), None
    return None, (m2.group(0) if m2 else None)


def _shift(period: str, years: int) -> str:
    return re.sub(r"(?:19|20)\d\d", lambda m: str(int(m.group(0)) + years), period)


#: How many sentences before a change an unnamed base period's figure may stand.
PREVIOUS_REACH = 3


def base_by_period(ctx: Context, cue: Cue, newer: int) -> int | None:
    fact = ctx.facts[newer]
    period, words = base_period(ctx, cue, fact.period)
    if period is None and words is None:
        tail = ctx.text[cue.end:ctx.sentences[cue.sent].end]
        return None if _OTHER_BASE.search(tail) else _previous_period(ctx, cue, newer)
    cands = [i for i, f in enumerate(ctx.facts) if i != newer and not f.derived and f.indicator == fact.indicator
             and f.unit == fact.unit and (f.age, f.sex, f.nationality, f.location)
             == (fact.age, fact.sex, fact.nationality, fact.location)]
    cands = [i for i in cands if not _base_of_another(ctx, cue, i)]
    exact = [i for i in cands if period is not None and ctx.facts[i].period == period]
    if not exact and words is not None:
        exact = [i for i in cands if words.lower() in ctx.facts[i].sentence.lower()
                 and ctx.facts[i].sentence != fact.sentence
                 and (ctx.facts[i].period != fact.period or fact.period is None)]
    return min(exact, key=lambda i: abs(ctx.facts[i].span[0] - cue.start)) if exact else None


def _base_of_another(ctx: Context, cue: Cue, i: int) -> bool:
    """'42 were female, up from 27 in 2022': a figure its own sentence states as the base of another
    figure is not the base of a change stated elsewhere ('an overall increase of 26 per cent on 2022')."""
    fact = ctx.facts[i]
    at = ctx.sentence_of(fact.span[0])
    if at == cue.sent:
        return False
    if cue.headline and at > cue.sent:
        return True  # an overall change of the figures given before it is measured against one given before it too
    return _BASE_BEFORE.search(ctx.text, max(0, fact.span[0] - 30), fact.span[0]) is not None


def implied_base(cue: Cue, newer: float) -> float | None:
    if cue.factor is not None:
        return float(round(newer / cue.factor))
    if cue.absolute is not None:
        return newer - cue.direction * cue.absolute.value
    if cue.pct is not None and cue.pct != 0 and (1 + cue.direction * cue.pct / 100) > 0:
        return float(round(newer / (1 + cue.direction * cue.pct / 100)))
    return None


def derived_fact(ctx: Context, cue: Cue, newer: int, value: float) -> Fact:
    fact = ctx.facts[newer]
    period, words = base_period(ctx, cue, fact.period, implied=True)
    exact = cue.absolute is not None and not cue.about and cue.factor is None
    value_out: float | int = int(value) if float(value).is_integer() else value
    return replace(fact, value=value_out, period=period, period_text=words, derived=True,
                   qualifier="exact" if exact else _ratio_bound(cue), span=(cue.start, cue.end),
                   surface=ctx.text[cue.start:cue.end], match=MatchKind.INFERRED.value,
                   sentence=ctx.sentences[cue.sent].text, rules=("claims.derived_base",))


def _previous_period(ctx: Context, cue: Cue, newer: int) -> int | None:
    """'Police rescued 200 victims in 2022. In 2023 rescues grew to 220 (up 10 per cent)':
    a change that names no base compares with the period before the newer figure's, when a
    figure of the same indicator for that period stands in the sentences just before."""
    fact = ctx.facts[newer]
    if not fact.period or not fact.period[:4].isdigit():
        return None
    period = _shift(fact.period, -1)
    first = ctx.sentences[max(0, cue.sent - PREVIOUS_REACH)].start
    cands = [i for i, f in enumerate(ctx.facts) if not f.derived and f.indicator == fact.indicator
             and f.unit == fact.unit and f.period == period and first <= f.span[0] < cue.start]
    same = [i for i in cands if (ctx.facts[i].age, ctx.facts[i].sex, ctx.facts[i].nationality,
                                 ctx.facts[i].location) == (fact.age, fact.sex, fact.nationality, fact.location)]
    pick = same or cands
    return pick[-1] if len(pick) == 1 else None


def _ratio_bound(cue: Cue) -> str:
    """The implied base of 'more than doubled to 88' is at most 44 (`max`); of 'nearly doubled',
    more than 44 (`min`); 'more than halved' and 'nearly halved' the other way round."""
    if cue.factor is None or cue.hedge not in ("at least", "nearly"):
        return "approx"
    below = (cue.hedge == "at least") == (cue.factor > 1)
    return "max" if below else "min"
