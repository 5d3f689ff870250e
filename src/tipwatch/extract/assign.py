"""Period, place and source of classified figures, and the document-level finishing passes.

``assign_period`` picks the time expression of a figure's own stretch of the sentence (or the
governing one), ``assign_place`` the jurisdiction (SPEC section 1), ``assign_source`` the body
credited (section 5); ``event_period``, ``fill_periods``, ``inherit_series_crimes``, ``to_fact``
and ``dedupe`` run once the document has been read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from tipwatch.extract.claims.cues import load_cues
from tipwatch.extract.context import DocContext, clause_at, slot_of
from tipwatch.extract.figures import Figure
from tipwatch.extract.numbers import NumberMention
from tipwatch.extract.periods import TimeExpr
from tipwatch.extract.sentences import Sentence, segment_at, segments
from tipwatch.extract.sources import Cue, choose
from tipwatch.model import Fact, MatchKind

_NEW_TOPIC = re.compile(r"(?:Nationally|Nationwide|Separately|Meanwhile|Elsewhere|Globally|In (?:other|a separate))\b")


def _main_expr(exprs: list[TimeExpr], segs: list) -> TimeExpr | None:
    return next((e for e in exprs if not e.same_period and not segment_at(segs, e.start).comparison), None)


def main_period(ctx: DocContext, exprs: list[TimeExpr], segs: list) -> str | None:
    reference = ctx.governing[0] if ctx.governing else None
    for e in exprs:
        if not e.same_period and not segment_at(segs, e.start).comparison:
            return ctx.rules.periods.resolve(e, ctx.pub_year, reference, ctx.country)
    return reference


_PAREN_AFTER = re.compile(r"\s*\(\s*")
_COLON_AFTER = re.compile(r"\s*:\s*")
_PAREN_CLOSE = re.compile(r"\s*\)")


def _timed_after(ctx: DocContext, exprs: list[TimeExpr], start: int, sent: Sentence) -> bool:
    """Whether the candidate figure starting at ``start`` has a time of its own right after it
    ("1,212 in 2019, 1,046 in 2020": each figure's time follows it)."""
    nxt = next((c for c in ctx.cands if c.start == start), None)
    if nxt is None:
        return False
    _, _, end, limit = slot_of(ctx.cands, nxt, sent)
    return any(end <= x.start < limit for x in exprs)


def _labels(text: str, expr: TimeExpr, fig: Figure) -> bool:
    """'in 2023 (81)', '2023: 260': the expression labels the figure right after it (but not the
    base of '150 in 2023 (98 in 2022)')."""
    if _COLON_AFTER.fullmatch(text, expr.end, fig.start):
        return True
    return bool(_PAREN_AFTER.fullmatch(text, expr.end, fig.start) and _PAREN_CLOSE.match(text, fig.mention.end))


#: "identified more than 440 victims, and between Oct. 1, 2015 and ... the tally reached": a later clause's time
_NEW_CLAUSE = re.compile(r",\s+(?:and|while|whereas|but)\b|;")
_COMPARED = re.compile(r"\bcompared\s+(?:to|with)\s+\Z", re.IGNORECASE)
#: the words between a figure and the next one when the next is the base it is compared with
_BASE_NEXT = re.compile(r"\b(?:from|than|(?<!charges )(?<!charge )(?<!cases )(?<!proceedings )(?<!filed )(?<!brought )"
                        r"(?<!\d{4} )against|compared\s+(?:to|with)|versus|vs\.?)\s+(?:the\s+|a\s+|just\s+|only\s+)?\S{0,3}\Z",
                        re.IGNORECASE)  # not "charges against 19 people", "in 2021 against 26"


#: "twice as many as", "20 more than", "up on": a comparison between a figure and a later time
_COMPARES_WITH = re.compile(r"\b(?:than|as|from|against|compared\s+(?:to|with)|versus|vs\.?|on)\b", re.IGNORECASE)
#: the words between a time and the figure it introduces ("and in 2021 about 40", "same period last year - 19")
_LEADS_NEXT = re.compile(r"\s*[,:–—-]?\s*(?:(?:to|at|of|reached|reaching|stood\s+at)\s+)?(?:(?:about|around|some|nearly|almost|over|only|just|roughly|approximately|more\s+than|"
                         r"fewer\s+than|less\s+than|at\s+least|up\s+to)\s+)?", re.IGNORECASE)
#: "In 2013 police charged 34 persons, in 2014 against 50": a time opening the next item of a list
_ITEM_TIME = re.compile(r"(?:[,;]\s*(?:and\s+|while\s+|whereas\s+|but\s+)?|\s+and\s+)(?:in|during|for)\s+\Z", re.IGNORECASE)
#: a clause break between a figure and a time that opens the next clause
_CLAUSE_LEAD = re.compile(r"[,;:–—]\s*(?:and\s+|while\s+|whereas\s+|but\s+)?\S*\s*\Z")
#: "compared with 2022, when 1,491 were identified": the figure of a clause that a time introduces
_WHEN_AFTER = re.compile(r"\s*,?\s+when\s+(?:[\w'’-]+\s+){0,6}", re.IGNORECASE)


_AS_MANY_AS = re.compile(r"\b(?:as\s+(?:many|much|high|low)\s+as|than)\s+(?:(?:in|during|for|over)\s+)?(?:the\s+same\s+\w+\s+(?:of|in)\s+)?\Z",
                         re.IGNORECASE)
#: the words joining the items of a list: "12, 15 and 19", "2021, 2022 and 2023", "2022 or 2023"
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+|/)\s*", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_PAIR_LEAD = re.compile(r"\b(?:in|for)\s+\Z", re.IGNORECASE)


