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
_INCLUDING = re.compile(r"\b(?:including|included|includes|include|among them|among whom|of whom|of which|comprising|"
                        r"comprised|comprise|consisting of|consisted of|were made up of)\b", re.IGNORECASE)
_INCIDENT = re.compile(r"\b(?:recently|yesterday|today|this morning|last night|last week|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:said|told|says|announced|obtained|released|reported)\b", re.IGNORECASE)
_SUCH = re.compile(r"\bsuch\s+(?:\w+\s+)?(?:cases|crimes|offen[cs]es|incidents|activities)\b"
                   r"|\bfor\s+(?:the|this|that)\s+(?:same\s+)?(?:crime|offen[cs]e)\b", re.IGNORECASE)
_FROM_COUNTRY = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?(?:from|in)\s+(?:the\s+)?$", re.IGNORECASE)
_ARTICLE = re.compile(r"(?:(?<=,\s)|(?<=including\s)|(?<=and\s))(an?)\s+(?=[A-Z])")
_AND_ONE = re.compile(r"\band\s+(an?)\s+(?=(?:girl|boy|woman|man|child|minor|teenager|infant|baby)\b)")
_COUNT_ITEM_BEFORE = re.compile(r"\d\s+[a-z]+\s*$")
_AT_RISK = re.compile(r"[^.;]{0,60}?\b(?:at risk|vulnerable to|in danger of)\b", re.IGNORECASE)
_SHARE = re.compile(r"^\s*(?:percent|per cent|%)\s+of\b", re.IGNORECASE)
_MONEY_WORD_AFTER = re.compile(r"^\s*(?:US\s+|U\.S\.\s+|United\s+States\s+)?(dollars?|euros?|pounds|baht|pesos|rupees|riels?|naira|shillings|dong|rupiah|ringgit)\b", re.IGNORECASE)


def _alt(*parts: str) -> str:
    """A non-empty alternation of named guard fragments (trafilatura's ``_alt``)."""
    if not parts:
        raise ValueError("empty guard group")
    return "|".join(f"(?:{p})" for p in parts)


