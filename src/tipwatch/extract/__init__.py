"""Extraction: cleaned text in, facts (with spans) and claim candidates out.

Public interface used by the pipeline:

* ``load_rules(extra_paths)`` -> ``Rules`` (compiled once, with a fingerprint)
* ``extract_facts(doc, rules)`` -> ``list[Fact]``
* ``find_claims(doc, facts, rules)`` -> ``(claims, derived_facts)``
"""

from tipwatch.extract.claims import find_claims
from tipwatch.extract.engine import EXTRACTOR_VERSION, Rules, extract_facts, load_rules

__all__ = ["EXTRACTOR_VERSION", "Rules", "extract_facts", "find_claims", "load_rules"]
