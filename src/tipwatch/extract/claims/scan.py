"""The numbers of a document as the claim finders see them.

Every number the number parser finds becomes a :class:`Num` with its sentence, its unit
(``count``, ``percent`` or a currency), the fact that stands on it (if the extractor made
one) and a ``skip`` flag for numbers that are no figures at all: years, age bounds ("under
15", "aged between 15 and 17"), pieces of ranges and phone numbers. The claim finders then
give numbers roles (a change's amount, a comparison's base, a breakdown's part) so that a
number plays one role only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tipwatch.extract.attributes import is_age_bound
from tipwatch.extract.claims.cues import load_cues
from tipwatch.extract.classify import CASE_OUTCOME
from tipwatch.extract.figures import (
    AGE_AFTER_COUNT_BETWEEN,
    BOUND_BEFORE,
    COUNT_NOUN_AFTER,
    DURATION_AFTER,
    MONTH_AFTER,
    MONTH_BEFORE,
    NOT_COUNT_AFTER,
    RANGE_JOIN,
    UNDER_OVER_BEFORE,
    YEARS_OLD_AFTER,
    counts_people_as_cases,
    is_code_piece,
    is_not_fact,
)
from tipwatch.extract.lexicon import load_rules
from tipwatch.extract.numbers import NumberMention
from tipwatch.extract.sentences import Sentence, split_sentences
from tipwatch.model import CleanDocument, Fact

#: Sentences with more numbers than this are tables or code lists: no claims are read there.
MAX_NUMBERS_PER_SENTENCE = 60
_PERCENT_AFTER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|percentage points?\b)", re.I)


#: Both sides of a dimension: a list naming each covers the whole ('120 were female and 80 male').
_SIDES = ((re.compile(r"\b(?:women|female|females|girls)\b", re.I),),
          (re.compile(r"\b(?:men|male|males|boys)\b", re.I),))
_AGES = ((re.compile(r"\b(?:adults?|over\s+18|aged\s+18)\b", re.I),),
         (re.compile(r"\b(?:children|minors|juveniles|under\s+18|girls|boys)\b", re.I),))
#: Nationals and foreigners ("84 were Moldovan citizens and 45 foreign citizens"; "foreign citizens" names one side)
_ORIGINS = ((re.compile(r"(?<!foreign\s)(?<!non-)\b(?:nationals|citizens|domestic|local\s+(?:victims|people|residents))\b",
                        re.I),),
            (re.compile(r"\b(?:foreign\w*|non-(?:nationals|citizens|residents))\b", re.I),))
#: Words after a number that say what it counts, by indicator family (used when no fact does).
_FAMILY_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("suspects", re.compile(r"^\W*(?:[\w-]+\s+){0,2}?(?:arrests?|suspects?|traffickers?|defendants?|"
                            r"offenders|convictions?|recruiters|accused|people\s+arrested)\b", re.I)),
    ("cases", re.compile(r"^\W*(?:[\w-]+\s+){0,3}?(?:cases?|offen[cs]es|crimes|investigations)\b", re.I)),
    ("complaints", re.compile(r"^\W*(?:[\w-]+\s+){0,3}?(?:complaints?|reports|tips)\b", re.I)),
    ("victims", re.compile(r"^\W*(?:[\w-]+\s+){0,3}?(?:victims?|survivors|rescues|referrals|persons|people|women|"
                           r"girls|boys|children|minors|adults|men|foreigners|nationals|"
                           r"Cambodians|Filipinos|Kenyans)\b", re.I)),
)
#: Nouns that name the family whatever the fact says ("122 people arrested").
_SPECIFIC_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("suspects", re.compile(r"^\W*(?:[\w-]+\s+){0,1}?(?:arrests?|suspects?|traffickers|defendants|"
                            r"people\s+arrested|convictions)\b", re.I)),
    ("cases", re.compile(r"^\W*(?:[\w-]+\s+){0,2}?(?:cases?|offen[cs]es|investigations)\b", re.I)),
    ("victims", re.compile(r"^\W*(?:[\w-]+\s+){0,2}?(?:victims?|survivors|rescues)\b", re.I)),
)
#: A noun right after a number (one word between at most): "312 offenders", "40 adult women".
_NOUN_NEXT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("suspects", re.compile(r"^\s+(?:[\w-]+\s+)?(?:offenders|perpetrators|recruiters|accused)\b", re.I)),
    ("cases", re.compile(r"^\s+(?:[\w-]+\s+)?(?:offen[cs]es|crimes|proceedings)\b", re.I)),
    ("victims", re.compile(r"^\s+(?:[\w-]+\s+)?(?:people|persons?|wom[ae]n|m[ae]n|girls?|boys?|child(?:ren)?|minors?|"
                           r"adults?)\b", re.I)),
)
#: Verbs before a number with a generic noun ("arrested 187 people").
_VERBS_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("suspects", re.compile(r"\b(?:arrest\w*|detained|apprehended|convicted|charged)(?:\s+of)?\s+\Z", re.I)),
    ("victims", re.compile(r"\b(?:rescued|saved|freed|identified|repatriated)\s+\Z", re.I)),
)
#: Nouns of an anchor phrase ("of the rescued victims") by family.
_ANCHOR_NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("suspects", re.compile(r"\b(?:arrest\w*|suspects?|traffickers|defendants|convictions|offenders|caught|detained|"
                            r"apprehended|charged|convicted)\b", re.I)),
    ("cases", re.compile(r"\b(?:cases?|offen[cs]es|crimes|investigations)\b", re.I)),
    ("victims", re.compile(r"\b(?:victims?|survivors|rescued|persons|people|referrals)\b", re.I)),
)


def family(indicator: str | None) -> str | None:
    """Indicators that can break one another down: victims*, suspects*, cases*."""
    if not indicator:
        return None
    if indicator.startswith(("victims", "estimated_victims")):
        return "victims"
    if indicator.startswith("suspects"):
        return "suspects"
    if indicator.startswith("cases"):
        return "cases"
    return indicator


def fact_family(fact: Fact) -> str | None:
    """The family a fact counts: its indicator's, but a part of the cases counted by its outcome
    (people convicted in 41 of 64 cases tried) still breaks the cases down."""
    return "cases" if CASE_OUTCOME in fact.rules else family(fact.indicator)


def anchor_family(words: str) -> str | None:
    """The family an anchor phrase names ("Of the rescued victims" -> victims)."""
    for fam, pattern in _ANCHOR_NOUNS:
        if pattern.search(words):
            return fam
    return None


@dataclass
class Num:
    """One number in the document and the role the claim finders gave it."""

    i: int
    start: int
    end: int
    value: float
    surface: str
    unit: str
    sent: int
    fact: int | None = None
    skip: bool = False
    roles: set[str] = field(default_factory=set)
    mention: NumberMention | None = None  # what the number parser found, if it found the number

    @property
    def free(self) -> bool:
        """Neither skipped nor used as a change amount."""
        return not self.skip and "amount" not in self.roles


@dataclass
class Context:
    doc: CleanDocument
    text: str
    facts: list[Fact]
    sentences: list[Sentence]
    nums: list[Num]
    by_sentence: list[list[Num]]
    starts: list[int]
    num_starts: list[int]
    rules: Any = None
    with_facts: bool = False  # the extractor found facts here: claims stand on them

    def off_topic(self, start: int, end: int) -> bool:
        """Is the text between ``start`` and ``end`` about another topic (drugs, health...)?"""
        attributes = getattr(self.rules, "attributes", None)
        if attributes is not None and attributes.off_topic(self.text, start, end):
            return True
        return load_cues().off_topic.search(self.text, start, end) is not None

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def fact(self, num: Num) -> Fact | None:
        return self.facts[num.fact] if num.fact is not None else None

    def own_family(self, num: Num) -> str | None:
        """What a number counts by its own noun only ('65 arrests', '312 offenders'), else None."""
        after = self.text[num.end:num.end + 60]
        return next((fam for fam, pattern in _SPECIFIC_WORDS + _NOUN_NEXT if pattern.match(after)), None)

    def family_of(self, num: Num) -> str | None:
        """What a number counts: its own noun when specific ('65 arrests'), else its fact's."""
        after = self.text[num.end:num.end + 60]
        for fam, pattern in _SPECIFIC_WORDS:
            if pattern.match(after):
                return fam
        fact = self.fact(num)
        if fact is not None:
            return fact_family(fact)
        before = self.text[max(0, num.start - 30):num.start]
        for fam, pattern in _VERBS_BEFORE:
            if pattern.search(before):
                return fam
        for fam, pattern in _FAMILY_WORDS:
            if pattern.match(after):
                return fam
        return None

    def indicator_of(self, num: Num) -> str | None:
        fact = self.fact(num)
        if fact is not None:
            return fact.indicator
        fam = self.family_of(num)
        return fam if fam in ("victims", "cases", "suspects") else None

    def words_after(self, n: Num) -> str:
        """The words after a number up to the next number or punctuation ('were female')."""
        nxt = self.next_start(n.end - 1)
        return re.split(r"[,;.]", self.text[n.end:min(nxt, n.end + 45)], maxsplit=1)[0]

    def exhaustive(self, parts: list[Num]) -> bool:
        """Parts that name both sides of a dimension: 'female' and 'male', 'adults' and 'children'."""
        words = " ".join(self.words_after(p) for p in parts)
        return any(all(any(p.search(words) for p in side) for side in sides) for sides in (_SIDES, _AGES, _ORIGINS))

    def two_labels(self, labels: list[str]) -> bool:
        """Two figures' labels (the words around each) that name the two sides of a dimension,
        one each: 'Women and girls made up' / 'were men and boys'. A label may also name the
        other figure's side ('60% were women and 40% men': the second's words before it say
        'women'); one of the two must name one side only."""
        if len(labels) != 2:
            return False
        for sides in (_SIDES, _AGES, _ORIGINS):
            named = [{k for k, side in enumerate(sides) if any(p.search(words) for p in side)} for words in labels]
            if all(named) and len(named[0] | named[1]) == 2 and min(len(n) for n in named) == 1:
                return True
        return False

    def in_sentence(self, s: int) -> list[Num]:
        return self.by_sentence[s] if 0 <= s < len(self.by_sentence) else []

    def between(self, start: int, end: int) -> list[Num]:
        lo = bisect.bisect_left(self.num_starts, start)
        hi = bisect.bisect_left(self.num_starts, end)
        return self.nums[lo:hi]

    def next_start(self, pos: int) -> int:
        """Where the first number after ``pos`` starts (the text's end if none)."""
        i = bisect.bisect_right(self.num_starts, pos)
        return self.num_starts[i] if i < len(self.num_starts) else len(self.text)


