"""What a number counts: its noun (after a few modifiers) and the action around it.

A counted noun has a *role* (case, arrest, suspect, victim, person...). The role and the
nearest, strongest action in the figure's clause ("arrested", "sent to court",
"returned home") give the indicator, as ``indicators.yaml`` declares. A number followed by
no noun ("while 273 were returned home") is *elliptical*: it borrows its noun from the
figure it follows. A number followed by a word that is neither a modifier nor a counted
noun counts something else and is not a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tipwatch.extract.folding import FoldedSet

_TOKEN = re.compile(r"\s*(%|[\w'’]+(?:-[\w'’]+)*|[^\w\s])")
_FUNCTION_WORDS = frozenset(
    ["were", "was", "are", "is", "be", "been", "being", "had", "have", "has", "to", "from", "in", "and", "or", "of", "at", "by", "for", "on", "with", "as", "during", "last", "this", "compared", "against", "while", "whereas", "but", "since", "between", "after", "before", "over", "under", "who", "which", "that", ",", ".", ";", ":", ")", "(", "–", "—", "-", "”", '"', "’", "'", "aged", "age", "ages", "were", "including", "respectively", "each", "apiece", "among", "amongst", "so", "far", "alone", "a", "an", "the"]
)
_PEOPLE_ROLES = frozenset({"person", "suspect", "victim"})
#: a word shaped like an adjective before a counted noun of cases ("412 external cases", "37 pending cases")
_ADJECTIVE = re.compile(r"(?:al|ic|ive|ous|ent|ant|ing|ary|ory|ile)\Z|\A(?:new|open|fresh|old)\Z")
_JOINERS = frozenset({"and", "of", "in", "the", "-", "–", "their", "its"})
_COPULA = frozenset({"were", "was", "are", "is", "being"})
#: words of the non-count list that may follow a counted noun ("15 arrests, police said", "40 cases per year")
_NOT_ORGANISATION = frozenset({"per", "police", "policemen", "percent", "am", "pm", "a.m.", "p.m.", "year", "years", "month",
                               "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "times",
                               "th", "st", "nd", "rd", "officers", "officials", "members", "member", "staff"})
_CRIME_MODIFIERS = frozenset({"trafficking", "trafficked", "sex", "sexual", "labour", "labor", "exploitation", "slavery",
                              "smuggling", "forced", "begging", "prostitution"})
_LINKS = frozenset({"and", "or", "of", "the", "in", "their", "its", ",", "-", "–", "—"})
_COMPOUND_HEADS = frozenset({"child", "women", "woman", "girl", "girls", "minor"})  # "20 child victims"
#: a verb followed by one of these is a predicate ("35 resulted in indictments"), not a participle before a noun
_PREPOSITIONS = frozenset({"in", "into", "to", "of", "by", "with", "from", "for", "as", "at", "on"})
_OF_AS = frozenset({"them", "whom", "these", "those"})
_OF_DET = frozenset({"the", "them", "these", "those", "whom", "which", "all", "its", "their", "last", "this"})
ABROAD = re.compile(r"\b(?:abroad|overseas|outside\s+(?:the\s+)?(?:Kingdom|country|nation)|from\s+(?:abroad|overseas)|in\s+(?:other|foreign|neighbou?ring)\s+countries)\b", re.IGNORECASE)
CHANGE_BEFORE = re.compile(
    r"\b(?:an?\s+)?(?:increase|decrease|rise|drop|fall|decline|jump|reduction|growth|surge|spike|dip|hike|gain|"
    r"increased|decreased|rose|fell|dropped|declined|jumped|climbed|grew|surged|reduced|went up|went down|gap|difference|"
    r"grown|risen|fallen|gone up|gone down|increasing|decreasing|growing|rising|falling|"
    r"(?<!made )(?<!make )(?<!makes )(?<!ended )(?<!end )up|"
    r"(?<!handed )(?<!hand )(?<!hands )(?<!handing )(?<!broken )(?<!broke )(?<!break )(?<!breaks )(?<!tracked )(?<!track )"
    r"(?<!shut )(?<!cracked )(?<!crack )(?<!cracking )(?<!cracks )down|higher|lower|more|fewer)\s+(?:of\s+|by\s+)?(?:about|around|nearly|some|approximately|"
    r"more than|over|almost|roughly|just|only|a further|an additional)?\s*\Z",
    re.IGNORECASE,
)
#: "compared with 98 the year before", "against 75 a year earlier": a time phrase, not the counted noun
_TIME_AFTER = re.compile(r"\s*(?:(?:in|during)\s+)?(?:(?:the|a|one)\s+(?:year|month|quarter)\s+(?:before|earlier|prior|ago)|"
                         r"(?:twelve|12)\s+months\s+(?:before|earlier)|"
                         r"the\s+(?:previous|prior|preceding)\s+(?:year|month|quarter|period|fiscal\s+year|financial\s+year)|"
                         r"the\s+same\s+(?:period|month|quarter))\b", re.IGNORECASE)
#: "12 more than in 2022", "rose to 78, 12 more": a difference; not "rescued 45 more trafficking victims this week",
#: a new count of people with no comparison after it
_CHANGE_AFTER = re.compile(r"\s*(?:more|fewer|less|higher|lower)\s+(?:\w+\s+){0,3}?than\b|\s*(?:more|fewer)\b(?!\s+than)"
                           r"(?!\s+(?:[\w-]+\s+){0,2}?(?:victims|survivors|suspects|traffickers)\b(?![^.;]{0,50}?\b(?:than|compared|"
                           r"against|versus|from|over\s+the|on\s+the|year[\s-]on[\s-]year|last\s+year|previous|(?:a|the)\s+year\s+"
                           r"(?:earlier|before|ago))\b))", re.IGNORECASE)
#: "176 more workers were brought back", "rescued 14 more victims": more people counted in an event, whatever the noun
_MORE_THEN_ACTION = re.compile(r"\s*more\s+(?:[A-Za-z-]+\s+){1,6}?(?:were|have\s+been|had\s+been|was)\s+(?:also\s+)?"
                               r"[a-z]+(?:ed|en|ught|und)\b(?![^.;]{0,60}\bthan\b)")
_ACTION_THEN_MORE = re.compile(r"\b(?:rescued|freed|saved|found|identified|arrested|detained|apprehended|repatriated|"
                               r"intercepted|returned|brought\s+back|removed|evacuated|released)\s+(?:another\s+)?\Z",
                               re.IGNORECASE)
_MORE_NO_THAN = re.compile(r"\s*more\s+(?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+(?![^.;]{0,60}\bthan\b)")


def is_difference_after(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` states a difference by the words after it ("29 more
    than in 2018", "rose to 78, 12 more"), not more people counted in an event ("176 more workers
    were brought back", "police rescued 14 more victims")."""
    if not _CHANGE_AFTER.match(text, end, end + 40):
        return False
    if _MORE_THEN_ACTION.match(text, end):
        return False
    return not (_ACTION_THEN_MORE.search(text, max(0, start - 30), start) and _MORE_NO_THAN.match(text, end))


