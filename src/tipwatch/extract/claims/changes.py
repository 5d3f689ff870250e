"""`change` claims: a stated rise or fall, checked against the figures it compares.

Three things are found in a sentence and then put together:

* *cues*, the stated change: "an increase of 29", "up 30 percent", "an 18 percent rise",
  "decreased by about 18 cases – representing a 19 percent drop", "by a quarter",
  "an increase of 25 and 148 per cent respectively";
* *pairs*, a newer figure and its base: "159 ... on the 92 cases", "345 – up from 298",
  "compared with 1,714", "from 70 to 58";
* when a cue has no pair, its *subject* (the figure before it, or the figure the previous
  sentence gave) and a base looked up by period ("compared to the same period in 2018").

A cue whose base cannot be found is `unverifiable`; its implied base becomes a derived fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipwatch.extract.claims.bases import base_by_period, derived_fact, implied_base, names_base
from tipwatch.extract.claims.cues import load_cues
from tipwatch.extract.claims.scan import Context, Num
from tipwatch.extract.claims.subjects import (
    ANAPHOR,
    YEAR,
    attach_group,
    base_after_cue,
    group_of,
    indicator_words,
    indicators_in_order,
    subject,
    subject_before,
    targeted,
    words_indicator,
)
from tipwatch.model import Claim, Fact

_CUES = load_cues()
_UP, _DOWN, _CHANGE = _CUES.up, _CUES.down, _CUES.change
_Q = r"(?:(?:about|around|some|nearly|almost|roughly|approximately|an\s+estimated|more\s+than|over|at\s+least|" \
     r"less\s+than|under|fewer\s+than)\s+)?"
#: "by more than 20 per cent", "by less than 5": the stated change is a bound
_AT_LEAST = re.compile(r"\b(?:more\s+than|over|at\s+least)\s+[$€£]?\Z", re.I)
_AT_MOST = re.compile(r"\b(?:less\s+than|under|fewer\s+than)\s+[$€£]?\Z", re.I)
_NOUN_OF = re.compile(rf"\b(?P<w>{_CHANGE})\s+(?:{_CUES.copulas})\s+{_Q}[$€£]?$", re.I)
_VERB_BY = re.compile(rf"\b(?P<w>{_CHANGE})\b(?:\s+by|[^.;]{{0,40}}?\bby)?\s+{_Q}[$€£]?$", re.I)
_PUT_AT = re.compile(rf"\b(?P<w>{_CHANGE})\b[^.;]{{0,40}}\b(?:put|estimated|described|given)\s+(?:it\s+)?(?:at|as)\s+$",
                     re.I)
#: "up 20 cases, or 25 percent", "rose by 15 cases (12.5 per cent)": the relative form of the change before
_OR = re.compile(rf"(?:,?\s+or(?:\s+(?:equivalent|equal)\s+to)?|\s*\((?:\s*or)?|,\s+(?:equivalent\s+to|representing|that\s+is)(?:\s+an?)?)\s*{_Q}$", re.I)
_PCT_WORD_AFTER = re.compile(r"^\s?(?:%|per\s?cent|percent)?\s*(?:(?:year[- ]on[- ]year|y-o-y|annual|sharp|steep|"
                             r"significant|marked|slight|overall)\s+)?(?P<w>increase|rise|jump|growth|higher|more|up|above|"
                             r"decrease|drop|fall|decline|lower|fewer|less|down|dip|reduction|below)\b", re.I)
#: "up 5 percentage points": a difference of two shares, not a relative change
_POINTS_AFTER = re.compile(r"^\s*(?:percentage|%)\s*points?\b", re.I)
#: "rose by 5 points": a change of a share
_POINTS = re.compile(r"\s*(?:percentage\s+|%\s*)?points?\b", re.I)
#: "14 higher than", "18 more possible victims than in 2017"
_COUNT_WORD_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?P<w>higher|lower|more|fewer|less)(?:\s+[a-z-]+){0,3}?\s+than\b", re.I)
#: "(+18% on 2022)", "2023: 312 (+45)", "(−7.5 %)": a sign written on the amount states its direction
#: (a hyphen only after a bracket, punctuation or a space on the same line: not "2021-22", not a bullet)
_SIGN_BEFORE = re.compile(r"(?:(?<=[(\[,;:/])|(?<=[ \t]))(?P<w>[+−-])\Z")
#: what follows a signed change: a percent sign, a bracket's end, punctuation or a comparison ("+45 on
#: the previous year", "+18% y/y"), never more digits (a dialling code: "+45 33 12 34 56")
_SIGN_AFTER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)|\s*(?:[)\],;.]|\Z|(?:on|compared|against|vs\.?|versus|"
                         r"from|over|than|y/y|yoy|year[- ]on[- ]year|in\s+comparison)\b)", re.I)
#: "1.5 times", "2.5-fold", "3.2-fold increase" after a figure (the change word may follow: "a 3-fold rise")
_TIMES_AFTER = re.compile(rf"\s*(?:-\s*)?(?:fold|times)\b(?:\s+(?P<w>{_CHANGE}))?", re.I)
#: the change word before such a factor: "increased 1.5 times", "decreased by about 2 times", "rose 2.5-fold"
_VERB_TIMES = re.compile(rf"\b(?P<w>{_CHANGE})\s+(?:by\s+)?(?:(?P<h>{_CUES.hedge})\s+)?\Z", re.I)
#: "22 crimes or 19.8% more than in 2022": the absolute change before its relative form
_COUNT_OR_PCT_AFTER = re.compile(r"^\s+(?:[\w-]+\s+)?(?:,\s*)?or\s+(?:by\s+)?[\d.,]+\s?(?:%|per\s?cent|percent)\s+"
                                 r"(?P<w>higher|lower|more|fewer|less)\b", re.I)
#: "28 more than in 2022, an increase of 25 per cent": the second form of one change, in apposition
_APPOSITIVE_CHANGE = re.compile(rf"\s*(?:[\w-]+\s+)?(?:more|fewer|higher|lower|less)?\s*(?:than\s+[^,;.\d]{{0,30}}(?:(?:19|20)\d\d)?)?"
                                rf"\s*,\s+(?:(?:which\s+is|that\s+is|or)\s+)?(?:an?\s+)?(?:{_CHANGE})\s+(?:of\s+)?{_Q}", re.I)
_PCT_BRACKET_BEFORE = re.compile(r"\d\s?(?:%|per\s?cent|percent)\s*\(\s*(?:or\s+|by\s+)?\Z", re.I)
_BRACKET_CLOSE = re.compile(r"\s*(?:[a-z-]+\s*){0,2}\)", re.I)
_ABOUT = re.compile(r"\b(?:about|around|some|nearly|almost|roughly|approximately|an\s+estimated)\s+(?:an?\s+)?[$€£]?\Z", re.I)
_FRACTIONS = _CUES.fractions
_MULTIPLIER_HINTS = _CUES.multiplier_hints
_FRACTION_WORDS = "|".join(_FRACTIONS)
#: "rose by a quarter", "fell by half", "a third more than", "a fifth fewer"
_FRACTION = re.compile(rf"\b(?P<w>{_CHANGE})\s+by\s+(?:(?:{_CUES.hedge})\s+)?(?:a\s+|one\s+)?(?P<f>{_FRACTION_WORDS})\b|"
                       rf"\b(?:a|one)\s+(?P<f2>{_FRACTION_WORDS})\s+(?P<w2>more|higher|fewer|lower|less)\b|"
                       rf"\b(?P<w3>{_CHANGE})\s+of\s+(?:(?:{_CUES.hedge})\s+)?(?:a|one)\s+(?P<f3>{_FRACTION_WORDS})\b", re.I)
#: "one third", "a quarter": a number that is part of a fraction is no amount of change
_FRACTION_AFTER = re.compile(rf"\s+(?:{_FRACTION_WORDS})s?\b", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_ONLY = r"(?:(?:just|only|a\s+mere|barely)\s+)?"
#: "up from 298", "compared with 1,714", "an increase over the 1,140 identified in 2022"
_STRONG_BASE = re.compile(rf"\b(?P<w>{_CHANGE}|compar(?:ed|es|ing)\s+(?:to|with)|versus|vs\.?)"
                          rf"\s+(?:(?:from|over|on)\s+)?(?:the\s+|a\s+)?{_ONLY}{_Q}[$€£]?$", re.I)
#: "nearly double the 320", "twice as many as the 90": the base follows the multiplier
_MULT_BASE = re.compile(rf"(?:{_CUES.multiplier_before_base.pattern})\s+(?:the\s+)?[$€£]?$", re.I)
#: "rose to 230 in 2023 from 190": the base after 'from', the newer figure after 'to'
#: (an aside may stand between the verb and 'to': "fell for the third year running, to 54 in 2023 from 61")
_TO_FROM = re.compile(rf"\b(?P<w>{_CHANGE})\s+(?:sharply\s+|slightly\s+|[^.;,\d]{{1,40}},\s+)?to\b[^.;]{{1,50}}?\bfrom\s+"
                      rf"(?:the\s+|a\s+)?[$€£]?$", re.I)
_BRACKET_AFTER = re.compile(r"^\s*(?:(?:in|during)\s+(?:fiscal\s+)?(?:19|20)\d\d\s*)?\(\s*(?:an?\s+)?\Z", re.I)
#: "88 investigations in 2023 (2022: 71)", "(in 2022 – 28)": an earlier year's figure in brackets, a base without
#: direction
_YEAR_LABEL_BASE = re.compile(r"\(\s*(?:(?:in|for)\s+)?(?:FY\s*)?(?:19|20)\d\d(?:[-/]\d\d)?\s*(?:[:=]|\s[-–—])\s*\Z", re.I)
_WORD_START = re.compile(r"\b\w+\Z")  # the cue word itself is not searched for future words
_CLAUSE_BREAK = re.compile(r"[,;:(]|\s[—–]\s|\b(?:while|whereas)\b", re.I)
_COMPARE = re.compile(r"compar|versus|vs", re.I)
#: "the previous year's 400", "the 2022 figure of 38": a period named with the base
_BASE_NAMED = r"(?:(?:the\s+)?(?:previous|last|prior|earlier)\s+(?:data|figure|report|count|tally|total|record)\s+(?:of\s+)?|" \
    r"(?:the\s+)?(?:previous|last|prior)\s+year'?s\s+|(?:19|20)\d\d'?s\s+|(?:the\s+)?(?:19|20)\d\d(?:'s)?\s+(?:figure|total|tally|count)\s+of\s+)?"
_WEAK_BASE = re.compile(rf"\b(?:on|over|than|from|against)\s+(?:the\s+|a\s+)?{_BASE_NAMED}{_ONLY}\(?[$€£]?$", re.I)
_AGAINST = re.compile(r"\b(?:against|from)\s+(?:the\s+|a\s+)?[$€£]?\Z", re.I)  # the cue may follow
#: "from 70 to 58", "from 140 in 2022 to 120", "from 30 last year to 95"
_FROM_TO = re.compile(r"^\s*(?:[a-z]+\s+|(?:in|during)\s+(?:fiscal\s+|FY\s*)?(?:19|20)\d\d(?:[-/]\d\d(?:\d\d)?)?,?\s+|"
                      r"(?:in\s+)?(?:last|the\s+previous)\s+year,?\s+)?to\s+[$€£]?\Z", re.I)
_YEAR_AFTER = re.compile(r"\s+(?:in|during)\s+(?:fiscal\s+)?((?:19|20)\d\d)\b", re.I)


@dataclass
class Cue:
    sent: int
    start: int
    end: int
    direction: int  # +1 up, -1 down
    pct: float | None = None
    pct_text: str | None = None
    absolute: Num | None = None
    about: bool = False
    words: str = ""  # "by a quarter"
    target: int | None = None  # position in a "respectively" list
    used: bool = False
    factor: float | None = None  # "doubled" = 2, "halved" = 0.5: newer / base
    hedge: str | None = None  # of a multiplier: "about", "nearly", "at least"
    bound: str | None = None  # "by more than 20 per cent": "at least"; "by less than 5": "at most"
    headline: bool = False  # of the figures given before it: "an overall increase of 26 per cent on 2022"


@dataclass
class Pair:
    newer: Num
    base: Num
    direction: int  # from "up from"/"down from"; 0 for "compared with"
    start: int
    cue: Cue | None = None


_DOWN_WORD = re.compile(_DOWN + r"|lower|fewer|less|below", re.I)
_HEDGE_NAMES = {"about": "about", "nearly": "nearly", "over": "at least", "under": "at most"}
#: "less than half the 27" is at least a halving, "more than half the 27" at most one: the bound turns
#: over for a factor below one (the judge measures a fall as base / newer)
_FALL_HEDGES = {"at least": "at most", "at most": "at least"}
#: "almost half the 37": a figure follows the multiplier at once (not "half the victims were women")
_FIGURE_NEXT = re.compile(r"\s*[$€£]?\d")


def _direction(word: str) -> int:
    return -1 if _DOWN_WORD.fullmatch(word) else 1


def find_changes(ctx: Context) -> tuple[list[Claim], list[Fact]]:
    claims: list[Claim] = []
    derived: list[Fact] = []
    pending: list[Pair] = []  # pairs without a stated change: the next sentence may state it
    with_facts = any(n.fact is not None for n in ctx.nums)
    held: list[tuple[Cue, str]] = []  # a group's change whose figures the next sentence gives
    for s in range(len(ctx.sentences)):
        cues = _cues(ctx, s)
        pairs = _pairs(ctx, s, cues)
        attach_group(ctx, held, pairs)
        for cue, _group in held:
            if not cue.used:
                _lone_cue(ctx, cue, claims, derived, with_facts)
        _attach(cues, pairs, pending)
        done = pending + [p for p in pairs if p.cue is not None]
        pending = [p for p in pairs if p.cue is None]
        claims.extend(_pair_claim(ctx, p) for p in done if _worth(p, with_facts, ctx))
        held = []
        for cue in cues:
            group = None if cue.used else group_of(ctx, cue)
            if group is not None:
                held.append((cue, group))
            elif not cue.used:
                _lone_cue(ctx, cue, claims, derived, with_facts)
    for cue, _group in held:
        _lone_cue(ctx, cue, claims, derived, with_facts)
    claims.extend(_pair_claim(ctx, p) for p in pending if _worth(p, with_facts, ctx))
    return claims, derived


def _future(ctx: Context, pos: int) -> bool:
    """Is the change at ``pos`` a target or a forecast ('aims to cut ... by', 'expected to rise')?"""
    start = max(ctx.sentences[ctx.sentence_of(pos)].start, pos - 60)
    word = _WORD_START.search(ctx.text, start, pos)
    return _CUES.future.search(ctx.text, start, word.start() if word else pos) is not None


def _worth(pair: Pair, with_facts: bool, ctx: Context | None = None) -> bool:
    """A comparison is a claim when it states a change or a direction, about a stated fact."""
    if pair.cue is None and not pair.direction:
        return False
    if ctx is not None and _future(ctx, pair.cue.start if pair.cue else pair.base.start):
        return False
    return not with_facts or pair.newer.fact is not None or pair.base.fact is not None


# -- cues ---------------------------------------------------------------------------------
def _cues(ctx: Context, s: int) -> list[Cue]:
    sent = ctx.sentences[s]
    cues: list[Cue] = []
    for n in ctx.in_sentence(s):
        if (n.skip and not _signed(ctx, n)) or _FRACTION_AFTER.match(ctx.text, n.end):
            continue
        cue = _cue_at(ctx, n)
        if cue is None:
            continue
        if cues and _merges(ctx, cues[-1], cue):
            _merge(cues[-1], cue)
        elif cue.direction == 0:
            continue  # "or 41%" after no change: a share
        else:
            cues.append(cue)
        n.roles.add("amount")
    low = sent.text.lower()
    fractions = _FRACTION.finditer(sent.text) if any(w in low for w in _FRACTIONS) else iter(())
    for m in fractions:
        if m.group("w") and _CUES.states_change(m) is None or m.group("w3") and _CUES.states_change(m, "w3") is None:
            continue
        f = (m.group("f") or m.group("f2") or m.group("f3")).lower()
        words = re.sub(r"^.*?\bby\s+", "by ", m.group(0).lower()) if m.group("f") else \
            f"by a {f}" if m.group("f3") else f"a {f} {m.group('w2').lower()}"
        cues.append(Cue(s, sent.start + m.start(), sent.start + m.end(),
                        _direction(m.group("w") or m.group("w2") or m.group("w3")),
                        pct=_FRACTIONS[f], pct_text=f"{_FRACTIONS[f]:g}", words=words, about=True))
    for m in _CUES.word_amount.finditer(sent.text) if " than" in low else ():
        start, end = sent.start + m.start("a"), sent.start + m.end("a")  # "nearly a hundred more than"
        amount = Num(-1, start, end, _CUES.amount_of(m.group("a")), m.group("a"), "count", s, roles={"amount"})
        cues.append(Cue(s, sent.start + m.start(), sent.start + m.end(), _direction(m.group("w")), absolute=amount,
                        about=m.group("h") is not None))
    cues.extend(_numeric_multipliers(ctx, s))
    for m in _multipliers(sent.text) if any(w in low for w in _MULTIPLIER_HINTS) else []:
        mult = _CUES.multiplier(m)
        start, end = sent.start + m.start(), sent.start + m.end()
        if any(c.start <= start < c.end or start <= c.start < end for c in cues):
            continue
        hedge = _HEDGE_NAMES.get(mult.hedge or "")
        cues.append(Cue(s, start, end, 1 if mult.factor > 1 else -1, factor=mult.factor,
                        hedge=_FALL_HEDGES.get(hedge or "", hedge) if mult.factor < 1 else hedge, words=mult.words))
    _respectively(ctx, s, cues)
    return sorted(cues, key=lambda c: c.start)


def _numeric_multipliers(ctx: Context, s: int) -> list[Cue]:
    """'increased 1.5 times', 'decreased 2 times' (halved, as translated reports write it), 'rose
    2.5-fold', 'a 3.2-fold increase': a factor written in figures after a change word or before one."""
    out = []
    for n in ctx.in_sentence(s):
        if {"amount", "base", "newer"} & n.roles or n.unit != "count":
            continue
        times = _TIMES_AFTER.match(ctx.text, n.end)
        if times is None or n.value <= 1 or n.value > 100:
            continue
        before = ctx.text[max(ctx.sentences[s].start, n.start - 40):n.start]
        verb = _CUES.states_change(_VERB_TIMES.search(before))
        word = verb.group("w") if verb else times.group("w")
        if word is None:
            continue
        direction = _direction(word)
        n.roles.add("amount")
        start = n.start - len(before) + verb.start() if verb else n.start
        out.append(Cue(s, start, times.end(), direction, factor=n.value if direction > 0 else 1 / n.value,
                       hedge=_HEDGE_NAMES.get(_CUES.hedge_of(verb.group("h")) or "") if verb else None,
                       words=re.sub(r"\s+", " ", ctx.text[start:times.end()].lower())))
    return out


