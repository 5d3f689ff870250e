"""Who a figure is attributed to (SPEC section 5).

``SourceTracker`` walks the sentences in order. It credits a figure to the body its
sentence cites ("according to X", "X said", "X's report", "the report said" -> the body
whose report it is, "Gen Pheak said" -> the body Gen Pheak was introduced with), else to
the body whose report the passage is about. A speaker whose body is unknown credits no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tipwatch.extract.gazetteer import Entity, EntityMention

_SAY = r"(?:said|says|say|told|added|adds|stated|states|noted|notes|reported|reports|announced|revealed|explained|disclosed|confirmed|showed|shows|indicated|highlighted)"
_SAY_RX = re.compile(rf"\b{_SAY}\b")
_ACCORDING = re.compile(r"\b(?:according to|citing|quoting|as per|data from|figures from|statistics from|records from)\s+", re.IGNORECASE)
_UPSTREAM = re.compile(r"\b(?:information|data|figures|statistics|numbers)\s+from\s+|\bciting\s+|\bquoting\s+|\bbased on\s+(?:data|figures|information)?\s*(?:from\s+)?", re.IGNORECASE)
_REPORT_REF = re.compile(
    rf"\b(?:the|this|that|its|their|same)\s+(?:\w+\s+){{0,3}}(?:report|data|figures|statistics|study|survey)\b(?:,[^,]{{0,60}},)?\s+(?:also\s+)?{_SAY}"
    rf"|\baccording to (?:the|its|their|this|that)\s+(?:\w+\s+){{0,3}}(?:report|data|figures|statistics|study)\b"
    rf"|(?:^|[,;“\"]\s*|\s)(?:[Ii]t|[Tt]hey)\s+(?:also\s+)?{_SAY}\b"
    rf"|\bthe\s+(?:same\s+)?report\b",
    re.IGNORECASE,
)
_RELEASED = re.compile(r"\b(?:released|published|issued|presented|unveiled|launched)\s+(?:its|their|the|a|an)\s+(?:\w+\s+){0,3}(?:report|data|figures|statistics|study)", re.IGNORECASE)
_POSSESSIVE_REPORT = re.compile(r"^\s*(?:'s|’s|')?\s*(?:\w+\s+){0,4}?(?:report|data|figures|statistics|study|survey|records)\b", re.IGNORECASE)
_ANAPHOR = re.compile(r"\b[Tt]he\s+(ministry|committee|department|agency|commission|council|police|organi[sz]ation|court|bureau|office|secretariat|body)(?:'s|’s)?\b")
_ANAPHOR_SAID = re.compile(rf"\b[Tt]he\s+(ministry|committee|department|agency|commission|council|police|organi[sz]ation|bureau|office|secretariat|directorate|command|force|network|government|authority)(?:'s|’s)?\s+(?:\w+\s+){{0,2}}?(?:also\s+)?{_SAY}\b")
_HIS_BODY = re.compile(r"\b(?:his|her|their)\s+(?:own\s+)?(?:organi[sz]ation|group|NGO|ministry|department|agency|office|team|unit|committee|charity|body)\b", re.IGNORECASE)
_PRONOUN_SAID = re.compile(rf"\b(?:[Hh]e|[Ss]he)\s+(?:also\s+)?{_SAY}\b|\b{_SAY}\s+(?:he|she)\b")
_NAME = re.compile(r"(?:[A-Z][a-z’'.-]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z’'.-]+|[A-Z]{2,}))*")
_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain", "sgt", "police", "brigadier", "deputy", "minister", "prime", "director", "chief", "spokesman", "spokeswoman", "spokesperson", "secretary", "commissioner", "inspector", "senior", "president", "vice", "chairman", "chairwoman", "governor", "judge", "prof", "professor", "sir", "madam", "lord", "hon", "pol", "maj-gen", "major-general", "the", "national", "provincial"]
)
_KIND_WORDS = {"ministry": "ministry", "committee": "committee", "department": "ministry",
               "agency": "agency", "commission": "committee", "council": "committee",
               "police": "police", "court": "court", "bureau": "agency", "office": "agency",
               "organisation": "ngo", "organization": "ngo", "secretariat": "committee", "body": None}


@dataclass
class SourceState:
    """What the passage so far has established."""

    report_body: str | None = None
    last_body: str | None = None
    last_by_kind: dict[str, str] = field(default_factory=dict)
    persons: dict[str, str | None] = field(default_factory=dict)  # name token -> body
    last_person_body: str | None = None
    has_last_person: bool = False


@dataclass(frozen=True)
class Cue:
    start: int  # document offset of the cue
    body: str | None
    rule: str


class BodyRules:
    """Attribution patterns; the names themselves live in the gazetteer."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.kinds = {rec["name"]: rec.get("kind") for rec in data.get("bodies", [])}