def _chains(text: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    """The indexes of ``spans`` grouped into lists whose items only a comma or 'and' separates."""
    groups: list[list[int]] = []
    for i, (s, _) in enumerate(spans):
        if groups and _LIST_GAP.fullmatch(text, spans[groups[-1][-1]][1], s):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _respective(ctx: DocContext, fig: Figure, exprs: list[TimeExpr]) -> TimeExpr | tuple[str, str] | None:
    """'12, 15 and 19 cases in 2021, 2022 and 2023 respectively' (or without 'respectively' when
    both lists are plain years): the time in the same place of the list of times as the figure in
    its list of numbers. A lone figure with two consecutive years ('in 2022 and 2023, 31 people were
    charged') counts over both: the interval, as a SPEC period."""
    sent = fig.sentence
    nums = [(c.start, c.end) for c in ctx.cands]
    mine = next((g for g in _chains(ctx.text, nums) if any(nums[i][0] == fig.mention.start for i in g)), [])
    times = [e for e in exprs if sent.start <= e.start < sent.end]
    groups = [[times[i] for i in g] for g in _chains(ctx.text, [(e.start, e.end) for e in times])]
    if len(mine) >= 2:
        lists = [g for g in groups if len(g) == len(mine)]
        if len(lists) != 1 or not (_RESPECTIVELY.search(ctx.text, fig.mention.end, sent.end)
                                   or all(e.rule == "per.year" for e in lists[0])):
            return None
        pos = next(k for k, i in enumerate(mine) if nums[i][0] == fig.mention.start)
        return lists[0][pos]
    # "in 2021, 2022 and 2023", "in 2023 and 2022": consecutive years in any order
    pair = next((g for g in groups if len(g) >= 2 and g[0].start <= fig.start + 200), None)
    years = sorted(e.year for e in pair if e.year is not None) if pair is not None else []
    if (pair is not None and len(groups) == 1 and all(e.rule == "per.year" for e in pair)
            and len(years) == len(pair) and years == list(range(years[0], years[0] + len(years)))
            and _PAIR_LEAD.search(ctx.text, max(sent.start, pair[0].start - 8), pair[0].start)
            and " and " in ctx.text[pair[-2].end:pair[-1].start]):
        return f"{years[0]}-01-01/{years[-1]}-12-31", ctx.text[pair[0].start:pair[-1].end]
    return None


def assign_period(ctx: DocContext, fig: Figure, exprs: list[TimeExpr], segs: list, main: str | None) -> None:
    paired = _respective(ctx, fig, exprs)
    if isinstance(paired, tuple):
        fig.period, fig.period_text = paired
        fig.period_explicit = True
        fig.rules.append("per.year_pair")
        return
    if paired is not None:
        period = ctx.rules.periods.resolve(paired, ctx.pub_year, main, ctx.country)
        if period is not None:
            fig.period, fig.period_text, fig.period_explicit = period, paired.text, True
            fig.rules.append("per.respectively")
            return
    seg = segment_at(segs, fig.start)
    own = [e for e in exprs if seg.start <= e.start < seg.end]
    if not own:
        own = [e for e in exprs if not segment_at(segs, e.start).comparison]
    # "fell compared to the previous year, to 474": the year compared with is not the figure's
    own = [e for e in own if not (_COMPARED.search(ctx.text, max(0, e.start - 16), e.start) and e.end <= fig.start
                                  and "," in ctx.text[e.end:fig.start])]
    # "48 victims, twice as many as in 2021": the year compared with is the base's, not the figure's
    own = [e for e in own if not (e.start > fig.mention.end and not e.anchored
                                  and _AS_MANY_AS.search(ctx.text, max(fig.mention.end, e.start - 40), e.start))]
    when = [e for e in exprs if e.end <= fig.start and _WHEN_AFTER.fullmatch(ctx.text, e.end, fig.start)]
    # "prosecuted 109 (53 ..., 54 ...), a marked increase from 37 in 2021": 2021 is the base's
    own = when or [e for e in own if not _dates_another_base(ctx, fig, e)]
    if own:
        slot = slot_of(ctx.cands, fig.mention, fig.sentence)
        def _mine(x: TimeExpr) -> bool:
            return x.start < fig.start or not _NEW_CLAUSE.search(ctx.text, fig.mention.end, x.start)
        if not seg.comparison:  # "compared with ..., prosecuting 71 ..., and convicting 19 ... in 2022": the list's time
            own = ([x for x in own if _mine(x)]
                   or [x for x in exprs if _mine(x) and not segment_at(segs, x.start).comparison] or own)
        if _BASE_NEXT.search(ctx.text, slot[2], slot[3]):  # "rose to 45 from 30 in 2022": 2022 is the base's
            own = [x for x in own if x.start < slot[3]]
        before = [x for x in own if slot[0] <= x.start < slot[1]]
        # "In 2022 they had opened 52 and in 2021 about 40": a time right before the next figure is that one's
        # "80 victims in the first four months of 2024, twice as many as a year earlier": a time counted
        # back from the figure's own is the compared period's, not the figure's
        after = [x for x in own if slot[2] <= x.start < slot[3]
                 and not (before and _LEADS_NEXT.fullmatch(ctx.text, x.end, slot[3])
                          and not _timed_after(ctx, exprs, slot[3], fig.sentence))
                 and not (before and slot[3] < fig.sentence.end and _ITEM_TIME.search(ctx.text, fig.mention.end, x.start))
                 and not (before and x.anchored and not x.report_year and any(not b.anchored for b in before)
                          and (_COMPARES_WITH.search(ctx.text, fig.mention.end, x.start)
                               # "Last year, 58 were convicted; a year earlier the figure was 47": the next one's
                               or (slot[3] < fig.sentence.end and _CLAUSE_LEAD.search(ctx.text, fig.mention.end, x.start))))]
        in_slot = ([x for x in own if _labels(ctx.text, x, fig)]  # "in 2023 (81)", "2023: 260"
                   or after  # "1,212 in 2019, 1,046 in 2020"
                   or before or own)
    if own and _after_base(ctx, fig, in_slot):
        own = []  # "1,236 in 2023, a rise on the 915 rescued in 2022, among them 418 children": 2022 is the base's
    if own:
        e = min(in_slot, key=lambda x: min(abs(x.end - fig.start), abs(x.start - fig.mention.end)))
        reference = main if not e.same_period or main else (ctx.governing[0] if ctx.governing else None)
        if e.same_period and main is None and ctx.governing:
            reference = ctx.governing[0]
        if (e.anchored or e.report_year) and e is _main_expr(exprs, segs):
            reference = ctx.governing[0] if ctx.governing else None  # main is this very expression, resolved
        if e.anchored and not e.report_year and not e.fiscal and reference is None and ctx.governing is None:
            fig.period, fig.period_text = None, e.text  # "in the previous period" before the period is named
            ctx.deferred[id(fig)] = e
            fig.rules.append(e.rule)
            return
        if e.rule == "per.this_year" and ctx.first_governing and ctx.first_governing[0] and ctx.pub_year \
                and ctx.first_governing[0].startswith(f"{ctx.pub_year}-01-01/"):
            reference = ctx.first_governing[0]  # "this year's cases" after "since the beginning of the year"
        period = ctx.rules.periods.resolve(e, ctx.pub_year, reference, ctx.country)
        if period is None and e.fiscal and ctx.country is None:
            period = ctx.rules.periods.resolve(e, ctx.pub_year, reference, _bodies_country(ctx))
        if period is not None or not e.report_year:  # "during the year" with no year in context inherits
            fig.period = period
            fig.period_text = e.text
            fig.period_explicit = True
            fig.rules.append(e.rule)
            return
    base = fig.head or (fig.rules and fig.elliptical and _antecedent(ctx, fig)) or None
    restated = ctx.totals.get(id(fig))
    if restated is not None and restated.mention.value == fig.mention.value and restated.period_text:
        base = restated  # "Of the 211, 60 were children" after another year's figure: the 211's period
    if base is None and fig.borrowed is not None and _continues_passage(ctx, fig.borrowed, fig):
        base = fig.borrowed  # "46 people were convicted in 2020. Thirty were men and 16 women": the count it continues
    if isinstance(base, Figure) and base.period_text:
        fig.period, fig.period_text = base.period, base.period_text
    elif ctx.governing:
        fig.period, fig.period_text = ctx.governing
    if fig.period and _FROM_BEFORE.search(ctx.text, max(fig.sentence.start, fig.start - 80), fig.start) \
            and not _TO_NEXT.match(ctx.text, fig.mention.end):
        # "confirmed cases fell from 45": the base of a change whose newer figure is the passage's
        # ("rose from one to four" is left to from_base); after a sentence comparing with another
        # period ("up from the same crackdown last year, when police caught 522"), that period
        compared = _compared_period(ctx, fig)
        fig.period = compared or year_before(fig.period)
        fig.period_text = compared or fig.period
        fig.rules.append("per.lone_base")


#: the period right after a base figure: "from 37 in 2021", "than the 12 recorded in 2022"
_BASE_TAIL = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:in|during|for|over)\s+(?:the\s+)?\Z", re.IGNORECASE)


