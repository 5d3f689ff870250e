"""The extractor: cleaned text in, source-grounded facts out.

Numbers are found with one compiled pattern over the whole text; only the sentences that
hold one get the deep work (nouns, actions, periods, places). Names of bodies and places
are read in one pass to infer the document's country and follow attributions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from tipwatch.extract import attributes as attrs
from tipwatch.extract import crime_scope, shares
from tipwatch.extract import figures as fg
from tipwatch.extract.attributes import CrimeMention
from tipwatch.extract.figures import Figure
from tipwatch.extract.folding import lowered
from tipwatch.extract.gazetteer import EntityMention
from tipwatch.extract.indicators import Noun
from tipwatch.extract.lexicon import Rules
from tipwatch.extract.numbers import NumberMention
from tipwatch.extract.orgs import merge_mentions
from tipwatch.extract.periods import TimeExpr, publication_year
from tipwatch.extract.sentences import Sentence, segment_at, segments, split_sentences
from tipwatch.extract.sources import Cue, SourceTracker, choose
from tipwatch.extract.subjects import noun_before
from tipwatch.model import CleanDocument, Fact, MatchKind

EXTRACTOR_VERSION = "1.0.0"


@dataclass
class DocContext:
    doc: CleanDocument
    text: str
    rules: Rules
    country: str | None
    pub_year: int | None
    mentions: list[EntityMention]
    crimes: list[CrimeMention]
    tracker: SourceTracker
    countries_at: dict[int, str]
    low: str | None = None  # the text lower-cased, when that keeps its offsets
    governing: tuple[str | None, str] | None = None  # (period, words)
    first_governing: tuple[str | None, str] | None = None
    bodies: list[EntityMention] = field(default_factory=list)
    body_starts: list[int] = field(default_factory=list)
    cands: list[NumberMention] = field(default_factory=list)  # the current sentence's candidate numbers
    totals: dict[int, Figure] = field(default_factory=dict)  # id(part) -> the total it restates or breaks down
    nouns: dict[tuple[int, int], Noun] = field(default_factory=dict)  # memo of noun_after
    clauses: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # memo of clause_of
    figures: list[Figure] = field(default_factory=list)
    prev: list[Figure] = field(default_factory=list)

    def crimes_before(self, pos: int) -> tuple[str, ...]:
        """The crime labels of the last sentence before ``pos`` that named any."""
        found = [c for c in self.crimes if c.end <= pos]
        if not found:
            return ()
        last_start = found[-1].start
        group = {x for c in found if last_start - c.start < 200 for x in c.crimes}
        return tuple(sorted(group))


def extract_facts(doc: CleanDocument, rules: Rules) -> list[Fact]:
    """Every figure about trafficking in persons the document states, with its provenance."""
    text = doc.text
    if not text:
        return []
    low = lowered(text)
    crimes = rules.attributes.crimes_in(text, 0, len(text), low)
    if not crimes:
        return []  # not about trafficking in persons
    numbers = list(rules.numbers.finditer(text))
    if not numbers or not crimes:
        return []  # no figure, or not about trafficking in persons
    known = rules.gazetteer.scan(text)
    mentions = merge_mentions(known, rules.orgs.scan(text, rules.gazetteer, known))
    country = rules.places.document_country(mentions, _url_country(doc.raw.url), text)
    ctx = DocContext(
        doc, text, rules, country, publication_year(doc.published), mentions, crimes,
        SourceTracker(text, mentions, country, _author(doc, rules), low),
        {m.start: m.entities[0].key for m in mentions if m.kind == "country"}, low=low,
    )
    ctx.bodies = [m for m in mentions if m.kind == "body"]
    ctx.body_starts = [m.start for m in ctx.bodies]
    sentences = split_sentences(text)
    starts = [n.start for n in numbers]
    for i, sent in enumerate(sentences):
        cues = ctx.tracker.cues(sent.start, sent.end)
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        figs = _sentence(ctx, sent, numbers[lo:hi], cues, sentences[i + 1:i + 3]) if lo < hi else []
        ctx.figures.extend(figs)
        if figs:
            ctx.prev = figs
        elif ctx.governing is None and lo < hi:
            _event_period(ctx, sent)
        ctx.tracker.observe(sent.start, sent.end, cues, figures=lo < hi and bool(ctx.prev) and ctx.prev[0].sentence is sent)
    _inherit_series_crimes(ctx.figures)
    _fill_periods(ctx)
    return _dedupe([_fact(ctx, f) for f in ctx.figures])


def _author(doc: CleanDocument, rules: Rules) -> str | None:
    """The body a document's header names ("Sahyog Anti-Trafficking Network, Kolkata"), which
    "we" and "our" refer to; the cleaner may have dropped the header from the text."""
    if not _WE.search(doc.text):
        return None
    head = (doc.raw.text or "")[:400]
    known = rules.gazetteer.scan(head)
    bodies = [m for m in merge_mentions(known, rules.orgs.scan(head, rules.gazetteer, known)) if m.kind == "body"]
    return bodies[0].entities[0].key if bodies else None


def _url_country(url: str | None) -> str | None:
    """'https://www.khmertimeskh.com.kh/...' -> 'KH' (a two-letter country domain)."""
    if not url:
        return None
    host = url.split("//", 1)[-1].split("/", 1)[0].lower()
    tld = host.rsplit(".", 1)[-1]
    if len(tld) == 2 and tld.isalpha() and tld not in ("tv", "io", "co", "me", "ai", "fm", "ly"):
        return "GB" if tld == "uk" else tld.upper()
    return None


def _sentence(ctx: DocContext, sent: Sentence, numbers: list[NumberMention], cues: list[Cue],
              following: list[Sentence]) -> list[Figure]:
    text, rules = ctx.text, ctx.rules
    exprs, blocked = rules.periods.find(text, sent.start, sent.end)
    arts = fg.article_mentions(text, sent.start, sent.end, rules.indicators.demonyms)
    cands = sorted([n for n in numbers if not fg.is_skipped(text, n, blocked)] + arts, key=lambda n: n.start)
    cands = [n for n in cands if _may_count(ctx, n, sent)]
    if not cands:
        return []
    if rules.attributes.off_topic(text, sent.start, sent.end, ctx.low) and not any(
            sent.start <= c.start < sent.end for c in ctx.crimes):
        # only the numbers next to the other topic ("detained 15,612 drug suspects"), not those of a
        # sentence that merely mentions it ("a dip officials linked to the Covid-19 lockdown")
        cands = [n for n in cands if not rules.attributes.off_topic(
            text, max(sent.start, n.start - 45), min(sent.end, n.end + 45), ctx.low)]
        if not cands:
            return []
    figs: list[Figure] = []
    ctx.cands = cands
    for k, m in enumerate(cands):
        slot_end = cands[k + 1].start if k + 1 < len(cands) else sent.end
        fig = _classify(ctx, sent, m, figs, slot_end)
        if fig is not None:
            total = crime_scope.total_of(fig, [*ctx.figures, *figs], text)
            if total is not None:
                ctx.totals[id(fig)] = total
                fig.nationality = fig.nationality or total.nationality  # "419 of the repatriated workers"
            rule = crime_scope.borrow(fig, total)
            if rule:
                fig.rules.append(rule)
            figs.append(fig)
    segs = segments(sent)
    main = _main_period(ctx, exprs, segs)
    for fig in figs:
        _assign_period(ctx, fig, exprs, segs, main)
        if fg.is_incident(text, _clause(ctx, sent, fig.mention), fig.period_explicit):
            fig.scope = "incident"
        _assign_source(ctx, fig, cues, following)
        _assign_place(ctx, fig, sent, _slot(cands, fig.mention, sent))
    for fig in figs:
        if fig.period_explicit and not segment_at(segs, fig.start).comparison:
            gov = ctx.governing
            if gov is None or fig.period is None or gov[0] is None or fig.period[:4] > gov[0][:4]:
                ctx.governing = (fig.period, fig.period_text or fig.period or "")
                ctx.first_governing = ctx.first_governing or ctx.governing
    return figs


def _noun_after(ctx: DocContext, m: NumberMention, sent: Sentence) -> Noun:
    """The noun after a number (looked up once: counting and classifying both ask)."""
    key = (m.end, sent.end)
    noun = ctx.nouns.get(key)
    if noun is None:
        noun = ctx.nouns[key] = ctx.rules.indicators.noun_after(ctx.text, m.end, sent.end)
    return noun


def _clause(ctx: DocContext, sent: Sentence, m: NumberMention) -> tuple[int, int]:
    key = (sent.start, m.start)
    clause = ctx.clauses.get(key)
    if clause is None:
        clause = ctx.clauses[key] = fg.clause_of(sent, m)
    return clause


def _may_count(ctx: DocContext, m: NumberMention, sent: Sentence) -> bool:
    """False for numbers that count something else ("eight nationalities"); years need a noun."""
    if fg.money_currency(ctx.text, m):
        return True
    noun = _noun_after(ctx, m, sent)
    if m.is_year_like:
        return noun.kind == "noun" and not noun.category
    if shares.is_percent(ctx.text, m.end):
        return not shares.is_change(ctx.text, m.start, m.end)
    if noun.kind == "unknown":
        return noun_before(ctx.rules.indicators, ctx.text, sent.start, m.start) is not None
    return noun.kind != "noncount"


def _classify(ctx: DocContext, sent: Sentence, m: NumberMention, figs: list[Figure], slot_end: int
              ) -> Figure | None:
    text, rules = ctx.text, ctx.rules
    ind_rules = rules.indicators
    clause = _clause(ctx, sent, m)
    before, after = text[max(0, m.start - 40):m.start], text[m.end:m.end + 20]
    qualifier, qrule = rules.attributes.qualifier(before, after)
    currency = fg.money_currency(text, m)
    if currency:
        return _money(ctx, sent, m, clause, currency, qualifier, qrule)
    if shares.is_percent(text, m.end):
        return _share(ctx, sent, m, figs, qualifier, qrule)
    noun = _noun_after(ctx, m, sent)
    if noun.kind in ("elliptical", "unknown"):
        noun = noun_before(ind_rules, text, clause[0], m.start) or noun
    if noun.kind in ("noncount", "unknown"):
        return None
    head = _named_head(ctx, sent, fg.part_head(sent, text, figs, ctx.prev, m))
    base: Figure | None = None
    rule_ids = [r for r in (qrule, noun.rule) if r]
    if noun.kind == "elliptical" or noun.category or (head is not None and noun.role == "person"):
        base = head or (figs[-1] if figs else _previous_total(ctx, sent))
        if base is None or base.role is None:
            return None
        role = base.role
        if _APPOSED_PART.match(text, m.end):  # "27 Myanmar nationals, nine of them minors, from a trawler"
            slot_end = m.end
        actions = ind_rules.actions_in(text, max(base.mention.end, clause[0], m.start - 1), slot_end, ctx.low)
        indicator, action = ind_rules.indicator(role, actions, m.start)
        if action is None:
            indicator = base.indicator
    else:
        role = noun.role or "person"
        actions = ind_rules.actions_in(text, clause[0], slot_end, ctx.low)
        actions = [a for a in actions if a.action != "estimate" or _estimate_ok(ctx, m, sent)]
        indicator, action = ind_rules.indicator(role, actions, m.start, noun.end)
        if indicator is None and head is not None:
            indicator, base = head.indicator, head
    if indicator is None:
        return None
    if action is not None:
        rule_ids.append(action.rule)
    fig = Figure(m, sent, indicator, role, noun, qualifier=qualifier, head=head,
                 elliptical=noun.kind == "elliptical" or base is not None, rules=rule_ids)
    _breakdowns(ctx, fig, base, clause, slot_end, action)
    return fig


_PAIRED = ({"women", "woman", "girls", "girl"}, {"men", "man", "boys", "boy"})


_OF_LEAD = re.compile(r"^\s*(?:Of|Among)\s+(?:the|these|those)\s+(?:[\w-]+\s+){0,3}?(?P<noun>[A-Za-z]+)\s*,")
_APPOSED_PART = re.compile(r"\s+of\s+(?:them|whom|these|those)\s+(?!(?:were|was|are|is|had|have|has|been|being)\b)"
                           r"[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s*,")


def _named_head(ctx: DocContext, sent: Sentence, head: Figure | None) -> Figure | None:
    """'Of the potential victims, 1,029 were ...': the total is the last figure counting that noun,
    not whatever figure came last."""
    if head is not None and head.sentence is not sent:
        while head.head is not None and head.head.unit == "count":
            head = head.head  # "Of those rescued, ..." after a breakdown: the total, not its last part
    lead = _OF_LEAD.match(sent.text)
    if head is None or lead is None:
        return head
    role = ctx.rules.indicators.nouns.get((lead.group("noun").lower(),), (None, None))[0]
    if role is None or role == head.role or role == "person":
        return head
    for fig in reversed(ctx.figures):
        if sent.index - fig.sentence.index > 4:
            break
        if fig.role == role and fig.unit == "count" and fig.head is None:
            return fig
    return head


def _share(ctx: DocContext, sent: Sentence, m: NumberMention, figs: list[Figure], qualifier: str,
           qrule: str | None) -> Figure | None:
    """A percentage share of a total ("Children made up 38 percent of the victims")."""
    text = ctx.text
    if shares.is_change(text, m.start, m.end):
        return None
    is_share, category = shares.share_category(text, sent.start, m.start, m.end,
                                               any(f.unit == "percent" for f in figs))
    if not is_share:
        return None
    counts = [f for f in figs if f.unit == "count"]
    base = counts[-1] if counts else _previous_total(ctx, sent, reach=2)
    if not counts and base is not None and ctx.governing and base.period != ctx.governing[0]:
        # "The total was 41% higher than the 7,155 victims registered in 2021. Women and girls made
        # up 63% of registered victims": a share of the current total, not of the comparison's base
        current = [f for f in reversed(ctx.figures) if f.role == base.role and f.unit == "count"
                   and f.period == ctx.governing[0] and sent.index - f.sentence.index <= 3]
        base = current[0] if current else base
    while base is not None and base.head is not None and base.head.unit == "count":
        base = base.head  # "Romanians made up 22 percent of the victims": of the total, not of a part
    noun = shares.referent_noun(text, m.end)
    role = ctx.rules.indicators.nouns.get((noun,), (None, None))[0] if noun else None
    indicator = ctx.rules.indicators.roles.get(role, {}).get("default") if role else None
    if indicator is None and base is not None and base.unit == "count":
        indicator, role = base.indicator, base.role
    if indicator is None:
        return None
    fig = Figure(m, sent, indicator, role, Noun("noun"), unit="percent", qualifier=qualifier, head=base,
                 elliptical=True, rules=[r for r in (qrule, "share.percent") if r])
    _category(ctx, fig, category or "")
    own, _rule = _own_crimes(ctx, m, _clause(ctx, sent, m), Noun("noun"))
    fig.crimes = fig.crimes or own or (base.crimes if base is not None else ())
    return fig


def _category(ctx: DocContext, fig: Figure, category: str) -> None:
    words = {w.lower() for w in re.findall(r"[\w'’-]+", category)}
    fem, mal = bool(words & _PAIRED[0]), bool(words & _PAIRED[1])
    if fem != mal:
        fig.sex = "female" if fem else "male"
    ages = {attrs.age_of_noun(w) for w in words} - {None}
    under = re.search(r"\bunder\s+(\d{1,2})\b", category)
    if under:
        fig.age = f"<{under.group(1)}"
    elif len(ages) == 1 and not (fem and mal) and not (len(words & (_PAIRED[0] | _PAIRED[1])) > 1):
        fig.age = ages.pop()
    for w in words:
        code = ctx.rules.indicators.demonyms.get(w)
        if code:
            fig.nationality = code
    found = ctx.rules.attributes.crimes_in(category, 0, len(category))
    fig.crimes = tuple(sorted({c for f in found for c in f.crimes}))
    if re.search(r"\blabou?r exploitation\b", category, re.IGNORECASE):
        fig.crimes = ("labour_trafficking",)


def _previous_total(ctx: DocContext, sent: Sentence, reach: int = 1) -> Figure | None:
    """'Broken down by age, 203 were children': the total is the previous sentence's first figure."""
    counts = [f for f in ctx.prev if f.unit == "count"]
    if counts and sent.index - counts[0].sentence.index <= reach:
        return counts[0]
    return None


