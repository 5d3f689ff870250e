"""Ingest inputs into the evidence base: read, extract, and save each document atomically."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from tipwatch.config import Settings
from tipwatch.ingest import read_inputs
from tipwatch.model import InputProblem, RawDocument
from tipwatch.pipeline import Pipeline
from tipwatch.resolve import simhash
from tipwatch.store.db import IngestOutcome, Store


@dataclass
class IngestSummary:
    run_id: int
    outcomes: list[IngestOutcome] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def facts(self) -> int:
        return sum(o.facts for o in self.outcomes if o.status != "unchanged")


Listener = Callable[[RawDocument | InputProblem, IngestOutcome | None], None]


def ingest_paths(store: Store, paths: Iterable[str], settings: Settings, *, reextract: bool = False,
                 stdin: BinaryIO | None = None, listener: Listener | None = None,
                 command: str = "ingest") -> IngestSummary:
    """Read every input and store each document with its facts and claims in one transaction.

    A document already stored with the same content and the same extractor version
    and rules is left as it is ("unchanged") unless ``reextract`` is set.
    """
    pipeline = Pipeline.from_settings(settings)
    run_id = store.begin_run(pipeline.version, pipeline.rules.fingerprint, command)
    summary = IngestSummary(run_id)
    for item in read_inputs(paths, settings, stdin=stdin):
        outcome = None
        if isinstance(item, InputProblem):
            summary.problems.append(item)
            store.record_problem(run_id, item)
        elif not reextract and store.is_current(item.original, pipeline.version, pipeline.rules.fingerprint):
            outcome = IngestOutcome("", item.doc, "unchanged", 0, 0)
            summary.outcomes.append(outcome)
        else:
            extraction = pipeline.run(item)
            outcome = store.save_extraction(extraction, run_id, fingerprint=simhash(extraction.document.text))
            summary.outcomes.append(outcome)
        if listener is not None:
            listener(item, outcome)
    store.finish_run(run_id, len(summary.outcomes), len(summary.problems))
    return summary
