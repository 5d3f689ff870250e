"""The extractor: cleaned text in, source-grounded facts out.

Numbers are found with one compiled pattern over the whole text; only the sentences that
hold one get the deep work (nouns, actions, periods, places). Names of bodies and places
are read in one pass to infer the document's country and follow attributions.
"""

from __future__ import annotations

import bisect
import re

from tipwatch.extract import assign, classify, crime_scope
from tipwatch.extract import figures as fg
from tipwatch.extract.context import DocContext, clause_at, slot_of
from tipwatch.extract.figures import Figure
from tipwatch.extract.folding import lowered
from tipwatch.extract.lexicon import Rules
from tipwatch.extract.numbers import NumberMention
from tipwatch.extract.orgs import merge_mentions
from tipwatch.extract.periods import publication_year
from tipwatch.extract.pubdate import header_lines, refine_published
from tipwatch.extract.sentences import Sentence, segment_at, segments, split_sentences
from tipwatch.extract.sources import Cue, SourceTracker
from tipwatch.model import CleanDocument, Fact

EXTRACTOR_VERSION = "1.0.0"
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur)\b")


def extract_facts(doc: CleanDocument, rules: Rules) -> list[Fact]:
    """Every figure about trafficking in persons the document states, with its provenance."""
    text = doc.text
    if not text:
        return []
    low = lowered(text)
    crimes = rules.attributes.crimes_in(text, 0, len(text), low)
    if not crimes:
        return []  # not about trafficking in persons
    numbers = list(rules.numbers.finditer(text, low=low))
    if not numbers or not crimes:
        return []  # no figure, or not about trafficking in persons
    known = rules.gazetteer.scan(text)
    mentions = merge_mentions(known, rules.orgs.scan(text, rules.gazetteer, known))
    country = rules.places.document_country(mentions, _url_country(doc.raw.url) or _header_country(doc, rules), text)
    headers = header_lines(doc)
    published = refine_published(doc.published, text)
    for head in headers:  # "Posted Jan 16, 2025 | Updated 4:31 PM": a dateline the clean-up set aside
        published = refine_published(published, head)
    ctx = DocContext(
        doc, text, rules, country, publication_year(published), mentions, crimes,
        SourceTracker(text, mentions, country, _author(doc, rules), low, rules.bodies.national_police,
                      _masthead(doc, rules)),
        {m.start: m.entities[0].key for m in mentions if m.kind == "country"}, low=low,
    )
    rules.periods.begin(text, headers)
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
        elif ctx.governing is None:
            assign.event_period(ctx, sent, numbered=lo < hi, numbers=numbers[lo:hi])
        elif lo < hi:
            assign.opening_period(ctx, sent, numbers[lo:hi])
        ctx.tracker.observe(sent.start, sent.end, cues, figures=lo < hi and bool(ctx.prev) and ctx.prev[0].sentence is sent)
    assign.inherit_series_crimes(ctx.figures)
    assign.fill_periods(ctx)
    assign.refine_event_dates(ctx, sentences)
    assign.fill_sources(ctx)
    return assign.dedupe([assign.to_fact(ctx, f) for f in ctx.figures])


def _author(doc: CleanDocument, rules: Rules) -> str | None:
    """The body a document's header names ("Sahyog Anti-Trafficking Network, Kolkata"), which
    "we" and "our" refer to; the cleaner may have dropped the header from the text. Without
    "we", only a header the cleaner dropped counts (a report's or release's masthead)."""
    head = (doc.raw.text or "")[:400]
    if not _WE.search(doc.text):
        cut = head.find(doc.text[:40]) if doc.text else -1
        head = head[:cut] if cut > 0 else ""
    known = rules.gazetteer.scan(head)
    bodies = [m for m in merge_mentions(known, rules.orgs.scan(head, rules.gazetteer, known)) if m.kind == "body"]
    return bodies[0].entities[0].key if bodies else None