def _estimate_ok(ctx: DocContext, m: NumberMention, sent: Sentence) -> bool:
    """'an estimated' before a small local count is a rounding; a prevalence estimate is global,
    large, or says so ("the ministry estimates that up to 2,000 Kenyans remain trapped")."""
    world = ctx.rules.places.world.search(ctx.text, sent.start, sent.end)
    return bool(world) or m.value >= 10000 or bool(_ESTIMATES_THAT.search(ctx.text, sent.start, m.start))


def _money(ctx: DocContext, sent: Sentence, m: NumberMention, clause: tuple[int, int], currency: str,
           qualifier: str, qrule: str | None) -> Figure | None:
    rules = ctx.rules
    if not rules.indicators.money_cues.search(ctx.text, clause[0], clause[1]):
        return None
    noun = _noun_after(ctx, m, sent)
    fig = Figure(m, sent, "illicit_profits", None, noun, unit=currency, qualifier=qualifier,
                 rules=[r for r in (qrule, "ind.illicit_profits") if r])
    fig.crimes, crule = _own_crimes(ctx, m, clause, noun)
    if crule and fig.crimes:
        fig.rules.append(crule)
    return fig


def _breakdowns(ctx: DocContext, fig: Figure, base: Figure | None, clause: tuple[int, int],
                slot_end: int, action: object) -> None:
    text, m, noun = ctx.text, fig.mention, fig.noun
    slot = text[m.end:slot_end]
    word = noun.word if noun.kind == "noun" else None
    fig.age = attrs.age_from_slot(slot) or _noun_age(word, fig.indicator)
    fig.sex = attrs.sex_of_noun(word)
    group = attrs.mixed_group(word, text[noun.end:slot_end]) if word else None
    group = group or attrs.category(slot, text[max(clause[0], m.start - 60):m.start])
    if group is not None:  # "were female", "Minors accounted for 318", "46 women and children"
        age, fig.sex = group
        fig.age = attrs.age_from_slot(slot) or (age if age != "18+" or fig.indicator.startswith("victims") else None)
    fig.nationality = noun.nationality
    fig.location = fg.location_after(text, m, ctx.countries_at, slot_end)
    crimes, crule = _own_crimes(ctx, fig.mention, clause, noun)
    fig.crimes = crimes
    if crule:
        fig.rules.append(crule)
    if base is not None and crule != crime_scope.DISTRIBUTED and _continues(base, fig):
        fig.crimes = fig.crimes or base.crimes
        fig.age = fig.age or base.age
        fig.sex = fig.sex or base.sex
        fig.nationality = fig.nationality or base.nationality
        fig.location = fig.location or (base.location if fig.head is None else None)
    act = action if isinstance(action, fg.Action) else None
    fig.indicator = fg.refine_victims(fig.indicator, act, text, clause, fig.nationality, ctx.country,
                                      fig.location)
    if fig.location == ctx.country:
        fig.location = None


