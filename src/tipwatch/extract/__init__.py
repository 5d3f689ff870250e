"""Extraction: cleaned text in, facts (with spans) and claim candidates out.

Public interface used by the pipeline:

* ``load_rules(extra_paths)`` -> ``Rules`` (compiled once, with a fingerprint)
* ``extract_facts(doc, rules)`` -> ``list[Fact]``
* ``find_claims(doc, facts, rules)`` -> ``(claims, derived_facts)``
* ``parse_number(text)`` -> the value of a number's words (``extract.numbers``)
"""

from tipwatch.extract.claims import find_claims
from tipwatch.extract.engine import EXTRACTOR_VERSION, extract_facts
from tipwatch.extract.lexicon import Rules, load_rules
from tipwatch.extract.numbers import parse_number

__all__ = ["EXTRACTOR_VERSION", "Rules", "extract_facts", "find_claims", "load_rules", "parse_number"]
