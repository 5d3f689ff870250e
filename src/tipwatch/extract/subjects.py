"""Counted nouns written before a number instead of after it.

"Arrests for human trafficking reached 1,431 in 2022", "Referrals flagged as involving county
lines totalled 2,281", "the number of victims trafficked for forced labour, 3,990, came close
to the number exploited sexually, 4,014": the noun that the number counts is the subject of
a reaching verb, or the noun of "the number of ...", of which the number is an apposition.
The subject of a change verb or a copula counts both levels of a comparison ("Trafficking
investigations increased from 120 in 2022 to 150", "Trafficking prosecutions were 45 in 2023,
against 30 in 2022"), as do the noun compared ("More victims were identified in 2023 (81) than
in 2021 (64)") and a label before a colon ("Trafficking cases, 2023: 260"); a share or a rate
that changes counts nothing.
"""

from __future__ import annotations

import re

from tipwatch.extract.indicators import IndicatorRules, Noun

_REACHED = re.compile(
    r"\b(?P<noun>[A-Za-z]+)(?:\s+(?:for|of|in|on|related to|linked to|involving|flagged as|recorded|registered|"
    r"reported|(?P<verb>[a-z]+ed|who|that|sent|held|taken|given|brought|found|freed))\b[^,;.]{0,70}?)?\s+(?:alone\s+)?(?:totall?ed|totall?ing|numbered|stood at|reached|came to|amounted to|"
    r"rose to|fell to|climbed to|dropped to|increased to|decreased to|hit)\s+(?:about\s+|around\s+|nearly\s+|some\s+|"
    r"more than\s+|over\s+|almost\s+|just\s+|at least\s+)?\Z", re.IGNORECASE)
_CHANGED_FROM = re.compile(
    r"\bthe\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:(?:more\s+than|nearly|almost)\s+)?"
    r"(?:(?:has|have|had)\s+(?:increased|decreased|risen|fallen|dropped|declined|climbed|grown|jumped|doubled|shot\s+up|soared)\s+|"
    r"rose|fell|increased|decreased|dropped|climbed|grew|jumped|declined|went up|went down|doubled|tripled|halved|"
    r"shot\s+up|soared|surged|spiked|plunged|plummeted|slumped|leapt|leaped|rocketed)\s+"
    r"(?:from\s+(?:[\d,.]+|[a-z]+)(?:\s+in\s+(?:\d{4}|the\s+previous\s+year))?\s+"
    r"|(?:by\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+)?[\d,.]+\s*(?:%|per\s*cent|percent)?\s+"
    r"(?:(?:compared\s+(?:with|to)|over|on)\s+(?:the\s+)?(?:previous|last|prior)\s+year\s+|year[\s-]on[\s-]year\s+)?)?"
    r"(?:from|to)\s+\Z",
    re.IGNORECASE)
_NUMBER_OF = re.compile(r"\bthe\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\b", re.IGNORECASE)
_NUMBER_WAS = re.compile(  # "The number of persons arrested in 2016 was 4,233", "puts the number of cases ... at 1,006"
    r"\bthe\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\b[^;:.()]{0,80}?\s+"
    r"(?:was|is|stood\s+at|at)\s+(?:about\s+|around\s+|nearly\s+|some\s+|more than\s+|over\s+|almost\s+|at least\s+)?\Z",
    re.IGNORECASE)