def _bodies_country(ctx: DocContext) -> str | None:
    """The one country the bodies a document names belong to ("the Australian Federal Police",
    "Homeland Security Investigations"): whose fiscal calendar a fiscal year follows when the
    document's own country is not known."""
    countries = {m.entities[0].country for m in ctx.bodies if m.entities[0].country}
    return countries.pop() if len(countries) == 1 else None


def _dates_another_base(ctx: DocContext, fig: Figure, expr: TimeExpr) -> bool:
    """``expr`` comes right after a base figure other than ``fig`` ("a marked increase from 37 in
    2021", "up from 38 in 2022, and 20 were men"): it dates that base only."""
    before = [c for c in ctx.cands if c.end <= expr.start]
    if not before or before[-1].start == fig.mention.start:
        return False
    base = before[-1]
    lead = before[-2].end if len(before) > 1 else fig.sentence.start
    return (_BASE_TAIL.fullmatch(ctx.text, base.end, expr.start) is not None
            and _BASE_NEXT.search(ctx.text, max(lead, base.start - 40), base.start) is not None)


#: a relative clause dating an institution, not the figures around it ("which has been in operation since 2019")
_IN_SERVICE_SINCE = re.compile(r"\b(?:which|that)\s+(?:has|have|had)\s+been\s+(?:in\s+operation|operating|operational|open|running|"
                               r"active|working|in\s+place|in\s+force)\s+(?=since\b)", re.IGNORECASE)


