"""`sum` claims whose parts stand in brackets right after their total.

"2,119 victims (2,043 female and 76 male)", "109 suspected traffickers (53 for sex trafficking,
54 for labour trafficking and two for unspecified forms)", "32 were minors (24 nationals and
eight foreigners)". Brackets after a figure that hold a list of two or more counts break that
figure down. The list is a claim when it adds up, or when it says it is whole (it names both
sides of a dimension, women and men, adults and children, nationals and foreigners, or closes
with "others"/"unspecified"): then a shortfall or an excess is a wrong breakdown. A bracket
opened by "including" may be partial and is left to the 'including' finder.
"""

from __future__ import annotations

import re

from tipwatch.extract.claims.cues import load_cues
from tipwatch.extract.claims.scan import Context, Num

#: What may stand between a total and its bracket: words (an age or a year, no figure), no clause break.
_LEAD = re.compile(r"[^().,;:]{0,60}\(\s*\Z")
#: What may stand between two counts of the list: "53 for sex trafficking, 54 ..., and two ..."
_JOIN = re.compile(r"[^\d();:]{0,60}?(?:,|\band\b|\bplus\b)[^\d();:]{0,40}", re.I)
_PARTIAL = re.compile(r"^\(\s*(?:including|incl\.|among\s+them|such\s+as|e\.\s?g\.)", re.I)
_WHOLE = re.compile(r"\b(?:others?|the\s+rest|remaining|unspecified|unknown|not\s+(?:recorded|known|stated))\b", re.I)
#: a bracket that gives another period's figures ("(57 adults and 42 children in 2017)")
_EARLIER_YEAR = re.compile(r"\b(?:in|for|during)\s+(?:FY\s*)?(?:19|20)\d\d\s*\Z|\b(?:compared|versus|vs\.?|against)\b", re.I)
_NATIONAL = re.compile(r"\b(?:nationals|citizens|locals)\b", re.I)
_FOREIGN = re.compile(r"\bforeign(?:ers|\s+nationals)?\b", re.I)


def find_bracketed(ctx: Context) -> list[tuple[Num, list[Num], bool, int]]:
    """(total, parts, complete, sentence) for every bracketed breakdown of a figure."""
    out: list[tuple[Num, list[Num], bool, int]] = []
    if "(" not in ctx.text:
        return out
    for s in range(len(ctx.sentences)):
        nums = [n for n in ctx.in_sentence(s) if _usable(n)]
        for k, total in enumerate(nums[:-2]):
            parts = _parts(ctx, total, nums[k + 1:])
            if parts is None:
                continue
            out.append((total, parts, True, s))
            total.roles.add("total")
            for p in parts:
                p.roles.add("part")
    return out


def _usable(n: Num) -> bool:
    return n.free and n.unit == "count" and not ({"part", "base", "total"} & n.roles)


def _parts(ctx: Context, total: Num, later: list[Num]) -> list[Num] | None:
    lead = ctx.text[total.end:later[0].start]
    if not _LEAD.fullmatch(lead):
        return None
    close = ctx.text.find(")", later[0].start)
    if close < 0 or _PARTIAL.match(lead[lead.rindex("("):]):
        return None
    run = [later[0]]
    for n in later[1:]:
        if n.start > close or not _JOIN.fullmatch(ctx.text[run[-1].end:n.start]):
            break
        run.append(n)
    inside = [n for n in ctx.between(later[0].start, close) if not n.skip]
    if len(run) < 2 or len(run) != len(inside) or any(p.value >= total.value for p in run) \
            or any(load_cues().not_counted.match(ctx.text, p.end) for p in run) or not _same_kind(ctx, total, run):
        return None
    got = sum(p.value for p in run)
    if abs(got - total.value) < 1e-6 * max(1.0, total.value):
        return run
    words = ctx.text[later[0].start:close]
    if _EARLIER_YEAR.search(words):
        return None  # "all nine were female (five females and one male in 2017)": another year's figures, not parts
    return run if ctx.exhaustive(run) or _WHOLE.search(words) or _both_origins(words) else None


def _same_kind(ctx: Context, total: Num, parts: list[Num]) -> bool:
    """The parts count what the total counts (no victims in a bracket after a case count)."""
    fam = ctx.family_of(total)
    return fam is None or all(ctx.family_of(p) in (None, fam) for p in parts)


def _both_origins(words: str) -> bool:
    """'24 nationals and eight foreigners': both sides of nationality."""
    return bool(_NATIONAL.search(words) and _FOREIGN.search(words))
