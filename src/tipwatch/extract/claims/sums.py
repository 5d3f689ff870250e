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
* percentage shares: three or more shares in a run of sentences that add up to 90-110 make
  a sum with unit ``percent`` and total 100.

Parts must describe one dimension of people: "22 were women and 14 were foreigners" is no
breakdown (sex and age against nationality); other dimensions are not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipwatch.extract.claims.scan import Context, Num, anchor_family
from tipwatch.model import Claim

_INCLUDING = re.compile(r"\b(?:including|included|includes|include)\b", re.I)
_OF_ANCHOR = re.compile(r"^\W*(?:Of|Among)\s+(?P<ph>(?:the|that|these|those|this|them)\b[^,]{0,80}?),", re.I)
_BREAKDOWN = re.compile(r"\b(?:broken\s+down|breakdown|by\s+(?:age|sex|gender|region|nationality|country|"
                        r"province|type|form|purpose))\b", re.I)
_N_OF = re.compile(r"\s+of\s+(?:the|them|those|these)\b(?P<rest>[^,.;]{0,40})", re.I)
_GOES_ON = re.compile(r"^\W*(?:A\s+further|Another|The\s+remaining|The\s+rest|The\s+other|Others?)\b", re.I)
_CLOSES = re.compile(r"\b(?:remaining|the\s+rest|other\s+(?:regions|provinces|countries|ways))\b", re.I)
_CATEGORY_AFTER = re.compile(r"\s+(?:nationalities|countries|provinces|districts|regions|states|years|"
                             r"months|days|weeks|hours)\b", re.I)
_DIMENSIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sex", re.compile(r"\b(?:women|men|female|male|girls|boys)\b", re.I)),
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
    found: list[Found] = []
    for s in range(len(ctx.sentences)):
        found.extend(_including(ctx, s))
        found.extend(_colon(ctx, s))
        found.extend(_breakdown(ctx, s))
    claims = [_claim(ctx, f) for f in found]
    return claims + _shares(ctx)


def _usable(n: Num, unit: str | None = None) -> bool:
    return (n.free and n.unit != "percent" and not ({"part", "base"} & n.roles)
            and (unit is None or n.unit == unit))


def _fits(ctx: Context, total: Num, parts: list[Num]) -> bool:
    """Parts count what the total counts ('the gap of four cases: 1,087 victims' is no list)."""
    fam = ctx.family_of(total)
    return fam is None or all(ctx.family_of(p) in (None, fam) for p in parts)


def _mark(f: Found) -> Found:
    f.total.roles.add("total")
    for p in f.parts:
        p.roles.add("part")
    return f


# -- the three ways a list is introduced ---------------------------------------------------
def _including(ctx: Context, s: int) -> list[Found]:
    sent = ctx.sentences[s]
    out = []
    for m in _INCLUDING.finditer(sent.text):
        at = sent.start + m.start()
        stop = ctx.text.find(";", at, sent.end)
        parts = [n for n in ctx.between(at, stop if stop >= 0 else sent.end) if _usable(n)]
        if len(parts) < 2:
            continue
        total = _total_before(ctx, s, at, parts[0].unit, None)
        if total is not None and _fits(ctx, total, parts):
            out.append(_mark(Found(total, parts, m.group(0).lower(), False, s)))
    return out


def _colon(ctx: Context, s: int) -> list[Found]:
    sent = ctx.sentences[s]
    colon = sent.text.find(":")
    if colon < 0:
        return []
    at = sent.start + colon
    parts = [n for n in ctx.between(at, sent.end) if _usable(n)]
    before = [n for n in ctx.between(sent.start, at) if _usable(n) and n.unit == (parts[0].unit if parts else "")]
    if len(parts) < 2 or not before or not _one_dimension(ctx, parts) or not _fits(ctx, before[-1], parts):
        return []
    return [_mark(Found(before[-1], parts, "breakdown", True, s))]


def _breakdown(ctx: Context, s: int) -> list[Found]:
    sent = ctx.sentences[s]
    of = _OF_ANCHOR.match(sent.text)
    named = _BREAKDOWN.search(sent.text)
    n_of = None if of else _first_n_of(ctx, s)
    if not (of or named or n_of):
        return []
    start = sent.start + (of.end() if of else 0)
    explicit: Num | None = None
    fam: str | None = None
    if of:
        inside = [n for n in ctx.between(sent.start, start) if _usable(n)]
        explicit = inside[-1] if inside else None
        fam = anchor_family(of.group("ph"))
    elif n_of:
        anchor, explicit, fam = n_of
        start = anchor.start
    parts = [n for n in ctx.between(start, _cut(ctx, s)) if _usable(n) and n is not explicit]
    parts, closed = _continue(ctx, s, parts, fam, open_list=not (of or named))
    if not parts:
        return []
    complete = bool(of or named or closed)
    return _groups(ctx, s, parts, explicit, fam or ctx.family_of(parts[0]), complete)


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
    """Parts stop where an 'including' list starts."""
    sent = ctx.sentences[s]
    m = _INCLUDING.search(sent.text)
    return sent.start + m.start() if m else sent.end


