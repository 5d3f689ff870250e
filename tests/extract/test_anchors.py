"""Patterns matched against a window that ends at a number must anchor at the window's true end.

In Python ``$`` also matches just before a final line break, so a guard written ``...[a-z][.]$``
and run on the text before a number that opens a line ("... said on Monday.\\nTwelve suspects ...")
matched across the break and dropped the number. The extractor's patterns anchor with ``\\Z``; this
test keeps a ``$`` from coming back at the end of a raw pattern literal, and checks the behaviour.
"""

from __future__ import annotations

import re
from pathlib import Path

from tipwatch.config import Settings
from tipwatch.model import RawDocument
from tipwatch.pipeline import Pipeline

EXTRACT = Path(__file__).resolve().parents[2] / "src" / "tipwatch" / "extract"
_DOLLAR_END = re.compile(r"""r(["'])[^"'\n]*?(?<!\\)\$\1""")


def test_no_raw_pattern_ends_with_a_bare_dollar() -> None:
    offenders = [f"{path.relative_to(EXTRACT)}:{n}" for path in sorted(EXTRACT.rglob("*.py"))
                 for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if _DOLLAR_END.search(line)]
    assert not offenders, "use \\Z, not $, at the end of a window pattern: " + ", ".join(offenders)


def test_a_number_opening_a_line_after_a_full_stop_is_counted() -> None:
    text = ("Police rescued 31 victims of trafficking from two farms, a spokesperson said on Tuesday.\n"
            "Nine suspects were arrested.\n"
            "14 victims were found at a third farm, the police added.")
    facts = Pipeline.from_settings(Settings.from_env(environ={})).run(
        RawDocument(doc="t", text=text, original=text, published="2024-04-10")).facts
    found = {(f.indicator, f.value) for f in facts}
    assert {("victims", 31), ("suspects_arrested", 9), ("victims", 14)} <= found, found
