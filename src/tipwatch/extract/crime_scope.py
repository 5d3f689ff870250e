"""Which crime words belong to which figure (SPEC section 4, the seed gold's convention).

A figure carries the crimes written in its own phrase or clause: "cracked down on 163 human
trafficking and sexual exploitation cases, while 438 victims were rescued" labels 163 and
not 438. The clause ends at "while", ", and ..." (a new subject: "..., and 19 people were
reported to prosecutors"; "... and the industry brings in $150 billion"). Within a clause holding several figures whose crime words differ ("50 million in
modern slavery, including 22 million in forced marriages"), each figure keeps the words
between it and the next figure; words before the first figure are the first figure's, and a
name in apposition ("the number exploited sexually, 4,014") is the figure's after it.
Crime words inside a body's name ("Inter-Agency Council Against Trafficking") label nothing.

A figure that only restates, continues or breaks down another one borrows that figure's
crimes: the total of a breakdown ("112 of the rescued victims", "Catalonia accounted for
288 victims", "By region, ..."), a figure restated later ("Of the 91 suspects arrested").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from tipwatch.extract.attributes import CrimeMention
from tipwatch.extract.figures import Figure
from tipwatch.extract.gazetteer import EntityMention
from tipwatch.extract.numbers import NumberMention

#: rule id of a figure whose clause names other crimes for its sibling figures but none for it
DISTRIBUTED = "crime.distributed"
_CRIME_CLAUSE = re.compile(
    r",\s+(?:and|(?:many|most|some|all|half|none|several)\s+of\s+(?:them|whom|which))\s+"
    r"|\s+and\s+(?=(?:the|a|an|its|their|this|these|those)\s+[a-z]+\s+(?:[a-z]+\s+)?"
    r"(?:[a-z]+s|[a-z]+ed|were|was|is|are|has|have|had)\b)")
_SMALL = frozenset({"of", "in", "on", "for", "and", "the", "against", "to"})
_TITLE_BEFORE = re.compile(r"(?-i:[A-Z][\w'’-]+)\s+(?:(?:of|on|in|for|against|the|and)\s+)*\Z")
#: "rescued 757 Cambodians from trafficking": the situation they left, not a label ("profits from forced labour" is
#: one, and so is a named form of exploitation: "rescued 3,190 workers from forced labour")
_FROM = re.compile(r"\b(?:rescued|freed|saved|removed|escaped|protected|liberated|released|pulled|recovered)\s+"
                   r"(?:[\w,'’-]+\s+){0,5}?from\s+\Z", re.IGNORECASE)
#: "rescued 45 migrants from trafficking networks": the words name the perpetrators, so they label the figure
_GROUP_AFTER = re.compile(r"\s+(?:networks?|rings?|gangs?|syndicates?|groups?|cartels?|organi[sz]ations?)\b", re.IGNORECASE)
#: what joins the numbers of a bare list that shares one noun ("12, 19 and 25 cases")
_BARE_LIST = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to)\s+")
_NOUN_GAP = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,3}")
_LEADS_FIGURE = re.compile(r"^\s+(?:was\s+the\s+\w+\s+)?(?:for|at|with)\s+(?:the\s+remaining\s+)?\Z")
_APPOSITION = re.compile(r"^\s*,\s*\Z")
_NUMBER_OF = re.compile(r"\b(?:the|a|its|their)\s+(?:\w+\s+)?(?:number|total|count|figure)\b", re.IGNORECASE)
_PARTITIVE_AFTER = re.compile(
    r"\s+of\s+(?:the|these|those|them|its|their|all|last\s+year's|this\s+year's|[A-Z]\w+'s)\b", re.IGNORECASE)
_PARTITIVE_BEFORE = re.compile(r"\b(?:accounted for|accounting for|account for|accounts for|another|a further|"
                               r"the remaining|the other)\s+(?:\w+\s+)?\Z",
                               re.IGNORECASE)
#: "Goiás was the state with most rescues (739), followed by Minas Gerais (651)": a named part in brackets
_PAREN_OPEN = re.compile(r"(?-i:[A-Z])[\w'’.-]*(?:\s+[\w'’.-]+){0,6}?\s+\(\Z")
_HEADING = re.compile(
    r"^\s*(?:By|Broken down by|Broken down)\s+(?:region|country|state|province|county|district|age|sex|gender|"
    r"nationality|type|form|sector|category|purpose|industry)\b", re.IGNORECASE)


def crime_clause(text: str, clause: tuple[int, int], pos: int, numbers: Sequence[NumberMention] = ()
                 ) -> tuple[int, int]:
    """The part of ``clause`` around ``pos`` that crime words must share with a figure.

    A part before a boundary that holds no other figure is not cut off: in "reported the most
    human trafficking cases, with 57 victims rescued", the crime words are the 57's.
    """
    start, end = clause
    for m in _CRIME_CLAUSE.finditer(text, clause[0], clause[1]):
        if m.end() <= pos:
            if any(start <= n.start < m.start() for n in numbers):
                start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def in_body_name(c: CrimeMention, bodies: Sequence[EntityMention], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, c.start) - 1
    return i >= 0 and bodies[i].start <= c.start < bodies[i].end


def in_title(text: str, c: CrimeMention) -> bool:
    """'Global Estimates of Modern Slavery', 'World Day Against Trafficking': words of a name."""
    words = [w for w in re.findall(r"[\w'’-]+", text[c.start:c.end]) if w.lower() not in _SMALL]
    if not words or not all(w[:1].isupper() for w in words):
        return False
    return bool(_TITLE_BEFORE.search(text, max(0, c.start - 40), c.start))


def own_crimes(text: str, found: Sequence[CrimeMention], clause: tuple[int, int], m: NumberMention,
               others: Sequence[NumberMention]) -> tuple[tuple[str, ...], str | None]:
    """The crime labels written in a figure's own clause (see the module docstring)."""
    start, end = crime_clause(text, clause, m.start, others)
    inside = [c for c in found if start <= c.start < end and not (
        set(c.crimes) <= {"trafficking"} and _FROM.search(text, max(start, c.start - 60), c.start)
        and not _GROUP_AFTER.match(text, c.end))
        and not _in_other_brackets(text, c, m, others)]
    if not inside:
        return (), None
    slots = sorted({n.start: n for n in others if start <= n.start < end and not _is_total(text, n)}.values(),
                   key=lambda n: n.start)
    if m.start not in {n.start for n in slots}:
        slots = sorted([*slots, m], key=lambda n: n.start)
    m = _list_tail(text, m, slots)
    owners = {c: _owner(text, c, slots) for c in inside}
    named = [c for c in inside if _in_noun_of_other(text, c, slots, m)]
    if named and len(named) == len(inside):
        return (), None  # "238 children rescued and 69 alleged human traffickers apprehended": 69's words
    if len(set(owners.values())) > 1:
        inside = [c for c in inside if owners[c] == m.start]
        if not inside:  # "... 634 for labour and 86 had been forced into criminal activity"
            return (), DISTRIBUTED
    crimes = tuple(sorted({x for c in inside for x in c.crimes}))
    return crimes, inside[-1].rule