def may_govern(fig: Figure, figs: list[Figure], in_comparison: bool) -> bool:
    """A figure with its own period governs the passage unless it is a comparison's base; in a
    comparison clause only the newest of the sentence's periods does ("Compared with 2022, when 150
    were identified, the number rose to 206 in 2023")."""
    if not fig.period_explicit:
        return False
    if fig.period_text and any(fig.sentence.text.startswith(fig.period_text, m.end())
                               for m in _IN_SERVICE_SINCE.finditer(fig.sentence.text)):
        return False  # "sheltered at centres which have been open since February 2019": the centres' age, not the passage's time
    if not in_comparison:
        return True
    period = fig.period
    others = [f.period for f in figs if f is not fig and f.period and f.period != period]
    return bool(period and others) and all(p[:4] < period[:4] for p in others if p and period)


def _compared_period(ctx: DocContext, fig: Figure) -> str | None:
    """The period of the base a change in the sentence just before compared with: an explicit
    period older than the one governing, in the same paragraph."""
    gov = ctx.governing[0] if ctx.governing else None
    before = [f for f in ctx.figures if f.sentence.index == fig.sentence.index - 1
              and f.sentence.paragraph == fig.sentence.paragraph]
    older = [f.period for f in before if f.period_explicit and f.period and gov and f.period != gov
             and f.period[:4] < gov[:4]]
    return older[-1] if older else None


def _after_base(ctx: DocContext, fig: Figure, exprs: list[TimeExpr]) -> bool:
    """A part of a total in its sentence whose only nearby period follows another figure written
    between them (the base the total is compared with): the period is the base's, not the part's."""
    head = fig.head
    if head is None or head.sentence is not fig.sentence or head.unit != "count":
        return False
    between = [c for c in ctx.cands if head.mention.end <= c.start < fig.start]
    return bool(between) and all(between[-1].end <= x.start and x.end <= fig.start for x in exprs)
def _continues_passage(ctx: DocContext, base: Figure, fig: Figure) -> bool:
    """A count of the same paragraph lends its period to the figure that continues it; across a paragraph
    break the governing period decides."""
    if base.sentence is fig.sentence:
        return not base.period_explicit  # "Thirty were men and 16 were women" after "In 2020, 46 people ..."
    return "\n\n" not in ctx.text[base.sentence.end:fig.sentence.start]


def _antecedent(ctx: DocContext, fig: Figure) -> Figure | None:
    same = [f for f in ctx.figures if f.sentence is fig.sentence and f.start < fig.start]
    return same[-1] if same else None


_IN_NEXT = re.compile(r"\s+(?!(?:and|or|while|but|whereas)\b)(?:[a-z]+\s+)?in\s+(?:the\s+)?[A-Z]")


def assign_place(ctx: DocContext, fig: Figure, sent: Sentence, slot: tuple[int, int, int, int]) -> None:
    place, rule = ctx.rules.places.figure_place(ctx.text, (sent.start, sent.end), slot, ctx.mentions, ctx.country,
                                                fig.scope == "incident")
    if fig.indicator == "estimated_victims" and place is None:
        after = ctx.rules.places.country_named(ctx.text, slot[2], slot[3], ctx.mentions)
        named: str | None
        if after and _IN_NEXT.match(ctx.text, slot[2]):  # "... and around 100,000 in Cambodia": its own country
            named = after
        else:
            named = ctx.rules.places.country_named(ctx.text, slot[0], slot[1], ctx.mentions) or after
        if named and fig.nationality in (None, named):  # "at least 120,000 people in Myanmar"
            place, rule, fig.location = named, "place.estimate_country", None
    total = fig.head or ctx.totals.get(id(fig))
    if rule == "place.sentence_subdivision" and total is not None and total.place:
        place, rule = total.place, "place.total"  # "Of the 771, 466 ..., a ministry official told a seminar in Vientiane"
    if rule:
        fig.rules.append(rule)
    entity = ctx.tracker.entities.get(fig.source) if fig.source else None
    if place == "":
        fig.place = None
    elif place:
        fig.place = place
    elif fig.head is not None and fig.head.place:
        fig.place = fig.head.place
    elif id(fig) in ctx.totals and ctx.totals[id(fig)].place:
        fig.place = ctx.totals[id(fig)].place  # "Children accounted for 74 of the 187 referrals"
    elif entity is not None and entity.place and ctx.country in (None, entity.country):
        fig.place = entity.place  # "Police Scotland", "California Department of Justice"
    elif entity is not None and entity.country == "WORLD" and (ctx.country is None or fig.indicator == "illicit_profits"):
        fig.place = "WORLD"  # a global body's figure with no narrower place named (its estimate of profits)
        fig.rules.append("place.world_body")
    else:
        fig.place = ctx.country
    nat = fig.nationality
    if fig.indicator == "victims_repatriated" and nat and nat != "foreign" and not (fig.place or "").startswith(nat):
        fig.place = nat  # "Indonesia ... brought home 554 Indonesians via Mae Sot": the repatriating country's figure
        fig.rules.append("place.repatriating_country")


def assign_source(ctx: DocContext, fig: Figure, cues: list[Cue], following: list[Sentence]) -> None:
    cue = choose(cues, fig.start, clause_at(ctx, fig.sentence, fig.mention))
    if cue is not None:
        fig.source = cue.body
        fig.rules.append(cue.rule)
    elif ctx.tracker.state.report_body:
        fig.source = ctx.tracker.state.report_body
        fig.rules.append("src.passage")
    else:
        for nxt in following[:1]:
            if _NEW_TOPIC.match(nxt.text):
                break  # "Nationally, the council said ...": another body's figures
            later = [c for c in ctx.tracker.cues(nxt.start, nxt.end) if c.body]
            if later:
                fig.source = later[0].body
                fig.rules.append("src.next_sentence")
                break