def build_context(doc: CleanDocument, facts: list[Fact], rules: Any) -> Context:
    text = doc.text
    parser = getattr(rules, "numbers", None) or load_rules().numbers
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    fact_at = _facts_by_offset(facts)
    nums: list[Num] = []
    covered: set[int] = set()
    for m in parser.finditer(text):
        nums.append(_num(len(nums), m, text, facts, fact_at, starts))
        covered.update(range(m.start, m.end))
    nums.extend(_fact_only(facts, covered, starts))  # "a Japanese" = 1: the extractor's own numbers
    nums.extend(_articles(text, nums, covered, starts))  # "16 boys and a girl"
    nums.sort(key=lambda n: n.start)
    for i, n in enumerate(nums):
        n.i = i
    by_sentence: list[list[Num]] = [[] for _ in sentences]
    for n in nums:
        if by_sentence:
            by_sentence[n.sent].append(n)
    for k, sent_nums in enumerate(by_sentence):
        if len(sent_nums) > MAX_NUMBERS_PER_SENTENCE:  # a table or a list of codes, not prose
            for n in sent_nums:
                n.skip = True
            by_sentence[k] = []
    _mark_skips(nums, text, facts)
    return Context(doc, text, facts, sentences, nums, by_sentence, starts, [n.start for n in nums], rules,
                   any(n.fact is not None for n in nums))


