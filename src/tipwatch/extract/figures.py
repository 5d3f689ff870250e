"""From the numbers of one sentence to classified figures (indicator, breakdowns).

A *figure* is a number that counts something the vocabulary knows. Its noun and the
actions in its clause give the indicator; breakdown parts ("Of that number, 138 were
under 15", "including three Vietnamese") and elliptical numbers ("while 273 were
returned home") borrow from the figure they refer to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipwatch.extract import attributes as attrs
from tipwatch.extract.indicators import ABROAD, CHANGE_AFTER, CHANGE_BEFORE, Action, Noun
from tipwatch.extract.numbers import NumberMention
from tipwatch.extract.sentences import Sentence, clause_bounds

_PART_HEAD = re.compile(r"^\s*(?:Of|Among)\s+(?:that|this|the|these|those|them|whom|which)\b(?:\s+(?:number|total|figure|group))?", re.IGNORECASE)
_DETS = frozenset({"the", "these", "those", "that", "this"})
_INCLUDING = re.compile(r"\b(?:including|included|includes|include|among them|among whom|of whom|of which|comprising|consisting of)\b", re.IGNORECASE)
_INCIDENT = re.compile(r"\b(?:recently|yesterday|today|this morning|last night|last week|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:said|told|says|announced|obtained|released|reported)\b", re.IGNORECASE)
_SUCH = re.compile(r"\bsuch\s+(?:\w+\s+)?(?:cases|crimes|offen[cs]es|incidents|activities)\b", re.IGNORECASE)
_FROM_COUNTRY = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?(?:from|in)\s+(?:the\s+)?$", re.IGNORECASE)
_ARTICLE = re.compile(r"(?:(?<=,\s)|(?<=including\s)|(?<=and\s))(an?)\s+(?=[A-Z])")
_PHONE_BEFORE = re.compile(r"(?:\b(?:call|dial|text|hotline|helpline|tip line|Childline|phone|telephone|toll-free)\b[^.\d]{0,20}|\d-)$", re.IGNORECASE)
_PHONE_AFTER = re.compile(r"^-\d|^\s*(?:Actionline|hotline|helpline)\b", re.IGNORECASE)
_AT_RISK = re.compile(r"[^.;]{0,60}?\b(?:at risk|vulnerable to|in danger of)\b", re.IGNORECASE)
_SHARE = re.compile(r"^\s*(?:percent|per cent|%)\s+of\b", re.IGNORECASE)
_MONEY_WORD_AFTER = re.compile(r"^\s*(?:US\s+)?(dollars?|euros?|pounds|baht|pesos|rupees|riels?|naira|shillings|dong|rupiah|ringgit)\b", re.IGNORECASE)


@dataclass
class Figure:
    mention: NumberMention
    sentence: Sentence
    indicator: str
    role: str | None
    noun: Noun
    unit: str = "count"
    qualifier: str = "exact"
    crimes: tuple[str, ...] = ()
    age: str | None = None
    sex: str | None = None
    nationality: str | None = None
    location: str | None = None
    place: str | None = None
    period: str | None = None
    period_text: str | None = None
    period_explicit: bool = False
    source: str | None = None
    scope: str = "aggregate"
    head: Figure | None = None
    elliptical: bool = False
    rules: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.mention.start


def article_mentions(text: str, start: int, end: int, demonyms: dict[str, str]) -> list[NumberMention]:
    """'a Japanese, an American' in a list: each article is a figure of one."""
    out = []
    for m in _ARTICLE.finditer(text, start, end):
        word = re.match(r"[A-Z][\w'’-]*", text[m.end():m.end() + 30])
        if word and word.group(0).lower() in demonyms:
            out.append(NumberMention(m.start(1), m.end(1), m.group(1), 1, is_word=True))
    return out


def is_skipped(text: str, m: NumberMention, blocked: list[tuple[int, int]]) -> bool:
    """Numbers that are not counts: in time expressions, ages, stated changes."""
    if any(s <= m.start < e for s, e in blocked):
        return True
    before = text[max(0, m.start - 60):m.start]
    after = text[m.end:m.end + 40]
    if attrs.is_age_bound(before, after):
        return True
    if CHANGE_BEFORE.search(before) or CHANGE_AFTER.match(after):
        return True
    if _AT_RISK.match(text, m.end, m.end + 80) or _PHONE_BEFORE.search(before) or _PHONE_AFTER.match(after):
        return True
    return bool(re.match(r"^\s*(?:times|fold|-fold)\b|^(?:st|nd|rd|th)\b|^\s*/\s*\d|^:\d", after))


def money_currency(text: str, m: NumberMention) -> str | None:
    if m.currency:
        return m.currency
    word = _MONEY_WORD_AFTER.match(text[m.end:m.end + 30])
    if not word:
        return None
    table = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pounds": "GBP",
             "baht": "THB", "pesos": "PHP", "rupees": "INR", "riel": "KHR", "riels": "KHR",
             "naira": "NGN", "shillings": "KES", "dong": "VND", "rupiah": "IDR", "ringgit": "MYR"}
    return table.get(word.group(1).lower())


def is_share(text: str, m: NumberMention) -> bool:
    return bool(_SHARE.match(text[m.end:m.end + 20]))


def part_head(sent: Sentence, text: str, figs: list[Figure], prev: list[Figure], m: NumberMention
              ) -> Figure | None:
    """The total a breakdown part belongs to, if the number is one."""
    lead = _PART_HEAD.match(sent.text)
    if lead:
        lead_end = sent.start + lead.end()
        own_total = lead.group(0).split()[-1].lower() in _DETS
        if own_total and text[lead_end:m.start].strip() == "":
            return None  # "Of the 263 victims": the total itself
        own = [f for f in figs if own_total and text[lead_end:f.start].strip() == ""]
        if own:
            return own[0]
        if prev:
            return prev[0]
    inc = None
    for x in _INCLUDING.finditer(text, sent.start, m.start):
        inc = x
    if inc is not None:
        before = [f for f in figs if f.start < inc.start()]
        if before:
            return before[-1]
        if prev:
            return prev[0]
    return None


def crimes_for(ctx_crimes: tuple[str, ...], found: list[attrs.CrimeMention], text: str,
               clause: tuple[int, int], noun: Noun) -> tuple[tuple[str, ...], str | None]:
    """Crime labels for a figure: its clause's crime words, or 'such cases' -> the last ones."""
    crimes: set[str] = set()
    rule = None
    for c in found:
        if clause[0] <= c.start < clause[1]:
            if re.search(r"\bfrom\s+$", text[max(0, c.start - 6):c.start]):
                continue  # "rescued from trafficking": the situation, not a label
            crimes.update(c.crimes)
            rule = c.rule
    if not crimes and ("such" in noun.modifiers or _SUCH.search(text, clause[0], clause[1])):
        return ctx_crimes, "crime.such"
    return tuple(sorted(crimes)), rule


def location_after(text: str, m: NumberMention, mentions_by_start: dict[int, str], slot_end: int) -> str | None:
    """'351 from Malaysia': the country named right after a figure."""
    for start, code in mentions_by_start.items():
        if m.end <= start < min(slot_end, m.end + 60) and _FROM_COUNTRY.match(text[m.end:start]):
            return code
    return None


def is_incident(text: str, clause: tuple[int, int], has_period: bool) -> bool:
    if has_period:
        return False
    for m in _INCIDENT.finditer(text, clause[0], clause[1]):
        near = text[max(clause[0], m.start() - 12):min(clause[1], m.end() + 12)]
        if not _SPEECH.search(near):
            return True
    return False


def refine_victims(indicator: str, action: Action | None, text: str, clause: tuple[int, int],
                   nationality: str | None, country: str | None, location: str | None) -> str:
    """Rescued nationals of the document's country outside it are repatriated."""
    if indicator != "victims" or action is None or action.action != "rescue":
        return indicator
    if nationality and nationality == country and (ABROAD.search(text, clause[0], clause[1]) or location):
        return "victims_repatriated"
    return indicator


def clause_of(sent: Sentence, m: NumberMention) -> tuple[int, int]:
    return clause_bounds(sent, m.start)
