"""`sum` claims: parts that break a total down.

Lists are recognised by how they are introduced:

* ``including``/``included`` lists ("757 Cambodians ..., including 351 from Malaysia, ...")
  may be partial: the judge calls a shortfall `unverifiable`, not wrong;
* complete breakdowns: "Of that number, ...", "Of the 263 victims ...", "Broken down by
  age, ...", "A breakdown showed that ...", a colon list ("356 victims: 241 women, ...");
* open lists, "112 of the rescued victims", that go on in the next sentences ("Another 95
  ...", "The remaining 87 ..."): they count as complete only when closed by "the remaining"
  or "the rest", or when named a breakdown; otherwise a claim is made only if the parts add
  up, since a list of the top three provinces is no breakdown;
* percentage shares (:mod:`totals`): three or more shares in a run of sentences that add up
  to 90-110, or two bracketed shares that make 100 within rounding, make a sum with unit
  ``percent`` and total 100.

Parts must describe one dimension of people: "22 were women and 14 were foreigners" is no
breakdown (sex and age against nationality); other dimensions are not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipwatch.extract.claims.brackets import find_bracketed
from tipwatch.extract.claims.cues import load_cues
from tipwatch.extract.claims.scan import Context, Num, anchor_family, fact_family
from tipwatch.extract.claims.splits import find_splits
from tipwatch.extract.claims.totals import OTHER_OPENS, find_totals, period_sums, shares
from tipwatch.extract.classify import CASE_OUTCOME
from tipwatch.model import Claim

_INCLUDING = re.compile(r"\b(?:including|included|includes|include|among\s+(?:them|whom))\b", re.I)
_OF_ANCHOR = re.compile(r"^\W*(?:(?:Similarly|Likewise|Meanwhile|In\s+addition|Also|However|But|And),?\s+)?"
                        r"(?:According\s+to\b[^,]{0,150},\s+)?"
                        r"(?:Of|Among)\s+(?P<ph>(?:the|that|these|those|this|them)\b[^,]{0,80}?)(?:,|(?<=\bthem)\s(?=\d))", re.I)
_BREAKDOWN = re.compile(r"\b(?:broken\s+down|breakdown|by\s+(?:age|sex|gender|region|nationality|country|"
                        r"province|type|form|purpose))\b", re.I)
_LIST_OPEN = re.compile(r":|\s[—–]\s*|\b(?:comprised|comprising|consisted\s+of|consisting\s+of|(?:was|were)\s+made\s+up\s+of|"
                        r"broke\s+down\s+as\s+follows|(?:split|divided)\s+(?:between|into)|broken\s+down\s+into)\b:?", re.I)
_NOT_COUNTED = load_cues().not_counted
_EXPLOITATION = load_cues().exploitation
_SERVICES = load_cues().services
_YEAR_LABEL = re.compile(r"[(;]\s*(?:19|20)\d\d\s*\Z")
#: A figure naming a group ("17 of them children") and the parts that make it (boys, girls).
_SUBGROUP_PARTS = (
    (re.compile(r"\s+(?:of\s+them\s+|were\s+)?(?:children|minors)\b", re.I),
     re.compile(r"\s+(?:[\w-]+\s+)?(?:boys?|girls?)\b", re.I)),
    (re.compile(r"\s+(?:of\s+them\s+|were\s+)?adults\b", re.I),
     re.compile(r"\s+(?:[\w-]+\s+)?(?:m[ae]n|wom[ae]n)\b", re.I)),
)
#: What stands between two items of a list: "300 cases, Sindh 120 and Balochistan 80", "Most (28) had
#: been trafficked for sexual exploitation, 16 for ..."; only an exact sum makes such a list a claim
_LIST_JOIN = re.compile(r"[^.;:\d]{0,100}?(?:,|\band\b)[^.;:\d]{0,30}", re.I)
#: "The majority (52) were women; the rest (23) were men": a semicolon before the rest goes on with the list
_REST_JOIN = re.compile(r"[^.;:\d]{0,100}?;\s*(?:the\s+(?:rest|remaining|others?)|others)\b[^.;:\d]{0,30}", re.I)
_COMPARED = re.compile(r"\bcompared\s+(?:with|to)\b|\bas\s+against\b|\bversus\b|\b(?:up|down)\s+from\b", re.I)
_WHILE = re.compile(r",?\s+(?:while|whereas)\b", re.I)
_WITH = re.compile(r",\s+with\b|;", re.I)
#: "Among the 87 victims identified were 52 women, ...": the verb of an inverted opening ends it.
_INVERTED = re.compile(r"\s(?:were|was|are|is)\s+", re.I)
_N_OF = re.compile(r"\s+of\s+(?:the|them|those|these)\b(?P<rest>[^,.;]{0,40})", re.I)
#: How many sentences back an introduced list ('By type, ...') may find a total that its parts make.
EQUAL_REACH = 8
#: How many sentences after its opening a list may go on.
MAX_LIST_SENTENCES = 6
_CLOSES = re.compile(r"\b(?:remaining|the\s+rest|other\s+(?:regions|provinces|countries|ways|purposes|forms|types|"
                     r"reasons|nationalities)|unspecified\s+(?:forms|purposes|reasons))\b", re.I)
#: A line that opens with a bullet or an item letter: '- 41 for ...', '• 25 men', 'a) 12 ...' (not an item
#: number, which would read as a part)
_BULLET = re.compile(r"^\s*(?:[-–—•*▪·○►]|\(?[a-z][.)])\s", re.I)
#: What may open a sentence before its one part: 'Thirty-six ...', 'Another 22 ...', 'Of them, 14 ...'
_RUN_OPENER = re.compile(r"\W*(?:(?:another|a\s+further|the\s+(?:other|remaining)|of\s+(?:them|these|those),?|"
                         r"some|about|around|nearly|almost|over|more\s+than|only|just)\s+)*", re.I)
_IN_BEFORE = re.compile(r"\bin\s+\Z", re.I)
_OTHER_BEFORE = re.compile(r"\b(?:the\s+other|the\s+remaining)\s+\Z", re.I)
_REMAINING_BEFORE = re.compile(r"\b(?:remaining|the\s+rest\s+of|the\s+other|another|a\s+further)\s+(?:\w+\s+)?\Z", re.I)
_DIMENSIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sex", re.compile(r"\b(?:women|men|females?|males?|girls|boys)\b", re.I)),
    ("age", re.compile(r"\b(?:children|minors|adults?|juveniles|women|men|girls|boys|under|over|aged|"
                       r"years)\b", re.I)),
    ("nationality", re.compile(r"\b(?:foreign\w*|nationals?|citizens|[A-Z][a-z]+(?:ese|ans?|ians?|ish|ch))\b")),
)


@dataclass
class Found:
    total: Num
    parts: list[Num]
    stated: str
    complete: bool
    sent: int


def find_sums(ctx: Context) -> list[Claim]:
    found = [Found(total, parts, "breakdown", complete, s)
             for total, parts, complete, s in find_bracketed(ctx) + find_totals(ctx)]
    for s in range(len(ctx.sentences)):
        found.extend(_the_other(ctx, s))
        found.extend(_including(ctx, s))
        found.extend(_colon(ctx, s))
        found.extend(_breakdown(ctx, s))
    for s in range(len(ctx.sentences)):
        found.extend(_adding_list(ctx, s))
    for s in range(len(ctx.sentences)):
        found.extend(_sentence_run(ctx, s))
    found.extend(Found(total, parts, "breakdown", complete, s) for total, parts, complete, s in find_splits(ctx))
    # a total found sentences before its list must be of the list's period; one its own sentence
    # links the list to ('164 victims in 2023 (147 in 2022), of whom ...') is taken as written
    found = [_exact_prefix(f) for f in found
             if all(p.sent == f.total.sent for p in f.parts) or _same_time(ctx, f.total, f.parts)]
    claims = [_claim(ctx, f) for f in found if not _stages(ctx, f.total, f.parts) and not _services(ctx, f.parts)
              and not _part_over_total(f)]
    return claims + period_sums(ctx) + shares(ctx)


def _part_over_total(f: Found) -> bool:
    """A count part larger than its total ("identified 154 potential and five official victims ... Of
    these, 61 ..."): the total was misread, not a breakdown that fails to add up."""
    return f.total.unit != "percent" and any(p.value > f.total.value for p in f.parts)


def _stages(ctx: Context, total: Num, parts: list[Num]) -> bool:
    """Parts that are stages of one process ('58 arrested; 45 of them were charged and 19 were
    later convicted'): of suspects and cases a later stage is a subset of an earlier one, never
    a part beside it, so two parts that count different stages make no breakdown. What became
    of identified victims ('80 were placed in shelters and 65 were reintegrated with their
    families') may overlap too: such parts break the total down only when they make it exactly."""
    if abs(sum(p.value for p in parts) - total.value) < 1e-6 * max(1.0, total.value):
        return False  # "Of the 96 cases, 60 went to court and 36 remain under investigation": stages that partition it
    stages = {f.indicator for p in parts if (f := ctx.fact(p)) is not None}
    if ctx.family_of(total) in ("suspects", "cases"):
        return len(stages) > 1
    head = ctx.fact(total)
    after = stages - {head.indicator if head is not None else "victims", "victims"}
    return len(after) > 1


def _services(ctx: Context, parts: list[Num]) -> bool:
    """Parts that count who received a service ('40 received shelter and 25 legal aid'): one
    survivor may receive several, so such figures overlap and break no total down."""
    named = 0
    for p in parts:
        sent = ctx.sentences[p.sent]
        words = ctx.text[p.end:min(ctx.next_start(p.end - 1), p.end + 60, sent.end)]
        named += bool(_SERVICES.search(words))
    return named >= 2


def _exact_prefix(f: Found) -> Found:
    """A list that overshoots its total while its first parts make it exactly turned to another
    dimension after them: 'Of these, 45 were women and 16 men, and 20 were children' is 61 = 45 + 16."""
    got = sum(p.value for p in f.parts)
    if got <= f.total.value:
        return f
    for k in range(len(f.parts) - 1, 1, -1):
        if abs(sum(p.value for p in f.parts[:k]) - f.total.value) < 1e-6 * max(1.0, f.total.value):
            for p in f.parts[k:]:
                p.roles.discard("part")
            return Found(f.total, f.parts[:k], f.stated, f.complete, f.sent)
    return f


def _adding_list(ctx: Context, s: int) -> list[Found]:
    """A list no words introduce that adds up exactly to a figure just before it: 'The agency
    registered 500 cases. Punjab recorded 300 cases, Sindh 120 and Balochistan 80.' Only an
    exact sum makes it a claim (consistent): a list of some regions is no breakdown."""
    nums = [n for n in ctx.in_sentence(s) if _usable(n) and _counted(ctx, n)]
    run: list[Num] = []
    for n in nums:
        gap = ctx.text[run[-1].end:n.start] if run else ""
        if run and not (_LIST_JOIN.fullmatch(gap) or _REST_JOIN.fullmatch(gap)):
            if len(run) >= 2:
                break
            run = []
        if run and n.unit != run[0].unit:
            break
        run.append(n)
    for k in range(len(run) - 1):  # "112 victims ..., from whom 31 ... and 81 ...": the list may start later
        found = _adds_up_to_before(ctx, s, run[k:])
        if found is not None:
            return [_mark(found)]
    return []


def _sentence_run(ctx: Context, s: int) -> list[Found]:
    """A total and the sentences after it that each open with one part: 'The department referred 58
    survivors in 2023. Thirty-six went to state shelters. Another 22 were referred to community
    programmes.' No word says the run is whole, so it is a claim only when it adds up exactly, or
    when its last sentence closes it ('The remaining 22 ...')."""
    heads = [n for n in ctx.in_sentence(s) if _usable(n, "count") and n.fact is not None and "total" not in n.roles]
    if len(heads) != 1:
        return []
    total, fam = heads[0], ctx.family_of(heads[0])
    parts: list[Num] = []
    closed = False
    for k in range(s + 1, min(len(ctx.sentences), s + 1 + MAX_LIST_SENTENCES)):
        nums = [n for n in ctx.in_sentence(k) if not n.skip]
        sent = ctx.sentences[k]
        if len(nums) != 1 or not _usable(nums[0], "count") or not _RUN_OPENER.fullmatch(ctx.text[sent.start:nums[0].start]) \
                or ctx.family_of(nums[0]) not in (None, fam) or nums[0].value >= total.value:
            break
        parts.append(nums[0])
        closed = bool(_REMAINING_BEFORE.search(ctx.text, max(0, nums[0].start - 25), nums[0].start))
        if closed:
            break
    if len(parts) < 2 or not _one_dimension(ctx, parts):
        return []
    got = sum(p.value for p in parts)
    if not closed and abs(got - total.value) >= 1e-6 * max(1.0, total.value):
        return []
    return [_mark(Found(total, parts, "breakdown", True, s))]


def _adds_up_to_before(ctx: Context, s: int, run: list[Num]) -> Found | None:
    if not _one_dimension(ctx, run):
        return None
    # a total a paragraph back is taken only for three parts or more: two that happen to add up are common
    total = _total_before(ctx, s, run[0].start, run[0].unit, None, sum(p.value for p in run),
                          reach=3 if len(run) == 2 else 6, only_equal=True)
    if total is None:
        return None
    fam = ctx.family_of(total)  # parts that a fact says count something else are no parts of it
    if any((f := ctx.fact(p)) is not None and fact_family(f) != fam for p in run):
        return None
    # no word links the list to the total, so the sum may be a coincidence of small numbers
    # ('prosecuted 12 ..., compared with prosecuting 9 and convicting three'): the parts must
    # count what the total counts, in its period
    head = ctx.fact(total)
    # (of suspects and cases a later stage is a subset, never a part: convicted of prosecuted; what
    # became of identified victims, referred or returned home, may break them down)
    if head is not None and head.indicator != "victims" \
            and any((f := ctx.fact(p)) is not None and f.indicator != head.indicator
                    and not (fam == "cases" and CASE_OUTCOME in f.rules) for p in run):  # cases by outcome
        return None
    if not _same_time(ctx, total, run):
        return None
    return Found(total, run, "breakdown", True, s)


def _the_other(ctx: Context, s: int) -> list[Found]:
    """'42 of last year's victims were female, while the other 11 were male': two figures that
    name both sides of a dimension, the second 'the other', break down the earlier total they make."""
    nums = [n for n in ctx.in_sentence(s) if _usable(n, "count") and "total" not in n.roles]
    if len(nums) != 2 or not _OTHER_BEFORE.search(ctx.text, max(0, nums[1].start - 25), nums[1].start) \
            or not ctx.exhaustive(nums):
        return []
    total = _total_before(ctx, s, nums[0].start, "count", ctx.family_of(nums[0]), nums[0].value + nums[1].value,
                          only_equal=True)
    return [_mark(Found(total, nums, "breakdown", True, s))] if total is not None else []


def _usable(n: Num, unit: str | None = None) -> bool:
    return (n.free and n.unit != "percent" and not ({"part", "base"} & n.roles)
            and (unit is None or n.unit == unit))


def _fits(ctx: Context, total: Num, parts: list[Num]) -> bool:
    """Parts count what the total counts ('the gap of four cases: 1,087 victims' is no list)."""
    fam = ctx.family_of(total)  # a part's own noun may say it ('32 girls') where its fact does not
    return fam is None or all(ctx.family_of(p) in (None, fam) or ctx.own_family(p) == fam for p in parts)


def _mark(f: Found) -> Found:
    f.total.roles.add("total")
    for p in f.parts:
        p.roles.add("part")
    return f


# -- the three ways a list is introduced ---------------------------------------------------
def _including(ctx: Context, s: int) -> list[Found]:
    """'757 rescued, including 351 from A and 260 from B'; 'The victims included 120 women and
    80 men, with 150 adults and 30 children' (one list per dimension, each of the total)."""
    sent = ctx.sentences[s]
    out = []
    for m in _INCLUDING.finditer(sent.text):
        at = sent.start + m.start()
        stop = ctx.text.find(";", at, sent.end)
        parts = [n for n in ctx.between(at, stop if stop >= 0 else sent.end) if _usable(n) and _counted(ctx, n)]
        if len(parts) < 2:
            continue
        subject = ctx.text[sent.start:at]
        fam = anchor_family(subject) if not ctx.between(sent.start, at) else None
        total = _total_before(ctx, s, at, parts[0].unit, fam)
        if total is None:
            continue
        parts = _same_kind_run(ctx, total, parts)
        if len(parts) < 2:
            continue
        for group in _by_dimension(ctx, parts):
            if total.fact is None and any(p.value > total.value for p in group):
                continue  # "authorities from 15 member states ... The results include 34 arrests and 36 ...": no total
            if len(group) >= 2 and (fam is not None or _fits(ctx, total, group)):  # "The victims included"
                word = m.group(0).lower()  # "among them" may list only some, as "including" does
                out.append(_mark(Found(total, group, "including" if word.startswith("among") else word, False, s)))
    return out


def _same_kind_run(ctx: Context, total: Num, parts: list[Num]) -> list[Num]:
    """The parts up to the first that counts something else than the total: '17 people, including 11
    women and six children, ... adding that three suspects were arrested' ends before the suspects."""
    fam = ctx.family_of(total)
    for k, p in enumerate(parts):
        if k >= 2 and fam is not None and ctx.own_family(p) not in (None, fam):
            return parts[:k]
    return parts


def _by_dimension(ctx: Context, parts: list[Num]) -> list[list[Num]]:
    """Split a list where it turns to another dimension (', with 150 adults')."""
    groups: list[list[Num]] = [[parts[0]]]
    dims = _dims(ctx, parts[0])
    for prev, p in zip(parts, parts[1:], strict=False):
        own = _dims(ctx, p)
        if _WITH.search(ctx.text, prev.end, p.start) or (dims and own and not dims & own):
            groups.append([p])
            dims = own
        else:
            groups[-1].append(p)
            dims = dims | own
    return groups


def _counted(ctx: Context, n: Num) -> bool:
    """A part counts people or cases: not '23 countries', not 'at three brick kilns'."""
    return n.fact is not None or not _NOT_COUNTED.match(ctx.text, n.end)


def _colon(ctx: Context, s: int) -> list[Found]:
    """'356 victims: 241 women, ...', '372 victims — 298 women, 61 girls and 13 men', 'The 90
    complaints comprised: ...', 'Last year's victims — 140 adults and 60 children — ...' (a
    total before the list in its sentence; else, in the sentences before, one that the parts
    make)."""
    sent = ctx.sentences[s]
    m = _LIST_OPEN.search(sent.text)
    if m is None or _YEAR_LABEL.search(sent.text, 0, m.start()):
        return []  # "215 survivors (2022: 190; 2021: 160)": earlier years' figures, not parts
    at = sent.start + m.start()
    if m.group(0)[:1] in "—–" and ctx.next_start(at) - (sent.start + m.end()) > 0:
        return []  # a dash opens a list only when a number follows at once
    parts = [n for n in ctx.between(at, _bullets_end(ctx, s, at)) if _usable(n) and _counted(ctx, n)]
    before = [n for n in ctx.between(sent.start, at) if _usable(n) and n.unit == (parts[0].unit if parts else "")]
    if len(parts) < 2 or not _one_dimension(ctx, parts):
        return []
    if before:
        total: Num | None = before[-1]
    else:
        fam = anchor_family(ctx.text[sent.start:at]) or ctx.family_of(parts[0])
        total = _total_before(ctx, s, at, parts[0].unit, fam, sum(p.value for p in parts), only_equal=True)
    if total is None or not _fits(ctx, total, parts):
        return []
    got = sum(p.value for p in parts)
    short = got < total.value - 1e-6 * max(1.0, total.value)
    if short and not (_CLOSES.search(sent.text) or ctx.exhaustive(parts)):
        return []  # "300 victims: 120 from Myanmar and 100 from Laos" does not say there were no others
    return [_mark(Found(total, parts, "breakdown", True, s)), *_subgroups(ctx, s, total, parts)]


def _bullets_end(ctx: Context, s: int, at: int) -> int:
    """Where a list opened at ``at`` ends: its sentence's end, or, when the sentence ends with the
    colon, the end of the bulleted lines after it ('73 victims:' / '- 41 for sexual exploitation;' /
    '- 25 for labour exploitation.')."""
    end = ctx.sentences[s].end
    if ctx.between(at, end) or not ctx.text[at:end].rstrip().endswith(":"):
        return end
    k = s + 1
    while k < len(ctx.sentences) and k - s <= MAX_LIST_SENTENCES and _BULLET.match(ctx.sentences[k].text):
        end = ctx.sentences[k].end
        k += 1
    return end


def _subgroups(ctx: Context, s: int, total: Num, parts: list[Num]) -> list[Found]:
    """'55 freed, 12 of them children ... 30 men, 13 women, 7 boys and 5 girls': the boys and
    girls of a breakdown against the children its total's sentence counts (adults likewise)."""
    out = []
    for group, part_words in _SUBGROUP_PARTS:
        members = [p for p in parts if part_words.match(ctx.text, p.end)]
        if len(members) < 2:
            continue
        named = [n for k in {total.sent, s} for n in ctx.in_sentence(k) if _usable(n) and n is not total
                 and n.unit == total.unit and group.match(ctx.text, n.end)]
        if len(named) == 1:
            out.append(_mark(Found(named[0], members, "breakdown", True, s)))
    return out


def _breakdown(ctx: Context, s: int) -> list[Found]:
    sent = ctx.sentences[s]
    of = _OF_ANCHOR.match(sent.text)
    named = _BREAKDOWN.search(sent.text)
    n_of = None if of else _first_n_of(ctx, s)
    if not (of or named or n_of):
        return []
    start = sent.start + (of.end() if of else 0)
    ph_at = sent.start + of.start("ph") if of else 0
    for verb in _INVERTED.finditer(of.group("ph") if of else ""):  # "Among the 87 victims were 52 women, 21 men"
        if ctx.next_start(ph_at + verb.start()) == ph_at + verb.end():
            start = ph_at + verb.end()
            break
    explicit: Num | None = None
    fam: str | None = None
    if of:
        inside = [n for n in ctx.between(sent.start, start) if _usable(n)]
        explicit = inside[-1] if inside else None
        fam = anchor_family(of.group("ph"))
    elif n_of:
        anchor, explicit, fam = n_of
        start = anchor.start
    own = [n for n in ctx.between(start, _cut(ctx, s)) if _usable(n) and n is not explicit]
    parts, closed = _continue(ctx, s, own, fam, open_list=not (of or named))
    if not parts:
        return []
    complete = bool(of or named or closed)
    # "19 of the cases, Abu Dhabi 14, ...": in one sentence, parts of a stated total
    anchored = bool(n_of and fam) and all(p.sent == s for p in parts)
    sure = bool(named or closed)
    found = _groups(ctx, s, parts, explicit, fam or ctx.family_of(parts[0]), complete, anchored, sure,
                    named_family=fam is not None)
    if not found and len(own) < len(parts) and own:  # the next sentence's figure was no part after all
        for n in parts[len(own):]:
            n.roles.discard("part")
        found = _groups(ctx, s, own, explicit, fam or ctx.family_of(own[0]), bool(of or named), anchored,
                        bool(named), named_family=fam is not None)
    return found


def _first_n_of(ctx: Context, s: int) -> tuple[Num, Num | None, str | None] | None:
    """'97 of the 180 cases', '112 of the rescued victims', 'Twenty-nine of them'."""
    for n in ctx.in_sentence(s):
        if not _usable(n):
            continue
        m = _N_OF.match(ctx.text, n.end)
        if m is None:
            continue
        inner = [t for t in ctx.between(n.end, m.end()) if _usable(t)
                 and re.fullmatch(r"\s+of\s+the\s+", ctx.text[n.end:t.start], re.I)]
        return n, (inner[0] if inner else None), anchor_family(m.group("rest"))
    return None


def _cut(ctx: Context, s: int) -> int:
    """Parts stop where an 'including' list or a comparison starts ('..., 216 were referred to
    shelters, compared with 328 identified and 298 referred in 2017')."""
    sent = ctx.sentences[s]
    m = _INCLUDING.search(sent.text) or _COMPARED.search(sent.text)
    return sent.start + m.start() if m else sent.end


def _continue(ctx: Context, s: int, parts: list[Num], fam: str | None,
              open_list: bool) -> tuple[list[Num], bool]:
    """Parts that go on in the next sentences ("A further 108 ...", and for an open list any
    sentence with one figure of its kind); True when closed ('the remaining'). A list opened
    by "Of the ..." also takes sentences with one figure of its kind ("Children accounted for
    120.") when a later one closes it ("Men made up the remaining 80.")."""
    closed = bool(_CLOSES.search(ctx.sentences[s].text))
    fam = fam or (ctx.family_of(parts[0]) if parts else None)
    sure, tentative = parts, parts
    nxt = s + 1
    while nxt < len(ctx.sentences) and not closed and nxt - s <= MAX_LIST_SENTENCES:
        text = ctx.sentences[nxt].text
        nums = [n for n in ctx.in_sentence(nxt) if _usable(n)]
        goes_on = bool(OTHER_OPENS.match(text))
        single = len(nums) == 1 and fam is not None and ctx.family_of(nums[0]) == fam
        if not nums or not (goes_on or single):
            break
        contiguous = tentative is sure
        tentative = tentative + nums
        if contiguous and (goes_on or open_list):
            sure = tentative
        closed = bool(_CLOSES.search(text))
        nxt += 1
    return (tentative, True) if closed else (sure, False)


def _groups(ctx: Context, s: int, parts: list[Num], explicit: Num | None, fam: str | None,
            complete: bool, anchored: bool = False, sure: bool = False, named_family: bool = False) -> list[Found]:
    """One claim for the list's own family; others ('involving 85 victims and 65 arrests')
    only when they add up to a total stated before. A complete list that falls short of its
    total is a claim only when it says it is whole (``sure``: 'the remaining', 'broken down
    by') or its parts cover a whole dimension (women and men, adults and children): "Of the
    150 victims, 90 were exploited for labour and 40 for sex" does not say there were no others.
    When the list's opening names what it counts ('318 of those caught, 176 ...'), a part without
    a noun of its own counts that, whatever the fact standing on it says."""
    groups: dict[str | None, list[Num]] = {}
    for p in parts:
        pf = ctx.own_family(p) if named_family else ctx.family_of(p)
        rest = _REMAINING_BEFORE.search(ctx.text, max(0, p.start - 25), p.start)
        groups.setdefault(fam if pf is None or explicit is not None or pf == fam or rest else pf, []).append(p)
    out = []
    for gfam, members in groups.items():
        primary = gfam == fam
        if not _one_dimension(ctx, members):
            members = _first_clause(ctx, members)  # "211 were female and 60 male; 38 were minors"
        if len(members) < 2 or not _one_dimension(ctx, members):
            continue
        got = sum(p.value for p in members)
        total = explicit if primary and explicit is not None else \
            _total_before(ctx, s, members[0].start, members[0].unit, gfam, got, reach=6 if anchored else 4,
                          equal_reach=EQUAL_REACH)
        if total is None:
            continue
        more = _fills_gap(ctx, members, total.value - got) if primary and complete and got < total.value else []
        members, got = members + more, got + sum(p.value for p in more)
        adds_up = abs(got - total.value) < 1e-6 * max(1.0, total.value)
        over = anchored and primary and got > total.value and total.fact is not None
        whole = got > total.value or sure or ctx.exhaustive(members)
        if adds_up or (primary and complete and whole) or over:
            out.append(_mark(Found(total, members, "breakdown", complete, s)))
    return out


def _fills_gap(ctx: Context, parts: list[Num], gap: float) -> list[Num]:
    """'Of these, 223 were women and 139 men. In eleven cases the sex was not recorded, and in two
    another gender was given': the figures of the next sentence that make exactly what the list
    lacks go on with it."""
    fam = ctx.family_of(parts[0])
    nxt = [n for n in ctx.in_sentence(parts[-1].sent + 1) if _usable(n, parts[0].unit) and _counted(ctx, n)]
    if any(ctx.family_of(n) not in (None, fam) and not _IN_BEFORE.search(ctx.text, max(0, n.start - 6), n.start)
           for n in nxt):
        return []  # "Police also arrested 13 suspects" is no part; "in eleven cases the sex was not recorded" is
    return nxt if nxt and abs(sum(n.value for n in nxt) - gap) < 1e-6 * max(1.0, gap) else []


def _first_clause(ctx: Context, parts: list[Num]) -> list[Num]:
    """The parts before the first semicolon or 'while' between two of them ('14 are Malawians and
    nine Mozambicans, while five of the rescued are minors')."""
    for k in range(1, len(parts)):
        gap = ctx.text[parts[k - 1].end:parts[k].start]
        if ";" in gap or _WHILE.search(gap):
            return parts[:k]
    return parts


def _total_before(ctx: Context, s: int, pos: int, unit: str, fam: str | None, got: float | None = None,
                  reach: int = 4, only_equal: bool = False, equal_reach: int = 0) -> Num | None:
    """The figure before ``pos`` (this sentence, then up to ``reach - 1`` before) a list breaks
    down: one that equals the parts' sum (``equal_reach - 1`` sentences back, if longer), else
    the nearest (three sentences back at most)."""
    if got is not None:
        for k in range(s, max(-1, s - max(reach, equal_reach)), -1):
            same = [n for n in ctx.in_sentence(k) if n.start < pos and _usable(n, unit) and n.value == got
                    and (fam is None or ctx.family_of(n) in (fam, None))]
            if same:
                return same[-1]
    if only_equal:
        return None
    for k in range(s, max(-1, s - reach), -1):
        cands = [n for n in ctx.in_sentence(k) if n.start < pos and _usable(n, unit)
                 and not _NOT_COUNTED.match(ctx.text, n.end)]
        if fam is not None:
            cands = [n for n in cands if ctx.family_of(n) in (fam, None)]
        with_fact = [n for n in cands if n.fact is not None and not _breakdown_fact(ctx, n)]
        pick = with_fact or [n for n in cands if not _breakdown_fact(ctx, n)] or cands
        if pick:
            return pick[-1]
    return None


def _breakdown_fact(ctx: Context, n: Num) -> bool:
    f = ctx.fact(n)
    return f is not None and any((f.age, f.sex, f.nationality, f.location))


def _same_time(ctx: Context, total: Num, parts: list[Num]) -> bool:
    """No part is a figure of another period than its total's ('88 victims in 2023' is not
    broken down by figures of 2022); a part of a period within the total's ('2023-H1' of
    '2023') may be."""
    head = ctx.fact(total)
    if head is None or not head.period:
        return True
    return all((f := ctx.fact(p)) is None or not f.period or _within(f.period, head.period) for p in parts)


def _within(period: str, whole: str) -> bool:
    inner, outer = _months(period), _months(whole)
    if inner is None or outer is None:
        return True  # a period tipwatch cannot place tells nothing
    return outer[0] <= inner[0] and inner[1] <= outer[1]


_PERIOD = re.compile(r"((?:19|20)\d\d)(?:-(?:H(?P<h>[12])|Q(?P<q>[1-4])|(?P<m>\d\d)))?")


def _months(period: str) -> tuple[int, int] | None:
    """The first and last month of a period, counted from year 0: '2023-Q1' -> (24276, 24278)."""
    ends = period.split("/")
    matches = [_PERIOD.fullmatch(e[:7] if len(ends) == 2 else e) for e in ends]
    if len(ends) > 2 or any(m is None for m in matches):
        return None
    spans = [_month_span(m) for m in matches if m is not None]
    return spans[0][0], spans[-1][1]


def _month_span(m: re.Match[str]) -> tuple[int, int]:
    base = int(m.group(1)) * 12
    if m.group("h"):
        return base + 6 * int(m.group("h")) - 6, base + 6 * int(m.group("h")) - 1
    if m.group("q"):
        return base + 3 * int(m.group("q")) - 3, base + 3 * int(m.group("q")) - 1
    if m.group("m"):
        return base + int(m.group("m")) - 1, base + int(m.group("m")) - 1
    return base, base + 11


def _one_dimension(ctx: Context, parts: list[Num]) -> bool:
    """False when two parts describe different things ('22 women', '14 foreigners')."""
    dims = [_dims(ctx, p) for p in parts]
    known = [d for d in dims if d]
    return all(a & b for i, a in enumerate(known) for b in known[i + 1:])


def _dims(ctx: Context, n: Num) -> set[str]:
    """The dimensions the words after a number name, or those of a subject that opens its
    sentence before it ('Foreign nationals accounted for 183 of the victims')."""
    nxt = ctx.next_start(n.end - 1)
    after = ctx.text[n.end:min(nxt, n.end + 45)]
    after = re.split(r"[,;.]", after, maxsplit=1)[0]
    start = ctx.sentences[n.sent].start
    lead = ctx.text[start:n.start] if n.start - start <= 40 and not ctx.between(start, n.start) else ""
    dims = {name for name, pattern in _DIMENSIONS if pattern.search(after) or (lead and pattern.search(lead))}
    return dims | ({"exploitation"} if _EXPLOITATION.search(after) else set())


def _claim(ctx: Context, f: Found) -> Claim:
    fact = ctx.fact(f.total)
    indicator = ctx.indicator_of(f.total) or ctx.indicator_of(f.parts[0]) or "victims"
    return Claim(doc=ctx.doc.doc, kind="sum", indicator=indicator, total=f.total.value,
                 parts=[p.value for p in f.parts], unit=f.total.unit, stated=f.stated,
                 period=fact.period if fact else None, crime=fact.crime if fact else None,
                 span=(f.parts[0].start, f.parts[-1].end), sentence=ctx.sentences[f.sent].text,
                 facts=[n.fact for n in (f.total, *f.parts) if n.fact is not None])