_POLICE = re.compile(r"\b[Pp]olice\b")


def fill_sources(ctx: DocContext) -> None:
    """A figure no sentence credits takes the body the document reports for (SPEC section 5: the
    body whose report the passage is about): the body credited with most of its figures, else the
    body its lead names first."""
    counts: dict[str, int] = {}
    for fig in ctx.figures:
        if fig.source:
            counts[fig.source] = counts.get(fig.source, 0) + 1
    main = max(counts, key=lambda k: counts[k]) if counts else ctx.tracker.author
    if ctx.tracker.masthead and ctx.tracker.masthead not in counts:
        main = ctx.tracker.masthead  # "CoMensha | Annual report 2022": a body's own document, whoever else it cites
    entity = ctx.tracker.entities.get(main) if main is not None else None
    if entity is not None and entity.body_kind == "court":
        main = None  # "filed before the High Court": a court named in the lead is no author
    if main is None and ctx.country and _POLICE.search(ctx.text):
        main = ctx.rules.bodies.national_police.get(ctx.country)  # "freed by police" in a national force's country
    if main is None:
        return
    for fig in ctx.figures:
        if fig.source is None:
            fig.source = main
            fig.rules.append("src.document")


def inherit_series_crimes(figs: list[Figure]) -> None:
    """'163 cases last year ... 134 cases in 2018': the same series (same indicator and source, its
    own stated period) keeps its crime labels."""
    for i, fig in enumerate(figs):
        if fig.crimes or fig.elliptical or fig.head is not None:
            continue
        for prev in reversed(figs[:i]):
            if fig.sentence.index - prev.sentence.index > 2:
                break
            if prev.head is not None and prev.crimes != prev.head.crimes:
                continue  # "190 involved sex trafficking and 18 labor trafficking": a part's own crime
            if prev.indicator == fig.indicator and prev.crimes and prev.period and fig.period \
                    and prev.period != fig.period and fig.period_explicit and prev.source == fig.source:
                fig.crimes = prev.crimes
                fig.rules.append("crime.series")
                break
    for fig in figs:  # a part of a total labelled only now takes its crimes (seed 002's convention)
        base = fig.crime_base
        if not fig.crimes and base is not None and base.crimes:
            fig.crimes = base.crimes
            fig.rules.append("crime.breakdown")


_REPORT_YEAR = re.compile(
    r"\b(?P<y1>(?:19|20)\d\d)\s+(?:(?:[A-Z][a-z]+|annual|national|situation|yearly)\s+){0,3}(?:[Rr]eport|[Ss]urvey|[Ss]tatistics)\b"
    r"|\b(?:annual|situation|national|yearly)\s+(?:situation\s+)?report\s+(?:on|for|of)\s+(?:[\w-]+\s+){0,4}?(?P<y2>(?:19|20)\d\d)\b(?!\s*[-/–])"
    r"|\b(?:published|released|presented)\s+(?:its|the)\s+[A-Z][\w-]*\s+(?:[\w-]+\s+){0,4}(?P<y3>(?:19|20)\d\d)\b(?!\s*[-/–])"
    # "The figures cover 2023", "the report, which covers the year 2023"
    r"|\b(?:covers?|covering|refers?\s+to|relates?\s+to)\s+(?:the\s+(?:calendar\s+)?year\s+)?(?P<y4>(?:19|20)\d\d)\b(?!\s*[-/–])"
    # a title: "Human trafficking report 2023", "Annual Report for the year 2023", "Statistical review 2023"
    r"|\b(?:[Rr]eport|[Rr]eview|[Ss]tatistics|[Bb]ulletin)\s+(?:for\s+(?:the\s+year\s+)?)?(?P<y5>(?:19|20)\d\d)\b(?!\s*[-/–])")


_FROM_BEFORE = re.compile(r"\b(?:rose|fell|increased|decreased|dropped|climbed|grew|jumped|declined|went up|went down|"
                          r"rising|falling|increasing|decreasing|up|down|doubled|tripled|halved|surged|slipped|plunged|"
                          r"an?\s+(?:[a-z]+\s+)?(?:drop|fall|decline|decrease|increase|rise|jump|reduction|dip|surge))\b[^.;]{0,60}?\bfrom\s+\Z", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"\s+to\s+")
_TO_NEXT = re.compile(r"\s+to\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+)?[\d\w]")
#: "fell to 80 from 95", "300 victims, up from 250", "an increase on the 250": the next figure is the base
_BASE_AFTER = re.compile(r"(?:\s+[\w-]+){0,8}?(?:\s*\([^()]{1,30}\))?\s*,?\s*(?:(?:up|down|rising|falling|increasing|decreasing|"
                         r"an?\s+(?:increase|decrease|rise|drop|fall|jump|decline)|(?:increased|decreased|rose|fell))\s+"
                         r"(?:(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent|percent)?\s+)?)?"  # "down 12 from 70"
                         r"(?:from|on)\s+(?:the\s+)?", re.IGNORECASE)
#: a base with its own time words right after it ("from 95 in 2022", "from 95 the year before")
_OWN_PERIOD_AFTER = re.compile(r"[^.;,]{0,40}?\b(?:in|during|for|the|a|last|this)\s+(?:(?:19|20)\d\d|year|previous|prior|"
                               r"preceding|same|first|second|third|fourth|last|period|quarter|half)\b", re.IGNORECASE)
