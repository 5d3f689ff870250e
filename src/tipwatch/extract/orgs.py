"""Organisations the gazetteer does not list, recognised by the shape of their names.

A name is a run of capitalised words around a *head* noun ("Harris County Sheriff's
Office", "Police Scotland", "Ministry of Social Development and Human Security",
"Sahyog Anti-Trafficking Network"), or a place followed by a lower-case local head
("Siem Reap provincial police"). Names are canonicalised (possessive country dropped,
"UN" written out, known aliases looked up in the gazetteer, units credited to their parent
body), and an abbreviation defined in parentheses ("... (PSNI)") names the same body for
the rest of the document. ``orgs.yaml`` holds the vocabulary.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from tipwatch.extract.gazetteer import Entity, EntityMention, Gazetteer

_CONNECTORS = frozenset({"of", "for", "on", "against", "the", "de", "del", "la", "to", "and", "&"})
#: a capitalised word; a dot stays inside only in an abbreviation ("U.S."), so a dateline
#: ("KAMPALA. Police have ...") or a sentence end never joins the next name
_CAP = r"[A-Z](?:[\w'’&-]*(?:\.[\w'’&-]+)+\.?|[\w'’&-]*)"
_JOIN = r"(?:[ \t]+(?:(?:of|for|on|against|the|de|del|la|to|and|in|&)[ \t]+)*|,[ \t]+(?=(?:[A-Z][\w'’-]*[ \t]+){0,3}and[ \t]))"
_RUN = re.compile(rf"{_CAP}(?:{_JOIN}{_CAP})*")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+\Z")
_ABBR_AFTER = re.compile(r"[ \t]*\((?P<abbr>[A-Z][A-Za-z&.-]{1,11})\)")
_TOKEN = re.compile(r"[^\s,]+")
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?")
_OWNED_MINISTRY = re.compile(r"\b(?P<owner>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:'s|’s|')\s+"
                             r"(?P<what>foreign|interior|home|labou?r|justice|health)\s+ministry\b")
_POSSESSED = re.compile(r"(?:'s|’s)\s+\Z")
#: "a deputy minister of internal affairs", "the minister of labour": an official named by the ministry's title
_MINISTER_OF = re.compile(r"\b(?:[Dd]eputy\s+|[Vv]ice\s+)?[Mm]inister\s+(?:of|for)\s+(?P<what>[A-Za-z]+(?:\s+(?:[a-z]+|[A-Z][a-z]+)){0,3})")
#: "Home Minister Ramesh Lekhak", "Labour Minister Anna K.": an official named by the ministry's short title
_TITLE_MINISTER = re.compile(r"\b(?P<what>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+Minister\b")


#: heads of names of units inside a larger body (credited to that body when it is named with them)
_UNIT_HEADS = frozenset({"Unit", "Division", "Directorate", "Squad", "Cell", "Wing", "Desk", "Section", "Bureau",
                         "Department", "Command", "Centre", "Center", "Office", "Force", "Team", "Service",
                         "Administration"})


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    tokens: tuple[str, ...]
    kind: str
    local: bool = False


class OrgRules:
    """Compiled organisation shapes (``orgs.yaml``)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.office_heads: dict[str, str] = dict(data.get("org_office_heads", {}))
        self.office_leads = frozenset(data.get("org_office_leads", []))
        self.heads: dict[str, str] = {**data.get("org_heads", {}), **self.office_heads}
        self.stop = frozenset(data.get("org_stop", []))
        self.stop_lead = frozenset(data.get("org_stop_lead", []))
        self.general_heads = frozenset(data.get("org_general_heads", []))
        self.same_words: dict[str, str] = dict(data.get("org_same_words", {}))
        self.end = frozenset(data.get("org_end", []))
        self.expand: dict[str, str] = dict(data.get("org_expand", {}))
        self.seat_words = frozenset(data.get("org_seat", []))
        self.units = [(re.compile("|".join(f"(?:{p})" for p in rec["patterns"])), rec["parent"], rec.get("country"))
                      for rec in data.get("org_units", [])]
        local_heads: dict[str, str] = dict(data.get("org_local_heads", {}))
        mods = data.get("org_local_mods", [])
        self.local_heads = local_heads
        self.local_rx = None
        if local_heads and mods:
            self.local_rx = re.compile(
                rf"\b(?P<place>{_CAP}(?:[ \t]+{_CAP}){{0,3}})[ \t]+(?P<mod>{'|'.join(map(re.escape, mods))})"
                rf"[ \t]+(?P<head>{'|'.join(map(re.escape, local_heads))})\b")

    # -- finding names ---------------------------------------------------------------------
    def _names(self, text: str) -> list[_Name]:
        out: list[_Name] = []
        for run in _RUN.finditer(text):
            toks = [_trim(run.start() + m.start(), m.group(0)) for m in _TOKEN.finditer(run.group(0))]
            names = self._names_in_run(toks, _THE_BEFORE.search(text, max(0, run.start() - 4), run.start()) is not None)
            out.extend(_with_commas(text, name) for name in names)
        if self.local_rx is not None:
            for m in self.local_rx.finditer(text):
                place = [t for t in m.group("place").split() if t.lower() not in _CONNECTORS]
                if not place or place[0] in self.stop or any(t.endswith(("'s", "’s")) for t in place) \
                        or _POSSESSED.search(text, max(0, m.start() - 40), m.start()):
                    continue  # "the agency's Benin zonal command": a unit of the body named before
                start = m.start("place") + m.group("place").find(place[0])
                words = (*place, m.group("mod").title(), m.group("head").title())
                out.append(_Name(start, m.end(), words, self.local_heads[m.group("head")], local=True))
        return out

    def _names_in_run(self, toks: list[tuple[int, int, str]], after_the: bool = False) -> list[_Name]:
        out: list[_Name] = []
        h = 0
        while h < len(toks):
            word = toks[h][2]
            owner = word.endswith(("'s", "’s")) and word[:-2] in self.heads and h > 0
            if word not in self.heads and not owner:
                h += 1
                continue
            i = self._back(toks, h, after_the)
            j = h if owner else self._forward(toks, h)  # "the Public Security Directorate's Anti-Human ... Unit"
            if j > i and i > 0 and toks[i - 1][2] in self.stop_lead and (
                    i == 1 or toks[i - 2][2] in ("the", "The") or toks[i - 2][2].endswith(("'s", "’s"))):
                i -= 1  # "Mongolia's General Police Department", "General Directorate of Migration said"
            if word in self.office_heads and not any(t[2] in self.office_leads for t in toks[i:h]):
                h = j + 1  # "IOM Coordinator Jane Doe" is a person; "the National Coordinator for ..." an office
                continue
            if j > i:  # a head alone ("Police", "Ministry") is no name
                words = [t[2] for t in toks[i:j + 1]]
                end = toks[j][1]
                if words[-1].endswith(("'s", "’s")):  # "the California Department of Justice's report"
                    words[-1], end = words[-1][:-2], end - 2
                out.append(_Name(toks[i][0], end, tuple(words), self.heads[word[:-2] if owner else word]))
            h = j + 1
        return out

    def _capital(self, word: str, *, tail: bool = False) -> bool:
        if not word[:1].isupper() or word.lower() in _CONNECTORS or word in self.end:
            return False
        return tail or word not in self.stop

    def _back(self, toks: list[tuple[int, int, str]], h: int, after_the: bool = False) -> int:
        i = h
        while i > 0:
            prev = toks[i - 1][2]
            if prev.endswith(("'s", "’s")) and prev[:-2] in self.heads:
                break  # "the Royal Thai Police's Anti-Trafficking in Persons Division": the parent is its own name
            if self._capital(prev):
                i -= 1
            elif prev in self.stop_lead and (i == 1 and after_the or i > 1 and toks[i - 2][2] in ("the", "The")):
                i -= 1  # "the General Police Inspectorate" (not "Inspector General of Police")
                break
            elif prev in ("and", "&") and i > 1 and self._capital(toks[i - 2][2]):
                i -= 2
            elif i > 1 and _IN_PERSONS(toks, i - 1) and self._capital(toks[i - 2][2]):
                i -= 2  # "Anti-Trafficking in Persons Division": the whole name, not "Persons Division"
            else:
                break
        return i

    def _forward(self, toks: list[tuple[int, int, str]], h: int) -> int:
        j = h
        while j + 1 < len(toks):
            nxt = toks[j + 1][2]
            if nxt in self.heads or (toks[h][2] == "Police" and j == h and self._capital(nxt)
                                     and (j + 2 >= len(toks) or not self._capital(toks[j + 2][2]))):
                j += 1  # "Police Service", "Police Scotland" (not "Police Commissioner Ray Lee")
                continue
            if nxt in self.stop_lead and j + 2 < len(toks) and toks[j + 2][2] in self.heads:
                j += 2  # "Gendarmerie General Command", "Police General Directorate"
                continue
            if nxt == "General" and toks[j][2] in self.general_heads and j + 3 < len(toks) \
                    and toks[j + 2][2] in _CONNECTORS and self._capital(toks[j + 3][2], tail=True):
                j += 1  # "Directorate General of Immigration", "Inspectorate General of Labour"
                continue
            k = j + 1
            while k < len(toks) and (toks[k][2].lower() in _CONNECTORS or _IN_PERSONS(toks, k)):
                k += 1
            if k == j + 1 or k >= len(toks) or not self._capital(toks[k][2], tail=True):
                break
            joined = [t[2].lower() for t in toks[j + 1:k]]
            end = k
            while end + 1 < len(toks) and self._capital(toks[end + 1][2], tail=True):
                end += 1
            if "and" in joined and any(t[2] in self.heads for t in toks[k:end + 1]) \
                    and not any(t[2].endswith(("'s", "’s")) for t in toks[h + 1:j + 1]):
                break  # "the Interior Ministry and the Foreign Ministry": two names (not "Travel Control and Enforcement Unit")
            j = end
        return j

    # -- canonical names -------------------------------------------------------------------
    def scan(self, text: str, gazetteer: Gazetteer, known: list[EntityMention]) -> list[EntityMention]:
        """Organisation mentions in ``text``: recognised names and the abbreviations they define."""
        starts = [m.start for m in known]
        out: list[EntityMention] = []
        learned: dict[str, Entity] = {}
        for name in self._names(text):
            entity = self._owner(text, name, known) if name.local else None
            entity = entity or self._entity(name, gazetteer, known, starts)
            if entity is None:
                continue
            if entity.rule.startswith("org."):
                entity = self._unit_parent(text, name, gazetteer, [*known, *out[-1:]]) or entity
            out.append(EntityMention(name.start, name.end, text[name.start:name.end], (entity,)))
            abbr = _ABBR_AFTER.match(text, name.end)
            if abbr and sum(c.isupper() for c in abbr.group("abbr")) >= 2:
                learned.setdefault(abbr.group("abbr"), entity)
        out = _units_in_bodies(text, out, known, self._is_unit)
        for m in _OWNED_MINISTRY.finditer(text):  # "Indonesia's foreign ministry", "Vietnam's foreign ministry"
            found = [e for e in gazetteer.lookup(f"{m.group('what').title()} Ministry") if e.kind == "body"]
            owner = [e for e in gazetteer.lookup(m.group("owner")) if e.kind == "country"]
            if found and owner:
                entity = replace(found[0], country=found[0].country or owner[0].key)
                out.append(EntityMention(m.start("what"), m.end(), text[m.start("what"):m.end()], (entity,)))
        for m in _MINISTER_OF.finditer(text):
            words = m.group("what").split()
            for n in range(len(words), 0, -1):  # the longest ministry name: "of internal affairs answered"
                found = [e for e in gazetteer.lookup(f"Ministry of {' '.join(words[:n])}") if e.kind == "body"]
                if found:
                    end = m.start("what") + len(" ".join(words[:n]))
                    out.append(EntityMention(m.start(), end, text[m.start():end], (found[0],)))
                    break
        for m in _TITLE_MINISTER.finditer(text):
            words = m.group("what").split()
            for n in range(len(words)):  # "Deputy Home Minister": the shortest title that names a ministry
                found = [e for e in gazetteer.lookup(f"{' '.join(words[n:])} Ministry") if e.kind == "body"]
                if found:
                    start = m.start("what") + len(" ".join(words[:n])) + (1 if n else 0)
                    out.append(EntityMention(start, m.end(), text[start:m.end()], (found[0],)))
                    break
        if learned:
            alt = "|".join(sorted(map(re.escape, learned), key=len, reverse=True))
            for m in re.finditer(rf"(?<![\w-])(?:{alt})(?![\w-])", text):
                out.append(EntityMention(m.start(), m.end(), m.group(0), (learned[m.group(0)],)))
        return self._full_names([*known, *out], out)

    def _ministry_words(self, key: str) -> str | None:
        """'Ministry of the Interior' -> 'interior'; 'Ministry of Internal Affairs' -> 'interior' (org_same_words)."""
        m = re.match(r"(?:Ministry|Department)\s+(?:of|for)\s+(?:the\s+)?(.+)\Z", key)
        if m is None:
            return None
        words = m.group(1).replace(",", " ,")
        for phrase, same in self.same_words.items():
            words = re.sub(rf"\b{re.escape(phrase)}\b", same, words)
        return " ".join(words.lower().split())

    def _full_names(self, mentions: list[EntityMention], orgs: list[EntityMention]) -> list[EntityMention]:
        """A ministry's short form names the one the text gives in full: "the Labour Ministry" after "the
        Ministry of Labour, Social Protection and Family", "the Interior Ministry" after "the Ministry of
        Internal Affairs"."""
        full: dict[str, EntityMention] = {}
        for m in sorted(mentions, key=lambda m: (not _WRITTEN_FULL.match(m.text), m.start)):
            if m.kind == "body" and (words := self._ministry_words(m.entities[0].key)):
                full.setdefault(words, m)  # the first name written in full ("Ministry of ..."), else the first
        out = list(orgs)
        for m in mentions:
            ent = m.entities[0]
            words = self._ministry_words(ent.key) if m.kind == "body" else None
            if not words:
                continue
            longer = {w for w in full if w != words and (w.startswith(f"{words} ,") or w.startswith(f"{words} and "))
                      or w == words and full[w].entities[0].key != ent.key}
            if len(longer) != 1:
                continue
            target = full[longer.pop()].entities[0]
            if target.key == ent.key or target.country not in (None, ent.country) and ent.country is not None:
                continue
            override = EntityMention(m.start, m.end, m.text, (replace(target, rule=f"{target.rule}{_FULL_NAME}"),))
            out = [o for o in out if (o.start, o.end) != (m.start, m.end)]
            out.append(override)
        out.sort(key=lambda o: o.start)
        return out

    def _unit_parent(self, text: str, name: _Name, gazetteer: Gazetteer, known: list[EntityMention]) -> Entity | None:
        """A unit is credited to the body it belongs to: "the Ghana Police Service's Anti-Human
        Trafficking Unit", "the ... Investigation Division of the Sri Lanka Police", "the
        Anti-Trafficking Unit of the Border Police"."""
        if self._is_unit(name.tokens):
            owner = _POSSESSED.search(text, max(0, name.start - 3), name.start)
            first = name.tokens[0]
            if owner is not None:
                body = next((m for m in known if m.kind == "body" and owner.start() <= m.end <= name.start), None)
            elif first.endswith(("'s", "’s")) and len(name.tokens) > 2:  # "the DCI's Anti-Human Trafficking ... Unit"
                body = next((m for m in known if m.kind == "body" and m.start == name.start
                             and m.end <= name.start + len(first)), None)
            else:
                body = None
            if body is not None:
                return body.entities[0]
            own = next((k for k, t in enumerate(name.tokens[1:-2], 1) if t.endswith(("'s", "’s"))), None)
            if own is not None:  # "the Bureau of Immigration's Travel Control and Enforcement Unit"
                words = (*name.tokens[:own], name.tokens[own][:-2])
                found = [e for e in gazetteer.lookup(" ".join(words)) if e.kind == "body"]
                if found:
                    return found[0]
                if any(w in self.heads for w in words):
                    return self._entity(replace(name, tokens=words), gazetteer, known, [m.start for m in known])
        tokens = list(name.tokens)
        unit = self._is_unit(tokens)
        for i, tok in enumerate(tokens[:-1]):
            if tok == "of" and i > 0 and (tokens[i - 1] in _UNIT_HEADS or unit and tokens[i + 1] == "the"):
                tail = tokens[i + 1:]
                if tail and tail[0].lower() == "the":
                    tail = tail[1:]
                found = [e for e in gazetteer.lookup(" ".join(tail)) if e.kind == "body"] if tail else []
                if found:
                    return found[0]
                lead = tail[:tail.index("of")] if "of" in tail else tail
                head = next((t for t in lead if t in self.heads), None)  # "National Police of Colombia"
                # a parent the gazetteer does not list: "the Unit of the Border Police" (not "Directorate of Border Police")
                if head is not None and self.heads[head] != "government" and head not in self.office_heads \
                        and len(tail) > 1 and tail[0][:1].isupper() \
                        and tokens[i + 1].lower() == "the":  # (an office "of the Government of X" is its own body)
                    return self._entity(replace(name, tokens=tuple(tail), kind=self.heads[head]), gazetteer, known,
                                        [m.start for m in known])
        return None

    def _is_unit(self, tokens: tuple[str, ...] | list[str]) -> bool:
        """A name headed by a unit word: "Anti-Trafficking Unit", "Main Directorate for Drug Control ..."."""
        first = next((t for t in tokens if t in self.heads), None)
        return tokens[-1] in _UNIT_HEADS or first in _UNIT_HEADS

    @staticmethod
    def _owner(text: str, name: _Name, known: list[EntityMention]) -> Entity | None:
        """'The Benin zonal command of the National Agency for ...': a unit of the body named after it."""
        of = _OF_BODY.match(text, name.end)
        if of is None:
            return None
        owner = next((m for m in known if m.start == of.end() and m.kind == "body"), None)
        return owner.entities[0] if owner is not None else None

    def _entity(self, name: _Name, gazetteer: Gazetteer, known: list[EntityMention], starts: list[int]
                ) -> Entity | None:
        tokens = [t.replace("’", "'") for t in name.tokens]
        country: str | None = None
        own = next((k for k, t in enumerate(tokens[:4]) if re.search(r"'s?\Z", t)), None)
        if own is not None and len(tokens) > own + 2:  # "Cambodia's National Police", "Trinidad and Tobago's ... Unit"
            owner = gazetteer.lookup(" ".join(tokens[:own + 1]))
            country = next((e.key for e in owner if e.kind == "country"), None)
            if country or own == 0:
                tokens = tokens[own + 1:]
            elif any(t in self.heads for t in tokens[:own + 1]) and not self._is_unit(tokens[own + 1:]):
                tokens = tokens[own + 1:]  # "the Council of Europe's Group of Experts on ...": the owned body's own name
        for of in range(2, len(tokens) - 1) if name.kind in ("ministry", "agency") else ():
            if tokens[of] != "of" or tokens[of - 1] in ("Republic", "Kingdom", "Police"):
                continue  # not "National Police of Peru" (the name the force goes by), nor a committee's
            tail = tokens[of + 1:]
            tail = tail[1:] if tail[0].lower() == "the" else tail
            if len(tail) > 2 and tail[0] in ("Republic", "Kingdom", "Government") and tail[1] == "of":
                tail = tail[2:]  # "of the Republic of Albania", "of the Government of Montenegro"
            nation = next((e.key for e in gazetteer.lookup(" ".join(tail)) if e.kind == "country"), None)
            if nation or tail == ["Government"]:  # "the Ministry of Internal Affairs of Tajikistan" is its Ministry of
                tokens, country = tokens[:of], country or nation  # Internal Affairs
                break
        entity = self._known(name, tokens, gazetteer, known, starts)
        if country and entity.country is None:
            return replace(entity, country=country)
        if country and entity.country not in (country, "WORLD", "EU"):  # "the State Committee for National Security
            return Entity("body", entity.key, f"org.{name.kind}", country, None, entity.body_kind)  # of Tajikistan"
        return entity

    def _known(self, name: _Name, tokens: list[str], gazetteer: Gazetteer, known: list[EntityMention],
               starts: list[int]) -> Entity:
        tokens = [self.expand.get(t, t) for t in tokens]
        while len(tokens) > 2 and tokens[-1] in self.seat_words:
            tokens = tokens[:-1]  # "the Hellenic Police Headquarters" is the Hellenic Police
        canonical = " ".join(tokens)
        found = [e for e in gazetteer.lookup(canonical) if e.kind == "body"]
        if found:
            return found[0]
        parent = self._parent(tokens, gazetteer)
        if parent is not None:
            return parent
        inside = known[bisect.bisect_left(starts, name.start):bisect.bisect_left(starts, name.end)]
        # a place name several countries use ("Mwanza" in Malawi and Tanzania) gives the body no place
        place = next((m.entities[0] for m in inside if m.kind == "subdivision"
                      and len({e.country for e in m.entities}) == 1), None)
        for rx, parent_name, unit_country in self.units:
            if rx.fullmatch(canonical) and unit_country in {m.entities[0].country for m in inside}:
                found = [e for e in gazetteer.lookup(parent_name) if e.kind == "body"]
                parent = found[0] if found else Entity("body", parent_name, "org.unit", unit_country)
                return replace(parent, place=place.key if place else None)  # the unit's province
        nation = next((m.entities[0] for m in inside if m.kind == "country"), None)
        country = None
        if place is not None:
            country = place.country
        elif nation is not None and not name.local:
            country = nation.key
        kind = "un" if "United Nations" in canonical else name.kind
        if kind == "un":
            country = "WORLD"
        return Entity("body", canonical, f"org.{name.kind}", country, place.key if place else None, kind)

    def _parent(self, tokens: list[str], gazetteer: Gazetteer) -> Entity | None:
        """'PNP Women and Children Protection Center' is a unit of the PNP."""
        for n in (3, 2, 1):  # "Philippine National Police Women and ...": a prefix of capitalised words only
            if len(tokens) > n + 1 and tokens[n][:1].isupper() \
                    and all(t[:1].isupper() and not t.endswith(",") for t in tokens[:n]):
                found = [e for e in gazetteer.lookup(" ".join(tokens[:n])) if e.kind == "body"]
                if found:
                    return found[0]
        return None