def _multipliers(text: str) -> list[re.Match[str]]:
    """'doubled', 'more than tripled', 'nearly double the', 'twice as many as', 'halved'."""
    found = list(_CUES.multiplier_verb.finditer(text))
    taken = [(m.start(), m.end()) for m in found]
    for m in _CUES.multiplier_before_base.finditer(text):
        if m.group("m").lower() == "half" and not re.match(r"half\s+as\b", m.group(0)[len(m.group("h") or ""):].strip(),
                                                           re.I) and not _FIGURE_NEXT.match(text, m.end()):
            continue  # "half the victims were women": a share, not a change
        if not any(a <= m.start() < b for a, b in taken):
            found.append(m)
    return found


def _cue_at(ctx: Context, n: Num) -> Cue | None:
    text = ctx.text
    before = text[max(ctx.sentences[n.sent].start, n.start - 60):n.start]
    if before.endswith(("+", "−")) and before[-2:-1].isspace():
        before = before[:-1]  # "increased by +12%": the sign repeats the direction of the words
    after = text[n.end:n.end + 40]
    ok = _CUES.states_change
    m = ok(_NOUN_OF.search(before)) or ok(_VERB_BY.search(before)) or ok(_PUT_AT.search(before))
    word = m.group("w") if m else None
    if word is None:
        m2 = (_PCT_WORD_AFTER.match(after) if n.unit == "percent" else
              _COUNT_WORD_AFTER.match(after) or _COUNT_OR_PCT_AFTER.match(after))
        word = m2.group("w") if m2 else None
    if word is None and _signed(ctx, n):
        word = "down" if ctx.text[n.start - 1] in "−-" else "up"
    if word is None and n.unit == "percent" and _OR.search(before):
        word = "+"  # "up 20 cases, or 25 percent": joins the cue before it
    if word is None and n.unit == "count" and _PCT_BRACKET_BEFORE.search(before) and _BRACKET_CLOSE.match(after):
        word = "+"  # "increased by 12.5% (10 cases)": the absolute form of the change before it
    if word is None:
        return None
    cue = Cue(n.sent, n.start, n.end, 0 if word == "+" else _direction(word), about=bool(_ABOUT.search(before)))
    if _AT_LEAST.search(before):
        cue.bound = "at least"
    elif _AT_MOST.search(before):
        cue.bound = "at most"
    if n.unit == "percent" and not _POINTS_AFTER.match(after):
        cue.pct, cue.pct_text = n.value, _pct_text(n)
    else:
        cue.absolute = n
    return cue


