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

from tipwatch.extract.folding import Folded
from tipwatch.extract.gazetteer import Entity, EntityMention

_SAY = r"(?:said|says|say|told|added|adds|stated|states|noted|notes|reported|reports|announced|revealed|explained|disclosed|confirmed|showed|shows|indicated|highlighted)"
_SAY_RX = re.compile(rf"\b{_SAY}\b")
_ACCORDING = re.compile(
    r"\b(?:according to|citing|quoting|as per"
    r"|(?:data|figures|statistics|numbers|records|estimates)\s+(?:(?:released|published|compiled|issued|provided|"
    r"gathered|collected|presented)\s+(?:\w+\s+){0,3}?)?(?:by|from)"
    r"|(?:released|published|compiled|issued|announced|presented|(?:carried\s+out|conducted|produced|prepared)"
    r"(?:\s+jointly)?)\s+by)\s+",
    re.IGNORECASE,
)
_UPSTREAM = re.compile(r"\b(?:information|data|figures|statistics|numbers)\s+from\s+|\bciting\s+|\bquoting\s+|\bbased on\s+(?:data|figures|information)?\s*(?:from\s+)?", re.IGNORECASE)
_REPORT_REF = Folded(  # case-insensitive: run over the lower-cased document when it keeps offsets
    rf"\b(?:the|this|that|its|their|same)\s+(?:\w+\s+){{0,3}}(?:report|data|figures|statistics|study|survey)\b(?:,[^,]{{0,60}},)?\s+(?:also\s+)?{_SAY}"
    rf"|\baccording to (?:the|its|their|this|that)\s+(?:\w+\s+){{0,3}}(?:report|data|figures|statistics|study)\b"
    rf"|(?:^|[,;“\"]\s*|\s)(?:it|they)\s+(?:also\s+)?{_SAY}\b"
    rf"|\bthe\s+(?:same\s+)?report\b"
)
_RELEASED = re.compile(r"\b(?:releas|publish|issu|present|unveil|launch|review)(?:ed|es|s)\s+(?:(?:its|their|the|a|an)\s+(?:\w+\s+){0,3}"
                       r"(?:report|data|figures|statistics|study|achievements|results|efforts|balance|record)"
                       r"|(?:its|their)\s+(?:annual\s+|latest\s+|new\s+)?(?-i:[A-Z]))", re.IGNORECASE)
#: a document's lead ends here: a body that releases or reviews its report there speaks for the document
_LEAD_CHARS = 400
_POSSESSIVE_REPORT = re.compile(r"^\s*(?:'s|’s|')?\s*(?:\w+\s+){0,4}?(?:report|data|figures|statistics|study|survey|records)\b", re.IGNORECASE)
_ANAPHOR_WORDS = r"ministry|committee|department|agency|commission|council|police|organi[sz]ation|court|bureau|office|secretariat|body|directorate|command|force|network|division|unit|service|authority|NGO|charity"
_ANAPHOR = re.compile(rf"\b[Tt]he\s+({_ANAPHOR_WORDS})(?:'s|’s)?\b")
#: "The agency received 1,114 reports", "the agency's Benin zonal command rescued 211", "his office handled nine"
_SUBJECT_NP = re.compile(rf"\b(?:[Tt]he\s+({_ANAPHOR_WORDS})|(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(office|agency|ministry|department|organi[sz]ation|unit|team|force))\b(?!\s+(?:of|for)\b)")
_SUBJECT_VERB = re.compile(r"\b(?:[a-z]+ed|said|says|found|made|took|held|sent|caught|brought|counted|secured|recorded|registered|"
                           r"opened|received|identified|rescued|arrested|handled|investigated|estimates?|reports?|puts|"
                           r"counts|lists|shows?|saw|gave|got|put|freed|helped|assisted|supported|"
                           r"rescues|arrests|nabs|detains|frees|saves|identifies|records|registers|busts|logs|"
                           r"has|have|had)\b")
_SUBJECT_BREAK = re.compile(r";|\s[-–—]\s|\b(?:while|whereas|but|although|though|because|when|after|before|if)\b|\bwith\s+(?:the\s+)?help\b")
_OBJECT_BEFORE = re.compile(r"\b(?:with|by|to|from|of|at|in|for|and|between|among|than|into|on|under|via|alongside|before|"
                            r"against)\s+(?:the\s+)?\Z", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur)\b")
