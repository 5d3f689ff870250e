"""The indicator vocabulary: SPEC section 2, extended by the extractor's rule files."""

from __future__ import annotations

from functools import lru_cache

#: SPEC section 2 (v1), in its order: the fallback when the rule files cannot be read.
SPEC_INDICATORS: tuple[str, ...] = (
    "cases", "cases_prosecuted", "raids", "complaints", "suspects", "suspects_arrested",
    "suspects_prosecuted", "suspects_convicted", "victims", "victims_repatriated",
    "victims_reintegrated", "victims_referred", "estimated_victims", "illicit_profits",
)


@lru_cache(maxsize=1)
def known_indicators() -> tuple[str, ...]:
    """Indicator names in SPEC order, then any the bundled rules add."""
    try:
        from tipwatch.extract import load_rules

        names = tuple(load_rules().indicator_names)
    except Exception:  # the vocabulary must never make a query fail
        names = ()
    return SPEC_INDICATORS + tuple(n for n in names if n not in SPEC_INDICATORS)