_NUMBER_OF_END = re.compile(r"\bthe\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)
_PUTS = re.compile(r"\b(?:puts?|placed?|places|putting)\s+the\s+(?:total\s+)?number\b", re.IGNORECASE)
_MOVED_TO = re.compile(  # "Investigations into the exploitation of minors climbed again, to 186"
    r"\W*(?:the\s+(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}?)?(?P<noun>[A-Za-z]+)\b[^;:.]{0,120}?\b(?:rose|fell|"
    r"increased|decreased|dropped|climbed|grew|jumped|declined)\b[^;:.]{0,60}?,\s*to\s+\Z", re.IGNORECASE)
_CHANGE_VERB = (r"(?:increased|decreased|rose|fell|dropped|declined|climbed|grew|jumped|surged|slipped|plunged|shot\s+up|soared|"
                r"doubled|tripled|went\s+up|went\s+down|(?:has|have|had)\s+(?:increased|decreased|risen|fallen|dropped|"
                r"declined|climbed|grown|jumped|doubled))")
_CHANGE_NOUN = r"(?:drop|fall|decline|decrease|increase|rise|jump|reduction|dip|surge)"
#: "In 2023, ", "Last year, ": a time adverbial before the subject
_FRAME = (r"\W*(?:(?:In|During|Last|This|Over)\s+(?:[\w-]+\s+){0,3}?(?:\d{4}|year|period)\s*,\s*)?"
          r"(?:(?:Currently|Meanwhile|Overall|Similarly|Likewise|However|Moreover|Additionally|In\s+addition|Nationally)\s*,\s*)?")
_WORD = r"(?:[A-Za-z][\w'’-]*|\d{4}|(?:(?<=under\s)|(?<=over\s)|(?<=aged\s)|(?<=below\s)|(?<=above\s))\d{1,2})"
#: up to eight words with no punctuation (a number only as a year or an age bound: "aged under 18"), then a
#: space or an aside (", however, ", ", meanwhile, ") before the verb
_SUBJECT = (r"(?P<subject>(?:" + _WORD + r"\s+){0,7}?" + _WORD + r")(?:\s*,\s*(?:however|meanwhile|though|too|also|"
            r"in\s+turn|by\s+contrast|in\s+contrast|on\s+the\s+other\s+hand|for\s+their\s+part|in\s+comparison)"
            r"\s*,\s*|\s+)")
_LEVEL_LEAD = r"(?:about\s+|around\s+|nearly\s+|some\s+|more than\s+|over\s+|almost\s+|just\s+)?"
#: "Trafficking investigations increased from 120 in 2022 to 150", "Identified victims fell 12% to 88 from
#: 100", "Trafficking cases showed a drop from 45 to": the subject of a change verb is what both levels count
_SUBJECT_CHANGE = re.compile(
    _FRAME + _SUBJECT + r"(?:" + _CHANGE_VERB + r"|(?:showed|saw|recorded|registered|posted|marked)\s+an?\s+"
    r"(?:[a-z]+\s+)?" + _CHANGE_NOUN + r")\b(?:(?:[^;:.()]|\(\d{4}\)){0,60}?\s)?"
    r"(?:from|to)\s+" + _LEVEL_LEAD + "$",
    re.IGNORECASE)
#: "Trafficking prosecutions were 45 in 2023, against 30 in 2022": a subject and a copula
_SUBJECT_WAS = re.compile(_FRAME + _SUBJECT + r"(?:were|was|numbered|totall?ed|stood\s+at)\s+" + _LEVEL_LEAD + "$",
                          re.IGNORECASE)
#: "More victims were identified in 2023 (81) than in 2021 (64)", "Police identified more victims in 2023 (81)
#: than ...": the figures in brackets count the noun compared
_COMPARED_PAREN = re.compile(
    r"\b(?:More|Fewer)\s+(?!than\b)(?P<subject>(?:[A-Za-z][\w'’-]*\s+){1,4})[^;:()]{0,80}?\bin\s+\d{4}\s*\(\s*"
    r"(?:[^;:()]{0,40}?\bin\s+\d{4}\s*\(\s*)?\Z", re.IGNORECASE)
#: "The share of child victims rose from 20 to 30 percent", "the conviction rate fell to 12": not a count
_RATE = re.compile(r"\b(?:share|proportion|percentage|rate|ratio|average|median)\b", re.IGNORECASE)
#: "Trafficking cases in 2023: 260 (2022: 210)", "Victims identified: 2022, 98": a label and a colon at the head
#: of the clause
_LABEL = re.compile(r"\W*(?P<label>(?:[A-Za-z][\w-]*,?\s+){0,7}?[A-Za-z][\w-]*)"
                    r"(?:,?\s+(?:(?:in|during|for)\s+)?(?:19|20)\d\d)?\s*:\s*(?:(?:19|20)\d\d\s*[,:]\s*)?\Z")
_NOUN_PAREN = re.compile(r"\b(?P<noun>[A-Za-z]+)\s*\(\s*\Z")  # "opened the most investigations (143)"
#: "73 trafficking cases (33 sex trafficking, 39 labour trafficking and one ...)": the later items of the list
#: "Cuyahoga County reported the most investigations, 41, followed by ...": a ranking's count after its noun
_MOST_NOUN = re.compile(r"\bthe\s+(?:most|highest\s+number\s+of|largest\s+number\s+of|greatest\s+number\s+of)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\s*(?:,|:|\(|\s-|[–—])\s*\Z", re.IGNORECASE)
_NOUN_PAREN_LIST = re.compile(r"\b(?P<noun>[A-Za-z]+)\s*\(\s*\d[^()]{0,100}?(?:,|;|\band)\s*\Z")
_APPOSITION = re.compile(r"\bthe\s+(?:total\s+)?number\b[^,;]{0,90},\s*\Z", re.IGNORECASE)


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
    hit = _counted(rules, changed.group(0), counts_first=True) if changed else None
    if changed and hit:
        words = re.findall(r"[\w'’-]+", changed.group(0).lower())
        head = words.index(hit[0].lower()) if hit[0].lower() in words else 0
        # "the number of child victims rose to 57": the words between "of" and the noun describe them
        mods = tuple(words[words.index("of") + 1:head]) if "of" in words[:head] else ()
        return Noun("noun", hit[1][0], hit[0], f"{hit[1][1]}.before", pos, modifiers=mods)
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
    subject = (_SUBJECT_CHANGE.match(text, start, pos) or _SUBJECT_WAS.match(text, start, pos)
               or _COMPARED_PAREN.search(text, start, pos))
    if subject and _RATE.search(subject.group("subject")):
        return Noun("noncount", end=pos)
    hit = _counted(rules, subject.group("subject"), counts_first=True) if subject else None
    if subject and hit and (hit[1][0] != "person" or subject.re is _COMPARED_PAREN
                            or _acts_on_people(rules, text, subject.start("subject"), subject.end("subject"))):
        words = re.findall(r"[\w'’-]+", subject.group("subject").lower())
        mods = tuple(words[:words.index(hit[0].lower())]) if hit[0].lower() in words else ()
        return Noun("noun", hit[1][0], hit[0], f"{hit[1][1]}.subject", pos, modifiers=mods)  # "Child victims"
    label = _LABEL.match(text, start, pos)
    hit = _counted(rules, label.group("label")) if label and not _RATE.search(label.group("label")) else None
    if hit and hit[1][0] != "person":
        return Noun("noun", hit[1][0], hit[0], f"{hit[1][1]}.label", pos)
    paren = _NOUN_PAREN.search(before) or _NOUN_PAREN_LIST.search(before) or _MOST_NOUN.search(before)
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


#: "the number of identified victims was as follows: 2021: 45; 2022: 61; 2023: 78": a year and a colon before a count
#: ... or a spaced dash ("Victims identified: 2023 - 187 (+11%), 2022 - 168")
_YEAR_SEP = r"(?:\s*:|\s+[-–—]|\s*[–—](?=\s))"
_YEAR_COLON = re.compile(r"(?:^|[\s;,(])(?:19|20)\d\d" + _YEAR_SEP + r"\s*\Z")
_TABLE_HEAD = re.compile(r"[^;:]*?(?=\s*(?:[:;,(]\s*)?(?:in\s+)?(?:19|20)\d\d" + _YEAR_SEP + ")")


def table_noun(rules: IndicatorRules, text: str, sent_start: int, pos: int) -> Noun | None:
    """The noun of a year-by-year table flattened into prose ("The number of victims identified was:
    2021: 45; 2022: 61"): the noun its head names, for each count after a year and a colon."""
    if not _YEAR_COLON.search(text, max(sent_start, pos - 12), pos):
        return None
    head = _TABLE_HEAD.match(text, sent_start, pos)
    if head is None:
        return None
    of = list(_NUMBER_OF.finditer(head.group(0)))
    hit = _counted(rules, head.group(0)[of[0].start():]) if of else _counted(rules, head.group(0), counts_first=True)
    if hit is None or hit[1][0] == "person" and not of:
        return None
    return Noun("noun", hit[1][0], hit[0], f"{hit[1][1]}.table", pos)


def _acts_on_people(rules: IndicatorRules, text: str, start: int, end: int) -> bool:
    """'People rescued from trafficking rose from 41 to 60': a subject of mere people counts them when
    it says what was done to them."""
    mapping = rules.roles.get("person", {}).get("actions") or {}
    return any(mapping.get(a.action) for a in rules.actions_in(text, start, end))


def _reached(rules: IndicatorRules, before: str) -> re.Match[str] | None:
    """The leftmost subject of a reaching verb whose head is a counted noun ("The number of
    registered victims of trafficking ... rose to": victims, not "of")."""
    pos = 0
    while (m := _REACHED.search(before, pos)) is not None:
        if (m.group("noun").lower(),) in rules.nouns:
            return m
        pos = m.start() + 1
    return None


def _counted(rules: IndicatorRules, phrase: str, *, counts_first: bool = False
             ) -> tuple[str, tuple[str, str]] | None:
    """The first counted noun among the first words of a subject ("the number of human trafficking
    investigations ...": investigations); with ``counts_first``, a noun that is not mere people
    before one that is ("Child victims": victims, not child)."""
    words = re.findall(r"[A-Za-z]+", phrase)
    low = [w.lower() for w in words]
    # "Police said the number of victims ...", "Last year the number of cases ...": the count's noun follows
    # ("The total number of identified victims in 2023 was": victims)
    skip = next((i + 2 for i in range(1, len(low) - 1) if low[i:i + 2] == ["number", "of"]
                 and low[i - 1] in ("the", "total")), 0)
    skip += 1 if words[skip:skip + 1] == ["total"] else 0
    hits = [(word, found) for word in words[skip:skip + 4] if (found := rules.nouns.get((word.lower(),)))]
    if counts_first:
        hits.sort(key=lambda hit: hit[1][0] == "person")
    return hits[0] if hits else None