def _signed(ctx: Context, n: Num) -> bool:
    """'(+45 on the previous year)', '(−7.5%)': a number whose sign states a change (the extractor
    may have taken '+45' for a dialling code and skipped it)."""
    before = ctx.text[max(ctx.sentences[n.sent].start, n.start - 3):n.start]
    return _SIGN_BEFORE.search(before) is not None and _SIGN_AFTER.match(ctx.text, n.end) is not None


def _merges(ctx: Context, a: Cue, b: Cue) -> bool:
    """'decreased by about 18 cases – representing a 19 percent drop' is one cue."""
    if a.factor is not None or b.factor is not None:
        return False
    if (a.pct is None) == (b.pct is None) or b.start - a.end > 80:
        return False
    between = ctx.text[a.end:b.start]
    if "(" in between and a.direction == b.direction and ")" not in between:
        between = between[:between.rindex("(")]  # "15 more than in 2022 (up 25%)": the bracket restates it
    if a.direction == b.direction and _APPOSITIVE_CHANGE.fullmatch(between):
        return True  # "28 more than in 2022, an increase of 25 per cent": the same change restated
    return not re.search(rf"\b(?:{_UP}|{_DOWN})\b", between, re.I) or b.direction == 0


def _merge(a: Cue, b: Cue) -> None:
    a.end = b.end
    a.direction = a.direction or b.direction
    a.about = a.about or b.about
    a.bound = a.bound or b.bound
    if b.pct is not None:
        a.pct, a.pct_text = b.pct, b.pct_text
    if b.absolute is not None:
        a.absolute = b.absolute


