"""Splits: a total broken down by sex, age group or origin (nationals and foreigners) in one sentence.

"arrested 31 suspects (16 males and 15 females)", "out of the 93 rescued victims, 10 were
males and 83 were females", "rescued 57 victims, 41 women and 16 men", "64 children: 40 girls
and 24 boys". The extractor has already read each part's sex or age; a run of parts right after
their total that covers both sexes (or both minors and adults) once each is a complete
breakdown, so the judge can call it consistent or inconsistent. Parts of one sex only, mixed
dimensions ("women and children") or lists opened by "including" are left to the other finders.
"""

from __future__ import annotations

import re

from tipwatch.extract.claims.scan import Context, Num
from tipwatch.model import Fact

_INCLUDING = re.compile(r"\b(?:including|included|includes|include|among\s+them|such\s+as)\b", re.I)
#: the two halves of each dimension that together make a whole
_COMPLETE = {"sex": frozenset({"female", "male"}), "age": frozenset({"<18", "18+"})}


def find_splits(ctx: Context) -> list[tuple[Num, list[Num], bool, int]]:
    """(total, parts, complete, sentence) for every sex or age split of a total."""
    out: list[tuple[Num, list[Num], bool, int]] = []
    for s in range(len(ctx.sentences)):
        nums = [n for n in ctx.in_sentence(s) if _usable(n, "base")]
        for k, total in enumerate(nums):
            # a comparison's base may be split in turn ('compared with 112 in 2022, when 70 were women and 42 men')
            parts = _parts_after(ctx, total, [n for n in nums[k + 1:] if _usable(n)])
            if parts:
                out.append((total, parts, True, s))
                total.roles.add("total")
                for p in parts:
                    p.roles.add("part")
                break
    return out


def _usable(n: Num, allowed: str = "") -> bool:
    return n.free and n.fact is not None and n.unit == "count" and not ({"part", "base", "total"} - {allowed}) & n.roles


def _parts_after(ctx: Context, total: Num, later: list[Num]) -> list[Num]:
    head = ctx.facts[total.fact] if total.fact is not None else None
    if head is None or head.sex is not None or head.age not in (None, "<18") or head.derived:
        return []
    run: list[Num] = []
    for n in later:
        fact = ctx.facts[n.fact] if n.fact is not None else None
        if fact is None or fact.indicator != head.indicator or n.value >= total.value:
            break
        run.append(n)
        if len(run) == 2:
            break
    if len(run) != 2 or _INCLUDING.search(ctx.text, total.end, run[0].start):
        return []
    if any(not n.skip and n.unit == "count" for n in ctx.between(total.end, run[0].start)):
        return []  # "150 victims, compared with 112 in 2022, when 70 were women and 42 men": the 112's split
    facts = [ctx.facts[n.fact] for n in run if n.fact is not None]
    return run if _dimension(head, facts) is not None else []


def _dimension(head: Fact, parts: list[Fact]) -> str | None:
    """'sex' or 'age' when the parts are the two halves of it (and agree on the other one)."""
    sexes = frozenset(p.sex for p in parts)
    if sexes == _COMPLETE["sex"] and len({p.age for p in parts}) == 1:
        return "sex"
    ages = frozenset(p.age for p in parts)
    if head.age is None and ages == _COMPLETE["age"] and len({p.sex for p in parts}) == 1:
        return "age"
    origins = [p.nationality for p in parts]
    if head.nationality is None and "foreign" in origins and None not in origins and len(set(origins)) == 2 \
            and len({(p.sex, p.age) for p in parts}) == 1:
        return "nationality"  # "118 persons, 71 Peruvians and 45 foreigners": nationals and foreigners
    return None
