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
from tipwatch.extract import figures as fg
from tipwatch.extract import shares
from tipwatch.extract.attributes import CrimeMention
from tipwatch.extract.figures import Figure
from tipwatch.extract.gazetteer import EntityMention
from tipwatch.extract.indicators import Noun
from tipwatch.extract.lexicon import Rules
from tipwatch.extract.numbers import NumberMention
from tipwatch.extract.periods import TimeExpr, publication_year
from tipwatch.extract.sentences import Sentence, segment_at, segments, split_sentences
from tipwatch.extract.sources import Cue, SourceTracker, choose
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
    governing: tuple[str | None, str] | None = None  # (period, words)
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
    numbers = list(rules.numbers.finditer(text))
    crimes = rules.attributes.crimes_in(text, 0, len(text))
    if not numbers or not crimes:
        return []  # no figure, or not about trafficking in persons
    mentions = rules.gazetteer.scan(text)
    country = rules.places.document_country(mentions, _url_country(doc.raw.url))
    ctx = DocContext(
        doc, text, rules, country, publication_year(doc.published), mentions, crimes,
        SourceTracker(text, mentions, country),
        {m.start: m.entities[0].key for m in mentions if m.kind == "country"},
    )
    sentences = split_sentences(text)
    starts = [n.start for n in numbers]
    for i, sent in enumerate(sentences):
        cues = ctx.tracker.cues(sent.start, sent.end)
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        if lo < hi:
            figs = _sentence(ctx, sent, numbers[lo:hi], cues, sentences[i + 1:i + 3])
            ctx.figures.extend(figs)
            if figs:
                ctx.prev = figs
        ctx.tracker.observe(sent.start, sent.end, cues)
    _inherit_series_crimes(ctx.figures)
    _fill_periods(ctx)
    return _dedupe([_fact(ctx, f) for f in ctx.figures])


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
    if rules.attributes.off_topic(text, sent.start, sent.end) and not any(
            sent.start <= c.start < sent.end for c in ctx.crimes):
        return []
    figs: list[Figure] = []
    for k, m in enumerate(cands):
        slot_end = cands[k + 1].start if k + 1 < len(cands) else sent.end
        fig = _classify(ctx, sent, m, figs, slot_end)
        if fig is not None:
            figs.append(fig)
    segs = segments(sent)
    main = _main_period(ctx, exprs, segs)
    for fig in figs:
        _assign_period(ctx, fig, exprs, segs, main)
        _assign_place(ctx, fig, sent)
        _assign_source(ctx, fig, cues, following)
        if fg.is_incident(text, fg.clause_of(sent, fig.mention), fig.period_explicit):
            fig.scope = "incident"
    for fig in figs:
        if fig.period_explicit and not segment_at(segs, fig.start).comparison:
            gov = ctx.governing
            if gov is None or fig.period is None or gov[0] is None or fig.period[:4] > gov[0][:4]:
                ctx.governing = (fig.period, fig.period_text or fig.period or "")
    return figs


def _may_count(ctx: DocContext, m: NumberMention, sent: Sentence) -> bool:
    """False for numbers that count something else ("eight nationalities"); years need a noun."""
    if fg.money_currency(ctx.text, m):
        return True
    noun = ctx.rules.indicators.noun_after(ctx.text, m.end, sent.end)
    if m.is_year_like:
        return noun.kind == "noun" and not noun.category
    if shares.is_percent(ctx.text, m.end):
        return not shares.is_change(ctx.text, m.start, m.end)
    return noun.kind not in ("noncount", "unknown")


def _classify(ctx: DocContext, sent: Sentence, m: NumberMention, figs: list[Figure], slot_end: int
              ) -> Figure | None:
    text, rules = ctx.text, ctx.rules
    ind_rules = rules.indicators
    clause = fg.clause_of(sent, m)
    before, after = text[max(0, m.start - 40):m.start], text[m.end:m.end + 20]
    qualifier, qrule = rules.attributes.qualifier(before, after)
    currency = fg.money_currency(text, m)
    if currency:
        return _money(ctx, sent, m, clause, currency, qualifier, qrule)
    if shares.is_percent(text, m.end):
        return _share(ctx, sent, m, figs, qualifier, qrule)
    noun = ind_rules.noun_after(text, m.end, sent.end)
    if noun.kind in ("noncount", "unknown"):
        return None
    head = fg.part_head(sent, text, figs, ctx.prev, m)
    base: Figure | None = None
    rule_ids = [r for r in (qrule, noun.rule) if r]
    if noun.kind == "elliptical" or noun.category or (head is not None and noun.role == "person"):
        base = head or (figs[-1] if figs else _previous_total(ctx, sent))
        if base is None or base.role is None:
            return None
        role = base.role
        actions = ind_rules.actions_in(text, max(base.mention.end, clause[0], m.start - 1), slot_end)
        indicator, action = ind_rules.indicator(role, actions, m.start)
        if action is None:
            indicator = base.indicator
    else:
        role = noun.role or "person"
        actions = ind_rules.actions_in(text, clause[0], slot_end)
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
    fig.crimes = fig.crimes or (base.crimes if base is not None else ())
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
    world = ctx.rules.places.world.search(ctx.text, sent.start, sent.end)
    return bool(world) or m.value >= 10000