def _respectively(ctx: Context, s: int, cues: list[Cue]) -> None:
    """'an increase of 25 and 148 per cent respectively': one cue per listed figure."""
    sent = ctx.sentences[s]
    if not _RESPECTIVELY.search(sent.text):
        return
    for cue in list(cues):
        amount = cue.absolute
        if amount is None:
            continue
        tail = ctx.text[amount.end:sent.end]
        m = re.match(r"^((?:\s*,\s*|\s+and\s+)[\d.]+)+\s*(?:%|per\s?cent|percent)\s+respectively", tail, re.I)
        if m is None:
            continue
        listed = [n for n in ctx.in_sentence(s) if amount.start <= n.start < amount.end + m.end()]
        cues.remove(cue)
        for k, n in enumerate(listed):
            n.roles.add("amount")
            cues.append(Cue(s, n.start, n.end, cue.direction, pct=n.value, pct_text=_pct_text(n),
                            about=cue.about, target=k))


def _pct_text(n: Num) -> str:
    """The percentage as written: '72.82' of '72.82%', '20' of 'twenty per cent'."""
    return _plain(n.surface) or f"{n.value:g}"


def _plain(surface: str) -> str:
    return re.sub(r"[^\d.,]", "", surface).replace(",", "")


# -- pairs --------------------------------------------------------------------------------
def _pairs(ctx: Context, s: int, cues: list[Cue]) -> list[Pair]:
    text = ctx.text
    sent = ctx.sentences[s]
    pairs: list[Pair] = []
    nums = [n for n in ctx.in_sentence(s) if n.free]
    for k, n in enumerate(nums):
        before = text[max(sent.start, n.start - 50):n.start]
        wide = text[max(sent.start, n.start - 100):n.start]  # "fell for the third year running, to 54 ... from"
        to_from = _CUES.states_change(_TO_FROM.search(wide))
        strong = _CUES.states_change(_STRONG_BASE.search(before)) or _MULT_BASE.search(before) or \
            to_from or _YEAR_LABEL_BASE.search(before)
        weak = _WEAK_BASE.search(before) and any(0 <= n.start - c.end <= 80 for c in cues) or \
            _AGAINST.search(before) and any(0 <= c.start - n.end <= 80 for c in cues)
        if not strong and not weak:
            continue
        word = strong.groupdict().get("w") if strong else None
        direction = _direction(word) if word and not _COMPARE.match(word) else 0
        newer = _newer_after(ctx, n, nums[k + 1:]) if "from" in before[-12:] else None
        if newer is None and to_from is not None:  # "convictions fell to 12 from 15": 12, not an earlier figure
            at = n.start - len(wide) + to_from.start()
            inside = [m for m in nums[:k] if m.start >= at and m.unit == n.unit and not {"base", "compared"} & m.roles]
            newer = inside[0] if inside else None
        if newer is None:
            newer = _newer_before(ctx, n, nums[max(0, k - 12):k], cues)
        if newer is None:
            n.roles.add("compared")  # "rose by 12 per cent from 367, while cases fell from 45": 367 is no newer figure
            continue
        n.roles.add("base")
        newer.roles.add("newer")
        pair = Pair(newer, n, direction, n.start)
        if newer.start > n.start:
            pair.cue = _bracketed(ctx, pair, nums)
        pairs.append(pair)
    if cues and not pairs and not any(names_base(ctx.text[c.end:sent.end]) for c in cues):
        pairs.extend(_earlier_in_next_sentence(ctx, s, nums))  # not "In 2022 they rescued 250, up 25% on 2021"
    return pairs