# -- precision guards: numbers that are never facts ---------------------------------------------
# Each group is a tuple of regex fragments named for what it rules out. The "before" fragments
# are matched at the end of the 60 characters before a number, the "after" fragments at the
# start of the 80 characters after it; both are compiled once into one pattern per side.
_LAW_BEFORE = (
    r"(?-i:\b(?:Act|Acts|Section|Sections|Sec\.|Article|Articles|Art\.|Chapter|Clause|Paragraph|Para\.|"
    r"Rule|Rules|Regulation|Decree|Law|Bill|Code|Ordinance|Proclamation|Schedule|Resolution|Circular|"
    r"RA|R\.A\.|PD|P\.D\.|EO|E\.O\.|IPC|CrPC|BNS)|\b(?:section|sections|article|articles|sec\.|art\.|u/s|"
    r"clause|paragraph)|§)\s*(?:No\.?\s*|Nos\.?\s*|number\s+)?"
    r"(?:\d+[A-Za-z]?(?:\(\w+\))*\s*(?:,|and|or|to|&|/|-)\s*)*",
)
_PHONE_BEFORE = (
    r"\b(?:call(?:ing)?|dial(?:l?ing|s|led)?|text(?:ing)?|sms|whatsapp)\s+"
    r"(?:[^.\d\n]{0,30}?(?:\bon|\bat|:|\bnumber|\bno\.?|hotline|helpline|line|#)\s*)?",
    r"\b(?:hotline|helpline|help line|tip line|tipline|childline|actionline|toll[- ]free|phone|telephone|tel\.?|"
    r"mobile|fax|contact)\s*(?:number|numbers|no\.?|nos\.?)?\s*(?:on|at|is|:|#)?\s*",
    r"\d-",
    r"\+\s?",  # "+254 722 203 444": a country code
    r"\b(?:call|dial|hotline|helpline|toll[- ]free|free(?:phone| of charge)|whatsapp|sms|telephone|phone|tel|fax|"
    r"contact)\b[^.\d\n]{0,25}?\b(?:on|at|via)\s+",  # "call Crime Stop on 0800 ..."
)
_PLATE_BEFORE = (
    r"\b(?:plate|plates|registration|licen[cs]e plate|number plate)\s*(?:number|no\.?)?\s*:?\s*(?-i:[A-Z]{1,3})?[-\s]?",
)
_ADDRESS_BEFORE = (
    r"(?-i:\b(?:No\.|Nos\.|House|Building|Bldg\.?|Block|Blk\.?|Lot|Unit|Room|Rm\.?|Floor|Flat|Apt\.?|Suite|"
    r"Km|KM|Soi|Moo|Jalan|Jl\.?|Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Calle|Rua|Box|Sector|Plot|Ward|Route|"
    r"Highway|Gate|Zone|Phase|Platform|Flight|Bus|Train))\s*",
)
_PAGE_BEFORE = (
    r"(?:^|\n)[ \t]*(?:Seite|Page|Pg\.?|P\.|Página|Pagina|Halaman|Hal\.?|Trang)\s*",
    r"\b(?:S|Sr|Sl)\.?\s?No\.?\s*:?\s*",
)
_FOOTNOTE_BEFORE = (
    r"(?-i:[a-z)”\"’][.,;])",  # "alone.3 Another" (a marker glued to the sentence end)
)
_MONEY_BEFORE = (
    r"\b(?:fine[ds]?|penalt(?:y|ies)|bail|bond|back wages|wages|salar(?:y|ies)|pa(?:y|id|ys|ying)|"
    r"compensation|restitution|damages|ransom|budget(?:ed|s)?|grants?|allocat(?:ed|ion)|fund(?:s|ing|ed)?|"
    r"donat(?:ed|ions?)|spen[dt]|costs?|fees?|loans?|debts?|reward|bounty|award(?:ed)?|price|"
    r"invest(?:ed|ment)?|charg(?:es?|ed)\s+(?:them|him|her|victims|each))\b[^.;]{0,40}",
)
_FRACTION_BEFORE = (
    r"\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out of)\s+(?:every\s+)?",
)
_COMPARED_INSPECTIONS = (
    r"\b(?:inspections|visits|checks|patrols|trainings|training sessions|workshops|seminars|meetings|"
    r"checkpoints|site visits|awareness (?:sessions|campaigns|programmes))\b[^.;]{0,80}?"
    r"\b(?:against|versus|vs\.?|compared (?:with|to)|up from|down from|from)\s*",
)
_POPULATION_BEFORE = (
    r"\b(?:population|workforce|work force|labou?r force|labou?r market|electorate|student body)\s+"
    r"(?:of\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|over\s+|more than\s+|almost\s+|roughly\s+)?",
    r"\b(?:a|the)\s+(?:country|nation|city|state|province|region)\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+|more than\s+)?",
)
# "Figure 3: Number of registrations", "Table 2", "Chart 1" (labels of charts and tables)
_LABEL_BEFORE = (
    r"(?-i:\b(?:Figure|Figures|Fig\.|Figs\.|Table|Tables|Chart|Graph|Graphic|Infographic|Map|Annex|Appendix|Box|Exhibit|"
    r"Annexure|Step|Tier|Level|Grade|Phase|Part|Volume|Vol\.|Issue|Edition))\s*",
    r"\|\s*",  # "958 | 1,004 | 868": a chart's or table's data run
)
_CAPTION_BEFORE = (
    r"(?-i:\b(?:Some|Several|Many|Most|Part|Members|Relatives|Families|A group)\s+of\s+the)\s*",
)
_NOT_FACT_BEFORE = re.compile(
    "(?:" + _alt(*_LAW_BEFORE, *_PHONE_BEFORE, *_PLATE_BEFORE, *_ADDRESS_BEFORE, *_PAGE_BEFORE,
                 *_FOOTNOTE_BEFORE, *_FRACTION_BEFORE, *_POPULATION_BEFORE, *_LABEL_BEFORE) + ")$",
    re.IGNORECASE,
)
_COMPARED_RX = re.compile("(?:" + _alt(*_COMPARED_INSPECTIONS) + ")$", re.IGNORECASE)  # a 140-char window
#: words one of which ``_COMPARED_INSPECTIONS`` needs: an ASCII window without them cannot match
_COMPARED_WORDS = ("inspections", "visits", "checks", "patrols", "training", "workshops", "seminars",
                   "meetings", "checkpoints", "awareness")