def _masthead(doc: CleanDocument, rules: Rules) -> str | None:
    """The body whose own document this is: a dropped header line that opens with its name and a
    separator ("CoMensha | Annual report 2022", "Ministry of Social Development - News"), not a headline."""
    head = (doc.raw.text or "")[:400].lstrip()
    if doc.text and head.startswith(doc.text[:40]):
        return None
    line = head.split("\n", 1)[0]
    known = rules.gazetteer.scan(line)
    bodies = [m for m in merge_mentions(known, rules.orgs.scan(line, rules.gazetteer, known)) if m.kind == "body"]
    if bodies and bodies[0].start == 0 and _SEPARATOR.match(line, bodies[0].end) \
            and bodies[0].entities[0].body_kind != "media":  # not a news outlet's masthead
        return bodies[0].entities[0].key
    return None


_SEPARATOR = re.compile(r"\s*(?:[|:,–—-]|\Z)")


def _header_country(doc: CleanDocument, rules: Rules) -> str | None:
    """The one country the headline or dateline names ("Moldova identifies 214 trafficking
    victims", "Doha, 11 January") when the clean-up dropped them from the text."""
    head = doc.raw.title or ""
    raw = doc.raw.text or ""
    first = doc.text[:40]
    cut = raw.find(first) if first else -1
    if cut > 0:
        head = f"{head}\n{raw[:min(cut, 400)]}"
    if not head.strip():
        return None
    found = {m.entities[0].country for m in rules.gazetteer.scan(head)  # a country, or a dateline city ("Bishkek, 21 May")
             if (m.entities[0].kind == "country" and not rules.places.named_elsewhere(head, m.start)
                 or m.entities[0].kind == "subdivision" and head[m.start - 1:m.start] in ("", "\n"))
             and len({e.country for e in m.entities}) == 1}
    return found.pop() if len(found) == 1 else None


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
    cands = [n for n in cands if classify.may_count(ctx, n, sent)]
    if not cands:
        return []
    if rules.attributes.off_topic(text, sent.start, sent.end, ctx.low) and not any(
            sent.start <= c.start < sent.end for c in ctx.crimes):
        # only the numbers next to the other topic ("detained 15,612 drug suspects"), not those of a
        # sentence that merely mentions it ("a dip officials linked to the Covid-19 lockdown")
        cands = [n for n in cands if not rules.attributes.off_topic_figure(
            text, (sent.start, sent.end), (n.start, n.end), ctx.low)]
        if not cands:
            return []
    figs: list[Figure] = []
    ctx.cands = cands
    for k, m in enumerate(cands):
        slot_end = cands[k + 1].start if k + 1 < len(cands) else sent.end
        fig = classify.classify(ctx, sent, m, figs, slot_end)
        if fig is not None:
            total = crime_scope.total_of(fig, [*ctx.figures, *figs], text)
            if total is not None:
                ctx.totals[id(fig)] = total
                fig.nationality = fig.nationality or total.nationality  # "419 of the repatriated workers"
            rule = crime_scope.borrow(fig, total)
            if rule:
                fig.rules.append(rule)
            figs.append(fig)
    figs = fg.with_second_actions(figs)
    segs = segments(sent)
    main = assign.main_period(ctx, exprs, segs)
    for fig in figs:
        assign.assign_period(ctx, fig, exprs, segs, main)
        if fg.is_incident(text, clause_at(ctx, sent, fig.mention), fig.period_explicit):
            fig.scope = "incident"
        assign.assign_source(ctx, fig, cues, following)
        assign.assign_place(ctx, fig, sent, slot_of(cands, fig.mention, sent))
    assign.from_base(ctx, figs)
    opener = assign.opening_time(ctx, sent, exprs)
    for fig in figs:
        if assign.may_govern(fig, figs, segment_at(segs, fig.start).comparison):
            gov = ctx.governing
            if (gov is None or fig.period is None or gov[0] is None or assign.not_older(fig.period, gov[0])
                    or (opener is not None and fig.period_text == opener.text and not assign.looks_back(ctx.text, sent))):
                ctx.governing = (fig.period, fig.period_text or fig.period or "")
                ctx.first_governing = ctx.first_governing or ctx.governing
    return figs