def _bracketed(ctx: Context, pair: Pair, nums: list[Num]) -> Cue | None:
    """'rose from 92 in 2022 to 159 in 2023 (72.8%)': the change in brackets after the newer figure."""
    after = [m for m in nums if m.start > pair.newer.end and m.unit == "percent" and "amount" not in m.roles]
    if not after or not _BRACKET_AFTER.match(ctx.text[pair.newer.end:after[0].start]):
        return None
    amount = after[0]
    amount.roles.add("amount")
    direction = pair.direction or (1 if pair.newer.value >= pair.base.value else -1)
    return Cue(amount.sent, amount.start, amount.end, direction, pct=amount.value, pct_text=_pct_text(amount),
               used=True)


def _earlier_in_next_sentence(ctx: Context, s: int, nums: list[Num]) -> list[Pair]:
    """'The unit logged 75 complaints in 2023. In 2022 it had logged 50, so the rise was 50 per
    cent': a sentence whose first figure is the previous sentence's indicator for an earlier
    period gives the base; the cue of its sentence states the change."""
    for n in nums:
        fact = ctx.fact(n)
        if fact is None or "newer" in n.roles or not _year_of(fact.period):
            continue
        prev = [m for m in ctx.in_sentence(s - 1) if m.free and "base" not in m.roles and m.unit == n.unit
                and (f := ctx.fact(m)) is not None and f.indicator == fact.indicator
                and _year_of(f.period) and str(f.period) > str(fact.period)]
        if len(prev) != 1:
            return []
        n.roles.add("base")
        prev[0].roles.add("newer")
        return [Pair(prev[0], n, 0, n.start)]
    return []