def _may_compare(text: str, start: int, end: int) -> bool:
    window = text[start:end]
    if not window.isascii():
        return True
    low = window.lower()
    return any(w in low for w in _COMPARED_WORDS)


_MONEY_BEFORE_RX = re.compile("(?:" + _alt(*_MONEY_BEFORE) + ")$", re.IGNORECASE)
_CAPTION_BEFORE_RX = re.compile("(?:" + _alt(*_CAPTION_BEFORE) + ")$", re.IGNORECASE)

_DURATION_AFTER = (
    r"\s*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|decades?|nights?)\b",
    r"-(?:day|week|month|hour|year|night|minute)s?\b",
    r"\s*(?:and|to|-|–)\s*\d{1,3}\s*(?:years?|yrs?|year-olds?|-year)",  # "between 12 and 17 years"
)
_PHONE_AFTER = (r"-\d", r"\s*(?:Actionline|hotline|helpline|toll[- ]free)\b")
_LABEL_AFTER = (r"\s*\|",)  # "958 | 1,004": a chart's or table's data run
_ADDRESS_AFTER = (
    r"(?-i:\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Boulevard|Blvd\.?|Drive|"
    r"Highway|Soi|Moo|Jalan|Calle|Rua)\b)",
)
_FRACTION_AFTER = (
    r"\s+(?:in|out of)\s+(?:every\s+)?(?:\d{1,3}|two|three|four|five|ten|hundred)\b",
)
_OTHER_CRIME_AFTER = (
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:(?:migrant|human|people)\s+smuggl(?:ers?|ing)|smuggl(?:ers?|ing)|drugs?|"
    r"narcotics?|methamphetamine|meth|heroin|cocaine|cannabis|marijuana|firearms?|guns?|weapons?|arms|"
    r"(?:online\s+)?fraud(?:sters?)?|robber(?:y|ies)|thefts?|murders?|homicides?|burglar(?:y|ies)|"
    r"corruption|poaching|wildlife|timber|counterfeit)\b",
)
_MIGRATION_AFTER = (
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:work|works|working|live|lives|living|reside[sd]?|residing|are employed|"
    r"are working|are living|have migrated|migrated?|emigrated?|are based)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:abroad|overseas|outside|in other countries|in foreign|in the Gulf|in the Middle East)\b",
    r"\s+(?:[\w-]+\s+){0,2}?(?:population|inhabitants|diaspora|tourists)\b",
)
_MONEY_AFTER = (
    r"\s*(?:[\w-]+\s+){0,2}?(?:in\s+)?(?:fines?|penalt(?:y|ies)|bail|back wages|wages|salar(?:y|ies)|"
    r"compensation|restitution|damages|ransom|budget|grants?|funding|fees?|loans?|debts?|reward|bounty)\b",
)
_NOT_FACT_AFTER = re.compile(
    "^(?:" + _alt(*_DURATION_AFTER, *_PHONE_AFTER, *_ADDRESS_AFTER, *_FRACTION_AFTER, *_OTHER_CRIME_AFTER,
                  *_MIGRATION_AFTER, *_LABEL_AFTER) + ")",
    re.IGNORECASE,
)
_MONEY_AFTER_RX = re.compile("^(?:" + _alt(*_MONEY_AFTER) + ")", re.IGNORECASE)
_CAPTION_VERB = re.compile(
    r"^[^.\n]{0,120}?\b(?:arrive|wait|pose|sit|stand|gather|queue|listen|board|walk|rest|line up|look on|"
    r"attend|receive|disembark|return|hold|wave|cry|pray)s?\b|^[^.\n]{0,120}?\b(?:are|is) (?:seen|pictured)\b",
    re.IGNORECASE,
)
_LINE_START = re.compile(r"(?:^|\n)[ \t]*[-–—]?[ \t]*$")
_LINE_REST = re.compile(r"^[ \t]*(?:[-–—][ \t]*)?(?:\n|$)|^[.)][ \t]")  # "– 14 –", "3", "1. " list marker
_NAME_AGE = re.compile(r"(?-i:\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*),\s*$")
_BRACKET = re.compile(r"\[\s*$")
# "between January and May 15": a day of the month, not a count
_MONTH_BEFORE = re.compile(r"(?-i:\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)\s$")
# Phone numbers in national formats: "0800 722 203", "03-2266 2222", "08600 10111", "+254 722 203 444".
# A number is one group of a run of digit groups split by single spaces or hyphens; the run is a phone
# number when it has a country code, a group with a leading zero, or seven digits or more.
_GROUPS_BEFORE = re.compile(r"(?:(?<![\d,.])(\+?)(\d++)[ -])++$")
_GROUPS_AFTER = re.compile(r"^(?:[ -]\d++(?![,.]\d))++")
_LEADING_ZERO = re.compile(r"(?:^|[ +-])0\d")
# "841 aged over 16 and 178 under 16": after another number, "under 16" is an age bound
_AGE_AFTER_COUNT = re.compile(r"\d\s+(?:aged\s+)?(?:under|over|above|below|younger than|older than)\s+(?:the age of\s+)?$",
                              re.IGNORECASE)