_COMPARED_ANY = re.compile(r"\b(?:from|than|against|compared\s+(?:to|with)|versus|vs\.?)\s", re.IGNORECASE)
_YEARS = re.compile(r"(\d{4})-01-01/(\d{4})-12-31")
_INTERVAL = re.compile(r"(\d{4})-(\d\d)-(\d\d)/(\d{4})-(\d\d)-(\d\d)")


def from_base(ctx: DocContext, figs: list[Figure]) -> None:
    """'rose from one to four in 2022': the base of a change takes the period before the one the
    change ends in (2021), or none when that period has no year before it that can be written;
    so does a base written after the newer figure without its own period ('fell to 80 from 95',
    'rescued 300 in 2023, up from 250')."""
    # a bracketed share between the two ("11 were male (21 per cent), down from 15") is no base
    for a, b in itertools.chain.from_iterable(
            itertools.pairwise([f for f in figs if f.unit == unit]) for unit in dict.fromkeys(f.unit for f in figs)):
        if a.indicator != b.indicator or a.unit != b.unit or a.period is None or a.period != b.period:
            continue
        span = _YEARS.fullmatch(a.period)
        if (_FROM_BEFORE.search(ctx.text, max(0, a.start - 80), a.start)
                and _TO_BETWEEN.fullmatch(ctx.text, a.mention.end, b.mention.start) and span):
            # "rose from 30 to 60 between 2021 and 2023": the ends of the span, not the span twice
            a.period, b.period = span.group(1), span.group(2)
            a.period_explicit = False
            a.rules.append("per.span_ends")
            b.rules.append("per.span_ends")
        elif (_FROM_BEFORE.search(ctx.text, max(0, a.start - 80), a.start)
                and _TO_BETWEEN.fullmatch(ctx.text, a.mention.end, b.mention.start)):
            a.period = year_before(a.period)
            a.period_explicit = False
            a.rules.append("per.from_base")
        elif (_BASE_AFTER.fullmatch(ctx.text, a.mention.end, b.mention.start)
              and (b.period_text is None or b.period_text == a.period_text)
              and not _OWN_PERIOD_AFTER.match(ctx.text, b.mention.end)):
            b.period = year_before(b.period) if b.period else None
            b.period_text = b.period  # inherited: the period before the newer figure's
            b.period_explicit = False
            b.rules.append("per.base_after")
        elif ("per.last_year" in b.rules and b.period_text != a.period_text and a.period_explicit
              and _COMPARED_ANY.search(ctx.text, a.mention.end, b.mention.start)):
            # "150 cases in 2023, against 120 last year": a base cannot share the newer figure's
            # period, so "last year" is the year before the newer figure's
            b.period = year_before(a.period)
            b.period_text = b.period
            b.period_explicit = False
            b.rules.append("per.base_relative")


def year_before(period: str) -> str | None:
    """'2022' -> '2021'; '2021-10-01/2022-09-30' -> '2020-10-01/2021-09-30'; else None."""
    if re.fullmatch(r"\d{4}", period):
        return str(int(period) - 1)
    m = _INTERVAL.fullmatch(period)
    if m is None or "02-29" in period:
        return None
    y1, m1, d1, y2, m2, d2 = m.groups()
    return f"{int(y1) - 1}-{m1}-{d1}/{int(y2) - 1}-{m2}-{d2}"


def event_period(ctx: DocContext, sent: Sentence, *, numbered: bool = True,
                 numbers: Sequence[NumberMention] = ()) -> None:
    """'The action, which ran from 5 to 11 June 2023, involved ...': a sentence without figures
    that dates the event the passage is about governs it (an interval only, not "set up in 2009"),
    as does one that opens on a period and states a change ("Last year, cases fell by a quarter"),
    and one that dates a count tipwatch does not read ("In 2023, 150 persons were victims of
    trafficking", "Police opened 41 investigations into trafficking last year"); a sentence
    without any number is read for the second kind only."""
    if _COVERS.search(ctx.text, sent.start, sent.end):  # "The report covers January to June 2024."
        exprs, _ = ctx.rules.periods.find(ctx.text, sent.start, sent.end)
        spans = [e for e in exprs if (e.year is not None or e.offset is not None or e.sub) and not e.same_period
                 and not e.cumulative and not e.to_date and not e.report_year and not e.anchored]
        if len(spans) == 1 and len(exprs) == 1:
            _govern(ctx, ctx.rules.periods.resolve(spans[0], ctx.pub_year, None, ctx.country), spans[0].text)
            return
    if not numbered and not _states_change(ctx.text, sent.start, sent.end):
        return
    exprs, blocked = ctx.rules.periods.find(ctx.text, sent.start, sent.end)
    if numbered:
        report = _REPORT_YEAR.search(ctx.text, sent.start, sent.end)
        spans = [e for e in exprs if "range" in e.rule and not e.same_period]
        if spans:
            _govern(ctx, ctx.rules.periods.resolve(spans[0], ctx.pub_year, None, ctx.country), spans[0].text)
            return
        if report:  # "the 2023 Annual National Report", "its situation report on human trafficking 2023"
            year = next(y for y in report.groups() if y)
            if ctx.pub_year is None or int(year) <= ctx.pub_year:
                _govern(ctx, year, report.group(0))
            return
        dated = _dated_count(ctx, sent, exprs, blocked, numbers)
        if dated is not None:
            _govern(ctx, ctx.rules.periods.resolve(dated, ctx.pub_year, None, ctx.country), dated.text)
            return
    frame = [e for e in exprs[:1] if _frames_a_change(ctx.text, sent, e)]
    if frame:
        _govern(ctx, ctx.rules.periods.resolve(frame[0], ctx.pub_year, None, ctx.country), frame[0].text)