def _continues(base: Figure, fig: Figure) -> bool:
    """A part shares its total's crimes when the total is in its sentence or heads it ("Of these,"),
    or when it continues a breakdown begun in the sentence before ("Cusco recorded 98")."""
    return base.sentence is fig.sentence or fig.head is not None or "crime.breakdown" in base.rules


def _own_crimes(ctx: DocContext, m: NumberMention, clause: tuple[int, int], noun: Noun
                ) -> tuple[tuple[str, ...], str | None]:
    found = [c for c in ctx.crimes if clause[0] <= c.start < clause[1]
             and not crime_scope.in_body_name(c, ctx.bodies, ctx.body_starts)
             and not crime_scope.in_title(ctx.text, c)]
    crimes, rule = crime_scope.own_crimes(ctx.text, found, clause, m, ctx.cands)
    if crimes or rule == crime_scope.DISTRIBUTED:
        return crimes, rule
    return fg.crimes_for(ctx.crimes_before(m.start), [], ctx.text, clause, noun)  # "such cases"


def _noun_age(word: str | None, indicator: str) -> str | None:
    age = attrs.age_of_noun(word)
    if age == "18+" and word and word.lower() in ("woman", "women", "man", "men") and not indicator.startswith("victims"):
        return None
    return age


def _main_period(ctx: DocContext, exprs: list[TimeExpr], segs: list) -> str | None:
    reference = ctx.governing[0] if ctx.governing else None
    for e in exprs:
        if not e.same_period and not segment_at(segs, e.start).comparison:
            return ctx.rules.periods.resolve(e, ctx.pub_year, reference, ctx.country)
    return reference


