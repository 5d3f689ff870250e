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
    r"reported|(?P<verb>[a-z]+ed|who|that|sent|held|taken|given|brought|found|freed))\b[^,;.]{0,70}?)?\s+(?:alone\s+)?(?:totall?ed|totall?ing|numbered|stood at|reached|came to|amounted to|"
    r"rose to|fell to|climbed to|dropped to|increased to|decreased to|hit)\s+(?:about\s+|around\s+|nearly\s+|some\s+|"
    r"more than\s+|over\s+|almost\s+|just\s+|at least\s+)?$", re.IGNORECASE)
_CHANGED_FROM = re.compile(
    r"\bthe\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:rose|fell|increased|decreased|dropped|climbed|grew|jumped|declined|went up|went down)\s+"
    r"(?:from\s+(?:[\d,.]+|[a-z]+)(?:\s+in\s+(?:\d{4}|the\s+previous\s+year))?\s+)?(?:from|to)\s+$",
    re.IGNORECASE)
_NUMBER_OF = re.compile(r"\bthe\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\b", re.IGNORECASE)
_NUMBER_WAS = re.compile(  # "The number of persons arrested in 2016 was 4,233", "puts the number of cases ... at 1,006"
    r"\bthe\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\b[^;:.()]{0,80}?\s+"
    r"(?:was|is|stood\s+at|at)\s+(?:about\s+|around\s+|nearly\s+|some\s+|more than\s+|over\s+|almost\s+|at least\s+)?$",
    re.IGNORECASE)
_NUMBER_OF_END = re.compile(r"\bthe\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_PUTS = re.compile(r"\b(?:puts?|placed?|places|putting)\s+the\s+(?:total\s+)?number\b", re.IGNORECASE)
_MOVED_TO = re.compile(  # "Investigations into the exploitation of minors climbed again, to 186"
    r"\W*(?:the\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}?)?(?P<noun>[A-Za-z]+)\b[^;:.]{0,120}?\b(?:rose|fell|"
    r"increased|decreased|dropped|climbed|grew|jumped|declined)\b[^;:.]{0,60}?,\s*to\s+$", re.IGNORECASE)
_NOUN_PAREN = re.compile(r"\b(?P<noun>[A-Za-z]+)\s*\(\s*$")  # "opened the most investigations (143)"
_APPOSITION = re.compile(r"\bthe\s+(?:total\s+)?number\b[^,;]{0,90},\s*$", re.IGNORECASE)


def noun_before(rules: IndicatorRules, text: str, start: int, pos: int) -> Noun | None:
    """The noun a number at ``text[pos:]`` counts when it is written before it (``start``:
    where its clause begins), else None."""
    before = text[max(start, pos - 160):pos]
    m = _reached(rules, before)
    if m:
        found = rules.nouns.get((m.group("noun").lower(),))
        # "nationals alone numbered 301": the noun after decides, unless the subject is "the number
        # of victims ... rose to 10,093", which can only count that noun
        # ... or a verb of its own says what happened to them ("People prosecuted for trafficking numbered 230")
        if found and (found[0] != "person" or m.group("verb") or _NUMBER_OF_END.search(before, 0, m.start("noun"))):
            return Noun("noun", found[0], m.group("noun"), f"{found[1]}.before", pos)
    changed = _CHANGED_FROM.search(before)  # "the number of cases rose from 31", "... from one to four"
    hit = _counted(rules, changed.group(0)) if changed else None
    if hit:
        return Noun("noun", hit[1][0], hit[0], f"{hit[1][1]}.before", pos)
    was = _NUMBER_WAS.search(before)
    at = was is not None and was.group(0).rstrip().lower().endswith(" at") and "stood" not in was.group(0).lower()
    if was and (not at or _PUTS.search(before)):
        hit = _counted(rules, was.group(0))
        if hit and not (at and hit[1][0] == "person"):  # "puts the number of people in slavery at": the total decides
            return Noun("noun", hit[1][0], hit[0], f"{hit[1][1]}.number_was", pos)
    moved = _MOVED_TO.match(text, start, pos)
    hit = _counted(rules, moved.group(0)) if moved else None
    if hit and hit[1][0] != "person":
        return Noun("noun", hit[1][0], hit[0], f"{hit[1][1]}.moved_to", pos)
    paren = _NOUN_PAREN.search(before)
    if paren:
        found = rules.nouns.get((paren.group("noun").lower(),))
        if found and found[0] != "person":  # "Dutch nationals formed the largest group (271)": the total decides
            return Noun("noun", found[0], paren.group("noun"), f"{found[1]}.paren", pos)
    if _APPOSITION.search(before):
        for of in reversed(list(_NUMBER_OF.finditer(text, start, pos))):
            found = rules.nouns.get((of.group("noun").lower(),))
            if found:
                return Noun("noun", found[0], of.group("noun"), f"{found[1]}.number_of", pos)
    return None


def _reached(rules: IndicatorRules, before: str) -> re.Match[str] | None:
    """The leftmost subject of a reaching verb whose head is a counted noun ("The number of
    registered victims of trafficking ... rose to": victims, not "of")."""
    pos = 0
    while (m := _REACHED.search(before, pos)) is not None:
        if (m.group("noun").lower(),) in rules.nouns:
            return m
        pos = m.start() + 1
    return None


def _counted(rules: IndicatorRules, phrase: str) -> tuple[str, tuple[str, str]] | None:
    """The first counted noun among the first words of a subject ("the number of human trafficking
    investigations ...": investigations)."""
    words = re.findall(r"[A-Za-z]+", phrase)
    skip = 3 if [w.lower() for w in words[:3]] == ["the", "number", "of"] else 0
    skip += 1 if words[skip:skip + 1] == ["total"] else 0
    for word in words[skip:skip + 4]:
        found = rules.nouns.get((word.lower(),))
        if found:
            return word, found
    return None