_QUOTE = re.compile(r"[\"“”]")
_ANAPHOR_SAID = re.compile(rf"\b[Tt]he\s+(ministry|committee|department|agency|commission|council|police|organi[sz]ation|bureau|office|secretariat|directorate|command|force|network|government|authority)(?:'s|’s)?\s+(?:\w+\s+){{0,2}}?(?:also\s+)?{_SAY}\b")
_HIS_BODY = re.compile(r"\b(?:his|her|their)\s+(?:own\s+)?(?:organi[sz]ation|group|NGO|ministry|department|agency|office|team|unit|committee|charity|body)\b", re.IGNORECASE)
_PRONOUN_SAID = re.compile(rf"\b(?:[Hh]e|[Ss]he|[Tt]he\s+(?:deputy\s+|vice\s+)?minister)\s+(?:also\s+)?{_SAY}\b"
                           rf"|\b{_SAY}\s+(?:he|she|the\s+(?:deputy\s+|vice\s+)?minister)\b")
_NAME = re.compile(r"(?:[A-Z][a-z’'.-]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z’'.-]+|[A-Z]{2,}))*")
_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain", "sgt", "police", "brigadier", "deputy", "minister", "prime", "director", "chief", "spokesman", "spokeswoman", "spokesperson", "secretary", "commissioner", "inspector", "senior", "president", "vice", "chairman", "chairwoman", "governor", "judge", "prof", "professor", "sir", "madam", "lord", "hon", "pol", "maj-gen", "major-general", "the", "national", "provincial"]
)
_ANAPHOR_KINDS: dict[str, tuple[str, ...]] = {
    "ministry": ("ministry",), "department": ("ministry", "agency"), "agency": ("agency", "un"),
    "committee": ("committee",), "commission": ("committee",), "council": ("committee",),
    "secretariat": ("committee",), "police": ("police",), "force": ("police",), "command": ("police",),
    "court": ("court",), "bureau": ("agency",), "office": ("agency", "police", "local", "un"),
    "directorate": ("agency", "police"), "division": ("agency", "police"), "unit": ("agency", "police"),
    "service": ("agency", "police"), "authority": ("agency",), "organisation": ("ngo", "un"),
    "organization": ("ngo", "un"), "network": ("ngo",), "ngo": ("ngo",), "charity": ("ngo",),
    "team": ("ngo", "agency", "police"),
}


@dataclass
class SourceState:
    """What the passage so far has established."""

    report_body: str | None = None
    last_body: str | None = None
    last_by_kind: dict[str, str] = field(default_factory=dict)
    persons: dict[str, str | None] = field(default_factory=dict)  # name token -> body
    last_person_body: str | None = None
    has_last_person: bool = False
    seen: list[tuple[str, str, str | None]] = field(default_factory=list)  # (surface, key, kind) in text order
    releaser: str | None = None  # the body whose release the document is (its lead reviews or releases its report)


@dataclass(frozen=True)
class Cue:
    start: int  # document offset of the cue
    body: str | None
    rule: str