_ITS = re.compile(r"\b(?:its|their)\s+\Z")
_AT_BODY = re.compile(r"\s+(?:at|of|within|under|in)\s+(?:the\s+)?")
_SENTENCE_END = re.compile(r"[.!?]\s")


def _units_in_bodies(text: str, orgs: list[EntityMention], known: list[EntityMention],
                     is_unit: Callable[[list[str]], bool]) -> list[EntityMention]:
    """A unit named by shape is credited to the body the text places it in: "the Anti-Human
    Trafficking Unit at the Public Security Directorate", "the police said its Human Trafficking
    Unit ..." (the body named before it in the sentence)."""
    bodies = sorted((m for m in [*known, *orgs] if m.kind == "body"), key=lambda m: m.start)
    out: list[EntityMention] = []
    for org in orgs:
        ent = org.entities[0]
        if not ent.rule.startswith("org.") or not is_unit(org.text.split()):
            out.append(org)
            continue
        parent: EntityMention | None = None
        at = _AT_BODY.match(text, org.end)
        if at is not None:
            parent = next((b for b in bodies if b.start == at.end()), None)
        if parent is None and _ITS.search(text, max(0, org.start - 8), org.start):
            before = [b for b in bodies if b.end <= org.start and not _SENTENCE_END.search(text, b.end, org.start)]
            parent = before[-1] if before else None
        if parent is not None and parent.entities[0].key != ent.key:
            org = EntityMention(org.start, org.end, org.text, parent.entities)
        out.append(org)
    return out