class SourceTracker:
    def __init__(self, text: str, mentions: list[EntityMention], country: str | None) -> None:
        self.text = text
        self.country = country
        self.bodies = [m for m in mentions if m.kind == "body" and _usable(m.entities[0], country)]
        self.state = SourceState()

    # -- look-ups --------------------------------------------------------------------------
    def _bodies_in(self, start: int, end: int) -> list[EntityMention]:
        return [m for m in self.bodies if start <= m.start < end]

    def _anaphor_body(self, word: str) -> str | None:
        kind = _KIND_WORDS.get(word.lower())
        if kind is None:
            return self.state.last_body
        return self.state.last_by_kind.get(kind)

    def _person_body(self, name: str) -> tuple[bool, str | None]:
        toks = [t for t in re.split(r"\s+", name.strip()) if t.lower().strip(".") not in _TITLES]
        if not toks:
            return False, None
        for tok in reversed(toks):
            if tok in self.state.persons:
                return True, self.state.persons[tok]
        return False, None

    # -- cues ------------------------------------------------------------------------------
    def cues(self, s_start: int, s_end: int) -> list[Cue]:
        """Attribution cues in one sentence, in text order."""
        text = self.text
        sent = text[s_start:s_end]
        out: list[Cue] = []
        bodies = self._bodies_in(s_start, s_end)
        self._introduce_persons(s_start, s_end, bodies)
        for m in _ACCORDING.finditer(sent):
            pos = s_start + m.end()
            after = [b for b in bodies if pos <= b.start <= pos + 6]
            if after:
                out.append(Cue(pos, self._upstream(after[0], s_end), "src.according_to"))
        for b in bodies:
            tail = text[b.end:min(s_end, b.end + 60)]
            if _POSSESSIVE_REPORT.match(tail):
                out.append(Cue(b.start, b.entities[0].key, "src.body_report"))
                continue
            said = _SAY_RX.search(tail)
            if said and len(tail[:said.start()].split()) <= 6 and "," not in tail[:said.start()].replace("(", ""):
                out.append(Cue(b.start, b.entities[0].key, "src.body_said"))
            head = text[max(s_start, b.start - 12):b.start]
            if re.search(rf"\b{_SAY}\s+(?:the\s+)?$", head):
                out.append(Cue(b.start, b.entities[0].key, "src.said_body"))
        for m in _REPORT_REF.finditer(sent):
            pos = s_start + m.start()
            subject = re.match(r"\s*that\s+(?:the\s+)?", text[s_start + m.end():s_end])
            sub_body = [b for b in bodies if subject and b.start == s_start + m.end() + subject.end()]
            if sub_body:
                out.append(Cue(pos, sub_body[0].entities[0].key, "src.report_that_body"))
            else:
                out.append(Cue(pos, self.state.report_body, "src.report_ref"))
        for m in _ANAPHOR_SAID.finditer(sent):
            body = self.state.report_body or self._anaphor_body(m.group(1))
            if body:
                out.append(Cue(s_start + m.start(), body, "src.anaphor_said"))
        for m in _HIS_BODY.finditer(sent):
            out.append(Cue(s_start + m.start(), self.state.last_person_body, "src.his_organisation"))
        for m in _PRONOUN_SAID.finditer(sent):
            if self.state.has_last_person:
                out.append(Cue(s_start + m.start(), self.state.last_person_body, "src.pronoun_said"))
        out.extend(self._person_cues(s_start, s_end, bodies))
        out.sort(key=lambda c: c.start)
        return _resolve_report_refs(out)

    def _upstream(self, body: EntityMention, s_end: int) -> str:
        """'according to X, which gets its information from Y' credits Y."""
        for m in _UPSTREAM.finditer(self.text, body.end, min(s_end, body.end + 120)):
            later = self._bodies_in(m.end(), m.end() + 8)
            if later:
                return later[0].entities[0].key
        return body.entities[0].key

    def _person_cues(self, s_start: int, s_end: int, bodies: list[EntityMention]) -> list[Cue]:
        out = []
        sent = self.text[s_start:s_end]
        for m in _SAY_RX.finditer(sent):
            before = sent[:m.start()].rstrip()
            name = re.search(r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)\s*(?:,[^,]*,)?(?:\s*[a-z]\w*)?$", before)
            if name and not any(b.start <= s_start + name.start(1) < b.end for b in bodies):
                known, body = self._person_body(name.group(1))
                if known:
                    out.append(Cue(s_start + name.start(1), body, "src.person_said"))
            after = re.match(r"\s+((?:[A-Z][\w’'.-]*\s*){1,5})", sent[m.end():])
            if after:
                known, body = self._person_body(after.group(1))
                if known:
                    out.append(Cue(s_start + m.end(), body, "src.said_person"))
        return out

    # -- state -----------------------------------------------------------------------------
    def observe(self, s_start: int, s_end: int, cues: list[Cue]) -> None:
        """Update the passage state after a sentence: bodies named, persons introduced, reports."""
        sent = self.text[s_start:s_end]
        bodies = self._bodies_in(s_start, s_end)
        self._introduce_persons(s_start, s_end, bodies)
        for b in bodies:
            ent = b.entities[0]
            self.state.last_body = ent.key
            if ent.body_kind:
                self.state.last_by_kind[ent.body_kind] = ent.key
        statistical = _STATISTICAL.search(sent) is not None
        for cue in cues:
            speech = cue.rule in ("src.body_said", "src.said_body")
            if cue.body and (speech or (statistical and cue.rule in _BODY_CUES)):
                self.state.report_body = cue.body
        released = _RELEASED.search(sent)
        if released:
            subject = [b for b in bodies if b.start < s_start + released.start()]
            anaphor = list(_ANAPHOR.finditer(sent, 0, released.start()))
            if subject:
                self.state.report_body = subject[-1].entities[0].key
            elif anaphor:
                self.state.report_body = self._anaphor_body(anaphor[-1].group(1)) or self.state.report_body

    def _introduce_persons(self, s_start: int, s_end: int, bodies: list[EntityMention]) -> None:
        sent = self.text[s_start:s_end]
        for m in re.finditer(r"((?:[A-Z][\w’'.-]*\s+){1,4}[A-Z][\w’'.-]*),\s+([^,]{3,120}?),", sent):
            name = m.group(1)
            if any(b.start <= s_start + m.start(1) < b.end for b in bodies):
                continue
            app_start, app_end = s_start + m.start(2), s_start + m.end(2)
            inside = [b for b in bodies if app_start <= b.start < app_end]
            body = inside[0].entities[0].key if inside else None
            if body is None:
                ana = _ANAPHOR.search(self.text, app_start, app_end)
                body = self._anaphor_body(ana.group(1)) if ana else None
            self._remember(name, body)
        for b in bodies:  # "National Police chief of staff Lieutenant General Chhay Kim Khoeun"
            tail = self.text[b.end:min(s_end, b.end + 80)]
            m2 = re.match(r"(?:'s|’s)?\s+(?:[a-z-]+\s+){1,5}((?:[A-Z][\w’'.-]*\s+){1,5}[A-Z][\w’'.-]*)", tail)
            if m2:
                self._remember(m2.group(1), b.entities[0].key)

    def _remember(self, name: str, body: str | None) -> None:
        toks = [t for t in name.split() if t.lower().strip(".") not in _TITLES]
        if not toks or len(toks) > 4:
            return
        for tok in toks:
            self.state.persons[tok] = body
        self.state.last_person_body = body
        self.state.has_last_person = True


_BODY_CUES = ("src.according_to", "src.body_report", "src.body_said", "src.said_body")
_STATISTICAL = re.compile(r"\d|\b(?:report|data|figures|statistics)\b", re.IGNORECASE)


def _resolve_report_refs(cues: list[Cue]) -> list[Cue]:
    """'The Interior Ministry in their annual report said': the report is the body's."""
    out: list[Cue] = []
    for cue in cues:
        if cue.rule == "src.report_ref":
            earlier = [c for c in out if c.rule in _BODY_CUES and c.body]
            if earlier:
                cue = Cue(cue.start, earlier[-1].body, cue.rule)
            elif cue.body is None:
                continue
        out.append(cue)
    return out


def _usable(entity: Entity, country: str | None) -> bool:
    return not entity.doc_country_only or entity.country == country


def choose(cues: list[Cue], offset: int) -> Cue | None:
    """The cue nearest to a figure (before or after it) in its sentence."""
    if not cues:
        return None
    return min(cues, key=lambda c: abs(c.start - offset))
