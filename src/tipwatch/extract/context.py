"""What the extractor knows about one document while it reads it, and look-ups made once.

``DocContext`` carries the document-level passes (names, crimes, the lower-cased text) and
the state that sentences hand on to the next ones (the governing period, the last figures).
``noun_after`` and ``clause`` memoise the two look-ups several steps ask for the same number.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from tipwatch.extract import figures as fg
from tipwatch.extract.attributes import CrimeMention
from tipwatch.extract.figures import Figure
from tipwatch.extract.gazetteer import EntityMention
from tipwatch.extract.indicators import Noun
from tipwatch.extract.lexicon import Rules
from tipwatch.extract.numbers import NumberMention
from tipwatch.extract.periods import TimeExpr
from tipwatch.extract.sentences import Sentence
from tipwatch.extract.sources import SourceTracker
from tipwatch.model import CleanDocument


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
    #: figures whose time words count from a period not yet stated ("down from 113 in the previous
    #: period" before "the report covers April 2022 to March 2023"): resolved once the document is read
    deferred: dict[int, TimeExpr] = field(default_factory=dict)

    def crimes_before(self, pos: int) -> tuple[str, ...]:
        """The crime labels of the last sentence before ``pos`` that named any."""
        found = [c for c in self.crimes if c.end <= pos]
        if not found:
            return ()
        last_start = found[-1].start
        group = {x for c in found if last_start - c.start < 200 for x in c.crimes}
        return tuple(sorted(group))


def noun_after(ctx: DocContext, m: NumberMention, sent: Sentence) -> Noun:
    """The noun after a number (looked up once: counting and classifying both ask)."""
    key = (m.end, sent.end)
    noun = ctx.nouns.get(key)
    if noun is None:
        after = ctx.rules.numbers.gloss_end(ctx.text, m) or m.end  # "Thirty-four (34) cases": the noun after the bracket
        noun = ctx.rules.indicators.noun_after(ctx.text, min(after, sent.end), sent.end)
        if noun.kind == "elliptical" and _BETWEEN.search(ctx.text, max(sent.start, m.start - 10), m.start):
            upper = _RANGE_END.match(ctx.text, m.end, sent.end)  # "between 40 and 50 girls": the noun of both
            if upper:
                noun = ctx.rules.indicators.noun_after(ctx.text, upper.end(), sent.end)
        ctx.nouns[key] = noun
    return noun


_BETWEEN = re.compile(r"\b[Bb]etween\s+\Z")
_RANGE_END = re.compile(r"\s*(?:and|to|-|–)\s*(?:\d[\d,.]*|[a-z]+(?:-[a-z]+)?)(?=\s)")


def clause_at(ctx: DocContext, sent: Sentence, m: NumberMention) -> tuple[int, int]:
    key = (sent.start, m.start)
    clause = ctx.clauses.get(key)
    if clause is None:
        clause = ctx.clauses[key] = fg.clause_of(sent, m)
    return clause


def slot_of(cands: list[NumberMention], m: NumberMention, sent: Sentence) -> tuple[int, int, int, int]:
    """(start of the words before the figure, its start, its end, end of the words after it)."""
    starts = [c.start for c in cands]
    i = bisect.bisect_left(starts, m.start)
    before = cands[i - 1].end if i > 0 else sent.start
    after = cands[i + 1].start if i + 1 < len(cands) else sent.end
    return before, m.start, m.end, after
