"""Sentences and clauses with offsets, without an NLP model.

A sentence ends at ``.``/``!``/``?`` (optionally followed by a closing quote) before
whitespace and an upper-case letter, digit or opening quote, or at a line break; common
abbreviations ("Mr.", "Gen.", "U.S.") and initials do not end a sentence. Clauses split
a sentence where a figure's own words end ("..., while 438 victims were rescued").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "jr", "sr", "prof", "rev", "hon", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "govt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "est", "approx", "fig", "pol", "insp", "supt", "cmdr", "adm", "brig", "gov", "sen", "rep", "pres", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "b.e", "s.no", "sr.no", "sl.no", "art", "sec", "para", "p", "pp", "pg"]
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.\Z")

#: Clause boundaries: a new figure's clause starts after these.
_CLAUSE = re.compile(
    r"(?:[,;:]\s*|\s+)(?:while|whereas|but)\s+"
    r"|;\s*"
    r"|\s+[–—]\s+"
    r"|,?\s+and\s+(?!forced\s+(?:labou?r|marriages?|begging|criminality|prostitution)\b)"
    r"(?=(?:also\s+|later\s+|then\s+)?(?:[a-z]+ed|sent|held|found|made|took|saved|brought|"
    r"caught|freed|led|gave|sold|kept|rescued|arrested|handed|convicted|charged)\b)"
    r"|\.\s+"
    r"|\n\s*[•·▪‣◦*]\s*",  # the items of a list joined to its lead-in line
)
#: A list item: a bullet at the start of a line.
_BULLET = re.compile(r"[ \t]*[•·▪‣◦*][ \t]")
#: Comparison markers: the words after them describe the base of a comparison.
_COMPARISON = re.compile(
    r"\b(?:up|down|rising|falling|rose|fell|increased|decreased|dropped|jumped|climbed)\s+(?:\S+\s+){0,3}?from\b"
    r"|\b(?:when\s+|as\s+|if\s+)?compared\s+(?:to|with)\b|\bcompared\b|\bversus\b|\b(?:double|triple|treble|twice|(?<!first )(?<!second )(?<!last )(?<!1st )(?<!2nd )(?<!\bi )(?<!\bii )half)\s+(?:its|the|their|that|of)\b|\bvs\.?\s"
    r"|\b(?:an?\s+)?(?:drop|fall|decline|decrease|rise|increase|jump|reduction|dip)\s+of\s+(?:\S+\s+){1,3}?(?:from|over|on)\b"
    r"|\bafter\s+(?:dipping|falling|rising|dropping|declining|increasing|decreasing|climbing|peaking|slipping)\b"
    r"|\b(?:higher|lower)\s+than\b|\b(?:more|less|fewer)\s+(?:\w+\s+)?than\s+(?=(?:the|in|last|those|that|a|its|during)\b)|\bfrom\s+(?=(?:a|the)\s+)?(?:total|high|low)\b",
    re.IGNORECASE,
)
#: the same, case-sensitive, for lower-cased ASCII text (same matches, several times faster)
_COMPARISON_LOWER = re.compile(_COMPARISON.pattern)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    index: int
    paragraph: int


@dataclass(frozen=True)
class Segment:
    """A clause-like stretch of a sentence (offsets in the document)."""

    start: int
    end: int
    comparison: bool  # starts with a comparison marker ("up from 298 in 2016")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if m is None:
        return False
    word = m.group(1).lower().strip(".")
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha()  # an initial: "Chou B. Eng"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with document offsets (whitespace trimmed)."""
    return list(_sentences_of(text))


@lru_cache(maxsize=4)  # the facts and the claims of the document in flight are read from the same split
def _sentences_of(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    start = 0
    paragraph = 0
    in_list = False
    for m in _END.finditer(text):
        if m.group(0)[0] in ".!?" and m.group(0)[0] == "." and _is_abbreviation(text, m.start()):
            continue
        if "\n" in m.group(0) and m.group(0)[0] not in ".!?" and _BULLET.match(text, m.end()) and (
                in_list or text[start:m.start()].rstrip().endswith(":")):
            in_list = True  # "breaks down as follows:\n • 3,349 in Punjab\n • 349 in ICT": one sentence
            continue
        in_list = False
        _add(out, text, start, m.end() if "\n" not in m.group(0) else m.start(), paragraph)
        if "\n" in m.group(0):
            paragraph += 1
        start = m.end()
    _add(out, text, start, len(text), paragraph)
    return tuple(out)


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(s, s + len(stripped), stripped, len(out), paragraph))


@lru_cache(maxsize=1024)
def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every clause boundary in a sentence's text (not an abbreviation's dot: "the U.S.
    agency", "Dr. Lee", which do not end a sentence either)."""
    return tuple(m.span() for m in _CLAUSE.finditer(text)
                 if not (text[m.start()] == "." and _is_abbreviation(text, m.start())))


def _comparisons(text: str) -> list[int]:
    if text.isascii():  # lower-casing ASCII keeps offsets and IGNORECASE adds nothing else
        return [m.start() for m in _COMPARISON_LOWER.finditer(text.lower())]
    return [m.start() for m in _COMPARISON.finditer(text)]


def segments(sentence: Sentence) -> list[Segment]:
    """Clauses of a sentence, each split again where a comparison starts."""
    cuts: list[tuple[int, bool]] = [(0, False)]
    for _, end in _clauses(sentence.text):
        cuts.append((end, False))
    for start in _comparisons(sentence.text):
        cuts.append((start, True))
    cuts.sort()
    out: list[Segment] = []
    for i, (pos, comparison) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(sentence.text)
        if end > pos:
            out.append(Segment(sentence.start + pos, sentence.start + end, comparison))
    return out


def segment_at(segs: list[Segment], offset: int) -> Segment:
    for seg in segs:
        if seg.start <= offset < seg.end:
            return seg
    return segs[-1]


def clause_bounds(sentence: Sentence, offset: int) -> tuple[int, int]:
    """Document offsets of the clause (comparison splits ignored) holding ``offset``."""
    rel = offset - sentence.start
    start, end = 0, len(sentence.text)
    for m_start, m_end in _clauses(sentence.text):
        if m_end <= rel:
            start = m_end
        elif m_start > rel:
            end = m_start
            break
    return sentence.start + start, sentence.start + end
