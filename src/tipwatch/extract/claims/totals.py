"""`sum` claims whose total is named where the breakdown finders of :mod:`sums` do not look.

* a total *after* its parts: "62 new cases in January, 61 in February and 77 in March —
  altogether 200 new cases", "..., 412 in all";
* a total that "of whom"/"of which" breaks down in the same sentence: "120 people were
  named, of whom 90 were arrested; the remaining 30 are at large";
* percentage shares that should make 100 (see :mod:`sums`);
* a total over several years and the figure of each year: "7,430 cases during 2016 and
  2017" against the 2016 total of 4,096 and the 3,334 of 2017.

As in :mod:`sums`, a list counts as complete only when it says so (a closing "the
remaining"/"the rest", a total named "altogether"); otherwise a claim is made only when the
parts add up, so that a list of some of the regions is not taken for a wrong breakdown.
"""

from __future__ import annotations

import re

from tipwatch.extract.claims.scan import Context, Num
from tipwatch.model import Claim, Fact

#: "..., a total of 63", "altogether 200", "bringing the total number of trafficking cases to 63" (a running
#: total, "taking this year's tally to 85", may count earlier figures too: its parts must make it exactly)
_ALTOGETHER_BEFORE = re.compile(r"\b(?:altogether|in\s+all|in\s+total|a\s+total\s+of|totall?ing|"
                                r"making\s+(?:a\s+total\s+of\s+)?|(?P<running>"
                                r"(?:bringing|brings|brought|taking|takes|raising)\s+(?:the|their|its)\s+(?:[\w-]+\s+)?(?:overall\s+|total\s+)?"
                                r"(?:total|number|tally|count)(?:\s+[\w-]+){0,5}?\s+to))\s*,?\s*(?:of\s+)?\Z", re.I)
#: "30 in all", "30 victims of human trafficking in total" (the total's noun phrase before the word)
_ALTOGETHER_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+){0,5}?(?:altogether|in\s+all|in\s+total)\b", re.I)
_OF_WHOM = re.compile(r",?\s+of\s+(?:whom|which|these|them)\s*,?\s*\Z", re.I)
#: "191 of whom were ...", "289 of them women": the first part names the total it belongs to
_OF_WHOM_AFTER = re.compile(r"\s+of\s+(?:whom|them|which|these)\b", re.I)
#: Where a list of parts ends: "..., as well as 54 children", "; 38 were", "compared with 328", a
#: sub-list "(196)", "mostly from"
_LIST_END = re.compile(r"[;()]|\bmostly\b|\bmainly\b|\bincluding\b|\bas\s+well\s+as\b|\bwhile\b|\bwhereas\b|\bcompar(?:ed|es)\b|\bagainst\b|\bup\s+from\b|"
                       r"\bdown\s+from\b", re.I)
#: a sentence that goes on with the rest of a list ("Another 22 ...", "The remaining 14 ...", "Others ...")
OTHER_OPENS = re.compile(r"^\W*(?:A\s+further|Another|The\s+remaining|The\s+rest|The\s+other|Others?)\b", re.I)
_CLOSES = re.compile(r"\b(?:the\s+)?(?:remaining|rest|others?)\b", re.I)
_REST_BEFORE = re.compile(r"\b(?:the\s+)?(?:remaining|rest|other)\s+(?:of\s+the\s+)?\Z", re.I)
#: A table row written as a line: a short label, a colon or dash, one figure ('Women: 62', 'Forced labour – 31')
_LABEL_ROW = re.compile(r"\s*[-•*]?\s*[A-Za-z][\w ,/()'-]{0,40}?\s*(?::|\s[-–—])\s*", re.I)
_TOTAL_ROW = re.compile(r"\s*(?:Total|In\s+total|Overall|Grand\s+total|All)\b[\w ]{0,30}?\s*(?::|\s[-–—])?\s*", re.I)
_ROW_END = re.compile(r"\s*(?:%|per\s?cent|persons|people|victims|cases)?\s*[.;]?\s*", re.I)
_YEARS = re.compile(r"^((?:19|20)\d\d)-01-01/((?:19|20)\d\d)-12-31\Z")
_BOUND_BEFORE = re.compile(r"\b(?:less\s+than|under|fewer\s+than|below)\s+\Z", re.I)
_BRACKET = re.compile(r"\(\s*\Z")
_OTHERS = re.compile(r"\b(?:the\s+rest|remaining|others?|unknown|not\s+(?:recorded|known|stated))\b", re.I)
_SAME = ("indicator", "unit", "place", "age", "sex", "nationality", "location")


