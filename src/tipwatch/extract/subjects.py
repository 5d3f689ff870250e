"""Counted nouns written before a number instead of after it.

"Arrests for human trafficking reached 1,431 in 2022", "Referrals flagged as involving county
lines totalled 2,281", "the number of victims trafficked for forced labour, 3,990, came close
to the number exploited sexually, 4,014": the noun that the number counts is the subject of
a reaching verb, or the noun of "the number of ...", of which the number is an apposition.
"""

from __future__ import annotations

import re

from tipwatch.extract.indicators import IndicatorRules, Noun

_REACHED = re.compile(
    r"\b(?P<noun>[A-Za-z]+)(?:\s+(?:for|of|in|on|related to|linked to|involving|flagged as|recorded|registered|"
    r"reported)\b[^,;.]{0,70}?)?\s+(?:alone\s+)?(?:totall?ed|totall?ing|numbered|stood at|reached|came to|amounted to|"
    r"rose to|fell to|climbed to|dropped to|increased to|decreased to|hit)\s+(?:about\s+|around\s+|nearly\s+|some\s+|"
    r"more than\s+|over\s+|almost\s+|just\s+|at least\s+)?$", re.IGNORECASE)
_CHANGED_FROM = re.compile(
    r"\bthe\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:rose|fell|increased|decreased|dropped|climbed|grew|jumped|declined|went up|went down)\s+(?:from|to)\s+$",
    re.IGNORECASE)
_NUMBER_OF = re.compile(r"\bthe\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\b", re.IGNORECASE)
_APPOSITION = re.compile(r"\bthe\s+(?:total\s+)?number\b[^,;]{0,90},\s*$", re.IGNORECASE)


def noun_before(rules: IndicatorRules, text: str, start: int, pos: int) -> Noun | None:
    """The noun a number at ``text[pos:]`` counts when it is written before it (``start``:
    where its clause begins), else None."""
    before = text[max(start, pos - 160):pos]
    m = _REACHED.search(before) or _CHANGED_FROM.search(before)  # "the number of cases rose from 31"
    if m:
        found = rules.nouns.get((m.group("noun").lower(),))
        if found and found[0] != "person":  # "nationals alone numbered 301": the noun after decides
            return Noun("noun", found[0], m.group("noun"), f"{found[1]}.before", pos)
    if _APPOSITION.search(before):
        for of in reversed(list(_NUMBER_OF.finditer(text, start, pos))):
            found = rules.nouns.get((of.group("noun").lower(),))
            if found:
                return Noun("noun", found[0], of.group("noun"), f"{found[1]}.number_of", pos)
    return None
