"""Who a change speaks of, when its sentence does not say it next to the change.

* the *subject* of a change stated alone: the figure before it in its sentence, the one after
  "to" ("rose by 25 per cent, to 150"), the figure an anaphor points back to ("This was 12 per
  cent more"), or the largest figure of the indicator that "The number of ..." names in the
  sentences before;
* a base stated after the change ("rose by 146 from 552", "..., when 1,491 were identified");
* the indicator a change's words name ("convictions" -> suspects_convicted);
* a change stated for a group ("a rise of 33 per cent in female victims") whose figures the
  next sentence gives ("42 were female, up from 27").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tipwatch.extract.claims.scan import Context, Num, anchor_family
from tipwatch.model import Fact

if TYPE_CHECKING:
    from tipwatch.extract.claims.changes import Cue, Pair

_TO_AFTER = re.compile(r"^\s*(?:%|per\s?cent|percent)?(?:\s*(?:[a-z-]+\s*){0,2}\))?\s*(?:(?:in|during)\s+(?:fiscal\s+)?(?:19|20)\d\d\s*)?,?\s*(?:to|at)\s+(?:(?:about|around|nearly|almost|some)\s+)?[$€£]?\Z", re.I)

_FROM_AFTER = re.compile(r"^\s*,?\s*(?:\w+\s+)?(?:from|on|over|compared\s+(?:to|with))\s+(?:the\s+)?\Z", re.I)

#: "rose by 23.5 per cent compared with 2022, when 1,491 were identified": the base after 'when'
_WHEN_AFTER = re.compile(r"^\s*(?:(?:%|per\s?cent|percent)\s*)?(?:(?:increase|rise|jump|growth|decrease|decline|drop|fall|"
                         r"reduction)\s+)?(?:from|on|over|than|compared\s+(?:to|with))\s+[^.;\d]{0,40}?(?:(?:19|20)\d\d)?"
                         r"[^.;\d]{0,20}?,\s+when\s+(?:[\w-]+\s+){0,3}\Z", re.I)

#: The groups a change may be stated for: "a rise of 33 per cent in female victims"
_GROUP_WORDS = {
    "female": r"female|females|women|girls",
    "male": r"male|males|men|boys",
    "child": r"child|children|minors?",
    "adult": r"adults?",
}
_GROUPS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"\b(?:{words})\b", re.I)) for name, words in _GROUP_WORDS.items())

_GROUP_AFTER = re.compile(r"\s*(?:%|per\s?cent|percent)?\s+(?:in|among)\s+(?:the\s+number\s+of\s+)?"
                          rf"(?P<g>{'|'.join(_GROUP_WORDS.values())})\b", re.I)

#: "an overall increase of 26 per cent on 2022": the base year named right after a change
_BASE_YEAR_AFTER = re.compile(r"\s*(?:%|per\s?cent|percent)?\s*(?:on|over|from|compared\s+(?:to|with)|against|"
                              r"in\s+comparison\s+with)\s+((?:19|20)\d\d)\b(?!\s*[-/]\d)", re.I)
#: How many sentences before such a change its figure may stand.
HEADLINE_REACH = 4

YEAR = re.compile(r"\b((?:19|20)\d\d)\b")

ANAPHOR = re.compile(r"^\W*(?:(?:The|Their|Its)\s+(?:total|figure|number|tally|count|(?:19|20)\d\d\s+figure)\b(?!\s+of)|This\b|"
                     r"That\b|It\b|The\s+\S+\s+(?:cases|victims|figure)\s+were\b)", re.I)

#: A comparison that opens a sentence before its subject: "In comparison with 2022, ...".
_OPENER = re.compile(r"^\W*(?:(?:As\s+)?[Cc]ompared\s+(?:to|with)|(?:In\s+)?[Cc]omparison\s+(?:to|with)|"
                     r"(?:As\s+)?[Aa]gainst|[Rr]elative\s+to)\b[^,.;]{0,60},\s*")

_NUMBER_OF = re.compile(r"\bthe\s+number\s+of\b|^\W*[A-Z][a-z]+\s+(?:for|of)\b|^\W*(?:Convictions|Arrests|Cases|"
                        r"Victims|Rescues|Complaints|Referrals)\b", re.I)

_INDICATOR_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("suspects_convicted", re.compile(r"\bconvictions?\b|\bconvicted\b", re.I)),
    ("suspects_arrested", re.compile(r"\barrests?\b|\barrested\b|\bcaught\b|\bdetained\b", re.I)),
    ("suspects_prosecuted", re.compile(r"\bprosecutions?\b|\bprosecuted\b|\bcharged\b", re.I)),
    ("suspects", re.compile(r"\bsuspects?\b|\btraffickers\b|\boffenders\b", re.I)),
    ("victims_referred", re.compile(r"\breferrals?\b", re.I)),
    ("complaints", re.compile(r"\bcomplaints?\b|\breports\b", re.I)),
    ("cases", re.compile(r"\bcases?\b|\boffen[cs]es\b|\bcrimes\b|\binvestigations\b", re.I)),
    ("victims", re.compile(r"\bvictims?\b|\brescues\b|\brescued\b|\bchildren\b|\bminors\b", re.I)),
)


def group_of(ctx: Context, cue: Cue) -> str | None:
    """'a rise of 33 per cent in female victims' in a sentence with no count of its own: the group
    whose figures may follow in the next sentence ('42 were female, up from 27')."""
    m = _GROUP_AFTER.match(ctx.text, cue.end)
    if m is None or any(n.free and n.unit == "count" for n in ctx.in_sentence(cue.sent)):
        return None
    word = m.group("g").lower()
    return next(name for name, pattern in _GROUPS if pattern.fullmatch(word))


def attach_group(ctx: Context, held: list[tuple[Cue, str]], pairs: list[Pair]) -> None:
    """Give a held group change the one comparison of the next sentence about that group."""
    for cue, group in held:
        pattern = dict(_GROUPS)[group]
        mine = [p for p in pairs if p.cue is None and p.newer.sent == cue.sent + 1 and p.direction == cue.direction
                and (pattern.search(ctx.words_after(p.newer)) or pattern.search(_clause_before(ctx, p.newer)))]
        if len(mine) == 1:
            mine[0].cue, cue.used = cue, True


def _clause_before(ctx: Context, n: Num) -> str:
    """The words of a number's clause before it ('Child victims fell to' 90)."""
    head = ctx.text[max(ctx.sentences[n.sent].start, n.start - 60):n.start]
    return re.split(r"[,;:]|\bwhile\b|\bwhereas\b", head)[-1]


