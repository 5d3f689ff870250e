"""Which jurisdiction a figure covers: the document's country, a subdivision, or WORLD.

The document's country is inferred from the names it uses (countries, subdivisions,
bodies that belong to one country, nationality words), and only when one country clearly
dominates; otherwise places stay empty rather than guessed.
"""

from __future__ import annotations

import re
from typing import Any

from tipwatch.extract.gazetteer import EntityMention

_WEIGHTS = {"country": 2.0, "subdivision": 2.0, "body": 1.0, "demonym": 1.0}
_BODY_KIND_WEIGHTS = {"government": 0.5, "un": 0.0}
_CAPITAL = re.compile(r"\b(?:in|across|of)\s+the\s+capital\b|\bthe\s+capital(?:'s|’s)?\s+(?:city|police|authorities)\b", re.IGNORECASE)
_KINGDOM = re.compile(r"\b(?:the\s+)?(?:Kingdom|country|nation)\b")


_DATELINE_AFTER = re.compile(r"\s*(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)\s*(?:\([^)]*\))?\s*[-–—:]|\s*\([^)]*\)\s*[-–—]|\s+[-–—]\s)")


def _is_dateline(text: str, start: int, end: int, sent_start: int) -> bool:
    """'KATHMANDU, Aug 2 -' or 'MANILA -' at the head of a story names where it was written."""
    if text[sent_start:start].strip():
        return False
    return text[start:end].isupper() or bool(_DATELINE_AFTER.match(text, end))


class PlaceRules:
    def __init__(self, data: dict[str, Any]) -> None:
        self.capitals: dict[str, str] = dict(data.get("capitals", {}))
        self.world = re.compile("|".join(f"(?:{p})" for p in data["world"]), re.IGNORECASE)
        self.multi = re.compile("|".join(f"(?:{p})" for p in data["multi"]), re.IGNORECASE)

    def document_country(self, mentions: list[EntityMention], hint: str | None = None) -> str | None:
        """The country a document is about, when one clearly dominates its names.

        ``hint`` is a country suggested by the document's address (its URL's country domain).
        """
        score: dict[str, float] = {}
        if hint:
            score[hint] = 3.0
        for mention in mentions:
            ent = mention.entities[0]
            country = ent.country
            if ent.kind == "foreign" or not country or country in ("WORLD", "EU"):
                continue
            if ent.kind == "body" and ent.doc_country_only:
                continue
            weight = _WEIGHTS.get(ent.kind, 0.0)
            if ent.kind == "body":
                weight = _BODY_KIND_WEIGHTS.get(ent.body_kind or "", weight)
            score[country] = score.get(country, 0.0) + weight
        if not score:
            return None
        ranked = sorted(score.items(), key=lambda kv: -kv[1])[:2]
        best, best_score = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0.0
        if best_score >= 2.0 and best_score >= 1.5 * runner:
            return best
        return None

    def sentence_place(self, text: str, start: int, end: int, mentions: list[EntityMention],
                       country: str | None) -> tuple[str | None, str | None]:
        """(place, rule) stated in a sentence: WORLD, the capital, or one subdivision of ``country``."""
        if self.world.search(text, start, end):
            return "WORLD", "place.world"
        if self.multi.search(text, start, end):
            return "", "place.multi"  # several countries: no single place
        subs = {m.entities[0].key for m in mentions
                if m.kind == "subdivision" and start <= m.start < end and m.entities[0].country == country
                and not _is_dateline(text, m.start, m.end, start)}
        if len(subs) == 1:
            return subs.pop(), "place.subdivision"
        if country and country in self.capitals and _CAPITAL.search(text, start, end):
            return self.capitals[country], "place.capital"
        return None, None

    def country_in(self, text: str, start: int, end: int, mentions: list[EntityMention],
                   country: str | None) -> str | None:
        """A single other country named with 'in' in the span ("rescued in Thailand")."""
        found = {m.entities[0].key for m in mentions
                 if m.kind == "country" and start <= m.start < end
                 and re.search(r"\bin\s+(?:the\s+)?$", text[max(start, m.start - 8):m.start])}
        found.discard(country or "")
        return found.pop() if len(found) == 1 else None
