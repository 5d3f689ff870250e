"""Runs the processing stages in order. The only module that wires them together."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from tipwatch.clean import clean, load_boilerplate_rules
from tipwatch.config import Settings
from tipwatch.extract import EXTRACTOR_VERSION, Rules, extract_facts, find_claims, load_rules
from tipwatch.ingest import read_inputs
from tipwatch.model import Extraction, InputProblem, RawDocument
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


def extract_document(raw: RawDocument, rules: Rules) -> Extraction:
    """Clean, extract facts, find and judge claims for one document."""
    doc = clean(raw, load_boilerplate_rules())
    facts = extract_facts(doc, rules)
    claims, derived = find_claims(doc, facts, rules)
    facts = facts + derived
    claims = judge_claims(claims, facts)
    return Extraction(document=doc, facts=facts, claims=claims,
                      extractor_version=EXTRACTOR_VERSION, rules_fingerprint=rules.fingerprint)


def extract_inputs(paths: Iterable[str], settings: Settings,
                   stdin: BinaryIO | None = None) -> Iterator[Extraction | InputProblem]:
    """Every input's extraction, or the problem that stopped it, in input order."""
    pipeline = Pipeline.from_settings(settings)
    for item in read_inputs(paths, settings, stdin=stdin):
        if isinstance(item, InputProblem):
            yield item
        else:
            yield pipeline.run(item)