class BodyRules:
    """Attribution patterns; the names themselves live in the gazetteer."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.kinds = {rec["name"]: rec.get("kind") for rec in data.get("bodies", [])}
        #: country -> its national police force ("police" in a Malaysian story is the Royal Malaysia Police)
        self.national_police = {rec["country"]: rec["name"] for rec in data.get("bodies", [])
                                if rec.get("national") and rec.get("country")}


class SourceTracker:
    def __init__(self, text: str, mentions: list[EntityMention], country: str | None,
                 author: str | None = None, low: str | None = None, national: dict[str, str] | None = None,
                 masthead: str | None = None) -> None:
        self.text = text
        self.low = low  # the text lower-cased when that keeps its offsets
        self.country = country
        force = (national or {}).get(country or "")
        self.bodies = [_national(m, force, country) for m in mentions
                       if m.kind == "body" and _usable(m.entities[0], country)]
        self.entities = {m.entities[0].key: m.entities[0] for m in self.bodies}
        self.state = SourceState()
        self.author = self.bodies[0].entities[0].key if self.bodies and self.bodies[0].start < 300 else author
        #: the body a dropped masthead names (a report's or release's own header), not a news outlet
        self.masthead = masthead
        self.author = self.masthead or self.author  # "we" in a body's own report is that body

    # -- look-ups --------------------------------------------------------------------------
    def _bodies_in(self, start: int, end: int) -> list[EntityMention]:
        return [m for m in self.bodies if start <= m.start < end]

    def _anaphor_body(self, word: str, before: list[EntityMention] = ()) -> str | None:  # type: ignore[assignment]
        """'the agency' -> the last body named '... Agency', else the last of the agency kind.

        ``before`` are the bodies named earlier in the same sentence (searched first).
        """
        low = word.lower()
        head = "organization" if low.startswith("organi") else low
        seen = [*self.state.seen, *((b.text, b.entities[0].key, b.entities[0].body_kind) for b in before)]
        for surface, key, _kind in reversed(seen):
            words = {re.sub(r"(?:'s|’s)\Z", "", w.lower()) for w in f"{surface} {key}".split()}
            if head in words or (head == "organization" and "organisation" in words):
                return key
        kinds = _ANAPHOR_KINDS.get(low)
        if kinds is None:
            return self.state.last_body
        for _surface, key, kind in reversed(seen):
            if kind in kinds:
                return key
        return None

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
        bodies = self._bodies_in(s_start, s_end)
        self._introduce_persons(s_start, s_end, bodies)
        out = self._according_cues(s_start, s_end, bodies)
        out.extend(self._body_cues(s_start, s_end, bodies))
        out.extend(self._reference_cues(s_start, s_end, bodies))
        out.extend(self._person_cues(s_start, s_end, bodies))
        out.sort(key=lambda c: c.start)
        return _resolve_report_refs(out)

    def _according_cues(self, s_start: int, s_end: int, bodies: list[EntityMention]) -> list[Cue]:
        """'according to X', 'figures released by X', 'according to the force's report'."""
        out: list[Cue] = []
        for m in _ACCORDING.finditer(self.text, s_start, s_end):
            pos = m.end()
            whose = _REPORT_OF_AFTER.match(self.text, pos, s_end)  # "according to the annual report of X"
            after = [b for b in bodies if pos <= b.start <= (whose.end() if whose else pos) + 6]
            described = _DESCRIBED.match(self.text, pos, s_end)
            if not after and described:  # "according to the national rapporteur on trafficking, the Irish ..."
                after = [b for b in bodies if b.start == described.end()]
            if after:
                out.append(Cue(pos, self._upstream(self._owned(after[0]), s_end), "src.according_to"))
                continue
            if _HIM.match(self.text, pos) and self.state.has_last_person and self.state.last_person_body:
                out.append(Cue(pos, self.state.last_person_body, "src.according_to"))  # "According to him, ..."
                continue
            ana = _ANAPHOR.match(self.text, pos)
            if ana:
                body = self._anaphor_body(ana.group(1), [b for b in bodies if b.start < pos])
                if body:
                    out.append(Cue(pos, body, "src.according_to_anaphor"))
        return out

    def _body_cues(self, s_start: int, s_end: int, bodies: list[EntityMention]) -> list[Cue]:
        """'X's report', 'X said', 'said X', and X as the subject of the figure's verb."""
        text = self.text
        out: list[Cue] = []
        for b in bodies:
            key = b.entities[0].key
            tail = text[b.end:min(s_end, b.end + 60)]
            if _POSSESSIVE_REPORT.match(tail):
                out.append(Cue(b.start, key, "src.body_report"))
                continue
            if _REPORT_OF.search(text, max(s_start, b.start - 40), b.start):
                out.append(Cue(b.start, self._owned(b).entities[0].key, "src.report_of"))  # "the latest Crime in India report of the NCRB"
                continue
            said = _SAY_RX.search(tail)
            if said and len(tail[:said.start()].split()) <= 6 and "," not in tail[:said.start()].replace("(", ""):
                out.append(Cue(b.start, key, "src.body_said"))
            elif re.search(rf"\b{_SAY}\s+(?:the\s+)?$", text[max(s_start, b.start - 12):b.start]):
                out.append(Cue(b.start, key, "src.said_body"))
            elif self._is_subject(b.start, b.end, s_start, s_end) and self.state.releaser in (None, key):
                out.append(Cue(b.start, key, "src.subject"))  # in a body's own release, actors are not credits
            rel = _RELATIVE.match(tail)
            if rel:  # "published by the National Police Agency (NPA), which identified 25 victims"
                out.append(Cue(b.end + rel.end(), key, "src.relative_subject"))
        for m in _SUBJECT_NP.finditer(text, s_start, s_end):
            if m.group(1):
                body = self._anaphor_body(m.group(1), [b for b in bodies if b.end <= m.start()])
            else:
                body = self.state.last_person_body if self.state.has_last_person else None
                body = body or self._anaphor_body(m.group(2), [b for b in bodies if b.end <= m.start()])
            if body and self._is_subject(m.start(), m.end(), s_start, s_end):
                out.append(Cue(m.start(), body, "src.anaphor_subject"))
        if self.author and _FIRST_PERSON.search(text, s_start, s_end) and not _QUOTE.search(text, s_start, s_end):
            out.append(Cue(s_start, self.author, "src.first_person"))
        return out

    def _is_subject(self, start: int, end: int, s_start: int, s_end: int) -> bool:
        """A name at ``text[start:end]`` heads its clause and a verb follows it."""
        text = self.text
        if _OBJECT_BEFORE.search(text, max(s_start, start - 14), start):
            return False
        gap_end = min(s_end, end + 90)
        brk = _SUBJECT_BREAK.search(text, end, gap_end)
        gap = text[end:brk.start() if brk else gap_end]
        owned = re.match(r"\s*(?:'s|’s)?\s+", gap)
        if owned and (owned.group(0).strip() or text[start:end].endswith(("'s", "’s"))) \
                and any(b.start == end + owned.end() for b in self.bodies):
            return False  # "ICE's Homeland Security Investigations has ...": the body it owns is the subject
        gap = re.sub(r"^\s*(?:'s|’s)?\s*(?:\([^)]{1,15}\))?", "", gap)
        if re.match(r"\s*,[^,]{1,80},", gap):  # an appositive: "The Bureau of Immigration, a member of the council,"
            gap = gap[gap.index(",", gap.index(",") + 1) + 1:]
        elif gap.lstrip().startswith(","):
            return False
        verb = _SUBJECT_VERB.search(gap)
        if verb is None or len(gap[:verb.start()].split()) > 6:
            return False
        return not re.search(r",|\band\b|&", gap[:verb.start()])  # one of several agents credits no one

    def _reference_cues(self, s_start: int, s_end: int, bodies: list[EntityMention]) -> list[Cue]:
        """'the report said', 'the ministry said', 'his organisation', 'he said'."""
        text = self.text
        out: list[Cue] = []
        report_rx, subject_text = _REPORT_REF.pick(text, self.low)
        for m in report_rx.finditer(subject_text, s_start, s_end):
            subject = re.match(r"\s*that\s+(?:the\s+)?", text[m.end():s_end])
            sub_body = [b for b in bodies if subject and b.start == m.end() + subject.end()]
            if sub_body:
                out.append(Cue(m.start(), sub_body[0].entities[0].key, "src.report_that_body"))
            else:
                out.append(Cue(m.start(), self.state.report_body, "src.report_ref"))
        for m in _ANAPHOR_SAID.finditer(text, s_start, s_end):
            body = self._anaphor_body(m.group(1), [b for b in bodies if b.end <= m.start()]) or self.state.report_body
            if body:
                out.append(Cue(m.start(), body, "src.anaphor_said"))
        for m in _HIS_BODY.finditer(text, s_start, s_end):
            if self.state.last_person_body:
                out.append(Cue(m.start(), self.state.last_person_body, "src.his_organisation"))
        for m in _PRONOUN_SAID.finditer(text, s_start, s_end):
            if self.state.has_last_person:  # a speaker whose body is unknown credits no one
                out.append(Cue(m.start(), self.state.last_person_body, "src.pronoun_said"))
        return out

    def _owned(self, body: EntityMention) -> EntityMention:
        """'the Interior Ministry's Intelligence Centre (CITCO)': the body it owns, named right after it."""
        for _ in range(3):
            gap = _OWNS.match(self.text, body.end)
            if gap is None or not (gap.group(1) or body.text.endswith(("'s", "’s"))):
                break
            nxt = next((b for b in self.bodies if b.start == gap.end()), None)
            if nxt is None:
                break
            body = nxt
        return body

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
            name = re.search(r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)\s*(?:,[^,]*,)?(?:\s*[a-z]\w*)?\Z", before)
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
    def observe(self, s_start: int, s_end: int, cues: list[Cue], figures: bool = True) -> None:
        """Update the passage state after a sentence: bodies named, persons introduced, reports.

        ``figures`` says whether the sentence stated figures: a body that is only the subject
        of a sentence without figures does not become the passage's body.
        """
        sent = self.text[s_start:s_end]
        bodies = self._bodies_in(s_start, s_end)
        self._introduce_persons(s_start, s_end, bodies)
        for b in bodies:
            ent = b.entities[0]
            self.state.last_body = ent.key
            self.state.seen.append((b.text, ent.key, ent.body_kind))
            if ent.body_kind:
                self.state.last_by_kind[ent.body_kind] = ent.key
        statistical = _STATISTICAL.search(sent) is not None
        credited = any(c.rule in _PASSAGE_CUES for c in cues)
        for cue in cues:
            speech = cue.rule in _SPEECH_CUES
            if cue.rule in _SUBJECT_CUES and (credited or not figures):
                if figures and cue.body and self.state.report_body is None:
                    self.state.report_body = cue.body  # the first body credited with figures leads the passage
                continue  # "X intercepted 876 ..., the report added": the report is still the passage's
            if cue.body and (speech or (statistical and cue.rule in _BODY_CUES)):
                self.state.report_body = cue.body
        released = _RELEASED.search(sent)
        if released:
            before = [b for b in bodies if b.start < s_start + released.start()]
            # the body that heads the clause ("The committee held its meeting at the Ministry of Labour
            # and reviewed its annual report"), else the last one named before the verb
            subject = [b for b in before if self._is_subject(b.start, b.end, s_start, s_end)] or before[-1:]
            anaphor = list(_ANAPHOR.finditer(sent, 0, released.start()))
            if subject:
                self.state.report_body = subject[0].entities[0].key
            elif anaphor:
                self.state.report_body = self._anaphor_body(anaphor[-1].group(1)) or self.state.report_body
            if subject and not figures and s_start < _LEAD_CHARS and self.state.releaser is None:
                self.state.releaser = self.state.report_body  # a body's own release: its figures are its own

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
        for b in bodies:
            if _MINISTER.match(b.text):  # "a deputy minister of internal affairs answered ...": the speaker's body
                self.state.last_person_body = b.entities[0].key
                self.state.has_last_person = True
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


