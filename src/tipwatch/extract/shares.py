"""Percentage shares of a total: "Children made up 38 percent of the victims",
"64 percent of them were minors", "Romanians made up 22 percent ..., Colombians 18 percent".

A share is a fact with ``unit: percent`` whose indicator is the total's. Changes stated
in percent ("an increase of 19 percent", "12 percent higher") are claims, not shares,
and are left out before this module is asked.
"""

from __future__ import annotations

import re

_PERCENT = re.compile(r"\s*(?:percent|per cent|%)", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"\s*(?:percent|per cent|%)\s+(?:higher|lower|more|fewer|less|rise|drop|fall|increase|decrease|decline|jump|up|down|growth|dip|reduction|gain|year-on-year|annual)\b", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"\b(?:an?|by|(?<!made )(?<!make )(?<!makes )up|down|rise of|drop of|fall of)\s+(?:about\s+|nearly\s+|some\s+|almost\s+)?\Z", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s*(?:percent|per cent|%)\s*\)?\s+of\s+(?P<ref>(?:the\s+|all\s+|those\s+|these\s+|them\b|its\s+|their\s+)?(?:(?:[\w-]+\s+){0,3}?(?P<noun>victims|cases|referrals|suspects|arrests|convictions|complaints|them|those|total|people|persons|survivors)\b)?)", re.IGNORECASE)
_MADE_UP = re.compile(r"\b(?:made up|make up|makes up|accounted for|account for|accounts for|comprised|constituted|represented|formed)\s+(?:about\s+|around\s+|nearly\s+|some\s+|almost\s+|more than\s+|over\s+|a further\s+)?\Z", re.IGNORECASE)
_WERE_AFTER = re.compile(r"\s*(?:percent|per cent|%)\s+of\s+(?:them|those|the total|the victims)\s+(?:were|was|are)\s+(?P<cat>[\w\s-]{2,40}?)(?=[,.;]|\s+and\b|$)", re.IGNORECASE)
_SUBJECT = re.compile(r"(?:^|[,;:]\s*|\band\s+|\bwhile\s+)(?P<cat>[A-Za-z][\w\s'’-]{1,50}?)\s+(?:made up|make up|makes up|accounted for|account for|accounts for|comprised|constituted|represented|formed)\s+[^,;]*\Z", re.IGNORECASE)
_LIST_ITEM = re.compile(r"(?:,\s*|\band\s+)(?P<cat>[A-Za-z][\w\s'’-]{1,40}?)\s+(?:a further\s+|another\s+)?\Z", re.IGNORECASE)
_PAIR = re.compile(r"\b(?:women|men|girls|boys)\s+and\s+(?:women|men|girls|boys)\s*\Z", re.IGNORECASE)
_OR = re.compile(r",?\s*or\s+(?:about\s+|around\s+)?\Z", re.IGNORECASE)


#: "Among the victims exploited in France, 76% were victims of sexual exploitation": a share of the named group
_LEAD_GROUP = re.compile(r"^\s*(?:Among|Of)\s+(?:the|these|those|all)\s+[^,;]{2,60},\s*\Z", re.IGNORECASE)
_WERE_CAT = re.compile(r"\s*(?:percent|per cent|%)\s+(?:were|was|are|had\s+been)\s+(?P<cat>[\w\s-]{2,50}?)(?=[,.;]|\s+and\b|$)",
                       re.IGNORECASE)
#: "..., 15% of labour exploitation, 7% of forced criminality": the next items of such a list
_OF_CAT = re.compile(r"\s*(?:percent|per cent|%)\s+of\s+(?P<cat>[\w\s-]{2,40}?)(?=[,.;]|\s+and\b|$)", re.IGNORECASE)
#: "Victims were mostly women (82%) and adults (84%)": the group named before a bracketed share
_BRACKET_CAT = re.compile(r"\b(?:were|are|was|is)\s+(?:mostly|mainly|largely|predominantly|overwhelmingly|chiefly)\s+"
                          r"(?:[\w-]+\s*\(\s*\d[\d.,]*\s*(?:%|per\s?cent)\s*\)\s*(?:,|and)\s*)*(?P<cat>[\w-]+)\s*\(\s*\Z",
                          re.IGNORECASE)


