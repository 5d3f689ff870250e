"""Line-level boilerplate removal driven by the rules in ``rules/boilerplate.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from tipwatch.errors import RuleError
from tipwatch.model import CleanDocument, OffsetMap, RawDocument, RemovedBlock

KINDS = frozenset({"line", "line_and_next", "to_end", "caption", "repeated_word", "block"})
_LIST_ITEM = re.compile(r"^[-–—•·▪►»*]")
HEADER_RULE = "header"
# A body sentence ends with sentence punctuation, optionally followed by a closing quote.
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_WORD = re.compile(r"\w+")
HEADER_MAX_WORDS = 24


@dataclass(frozen=True)
class LineRule:
    id: str
    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class BoilerplateRules:
    rules: tuple[LineRule, ...]

    def match(self, line: str) -> LineRule | None:
        for rule in self.rules:
            if rule.pattern.search(line):
                return rule
        return None


def _compile(entries: list[dict[str, str]], origin: str) -> tuple[LineRule, ...]:
    out = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        rid, kind, pattern = entry.get("id"), entry.get("kind"), entry.get("pattern")
        if not rid or not pattern or kind not in KINDS:
            raise RuleError(f"{origin}: rule #{i + 1} needs id, pattern and a kind in {sorted(KINDS)}")
        if rid in seen:
            raise RuleError(f"{origin}: duplicate rule id {rid!r}")
        seen.add(rid)
        try:
            out.append(LineRule(rid, kind, re.compile(pattern, re.IGNORECASE)))
        except re.error as exc:
            raise RuleError(f"{origin}: rule {rid}: bad pattern: {exc}") from exc
    return tuple(out)


@lru_cache(maxsize=8)
def load_boilerplate_rules(extra: tuple[str, ...] = ()) -> BoilerplateRules:
    """The bundled rules, then any extra YAML files with the same schema."""
    bundled = resources.files("tipwatch.clean").joinpath("rules/boilerplate.yaml").read_text("utf-8")
    sources = [("boilerplate.yaml", bundled)] + [(p, Path(p).read_text("utf-8")) for p in extra]
    rules: list[LineRule] = []
    for origin, text in sources:
        data = yaml.safe_load(text) or {}
        rules.extend(_compile(list(data.get("rules", [])), origin))
    return BoilerplateRules(tuple(rules))


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the first character in the raw text
    end: int  # offset after the line break
    text: str  # stripped content

    @property
    def blank(self) -> bool:
        return not self.text


def _lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    for chunk in text.splitlines(keepends=True):
        lines.append(_Line(pos, pos + len(chunk), chunk.strip()))
        pos += len(chunk)
    return lines


def _is_body_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) and len(_WORD.findall(text)) >= 6


def _header_end(lines: list[_Line], rules: BoilerplateRules) -> int:
    """Index of the first body line: the leading headline/byline/caption lines precede it."""
    for i, line in enumerate(lines):
        if line.blank or rules.match(line.text) is not None:
            continue
        if _is_body_sentence(line.text) or len(_WORD.findall(line.text)) > HEADER_MAX_WORDS:
            return i
    return 0  # no body sentence at all: keep everything


def _dropped_lines(lines: list[_Line], rules: BoilerplateRules) -> dict[int, str]:
    dropped: dict[int, str] = {}
    for i in range(_header_end(lines, rules)):
        if not lines[i].blank:
            dropped[i] = HEADER_RULE
    i = 0
    while i < len(lines):
        line = lines[i]
        rule = None if line.blank else rules.match(line.text)
        if rule is None:
            i += 1
            continue
        dropped[i] = rule.id
        if rule.kind == "block":
            i = _drop_block(lines, i + 1, rule.id, dropped)
            continue
        if rule.kind == "to_end":
            for j in range(i + 1, len(lines)):
                dropped[j] = rule.id
            break
        if rule.kind in ("line_and_next", "caption"):
            j = i + 1
            while j < len(lines) and lines[j].blank:
                j += 1
            if j < len(lines) and (rule.kind == "line_and_next" or not _is_body_sentence(lines[j].text)):
                dropped[j] = rule.id
                i = j
        i += 1
    return dropped


def _drop_block(lines: list[_Line], start: int, rule_id: str, dropped: dict[int, str]) -> int:
    """Drop the headline-like lines under a links heading; stop at the next body sentence."""
    j = start
    while j < len(lines):
        text = lines[j].text
        if text and _is_body_sentence(text) and not _LIST_ITEM.match(text):
            break
        if text:
            dropped[j] = rule_id
        j += 1
    return j


def clean(raw: RawDocument, rules: BoilerplateRules | None = None) -> CleanDocument:
    """Drop boilerplate lines; keep an offset map from the cleaned text to ``raw.text``."""
    rules = rules or load_boilerplate_rules()
    lines = _lines(raw.text)
    dropped = _dropped_lines(lines, rules)
    pieces: list[str] = []
    clean_starts: list[int] = []
    raw_starts: list[int] = []
    removed: list[RemovedBlock] = []
    pos = 0
    prev_kept = False
    for i, line in enumerate(lines):
        if i in dropped:
            rid = dropped[i]
            if removed and removed[-1].rule == rid and removed[-1].end == line.start:
                removed[-1] = RemovedBlock(removed[-1].start, line.end, rid)
            else:
                removed.append(RemovedBlock(line.start, line.end, rid))
            prev_kept = False
            continue
        if line.blank and not pieces:
            prev_kept = False
            continue  # no leading blank lines
        chunk = raw.text[line.start:line.end]
        if not prev_kept:
            clean_starts.append(pos)
            raw_starts.append(line.start)
        pieces.append(chunk)
        pos += len(chunk)
        prev_kept = True
    text = "".join(pieces)
    offsets = OffsetMap(tuple(clean_starts) or (0,), tuple(raw_starts) or (0,))
    return CleanDocument(raw=raw, text=text, offsets=offsets, removed=tuple(removed))