def _year_of(period: str | None) -> bool:
    return bool(period) and period[:4].isdigit()  # type: ignore[index]


def _newer_after(ctx: Context, base: Num, later: list[Num]) -> Num | None:
    """'from 70 to 58': the newer figure follows the base."""
    if later and _FROM_TO.match(ctx.text[base.end:later[0].start]) and later[0].unit == base.unit:
        return later[0]
    return None


def _newer_before(ctx: Context, base: Num, earlier: list[Num], cues: list[Cue]) -> Num | None:
    fam = ctx.family_of(base)
    cands = [n for n in earlier if n.unit == base.unit and not {"base", "compared"} & n.roles
             and not _in_aside(ctx, n, base)]
    same = [n for n in cands if fam is None or ctx.family_of(n) in (None, fam)]
    stated = [n for n in same if n.fact is not None and (fam is None or ctx.family_of(n) == fam)]
    if stated or same or cands:
        return (stated or same or cands)[-1]
    if ANAPHOR.match(ctx.text[ctx.sentences[base.sent].start:base.start]):
        return subject_before(ctx, base.sent, base.start, base.unit, fam)
    # "Police said rescues had risen by a quarter from the 702": the same indicator just before
    kind = ctx.fact(base)
    if kind is None or earlier:
        return None
    prev = [n for n in ctx.in_sentence(base.sent - 1) if n.free and n.fact is not None
            and ctx.facts[n.fact].indicator == kind.indicator and n.unit == base.unit]
    return prev[0] if len(prev) == 1 else None