def _facts_by_offset(facts: Iterable[Fact]) -> dict[int, int]:
    """The first non-derived fact standing on each character offset of a number."""
    out: dict[int, int] = {}
    for i, f in enumerate(facts):
        if f.derived:
            continue
        for pos in range(f.span[0], max(f.span[1], f.span[0] + 1)):
            out.setdefault(pos, i)
    return out


def _num(i: int, m: NumberMention, text: str, facts: list[Fact], fact_at: dict[int, int],
         starts: list[int]) -> Num:
    fact = next((fact_at[p] for p in range(m.start, m.end) if p in fact_at), None)
    unit = "count"
    if m.currency:
        unit = m.currency
    elif _PERCENT_AFTER.match(text, m.end):
        unit = "percent"
    if fact is not None and facts[fact].unit != "count":
        unit = facts[fact].unit
    sent = max(0, bisect.bisect_right(starts, m.start) - 1)
    num = Num(i, m.start, m.end, float(m.value), m.surface, unit, sent, fact)
    num.skip = fact is None and m.is_year_like
    num.mention = m
    return num


def _fact_only(facts: list[Fact], covered: set[int], starts: list[int]) -> list[Num]:
    out: list[Num] = []
    for i, f in enumerate(facts):
        if f.derived or f.span[0] in covered or f.span[1] <= f.span[0]:
            continue
        covered.update(range(f.span[0], f.span[1]))
        sent = max(0, bisect.bisect_right(starts, f.span[0]) - 1)
        out.append(Num(0, f.span[0], f.span[1], float(f.value), f.surface, f.unit, sent, i))
    return out