def _assign_period(ctx: DocContext, fig: Figure, exprs: list[TimeExpr], segs: list, main: str | None) -> None:
    seg = segment_at(segs, fig.start)
    own = [e for e in exprs if seg.start <= e.start < seg.end]
    if not own:
        own = [e for e in exprs if not segment_at(segs, e.start).comparison]
    if own:
        slot = _slot(ctx.cands, fig.mention, fig.sentence)
        in_slot = ([x for x in own if slot[2] <= x.start < slot[3]]  # "1,212 in 2019, 1,046 in 2020"
                   or [x for x in own if slot[0] <= x.start < slot[1]] or own)
        e = min(in_slot, key=lambda x: min(abs(x.end - fig.start), abs(x.start - fig.mention.end)))
        reference = main if not e.same_period or main else (ctx.governing[0] if ctx.governing else None)
        if e.same_period and main is None and ctx.governing:
            reference = ctx.governing[0]
        fig.period = ctx.rules.periods.resolve(e, ctx.pub_year, reference, ctx.country)
        if _ANCHORED.fullmatch(e.text) and main and any(
                x is not e and not x.same_period and not _ANCHORED.fullmatch(x.text) for x in exprs):
            fig.period = _year_before(main)  # "176 cases in 2022, up from 139 a year earlier"
        fig.period_text = e.text
        fig.period_explicit = True
        fig.rules.append(e.rule)
        return
    base = fig.head or (fig.rules and fig.elliptical and _antecedent(ctx, fig)) or None
    if isinstance(base, Figure) and base.period_text:
        fig.period, fig.period_text = base.period, base.period_text
    elif ctx.governing:
        fig.period, fig.period_text = ctx.governing