def find_totals(ctx: Context) -> list[tuple[Num, list[Num], bool, int]]:
    """(total, parts, complete, sentence) of the lists with a total after or 'of whom' before."""
    out: list[tuple[Num, list[Num], bool, int]] = []
    for s in range(len(ctx.sentences)):
        nums = [n for n in ctx.in_sentence(s) if _ok(n)]
        out.extend(_altogether(ctx, s, nums))
        out.extend(_of_whom(ctx, s, nums))
        out.extend(_table_rows(ctx, s))
    for total, parts, _complete, _s in out:
        total.roles.add("total")
        for p in parts:
            p.roles.add("part")
    return out


def _ok(n: Num) -> bool:
    return n.free and n.unit != "percent" and not ({"part", "base", "total"} & n.roles)


def _adds_up(total: Num, parts: list[Num]) -> bool:
    return abs(sum(p.value for p in parts) - total.value) < 1e-6 * max(1.0, total.value)


def _same_family(ctx: Context, total: Num, parts: list[Num]) -> bool:
    fam = ctx.family_of(total)
    return fam is not None and all(ctx.family_of(p) in (None, fam) for p in parts) \
        and any(ctx.family_of(p) == fam for p in parts)


def _altogether(ctx: Context, s: int, nums: list[Num]) -> list[tuple[Num, list[Num], bool, int]]:
    for k, n in enumerate(nums):
        before = ctx.text[max(ctx.sentences[s].start, n.start - 70):n.start]
        named = _ALTOGETHER_BEFORE.search(before)
        if not (named or _ALTOGETHER_AFTER.match(ctx.text[n.end:n.end + 60])):
            continue
        parts = [p for p in nums[:k] if p.unit == n.unit]
        running = named is not None and named.group("running") is not None
        if len(parts) < 2 or not (_adds_up(n, parts) or not running and _same_family(ctx, n, parts)):
            if k == 0 and s > 0:  # "... 120 women and 80 children. In total, 200 victims ..."
                earlier = [p for p in ctx.in_sentence(s - 1) if _ok(p) and p.unit == n.unit]
                if len(earlier) >= 2 and _adds_up(n, earlier) and _same_family(ctx, n, earlier):
                    return [(n, earlier, True, s)]
            continue
        return [(n, parts, True, s)]
    return []


def _table_rows(ctx: Context, s: int) -> list[tuple[Num, list[Num], bool, int]]:
    """A table written as lines, 'Women: 62' / 'Men: 31' / 'Children: 18' / 'Total: 111': the rows
    just before (or just after) a 'Total' row are its parts, and a table is whole."""
    total = _row(ctx, s, _TOTAL_ROW)
    if total is None:
        return []
    for step in (-1, 1):
        parts: list[Num] = []
        k = s + step
        while 0 <= k < len(ctx.sentences) and (row := _row(ctx, k, _LABEL_ROW)) is not None and row.unit == total.unit:
            parts.append(row)
            k += step
        if len(parts) >= 2:
            return [(total, sorted(parts, key=lambda n: n.start), True, s)]
    return []


def _row(ctx: Context, s: int, label: re.Pattern[str]) -> Num | None:
    nums = ctx.in_sentence(s)
    if len(nums) != 1 or not _ok(nums[0]):
        return None
    sent = ctx.sentences[s]
    n = nums[0]
    whole = label.fullmatch(ctx.text, sent.start, n.start) and _ROW_END.fullmatch(ctx.text, n.end, sent.end)
    return n if whole else None