def _in_aside(ctx: Context, n: Num, base: Num) -> bool:
    """'109 traffickers (53 for sex, 54 for labour and two others), up from 37': a figure in
    brackets closed before the base is a part of the newer figure, not the newer figure."""
    between = ctx.text[n.end:base.start]
    close = between.find(")")
    return close >= 0 and "(" not in between[:close]


def _attach(cues: list[Cue], pairs: list[Pair], pending: list[Pair]) -> None:
    """Give each cue the nearest comparison of its sentence, else the previous sentence's."""
    for cue in cues:
        if cue.target is not None:
            continue
        near = [p for p in pairs if p.cue is None]
        if near:
            pair = min(near, key=lambda p: abs(p.start - cue.start))
            pair.cue, cue.used = cue, True
        elif pending and not _has_subject(cue, pairs):
            pending[-1].cue, cue.used = cue, True


def _has_subject(cue: Cue, pairs: list[Pair]) -> bool:
    return any(p.newer.sent == cue.sent for p in pairs)


# -- claims -------------------------------------------------------------------------------
def _stated(cue: Cue | None, direction: int) -> str:
    if cue is None:
        return "up from" if direction > 0 else "down from"
    if cue.factor is not None:  # "x2 (nearly)": the ratio newer / base
        return f"x{cue.factor:g}" + (f" ({cue.hedge})" if cue.hedge else "")
    sign = "-" if cue.direction < 0 else "+"
    items = []
    bound = f" ({cue.bound})" if cue.bound else ""
    if cue.absolute is not None:
        items.append(sign + _amount_text(cue.absolute) + (" (about)" if cue.about else "") + bound)
    if cue.pct_text is not None:
        items.append(f"{sign}{cue.pct_text}%" + (f" ({cue.words})" if cue.words else "")
                     + (" (about)" if cue.about and cue.absolute is None else "")
                     + (bound if cue.absolute is None else ""))
    return ", ".join(items)


def _amount_text(n: Num) -> str:
    """The amount as the judge reads it: '29', '64 billion', '2.5 million'."""
    digits = re.sub(r"^[^\w]+", "", n.surface)
    if re.fullmatch(r"[\d,.]+", digits):
        return _plain(digits)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if n.value >= scale and re.search(r"[a-z]", digits, re.I):
            return f"{n.value / scale:g} {word}"
    return str(int(n.value)) if n.value.is_integer() else f"{n.value:g}"