def _list_tail(text: str, m: NumberMention, slots: Sequence[NumberMention]) -> NumberMention:
    """The last number of the bare list ``m`` opens or continues ("12, 19 and 25 trafficking cases"):
    the list's items share the noun and the crime words after the last one."""
    i = next(k for k, n in enumerate(slots) if n.start == m.start)
    while i + 1 < len(slots) and _BARE_LIST.fullmatch(text, slots[i].end, slots[i + 1].start):
        i += 1
    return slots[i]


def _in_other_brackets(text: str, c: CrimeMention, m: NumberMention, others: Sequence[NumberMention]) -> bool:
    """Crime words in a bracketed breakdown ("150 victims (53 in sex trafficking and 97 in labour
    trafficking), less than half the 312 victims ...") label the figures in the brackets only."""
    opened = text.rfind("(", max(0, c.start - 200), c.start)
    if opened < 0 or ")" in text[opened:c.start]:
        return False
    closed = text.find(")", c.end, c.end + 200)
    if closed < 0 or opened <= m.start < closed:
        return False
    return any(opened < n.start < closed for n in others if n.start != m.start)


def _in_noun_of_other(text: str, c: CrimeMention, slots: Sequence[NumberMention], m: NumberMention) -> bool:
    """Crime words inside another figure's noun phrase ("69 alleged human traffickers") are that figure's."""
    before = [n for n in slots if n.end <= c.start]
    return bool(before) and before[-1].start > m.start and bool(_NOUN_GAP.fullmatch(text, before[-1].end, c.start))