#: "48 per cent were trafficked for sexual exploitation", "(48 per cent) were women", "... of identified victims
#: were foreign nationals": a share whose predicate names a group of people or a form of exploitation
_PREDICATE_CAT = re.compile(r"\s*(?:percent|per cent|%)\s*\)?(?:\s+of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?"
                            r"(?:victims|survivors|suspects|people|persons|them|those))?\s+(?:were|was|are|had\s+been|have\s+been)\s+"
                            r"(?P<cat>[\w\s-]{2,50}?(?:\s+and\s+(?:women|men|girls|boys|children|adults|minors)\b)?)"
                            r"(?=\s*[,.;()]|\s+(?:and|while|whereas)\b|$)", re.IGNORECASE)
#: "..., and 36 per cent men", "..., and 41% for sexual exploitation": a later item names its group after the unit
_CAT_AFTER = re.compile(r"\s*(?:percent|per cent|%)\s+(?!(?:and|or|of)\b)(?P<cat>(?:(?:for|in|to|into|as)\s+)?[A-Za-z\s-]{2,40}?)"
                        r"(?=[,.;)]|\s+(?:and|while|whereas)\b|$)", re.IGNORECASE)
_GROUP_WORDS = re.compile(r"\b(?:women|men|girls|boys|females?|males?|children|minors|adults|foreign\w*|nationals|citizens|"
                          r"exploit\w*|labou?r|sex\w*|traffick\w*|forced|begging|servitude|marriage|organs?|domestic|"
                          r"criminal\w*|slavery)\b|\b(?-i:[A-Z][a-z]+)\b", re.IGNORECASE)


def _group_cat(match: re.Match[str] | None) -> str | None:
    """The words naming a group of people or a form of exploitation, else None."""
    if match is None:
        return None
    cat = match.group("cat").strip()
    return cat if _GROUP_WORDS.search(cat) and not _CHANGE_WORDS.search(cat) else None


_CHANGE_WORDS = re.compile(r"\b(?:higher|lower|more|fewer|less|increase\w*|decrease\w*|up|down|satisfied|aware|unaware)\b",
                           re.IGNORECASE)


def is_percent(text: str, end: int) -> bool:
    return bool(_PERCENT.match(text, end, end + 12))


def is_change(text: str, start: int, end: int) -> bool:
    return bool(_CHANGE_AFTER.match(text, end, end + 40) or _CHANGE_BEFORE.search(text, max(0, start - 20), start))


#: "with women at 60%", "Moldovans were the largest group at 41%": a group and its share after "at"
_AT_SHARE = re.compile(r"(?P<cat>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,5}?)\s+at\s+(?:about\s+|around\s+|nearly\s+|some\s+|"
                       r"almost\s+|just\s+(?:over|under)\s+)?\Z")
#: "two thirds (64%) of the victims", "a quarter of the victims (25%)", "half of them (48%)": a fraction restated
_FRACTION_BRACKET = re.compile(r"\b(?:half|thirds?|quarters?|fifths?|tenths?|majority|minority)\b[^().;:\d]{0,50}\(\s*\Z",
                               re.IGNORECASE)
#: "rose by a third (33%)": a change, not a share
_FRACTION_CHANGE = re.compile(r"\b(?:by|of|(?<!made )(?<!make )(?<!makes )up|down|rise|increase|decrease|drop|fall|fell|rose|grew|jump)\s+(?:about\s+|nearly\s+|"
                              r"almost\s+|more\s+than\s+|over\s+)?(?:a|one|two)?\s*\Z", re.IGNORECASE)
#: "; girls 35%, boys 12%": a group word right before a share at the head of a clause
_GROUP_FIRST = re.compile(r"(?:^|[;:]\s*|,\s*|\band\s+)(?P<cat>(?:women|men|girls|boys|children|minors|adults|females?|males?|"
                          r"foreigners|nationals|citizens|(?-i:[A-Z][a-z]+(?:ns|ese|is|s))))\s+\Z", re.IGNORECASE)