#: a sentence saying what period a report or data set covers
_COVERS = re.compile(r"\b(?:covers?|covering|covered|spans?|spanning|refers?\s+to|relates?\s+to)\b", re.IGNORECASE)


def opening_period(ctx: DocContext, sent: Sentence, numbers: Sequence[NumberMention]) -> None:
    """'In 2022, 130 persons were victims of trafficking.' after a passage about 2023: a sentence
    whose count is not read but that opens on its own time frames the sentences after it."""
    exprs, blocked = ctx.rules.periods.find(ctx.text, sent.start, sent.end)
    dated = _dated_count(ctx, sent, exprs, blocked, numbers)
    if dated is not None and dated is opening_time(ctx, sent, exprs):
        _govern(ctx, ctx.rules.periods.resolve(dated, ctx.pub_year, None, ctx.country), dated.text)


def _dated_count(ctx: DocContext, sent: Sentence, exprs: list[TimeExpr], blocked: list[tuple[int, int]],
                 numbers: Sequence[NumberMention]) -> TimeExpr | None:
    """The one time of a sentence that states a count tipwatch could not classify: the sentence
    opens on it ("In 2023, 150 persons were victims of trafficking") or names trafficking ("opened 41
    pre-trial investigations into human trafficking last year"); a time that dates a law or a
    founding ("adopted in 2015"), a base ("than in 2022") or a running total never does."""
    counts = [n for n in numbers if not any(a <= n.start < b for a, b in blocked)]
    if not counts:
        return None
    segs = segments(sent)
    times = [e for e in exprs if (e.year is not None or e.offset is not None) and not e.same_period
             and not e.cumulative and not e.to_date and not e.report_year and not e.anchored
             and e.month_offset is None and not segment_at(segs, e.start).comparison
             and not ctx.rules.periods.origin_words.search(ctx.text, max(sent.start, e.start - 40), e.start)]
    if len(times) != 1 or len(times) != len([e for e in exprs if not e.same_period]):
        return None  # several times (a comparison, a law's year): the passage's own is unclear
    expr = times[0]
    if _LEAD_IN.fullmatch(ctx.text, sent.start, expr.start) and _OPENING_COMMA.match(ctx.text, expr.end):
        return expr
    named = any(sent.start <= c.start < sent.end for c in ctx.crimes)
    return expr if named and any(n.start < expr.start for n in counts) else None


_OPENING_COMMA = re.compile(r"\s*,")


def opening_time(ctx: DocContext, sent: Sentence, exprs: list[TimeExpr]) -> TimeExpr | None:
    """'In 2020, police registered 40 cases.': a year or a relative year the sentence opens on
    frames what follows, even when it is older than the period in context."""
    first = exprs[0] if exprs else None
    if (first is None or (first.year is None and first.offset is None) or first.same_period or first.cumulative
            or first.anchored or first.report_year):
        return None
    if _LEAD_IN.fullmatch(ctx.text, sent.start, first.start) and _OPENING_COMMA.match(ctx.text, first.end):
        return first
    return None


#: a sentence that looks back from the period in context: "In 2022, the rapporteur had counted 231", "By comparison, ..."
_LOOKS_BACK = re.compile(r"\bhad\s+(?:(?:already|also|only|just|previously)\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ught|ound|ent|ade|id)\b"
                         r"|\b(?:by|in)\s+comparison\b", re.IGNORECASE)


def not_older(period: str, governing: str) -> bool:
    """Whether ``period`` ends in the year the governing period ends in, or later: a figure for 2022
    does not take over from a reporting period that runs from October 2022 to September 2023."""
    return period.rsplit("/", 1)[-1][:4] >= governing.rsplit("/", 1)[-1][:4]


def looks_back(text: str, sent: Sentence) -> bool:
    """An older year the sentence opens on ("In 2022, police had identified 231") is a look back from
    the period in context, not a new frame for the sentences after it."""
    return _LOOKS_BACK.search(text, sent.start, sent.end) is not None


def _govern(ctx: DocContext, period: str | None, words: str) -> None:
    if period:
        ctx.governing = (period, words)
        ctx.first_governing = ctx.first_governing or ctx.governing


_LEAD_IN = re.compile(r"(?:[^\n]{0,60}?\s(?:—|–|--?)\s+)?"  # a dateline: "LIMA, March 3 (AP) — "
                      r"\s*(?:(?:in|during|throughout|for|over)\s+)?(?:the\s+(?:fiscal\s+|calendar\s+)?year\s+)?\Z", re.IGNORECASE)
_CUES = load_cues()  # the change words of the claims rules (rules/claims.yaml), one vocabulary
_CHANGE_WORD = re.compile(rf"\b(?P<w>{_CUES.change})\b", re.IGNORECASE)


def _states_change(text: str, start: int, end: int) -> bool:
    """A rise, a fall or a multiplier ("doubled") in ``text[start:end]``, not "set up" or "cracked down"."""
    if any(_CUES.states_change(m) for m in _CHANGE_WORD.finditer(text, start, end)):
        return True
    return _CUES.multiplier_verb.search(text, start, end) is not None


def _frames_a_change(text: str, sent: Sentence, expr: TimeExpr) -> bool:
    """'In 2016, human trafficking in the US rose 35.7 percent from the previous year': a sentence
    that opens on a year and states a change frames the statistics the passage goes on to give."""
    return ((expr.year is not None or expr.offset is not None) and not expr.same_period and not expr.cumulative
            and not expr.to_date and _LEAD_IN.fullmatch(text, sent.start, expr.start) is not None
            and _states_change(text, expr.end, sent.end))


