"""Numbers: digits, number words, scale words and currencies.

One compiled regex finds every number mention in a text (``NumberParser.finditer``);
``parse_number`` turns a mention's words into a value. The vocabulary comes from
``rules/numbers.yaml``; the patterns use possessive quantifiers so that long runs of
digits, commas and spaces are scanned in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tipwatch.extract.folding import Folded, lowered

Number = int | float

#: Indian grouping ("5,00,000", "1,20,50,000"), then Western/European thousands groups
#: ("1,009", "2.549", "12.877.721,82"), then plain digits with an optional decimal part.
_INDIAN = r"\d{1,2}+(?:,\d\d(?=,)){1,5}+,\d{3}+(?![,.]?\d)"
_DIGITS = rf"{_INDIAN}|\d{{1,3}}+(?:[,.]\d{{3}}+)++(?:[.,]\d++)?+(?![,.]?\d)|\d++(?:\.\d++)?+"
_INDIAN_RX = re.compile(_INDIAN)
_YEAR_LIKE = re.compile(r"(1[89]|20)\d\d")
_WORD_SPLIT = re.compile(r"[\s,-]+")
#: scale words that may be followed by a comma inside one number's words
#: ("one thousand, two hundred and forty-seven")
_COMMA_AFTER = ("thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores")


@dataclass(frozen=True)
class NumberMention:
    """One number in a text: where it stands, its words and its value."""

    start: int
    end: int
    surface: str
    value: Number
    currency: str | None = None
    is_word: bool = False
    is_year_like: bool = False


def _alt(words: list[str], *, escape: bool = True) -> str:
    """A non-empty alternation, longest words first (so "sixty" beats "six")."""
    if not words:
        raise ValueError("empty word list for a number pattern")
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


def _as_number(value: float) -> Number:
    return int(value) if float(value).is_integer() else round(value, 6)


class NumberParser:
    """Compiled from the ``numbers`` rules; finds and parses number mentions."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.words: dict[str, int] = {**data["units"], **data["tens"]}
        self.scales: dict[str, float] = {k.lower(): float(v) for k, v in data["scales"].items()}
        self.abbreviations: dict[str, float] = {k.lower(): float(v) for k, v in data["abbreviations"].items()}
        self.articles = frozenset(w.lower() for w in data.get("articles", []))
        self.article_nouns = [w.lower() for w in data.get("article_nouns", [])]
        self.article_verbs = [w.lower() for w in data.get("article_verbs", [])]
        self.symbols: dict[str, str] = {}
        self.currency_words: dict[str, str] = {}
        for cur in data.get("currencies", []):
            for sym in cur.get("symbols", []):
                self.symbols[sym] = cur["code"]
            for word in cur.get("words", []):
                self.currency_words[word.lower()] = cur["code"]
        self.pattern = self._compile()
        self.currency_after = re.compile(
            rf"\s*(?:{_alt(list(self.currency_words))})(?![\w])", re.IGNORECASE) if self.currency_words else None
        self.article_rx = self._compile_articles()
        self._memo: tuple[str, tuple[NumberMention, ...]] = ("", ())

    def _compile(self) -> re.Pattern[str]:
        word_alt = _alt(list(self.words))
        scale_alt = _alt([s for s in self.scales if s != "dozen"])
        abbr_alt = _alt(list(self.abbreviations)) + "|K"
        sym_alt = _alt([s for s in self.symbols if not s.isalpha() or len(s) > 1])
        comma = "|".join(f"(?<={w})" for w in _COMMA_AFTER)
        words = (
            rf"(?P<words>(?:{word_alt})(?:(?:\s+and\s+|\s+|-|(?:{comma}),\s+)(?:{word_alt}|{scale_alt}))*+)"
            rf"(?![\w-])"
        )
        # "13 mil 378" (Spanish/Portuguese thousands written as a word between digit groups)
        mil = r"(?P<milk>\d{1,3}+)\s+mil\s+(?P<milr>\d{3}+)(?![\w]|[,.]\d)"
        digits = (
            rf"(?:(?P<sym>{sym_alt})\s?)?+(?P<digits>{_DIGITS})"
            rf"(?:(?P<abbr>{abbr_alt})(?![\w])|\s?(?P<scale>{scale_alt})\b)?"
            rf"(?![\w])"
        )
        # Finding runs two scans (see ``_scan``): the number words over the lower-cased text
        # without IGNORECASE, and the digits behind a one-character lookahead that lets the
        # matcher skip letters without trying every currency symbol.
        first = "".join(sorted({re.escape(s[0]) for s in self.symbols if not s.isalpha() or len(s) > 1}))
        self.words_rx = re.compile(words)  # for lower-cased text
        self.words_any = re.compile(words, re.IGNORECASE)
        self.digits_rx = re.compile(rf"(?=[\d{first}])(?:{mil}|{digits})")
        return re.compile(rf"(?i:{words})|{mil}|{digits}")

    def _compile_articles(self) -> Folded | None:
        """'rescued a girl', 'a man was arrested': the article counts one person."""
        if not (self.article_nouns and self.article_verbs and self.articles):
            return None
        nouns, verbs = _alt(self.article_nouns), _alt(self.article_verbs)
        art = _alt([a for a in self.articles if a != "one"])
        mods = r"(?:[\w'’]+(?:-[\w'’]+)*\s+){0,2}?"
        return Folded(
            rf"\b(?:{verbs})\s+(?P<obj>{art})\s+{mods}(?:{nouns})\b"
            rf"|(?<![\w,])(?P<subj>{art})\s+{mods}(?:{nouns})\s+(?:was|has been|had been|is|got)\s+"
            rf"(?:\w+\s+)?(?:{verbs})\b"
        )

    def article_mentions(self, text: str, start: int, end: int, low: str | None = None) -> list[NumberMention]:
        """Articles that count one person in ``text[start:end]`` ("police rescued a girl")."""
        if self.article_rx is None:
            return []
        rx, subject = self.article_rx.pick(text, low)
        out = []
        for m in rx.finditer(subject, start, end):
            grp = "obj" if m.group("obj") else "subj"
            out.append(NumberMention(m.start(grp), m.end(grp), text[m.start(grp):m.end(grp)], 1, is_word=True))
        return out

    # -- finding ---------------------------------------------------------------------------
    def finditer(self, text: str, start: int = 0, end: int | None = None,
                 low: str | None = None) -> Iterator[NumberMention]:
        """Every number mention in ``text[start:end]`` in text order, counting articles included.

        ``low`` is the document's lower-cased copy (``folding.lowered``) when the caller has it.
        """
        end = len(text) if end is None else end
        whole = start == 0 and end == len(text)
        if whole and self._memo[0] is text:  # facts and claims both read the document in flight
            yield from self._memo[1]
            return
        if low is None or len(low) != len(text):
            low = lowered(text)
        found = self._without_glosses(text, list(self._finditer(text, start, end, low)))
        articles = self.article_mentions(text, start, end, low)
        if articles:
            found = sorted([*found, *articles], key=lambda n: n.start)
        if whole:
            self._memo = (text, tuple(found))
        yield from found

    def _scan(self, text: str, start: int, end: int, low: str | None) -> list[re.Match[str]]:
        """The matches ``self.pattern.finditer`` would give, from two cheaper scans merged."""
        words = list(self.words_rx.finditer(low, start, end) if low is not None
                     else self.words_any.finditer(text, start, end))
        digits = list(self.digits_rx.finditer(text, start, end))
        if not words:
            return digits
        if not digits:
            return words
        merged: list[re.Match[str]] = []
        last = -1
        for m in sorted(words + digits, key=lambda x: x.start()):
            if m.start() >= last:  # leftmost match first, as one alternation would take it
                merged.append(m)
                last = m.end()
        return merged

    def _finditer(self, text: str, start: int, end: int, low: str | None = None) -> Iterator[NumberMention]:
        for m in self._scan(text, start, end, low):
            s = m.start()
            if s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_"):
                continue  # inside a word or code ("G20", "COVID-19" is handled by the hyphen check)
            if m.re is self.digits_rx and m.group("digits") and s > 1 and text[s - 1] == "-" and text[s - 2].isalpha():
                continue
            mention = self._mention(text, m)
            if mention is not None:
                yield mention

    def _mention(self, text: str, m: re.Match[str]) -> NumberMention | None:
        g = m.groupdict()  # the word scan's matches have only "words"; the digit scan's lack it
        start, end = m.span()
        surface = text[start:end]  # word matches may come from the lower-cased copy
        if g.get("words"):
            value = self.parse_words(g["words"])
            if value is None:
                return None
            return NumberMention(start, end, surface, value, is_word=True)
        if g.get("milk"):
            return NumberMention(start, end, surface, int(g["milk"]) * 1000 + int(g["milr"]))
        digits, sym, abbr, scale = g["digits"], g["sym"], g["abbr"], g["scale"]
        value = self.parse_digits(digits, scaled=bool(scale or abbr))
        if value is None:
            return None
        mult = 1.0
        if abbr and not sym and len(abbr) == 1 and abbr not in "kK":
            return None  # "6.8m" is a length: only "$3m" is a scaled amount ("1.2k" is a count)
        if scale:
            mult = self.scales[scale.lower()]
        elif abbr:
            mult = self.abbreviations[abbr.lower()]
        currency = (self.symbols.get(sym) or self.symbols.get(sym.upper())) if sym else None
        if currency is None and self.currency_after is not None:
            word = self.currency_after.match(text, end, end + 30)
            if word:  # "50,000 pesos": the currency written after the amount
                currency = self.currency_words.get(word.group(0).strip().lower())
        year_like = mult == 1.0 and not sym and _YEAR_LIKE.fullmatch(digits) is not None
        return NumberMention(start, end, surface, _as_number(value * mult),
                             currency=currency, is_year_like=year_like)

    def gloss_end(self, text: str, m: NumberMention) -> int | None:
        """Where a bracket restating ``m`` ends ("Thirty-four (34)", "12 (twelve)"), else None: the
        noun of the number is read after it."""
        g = _GLOSS.match(text, m.end)
        return g.end() if g is not None and self.parse(g.group("n")) == m.value else None

    def _without_glosses(self, text: str, found: list[NumberMention]) -> list[NumberMention]:
        """``found`` without the bracketed restatements of a number: one figure, written twice. The first
        writing stays."""
        out: list[NumberMention] = []
        for m in found:
            prev = out[-1] if out else None
            end = self.gloss_end(text, prev) if prev is not None and prev.value == m.value else None
            if end is not None and m.end <= end:
                continue
            out.append(m)
        return out

    # -- parsing ---------------------------------------------------------------------------
    def parse_digits(self, s: str, *, scaled: bool = False) -> float | None:
        """'1,009' -> 1009; '2.549' -> 2549 (dot for thousands); '29.34' -> 29.34; '5,00,000' -> 500000."""
        if _INDIAN_RX.fullmatch(s):
            s = s.replace(",", "")
        elif "," in s and "." in s:
            dec = "." if s.rfind(".") > s.rfind(",") else ","
            grp = "," if dec == "." else "."
            s = s.replace(grp, "").replace(dec, ".")
        elif "," in s:
            groups = s.split(",")
            s = s.replace(",", "") if all(len(g) == 3 for g in groups[1:]) else s.replace(",", ".", 1)
        elif s.count(".") > 1 or "." in s and not scaled and len(s.split(".")[1]) == 3 and s.split(".")[0] != "0":
            s = s.replace(".", "")
        try:
            return float(s)
        except ValueError:
            return None

    def parse_words(self, s: str) -> Number | None:
        """'one thousand six hundred and seventy-nine' -> 1679."""
        total = 0.0
        current = 0.0
        seen = False
        for tok in _WORD_SPLIT.split(s.lower()):
            if not tok or tok == "and":
                continue
            if tok in self.words:
                current += self.words[tok]
                seen = True
            elif tok == "hundred":
                current = (current or 1) * 100
            elif tok in self.scales:
                scale = self.scales[tok]
                total += (current or 1) * scale
                current = 0
            else:
                return None
        if not seen and total == 0:
            return None
        return _as_number(total + current)

    def parse(self, text: str) -> Number | None:
        """The value of a number's words: '21 million', '$1.7bn', 'Twenty', 'an' (= 1)."""
        t = text.strip()
        if t.lower() in self.articles:
            return 1
        m = self.pattern.fullmatch(t)
        if m is None:
            return None
        mention = self._mention(t, m)
        return None if mention is None else mention.value


#: a bracket right after a number: "Thirty-four (34) cases", "12 (twelve) victims"
_GLOSS = re.compile(r"\s*\(\s*(?P<n>[^()\n]{1,40}?)\s*\)")


@lru_cache(maxsize=1)
def _default_parser() -> NumberParser:
    from tipwatch.extract.lexicon import bundled_data

    return NumberParser(bundled_data())


def parse_number(text: str) -> Number | None:
    """Public helper: the value of a number's words with the bundled vocabulary, else None.

    >>> parse_number("1,009"), parse_number("21 million"), parse_number("seventy-nine")
    (1009, 21000000, 79)
    """
    return _default_parser().parse(text)
