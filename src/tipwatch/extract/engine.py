"""Placeholder engine: finds digit numbers next to a counted noun. Being replaced."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from tipwatch.model import CleanDocument, Fact

EXTRACTOR_VERSION = "0.0.1"

_NUM = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+)\s+(cases|victims|suspects|arrests)\b")
_INDICATOR = {"cases": "cases", "victims": "victims", "suspects": "suspects", "arrests": "suspects_arrested"}


@dataclass(frozen=True)
class Rules:
    fingerprint: str


def load_rules(extra_paths: tuple[str, ...] = ()) -> Rules:
    return Rules(hashlib.sha256(repr(extra_paths).encode()).hexdigest()[:16])


def extract_facts(doc: CleanDocument, rules: Rules) -> list[Fact]:
    facts = []
    for m in _NUM.finditer(doc.text):
        value = int(m.group(1).replace(",", ""))
        facts.append(Fact(doc=doc.doc, indicator=_INDICATOR[m.group(2)], value=value,
                          span=(m.start(1), m.end(1)), surface=m.group(1)))
    return facts