_RELATIVE = re.compile(r"(?:\s*\([A-Z][A-Za-z&.-]{1,11}\))?,\s+(?:which|who|that)\s+(?:also\s+)?"
                       r"(?:identified|recorded|registered|counted|reported|rescued|arrested|detected|found|logged)\s+")
_REPORT_OF = re.compile(r"\b(?:report|data|figures|statistics|survey|study|records|yearbook)\s+(?:of|by|from)\s+(?:the\s+)?\Z",
                        re.IGNORECASE)
_REPORT_OF_AFTER = re.compile(r"(?:the|its|their|a)\s+(?:[\w-]+\s+){0,3}?(?:report|data|figures|statistics|survey|study|"
                              r"records|yearbook|balance|bulletin)\s+(?:of|by|from)\s+(?:the\s+)?", re.IGNORECASE)
#: a body described before it is named: "the country's national rapporteur on trafficking, the ..."
_DESCRIBED = re.compile(r"(?:the|its|their|a|an)\s+(?:[\w'’-]+\s+){0,6}?[a-z][\w-]*,\s+(?:the\s+)?")
_HIM = re.compile(r"(?:him|her)\b")
#: an official named by title, whose ministry the text gave ("a deputy minister of internal affairs")
_MINISTER = re.compile(r"^(?:[Dd]eputy\s+|[Vv]ice\s+)?[Mm]inister\b|^(?:[A-Z][a-z]+\s+){1,2}Minister\Z")
_OWNS = re.compile(r"(?:('s|’s))?\s+")
_BODY_CUES = ("src.report_of", "src.relative_subject", "src.according_to", "src.body_report", "src.body_said", "src.said_body", "src.subject",
              "src.according_to_anaphor", "src.anaphor_subject", "src.first_person")