_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur)\b")
_NEW_TOPIC = re.compile(r"(?:Nationally|Nationwide|Separately|Meanwhile|Elsewhere|Globally|In (?:other|a separate))\b")
_ESTIMATES_THAT = re.compile(r"\bestimate[sd]?\s+that\b", re.IGNORECASE)
_ANCHORED = re.compile(r"a year earlier|the (?:previous|preceding) year|the year (?:before|prior)", re.IGNORECASE)


def _year_before(period: str) -> str:
    """The same span one year earlier: '2022' -> '2021', '2022-04-01/2023-03-31' -> '2021-04-01/2022-03-31'."""
    return re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(int(m.group(0)) - 1), period)


def _antecedent(ctx: DocContext, fig: Figure) -> Figure | None:
    same = [f for f in ctx.figures if f.sentence is fig.sentence and f.start < fig.start]
    return same[-1] if same else None


def _slot(cands: list[NumberMention], m: NumberMention, sent: Sentence) -> tuple[int, int, int, int]:
    """(start of the words before the figure, its start, its end, end of the words after it)."""
    starts = [c.start for c in cands]
    i = bisect.bisect_left(starts, m.start)
    before = cands[i - 1].end if i > 0 else sent.start
    after = cands[i + 1].start if i + 1 < len(cands) else sent.end
    return before, m.start, m.end, after