def subject_before(ctx: Context, s: int, pos: int, unit: str, fam: str | None) -> Num | None:
    """The figure a sentence starting 'This is', 'The 2020 figure was' or 'That is' speaks of."""
    head = ctx.text[ctx.sentences[s].start:pos]
    year = YEAR.search(head)
    everything = [n for n in ctx.in_sentence(s - 1) if n.free and n.unit == unit]
    if fam is not None:
        everything = [n for n in everything if ctx.family_of(n) in (None, fam)] or everything
    if year:
        dated = [n for n in everything if _dated(ctx, n, year.group(1))]
        if dated:
            return dated[0]
    cands = [n for n in everything if "base" not in n.roles]
    return cands[0] if cands else None


def _dated(ctx: Context, n: Num, year: str) -> bool:
    fact = ctx.fact(n)
    if fact is not None and fact.period and fact.period.startswith(year):
        return True
    return year in ctx.text[n.end:n.end + 20]


def base_after_cue(ctx: Context, cue: Cue, newer: Num) -> Num | None:
    """'rose by 146 from 552' whose newer figure stands in an earlier sentence, or '... compared
    with 2021, when 571 were recorded': the base follows."""
    after = [n for n in ctx.in_sentence(cue.sent) if n.free and n.start >= cue.end and n.unit == newer.unit
             and "base" not in n.roles and "newer" not in n.roles]
    between = ctx.text[cue.end:after[0].start] if after else ""
    if not after or not (newer.sent != cue.sent and _FROM_AFTER.match(between) or _WHEN_AFTER.match(between)):
        return None  # "..., up 12 per cent compared with 2021, when 571 were recorded" in one sentence too
    after[0].roles.add("base")
    return after[0]


def targeted(ctx: Context, cue: Cue) -> Num | None:
    """The k-th figure of the sentence before a 'respectively' list."""
    own = [n for n in ctx.in_sentence(cue.sent) if n.free and n.fact is not None and n.end <= cue.start]
    figures = own or [n for n in ctx.in_sentence(cue.sent - 1) if n.free and n.fact is not None]
    assert cue.target is not None
    return figures[cue.target] if cue.target < len(figures) else None


