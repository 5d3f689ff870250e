"""Which jurisdiction a figure covers: the document's country, a subdivision, or WORLD.

The document's country is inferred from the names it uses (countries, subdivisions,
bodies that belong to one country, nationality words), and only when one country clearly
dominates; otherwise places stay empty rather than guessed.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any

from tipwatch.extract.gazetteer import EntityMention

_WEIGHTS = {"country": 2.0, "subdivision": 2.0, "body": 1.0, "demonym": 1.0}
_BODY_KIND_WEIGHTS = {"government": 0.5, "un": 0.0}
_CAPITAL = re.compile(r"\b(?:in|across|of)\s+the\s+capital\b|\bthe\s+capital(?:'s|’s)?\s+(?:city|police|authorities)\b", re.IGNORECASE)
#: words after a figure that make a later place the venue of a speech, not the figure's place
_VENUE = re.compile(r"\b(?:said|says|told|announced|speaking|addressing|seminar|conference|meeting|workshop|briefing|forum|interview)\b")
#: a place where someone spoke, before the figure ("in an interview with the Ghanaian Times in Accra on Thursday, stated that 79 ...")
_VENUE_BEFORE = re.compile(r"\b(?:interview|told|disclosed|revealed|announced|speaking|addressing|seminar|conference|meeting|workshop|briefing|forum|ceremony)\b"
                           r"[^.;()]{0,45}?\bin\s+\Z")
#: the end of a document's first sentence (its lead, once the cleaner has dropped headline and dateline)
_LEAD_END = re.compile(r"[.!?](?=\s)")
_KINGDOM = re.compile(r"\b(?:the\s+)?(?:Kingdom|country|nation)\b")


_DATELINE_AFTER = re.compile(r"\s*(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)\s*(?:\([^)]*\))?\s*[-–—:]|\s*\([^)]*\)\s*[-–—]|\s+[-–—]\s|:\s)")
_ELSEWHERE = re.compile(r"\b(?:from|to|into|with|bordering|neighbou?ring|via|through|for|bound\s+for|towards?)\s+(?:the\s+)?\Z",
                        re.IGNORECASE)
#: what joins the countries of a list ("Italy, Greece and Germany", "Argentina or Spain");
#: a bracketed figure may follow each country ("from Nigeria (24) and Romania (18)")
_LISTED = re.compile(r"(?:\s*\([^()\n]{0,24}\))?(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)(?:the\s+)?")
_OWNED_BODY = re.compile(r"(?:'s|’s)\s+(?:(?:[A-Z][\w-]*|of|for|and|the)\s+){0,6}?(?:[Pp]olice|[Mm]inistry|[Gg]overnment|"
                         r"[Aa]uthorities|[Cc]ourts?|[Pp]rosecutors?|[A-Z][\w-]*\s+(?:Office|Agency|Bureau|Service|Unit|"
                         r"Directorate|Commission|Committee|Council|Department|Forces?|Ministry))\b")
_IN_AFTER = re.compile(r"\s*(?:(?:were|was)\s+)?(?:(?:registered|recorded|reported|booked|arrested|opened)\s+)?"
                       r"(?:in|from|at)\s+(?:the\s+)?")  # "3,635 in Punjab, 420 in ICT"
_OTHER_FIGURE_IN = re.compile(r"[\d.,]+\s+(?:[a-z]+\s+){0,3}?(?:in|from|at)\s+(?:the\s+)?\Z")
_AFTER_FIGURE_IN = re.compile(r"\s*(?:[a-z]+\s+){0,3}?(?:in|from|at)\s+(?:the\s+)?")
_IN_BEFORE = re.compile(r"\b(?:in|across|within|throughout)\s+(?:the\s+)?\Z", re.IGNORECASE)


def _is_dateline(text: str, start: int, end: int, sent_start: int) -> bool:
    """'KATHMANDU, Aug 2 -' or 'MANILA -' at the head of a story names where it was written."""
    if text[sent_start:start].strip():
        return False
    return text[start:end].isupper() or bool(_DATELINE_AFTER.match(text, end))


def _rx(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


class PlaceRules:
    def __init__(self, data: dict[str, Any]) -> None:
        self.capitals: dict[str, str] = dict(data.get("capitals", {}))
        self.world = re.compile("|".join(f"(?:{p})" for p in data["world"]), re.IGNORECASE)
        self.multi = re.compile("|".join(f"(?:{p})" for p in data["multi"]), re.IGNORECASE)
        self.eu = _rx(data.get("eu", []))
        self.regions = _rx(data.get("regions", []))
        self.national = _rx(data.get("national", []))
        #: "Ethiopian authorities", "Greek coastguard": a demonym on the body that acts names the country
        self.own_authority = re.compile(r"\s+(?:" + "|".join(f"(?:{p})" for p in data["authorities"]) + r")\b",
                                        re.IGNORECASE)
        #: "18 Nigerian women": the counted people's citizenship, weak evidence of the story's country
        #: (case-sensitive: "the Indonesian Migrant Workers Protection Agency" is a body's name)
        self.counted = re.compile(r"\s+(?:" + "|".join(f"(?:{p})" for p in data["counted_people"]) + ")")

    def document_country(self, mentions: list[EntityMention], hint: str | None = None, text: str = "") -> str | None:
        """The country a document is about, when one clearly dominates its names.

        ``hint`` is a country suggested by the document's address (its URL's country domain).
        A dateline ("BANGKOK -") counts more, a country people come from or go to ("from
        Myanmar", "the border with Laos") less.
        """
        score: dict[str, float] = {}
        stop = _LEAD_END.search(text) if text else None
        lead_end = stop.end() if stop else 0
        if hint:
            score[hint] = 3.0
        prev_elsewhere: int | None = None  # the end of the last country named as an origin or destination
        for mention in mentions:
            ent = mention.entities[0]
            elsewhere = False
            country = ent.country
            if ent.kind == "foreign" or not country or country == "WORLD" or (country == "EU" and ent.kind == "body"):
                continue
            if ent.kind == "subdivision" and len({e.country for e in mention.entities}) > 1:
                continue  # a name several countries use for a province
            if ent.kind == "body" and ent.doc_country_only:
                continue
            weight = _WEIGHTS.get(ent.kind, 0.0)
            if all(e.rule.startswith("subdivision.any.") for e in mention.entities):
                weight = 0.0  # a unit of a country the rules do not cover counts only as a dateline
            elif all(e.rule.startswith("place.capital.") for e in mention.entities):
                weight = 1.0  # a city of such a country: where people were promised jobs, unless a dateline
            if ent.kind == "demonym" and text and self.own_authority.match(text, mention.end):
                weight = 3.0  # "Ethiopian authorities intercepted ...": the country whose bodies act
            elif ent.kind == "demonym" and text and self.counted.match(text, mention.end):
                weight = 0.25  # "18 Nigerian women were rescued" in Spain: where they come from
            elif ent.kind == "country" and text and _OWNED_BODY.match(text, mention.end):
                weight = 3.0  # "Slovakia's police", "Paraguay's Public Ministry": so do its own bodies
            if ent.kind == "body":
                weight = _BODY_KIND_WEIGHTS.get(ent.body_kind or "", weight)
            elif text and ent.kind in ("country", "subdivision"):
                line_start = text.rfind("\n", 0, mention.start) + 1
                if _is_dateline(text, mention.start, mention.end, line_start):
                    weight = 3.0
                elif ent.kind == "country" and (_ELSEWHERE.search(text, max(0, mention.start - 24), mention.start)
                                                or prev_elsewhere is not None and _LISTED.fullmatch(text, prev_elsewhere, mention.start)):
                    weight, elsewhere = 1.0, True  # "through Guatemala and Mexico": both on the way
                prev_elsewhere = mention.end if elsewhere else None
            if mention.start < lead_end and not elsewhere:
                weight *= 2  # the lead names the country the story is about ("Argentina's programme rescued ..."),
                # not one its people go to or come from ("on the border with Mozambique")
            score[country] = score.get(country, 0.0) + weight
        if not score:
            return None
        ranked = sorted(score.items(), key=lambda kv: -kv[1])[:2]
        best, best_score = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0.0
        if best_score >= (4.0 if best == "EU" else 2.0) and best_score >= 1.5 * runner:
            return best  # the EU needs two mentions: "outside the EU" alone makes no EU document
        return None

    @staticmethod
    def named_elsewhere(text: str, start: int) -> bool:
        """Whether the country named at ``start`` is where people go or come from ("bound for Mali")."""
        return _ELSEWHERE.search(text, max(0, start - 24), start) is not None

    def figure_place(self, text: str, sent: tuple[int, int], slot: tuple[int, int, int, int],
                     mentions: list[EntityMention], country: str | None, incident: bool
                     ) -> tuple[str | None, str | None]:
        """(place, rule) a sentence states for the figure at ``slot`` = (before start, figure start,
        figure end, after end): WORLD, EU, none (several countries), the country ("nationwide"),
        the province named in the figure's own stretch of the sentence ("Telangana booked 347
        cases, ... followed by Maharashtra with 320"), the one province the sentence names, the
        dateline's province for an incident, or the capital."""
        start, end = sent
        scope = self.sentence_scope(text, start, end)
        if scope is not None:
            return scope
        if self.national is not None and self.national.search(text, *_own_clause(text, slot)):
            return country, "place.national"
        lo_i = bisect.bisect_left(mentions, start, key=_start)
        hi_i = bisect.bisect_left(mentions, end, key=_start)
        subs = [m for m in mentions[lo_i:hi_i] if _of_country(m, country) is not None]
        lines = [m for m in subs if _is_dateline(text, m.start, m.end, start)]
        subs = [m for m in subs if m not in lines]
        right = [m for m in subs if slot[2] <= m.start < slot[3] and _IN_AFTER.fullmatch(text, slot[2], m.start)]
        if right and _of_country(right[0], country):
            return _of_country(right[0], country), "place.subdivision"
        subs = [m for m in subs if not (slot[2] <= m.start and _VENUE.search(text, slot[2], m.start))
                and not _VENUE_BEFORE.search(text, max(0, m.start - 60), m.start)]
        for lo, hi in ((slot[0], slot[1]), (slot[2], slot[3])):
            own = {_of_country(m, country) for m in subs if lo <= m.start < hi}
            if len(own) == 1:
                return own.pop(), "place.subdivision"
        # a province named right after another figure is that figure's ("124 crimes, including 36 in Almaty")
        subs = [m for m in subs if not (m.start >= slot[3] and _OTHER_FIGURE_IN.match(text, slot[3], m.start)
                                        or m.start < slot[0] and _AFTER_FIGURE_IN.fullmatch(text, slot[0], m.start))]
        codes = {_of_country(m, country) for m in subs}
        if len(codes) == 1:
            return codes.pop(), "place.sentence_subdivision"
        if incident and not codes and len({_of_country(m, country) for m in lines}) == 1:
            return _of_country(lines[0], country), "place.dateline_incident"
        if country and country in self.capitals and _CAPITAL.search(text, start, end):
            return self.capitals[country], "place.capital"
        return None, None

    @lru_cache(maxsize=256)  # noqa: B019 - one entry per sentence of the documents in flight
    def sentence_scope(self, text: str, start: int, end: int) -> tuple[str, str] | None:
        """WORLD, EU or no single place ("") when the sentence says so, else None."""
        if self.world.search(text, start, end):
            return "WORLD", "place.world"
        if self.eu is not None and self.eu.search(text, start, end):
            return "EU", "place.eu"
        if self.multi.search(text, start, end) or (self.regions is not None and self.regions.search(text, start, end)):
            return "", "place.multi"  # several countries or a world region: no single place
        return None

    def country_named(self, text: str, lo: int, hi: int, mentions: list[EntityMention]) -> str | None:
        """The one country named with 'in' in ``text[lo:hi]`` ("120,000 people in Myanmar")."""
        found = {m.entities[0].key for m in mentions
                 if m.kind == "country" and lo <= m.start < hi and _IN_BEFORE.search(text, max(lo, m.start - 12), m.start)}
        return found.pop() if len(found) == 1 else None

    def country_in(self, text: str, start: int, end: int, mentions: list[EntityMention],
                   country: str | None) -> str | None:
        """A single other country named with 'in' in the span ("rescued in Thailand")."""
        found = {m.entities[0].key for m in mentions
                 if m.kind == "country" and start <= m.start < end
                 and re.search(r"\bin\s+(?:the\s+)?\Z", text[max(start, m.start - 8):m.start])}
        found.discard(country or "")
        return found.pop() if len(found) == 1 else None


_CLAUSE_BREAK = re.compile(r"[,;]?\s+(?:while|whereas|but|although)\b|;")


def _own_clause(text: str, slot: tuple[int, int, int, int]) -> tuple[int, int]:
    """The stretch of a figure's slot in its own clause: "Police in Mombasa rescued 23, while nationally
    312 ..." leaves "nationally" to the 312."""
    lo, hi = slot[0], slot[3]
    after = _CLAUSE_BREAK.search(text, slot[2], hi)
    before = list(_CLAUSE_BREAK.finditer(text, lo, slot[1]))
    return (before[-1].end() if before else lo), (after.start() if after else hi)


def _of_country(m: EntityMention, country: str | None) -> str | None:
    """The code of a subdivision mention when it belongs to ``country``."""
    if m.kind != "subdivision" or country is None:
        return None
    return next((e.key for e in m.entities if e.kind == "subdivision" and e.country == country), None)


def _start(m: EntityMention) -> int:
    return m.start