def _assign_place(ctx: DocContext, fig: Figure, sent: Sentence, slot: tuple[int, int, int, int]) -> None:
    place, rule = ctx.rules.places.figure_place(ctx.text, (sent.start, sent.end), slot, ctx.mentions, ctx.country,
                                                fig.scope == "incident")
    if fig.indicator == "estimated_victims" and place is None:
        named = (ctx.rules.places.country_named(ctx.text, slot[0], slot[1], ctx.mentions)
                 or ctx.rules.places.country_named(ctx.text, slot[2], slot[3], ctx.mentions))
        if named and fig.nationality in (None, named):  # "at least 120,000 people in Myanmar"
            place, rule, fig.location = named, "place.estimate_country", None
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
    elif entity is not None and entity.country == "WORLD" and ctx.country is None:
        fig.place = "WORLD"  # a global body's figure with no narrower place named
    else:
        fig.place = ctx.country


def _assign_source(ctx: DocContext, fig: Figure, cues: list[Cue], following: list[Sentence]) -> None:
    cue = choose(cues, fig.start, _clause(ctx, fig.sentence, fig.mention))
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


def _inherit_series_crimes(figs: list[Figure]) -> None:
    """'163 cases last year ... 134 cases in 2018': the same series (same indicator and source, its
    own stated period) keeps its crime labels."""
    for i, fig in enumerate(figs):
        if fig.crimes or fig.elliptical or fig.head is not None:
            continue
        for prev in reversed(figs[:i]):
            if fig.sentence.index - prev.sentence.index > 2:
                break
            if prev.indicator == fig.indicator and prev.crimes and prev.period and fig.period \
                    and prev.period != fig.period and fig.period_explicit and prev.source == fig.source:
                fig.crimes = prev.crimes
                fig.rules.append("crime.series")
                break