_SHARE_AFTER = re.compile(r"^\s*(?:of\b|per\s?cent|%)")
_CAP_WORD = re.compile(r"[A-Z][\w'’-]*")
_NOT_COUNT_AFTER = re.compile(r"^\s*(?:times|fold|-fold)\b|^(?:st|nd|rd|th)\b|^\s*/\s*\d|^:\d")
_FROM_BEFORE = re.compile(r"\bfrom\s+$")


def _is_phone(text: str, m: NumberMention, before: str, after: str) -> bool:
    """A number that is a phone number or one group of one."""
    if m.is_word or m.currency or not m.surface[:1].isdigit():
        return False
    if len(m.surface) >= 4 and m.surface[0] == "0" and m.surface.isdigit():
        return True  # "0800", "08600": numbers never have a leading zero
    pre = _GROUPS_BEFORE.search(before[-30:])
    post = _GROUPS_AFTER.match(after[:30])
    if pre is None and post is None:
        return False
    run = (pre.group(0) if pre else "") + m.surface + (post.group(0) if post else "")
    if "," in m.surface or "." in m.surface:
        return False
    digits = sum(c.isdigit() for c in run)
    return run.startswith("+") or _LEADING_ZERO.search(run) is not None or digits >= 7


def is_not_fact(text: str, m: NumberMention) -> bool:
    """Precision guards: law and section numbers, phone numbers (and each group of one), plates,
    addresses, page furniture, chart and table labels and data runs, footnote markers, fractions,
    ages after names and after counts, month days, durations, other crimes, migration, population
    and workforce figures, captions, and money that is not trafficking proceeds."""
    before = text[max(0, m.start - 60):m.start]
    after = text[m.end:m.end + 80]
    if _NOT_FACT_BEFORE.search(before) or _NOT_FACT_AFTER.match(after):
        return True
    if _may_compare(text, max(0, m.start - 140), m.start) and _COMPARED_RX.search(text, max(0, m.start - 140), m.start):
        return True  # "598 inspections in 2023, against 531 in 2022"
    if _LINE_START.search(before) and _LINE_REST.match(after):
        return True
    if _BRACKET.search(before) and after.lstrip().startswith("]"):
        return True
    if _is_phone(text, m, before, after):
        return True
    if not m.is_word and m.value <= 31 and len(m.surface) <= 2 and _MONTH_BEFORE.search(before) \
            and not _SHARE_AFTER.match(after):
        return True  # "May 15", "June 5"
    if not m.is_word and m.value < 100 and _AGE_AFTER_COUNT.search(before):
        return True  # "178 under 16"
    if not m.is_word and m.value < 120 and _NAME_AGE.search(before) and after.startswith(","):
        return True  # "Abdi, 32, was arrested"
    if _CAPTION_BEFORE_RX.search(before) and _CAPTION_VERB.match(after):
        return True  # "Some of the 54 returnees arrive at the airport" (a photo caption)
    if m.currency or _MONEY_WORD_AFTER.match(after):
        return bool(_MONEY_BEFORE_RX.search(before) or _MONEY_AFTER_RX.match(after))
    if not m.is_word and _NAME_BEFORE.search(before) and _APPOSITIVE_AFTER.match(after):
        return True  # "The Línea 145, the free national hotline, ...": a number in a name
    if _DECIMAL.fullmatch(m.surface) and not _SCALE_OR_SHARE.match(after):
        return True  # "NGHTI 2.0", "version 1.5": a count of people or cases has no decimals
    if m.is_word and m.value == 1 and _EVERY_ONE.search(before):
        return True  # "Every one of these reports is a person"
    return bool(m.is_word and m.value == 1 and _ONE_CASE.search(before) and _ONE_CASE_AFTER.match(after))