def _money(ctx: DocContext, sent: Sentence, m: NumberMention, clause: tuple[int, int], currency: str,
           qualifier: str, qrule: str | None) -> Figure | None:
    rules = ctx.rules
    if not rules.indicators.money_cues.search(ctx.text, clause[0], clause[1]):
        return None
    noun = rules.indicators.noun_after(ctx.text, m.end, sent.end)
    fig = Figure(m, sent, "illicit_profits", None, noun, unit=currency, qualifier=qualifier,
                 rules=[r for r in (qrule, "ind.illicit_profits") if r])
    return fig


def _breakdowns(ctx: DocContext, fig: Figure, base: Figure | None, clause: tuple[int, int],
                slot_end: int, action: object) -> None:
    text, m, noun = ctx.text, fig.mention, fig.noun
    slot = text[m.end:slot_end]
    word = noun.word if noun.kind == "noun" else None
    fig.age = attrs.age_from_slot(slot) or _noun_age(word, fig.indicator)
    fig.sex = attrs.sex_of_noun(word)
    fig.nationality = noun.nationality
    fig.location = fg.location_after(text, m, ctx.countries_at, slot_end)
    crimes, crule = fg.crimes_for(ctx.crimes_before(fig.sentence.start), ctx.crimes, text, clause, noun)
    fig.crimes = crimes
    if crule:
        fig.rules.append(crule)
    if base is not None:
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
        e = min(own, key=lambda x: min(abs(x.end - fig.start), abs(x.start - fig.mention.end)))
        reference = main if not e.same_period or main else (ctx.governing[0] if ctx.governing else None)
        if e.same_period and main is None and ctx.governing:
            reference = ctx.governing[0]
        fig.period = ctx.rules.periods.resolve(e, ctx.pub_year, reference, ctx.country)
        fig.period_text = e.text
        fig.period_explicit = True
        fig.rules.append(e.rule)
        return
    base = fig.head or (fig.rules and fig.elliptical and _antecedent(ctx, fig)) or None
    if isinstance(base, Figure) and base.period_text:
        fig.period, fig.period_text = base.period, base.period_text
    elif ctx.governing:
        fig.period, fig.period_text = ctx.governing


def _antecedent(ctx: DocContext, fig: Figure) -> Figure | None:
    same = [f for f in ctx.figures if f.sentence is fig.sentence and f.start < fig.start]
    return same[-1] if same else None


def _assign_place(ctx: DocContext, fig: Figure, sent: Sentence) -> None:
    place, rule = ctx.rules.places.sentence_place(ctx.text, sent.start, sent.end, ctx.mentions, ctx.country)
    if rule:
        fig.rules.append(rule)
    if place == "":
        fig.place = None
    elif place:
        fig.place = place
    elif fig.head is not None and fig.head.place:
        fig.place = fig.head.place
    else:
        fig.place = ctx.country


def _assign_source(ctx: DocContext, fig: Figure, cues: list[Cue], following: list[Sentence]) -> None:
    cue = choose(cues, fig.start)
    if cue is not None:
        fig.source = cue.body
        fig.rules.append(cue.rule)
    elif ctx.tracker.state.report_body:
        fig.source = ctx.tracker.state.report_body
        fig.rules.append("src.passage")
    else:
        for nxt in following:
            later = [c for c in ctx.tracker.cues(nxt.start, nxt.end) if c.body]
            if later:
                fig.source = later[0].body
                fig.rules.append("src.next_sentence")
                break
    place = ctx.rules.gazetteer.lookup(fig.source)[0].place if fig.source and ctx.rules.gazetteer.lookup(fig.source) else None
    if place and fig.place == ctx.country:
        fig.place = place


def _inherit_series_crimes(figs: list[Figure]) -> None:
    """'163 cases last year ... 134 cases in 2018': the same series keeps its crime labels."""
    for i, fig in enumerate(figs):
        if fig.crimes or fig.elliptical or fig.head is not None:
            continue
        for prev in reversed(figs[:i]):
            if fig.sentence.index - prev.sentence.index > 2:
                break
            if prev.indicator == fig.indicator and prev.crimes and prev.period and fig.period \
                    and prev.period != fig.period:
                fig.crimes = prev.crimes
                fig.rules.append("crime.series")
                break


def _fill_periods(ctx: DocContext) -> None:
    for fig in ctx.figures:
        if fig.period is None and fig.period_text is None and ctx.governing:
            fig.period, fig.period_text = ctx.governing


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