def _event_period(ctx: DocContext, sent: Sentence) -> None:
    """'The action, which ran from 5 to 11 June 2023, involved ...': a sentence without figures
    that dates the event the passage is about governs it (an interval only, not "set up in 2009")."""
    exprs, _ = ctx.rules.periods.find(ctx.text, sent.start, sent.end)
    spans = [e for e in exprs if "range" in e.rule and not e.same_period]
    if spans:
        period = ctx.rules.periods.resolve(spans[0], ctx.pub_year, None, ctx.country)
        if period:
            ctx.governing = (period, spans[0].text)
            ctx.first_governing = ctx.first_governing or ctx.governing


def _fill_periods(ctx: DocContext) -> None:
    """Figures stated before any period (a headline, a lead) take the first period that governs."""
    first = ctx.first_governing or ctx.governing
    for fig in ctx.figures:
        if fig.period is None and fig.period_text is None and first:
            fig.period, fig.period_text = first


def _fact(ctx: DocContext, fig: Figure) -> Fact:
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


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """A figure restated later ("Of the 91 suspects arrested") is kept once."""
    out: list[Fact] = []
    for f in facts:
        if any(g.indicator == f.indicator and g.value == f.value and g.unit == f.unit
               and g.period == f.period and all(getattr(f, b) in (None, getattr(g, b)) for b in _BREAKDOWN)
               for g in out):
            continue
        out.append(f)
    return out