def _of_whom(ctx: Context, s: int, nums: list[Num]) -> list[tuple[Num, list[Num], bool, int]]:
    """'58 complaints, of which 31 ... and 29 ...' and '302 victims, 191 of whom ... and 111 ...'."""
    for k, n in enumerate(nums[1:], start=1):
        total = nums[k - 1]
        between = ctx.text[total.end:n.start]
        if not (_OF_WHOM.search(between) or ("," in between and len(between) <= 80 and not _LIST_END.search(between)
                                             and _OF_WHOM_AFTER.match(ctx.text, n.end))):
            continue
        if _closes_aside(between):  # "164 victims in 2023 (147 in 2022), of whom ...": not the aside's figure
            opening = ctx.text.rfind("(", ctx.sentences[s].start, total.start)
            outside = [m for m in nums[:k - 1] if m.end <= opening]
            if not outside:
                continue
            total = outside[-1]
        parts = [n]
        fam = ctx.family_of(total)
        for p in nums[k + 1:]:
            gap = ctx.text[parts[-1].end:p.start]
            if p.unit != total.unit or (_LIST_END.search(gap) and not _CLOSES.search(gap)) \
                    or fam is not None and ctx.family_of(p) not in (None, fam):
                break  # "...; the remaining 60" goes on; "..., and arrested 22 suspects" does not
            parts.append(p)
        parts += _goes_on(ctx, s, total) if len(parts) == 1 else []
        if len(parts) < 2 or any(p.value >= total.value for p in parts):
            continue
        closed = bool(_CLOSES.search(ctx.text[parts[0].end:parts[-1].start]))
        over = sum(p.value for p in parts) > total.value
        if _adds_up(total, parts) or closed or over or ctx.exhaustive(parts):
            return [(total, parts, True, s)]
    return []


def _closes_aside(between: str) -> bool:
    close = between.find(")")
    return close >= 0 and "(" not in between[:close]


def _goes_on(ctx: Context, s: int, total: Num) -> list[Num]:
    """'..., of whom 2,675 were exploited in France. The other 319 had been exploited abroad.'"""
    if s + 1 >= len(ctx.sentences) or not OTHER_OPENS.match(ctx.sentences[s + 1].text):
        return []
    nums = [n for n in ctx.in_sentence(s + 1) if _ok(n) and n.unit == total.unit]
    return nums[:1]


# -- totals over several years ------------------------------------------------------------
def period_sums(ctx: Context) -> list[Claim]:
    """A fact over whole years (2016-01-01/2017-12-31) against one figure of each year."""
    claims: list[Claim] = []
    num_of = {n.fact: n for n in ctx.nums if n.fact is not None}
    for i, fact in enumerate(ctx.facts):
        m = _YEARS.match(fact.period or "")
        if fact.derived or m is None or not 1 <= int(m.group(2)) - int(m.group(1)) <= 10:
            continue
        parts: list[int] = []
        for year in range(int(m.group(1)), int(m.group(2)) + 1):
            cands = [j for j, f in enumerate(ctx.facts) if not f.derived and f.period == str(year)
                     and all(getattr(f, a) == getattr(fact, a) for a in _SAME)
                     and (f.crime == fact.crime or None in (f.crime, fact.crime))]
            totals = [j for j in cands if j in num_of and "total" in num_of[j].roles]
            pick = totals if len(totals) == 1 else cands
            if len(pick) != 1:
                break
            parts.append(pick[0])
        else:
            claims.append(_claim(ctx, i, parts))
    return claims


def _claim(ctx: Context, total: int, parts: list[int]) -> Claim:
    fact: Fact = ctx.facts[total]
    values = [ctx.facts[j].value for j in parts]
    return Claim(doc=ctx.doc.doc, kind="sum", indicator=fact.indicator, total=float(fact.value),
                 parts=[float(v) for v in values], unit=fact.unit, stated="breakdown", period=fact.period,
                 crime=fact.crime, span=fact.span, sentence=fact.sentence, facts=[total, *parts])