#: "..., 16 boys and a girl": an article in a list of counts is a count of one.
_ARTICLE_ONE = re.compile(r"(?:,|\band)\s+(an?)\s+(?=(?:girl|boy|woman|man|child|minor|teenager|adult|foreigner|"
                          r"suspect|victim)\b)", re.I)


def _articles(text: str, nums: list[Num], covered: set[int], starts: list[int]) -> list[Num]:
    if " a " not in text and " an " not in text:
        return []
    ends = sorted(n.end for n in nums)
    out: list[Num] = []
    for m in _ARTICLE_ONE.finditer(text):
        if m.start(1) in covered:
            continue
        k = bisect.bisect_right(ends, m.start())
        sent = max(0, bisect.bisect_right(starts, m.start(1)) - 1)
        if k == 0 or m.start() - ends[k - 1] > 40 or ends[k - 1] < starts[sent]:
            continue  # only after another count of the same sentence
        out.append(Num(0, m.start(1), m.end(1), 1.0, m.group(1), "count", sent))
    return out


def _mark_skips(nums: list[Num], text: str, facts: list[Fact]) -> None:
    """Mark age bounds, range pieces and codes: they are never parts, totals or bases."""
    prev: Num | None = None  # the last number skipped as an age or a code (not as a year)
    before: Num | None = None  # the number before, whatever it was
    for n in nums:
        if not n.skip and before is not None and not before.skip and n.value < 100 \
                and AGE_AFTER_COUNT_BETWEEN.match(text[before.end:n.start]):
            n.skip = True  # "three under 13": an age after a count, even where a fact stands on it
        before = n
        year = n.skip
        closes = False  # the second end of a range: "between 14 and 17 and 9 under 14" keeps the 9
        if not n.skip:
            closes = prev is not None and _closes_range(n, prev, text)
            n.skip = closes or _is_bound(n, text) if n.fact is not None else \
                (closes or _is_bound(n, text) or _is_under_over(n, text) or _is_code(n, text) or _not_figure(n, text))
        prev = n if n.skip and not year and not closes else None


def _not_figure(n: Num, text: str) -> bool:
    """A number no fact stands on is no figure when the extractor's guards say so: a law's
    section, a phone number, a budget, a drug seizure, "three times" (one definition, figures.py)."""
    if n.mention is None or counts_people_as_cases(text, n.mention):
        return False  # "in eleven cases the sex was not recorded": the rest of a breakdown by sex
    return is_not_fact(text, n.mention) or bool(NOT_COUNT_AFTER.match(text[n.end:n.end + 20]))


_RANGE_REST = re.compile(r"\s*(?:and|to|[-–])\s*\d")


def _is_bound(n: Num, text: str) -> bool:
    """Ages that bound a group ('aged between 15 and 17', 'younger than 15', '16-year-old')."""
    before = text[max(0, n.start - 20):n.start]
    after = text[n.end:n.end + 20]
    bound = BOUND_BEFORE.search(before)
    if bound and n.value <= 120 and not COUNT_NOUN_AFTER.match(after) \
            and (not bound.group(0).lower().startswith("between") or _RANGE_REST.match(after)):
        return True  # "aged between 15 and 17", not "split between 41 for sex trafficking and 17 for ..."
    if n.value < 100 and is_age_bound(text[max(0, n.start - 60):n.start], text[n.end:n.end + 40]):
        return True  # "81 people above the age of 18": the facts' own age-bound guard
    return bool(YEARS_OLD_AFTER.match(after)) and n.value <= 120


def _closes_range(n: Num, prev: Num, text: str) -> bool:
    """The second end of a range whose first end was an age or a code: '15 and 17', '15-17'."""
    return bool(RANGE_JOIN.match(text[prev.end:n.start])) and n.value <= 120


def _is_under_over(n: Num, text: str) -> bool:
    """'under 15', 'over 18' (ages); 'June 12', '22 June' (dates); 'six months' (durations)."""
    before = text[max(0, n.start - 20):n.start]
    after = text[n.end:n.end + 20]
    if UNDER_OVER_BEFORE.search(before) and n.value <= 21 and not COUNT_NOUN_AFTER.match(after):
        return True
    if n.value <= 31 and (MONTH_BEFORE.search(before) or MONTH_AFTER.match(after)):
        return True
    return bool(DURATION_AFTER.match(after))


def _is_code(n: Num, text: str) -> bool:
    """Pieces of '2021-22', '2022/23', phone numbers and times."""
    return is_code_piece(text, n.start, n.end)