def fill_periods(ctx: DocContext) -> None:
    """Figures stated before any period (a headline, a lead) take the year the headline names, else
    the first period that governs."""
    headline = headline_period(ctx) if ctx.deferred and not ctx.first_governing else None
    for fig in ctx.figures:
        expr = ctx.deferred.get(id(fig))
        if expr is not None:  # "the previous period": counted from the first period the passage (or headline) names
            reference = ctx.first_governing[0] if ctx.first_governing else headline[0] if headline else None
            fig.period = ctx.rules.periods.resolve(expr, ctx.pub_year, reference, ctx.country)
    if any(f.period is None and f.period_text is None for f in ctx.figures):
        first = headline_period(ctx) or ctx.first_governing or ctx.governing
        if first is None:  # a TIP Report country narrative: its reporting period
            tip = ctx.rules.periods.report_period(ctx.pub_year)
            first = (tip, "the reporting period") if tip else None
    else:
        return
    filled: dict[int, list[Figure]] = {}
    for fig in ctx.figures:
        if fig.period is None and fig.period_text is None and first:
            fig.period, fig.period_text = first
            filled.setdefault(fig.sentence.index, []).append(fig)
    for figs in filled.values():  # "recorded 623 cases, up from 482" before any period: the base is the year before
        from_base(ctx, figs)


_MONTH = re.compile(r"\d{4}-\d\d")
_DAY_SPANS = ("per.day_range", "per.date_range")
_NEAR_SENTENCES = 2


def refine_event_dates(ctx: DocContext, sentences: list[Sentence]) -> None:
    """'an operation in October led to 43 charges ... The operation ran from Oct. 14 to Oct. 25': the
    days that the same paragraph or a sentence close by give, within the month a figure was dated by,
    date the figure."""
    dated = [f for f in ctx.figures if f.period and _MONTH.fullmatch(f.period)]
    if not dated:
        return
    for sent in sentences:
        near = [f for f in dated if f.sentence.paragraph == sent.paragraph
                or abs(sent.index - f.sentence.index) <= _NEAR_SENTENCES]
        if not near:
            continue
        if not ctx.rules.periods.event_words.search(ctx.text, sent.start, sent.end):
            continue  # the days of an operation, not of a training course
        exprs, _ = ctx.rules.periods.find(ctx.text, sent.start, sent.end)
        for e in (x for x in exprs if x.rule in _DAY_SPANS):
            span = ctx.rules.periods.resolve(e, ctx.pub_year, None, ctx.country)
            for fig in near:
                if span and "/" in span and span[:7] == fig.period == span[11:18]:
                    fig.period, fig.period_text = span, e.text
                    fig.rules.append("per.event_days")


_HEADLINE_YEAR_RULES = ("per.year", "per.fiscal", "per.fiscal_two_year")


def headline_period(ctx: DocContext) -> tuple[str, str] | None:
    """'Trafficking investigations rise almost 10% in 2023': the one year the headline (the
    header the clean-up set aside) names, when it is not after the publication year."""
    raw = ctx.doc.raw.text or ""
    heads = [b for b in ctx.doc.removed if b.rule == "header" and b.start < 400]
    if not heads:
        return None
    text = raw[heads[0].start:heads[0].end]
    exprs, _ = ctx.rules.periods.find(text, 0, len(text))
    # a year, or a span ("in January-November", "in first half of 2024"), not "since 2015" or "a year earlier"
    named = [e for e in exprs if e.rule in _HEADLINE_YEAR_RULES or (
        e.sub and not (e.cumulative or e.anchored or e.same_period or e.report_year or e.rule == "per.anaphor"))]
    if len(exprs) != 1 or len(named) != 1:
        return None
    period = ctx.rules.periods.resolve(named[0], ctx.pub_year, None, ctx.country)
    if period is None or (ctx.pub_year is not None and int(period[:4]) > ctx.pub_year):
        return None
    return period, named[0].text


def to_fact(ctx: DocContext, fig: Figure) -> Fact:
    inherited = fig.elliptical or fig.head is not None or not fig.period_explicit
    return Fact(
        doc=ctx.doc.doc, indicator=fig.indicator, value=fig.mention.value,
        span=(fig.mention.start, fig.mention.end), sentence=fig.sentence.text, unit=fig.unit,
        qualifier=fig.qualifier, period=fig.period, period_text=fig.period_text, place=fig.place,
        crime="+".join(sorted(set(fig.crimes))) or None, age=fig.age, sex=fig.sex,
        nationality=fig.nationality, location=fig.location, source=fig.source, scope=fig.scope,
        surface=fig.mention.surface,
        match=(MatchKind.INHERITED if inherited else MatchKind.EXACT).value,
        rules=tuple(dict.fromkeys(fig.rules)),
    )


_BREAKDOWN = ("age", "sex", "nationality", "location")


def dedupe(facts: list[Fact]) -> list[Fact]:
    """A figure restated later ("Of the 91 suspects arrested") is kept once."""
    out: list[Fact] = []
    for f in facts:
        same = next((g for g in out if g.indicator == f.indicator and g.value == f.value and g.unit == f.unit
                     and g.period == f.period and all(getattr(f, b) in (None, getattr(g, b)) for b in _BREAKDOWN)),
                    None)
        if same is None:
            out.append(f)
        elif same.crime is None and f.crime and same.sentence != f.sentence:
            same.crime = f.crime  # a headline restated in the body: the body's words label it
    return out