@dataclass(frozen=True)
class Noun:
    """The counted noun found after a number."""

    kind: str  # noun | elliptical | noncount | unknown
    role: str | None = None
    word: str | None = None
    rule: str | None = None
    end: int = 0  # document offset after the noun (or the number)
    nationality: str | None = None  # from a demonym noun or adjective
    modifiers: tuple[str, ...] = ()
    category: bool = False  # noun after "were" ("22 were women"): a breakdown, not the role


@dataclass(frozen=True)
class Action:
    action: str
    rule: str
    start: int
    end: int
    priority: int


class IndicatorRules:
    def __init__(self, data: dict[str, Any]) -> None:
        self.names = tuple(rec["name"] for rec in data["indicators"])
        self.nouns: dict[tuple[str, ...], tuple[str, str]] = {}
        for rec in data["nouns"]:
            for word in rec["words"]:
                self.nouns[tuple(word.lower().split())] = (rec["role"], rec["id"])
        self.max_noun = max(len(k) for k in self.nouns)
        #: "members of a trafficking ring": the group words of the gang-member nouns
        self.groups = frozenset(k[0] for k, (_, rid) in self.nouns.items() if rid == "noun.gang_member" and len(k) == 2)
        self.group_rule = "noun.gang_member"
        self.modifiers = frozenset(w.lower() for w in data.get("modifiers", []))
        self.noncount = frozenset(w.lower() for w in data.get("noncount", []))
        self.roles: dict[str, dict[str, Any]] = data["roles"]
        self.demonyms: dict[str, str] = {}
        for code, words in data.get("demonyms", {}).items():
            for word in words:
                self.demonyms[word.lower()] = code
        for word in data.get("foreign", []):
            self.demonyms[word.lower()] = "foreign"
        self.actions = [(rec["action"], rec["id"], rec.get("priority", 2)) for rec in data["actions"]]
        self.action_rx = FoldedSet(["|".join(f"(?:{p})" for p in rec["patterns"]) for rec in data["actions"]])
        # a verb straight after a number makes it elliptical ("and 9 face trafficking charges")
        self.verb_start = re.compile("|".join(f"(?:{p})" for rec in data["actions"] for p in rec["patterns"]),
                                     re.IGNORECASE)
        self.money_cues = re.compile("|".join(f"(?:{p})" for p in data["money_cues"]), re.IGNORECASE)
        self.other_crimes = re.compile("|".join(f"(?:{p})" for p in data["other_crimes"]), re.IGNORECASE)

    def add_nationals(self, countries: dict[str, str]) -> None:
        """'Myanmar nationals', 'UK citizens': a one-word country name before these nouns."""
        for name, code in countries.items():
            for noun in ("nationals", "national", "citizens", "citizen"):
                self.demonyms.setdefault(f"{name} {noun}", code)

    # -- nouns -----------------------------------------------------------------------------
    def noun_after(self, text: str, pos: int, limit: int) -> Noun:
        """The noun a number at ``text[..pos]`` counts, looking at most 8 words ahead."""
        toks: list[tuple[str, int, int]] = []
        for m in _TOKEN.finditer(text, pos, min(limit, pos + 160)):
            toks.append((m.group(1), m.start(1), m.end(1)))
            if len(toks) >= 9:
                break
        if not toks:
            return Noun("elliptical", end=pos)
        first = toks[0][0].lower()
        if _TIME_AFTER.match(text, pos):
            return Noun("elliptical", end=pos)
        # "312 were identified as victims", "57 confirmed as victims": the noun after "as" is counted
        # "identified 279 of them as victims"
        k = 1 if first in _COPULA else 2 if first == "of" and len(toks) > 1 and toks[1][0].lower() in _OF_AS else 0
        if len(toks) > k + 2 and (k == 2 or toks[k][0].lower().endswith("ed")) and toks[k + (k < 2)][0].lower() == "as":
            found = self._scan(toks[k + 1 + (k < 2):], category=False)
            if found.kind == "noun" and found.role != "person":
                return found
        if first.endswith("ed") and len(toks) > 1 and toks[1][0].lower() in self.noncount and not (
                toks[1][0].lower() in ("members", "member") and self._group_after(toks, 2)):
            return Noun("noncount", end=toks[1][2])  # "three chartered flights", not "34 alleged members of the ring"
        if first in _COPULA:
            found = self._scan(toks[1:], category=True)
            if found.kind == "noun":
                return found
            return Noun("elliptical", end=pos)
        found = self._scan(toks, category=False)
        if found.kind != "none":
            return found
        if first in _FUNCTION_WORDS or not first[0].isalnum() or first.endswith("ed"):
            return Noun("elliptical", end=pos)
        if self.verb_start.match(text, toks[0][1]):
            return Noun("elliptical", end=pos)
        return Noun("unknown", end=pos)

    def _scan(self, toks: list[tuple[str, int, int]], *, category: bool) -> Noun:
        nationality: str | None = None
        mods: list[str] = []
        i = 0
        while i < len(toks):
            word, _, _ = toks[i]
            low = word.lower()
            hit = self._noun_at(toks, i)
            if hit is not None and hit[1] == "person" and hit[0] == 1 and (
                    self._modifies_noun(toks, i + 1, low) or (mods[-2:] == ["trafficking", "in"]
                                                              and self._noun_at(toks, i + 1) is not None)):
                mods.append(low)  # "33 child sex trafficking victims", "eight people trafficking charges"
                i += 1
                continue
            org = self._organisation_after(toks, i + hit[0]) if hit is not None else None
            if org is not None:
                return Noun("noncount", end=org)  # "two prosecution teams", "three victim support centres"
            if hit is not None:
                n, role, rid = hit
                last = toks[i + n - 1]
                nat = nationality
                demonym = self.demonyms.get(" ".join(t[0].lower() for t in toks[i:i + n]))
                if demonym:
                    nat = demonym
                return Noun("noun", role, " ".join(t[0] for t in toks[i:i + n]), rid, last[2], nat,
                            tuple(mods), category)
            if low in ("members", "member") and self._group_after(toks, i + 1):
                return Noun("noun", "suspect", word, self.group_rule, toks[i][2], nationality, tuple(mods), category)
            if low in self.noncount or (low == "per" and i + 1 < len(toks) and toks[i + 1][0].lower() == "cent"):
                return Noun("noncount", end=toks[i][2])
            pair = f"{low} {toks[i + 1][0].lower()}" if i + 1 < len(toks) else ""
            if pair in self.demonyms and word[0].isupper():  # "27 Myanmar nationals", "UK nationals"
                nat = self.demonyms[pair]
                return Noun("noun", "person", " ".join(t[0] for t in toks[i:i + 2]), f"demonym.{nat}", toks[i + 1][2],
                            nat, tuple(mods), category)
            if low in self.demonyms and (word[0].isupper() or low.startswith("foreign")):
                nationality = self.demonyms[low]
                nxt = toks[i + 1][0].lower() if i + 1 < len(toks) else ""
                if self._noun_at(toks, i + 1) is None and (nxt not in self.modifiers or nxt in _JOINERS):
                    return Noun("noun", "person", word, f"demonym.{nationality}", toks[i][2], nationality,
                                tuple(mods), category)
                i += 1
                continue
            if low in ("of", "among") and i + 1 < len(toks) and toks[i + 1][0].lower() in _OF_DET and not mods:
                if toks[i + 1][0].lower() in ("them", "whom", "which"):
                    return Noun("elliptical", end=toks[i + 1][2])
                i += 2
                if toks[i - 1][0].lower() in ("last", "this") and i < len(toks) and toks[i][0].lower() in ("year's", "year’s"):
                    i += 1  # "7,019 of last year's referrals"
                if i < len(toks) and toks[i][0][0].isdigit():
                    i += 1  # "97 of the 180 cases"
                continue
            if low in ("and", "or") and i == 0:
                break  # "Women accounted for 70 and men for 50": the next item, not a modifier
            if word == "(" and mods and i + 2 < len(toks) and toks[i + 2][0] == ")" and toks[i + 1][0].isupper():
                i += 3  # "1,061 human trafficking (TPPO) cases": an acronym glossing the modifiers
                continue
            if low in self.modifiers and i < 7:
                mods.append(low)
                i += 1
                continue
            if i == 0 and word.isalpha() and word.islower() and low not in _FUNCTION_WORDS and len(toks) > 1 \
                    and toks[1][0].lower() in self.noncount:
                return Noun("noncount", end=toks[i + 1][2])  # "two chartered flights"
            # ("three kiln owners", "9 Sub-Saharan victims": one word, hyphens allowed, before a people noun)
            nxt_hit = (self._noun_at(toks, i + 1) if word.replace("-", "").isalpha() and (word.islower() or i == 0)
                       and not mods else None)
            if nxt_hit is not None and (nxt_hit[1] in _PEOPLE_ROLES or (nxt_hit[1] == "case" and _ADJECTIVE.search(low))):
                mods.append(low)  # "three kiln owners", "two brothel keepers", "412 external cases"
                i += 1
                continue
            if low.endswith("ed") and i < 3 and any(self._noun_at(toks, j) for j in range(i + 1, min(i + 4, len(toks)))) \
                    and not (i + 1 < len(toks) and toks[i + 1][0].lower() in _PREPOSITIONS):
                i += 1  # "19 finalised trafficking cases": a participle before the noun, not "35 resulted in indictments"
                continue
            break
        return Noun("none")

    def _group_after(self, toks: list[tuple[str, int, int]], j: int) -> bool:
        """'of a human trafficking ring', 'of the criminal network': a criminal group after "members"."""
        if j + 1 >= len(toks) or toks[j][0].lower() != "of":
            return False
        k = j + 2 if toks[j + 1][0].lower() in ("a", "an", "the", "this", "that", "these", "those") else j + 1
        return any(t[0].lower().rstrip("s") in self.groups or t[0].lower() in self.groups for t in toks[k:k + 4])

    def _organisation_after(self, toks: list[tuple[str, int, int]], j: int) -> int | None:
        """The end of a non-counted head ("teams", "centres") right after a counted noun, or one
        lower-case word after it ("victim support centres"): the noun names what the bodies do."""
        for k in (j, j + 1):
            if k >= len(toks):
                return None
            low = toks[k][0].lower()
            if low in self.noncount and low not in _NOT_ORGANISATION:
                return toks[k][2]
            if k == j and not (toks[k][0].isalpha() and toks[k][0].islower() and low not in _FUNCTION_WORDS
                               and low not in self.modifiers and self._noun_at(toks, k) is None):
                return None
        return None

    def _modifies_noun(self, toks: list[tuple[str, int, int]], j: int, word: str) -> bool:
        """A people word before crime words and another noun is a modifier: "child sex trafficking
        victims" counts victims; "people trafficking charges" counts charges (no fact)."""
        crime_words = 0
        while j < len(toks) and j < 8:
            low = toks[j][0].lower()
            hit = self._noun_at(toks, j)
            if hit is not None and hit[1] != "person":
                return crime_words > 0 or word in _COMPOUND_HEADS
            if low in _CRIME_MODIFIERS:
                crime_words += 1
                j += 1
                continue
            if low in _LINKS or low not in self.modifiers:
                break
            j += 1
        if crime_words and word in ("people", "persons", "human") and j < len(toks):
            return toks[j][0][:1].isalpha() and toks[j][0].lower() not in _LINKS | {"were", "was", "are", "is"}
        return False

    def _noun_at(self, toks: list[tuple[str, int, int]], i: int) -> tuple[int, str, str] | None:
        for n in range(min(self.max_noun, len(toks) - i), 0, -1):
            key = tuple(t[0].lower() for t in toks[i:i + n])
            if key in self.nouns:
                role, rid = self.nouns[key]
                return n, role, rid
        return None

    # -- actions ---------------------------------------------------------------------------
    def actions_in(self, text: str, start: int, end: int, low: str | None = None) -> list[Action]:
        """Action words in ``text[start:end]`` (``low``: the document lower-cased, if it keeps offsets)."""
        out = []
        actions = self.actions
        for i, m in self.action_rx.finditer(text, start, end, low):
            action, rid, prio = actions[i]
            out.append(Action(action, rid, m.start(), m.end(), prio))
        return out

    def indicator(self, role: str, actions: list[Action], at: int, after: int | None = None
                  ) -> tuple[str | None, Action | None]:
        """The indicator for a role given the actions around a number at ``at`` (its noun ends at ``after``)."""
        spec = self.roles.get(role, {})
        mapping: dict[str, str] = spec.get("actions") or {}
        usable = [a for a in actions if a.action in mapping]
        if usable:
            # at equal distance the verb before the number governs it, not a participle after its noun
            # ("freed 12 women held in a brothel": rescued, not arrested)
            best = max(usable, key=lambda a: (a.priority, -_distance(a, at, after or at), a.end <= at))
            return mapping[best.action], best
        default: str | None = spec.get("default")
        return default, None


def _distance(action: Action, at: int, after: int) -> int:
    if action.end <= at:
        return at - action.end
    return max(0, action.start - after)