def _with_commas(text: str, name: _Name) -> _Name:
    """A name's words keep the commas the text writes between them ("Ministry of Labour, Social
    Protection and Family"), which the tokens leave out."""
    gaps = re.findall(r"\S+", text[name.start:name.end])
    if len(gaps) != len(name.tokens) or not any(g.endswith(",") for g in gaps[:-1]):
        return name
    words = tuple(f"{w}," if g.endswith(",") and not w.endswith(",") else w for w, g in zip(name.tokens[:-1], gaps, strict=False))
    return replace(name, tokens=(*words, name.tokens[-1]))


def _trim(start: int, word: str) -> tuple[int, int, str]:
    """A token without a sentence's full stop ("Scotland.", not "U.S.")."""
    if word.endswith(".") and word.count(".") == 1 and len(word) > 2:
        word = word[:-1]
    return start, start + len(word), word


def _IN_PERSONS(toks: list[tuple[int, int, str]], k: int) -> bool:  # noqa: N802 - reads as a phrase
    """'Trafficking in Persons', 'in Human Beings': 'in' joins a name only before these."""
    return toks[k][2] == "in" and k + 1 < len(toks) and toks[k + 1][2] in ("Persons", "Human", "People")


def merge_mentions(gazetteer: list[EntityMention], orgs: list[EntityMention]) -> list[EntityMention]:
    """Gazetteer and organisation mentions in text order; the longer name wins an overlap.

    Places and nationality words inside an organisation's name are kept (they still say
    where a sentence is about); only body names compete.
    """
    kept_orgs = [o for o in orgs if _FULL_NAME in o.entities[0].rule or not any(
        g.kind == "body" and g.start <= o.start and o.end <= g.end and not _defined_abbr(o, g) for g in gazetteer)]
    kept_orgs = _drop_nested(kept_orgs)
    # an abbreviation the text defines ("National Police Agency (NPA)") beats the gazetteer's reading
    # of it (South Africa's National Prosecuting Authority)
    out = [g for g in gazetteer if not (g.kind == "body" and any(
        o.start <= g.start and g.end <= o.end + _possessive(g) and (
            o.end - o.start > g.end - g.start - _possessive(g) or _defined_abbr(o, g) or _FULL_NAME in o.entities[0].rule)
        for o in kept_orgs))]
    taken = [(m.start, m.end) for m in out if m.kind == "body"]
    for o in kept_orgs:
        if not any(s < o.end and o.start < e for s, e in taken):
            out.append(o)
    out.sort(key=lambda m: (m.start, -m.end))
    return out


_FULL_NAME = ".full_name"
_WRITTEN_FULL = re.compile(r"(?:the\s+)?(?:Ministry|Department)\s+(?:of|for)\b", re.IGNORECASE)


def _defined_abbr(org: EntityMention, gaz: EntityMention) -> bool:
    """An abbreviation the text defines, at the very span where the gazetteer reads another body."""
    return (org.start, org.end) == (gaz.start, gaz.end) and org.text.isupper() \
        and org.entities[0].key != gaz.entities[0].key


def _possessive(m: EntityMention) -> int:
    return 2 if m.text.endswith(("'s", "’s")) else 0


def _drop_nested(mentions: list[EntityMention]) -> list[EntityMention]:
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    out: list[EntityMention] = []
    for m in ordered:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
