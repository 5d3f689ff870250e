"""Case-insensitive matching done once per document.

Python's ``re`` tries every alternative at every position when a pattern is compiled with
``IGNORECASE``; the same pattern compiled case-sensitively and run over the document's
lower-cased copy finds the same matches three to four times faster. A pattern qualifies when
its literal letters are lower-cased first (``fold_pattern``) and it has no ``(?-i:``; the
document qualifies when lower-casing keeps its length (so offsets stay the same).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

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
    """A pattern compiled both ways: ``IGNORECASE`` for any text, case-sensitive for lower-cased
    text; ``literals``: the strings one of which every match of the latter holds (``FoldedSet``)."""

    __slots__ = ("any_case", "lower", "literals")

    def __init__(self, pattern: str) -> None:
        self.any_case = re.compile(pattern, re.IGNORECASE)
        folded = fold_pattern(pattern)
        self.lower = re.compile(folded) if folded is not None else None
        self.literals = required_literals(folded) if folded is not None else None

    def pick(self, text: str, low: str | None) -> tuple[re.Pattern[str], str]:
        """The pattern and the string to run it on."""
        if low is not None and self.lower is not None:
            return self.lower, low
        return self.any_case, text


def lowered(text: str) -> str | None:
    """The lower-cased copy of ``text`` when it keeps every offset, else None."""
    low = text.lower()
    return low if len(low) == len(text) else None


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` (compiled without flags, as a folded
    pattern is) contains, or None when no such set is known: a cheap ``str.find`` test tells
    that a span cannot match.

    Only what a match must consume counts: literal runs of the pattern's sequence, of a group,
    of a repeat taken at least once, and of every branch of an alternation. Look-arounds,
    classes and optional parts are passed over."""
    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _seq_literals(list(parsed))
    if not found:
        return None
    return tuple(sorted(x for x in found if not any(y != x and y in x for y in found)))  # "held" covers "held and"


def _seq_literals(items: list[Any]) -> frozenset[str] | None:
    """The most selective set one of whose strings a match of the sequence ``items`` contains."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in [*items, (None, None)]:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        found: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            _group, add, _remove, sub = arg
            found = None if add & re.IGNORECASE else _seq_literals(list(sub))
        elif op is _c.BRANCH:
            alts = [_seq_literals(list(b)) for b in arg[1]]
            found = None if any(a is None for a in alts) else frozenset().union(*alts)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            lo, _hi, sub = arg
            found = _seq_literals(list(sub)) if lo >= 1 else None
        elif op is _c.ATOMIC_GROUP:
            found = _seq_literals(list(arg))
        if found:
            options.append(found)
    if not options:
        return None
    return max(options, key=lambda s: (min(len(x) for x in s), -len(s)))


class FoldedSet:
    """Several ``Folded`` patterns asked about the same spans (the action words of each rule).

    Over lower-cased text a member runs only where the span holds one of the strings every
    match of it contains (``required_literals``): members none of whose strings the document
    holds are set aside once per document, the others are pre-tested span by span with
    ``str.find``, which says "no" faster than the pattern. Most spans hold a few rules' words."""

    __slots__ = ("members", "_live")

    def __init__(self, patterns: list[str]) -> None:
        self.members = [Folded(p) for p in patterns]
        self._live: tuple[str, list[tuple[int, re.Pattern[str], tuple[str, ...] | None]]] = ("", [])

    def finditer(self, text: str, start: int, end: int, low: str | None = None) -> Iterator[tuple[int, re.Match[str]]]:
        """(member index, match) for each member's matches in ``text[start:end]``, member after member."""
        if low is None:
            for i, member in enumerate(self.members):
                for m in member.any_case.finditer(text, start, end):
                    yield i, m
            return
        doc, live = self._live
        if doc is not low:
            live = []
            for i, member in enumerate(self.members):
                if member.lower is None:
                    live.append((i, member.any_case, None))
                elif member.literals is None:
                    live.append((i, member.lower, None))
                else:
                    held = tuple(x for x in member.literals if x in low)
                    if held:
                        live.append((i, member.lower, held))
            self._live = (low, live)
        for i, rx, words in live:
            if words is not None and not any(low.find(x, start, end) >= 0 for x in words):
                continue
            for m in rx.finditer(text if rx.flags & re.IGNORECASE else low, start, end):
                yield i, m