_NAME_BEFORE = re.compile(r"(?:^|[\s(])(?-i:[A-Z])[\w'’-]*[^\W\d_A-Z][\w'’-]*\s+$")
_APPOSITIVE_AFTER = re.compile(r"\s*,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:hotline|line|helpline|number|law|act|operation|"
                               r"programme|program|centre|center|unit|shelter|road|highway|route)\b", re.IGNORECASE)
_DECIMAL = re.compile(r"\d{1,3}\.\d{1,2}")
_SCALE_OR_SHARE = re.compile(r"\s*(?:%|per\s?cent|percent|pc\b|percentage|million|billion|trillion|thousand|lakh|crore|"
                             r"mn\b|bn\b|m\b|k\b|times\b)", re.IGNORECASE)
#: "In one case, a madam ...": an anecdote, not a count of one case
_EVERY_ONE = re.compile(r"\b(?:[Ee]very|[Ee]ach|[Aa]ny|[Nn]o|[Tt]he)\s+$")
_ONE_CASE = re.compile(r"\b(?:[Ii]n|[Ii]n\s+at\s+least)\s+$")
_ONE_CASE_AFTER = re.compile(r"\s+(?:such\s+)?(?:case|instance|incident|example)\s*,")


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
    crime_base: Figure | None = None  # the total whose crimes a part takes once the document is read
    elliptical: bool = False
    rules: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.mention.start


def article_mentions(text: str, start: int, end: int, demonyms: dict[str, str]) -> list[NumberMention]:
    """'a Japanese, an American' in a list: each article is a figure of one; so is the last item of
    a list of counts ("58 men, 10 women, 16 boys and a girl")."""
    out = []
    for m in _AND_ONE.finditer(text, start, end):
        if _COUNT_ITEM_BEFORE.search(text, max(start, m.start() - 30), m.start()):
            out.append(NumberMention(m.start(1), m.end(1), m.group(1), 1, is_word=True))
    for m in _ARTICLE.finditer(text, start, end):
        word = _CAP_WORD.match(text[m.end():m.end() + 30])
        if word and word.group(0).lower() in demonyms:
            out.append(NumberMention(m.start(1), m.end(1), m.group(1), 1, is_word=True))
    return out


def is_skipped(text: str, m: NumberMention, blocked: list[tuple[int, int]]) -> bool:
    """Numbers that are not counts: in time expressions, ages, stated changes."""
    if any(s <= m.start < e for s, e in blocked):
        return True
    before = text[max(0, m.start - 60):m.start]
    after = text[m.end:m.end + 40]
    if m.value < 100 and attrs.is_age_bound(before, after):
        return True  # an age is under 100: "were over 300" is a count
    if CHANGE_BEFORE.search(before) or CHANGE_AFTER.match(after):
        return True
    if _AT_RISK.match(text, m.end, m.end + 80) or is_not_fact(text, m):
        return True
    return bool(_NOT_COUNT_AFTER.match(after))


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
            if _FROM_BEFORE.search(text[max(0, c.start - 6):c.start]) and set(c.crimes) <= {"trafficking"}:
                continue  # "rescued from trafficking": the situation, not a label ("from forced labour" is one)
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