def _continue(ctx: Context, s: int, parts: list[Num], fam: str | None,
              open_list: bool) -> tuple[list[Num], bool]:
    """Parts that go on in the next sentences ("A further 108 ...", and for an open list any
    sentence with one figure of its kind); True when closed ('the remaining')."""
    closed = bool(_CLOSES.search(ctx.sentences[s].text))
    fam = fam or (ctx.family_of(parts[0]) if parts else None)
    nxt = s + 1
    while nxt < len(ctx.sentences) and not closed:
        text = ctx.sentences[nxt].text
        nums = [n for n in ctx.in_sentence(nxt) if _usable(n)]
        single = open_list and len(nums) == 1 and fam is not None and ctx.family_of(nums[0]) == fam
        if not nums or not (_GOES_ON.match(text) or single):
            break
        parts = parts + nums
        closed = bool(_CLOSES.search(text))
        nxt += 1
    return parts, closed


def _groups(ctx: Context, s: int, parts: list[Num], explicit: Num | None, fam: str | None,
            complete: bool) -> list[Found]:
    """One claim for the list's own family; others ('involving 85 victims and 65 arrests')
    only when they add up to a total stated before."""
    groups: dict[str | None, list[Num]] = {}
    for p in parts:
        pf = ctx.family_of(p)
        groups.setdefault(fam if pf is None or explicit is not None or pf == fam else pf, []).append(p)
    out = []
    for gfam, members in groups.items():
        primary = gfam == fam
        total = explicit if primary and explicit is not None else \
            _total_before(ctx, s, members[0].start, members[0].unit, gfam)
        if total is None or len(members) < 2 or not _one_dimension(ctx, members):
            continue
        adds_up = abs(sum(p.value for p in members) - total.value) < 1e-6 * max(1.0, total.value)
        if adds_up or (primary and complete):
            out.append(_mark(Found(total, members, "breakdown", complete, s)))
    return out


def _total_before(ctx: Context, s: int, pos: int, unit: str, fam: str | None) -> Num | None:
    """The nearest figure before ``pos`` (this sentence, then up to three before) a list breaks down."""
    for k in range(s, max(-1, s - 4), -1):
        cands = [n for n in ctx.in_sentence(k) if n.start < pos and _usable(n, unit)
                 and not _CATEGORY_AFTER.match(ctx.text, n.end)]
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


def _one_dimension(ctx: Context, parts: list[Num]) -> bool:
    """False when two parts describe different things ('22 women', '14 foreigners')."""
    dims = [_dims(ctx, p) for p in parts]
    known = [d for d in dims if d]
    return all(a & b for i, a in enumerate(known) for b in known[i + 1:])


def _dims(ctx: Context, n: Num) -> set[str]:
    nxt = ctx.next_start(n.end - 1)
    after = ctx.text[n.end:min(nxt, n.end + 45)]
    after = re.split(r"[,;.]", after, maxsplit=1)[0]
    return {name for name, pattern in _DIMENSIONS if pattern.search(after)}


# -- percentage shares --------------------------------------------------------------------
def _shares(ctx: Context) -> list[Claim]:
    claims: list[Claim] = []
    run: list[Num] = []
    for s in range(len(ctx.sentences) + 1):
        shares = [n for n in ctx.in_sentence(s) if n.free and n.unit == "percent"
                  and not ({"base", "newer"} & n.roles)]
        if shares and not re.search(r"respectively", ctx.sentences[s].text, re.I):
            run.extend(shares)
            continue
        if len(run) >= 3 and 90 <= sum(n.value for n in run) <= 110:
            claims.append(_share_claim(ctx, run))
        run = []
    return claims


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


def _claim(ctx: Context, f: Found) -> Claim:
    fact = ctx.fact(f.total)
    indicator = ctx.indicator_of(f.total) or ctx.indicator_of(f.parts[0]) or "victims"
    return Claim(doc=ctx.doc.doc, kind="sum", indicator=indicator, total=f.total.value,
                 parts=[p.value for p in f.parts], unit=f.total.unit, stated=f.stated,
                 period=fact.period if fact else None, crime=fact.crime if fact else None,
                 span=(f.parts[0].start, f.parts[-1].end), sentence=ctx.sentences[f.sent].text,
                 facts=[n.fact for n in (f.total, *f.parts) if n.fact is not None])
