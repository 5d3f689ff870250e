"""Runs the processing stages in order. The only module that wires them together."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import BinaryIO

from tipwatch.clean import clean, load_boilerplate_rules
from tipwatch.config import Settings
from tipwatch.extract import EXTRACTOR_VERSION, Rules, extract_facts, find_claims, load_rules
from tipwatch.extract.pubdate import dateline, header_lines, infer_publication_year
from tipwatch.ingest import read_inputs
from tipwatch.model import CleanDocument, Extraction, Fact, InputProblem, MatchKind, RawDocument
from tipwatch.resolve import judge_claims


@dataclass(frozen=True)
class Pipeline:
    """Compiled rules for every stage, built once and reused for many documents."""

    rules: Rules

    @classmethod
    def from_settings(cls, settings: Settings) -> Pipeline:
        return cls(load_rules(tuple(settings.lexicon)))

    @property
    def version(self) -> str:
        return EXTRACTOR_VERSION

    def run(self, raw: RawDocument) -> Extraction:
        return extract_document(raw, self.rules)


INFERRED_YEAR_RULE = "pub.inferred-year"


def extract_document(raw: RawDocument, rules: Rules) -> Extraction:
    """Clean, extract facts, find and judge claims for one document.

    A document without a publication date is read against the year its own words
    imply ("last year, an increase of 29 compared to 2018"), when they imply one;
    periods resolved through it are marked ``inferred``.
    """
    doc = clean(raw, load_boilerplate_rules())
    reading = _with_inferred_year(doc)
    facts = extract_facts(reading, rules)
    if reading is not doc:
        _mark_inferred_periods(facts)
    claims, derived = find_claims(reading, facts, rules)
    facts = facts + derived
    claims = judge_claims(claims, facts)
    return Extraction(document=doc, facts=facts, claims=claims,
                      extractor_version=EXTRACTOR_VERSION, rules_fingerprint=rules.fingerprint)


def _with_inferred_year(doc: CleanDocument) -> CleanDocument:
    if doc.raw.published or dateline(doc.text, header_lines(doc)) is not None:
        return doc  # a date the document states beats one inferred from its wording
    year = infer_publication_year(doc.text)
    if year is None:
        return doc
    return replace(doc, raw=replace(doc.raw, published=str(year)))


def _mark_inferred_periods(facts: list[Fact]) -> None:
    """Periods that came from relative words ("last year") rest on the inferred year."""
    for fact in facts:
        if fact.period and not (fact.period_text and fact.period[:4] in fact.period_text):
            fact.match = MatchKind.INFERRED.value
            fact.rules = (*fact.rules, INFERRED_YEAR_RULE)


def extract_inputs(paths: Iterable[str], settings: Settings,
                   stdin: BinaryIO | None = None) -> Iterator[Extraction | InputProblem]:
    """Every input's extraction, or the problem that stopped it, in input order."""
    pipeline = Pipeline.from_settings(settings)
    for item in read_inputs(paths, settings, stdin=stdin):
        if isinstance(item, InputProblem):
            yield item
        else:
            yield pipeline.run(item)