_SUBJECT_CUES = ("src.subject", "src.anaphor_subject")
#: a body that speaks ("X said", "the ministry said") becomes the passage's body
_SPEECH_CUES = ("src.body_said", "src.said_body", "src.anaphor_said")
_PASSAGE_CUES = ("src.report_ref", "src.anaphor_said", "src.pronoun_said", "src.person_said", "src.said_person")
_STATISTICAL = re.compile(r"\d|\b(?:report|data|figures|statistics|survey)\b", re.IGNORECASE)


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


def _national(mention: EntityMention, force: str | None, country: str | None) -> EntityMention:
    """'the National Police' in an Indonesian story is the Indonesian National Police: a generic police
    name the national force's own name ends with."""
    ent = mention.entities[0]
    if force is None or ent.country is not None or ent.body_kind != "police" or ent.key == force \
            or not force.endswith(f" {ent.key}"):
        return mention
    return EntityMention(mention.start, mention.end, mention.text, (Entity("body", force, ent.rule, country, None, "police"),))


def _usable(entity: Entity, country: str | None) -> bool:
    return not entity.doc_country_only or entity.country == country


def choose(cues: list[Cue], offset: int, clause: tuple[int, int] | None = None) -> Cue | None:
    """The cue nearest to a figure (before or after it): in its own clause if one is there
    ("the police say they rescued 1,087 victims, while the committee's report lists 1,014")."""
    if not cues:
        return None
    if clause is not None:
        own = [c for c in cues if clause[0] <= c.start < clause[1]]
        if own:
            cues = own
    return min(cues, key=lambda c: abs(c.start - offset))