def _claim(ctx: Context, newer: Num | None, indicator: str, cue_span: tuple[int, int], s: int) -> Claim:
    fact = ctx.fact(newer) if newer is not None else None
    sentence = ctx.sentences[s].text
    year = _YEAR_AFTER.match(ctx.text, newer.end) if newer is not None else None
    year = year or YEAR.search(sentence)
    return Claim(doc=ctx.doc.doc, kind="change", indicator=indicator,
                 unit=newer.unit if newer is not None else "count",
                 period=fact.period if fact is not None else (year.group(1) if year else None),
                 crime=fact.crime if fact is not None else None, span=cue_span, sentence=sentence)


def _pair_claim(ctx: Context, pair: Pair) -> Claim:
    indicator = ctx.indicator_of(pair.newer) or ctx.indicator_of(pair.base) or \
        words_indicator(ctx.text[ctx.sentences[pair.base.sent].start:pair.base.start]) or "cases"
    cue = pair.cue
    span = (cue.start, cue.end) if cue else (pair.base.start, pair.base.end)
    claim = _claim(ctx, pair.newer, indicator, span, cue.sent if cue else pair.base.sent)
    claim.values = [pair.newer.value, pair.base.value]
    claim.stated = _stated(cue, pair.direction)
    claim.facts = [i for i in (pair.newer.fact, pair.base.fact) if i is not None]
    return claim


def _lone_cue(ctx: Context, cue: Cue, claims: list[Claim], derived: list[Fact], with_facts: bool) -> None:
    """A cue without a base in its sentence: find its subject, then a base by period."""
    newer = targeted(ctx, cue) if cue.target is not None else subject(ctx, cue)
    if cue.absolute is not None and _POINTS.match(ctx.text, cue.absolute.end) and (newer is None or newer.unit != "percent"):
        return  # "the share of minors rose by 5 points": a share no figure states
    if newer is not None and newer.fact is None and with_facts:
        return  # the change of a figure the extractor did not take (drug arrests, staff...)
    words = indicator_words(ctx, cue)
    if cue.target is not None and newer is None:  # "Investigations and prosecutions rose by 12 and 18 per cent respectively"
        named = indicators_in_order(ctx.text[ctx.sentences[cue.sent].start:cue.start])
        words = named[cue.target] if len(named) > cue.target else words
    subject_end = min(cue.start, newer.start) if newer is not None and newer.sent == cue.sent else cue.start
    # the subject's clause when the newer figure is known ('After training, | police rescued 300, up 20%'),
    # else the whole sentence before the change ('... detained 15,612 drug suspects, a rise of 8 percent')
    subject_start = _clause_start(ctx, cue.sent, subject_end) if newer is not None and newer.sent == cue.sent \
        else ctx.sentences[cue.sent].start
    if (newer is None and words is None) or ctx.off_topic(subject_start, subject_end) or _future(ctx, cue.start):
        return  # "set up 40 desks", "cybercrime cases rose by 5.9 per cent": no trafficking figure
    indicator = (ctx.indicator_of(newer) if newer else None) or words or "cases"
    claim = _claim(ctx, newer, indicator, (cue.start, cue.end), cue.sent)
    claim.stated = _stated(cue, cue.direction)
    claims.append(claim)
    if newer is None or newer.fact is None:
        return
    claim.facts = [newer.fact]
    stated_base = base_after_cue(ctx, cue, newer)
    if stated_base is not None:  # "The number of suspects rose by 146 from 552"
        claim.values = [newer.value, stated_base.value]
        claim.facts += [stated_base.fact] if stated_base.fact is not None else []
        return
    base = base_by_period(ctx, cue, newer.fact)
    if base is not None:
        claim.values = [newer.value, ctx.facts[base].value]
        claim.facts.append(base)
        return
    implied = implied_base(cue, newer.value)
    if implied is None:
        return
    fact = derived_fact(ctx, cue, newer.fact, implied)
    derived.append(fact)
    claim.facts.append(len(ctx.facts) + len(derived) - 1)
    if cue.absolute is not None and cue.pct is not None:
        claim.values = [newer.value, implied]  # both changes stated: the base is derived, the % checked


def _clause_start(ctx: Context, s: int, end: int) -> int:
    """Where the clause that ends at ``end`` starts: 'After training, | police rescued 300'."""
    start = ctx.sentences[s].start
    ends = [m.end() for m in _CLAUSE_BREAK.finditer(ctx.text, start, end)]
    return ends[-1] if ends else start

