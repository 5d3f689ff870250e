"""Names of bodies, countries, subdivisions and nationalities, found in one pass.

The scanner reads runs of capitalised words (with the small words that join them:
"Ministry of Foreign Affairs and International Cooperation") and looks every
sub-run up in one dictionary, longest first. That is one regex pass plus dictionary
look-ups, so it scales with the text and not with the size of the gazetteer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pycountry

_CONNECTORS = frozenset({"of", "for", "on", "and", "the", "de", "del", "la", "in", "to", "against", "&"})
_TOKEN = r"(?:[A-Z][\w'’.&-]*|of|for|on|and|the|de|del|la|in|to|against|&|province|state|county|region|district|department|governorate|oblast)"
_RUN = re.compile(rf"[A-Z][\w'’.&-]*(?:[ \t]+{_TOKEN})*")
_POSSESSIVE = re.compile(r"'s?\Z")
_SPACES = re.compile(r"[\s-]+")
_NON_SPACE = re.compile(r"\S+")
_COUNTRY_STOP = frozenset({"jordan", "chad", "georgia", "jersey", "guinea", "niger", "turkey", "man",
                           "china", "cuba", "peru", "mali", "iran", "oman", "togo", "samoa", "tonga",
                           "fiji", "nauru", "palau", "dominica", "grenada", "sudan", "malta", "chile"})
# Names above are added back explicitly when they are unambiguous as capitalised words,
# or (_COUNTRY_CONTEXT) where they stand as a place ("in Jordan", "Niger's police").
_COUNTRY_KEEP = frozenset({"china", "cuba", "peru", "mali", "iran", "oman", "togo", "samoa", "tonga",
                           "fiji", "nauru", "palau", "sudan", "malta", "chile", "turkey", "guinea"})
_COUNTRY_CONTEXT = frozenset({"jordan", "niger", "chad"})


#: words before a name that make it a place ("in Khatlon", "the department of Alto Parana")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|from|across|near|at|to|of|around|throughout|within|outside)\s+(?:the\s+)?"
                           r"|\b(?:province|region|state|county|district|department|governorate|city|town)\s+of\s+(?:the\s+)?)\Z",
                           re.IGNORECASE)
_KIND_WORDS = re.compile(r"\s+(?:province|state|county|region|district|department|governorate|oblast)\Z", re.IGNORECASE)


def _place_context(text: str, start: int, end: int) -> bool:
    """Whether a name stands where a place does: after 'in', 'from', 'the region of'; with its type
    word ("Sughd region"); or as a dateline at the head of a line ("NAMPULA, 3 May -")."""
    if _KIND_WORDS.search(text, start, end) or _PLACE_BEFORE.search(text, max(0, start - 28), start):
        return True
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip() and bool(re.match(r"\s*(?:,|\(|[-–—]\s)", text[end:end + 3]))


_OWNED_AFTER = re.compile(r"(?:'s|’s)\s+(?:[A-Z]|(?:police|government|ministry|authorities|security|border|interior|"
                          r"foreign|labou?r|justice|courts?|prosecutors?|embassy)\b)")


def _country_context(text: str, start: int, end: int) -> bool:
    """A country name that is also a first name or a river ("Jordan", "Niger") stands as the country
    after 'in', 'from', 'to' ... or owning a body ("Jordan's Public Security Directorate"), never
    inside a longer name ("Niger Delta", "Niger State")."""
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    elif re.match(r"[ \t]+[A-Z]", text[end:end + 2]):
        return False
    return bool(_OWNED_AFTER.match(text, end)) or bool(_PLACE_BEFORE.search(text, max(0, start - 28), start))


def _top(sub: Any) -> str:
    """The top-level subdivision a lower one lies in (Glasgow City -> Scotland)."""
    seen = 0
    while getattr(sub, "parent_code", None) and seen < 5:
        parent = pycountry.subdivisions.get(code=sub.parent_code)
        if parent is None:
            break
        sub, seen = parent, seen + 1
    return str(sub.code)


@dataclass(frozen=True)
class Entity:
    kind: str  # body | country | subdivision | demonym | foreign
    key: str  # canonical body name, or ISO code
    rule: str
    country: str | None = None  # ISO alpha-2 the entity belongs to (None: the document's)
    place: str | None = None  # ISO 3166-2 of a local body
    body_kind: str | None = None
    doc_country_only: bool = False


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    entities: tuple[Entity, ...]

    @property
    def kind(self) -> str:
        return self.entities[0].kind


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents and dots removed, hyphens and apostrophes normalised, no possessive."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace(".", "").replace(",", "")
    text = _POSSESSIVE.sub("", text.strip())
    text = _SPACES.sub(" ", text)
    return text.lower().strip()


class Gazetteer:
    def __init__(self, data: dict[str, Any]) -> None:
        self.folded: dict[str, list[Entity]] = {}
        self.exact: dict[str, list[Entity]] = {}
        self.max_tokens = 1
        self._load_bodies(data.get("bodies", []))
        self._load_countries(data)
        self._load_subdivisions(data)
        self._load_demonyms(data)
        # the longest name (in tokens) that starts with each first word: most runs of capitals
        # start no name at all and are skipped with one dictionary look-up
        self.first_folded: dict[str, int] = {}
        for key in self.folded:
            toks = key.split()
            self.first_folded[toks[0]] = max(self.first_folded.get(toks[0], 0), len(toks))
        self.first_exact: dict[str, int] = {}
        for key in self.exact:
            toks = key.split()
            self.first_exact[toks[0]] = max(self.first_exact.get(toks[0], 0), len(toks))

    # -- building --------------------------------------------------------------------------
    def _add(self, name: str, entity: Entity, *, exact: bool = False) -> None:
        key = name.strip() if exact else fold(name)
        if not key:
            return
        table = self.exact if exact else self.folded
        bucket = table.setdefault(key, [])
        if entity not in bucket:
            bucket.append(entity)
        self.max_tokens = max(self.max_tokens, len(key.split()))

    def _load_bodies(self, bodies: list[dict[str, Any]]) -> None:
        for rec in bodies:
            ent = Entity("body", rec["name"], rec["id"], rec.get("country"), rec.get("place"),
                         rec.get("kind"), bool(rec.get("doc_country_only")))
            for name in [rec["name"], *rec.get("aliases", [])]:
                self._add(name, ent)
            for abbr in rec.get("abbr", []):
                self._add(abbr, ent, exact=True)

    def _load_countries(self, data: dict[str, Any]) -> None:
        for c in pycountry.countries:
            ent = Entity("country", c.alpha_2, f"country.{c.alpha_2}", c.alpha_2)
            for attr in ("name", "common_name", "official_name"):
                name = getattr(c, attr, None)
                if name and (fold(name) not in _COUNTRY_STOP or fold(name) in _COUNTRY_KEEP):
                    self._add(name, ent)
                elif name and fold(name) in _COUNTRY_CONTEXT:
                    self._add(name, Entity("country", c.alpha_2, f"country.context.{c.alpha_2}", c.alpha_2))
        for code, names in data.get("countries", {}).items():
            ent = Entity("country", code, f"country.{code}", code)
            for name in names:
                if name.isupper() and len(name) <= 4:
                    self._add(name, ent, exact=True)
                else:
                    self._add(name, ent)

    def _load_subdivisions(self, data: dict[str, Any]) -> None:
        stop = {fold(s) for s in data.get("stop", [])}
        countries = set(self.folded)
        roll_up = set(data.get("roll_up", []))
        for cc in data.get("covered", []):
            # pycountry gives a set: sort, top-level units first, so that a name shared by a
            # region and one of its districts ("Dhaka") always means the region, run after run
            subs = sorted(pycountry.subdivisions.get(country_code=cc) or [],
                          key=lambda sub: (getattr(sub, "parent_code", None) is not None, sub.code))
            for sub in subs:
                code = _top(sub) if cc in roll_up else sub.code
                ent = Entity("subdivision", code, f"subdivision.{code}", cc)
                name = fold(re.sub(r"\s*[(\[].*?[)\]]", "", sub.name).split(",")[0])
                if len(name) < 3 or name in countries:
                    continue
                if name in stop or len(name) < 4:  # "Tak" only as "Tak province"
                    for kind in ("province", "state", "county", "region", "district"):
                        self._add(f"{name} {kind}", ent)
                    continue
                self._add(name, ent)
        self._load_other_subdivisions(data, stop, countries)
        for rec in data.get("places", []):
            cc = rec["code"].split("-")[0]
            ent = Entity("subdivision", rec["code"], rec["id"], cc)
            for name in rec["names"]:
                if name.isupper():  # "NCR", or a dateline's capitals ("SOFIA -") for a name too common to match in any case
                    self._add(name, ent, exact=True)
                else:
                    self._add(name, ent)

    def _load_other_subdivisions(self, data: dict[str, Any], stop: set[str], countries: set[str]) -> None:
        """Subdivisions of every country the ``covered`` list leaves out, by their ISO names and by
        those names without the type word the ISO list writes ("Aqmola oblysy" is "Aqmola", "Grad
        Zagreb" is "Zagreb"). Lower units count as the top-level one they lie in. Rule ids start
        ``subdivision.any.``: such names place a figure only in a document of their own country."""
        covered = set(data.get("covered", []))
        types = sorted((fold(t) for t in data.get("subdivision_types", [])), key=len, reverse=True)
        affix = re.compile(rf"^(?:(?:{'|'.join(map(re.escape, types))})\s+(?:of\s+)?)+|(?:\s+(?:{'|'.join(map(re.escape, types))}))+$") \
            if types else None
        kinds = ("province", "state", "county", "region", "district", "department", "governorate", "oblast")
        for country in pycountry.countries:
            cc = country.alpha_2
            if cc in covered:
                continue
            subs = sorted(pycountry.subdivisions.get(country_code=cc) or [],
                          key=lambda sub: (getattr(sub, "parent_code", None) is not None, sub.code))
            named: list[tuple[str, Entity]] = []
            stems: list[tuple[str, Entity]] = []  # after every full name: "Almaty" is the city, not "Almaty oblysy"
            for sub in subs:
                if "†" in sub.name:
                    continue  # a unit the standard has withdrawn
                code = _top(sub)
                ent = Entity("subdivision", code, f"subdivision.any.{code}", cc)
                full = fold(re.sub(r"\s*[(\[].*?[)\]]", "", sub.name).split(",")[0])
                named.append((full, ent))
                stem = affix.sub("", full).strip() if affix is not None else full
                if stem and stem != full:
                    stems.append((stem, ent))
            for name, ent in named + stems:
                if len(name) < 4 or name in countries or name in stop:
                    continue
                if any(e.country == cc for e in self.folded.get(name, ())):
                    continue  # the first (top-level, exactly named) unit keeps a shared name
                self._add(name, ent)
                for kind in kinds:
                    self._add(f"{name} {kind}", ent)

    def _load_demonyms(self, data: dict[str, Any]) -> None:
        for code, words in data.get("demonyms", {}).items():
            ent = Entity("demonym", code, f"demonym.{code}", code)
            for word in words:
                self._add(word, ent)
        for word in data.get("foreign", []):
            self._add(word, Entity("foreign", "foreign", "demonym.foreign"))

    def country_words(self) -> dict[str, str]:
        """One-word country names (folded) and abbreviations -> ISO code ("myanmar", "uk")."""
        out = {k: v[0].key for k, v in self.folded.items() if " " not in k and v[0].kind == "country"}
        out.update({k.lower(): v[0].key for k, v in self.exact.items() if v[0].kind == "country"})
        return out

    # -- scanning --------------------------------------------------------------------------
    def lookup(self, words: str) -> tuple[Entity, ...]:
        found = self.exact.get(words.strip().rstrip("’'s").strip()) or self.exact.get(words.strip())
        if found:
            return tuple(found)
        return tuple(self.folded.get(fold(words), ()))

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[EntityMention]:
        """Every gazetteer name in ``text[start:end]``, longest match first, left to right."""
        end = len(text) if end is None else end
        out: list[EntityMention] = []
        for run in _RUN.finditer(text, start, end):
            toks = [(m.start() + run.start(), m.end() + run.start())
                    for m in _NON_SPACE.finditer(run.group(0))]
            i = 0
            while i < len(toks):
                hit = self._longest(text, toks, i)
                if hit is None:
                    i += 1
                    continue
                j, mention = hit
                out.append(mention)
                i = j
        return out

    def _reach(self, first: str) -> int:
        """How many tokens a name starting with ``first`` can have (0: no name starts so)."""
        bare = first.rstrip(",.;:")
        head = fold(bare).split(" ", 1)[0]  # "Anti-Trafficking" folds to "anti trafficking": names start "anti"
        return max(self.first_folded.get(fold(bare), 0), self.first_folded.get(head, 0), self.first_exact.get(bare, 0),
                   self.first_exact.get(bare.rstrip("’'s"), 0), self.first_exact.get(first, 0))

    def _longest(self, text: str, toks: list[tuple[int, int]], i: int) -> tuple[int, EntityMention] | None:
        first = text[toks[i][0]:toks[i][1]]
        if first.lower() in _CONNECTORS and first != "The":
            return None
        reach = self._reach(first)
        if not reach:
            return None
        for j in range(min(len(toks), i + reach), i, -1):
            s, e = toks[i][0], toks[j - 1][1]
            words = text[s:e].rstrip(",.;:")
            e = s + len(words)
            last = words.split()[-1].lower() if words.split() else ""
            if last in _CONNECTORS:
                continue
            found = self.lookup(words)
            if found and all(f.rule.startswith("subdivision.any.") for f in found) and not _place_context(text, s, e):
                continue  # "Most" is a Czech town only where the text names a place ("in Most")
            if found and all(f.rule.startswith("country.context.") for f in found) and not _country_context(text, s, e):
                continue  # "Jordan" is the country "in Jordan" or in "Jordan's police", not in "Michael Jordan"
            if found and text[e:e + 1] == "$":
                continue  # "US$236 billion": a currency, not the country
            if not found and words.startswith("The "):
                continue
            if found:
                return j, EntityMention(s, e, words, found)
        return None
