"""Case-insensitive matching done once per document.

Python's ``re`` tries every alternative at every position when a pattern is compiled with
``IGNORECASE``; the same pattern compiled case-sensitively and run over the document's
lower-cased copy finds the same matches three to four times faster. A pattern qualifies when
its literal letters are lower-cased first (``fold_pattern``) and it has no ``(?-i:``; the
document qualifies when lower-casing keeps its length (so offsets stay the same).
"""

from __future__ import annotations

import re

_NAME = re.compile(r"\(\?P(?:<[^>]*>|=[^)]*\))")


def fold_pattern(pattern: str) -> str | None:
    """``pattern`` with its literal letters lower-cased, to run without ``IGNORECASE`` over
    lower-cased text; None when it switches case-sensitivity itself (``(?-i:``).

    Escapes (``\\S``, ``\\B``) and group names keep their case; the rest is lower-cased, which
    changes nothing under ``IGNORECASE`` (``[A-Z]`` and ``[a-z]`` match the same letters).
    """
    if "(?-i" in pattern:
        return None
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "(":
            name = _NAME.match(pattern, i)
            if name is not None:
                out.append(name.group(0))
                i = name.end()
                continue
        out.append(ch.lower())
        i += 1
    return "".join(out)


def case_free(pattern: str) -> bool:
    """True when ``pattern`` matches the same on lower-cased text without ``IGNORECASE``."""
    return fold_pattern(pattern) is not None


class Folded:
    """A pattern compiled both ways: ``IGNORECASE`` for any text, case-sensitive for lower-cased text."""

    __slots__ = ("any_case", "lower")

    def __init__(self, pattern: str) -> None:
        self.any_case = re.compile(pattern, re.IGNORECASE)
        folded = fold_pattern(pattern)
        self.lower = re.compile(folded) if folded is not None else None

    def pick(self, text: str, low: str | None) -> tuple[re.Pattern[str], str]:
        """The pattern and the string to run it on."""
        if low is not None and self.lower is not None:
            return self.lower, low
        return self.any_case, text


def lowered(text: str) -> str | None:
    """The lower-cased copy of ``text`` when it keeps every offset, else None."""
    low = text.lower()
    return low if len(low) == len(text) else None