# -- percentage shares --------------------------------------------------------------------
def shares(ctx: Context) -> list[Claim]:
    claims: list[Claim] = []
    run: list[Num] = []
    for s in range(len(ctx.sentences) + 1):
        shares = [n for n in ctx.in_sentence(s) if n.free and n.unit == "percent"
                  and not ({"base", "newer"} & n.roles)]
        whole = _whole_sentence(ctx, shares)
        if whole:  # "76% ..., 15% ..., 7% ... and 2% ...; less than 1% other forms": one sentence makes 100
            if len(run) >= 3 and 90 <= sum(n.value for n in run) <= 110 or _paired(ctx, run) or _two_sides(ctx, run):
                claims.append(_share_claim(ctx, run))
            claims.append(_share_claim(ctx, whole))
            run = []
            continue
        if shares and not re.search(r"respectively", ctx.sentences[s].text, re.I):
            if _two_sides(ctx, run) or _paired(ctx, run):  # "71% were women and girls and 29% men and boys. Nearly
                claims.append(_share_claim(ctx, run))    # half were trafficked for ...": a split already whole
                run = []
            run.extend(shares)
            continue
        if len(run) >= 3 and 90 <= sum(n.value for n in run) <= 110 or _paired(ctx, run) or _two_sides(ctx, run):
            claims.append(_share_claim(ctx, run))
        run = []
    return claims


def _whole_sentence(ctx: Context, shares: list[Num]) -> list[Num]:
    """Three or more shares of one sentence that make 100 (within a point of rounding), leaving
    out a residual bound ('less than 1% other forms')."""
    parts = [n for n in shares if not _BOUND_BEFORE.search(ctx.text, max(0, n.start - 15), n.start)]
    return parts if len(parts) >= 3 and 99 <= sum(n.value for n in parts) <= 101 else []


def _paired(ctx: Context, run: list[Num]) -> bool:
    """Two shares in brackets after their counts, '510 (50.69 per cent) ... 496 (49.30 per cent)',
    that make 100 within rounding: a two-way split."""
    if len(run) != 2 or any(not re.search(r"\(\s*\Z", ctx.text[n.start - 3:n.start]) for n in run):
        return False
    decimals = max(len(n.surface.split(".")[1]) if "." in _digits(n.surface) else 0 for n in run)
    return abs(sum(n.value for n in run) - 100) <= 10 ** -decimals + 1e-9


def _two_sides(ctx: Context, run: list[Num]) -> bool:
    """'68% were female and 32% male': two shares of one sentence naming both sides of a dimension."""
    if len(run) != 2 or run[0].sent != run[1].sent or any(_BRACKET.search(ctx.text, n.start - 3, n.start) for n in run):
        return False  # bracketed shares of counts are _paired's
    # "women and girls accounting for 60% and men and boys for 40%", "Women made up 71% of victims,
    # and 29% were men": each share's words before it (from its clause's start) and after it
    clause = max(ctx.sentences[run[0].sent].start, ctx.text.rfind(",", 0, run[0].start) + 1, run[0].start - 60)
    labels = [ctx.text[clause:run[0].start] + ctx.words_after(run[0]),
              ctx.text[run[0].end:run[1].start] + ctx.words_after(run[1])]
    if _REST_BEFORE.search(ctx.text, max(0, run[1].start - 30), run[1].start) and ctx.two_labels(labels):
        return True  # "women made up 71% ... and men the remaining 29%": the second share is the rest
    if _OTHERS.search(ctx.sentences[run[0].sent].text):
        return False
    # (only when they make 100: 'women ... 62% and men ... 30%' may leave the children out)
    return ctx.exhaustive(run) or ctx.two_labels(labels) and 99 <= sum(n.value for n in run) <= 101


def _digits(surface: str) -> str:
    return re.sub(r"[^\d.]", "", surface)


def _share_claim(ctx: Context, run: list[Num]) -> Claim:
    first = run[0]
    indicator = ctx.indicator_of(first)
    if indicator is None:
        before = [n for n in ctx.nums if n.end <= first.start and n.fact is not None and n.unit != "percent"]
        indicator = ctx.facts[before[-1].fact].indicator if before and before[-1].fact is not None else "victims"
    fact = ctx.fact(first)
    return Claim(doc=ctx.doc.doc, kind="sum", indicator=indicator, total=100.0, parts=[n.value for n in run],
                 unit="percent", stated="shares", period=fact.period if fact else None,
                 span=(first.start, run[-1].end), sentence=ctx.sentences[first.sent].text,
                 facts=[n.fact for n in run if n.fact is not None])