def _is_total(text: str, n: NumberMention) -> bool:
    """'97 of the 180 cases': the 180 restates the total, it starts no slot of its own."""
    return bool(re.search(r"\bof\s+(?:the\s+|all\s+)?\Z", text[max(0, n.start - 10):n.start]))


def _owner(text: str, c: CrimeMention, slots: Sequence[NumberMention]) -> int:
    after = [n for n in slots if n.start >= c.end]
    before = [n for n in slots if n.start <= c.start]
    if after and _LEADS_FIGURE.match(text[c.end:after[0].start]) and before and not _LEADS_FIGURE.match(
            text[before[-1].end:c.start]):
        return after[0].start  # "... for 68% of the victims, forced labour for 21%": the words lead their figure
    if after and _APPOSITION.match(text[c.end:after[0].start]) and (
            not before or _NUMBER_OF.search(text, before[-1].end, c.start)):
        return after[0].start  # "..., came close to the number exploited sexually, 4,014"
    return before[-1].start if before else slots[0].start


def is_partitive(text: str, m: NumberMention) -> bool:
    """'112 of the rescued victims', '7,019 of last year's referrals', 'accounted for 288 victims'."""
    return bool(_PARTITIVE_AFTER.match(text, m.end, m.end + 40)
                or _PARTITIVE_BEFORE.search(text, max(0, m.start - 30), m.start)
                or (_PAREN_OPEN.search(text, max(0, m.start - 40), m.start) and text.startswith(")", m.end)))


def is_heading(sentence_text: str) -> bool:
    """'By region, annual illegal profits are highest in ...': a breakdown of the last total."""
    return bool(_HEADING.match(sentence_text))


def total_of(fig: Figure, earlier: Sequence[Figure], text: str) -> Figure | None:
    """The earlier figure ``fig`` restates ("Of the 91 suspects arrested") or breaks down
    ("112 of the rescued victims", "accounted for 288 victims", "By region, ...").

    ``earlier`` are the document's figures before ``fig`` in text order.
    """
    restated = [f for f in earlier if f.indicator == fig.indicator and f.unit == fig.unit
                and f.mention.value == fig.mention.value]
    if restated:
        return restated[0]
    if fig.unit == "count" and is_partitive(text, fig.mention) or is_heading(fig.sentence.text):
        totals = [f for f in earlier if f.unit == fig.unit and f.head is None and not f.elliptical
                  and fig.sentence.index - f.sentence.index <= 5 and (f.role == fig.role or f.indicator == fig.indicator)
                  and (fig.unit != "count" or f.mention.value > fig.mention.value)]
        labelled = [f for f in totals if f.crimes]  # the stated total rather than a comparison's base
        if labelled or totals:
            return (labelled or totals)[-1]
    return None


def borrow(fig: Figure, total: Figure | None) -> str | None:
    """Give a figure without crimes of its own those of the figure it restates or breaks down."""
    if fig.crimes or total is None or not total.crimes:
        return None
    fig.crimes = total.crimes
    return "crime.restated" if total.mention.value == fig.mention.value else "crime.breakdown"