def share_category(text: str, sent_start: int, start: int, end: int, previous_share: bool) -> tuple[bool, str | None]:
    """(is a share, the words naming the group) for a percentage at ``text[start:end]``."""
    before = text[sent_start:start]
    extra = _listed_share(before, previous_share)
    if extra is not None:
        return True, extra or None
    were = _WERE_AFTER.match(text, end, end + 80)
    if were:
        return True, were.group("cat")
    if _MADE_UP.search(before):
        subject = _SUBJECT.search(before)
        return True, subject.group("cat") if subject else None
    if _OR.search(before):
        return True, None
    lead = _LEAD_GROUP.match(before)
    if lead:
        group = _WERE_CAT.match(text, end, end + 80)
        if group:
            return True, group.group("cat")
    bracket = _BRACKET_CAT.search(before[-120:])
    unit = _PERCENT.match(text, end)
    if bracket and unit and text.startswith(")", unit.end()):
        return True, bracket.group("cat")
    predicate = _group_cat(_PREDICATE_CAT.match(text, end, end + 120))
    if predicate:
        return True, predicate
    of = _OF_AFTER.match(text, end, end + 60)
    if of and of.group("noun"):
        return True, None
    if previous_share:
        listed = _OF_CAT.match(text, end, end + 60)
        if listed and not (of and of.group("noun")):
            return True, listed.group("cat")
        items = list(_LIST_ITEM.finditer(before[-60:]))
        if items:
            cat = items[-1].group("cat")
            if _COMPARED_LEAD.search(cat):
                return True, None  # "..., up from 6 percent in 2018": an earlier level of the same group
            pair = _PAIR.search(cat)  # "and women and girls 21%": one group of two words
            return True, pair.group(0) if pair else re.split(r",|\band\b", cat)[-1]
        after = _group_cat(_CAT_AFTER.match(text, end, end + 60))
        if after:
            return True, after
    return False, None


def _listed_share(before: str, previous_share: bool) -> str | None:
    """The group of a share written "X at N%", "a fraction (N%)" or "; X N%" ("" when no group is named),
    None when the share is of none of these forms."""
    at = _AT_SHARE.search(before[-80:])
    if at is not None:
        cat = _group_cat_text(at.group("cat"))
        if cat is not None:
            return cat.split(" with ")[-1]
    tail = before[-80:]
    fraction = _FRACTION_BRACKET.search(tail)
    if fraction and not _FRACTION_CHANGE.search(tail, 0, fraction.start()):
        subject = _SUBJECT.search(before)
        return subject.group("cat") if subject else ""
    first = None if previous_share else _GROUP_FIRST.search(before[-40:])  # later items: the list's own reading
    if first is not None and _PEOPLE_GROUP.search(first.group("cat")):
        return first.group("cat")
    return None


#: the people a share "at" may name: not any capitalised word ("Inflation stood at 12%")
_PEOPLE_GROUP = re.compile(r"\b(?:women|men|girls|boys|females?|males?|children|minors|adults|foreign\w*|nationals|citizens|"
                           r"group|victims|survivors)\b|\b(?-i:[A-Z][a-z]+(?:ans|ese|is|ers))\b", re.IGNORECASE)


def _group_cat_text(cat: str) -> str | None:
    words = re.findall(r"[A-Za-z'’-]+", cat)
    tail = " ".join(words[-3:])
    return tail if _PEOPLE_GROUP.search(tail) and not _CHANGE_WORDS.search(tail) else None


_COMPARED_LEAD = re.compile(r"(?:^|\s)(?:up|down|rising|falling)\s+from$|\b(?:compared\s+(?:with|to)|against|versus|from)\Z",
                            re.IGNORECASE)


#: "of the victims who were rescued, 65.5 percent were ...": the people a sentence's shares are taken of
_LEAD_NOUN = re.compile(r"\b(?:of|among)\s+(?:the|these|those|all)\s+(?:[\w-]+\s+){0,2}?(?P<noun>victims|survivors|suspects|"
                        r"defendants|offenders|traffickers)\b[^;:]{0,240}\Z", re.IGNORECASE)


def lead_noun(text: str, start: int, end: int) -> str | None:
    """The people noun a share's sentence leads with before ``end`` ("Of the victims rescued, ..."), else None."""
    lead = _LEAD_NOUN.search(text, start, end)
    return lead.group("noun").lower() if lead else None


def referent_noun(text: str, end: int) -> str | None:
    of = _OF_AFTER.match(text, end, end + 60)
    if of and of.group("noun") and of.group("noun").lower() not in ("them", "those", "total"):
        return of.group("noun").lower()
    return None
