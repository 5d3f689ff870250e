"""Types shared by every stage. Stages talk to each other only through these.

This module imports nothing else from the package.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

#: Fact fields as SPEC section 1 names them, in output order.
FACT_FIELDS: tuple[str, ...] = (
    "doc",
    "indicator",
    "value",
    "unit",
    "qualifier",
    "period",
    "period_text",
    "place",
    "crime",
    "age",
    "sex",
    "nationality",
    "location",
    "source",
    "scope",
    "span",
    "sentence",
)


class MatchKind(StrEnum):
    """How a fact's attributes were found."""

    EXACT = "exact"  # the words stand in the sentence
    INHERITED = "inherited"  # taken from the passage (noun, period, source)
    INFERRED = "inferred"  # computed (a derived base, a year inferred from text)


class Scope(StrEnum):
    AGGREGATE = "aggregate"
    INCIDENT = "incident"


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    UNVERIFIABLE = "unverifiable"


@dataclass(frozen=True)
class RawDocument:
    """A document as read from its input, before any clean-up.

    ``doc`` is the SPEC's document id: the ``id`` of a JSONL record, else the
    file's name. ``text`` is the readable text (for HTML: the main text that
    trafilatura extracted); ``original`` is what was read (HTML or text).
    """

    doc: str
    text: str
    original: str
    media_type: str = "text"  # "text" or "html"
    origin: str = ""  # the input it came from (path, "-", path#line)
    url: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in cleaned text back to offsets in the raw text.

    ``clean_starts[i]`` / ``raw_starts[i]`` begin the i-th kept run; runs are
    sorted and within a run offsets move together.
    """

    clean_starts: tuple[int, ...] = (0,)
    raw_starts: tuple[int, ...] = (0,)

    def to_raw(self, clean_offset: int) -> int:
        i = bisect.bisect_right(self.clean_starts, clean_offset) - 1
        i = max(i, 0)
        return self.raw_starts[i] + (clean_offset - self.clean_starts[i])

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        raw_start = self.to_raw(start)
        return raw_start, raw_start + (end - start)


@dataclass(frozen=True)
class RemovedBlock:
    """A stretch of the raw text that clean-up dropped, and the rule that did."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class CleanDocument:
    raw: RawDocument
    text: str
    offsets: OffsetMap = field(default_factory=OffsetMap)
    removed: tuple[RemovedBlock, ...] = ()

    @property
    def doc(self) -> str:
        return self.raw.doc

    @property
    def published(self) -> str | None:
        return self.raw.published


@dataclass
class Fact:
    """One number a document states about trafficking in persons (SPEC section 1)."""

    doc: str
    indicator: str
    value: float | int
    span: tuple[int, int]
    sentence: str = ""
    unit: str = "count"
    qualifier: str = "exact"
    period: str | None = None
    period_text: str | None = None
    place: str | None = None
    crime: str | None = None
    age: str | None = None
    sex: str | None = None
    nationality: str | None = None
    location: str | None = None
    source: str | None = None
    scope: str = Scope.AGGREGATE.value
    derived: bool = False
    surface: str = ""  # the number's words, == clean text[span]
    match: str = MatchKind.EXACT.value
    rules: tuple[str, ...] = ()  # ids of the rules that produced it

    def key(self) -> tuple[Any, ...]:
        """What makes two facts 'the same figure' for reconciliation."""
        return (
            self.indicator,
            self.unit,
            self.period,
            self.place,
            self.crime,
            self.age,
            self.sex,
            self.nationality,
            self.location,
        )

    def to_record(self) -> dict[str, Any]:
        """The SPEC section 8 form (``type: fact``), absent fields dropped."""
        rec: dict[str, Any] = {"type": "fact"}
        data = asdict(self)
        for name in FACT_FIELDS:
            val = data.get(name)
            if val is None:
                continue
            rec[name] = list(val) if name == "span" else val
        if self.derived:
            rec["derived"] = True
        rec["surface"] = self.surface
        rec["match"] = self.match
        if self.rules:
            rec["rules"] = list(self.rules)
        return rec


@dataclass
class Claim:
    """A relation the document asserts between figures (SPEC section 6)."""

    doc: str
    kind: str  # "change" or "sum"
    indicator: str
    verdict: str = Verdict.UNVERIFIABLE.value
    values: list[float] | None = None  # change: [newer, base]
    stated: str | None = None  # change: "+29", "+72.82%", "-18 (about), -19%"
    total: float | None = None  # sum
    parts: list[float] | None = None  # sum
    unit: str = "count"
    period: str | None = None
    crime: str | None = None
    computed: str | None = None  # the arithmetic, shown: "159 vs 92 = +72.83%"
    rule: str | None = None  # the tolerance rule applied
    note: str | None = None
    span: tuple[int, int] | None = None
    sentence: str = ""
    facts: list[int] = field(default_factory=list)  # indexes into the extraction's facts

    def to_record(self) -> dict[str, Any]:
        rec: dict[str, Any] = {"type": "claim", "doc": self.doc, "kind": self.kind,
                               "indicator": self.indicator, "verdict": self.verdict}
        if self.kind == "change":
            rec["values"] = self.values
            rec["stated"] = self.stated
        else:
            rec["total"] = self.total
            rec["parts"] = self.parts
        for name in ("unit", "period", "crime", "computed", "rule", "note"):
            val = getattr(self, name)
            if val is not None and not (name == "unit" and val == "count"):
                rec[name] = val
        if self.span is not None:
            rec["span"] = list(self.span)
        if self.sentence:
            rec["sentence"] = self.sentence
        return rec


@dataclass
class Extraction:
    """What extraction found in one cleaned document."""

    document: CleanDocument
    facts: list[Fact] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    extractor_version: str = ""
    rules_fingerprint: str = ""


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read, with a one-line reason."""

    origin: str
    reason: str

    def message(self) -> str:
        return f"{self.origin}: {self.reason}"