def subject(ctx: Context, cue: Cue) -> Num | None:
    unit = cue.absolute.unit if cue.absolute is not None else None
    after = [n for n in ctx.in_sentence(cue.sent) if n.free and n.start >= cue.end and n.unit != "percent"
             and "base" not in n.roles]
    if after and _TO_AFTER.match(ctx.text[cue.end:after[0].start]):
        return after[0]  # "increased by 25 per cent, to 150"; "... and arrests rose 20% to 60"
    own = [n for n in ctx.in_sentence(cue.sent) if n.free and n.end <= cue.start and n.unit != "percent"
           and (unit is None or n.unit == unit) and "base" not in n.roles]
    if own:
        return own[-1]
    head = ctx.text[ctx.sentences[cue.sent].start:cue.start]
    opener = _OPENER.match(head)  # "Compared to the same period last year, their number rose by 28 per cent"
    if ANAPHOR.match(head[opener.end():] if opener else head):
        return subject_before(ctx, cue.sent, cue.start, unit or "count", None)
    wanted = indicator_words(ctx, cue, subject_only=True)
    headline = _headline(ctx, cue, wanted)
    if headline is not None:
        return headline
    if wanted is None or not _NUMBER_OF.search(head):
        return None
    lo = max(0, cue.sent - 8)
    cands = [n for s in range(lo, cue.sent) for n in ctx.in_sentence(s)
             if n.free and n.fact is not None and ctx.facts[n.fact].indicator == wanted and "base" not in n.roles]
    # the group's total ('the number of identified children': all the report's victims are children)
    cands = [n for n in cands if not _breakdown(ctx.facts[n.fact])] or cands  # type: ignore[index]
    return max(cands, key=lambda n: n.value) if cands else None


def _headline(ctx: Context, cue: Cue, wanted: str | None) -> Num | None:
    """'The report records an overall increase of 26 per cent on 2022': a change in a sentence
    with no count of its own, against a named year, speaks of the largest figure of the year after
    in the sentences just before, when they give one indicator for that year (or the change's
    words name it)."""
    m = _BASE_YEAR_AFTER.match(ctx.text, cue.end)
    if m is None or any(n.free and n.unit == "count" and n.fact is not None for n in ctx.in_sentence(cue.sent)):
        return None
    year = str(int(m.group(1)) + 1)
    cands = [n for s in range(max(0, cue.sent - HEADLINE_REACH), cue.sent) for n in ctx.in_sentence(s)
             if n.free and n.fact is not None and n.unit == "count" and ctx.facts[n.fact].period == year
             and not _breakdown(ctx.facts[n.fact]) and "base" not in n.roles]
    if wanted is not None:
        cands = [n for n in cands if ctx.facts[n.fact].indicator == wanted]  # type: ignore[index]
    elif len({ctx.facts[n.fact].indicator for n in cands}) != 1:  # type: ignore[index]
        return None
    if not cands:
        return None
    cue.headline = True
    return max(cands, key=lambda n: n.value)


def _breakdown(fact: Fact) -> bool:
    return any((fact.age, fact.sex, fact.nationality, fact.location))


def indicator_words(ctx: Context, cue: Cue, subject_only: bool = False) -> str | None:
    sent = ctx.sentences[cue.sent]
    head = ctx.text[sent.start:cue.start]
    tail = "" if subject_only else ctx.text[cue.start:min(sent.end, cue.end + 30)]
    return words_indicator(head) or words_indicator(tail)


def indicators_in_order(words: str) -> list[str]:
    """The indicators a phrase names, in the order it names them: 'Investigations and prosecutions'
    -> [cases, suspects_prosecuted] (for 'rose by 12 and 18 per cent respectively')."""
    found: dict[str, int] = {}
    for indicator, pattern in _INDICATOR_WORDS:
        m = pattern.search(words)
        if m is not None and indicator not in found and m.start() not in found.values():
            found[indicator] = m.start()
    return sorted(found, key=lambda k: found[k])


def words_indicator(words: str) -> str | None:
    """The indicator a phrase names: 'convictions' -> suspects_convicted, 'the victims' -> victims."""
    for indicator, pattern in _INDICATOR_WORDS:
        if pattern.search(words):
            return indicator
    fam = anchor_family(words)
    return fam if fam in ("cases", "victims") else None
