"""From one number to a classified figure: what it counts, the indicator, its breakdowns.

``may_count`` drops numbers that count something else; ``classify`` reads the noun after
the number (or before it), the actions of its clause and the figure it is a part of, and
fills in crime, age, sex, nationality and location (SPEC sections 1, 2 and 4).
"""

from __future__ import annotations

import re

from tipwatch.extract import attributes as attrs
from tipwatch.extract import crime_scope, shares
from tipwatch.extract import figures as fg
from tipwatch.extract.context import DocContext, clause_at, noun_after
from tipwatch.extract.figures import Figure
from tipwatch.extract.indicators import Action, IndicatorRules, Noun
from tipwatch.extract.numbers import NumberMention
from tipwatch.extract.sentences import Sentence
from tipwatch.extract.subjects import noun_before, table_noun

_DOCUMENT_NOUNS = frozenset({"report", "reports"})
#: judgments and verdicts in a part of the cases may acquit: no count of people convicted
_RULINGS = re.compile(r"\b(?:judge?ments?|verdicts?|rulings?|decisions?)\b", re.IGNORECASE)
#: the rule id of a part of a count of cases counted by its outcome ("convictions followed in 41 of them")
CASE_OUTCOME = "ind.case_outcome"
_ESTIMATES_THAT = re.compile(r"\bestimate[sd]?\s+that\b", re.IGNORECASE)
_ESTIMATED_TO = re.compile(r"\b(?:is|are|were|was|be|been)\s+(?:\w+\s+)?(?:estimated|believed|thought)\s+to\b", re.IGNORECASE)


def may_count(ctx: DocContext, m: NumberMention, sent: Sentence) -> bool:
    """False for numbers that count something else ("eight nationalities"); years need a noun."""
    if fg.money_currency(ctx.text, m):
        return True
    noun = noun_after(ctx, m, sent)
    if m.is_year_like:  # "1,998 victims", "1,995 complaints" count; "its 2023 report", "the 2023 reports" name a year
        word = (noun.word or "").lower()
        return noun.kind == "noun" and not noun.category and word.endswith("s") and word not in _DOCUMENT_NOUNS
    if shares.is_percent(ctx.text, m.end):
        return not shares.is_change(ctx.text, m.start, m.end)
    if noun.kind == "unknown":
        return (noun_before(ctx.rules.indicators, ctx.text, sent.start, m.start) is not None or _verb_after(ctx, m)
                or _shared_list_noun(ctx, m, sent) is not None)
    return noun.kind != "noncount"


#: "31 domestic and 12 foreign victims", "14 adult and 9 child victims": words of the first number's own, then the
#: next number that the shared noun follows
_ADJ_LIST = re.compile(r"(?P<adj>(?:\s+[A-Za-z][\w-]*){1,2}?)\s*,?\s+(?:and|or)\s+(?:about\s+|some\s+|over\s+)?\d[\d,.]*(?!\d)")


def _shared_list_noun(ctx: DocContext, m: NumberMention, sent: Sentence) -> Noun | None:
    """The noun after the last of two numbers that share it, for the first number ("31 domestic and 12
    foreign victims"): counted nouns other than mere people, each number keeping its own adjectives."""
    rules = ctx.rules.indicators
    listed = _ADJ_LIST.match(ctx.text, m.end, sent.end)
    if listed is None:
        return None
    words = listed.group("adj").split()
    if any(w.lower() in rules.nouns or (w.lower(),) in rules.nouns or w.lower() in rules.noncount for w in words):
        return None
    last = rules.noun_after(ctx.text, listed.end(), sent.end)
    if last.kind != "noun" or last.role == "person" or last.end - listed.end() > 40:
        return None
    nationality = next((rules.demonyms[w.lower()] for w in words if w.lower() in rules.demonyms
                        and (w[0].isupper() or w.lower().startswith("foreign"))), None)
    return Noun("noun", last.role, last.word, last.rule, last.end, nationality, tuple(w.lower() for w in words))


def _verb_after(ctx: DocContext, m: NumberMention) -> bool:
    """'... and 6 face trafficking charges': a number followed by an action verb has no noun of its own."""
    return any(a.start - m.end <= 1 for a in ctx.rules.indicators.actions_in(ctx.text, m.end, m.end + 40, ctx.low))


def classify(ctx: DocContext, sent: Sentence, m: NumberMention, figs: list[Figure], slot_end: int
              ) -> Figure | None:
    text, rules = ctx.text, ctx.rules
    ind_rules = rules.indicators
    clause = clause_at(ctx, sent, m)
    before, after = text[max(0, m.start - 40):m.start], text[m.end:m.end + 20]
    qualifier, qrule = rules.attributes.qualifier(before, after)
    currency = fg.money_currency(text, m)
    if currency:
        return _money(ctx, sent, m, clause, currency, qualifier, qrule)
    if shares.is_percent(text, m.end):
        return _share(ctx, sent, m, figs, qualifier, qrule)
    noun = noun_after(ctx, m, sent)
    listed = _NUMBER_LIST.match(text, m.end, sent.end) if noun.kind == "elliptical" else None
    if listed and listed.group("w").endswith("ed") and listed.group("w").lower() not in ind_rules.modifiers:
        listed = None  # "28 and 12 received prison terms": a verb; "36 and 52 suspected victims": a modifier
    if listed:  # "12, 19 and 25 trafficking cases were investigated in 2021, 2022 and 2023 respectively"
        last_noun = ind_rules.noun_after(text, listed.end(), sent.end)
        if last_noun.kind == "noun" and last_noun.end - listed.end() < 40:
            noun = last_noun
    if noun.kind == "unknown":
        noun = _shared_list_noun(ctx, m, sent) or noun  # "31 domestic and 12 foreign victims"
    if noun.kind == "elliptical" and (_RANGE_TO_AMOUNT.match(text, m.end)
                                      or _RATIO_BEFORE.search(text, max(sent.start, m.start - 40), m.start)):
        return None  # "from 30 to 45 percent", "from 30 to 45 million", "a five-year average of 98": no count
    if noun.kind in ("elliptical", "unknown"):
        noun = noun_before(ind_rules, text, clause[0], m.start) or table_noun(ind_rules, text, sent.start, m.start) or noun
    if noun.kind == "unknown" and _verb_after(ctx, m):
        noun = Noun("elliptical", end=m.end)
    named = _NAMED_AS.match(text, m.end, sent.end) if noun.kind == "elliptical" else None
    rule_ids_named: list[str] = []
    if named:  # "three hundred and twelve were identified as victims of human trafficking"
        hit = ind_rules.nouns.get((named.group("noun").lower(),))
        if hit is not None:
            noun = Noun("noun", hit[0], named.group("noun"), hit[1], named.end())
    elif noun.kind == "noun" and noun.role == "person" and _NAMED_AS_LATER.match(text, noun.end, sent.end):
        # "2,300 migrants intercepted ... were identified as potential victims": victims, whatever the participle
        noun = Noun("noun", "victim", noun.word, noun.rule, noun.end, noun.nationality, noun.modifiers, noun.category)
        rule_ids_named.append("ind.victims.named_as")
    if noun.kind in ("noncount", "unknown"):
        return None
    head = _named_head(ctx, sent, fg.part_head(sent, text, figs, ctx.prev, m))
    if head is not None and noun.role == "person" and head.role not in _PEOPLE and head.sentence is not sent:
        head = _people_head(ctx, sent, m)  # "those rescued comprised 58 men": not the raids before them
    elif head is not None and noun.role == "person" and head.role not in _PEOPLE:
        # "rescued 984 victims in 110 operations, of which 925 were women": of the people, not the raids
        head = next((f for f in reversed(figs) if f.role in _PEOPLE and f.unit == "count"), head)
    inner = _bracket_after(text, figs, m) if noun.role == "person" else None
    if inner is not None:
        head = inner  # "32 are minors of age (24 nationals and eight foreigners)": of the 32, not of the total
    if head is not None and noun.kind == "noun" and head.sentence is sent and _verb_leads(ctx, head, m, noun):
        head = None  # "rescued 984 victims, of which 925 were women, and detained 118 persons": a new object
    base: Figure | None = None
    apposed: re.Match[str] | None = None
    pool: list[Action] = []
    rule_ids = [r for r in (qrule, noun.rule) if r] + rule_ids_named
    lead = _OF_WHICH.search(text, max(sent.start, m.start - 16), m.start)
    if noun.kind in ("elliptical", "noun") and lead and _ABOUT_TRAFFICKING.match(text, m.end, sent.end) and _calls_before(
            ctx, sent, lead.start()):  # "received 4,350 calls, of which 1,610 concerned possible trafficking"
        noun = Noun("noun", "complaint", "calls", "ind.complaints.calls", m.end)
        rule_ids.append("ind.complaints.calls")
    elif noun.kind == "elliptical" and not figs and (of_which := _OF_WHICH_AFTER.match(text, m.end, sent.end)) and \
            _ABOUT_TRAFFICKING.match(text, of_which.end(), sent.end) and (kind := _kind_before(ctx, sent, m.start)):
        noun = Noun("noun", kind, kind, f"ind.{kind}.part_about_trafficking", m.end)  # "..., 230 of which indicated trafficking"
        rule_ids.append(noun.rule or "")
    elif noun.kind == "elliptical" and not figs and lead and _COUNT_BEFORE.search(text, sent.start, lead.start()):
        return None  # "issued 2,103 decisions, of which 1,480 were positive": a part of a number that is no fact
    if _ANECDOTE.match(text, noun.end) and m.value == 1:
        return None  # "One survivor told this correspondent ...": a witness, not a count
    if noun.kind == "elliptical" and not figs and head is None and _COMPARED_BASE.search(
            text, max(sent.start, m.start - 30), m.start) and _DIGIT.search(text, sent.start, m.start):
        return None  # "received 980 complaints about employers, up from about 700": the base of a number no fact
    if noun.kind == "elliptical" or noun.category or (head is not None and noun.role == "person"):
        base = head or (figs[-1] if figs else (_origin_head(ctx, sent)
                                               or _previous_total(ctx, sent, reach=2 if noun.category else 1)))
        if base is not None and noun.role == "person" and base.role not in _PEOPLE:
            base = _people_head(ctx, sent, m) or base  # "of this figure, 32 are minors": of the victims, not the raids
        if (base is None or base.role is None) and noun.kind == "elliptical":
            return (_bare_participle(ctx, sent, m, noun, qualifier, rule_ids)  # "120 arrested, 300 rescued"
                    or _paren_group(ctx, sent, m, figs, qualifier, rule_ids, clause, slot_end))
        if base is None or base.role is None:
            return _lead_group(ctx, sent, m, noun, qualifier, rule_ids, clause, slot_end) if noun.category else None
        role = base.role
        apposed = _APPOSED_PART.match(text, m.end)
        if apposed:  # "27 Myanmar nationals, nine of them minors, from a trawler"
            slot_end = m.end
        actions = ind_rules.actions_in(text, max(base.mention.end, clause[0], m.start - 1), slot_end, ctx.low)
        if not (_IN_PART_LEAD.fullmatch(text, sent.start, m.start) and _OF_THEM_COMMA.match(text, m.end)):
            actions = _own_actions(ctx, actions, m.end, slot_end)  # (not "In 14 of them, charges were filed against 19")
        governing = _governing_verb(ctx, ind_rules, _PEOPLE_OF.get(role, role), max(base.mention.end, clause[0], m.start - 40),
                                    m)
        if governing:  # "Police identified a further 60 who did not enter shelters": the verb before the number
            actions = governing
        elif _including_participle(ctx, base, m, actions):
            actions = []  # "cared for 81 victims, including 52 rescued by police": a part of the 81, not a new count
        if noun.kind == "elliptical" and _COMPARED_BASE.search(text, max(sent.start, m.start - 30), m.start):
            actions = []  # "identified 1,204 victims, compared with 987 in 2022, and referred all of them": the base's
        of_total = _PART_OF_NUMBER.match(text, m.end, sent.end) if noun.kind == "elliptical" else None
        if of_total:  # "9 of the 18 have been sent to court": the predicate after the total is the part's
            actions = [a for a in ind_rules.actions_in(text, of_total.end(), clause_at(ctx, sent, m)[1], ctx.low)
                       if _PREDICATE.fullmatch(text, of_total.end(), a.start) or a.start == of_total.end() + 1]
        elif noun.kind == "elliptical" and _PARTITIVE_TOTAL.search(text, max(sent.start, m.start - 30), m.start) and any(
                f.mention.value == m.value and f.unit == "count" for f in [*ctx.figures[-20:], *figs]):
            return None  # ... and "the 18" is the total counted before, no new figure
        # "Of the 76 arrests, 9 face trafficking charges": a part of an event count counts its people
        indicator, action = ind_rules.indicator(_PEOPLE_OF.get(role, role), actions, m.start)
        group_ind, group_action = _of_those_acted(ctx, sent, m)
        if group_ind is not None:  # "318 of those caught were involved in ...": the people the participle names
            indicator, action, role = group_ind, group_action, "person"
        if action is None:  # "courts issued convictions against 48 of them": an action right before it
            leading = _leading_actions(ctx, max(base.mention.end, clause[0], m.start - 40), m, slot_end)
            indicator, action = ind_rules.indicator(role, leading, m.start)
        if indicator is None and action is not None and role == "case" and not _RULINGS.search(text, action.start, action.end):
            # "in 41 cases and secured convictions against 28 of them", "convictions followed in 12": the verb
            # that a part of the cases takes counts people
            person_ind, person_action = ind_rules.indicator("person", [action], m.start)
            if person_ind is not None:
                indicator, action, role = person_ind, person_action, "person"
                rule_ids.append(CASE_OUTCOME)  # still a part of the cases for the claims
        if action is None:
            indicator = base.indicator
    else:
        role = noun.role or "person"
        # the figure's own clause: not the next clause's verb ("dealt with 560 reports; proceedings were brought in 386")
        window_end = min(slot_end, max(clause[1], noun.end))
        actions = ind_rules.actions_in(text, clause[0], window_end, ctx.low)
        nxt = next((c for c in ctx.cands if c.start == slot_end), None)
        if nxt is not None and not actions and _APPOSED_PART.match(text, nxt.end):
            actions = ind_rules.actions_in(text, clause[0], clause[1], ctx.low)  # "85 people, 17 of them children, were freed"
        # a second, coordinated action may stand past the clause: "arrested 40 suspects and sent them to court"
        pool = ind_rules.actions_in(text, clause[0], _past_apposed_part(ctx, slot_end, clause[1]), ctx.low)
        main = _main_verb(ctx, sent, noun.end) if noun.kind == "noun" else []
        if not main and noun.kind == "noun" and _PARTITIVE_PART.match(text, m.end, noun.end):
            main = _partitive_predicate(ctx, sent, noun.end)  # "18 of the 25 suspects arrested ... have been charged"
        if main:  # "29 traffickers, including five women, were convicted": the predicate decides
            actions = pool = main
        elif noun.kind == "noun" and not any(a.start >= noun.end for a in actions):
            actions += _shared_verb(ctx, sent, noun.end, slot_end)
        if _PARTITIVE_TOTAL.search(text, max(sent.start, m.start - 30), m.start):
            # "referred 148 of the 150 identified victims": the verb is the part's; the total keeps its participle
            actions = pool = [a for a in actions if m.end <= a.start < noun.end or (
                0 <= a.start - noun.end <= 1 and not _COMPLEMENT.match(text, a.start))]  # not "(referred 18 of ...) to shelters"
        actions = _leading_over_participle(ctx, role, _kept_actions(ctx, ind_rules, role, actions, figs, m, noun, sent,
                                                                    slot_end), m, noun)
        pool = _kept_actions(ctx, ind_rules, role, pool, figs, m, noun, sent, slot_end)
        indicator, action = ind_rules.indicator(role, actions, m.start, noun.end)
        shared = _shared_object(ctx, figs, m, role)
        if shared is not None:  # "gave services to 2,119 victims ... and to 153 victims identified later"
            indicator, action = shared.indicator, None
            rule_ids.append("ind.shared_object")
        if indicator is None and head is not None:
            indicator, base = head.indicator, head
        if indicator is None and noun.role == "person":
            base = _listed_after(text, figs, m) or _role_before_list(ctx, sent, m) or _bracket_after(text, figs, m)
            if base is None and _ORIGIN_RANK.search(text, max(sent.start, m.start - 80), m.start):
                base = _people_head(ctx, sent, m)  # "the leading country of origin, with 1,240 people": a part
            if base is not None:
                indicator, head = base.indicator, base
        if indicator is None and noun.role == "person":
            indicator, base = _group_named_before(ctx, sent, m, figs)
            if indicator is not None:  # "The victims were 23 Moroccan citizens and 4 foreigners"
                head = base
                rule_ids.append("ind.group_named_before")
        if indicator is None and noun.role == "person":
            indicator, group_rule = _group_named_around(ctx, sent, m, noun)
            if indicator is not None:  # "The victims, 14 women and 3 girls, were ...", "42 foreigners were among the victims"
                rule_ids.append(group_rule)
        if indicator is None and noun.role in _PEOPLE and action is None and _VERBLESS.fullmatch(text, sent.start, sent.end):
            total = _previous_total(ctx, sent)  # "1,744 victims were saved. In detail, 777 adult female victims and 99 ..."
            if total is not None and total.mention.value > m.value and (total.role == noun.role or {
                    total.role, noun.role} <= {"person", "victim"}):
                indicator, head = total.indicator, total
                rule_ids.append("ind.verbless_breakdown")
    if indicator is None or (noun.role != "victim" and _MIGRANTS.fullmatch(noun.word or "") and action is not None
                             and _CONTROL.fullmatch(text, action.start, action.end)):
        return None  # "arrested 210 migrants", "intercepted 400 migrants at sea": migration control
    restated = _restated(ctx, sent, m, noun.role) if (
        action is None and base is None and head is None and noun.kind == "noun"
        and _DEFINITE_LEAD.fullmatch(text, sent.start, m.start)) else None
    if restated is not None:  # "The seven suspects, who include four bar owners, will appear in court": the
        indicator = restated.indicator  # group counted before, under that count's indicator
        rule_ids.append("ind.restated")
    if noun.role == "prosecution" and base is None and _INVOLVING_AFTER.match(text, noun.end, sent.end):
        indicator = "cases_prosecuted"  # "six prosecutions involving nine alleged traffickers": the cases
        rule_ids.append("ind.cases_prosecuted.involving")
    elif (noun.role in ("suspect", "person") and indicator == "suspects" and figs and figs[-1].noun.role in ("prosecution", "case")
          and figs[-1].indicator == "cases_prosecuted" and _INVOLVING_BEFORE.match(text, figs[-1].mention.end, m.start)):
        indicator = "suspects_prosecuted"  # "... involving nine alleged traffickers": the people those prosecutions charge
        rule_ids.append("ind.suspects_prosecuted.involving")
    elif noun.role == "suspect" and indicator == "suspects" and action is None and base is None and head is None and (
            noun.word or "").lower() in _CHARGED_NOUNS:
        indicator = "suspects_prosecuted"  # "the trial of 14 defendants": a defendant has been charged
        rule_ids.append("ind.suspects_prosecuted.defendants")
    elif (noun.role in ("suspect", "person") and indicator == "suspects" and figs and figs[-1].indicator == "suspects_convicted"
          and _INVOLVING_BEFORE.match(text, figs[-1].mention.end, m.start)):
        indicator = "suspects_convicted"  # "23 convictions for trafficking, involving 31 offenders": the people convicted
        rule_ids.append("ind.suspects_convicted.involving")
    subset = _SUBSET_ABOUT_TIP.match(text, noun.end, sent.end) if noun.role in ("complaint", "case") and base is None else None
    if subset and not any(clause[0] <= c.start < subset.start("lead") for c in ctx.crimes):
        return None  # "handled 1,680 complaints from workers, 230 of which indicated trafficking": only the part is
    if ind_rules.other_crimes.search(text, sent.start, min(sent.end, m.end + 80)) and not any(sent.start <= c.start < sent.end for c in ctx.crimes):
        return None  # "In a separate crackdown on drugs, police apprehended 4,912 people": another crime
    if indicator in ("complaints", "cases") and _LABOUR_BODY.search(text, clause[0], clause[1]) and not any(
            clause[0] <= c.start < clause[1] for c in ctx.crimes):
        return None  # "the labour department received 300 complaints": labour matters, not trafficking
    if indicator == "victims" and _POSSIBLE & set(noun.modifiers) and (
            _NOTIFIED.search(text, clause[0], slot_end) or _notified_before(ctx, sent)):
        indicator = "victims_referred"  # possible victims notified to a national registry or rapporteur
        rule_ids.append("ind.victims_referred.notified")
    if indicator == "victims" and action is not None and action.action == "traffic" and _ESTIMATES_THAT.search(
            text, sent.start, m.start):
        indicator = "estimated_victims"  # "has estimated that up to 7,500 people become victims of trafficking"
        rule_ids.append("ind.estimated_victims.estimates_that")
    if action is not None:
        rule_ids.append(action.rule)
    fig = Figure(m, sent, indicator, role, noun, qualifier=qualifier, head=head,
                 elliptical=noun.kind == "elliptical" or base is not None, rules=rule_ids)
    fig.borrowed = base
    if action is not None and base is None:
        near = pool
        if action.start - clause[0] < 4:  # "arrested and charged 40": the clause began at "and"
            near = [*ind_rules.actions_in(text, max(sent.start, clause[0] - 60), clause[0], ctx.low), *actions]
        floor = max(figs[-1].mention.end, figs[-1].noun.end) if figs else 0  # "netted 120 arrests and freed 300"
        fig.also = _second_action(ctx, role, [a for a in near if a.start >= floor], action, indicator, m.start,
                                  max(m.end, noun.end))
    elif action is None and noun.kind == "noun" and noun.role == "case" and indicator == "cases":
        fig.also = _case_then(ctx, sent, noun.end, slot_end)
    _breakdowns(ctx, fig, base, clause, slot_end, action)
    if apposed is not None:  # "..., 17 of them children, ...": the group named after "of them"
        word = apposed.group(0).strip(" ,.;").split()[-1]
        fig.age = fig.age or _noun_age(word, fig.indicator)
        fig.sex = fig.sex or attrs.sex_of_noun(word)
    return fig


#: the later items of a list of numbers that share the noun after the last one ("12, 19 and 25 cases")
_NUMBER_LIST = re.compile(r"(?:(?:\s*,\s*\d[\d,.]*(?!\d))+\s*,?|\s)\s*(?:and|or)\s+\d[\d,.]*(?!\d)"
                          r"(?=\s+(?P<w>[\w-]+)(?:\s+[\w-]+){0,3}?(?<=[A-Za-z]s)\b)")
_RANGE_TO_AMOUNT = re.compile(r"\s*(?:to|-|–)\s*\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b|million\b|billion\b|bn\b)",
                              re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"\b(?:average|median|rate|ratio)\s+(?:of\s+)?(?:about\s+|around\s+|nearly\s+|some\s+|"
                           r"almost\s+|roughly\s+|just\s+|more\s+than\s+|over\s+)?\Z", re.IGNORECASE)
_LEADS_IN = re.compile(r"\s*(?:(?:in|on|against|to|for|of)\s+)?")
_UNCODED_FORM = re.compile(r"\b(?:exploitation|servitude|criminality|begging|crimes?|offen[cs]es?)\b", re.IGNORECASE)
_NAMED_AS = re.compile(r"(?:\s+of\s+(?:whom|them|these|those))?\s+(?:were|was|had been|have been|has been)\s+(?:\w+\s+)?"
                       r"(?:identified|confirmed|recognised|recognized|certified|classified|registered)\s+as\s+"
                       r"(?:(?:potential|possible|presumed|probable|likely|suspected|human|trafficking|trafficked|child|sex|"
                       r"sexual|labou?r|forced|slavery|modern)\s+){0,3}(?P<noun>victims|survivors)\b", re.IGNORECASE)
#: "2,300 migrants intercepted on the way to Yemen were identified as potential trafficking victims": people whose
#: predicate, past a participle phrase without a comma or another figure, names them victims
_NAMED_AS_LATER = re.compile(r"[^\d.;:,()]{0,80}?" + _NAMED_AS.pattern.split(")?", 1)[1], re.IGNORECASE)
_ROLE_DASH = re.compile(r"\b([A-Za-z]+)\s*(?:[—–:]|\s-)\s*(?:[\w-]+\s+){0,6}?\Z")
_SHARE_OPEN = re.compile(r"\(\s*\Z")
_COUNT_TO_BRACKET = re.compile(r"(?:\s+(?:of\s+(?:the|these|those|all)\s+)?[A-Za-z-]+){0,3}\s*")
_PAIRED = ({"women", "woman", "girls", "girl"}, {"men", "man", "boys", "boy"})


_OF_LEAD = re.compile(r"^\s*(?:\d{1,2}\.\s+)?(?:Of|Among)\s+(?:the|these|those)\s+(?:[\w-]+\s+){0,3}?(?P<noun>[A-Za-z]+)\s*,")
#: "Of the victims rescued in 2017, 37 were ...": the counted noun before a participle and its time phrase
_OF_LEAD_PARTICIPLE = re.compile(r"^\s*(?:\d{1,2}\.\s+)?(?:Of|Among)\s+(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?"
                                 r"(?P<noun>[A-Za-z]+)\s+[a-z]+ed\b[^,.;]{0,40},")
#: "The victims included 744 females ...": the subject names the total the parts break down (the last
#: figure counting that noun)
_SUBJECT_LEAD = re.compile(r"^\s*(?:The|These|Those|Such|Its|Their)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\s+"
                           r"(?:included|includes|include|comprised|comprise|consisted\s+of|were\s+made\s+up\s+of)\b")
_APPOSED_PART = re.compile(r"\s+of\s+(?:them|whom|these|those)\s+(?!(?:were|was|are|is|had|have|has|been|being)\b)"
                           r"(?!(?:in|into|to|from|at|on|for|by|with|over|before)\b)"  # "filed 122 of them in court"
                           r"(?![a-z]+ed\b)"  # "39 of them received shelter, ...": a predicate, not a group
                           r"[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s*(?:,|\.(?:\s|$)|;)")


#: a total of all kinds whose part alone concerns trafficking ("1,680 complaints, 230 of which indicated trafficking")
_SUBSET_ABOUT_TIP = re.compile(
    r"[^.;]{0,80}?(?P<lead>,\s*|\s)(?:(?:of\s+which|of\s+whom)\s+(?:about\s+|some\s+|nearly\s+|only\s+|just\s+)?\d[\d,.]*"
    r"|\d[\d,.]*\s+of\s+(?:which|whom|them|these|those))\s+(?:were\s+|was\s+)?(?:concerned|concerning|related\s+to|about|"
    r"involved|involving|dealt\s+with|indicated|pointed\s+to|showed\s+(?:signs|indicators)\s+of|linked\s+to|were\s+linked\s+to)"
    r"\s+(?:[\w-]+\s+){0,4}?(?:trafficking|exploitation|slavery|forced\s+labou?r)\b", re.IGNORECASE)
#: "In 14 of them, charges were filed against 19 persons": a part of cases named in a leading phrase takes the
#: main clause's verb, which also governs the next number
_IN_PART_LEAD = re.compile(r"\W*(?:In|in)\s+(?:about\s+|some\s+|nearly\s+|over\s+)?")
_OF_THEM_COMMA = re.compile(r"\s+of\s+(?:them|these|those|the\s+cases|these\s+cases|those\s+cases|which)\s*,", re.IGNORECASE)
_OF_WHICH = re.compile(r"\bof\s+(?:which|whom)\s+\Z", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"\b\d[\d,.]*\s+[a-z]")
_ANECDOTE = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:told|tells|recalled|recounted|described|explained)\b")
_POSSIBLE = frozenset({"possible", "potential", "presumed", "presumptive"})
#: "512 possible victims were reported", not a reporting verb ("authorities reported identifying 27,877")
_NOTIFIED = re.compile(r"\b(?:notified|registered|reported(?!\s+(?:that\b|\w+ing\b))|signalled|signaled|flagged)\b",
                       re.IGNORECASE)
_MIGRANTS = re.compile(r"(?:\w+\s+)?(?:migrants?|asylum[\s-]seekers?|refugees?|(?:boat\s+)?arrivals)", re.IGNORECASE)
_CONTROL = re.compile(r"(?:arrest\w*|detain\w*|apprehend\w*|nabbed|held|caught|intercepted|intercepting|rounded up|"
                      r"taken into custody|in custody|deported\b.*)", re.IGNORECASE)
_CHARGED_NOUNS = frozenset({"defendant", "defendants"})  # not "accused": named in a police case (FIR)
_INVOLVING_AFTER = re.compile(r"\s*,?\s*(?:involving|against)\s+(?:[\w-]+\s+){0,3}?(?:alleged|suspected|defendants?|traffickers?|"
                              r"suspects?|people|persons|individuals|offenders|perpetrators)\b", re.IGNORECASE)
_INVOLVING_BEFORE = re.compile(r"[^.;]{0,40}?\b(?:involving|against)\s+(?:about\s+|some\s+|more\s+than\s+|at\s+least\s+)?\Z",
                               re.IGNORECASE)
_ABOUT_TRAFFICKING = re.compile(r"\s+(?:concerned|concerning|related\s+to|were\s+about|involved|dealt\s+with|indicated|"
                                r"pointed\s+to|showed\s+(?:signs|indicators)\s+of|(?:were\s+)?linked\s+to)\s+"
                                r"(?:[\w-]+\s+){0,4}?(?:trafficking|exploitation|slavery)\b", re.IGNORECASE)


_OF_WHICH_AFTER = re.compile(r"\s+of\s+(?:which|whom|them|these|those)\b", re.IGNORECASE)


def _kind_before(ctx: DocContext, sent: Sentence, end: int) -> str | None:
    """The role (complaint or case) of the count just before ``end`` that is no fact of its own."""
    before = [c for c in ctx.cands if sent.start <= c.start and c.end <= end]
    role = noun_after(ctx, before[-1], sent).role if before else None
    return {"call": "complaint", "complaint": "complaint", "case": "case"}.get(role or "")


def _calls_before(ctx: DocContext, sent: Sentence, end: int) -> bool:
    """The count just before ``end`` counts calls (a noun of role ``call``)."""
    before = [c for c in ctx.cands if sent.start <= c.start and c.end <= end]
    return bool(before) and noun_after(ctx, before[-1], sent).role == "call"


_ORIGIN_RANK = re.compile(r"\b(?:countr(?:y|ies)\s+of\s+(?:origin|destination|exploitation)|nationalit(?:y|ies)|origin)\b"
                          r"[^.;]{0,40}?\bwith\s+(?:about\s+|around\s+|some\s+|nearly\s+)?\Z", re.IGNORECASE)
_COMPARED_BASE = re.compile(r"\b(?:up|down|rising|falling|increasing|decreasing)\s+from\s+(?:about\s+|around\s+|some\s+|nearly\s+|"
                            r"more\s+than\s+|over\s+|just\s+|only\s+)?$|\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+"
                            r"(?:about\s+|around\s+|some\s+|nearly\s+|just\s+|only\s+)?\Z", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_DEFINITE_LEAD = re.compile(r"\W*(?:The|These|Those|All|All\s+the|All\s+of\s+the|Both)\s+", re.IGNORECASE)


def _restated(ctx: DocContext, sent: Sentence, m: NumberMention, role: str | None) -> Figure | None:
    """A group counted in one of the six sentences before, named again with "the" and no action of its own."""
    kin = {"suspect": {"suspect", "person"}, "victim": {"victim", "person"}, "person": {"person", "suspect", "victim"}}
    roles = kin.get(role or "", {role})
    return next((f for f in reversed(ctx.figures[-40:]) if f.mention.value == m.value and f.unit == "count"
                 and f.role in roles and 0 < sent.index - f.sentence.index <= 6), None)


#: the complement of a verb before the part ("referred 18 of the 23 victims to NGO shelters"), not the total's own verb
_COMPLEMENT = re.compile(r"(?:to|into|in|with|at)\s", re.IGNORECASE)
_PARTITIVE_TOTAL = re.compile(r"\d[\d,.]*\s+(?:out\s+)?of\s+(?:the|all|these|those)\s+\Z", re.IGNORECASE)
_LABOUR_BODY = re.compile(r"\b(?:labou?r\s+(?:department|ministry|inspector\w*|office|bureau|board|courts?|tribunal|"
                         r"commission|authorit\w+)|(?:foreign\s+)?employment\s+(?:bureau|agency|office|board)|"
                         r"(?:ministry|department|bureau)\s+of\s+(?:labou?r|(?:foreign\s+)?employment|manpower)|manpower\s+"
                         r"(?:ministry|office|bureau))", re.IGNORECASE)
_SECOND_ACTIONS = frozenset({"arrest", "prosecute", "prosecute_case", "convict", "rescue", "repatriate", "reintegrate",
                             "refer"})
_WEAK_SECOND = frozenset({"act.refer.support", "act.refer.programme"})  # "identified and given assistance"
_AND_THEN = re.compile(r"(?:[^.;,:\d]|(?:19|20)\d\d(?!\d)){0,60}?\b(?:and|then|before\s+being)\s+(?:(?:then|later|subsequently|were|was|have\s+been|"
                       r"had\s+been|been)\s+)*", re.IGNORECASE)
_THEN = re.compile(r"\s*,?\s*(?:and|then|before)\s+(?:(?:then|later|subsequently)\s+)*", re.IGNORECASE)
#: "arrested 30 suspects of human trafficking and sent them to court": the noun's own tail, then "and"
_TAIL_THEN = re.compile(r"(?:\s+(?:of|for|in|on|from|with|involved\s+in|linked\s+to)\s+[^,;.:\d]{0,40}?)?" + _THEN.pattern,
                        re.IGNORECASE)
_THEM = re.compile(r"\b(?:them|all of them|most of them)\b", re.IGNORECASE)
_INSERT_OPEN = re.compile(r"(?:\s+(?:accused|suspected|charged|linked|involved|from|of|in|with|for)\b[^,;.()\d]{0,60})?"
                          r"\s*(?:,|\(|\s[-–—]|[–—])\s*", re.IGNORECASE)
_INSERT_CLOSE = re.compile(r"\s*(?:,|\)|\s[-–—]|[–—])\s*")
_PASSIVE_LEAD = re.compile(r"(?:were|was|have\s+been|had\s+been|has\s+been|are|is)\s+(?:(?:later|all|also|then|subsequently|"
                           r"eventually|successfully|since)\s+)*", re.IGNORECASE)
#: predicates that need no "were" after an inserted phrase ("54 people, among them 30 women, fell victim to ...")
_ACTIVE_PREDICATES = frozenset({"act.traffic.victim_of"})
_GLOSS = re.compile(r"\s*\([^()\d]{1,40}\)")
_COORD = re.compile(r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as)\s+", re.IGNORECASE)
_VERB_LEAD = re.compile(r"\s*(?:[-–—,)]\s*)?(?:(?:were|was|have\s+been|had\s+been|been|all|also)\s+)*", re.IGNORECASE)
_PEOPLE_OF = {"arrest": "suspect", "prosecution": "suspect", "conviction": "suspect", "referral": "victim"}
_LEADS_NEXT = re.compile(r"\s*(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|another|a\s+further|"
                         r"an\s+additional|a\s+total\s+of|up\s+to|only|just|the|a)\s+)*", re.IGNORECASE)
_LIST_OPEN = re.compile(r"\s*(?:[—–:]|\s-)\s*\Z")
_LIST_NEXT = re.compile(r"\s*(?:,|;|,?\s+and)\s*\Z")


def _verb_leads(ctx: DocContext, head: Figure, m: NumberMention, noun: Noun) -> bool:
    """An action verb after a total and right before a number makes the number its object."""
    rules = ctx.rules.indicators
    mapping = rules.roles.get(noun.role or "person", {}).get("actions") or {}
    return any(a.action in mapping and _LEADS_NEXT.fullmatch(ctx.text, a.end, m.start)
               for a in rules.actions_in(ctx.text, max(head.mention.end, m.start - 40), m.start, ctx.low))


_OF_THOSE = re.compile(r"\s+of\s+(?:those|these|the)\s+(?:people\s+|persons\s+)?(?:who\s+(?:were|had\s+been)\s+)?",
                       re.IGNORECASE)


def _of_those_acted(ctx: DocContext, sent: Sentence, m: NumberMention) -> tuple[str | None, Action | None]:
    """'318 of those caught', '41 of the people rescued': a participle right after "of those" names
    the group, whatever the figure before was."""
    lead = _OF_THOSE.match(ctx.text, m.end, sent.end)
    if lead is None:
        return None, None
    rules = ctx.rules.indicators
    own = [a for a in rules.actions_in(ctx.text, lead.end(), min(sent.end, lead.end() + 40), ctx.low)
           if a.start == lead.end()]
    return rules.indicator("person", own, m.start)


_INCLUDING_LEAD = re.compile(r"\b(?:including|among\s+them|among\s+whom)\s+(?:about\s+|some\s+|around\s+|nearly\s+|over\s+|"
                             r"more\s+than\s+)?\Z", re.IGNORECASE)


def _including_participle(ctx: DocContext, base: Figure, m: NumberMention, actions: list[Action]) -> bool:
    """'cared for 81 victims in 2023, including 52 rescued by police': after "including", a participle
    straight after the number says where part of the total came from; the part keeps its total's indicator."""
    text = ctx.text
    return (base.sentence.start <= m.start < base.sentence.end and bool(actions)
            and _INCLUDING_LEAD.search(text, max(base.mention.end, m.start - 30), m.start) is not None
            and min(actions, key=lambda a: a.start).start - m.end <= 1)


def _governing_verb(ctx: DocContext, ind_rules: IndicatorRules, role: str, start: int, m: NumberMention) -> list[Action]:
    """A verb written right before a part ("identified a further 60", "charged 215 of them") governs it."""
    mapping = ind_rules.roles.get(role, {}).get("actions") or {}
    text = ctx.text
    return [a for a in ind_rules.actions_in(text, start, m.start, ctx.low)
            if a.action in mapping and (_LEADS_NEXT.fullmatch(text, a.end, m.start) or _LEADS_IN.fullmatch(text, a.end, m.start))]


def _leading_actions(ctx: DocContext, start: int, m: NumberMention, slot_end: int) -> list[Action]:
    """The verbs that govern a number from before it: written right before it ("convictions followed in
    41", "referred 52"), or around it ("handed 40 of them over to social welfare", "took 39 into care")."""
    text = ctx.text
    return [a for a in ctx.rules.indicators.actions_in(text, start, slot_end, ctx.low)
            if a.start < m.start and ((a.end <= m.start and _LEADS_IN.fullmatch(text, a.end, m.start))
                                      or a.end >= m.end)]


#: a participle straight after the counted noun (and its "of trafficking"): a reduced relative clause
_REDUCED_RELATIVE = re.compile(r"\s*(?:of\s+(?:[\w-]+\s+){1,3}?)?")


def _leading_over_participle(ctx: DocContext, role: str, actions: list[Action], m: NumberMention, noun: Noun
                             ) -> list[Action]:
    """'gave shelter to 46 women rescued from trafficking', 'sentenced 12 traffickers arrested in 2022': the verb
    that governs the number decides; a participle after the noun tells what happened to them before, and a verb
    before a comma belongs to an earlier phrase."""
    if noun.kind != "noun" or noun.end <= m.end:
        return actions
    text = ctx.text
    mapping = ctx.rules.indicators.roles.get(role, {}).get("actions") or {}
    governing = [a for a in actions if a.action in mapping and a.start < m.start and (a.end >= noun.end or (
        a.end <= m.start and (_LEADS_NEXT.fullmatch(text, a.end, m.start) or _LEADS_IN.fullmatch(text, a.end, m.start))))]
    if not governing:
        return actions
    first = min(a.start for a in governing)
    # nor a verb of an earlier phrase the comma closes: "referred all of them to care, compared with identifying 81"
    return [a for a in actions if not (a.start >= noun.end and _REDUCED_RELATIVE.fullmatch(text, noun.end, a.start))
            and not (a.end <= first and "," in text[a.end:first])]


def _own_actions(ctx: DocContext, actions: list[Action], after: int, slot_end: int) -> list[Action]:
    """Drop the verb that leads the next item of a list ("rescued 112 victims and referred 35 of them
    to shelters": "referred" governs 35, not 112) and any verb after a semicolon."""
    text = ctx.text
    actions = [a for a in actions if a.start < after or text.find(";", after, a.start) < 0]  # another clause
    if not any(c.start == slot_end for c in ctx.cands):
        return actions
    return [a for a in actions if a.start < after or a.end > slot_end or not _LEADS_NEXT.fullmatch(text, a.end, slot_end)]


def _kept_actions(ctx: DocContext, ind_rules: IndicatorRules, role: str, actions: list[Action], figs: list[Figure],
                  m: NumberMention, noun: Noun, sent: Sentence, slot_end: int) -> list[Action]:
    """The actions that may govern a number: no estimate without its cue, not the verb that leads the
    next item, not the verb an earlier item of the list took."""
    actions = [a for a in actions if a.action != "estimate" or _estimate_ok(ctx, m, sent)]
    actions = _own_actions(ctx, actions, max(m.end, noun.end), slot_end)
    return _drop_earlier_items(ind_rules, role, actions, figs, ctx.text, m.start, max(m.end, noun.end))


def _bare_participle(ctx: DocContext, sent: Sentence, m: NumberMention, noun: Noun, qualifier: str,
                     rule_ids: list[str]) -> Figure | None:
    """'Crackdown in 2023: 120 arrested, 300 rescued, 45 charged': in a list of such numbers, a number
    followed by its own verb counts the people the verb names."""
    indicator, action = _own_verb(ctx, sent, m)
    if indicator is None or action is None:
        return None
    if not any(c is not m and sent.start <= c.start < sent.end and _own_verb(ctx, sent, c)[1] is not None
               for c in ctx.cands) and not _LONE_PASSIVE.match(ctx.text, m.end, sent.end):
        return None  # (alone: "Fourteen were rescued, police said" after the raid that names them)
    fig = Figure(m, sent, indicator, "person", noun, qualifier=qualifier, elliptical=True,
                 rules=[*rule_ids, action.rule])
    fig.crimes, crule = _own_crimes(ctx, m, clause_at(ctx, sent, m), noun)
    if crule:
        fig.rules.append(crule)
    return fig


#: a lone number with an unambiguous passive of its own: the people rescued, arrested, charged, convicted or sent home
_LONE_PASSIVE = re.compile(r"\s+(?:were|have\s+been|had\s+been)\s+(?:(?:all|also|later|subsequently)\s+)?"
                           r"(?:rescued|freed|saved|liberated|arrested|detained|apprehended|charged|prosecuted|indicted|"
                           r"convicted|sentenced|jailed|repatriated)\b(?!\s+(?:as|for\s+(?!trafficking)|to\s+death|in\s+absentia)\b)",
                           re.IGNORECASE)


def _own_verb(ctx: DocContext, sent: Sentence, m: NumberMention) -> tuple[str | None, Action | None]:
    """The indicator of the verb written straight after a number ("120 arrested"), for people."""
    lead = _VERB_LEAD.match(ctx.text, m.end)
    ind_rules = ctx.rules.indicators
    actions = [a for a in ind_rules.actions_in(ctx.text, lead.end(), min(sent.end, lead.end() + 40), ctx.low)
               if a.start == lead.end()] if lead else []
    return ind_rules.indicator("person", actions, m.start)


def _main_verb(ctx: DocContext, sent: Sentence, noun_end: int) -> list[Action]:
    """The passive predicate after an inserted phrase: "29 traffickers, arrested in previous years, were
    jailed", "34 women - 20 adults and 14 girls - were placed in shelters"."""
    text = ctx.text
    opener = _INSERT_OPEN.match(text, noun_end)
    if opener is None:
        return []
    limit = min(sent.end, opener.end() + 120)
    for close in _INSERT_CLOSE.finditer(text, opener.end(), limit):
        lead = _PASSIVE_LEAD.match(text, close.end())
        at = lead.end() if lead is not None else close.end()
        found = [a for a in ctx.rules.indicators.actions_in(text, at, min(sent.end, at + 60), ctx.low)
                 if a.start == at and (lead is not None or a.rule in _ACTIVE_PREDICATES)]
        if found:
            return found
    return []


_PART_OF_NUMBER = re.compile(r"\s+(?:out\s+)?of\s+(?:the|these|those|all)\s+\d[\d,.]*(?=\s+(?:were|was|have|has|had|are|is)\b)",
                             re.IGNORECASE)
_PARTITIVE_PART = re.compile(r"\s+(?:out\s+)?of\s+(?:the|all|these|those)\s+\d[\d,.]*\s", re.IGNORECASE)
_PREDICATE = re.compile(r"(?:[^.;:\d]|(?:19|20)\d\d(?!\d)){0,60}?\b(?:were|was|have\s+been|had\s+been|has\s+been|are|is)\s+"
                        r"(?:(?:later|also|since|all|then|subsequently|already|now)\s+)*", re.IGNORECASE)


def _partitive_predicate(ctx: DocContext, sent: Sentence, noun_end: int) -> list[Action]:
    """The passive predicate of a part of a total ("18 of the 25 suspects arrested in 2023 have been
    charged"): the verb after the total's own participle phrase."""
    lead = _PREDICATE.match(ctx.text, noun_end, sent.end)
    if lead is None:
        return []
    return [a for a in ctx.rules.indicators.actions_in(ctx.text, lead.end(), min(sent.end, lead.end() + 60), ctx.low)
            if a.start == lead.end()]


def _shared_verb(ctx: DocContext, sent: Sentence, noun_end: int, slot_end: int) -> list[Action]:
    """'with 34 women and 10 children rescued': a verb after the last of coordinated items governs each."""
    text = ctx.text
    nxt = next((c for c in ctx.cands if c.start == slot_end), None)
    if nxt is None:
        return []
    first_tail = _PLACE_TAIL.match(text, noun_end, slot_end)
    joined = _COORD.match(text, first_tail.end() if first_tail else noun_end, slot_end)
    if joined is None or not _LEADS_NEXT.fullmatch(text, joined.end(), slot_end):
        return []
    noun = noun_after(ctx, nxt, sent)
    if noun.kind not in ("noun", "elliptical"):
        return []
    end = max(noun.end, nxt.end)
    gloss = _GLOSS.match(text, end)  # "two labour contractors (thekedars) have been arrested"
    end = gloss.end() if gloss else end
    tail = _PLACE_TAIL.match(text, end)  # "120,000 people in Myanmar and around 100,000 in Cambodia may be held"
    if tail:
        end = tail.end()
    elif noun.kind != "noun":
        return []
    lead = _VERB_LEAD.match(text, end)
    if lead is None:
        return []
    return [a for a in ctx.rules.indicators.actions_in(text, lead.end(), min(sent.end, lead.end() + 40), ctx.low)
            if a.start == lead.end()]


def _second_action(ctx: DocContext, role: str, actions: list[Action], first: Action, indicator: str,
                   at: int, after: int) -> list[tuple[str, str]]:
    """A second action coordinated with the figure's own: "were arrested and charged", "arrested and
    charged 40", "identified as victims and referred to shelters", "arrested 40 suspects and sent them
    to court" (the people themselves, not a new object)."""
    mapping = ctx.rules.indicators.roles.get(role, {}).get("actions") or {}
    text = ctx.text
    for other in actions:
        second = mapping.get(other.action)
        if (second is None or second == indicator or other.priority < 2 or other.rule in _WEAK_SECOND
                or other.action not in _SECOND_ACTIONS or first.action not in _SECOND_ACTIONS):
            continue
        a, b = (first, other) if first.start < other.start else (other, first)
        if a.end <= at and after <= b.start:  # around the number: "arrested 40 suspects and sent them to court"
            joined = _TAIL_THEN.fullmatch(text, after, b.start) and _THEM.search(text, b.start, b.end + 12)
        else:
            joined = _AND_THEN.fullmatch(text, a.end, b.start)
        if joined:
            return [(second, other.rule)]
    return []


_AND_PREP = re.compile(r"(?:,\s*|\s)and\s+(?:also\s+)?(?:to|for|with)\s+(?:another\s+|a\s+further\s+)?\Z", re.IGNORECASE)


def _shared_object(ctx: DocContext, figs: list[Figure], m: NumberMention, role: str) -> Figure | None:
    """'... gave services to 2,119 victims (2,043 female and 76 male) and to 153 victims of labour
    exploitation identified during investigations': a second object after "and to" takes the
    first one's verb, not a participle of its own."""
    if not figs or not _AND_PREP.search(ctx.text, max(0, m.start - 30), m.start):
        return None
    first = figs[-1]
    for _ in range(3):
        up = first.head or ctx.totals.get(id(first))
        if up is None or up.unit != "count" or up is first:
            break
        first = up
    same = first.role == role or (first.role in _PEOPLE and role in _PEOPLE)
    if not same or first.unit != "count" or not any(r.startswith("act.") for r in first.rules):
        return None
    return first


_AND_WERE = re.compile(r"\s*,?\s*and\s+(?:(?:were|was|have\s+been|had\s+been|then|later|subsequently|all)\s+)*", re.IGNORECASE)


def _case_then(ctx: DocContext, sent: Sentence, noun_end: int, slot_end: int) -> list[tuple[str, str]]:
    """'38 were confirmed as trafficking cases and referred to the judiciary': cases that are counted,
    then sent on to court, are also cases prosecuted."""
    lead = _AND_WERE.match(ctx.text, noun_end, sent.end)
    if lead is None:
        return []
    rules = ctx.rules.indicators
    mapping = rules.roles.get("case", {}).get("actions") or {}
    for a in rules.actions_in(ctx.text, lead.end(), min(sent.end, lead.end() + 60), ctx.low):
        if a.start == lead.end() and mapping.get(a.action) == "cases_prosecuted" and a.end <= slot_end and not (
                slot_end < sent.end and _LEADS_NEXT.fullmatch(ctx.text, a.end, slot_end)):
            return [("cases_prosecuted", a.rule)]
    return []


def _past_apposed_part(ctx: DocContext, slot_end: int, clause_end: int) -> int:
    """'30 women, five of them minors, were taken to a shelter': the verb after an apposed part
    governs the total before it."""
    for c in ctx.cands:
        if c.start == slot_end and _APPOSED_PART.match(ctx.text, c.end):
            nxt = [d.start for d in ctx.cands if c.end <= d.start < clause_end]
            return max(slot_end, min(nxt, default=clause_end))
    return slot_end


def _drop_earlier_items(ind_rules: IndicatorRules, role: str, actions: list[Action], figs: list[Figure],
                        text: str, at: int, after: int) -> list[Action]:
    """A verb written before an earlier item of the sentence governs that item, not a later one that
    has a verb of its own: in "arrested 12 traffickers and 30 women were freed", 30 were freed."""
    if not figs:
        return actions
    mapping = ind_rules.roles.get(role, {}).get("actions") or {}
    if not any(a.start >= after and a.action in mapping for a in actions):
        return actions
    earlier = figs[-1].start
    # "120 suspects were arrested, 300 women rescued": a verb between an earlier item and this one
    # belongs to the earlier item unless it governs this number directly ("and rescued 300")
    return [a for a in actions if a.end > earlier and (a.start >= after or _LEADS_NEXT.fullmatch(text, a.end, at))]


def _notified_before(ctx: DocContext, sent: Sentence) -> bool:
    """'227 of the possible victims were minors' after a count of possible victims notified to a registry."""
    return any("ind.victims_referred.notified" in f.rules for f in ctx.figures[-12:]
               if sent.index - f.sentence.index <= 5)


_GROUP_FIRST = (r"(?:\s+(?:mostly|mainly|largely|predominantly|primarily|chiefly|overwhelmingly|all|both|exclusively))?"
                r"(?:\s+(?!(?:by|from|to|in|at|with|for|of|on)\b)(?![a-z]+ed\b)[A-Za-z-]+)?\s*[:(—–-]?\s*")
_GROUP_ITEM = (r"(?:(?:about|some|around|nearly|over|more\s+than)\s+)?(?:\d[\d,.]*|[a-z]+(?:-[a-z]+)?)\s+"
               r"(?:[A-Za-z'’-]+\s+){0,2}?[A-Za-z'’-]+\s*(?:\(\s*\d[\d,.]*\s*\)\s*)?(?:,\s*(?:and\s+)?|and\s+)")
#: "women (61), followed by children (23) and men (9)": groups named before their counts in brackets
_GROUP_PAREN_ITEM = (r"\s*[A-Za-z'’-]+\s*\(\s*\d[\d,.]*\s*\)\s*(?:,\s*(?:and\s+|followed\s+by\s+|then\s+)?|and\s+|"
                     r"followed\s+by\s+)")
_GROUP_TAIL = (_GROUP_FIRST + "(?:" + _GROUP_ITEM + "|" + _GROUP_PAREN_ITEM + ")*"
               + r"(?:[A-Za-z'’-]+\s*\(\s*)?")
_COPULA_LIST = (r"(?:were|are|was|included|include|includes|comprised|comprise|consisted\s+of|there\s+were|numbered|"
                r"totall?ed)\b")
#: "The victims were 23 Moroccan citizens and 4 foreigners", "Among the 87 victims registered in 2023 there were
#: 52 women, 21 men ...", "The victims in 2023 were mostly women: 47 women, 12 men and 9 children"
_GROUP_NOUN = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Mm]ost|[Aa]ll|(?:[Aa]mong|[Oo]f)\s+(?:the|these|those))\s+"
                         r"(?:[\w-]+\s+){0,3}?(?P<noun>[A-Za-z]+)(?:\s+(?:[a-z]+ed\s+)?(?:in|during|for|of)\s+[^,.;:()]{1,30}?)?"
                         r"\s*,?\s+" + _COPULA_LIST + "(?P<tail>[^.;]*)$")
#: "Victims included 31 Ukrainians and 18 Moldovans", "Identified victims were 40 women and 9 men": a bare plural
#: subject at the head of the sentence
_GROUP_BARE = re.compile(r"\W*(?:(?:In|During|Last|This|Over)\s+(?:[\w-]+\s+){0,3}?(?:\d{4}|year|period)\s*,\s*)?"
                         r"(?:[A-Za-z][\w-]*\s+)?(?P<noun>[A-Za-z]+)(?:\s+(?:[a-z]+ed\s+)?(?:in|during|for|of)\s+"
                         r"[^,.;:()]{1,30}?)?\s*,?\s+" + _COPULA_LIST + "(?P<tail>[^.;]*)$")
#: "Most of them were female: 90 female and 30 male": the people counted just before
_GROUP_PRONOUN = re.compile(r"\b(?:[Mm]ost|[Aa]ll|[Mm]any|[Tt]he\s+majority|[Aa]mong|[Oo]f)\s+(?:of\s+)?(?:them|these|those)\s*,?\s+"
                            r"(?:" + _COPULA_LIST + r")?(?P<tail>[^.;]*)\Z")


def _group_named_before(ctx: DocContext, sent: Sentence, m: NumberMention, figs: list[Figure]
                        ) -> tuple[str | None, Figure | None]:
    """People with no action of their own, listed after a copula whose subject names victims or suspects
    ("The victims were 23 Moroccan citizens and 4 foreigners"): they count that group, and break down its
    last total if there is one."""
    text = ctx.text
    pronoun = _GROUP_PRONOUN.search(text, sent.start, m.start)
    lead = None if pronoun else (_GROUP_NOUN.search(text, sent.start, m.start)
                                 or _GROUP_BARE.match(text, sent.start, m.start))
    found = lead or pronoun
    if found is None or not re.fullmatch(_GROUP_TAIL, found.group("tail")):
        return None, None
    if pronoun is not None:
        total = _people_head(ctx, sent, m)
        return (total.indicator, total) if total is not None else (None, None)
    rules = ctx.rules.indicators
    role = rules.nouns.get((found.group("noun").lower(),), (None, None))[0]
    if role not in ("victim", "suspect"):
        return None, None
    total = next((f for f in reversed(figs) if f.role == role and f.unit == "count" and f.head is None), None)
    total = total or _last_total(ctx, sent, role, within=4)
    if total is not None:
        return total.indicator, total
    return rules.roles.get(role, {}).get("default"), None


_PERSON_PAREN = re.compile(r"\b(?P<word>[A-Za-z][\w'’-]*)\s*\(\s*\Z")
_PAREN_CLOSE = re.compile(r"\s*\)")


#: "The victims, 14 women and 3 girls, were ...", "The traffickers' victims – 17 Nepalis and 4 Indians – were ...":
#: people apposed to a role noun (the comma or dash just before the list)
_APPOSED_TO = re.compile(r"\b(?P<noun>[A-Za-z]+)(?:'s?|’s?)?\s*(?:,|\(|\s[-–—]|[–—])\s*(?:(?:about|some|around|nearly|over|"
                         r"more\s+than|at\s+least)\s+)?(?:[\w-]+\s+(?:[A-Za-z'’-]+\s+){0,2}?[A-Za-z'’-]+\s*(?:,\s*|\band\s+)){0,6}\Z")
_APPOSITION_END = re.compile(r"[^.;:()–—]*?(?:,|\)|\s[-–—]|[–—])\s*")
#: "42 foreigners were among the victims", "There were 12 men and 7 women among those freed"
_AMONG_AFTER = re.compile(r"[^.;:]{0,80}?\bamong\s+(?:the|those|these)\s+(?P<rest>[^.;:,]{1,60})", re.IGNORECASE)


def _group_named_around(ctx: DocContext, sent: Sentence, m: NumberMention, noun: Noun) -> tuple[str | None, str]:
    """People with no action of their own whose group a role noun names around them: apposed to it ("The
    victims, 14 women and 3 girls, were taken to a shelter": the predicate after the apposition, else the
    role's own indicator), or "among" it ("42 foreigners were among the victims", "among those freed")."""
    text, rules = ctx.text, ctx.rules.indicators
    among = _AMONG_AFTER.match(text, noun.end, sent.end)
    if among is not None:
        rest = among.start("rest")
        named = [a for a in rules.actions_in(text, rest, among.end(), ctx.low) if a.start - rest < 30]
        indicator, _act = rules.indicator("person", named, m.start)
        if indicator is None:
            words = re.findall(r"[A-Za-z]+", among.group("rest"))[:4]
            role = next((hit[0] for w in words if (hit := rules.nouns.get((w.lower(),))) and hit[0] in ("victim", "suspect")),
                        None)
            indicator = rules.roles.get(role, {}).get("default") if role else None
        if indicator is not None:
            return indicator, "ind.group_among"
    apposed = _APPOSED_TO.search(text, max(sent.start, m.start - 160), m.start)
    role = rules.nouns.get((apposed.group("noun").lower(),), (None, None))[0] if apposed else None
    if role not in ("victim", "suspect"):
        return None, ""
    close = _APPOSITION_END.match(text, noun.end, sent.end)
    acts: list[Action] = []
    if close is not None:
        lead = _PASSIVE_LEAD.match(text, close.end())
        at = lead.end() if lead is not None else close.end()
        # the predicate's verb, or a phrase in its first words ("were taken to a shelter")
        acts = [a for a in rules.actions_in(text, at, min(sent.end, at + 60), ctx.low) if a.start - at < 30]
    indicator, _act = rules.indicator(role or "", acts, m.start)
    return indicator, "ind.group_apposed"


_LEAD_GROUP = re.compile(r"\W*(?:Of|Among)\s+(?:the|these|those|all)\s+(?P<words>[^,;:.\d]{1,60}?)\s*,\s*")


def _lead_group(ctx: DocContext, sent: Sentence, m: NumberMention, noun: Noun, qualifier: str, rule_ids: list[str],
                clause: tuple[int, int], slot_end: int) -> Figure | None:
    """'Of the identified people, 74 were women', 'Among those rescued, 12 were boys': with no total before, a
    group the lead names by what was done to them counts under that action's indicator."""
    text, rules = ctx.text, ctx.rules.indicators
    lead = _LEAD_GROUP.match(text, sent.start, m.start)
    if lead is None or lead.end() != m.start:
        return None
    acts = rules.actions_in(text, lead.start("words"), lead.end("words"), ctx.low)
    indicator, action = rules.indicator("person", acts, m.start)
    if action is None:  # "Of the victims, 33 were Moroccan": the role the lead names
        words = re.findall(r"[A-Za-z]+", lead.group("words"))[-3:]
        role = next((hit[0] for w in words if (hit := rules.nouns.get((w.lower(),))) and hit[0] in ("victim", "suspect")),
                    None)
        indicator = rules.roles.get(role, {}).get("default") if role else None
    if indicator is None:
        return None
    fig = Figure(m, sent, indicator, "person", noun, qualifier=qualifier, elliptical=True,
                 rules=[*rule_ids, action.rule if action else "ind.lead_role", "ind.lead_group"])
    _breakdowns(ctx, fig, None, clause, slot_end, None)
    return fig


def _paren_word(ctx: DocContext, fig: Figure) -> str | None:
    """The people word a bracketed count follows ("women (61)", "Ghanaians (2)"), else None."""
    m = fig.mention
    word = _PERSON_PAREN.search(ctx.text, max(fig.sentence.start, m.start - 40), m.start)
    if word is None or not _PAREN_CLOSE.match(ctx.text, m.end):
        return None
    low = word.group("word").lower()
    hit = ctx.rules.indicators.nouns.get((low,))
    if (hit is not None and hit[0] == "person") or (word.group("word")[0].isupper() and low in ctx.rules.indicators.demonyms):
        return word.group("word")
    return None


def _paren_group(ctx: DocContext, sent: Sentence, m: NumberMention, figs: list[Figure], qualifier: str,
                 rule_ids: list[str], clause: tuple[int, int], slot_end: int) -> Figure | None:
    """'The identified victims were mostly women (61), followed by children (23)': a count in brackets after
    a group of people, with no total before it, counts the victims or suspects the sentence's subject names."""
    text, rules = ctx.text, ctx.rules.indicators
    word = _PERSON_PAREN.search(text, max(sent.start, m.start - 40), m.start)
    if word is None or not _PAREN_CLOSE.match(text, m.end):
        return None
    low = word.group("word").lower()
    hit = rules.nouns.get((low,))
    nationality = rules.demonyms.get(low) if word.group("word")[0].isupper() else None
    if (hit is None or hit[0] != "person") and nationality is None:
        return None
    indicator, base = _group_named_before(ctx, sent, m, figs)
    if indicator is None:
        return None
    noun = Noun("noun", "person", word.group("word"), hit[1] if hit else f"demonym.{nationality}", m.end, nationality)
    fig = Figure(m, sent, indicator, "person", noun, qualifier=qualifier, head=base, elliptical=True,
                 rules=[*rule_ids, "ind.paren_group"])
    fig.borrowed = base
    _breakdowns(ctx, fig, base, clause, slot_end, None)
    return fig


def _role_before_list(ctx: DocContext, sent: Sentence, m: NumberMention) -> Figure | None:
    """"Last year's victims — 231 children and 54 adults — had been ...": a list of people after a
    counted noun and a dash or colon breaks down the last total of that noun."""
    lead = _ROLE_DASH.search(ctx.text, max(sent.start, m.start - 40), m.start)
    if lead is None:
        return None
    role = ctx.rules.indicators.nouns.get((lead.group(1).lower(),), (None, None))[0]
    if role is None or role == "person":
        return None
    return _last_total(ctx, sent, role, within=3)


_BARE_NATIONALS = re.compile(r"(?!\s+of\b)(?!\s+from\b)")
_PLACE_TAIL = re.compile(r"\s+(?:in|from|at)\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2}")
_OPEN_BRACKET = re.compile(r"[^().;]{0,40}\(\s*")


def _bracket_after(text: str, figs: list[Figure], m: NumberMention) -> Figure | None:
    """'32 are minors of age (24 nationals and eight foreigners)': people in a bracket right after a
    count break that count down."""
    if not figs or figs[-1].unit != "count" or figs[-1].role not in _PEOPLE:
        return None
    last = figs[-1]
    if _OPEN_BRACKET.fullmatch(text, last.mention.end, m.start):
        return last
    up = last.head  # "... (24 nationals and eight foreigners)": the next item of the bracket
    if (up is not None and any(f is up for f in figs) and _OPEN_BRACKET.fullmatch(text, up.mention.end, last.start)
            and last.noun.end > last.mention.end and _LIST_NEXT.fullmatch(text, last.noun.end, m.start)):
        return up
    return None


def _listed_after(text: str, figs: list[Figure], m: NumberMention) -> Figure | None:
    """'rescued 372 victims during the year — 298 women, 61 girls and 13 men': a list that a dash
    or colon opens after a total breaks that total down."""
    if not figs or figs[-1].unit != "count":
        return None
    last = figs[-1]
    between = text[last.mention.end:m.start]
    # "... 98 were boys and 34 girls": the item after a group named by a copula breaks down the same total
    up = last.head or (last.borrowed if last.noun.category else None)
    if (up is not None and last.noun.role == "person" and last.noun.end > last.mention.end
            and _LIST_NEXT.fullmatch(text, last.noun.end, m.start)):
        return up
    if last.head is None and _LIST_OPEN.search(between) and not re.search(r"[.;]", between):
        return last
    return None


_PEOPLE = frozenset({"person", "victim", "suspect"})
#: a sentence with no verb that breaks a count down ("In detail, 777 adult female victims and 99 girls.")
_VERBLESS = re.compile(r"(?:In\s+detail|Of\s+these|Of\s+them|Among\s+them|By\s+sex|By\s+age|By\s+gender|Broken\s+down|"
                       r"Specifically|Namely|In\s+particular)\s*[,:]\s*"
                       r"(?:(?!\b(?:were|was|are|is|had|have|has|been)\b)[^.;!?])*[.;!?]?\s*")


def _people_head(ctx: DocContext, sent: Sentence, m: NumberMention) -> Figure | None:
    """The earlier total of people a list of men, women and children breaks down: the one counted
    with the action its lead names ("those rescued"), else the last count of people."""
    rules = ctx.rules.indicators
    lead = rules.actions_in(ctx.text, sent.start, m.start, ctx.low)
    wanted, _ = rules.indicator("person", lead, m.start)
    near = [f for f in reversed(ctx.figures) if sent.index - f.sentence.index <= 4 and f.unit == "count"
            and f.head is None and f.role in _PEOPLE]
    return next((f for f in near if f.indicator == wanted), near[0] if near else None)


def _named_head(ctx: DocContext, sent: Sentence, head: Figure | None) -> Figure | None:
    """'Of the potential victims, 1,029 were ...': the total is the last figure counting that noun,
    not whatever figure came last."""
    if head is not None and head.sentence is not sent:
        while head.head is not None and head.head.unit == "count":
            head = head.head  # "Of those rescued, ..." after a breakdown: the total, not its last part
    lead = _OF_LEAD.match(sent.text) or _OF_LEAD_PARTICIPLE.match(sent.text) or _SUBJECT_LEAD.match(sent.text)
    if head is None or lead is None:
        return head
    role = ctx.rules.indicators.nouns.get((lead.group("noun").lower(),), (None, None))[0]
    if role is None or role == head.role or role == "person":
        return head
    return _last_total(ctx, sent, role, within=4) or head


#: "Most of the victims came from Nigeria (24) and Romania (18)": the subject names the total the
#: bracketed counts break down by origin
_ORIGIN_LEAD = re.compile(r"^\s*(?:(?:Most|Many|Nearly\s+all|All|The\s+(?:majority|bulk))\s+(?:of\s+)?)?(?:the|these|those)?\s*"
                          r"(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\s+(?:came|come|were|are|originated|hailed)\s+"
                          r"(?:mainly\s+|mostly\s+|chiefly\s+|largely\s+|primarily\s+)?from\b", re.IGNORECASE)


def _origin_head(ctx: DocContext, sent: Sentence) -> Figure | None:
    """The total an origin breakdown opened by its subject counts ('Most victims were from ...')."""
    lead = _ORIGIN_LEAD.match(sent.text)
    if lead is None:
        return None
    role = ctx.rules.indicators.nouns.get((lead.group("noun").lower(),), (None, None))[0]
    return _last_total(ctx, sent, role, within=4) if role else None


def _last_total(ctx: DocContext, sent: Sentence, role: str, *, within: int) -> Figure | None:
    """The last count of ``role`` that is no part of another, at most ``within`` sentences back."""
    for fig in reversed(ctx.figures):
        if sent.index - fig.sentence.index > within:
            break
        if fig.role == role and fig.unit == "count" and fig.head is None:
            return fig
    return None


#: a share of people its verb describes, with no counted noun: "71 percent of those identified", "60% were ..."
_SHARE_OF_PEOPLE = re.compile(r"\s*(?:per\s*cent|percent|%)\s+(?:of\s+(?:all\s+)?(?:those|them|these)\s+|(?:were|had\s+been)\s+)",
                              re.IGNORECASE)


def _share(ctx: DocContext, sent: Sentence, m: NumberMention, figs: list[Figure], qualifier: str,
           qrule: str | None) -> Figure | None:
    """A percentage share of a total ("Children made up 38 percent of the victims")."""
    text = ctx.text
    if shares.is_change(text, m.start, m.end):
        return None
    paired = _bracketed_share(ctx, sent, m, figs, qualifier, qrule)
    if paired is not None:
        return paired
    is_share, category = shares.share_category(text, sent.start, m.start, m.end,
                                               any(f.unit == "percent" for f in figs))
    if not is_share:
        return None
    counts = [f for f in figs if f.unit == "count"]
    base = counts[-1] if counts else _previous_total(ctx, sent, reach=2)
    if not counts and base is not None and ctx.governing and base.period != ctx.governing[0]:
        # "The total was 41% higher than the 7,155 victims registered in 2021. Women and girls made
        # up 63% of registered victims": a share of the current total, not of the comparison's base
        current = [f for f in reversed(ctx.figures) if f.role == base.role and f.unit == "count"
                   and f.period == ctx.governing[0] and sent.index - f.sentence.index <= 3]
        base = current[0] if current else base
    while base is not None and base.head is not None and base.head.unit == "count":
        base = base.head  # "Romanians made up 22 percent of the victims": of the total, not of a part
    noun = shares.referent_noun(text, m.end)
    lead = None if noun else shares.lead_noun(text, sent.start, m.start)
    noun = noun or lead
    role = ctx.rules.indicators.nouns.get((noun,), (None, None))[0] if noun else None
    if lead and role is not None and (base is None or base.role != role):
        base = _last_total(ctx, sent, role, within=4) or base  # "of the victims rescued, 6.6 percent were ..."
    indicator = ctx.rules.indicators.roles.get(role, {}).get("default") if role else None
    if lead and base is not None and base.role == role and base.unit == "count":
        indicator = base.indicator  # "Among the victims exploited in France, 76% were ...": the total's indicator
    if indicator is None and base is not None and base.unit == "count":
        indicator, role = base.indicator, base.role
    if indicator is None and base is None and _SHARE_OF_PEOPLE.match(text, m.end):
        # "71 percent of those identified", "60% were trafficked for ...":
        clause_end = clause_at(ctx, sent, m)[1]  # the share's own verb names what it counts
        acts = ctx.rules.indicators.actions_in(text, m.end, clause_end, ctx.low)
        indicator, _act = ctx.rules.indicators.indicator("person", acts, m.start, m.end)
        role = "person" if indicator else role
    if indicator is None:
        return None
    fig = Figure(m, sent, indicator, role, Noun("noun"), unit="percent", qualifier=qualifier, head=base,
                 elliptical=True, rules=[r for r in (qrule, "share.percent") if r])
    _category(ctx, fig, category or "")
    own, rule = _own_crimes(ctx, m, clause_at(ctx, sent, m), Noun("noun"))
    if category and any(f.unit == "percent" for f in figs):
        own = ()  # a later item names its own group: the crime words that lead the list are the first item's
    if category and not fig.crimes and _UNCODED_FORM.search(category):
        return fig  # "criminal exploitation 18 percent", "domestic servitude": a form of exploitation without a code
    if rule != crime_scope.DISTRIBUTED:  # "Sexual exploitation made up 31 percent, criminal exploitation 18 percent"
        fig.crimes = fig.crimes or own or (base.crimes if base is not None else ())
    return fig


def _bracketed_share(ctx: DocContext, sent: Sentence, m: NumberMention, figs: list[Figure], qualifier: str,
                     qrule: str | None) -> Figure | None:
    """'2,482 (56%) claimed they were exploited as adults', '510 of the cases (50.69 per cent)': a share
    in brackets after a count is the same group's share of the total."""
    if not figs or figs[-1].unit != "count" or not _SHARE_OPEN.search(ctx.text, max(sent.start, m.start - 3), m.start):
        return None
    count = figs[-1]
    if not _COUNT_TO_BRACKET.fullmatch(ctx.text, count.mention.end, m.start - 1):
        return None
    fig = Figure(m, sent, count.indicator, count.role, Noun("noun"), unit="percent", qualifier=qualifier,
                 head=count.head or ctx.totals.get(id(count)), elliptical=True,
                 rules=[r for r in (qrule, "share.bracketed") if r])
    fig.crimes, fig.age, fig.sex = count.crimes, count.age, count.sex
    fig.nationality, fig.location = count.nationality, count.location
    return fig


def _category(ctx: DocContext, fig: Figure, category: str) -> None:
    words = {w.lower() for w in re.findall(r"[\w'’-]+", category)}
    fem, mal = bool(words & _PAIRED[0]), bool(words & _PAIRED[1])
    if fem != mal:
        fig.sex = "female" if fem else "male"
    ages = {attrs.age_of_noun(w) for w in words} - {None}
    under = re.search(r"\bunder\s+(\d{1,2})\b", category)
    if under:
        fig.age = f"<{under.group(1)}"
    elif len(ages) == 1 and not (fem and mal) and not (len(words & (_PAIRED[0] | _PAIRED[1])) > 1):
        fig.age = ages.pop()
    tokens = [w.lower() for w in re.findall(r"[\w'’-]+", category)]
    for w in [*words, *(" ".join(p) for p in zip(tokens, tokens[1:], strict=False))]:  # "foreign nationals": two words
        code = ctx.rules.indicators.demonyms.get(w)
        if code:
            fig.nationality = code
    found = ctx.rules.attributes.crimes_in(category, 0, len(category))
    fig.crimes = tuple(sorted({c for f in found for c in f.crimes}))
    if re.search(r"\blabou?r exploitation\b", category, re.IGNORECASE):
        fig.crimes = ("labour_trafficking",)


def _previous_total(ctx: DocContext, sent: Sentence, reach: int = 1) -> Figure | None:
    """'Broken down by age, 203 were children': the total is the previous sentence's first figure."""
    counts = [f for f in ctx.prev if f.unit == "count"]
    if counts and sent.index - counts[0].sentence.index <= reach:
        total = counts[0]
        while reach > 1:  # "Only 74 were minors" two sentences after a breakdown: of its total
            up = total.head or ctx.totals.get(id(total))
            if up is None or up.unit != "count" or up is total:
                break
            total = up
        return total
    if ctx.prev and not counts and sent.index - ctx.prev[0].sentence.index <= reach + 1:
        # "... forced labour for 21%. ... exploited in Mexico (61)": shares in between, the count before them
        earlier = [f for f in reversed(ctx.figures) if f.unit == "count" and f.head is None
                   and sent.index - f.sentence.index <= reach + 3]
        if not earlier:
            return None
        # the first count of that sentence, not a comparison base after it ("271 ..., up 12% on the 241 of 2022")
        return next(f for f in ctx.figures if f.sentence is earlier[0].sentence and f.unit == "count" and f.head is None)
    return None


def _estimate_ok(ctx: DocContext, m: NumberMention, sent: Sentence) -> bool:
    """'an estimated' before a small local count is a rounding; a prevalence estimate is global,
    large, or says so ("the ministry estimates that up to 2,000 Kenyans remain trapped")."""
    world = ctx.rules.places.world.search(ctx.text, sent.start, sent.end)
    return bool(world) or m.value >= 10000 or bool(_ESTIMATES_THAT.search(ctx.text, sent.start, m.start)) or bool(
        _ESTIMATED_TO.search(ctx.text, m.end, sent.end))  # "about 2,000 girls are estimated to be trafficked"


def _money(ctx: DocContext, sent: Sentence, m: NumberMention, clause: tuple[int, int], currency: str,
           qualifier: str, qrule: str | None) -> Figure | None:
    rules = ctx.rules
    if not rules.indicators.money_cues.search(ctx.text, clause[0], clause[1]):
        return None
    noun = noun_after(ctx, m, sent)
    fig = Figure(m, sent, "illicit_profits", None, noun, unit=currency, qualifier=qualifier,
                 rules=[r for r in (qrule, "ind.illicit_profits") if r])
    fig.crimes, crule = _own_crimes(ctx, m, clause, noun)
    if crule and fig.crimes:
        fig.rules.append(crule)
    return fig


#: "victims of human trafficking aged 14 to 17": the crime between the noun and the age band
_OF_CRIME_BEFORE_BAND = re.compile(r"\s+of\s+(?:[\w-]+\s+){1,3}?(?=(?:aged|under|below|between|younger|over|above|older)\s)",
                                   re.IGNORECASE)
#: "Nine of the 14 victims were under 18": a part, its base and the predicate that describes the part
_NUMBER_WORD = r"(?:[a-z]+-)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)"
_PART_OF_BASE = re.compile(r"\s+of\s+(?:the|these|those|all)\s+(?:\d[\d,]*|" + _NUMBER_WORD + r")\s+(?:[\w-]+\s+){0,8}?"
                           r"(?=(?:were|was|are|is)\s)", re.IGNORECASE)
_BASE_OF_PART = re.compile(r"\b(?:\d[\d,]*|" + _NUMBER_WORD + r")\s+of\s+(?:the|these|those|all)\s+\Z", re.IGNORECASE)


def _breakdowns(ctx: DocContext, fig: Figure, base: Figure | None, clause: tuple[int, int],
                slot_end: int, action: object) -> None:
    text, m, noun = ctx.text, fig.mention, fig.noun
    slot = text[m.end:slot_end]
    part_of = _PART_OF_BASE.match(text, m.end, fig.sentence.end)
    if part_of:  # "Nine of the 14 victims were under 18": the predicate after the base is the part's
        slot = text[part_of.end():fig.sentence.end]
    base_of_part = not part_of and _BASE_OF_PART.search(text, max(clause[0], m.start - 30), m.start)
    if base_of_part:
        slot = ""  # ... and not the base's
    word = noun.word if noun.kind == "noun" else _paren_word(ctx, fig)  # "..., followed by men (14)"
    fig.age = attrs.age_from_slot(slot) or _noun_age(word, fig.indicator)
    if fig.age is None and noun.end > m.end and not part_of and not base_of_part:
        # "11 victims (of trafficking) aged 14 to 17": the band lies past the next figure
        band = _OF_CRIME_BEFORE_BAND.match(text, noun.end, fig.sentence.end)
        fig.age = attrs.age_from_slot(text[band.end() if band else noun.end:fig.sentence.end])
    fig.sex = attrs.sex_of_noun(word)
    if noun.end <= m.start or noun.role in ("victim", "suspect"):
        # a subject before the figure: "Child victims of trafficking rose from 30"; "9 women trafficking victims"
        fig.age = fig.age or next((a for w in noun.modifiers if (a := _noun_age(w, fig.indicator))), None)
        fig.sex = fig.sex or next((x for w in noun.modifiers if (x := attrs.sex_of_noun(w))), None)
    group = attrs.mixed_group(word, text[noun.end:slot_end]) if word else None
    group = group or attrs.category(slot, text[max(clause[0], m.start - 60):m.start])
    if group is not None:  # "were female", "Minors accounted for 318", "46 women and children"
        age, fig.sex = group
        fig.age = attrs.age_from_slot(slot) or (age if age != "18+" or fig.indicator.startswith("victims") else None)
    fig.nationality = noun.nationality
    if fig.nationality is None and word and noun.kind == "elliptical" and word[0].isupper():
        fig.nationality = ctx.rules.indicators.demonyms.get(word.lower())  # "..., followed by Ghanaians (2)"
    if fig.nationality is None and noun.kind == "elliptical":  # "52 of whom were Ukrainian citizens"
        fig.nationality = attrs.nationality_after(slot, ctx.rules.indicators.demonyms)
    citizens_of = _CITIZENS_OF.match(text, noun.end) if (noun.word or "").lower() in _CITIZEN_WORDS else None
    if fig.nationality is None and citizens_of:  # "1,104 citizens of Uzbekistan"
        fig.nationality = ctx.countries_at.get(citizens_of.end())
    if fig.nationality is None and (noun.word or "").lower() in ("nationals", "national") and ctx.country \
            and _BARE_NATIONALS.match(text, noun.end):
        fig.nationality = ctx.country  # "24 nationals and eight foreigners": the country's own nationals
    fig.location = fg.location_after(text, m, ctx.countries_at, slot_end)
    crimes, crule = _own_crimes(ctx, fig.mention, clause, noun)
    fig.crimes = crimes
    if crule:
        fig.rules.append(crule)
    if base is not None and crule != crime_scope.DISTRIBUTED and (
            _continues(base, fig) or base.sentence.text.rstrip().endswith(":")):
        fig.crime_base = base  # "The 2016 total of 4,096 cases breaks down as follows:" (a list)
    if base is not None and crule != crime_scope.DISTRIBUTED and _continues(base, fig):
        fig.crimes = fig.crimes or base.crimes
        if group is None:  # a group named for this figure ("and adults for 40") keeps its own sex and age
            fig.age = fig.age or base.age
            fig.sex = fig.sex or base.sex
        fig.nationality = fig.nationality or base.nationality
        fig.location = fig.location or (base.location if fig.head is None else None)
    _bracketed_country(ctx, fig, base)
    fig.nationality = _ranked_origin(ctx, fig) or fig.nationality
    act = action if isinstance(action, fg.Action) else None
    fig.indicator = fg.refine_victims(fig.indicator, act, text, clause, fig.nationality, ctx.country,
                                      fig.location)
    if fig.location == ctx.country:
        fig.location = None


_CITIZEN_WORDS = frozenset({"citizens", "citizen", "nationals", "national"})
_CITIZENS_OF = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")
_PAREN_NAME = re.compile(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\(\s*\Z")
_ORIGIN_WORDS = re.compile(r"\b(?:came|come|comes|coming|originat\w+|hail\w*|nationals?|citizens?|nationalit\w+)\b"
                           r"|\b(?:were|was|are|is)\s+(?:\w+\s+)?from\b|\bfrom\s*\Z", re.IGNORECASE)
_DEMONYM_SUBJECT = re.compile(r"\b([A-Z][a-z]+)\s+(?:victims|nationals|citizens|workers|women|men|children|girls|boys)\b")
_PLACE_WORDS = re.compile(r"\b(?:exploited|found|rescued|held|trafficked|sent|taken|identified|working|worked|located)\s+"
                          r"(?:\w+\s+){0,2}?(?:in|to)\b", re.IGNORECASE)


def _bracketed_country(ctx: DocContext, fig: Figure, base: Figure | None) -> None:
    """'including Myanmar (143), Vietnam (118)': a count in brackets after a country breaks a
    total down by nationality ("came from") or by the country of exploitation ("exploited in")."""
    text, m = ctx.text, fig.mention
    if not text.startswith(")", m.end) and not text[m.end:m.end + 2].lstrip().startswith(")"):
        return
    name = _PAREN_NAME.search(text, max(fig.sentence.start, m.start - 40), m.start)
    code = ctx.countries_at.get(name.start(1)) if name else None
    if code is None:
        return
    lead = text[fig.sentence.start:name.start(1)] if name else ""
    origin, place = _ORIGIN_WORDS.search(lead), _PLACE_WORDS.search(lead)
    if place and (origin is None or place.start() > origin.start()):
        fig.location = code
        who = _DEMONYM_SUBJECT.search(lead)  # "Colombian victims were most often exploited in Mexico (61)"
        if who and fig.nationality is None:
            fig.nationality = ctx.rules.indicators.demonyms.get(who.group(1).lower())
    elif origin or (base is not None and base.nationality == "foreign"):
        fig.nationality = code


_ORIGIN_LIST = re.compile(r"\bcountr(?:y|ies)\s+of\s+origin\b|\bnationalit(?:y|ies)\b", re.IGNORECASE)


def _ranked_origin(ctx: DocContext, fig: Figure) -> str | None:
    """'Nigeria remained the leading country of origin, with 1,240 people, followed by Pakistan with 187':
    the country named before each count of a ranking of origins."""
    sent, m = fig.sentence, fig.mention
    if not _ORIGIN_LIST.search(ctx.text, sent.start, sent.end):
        return None
    floor = max([c.end for c in ctx.cands if sent.start <= c.end <= m.start], default=sent.start)
    named = [(start, code) for start, code in ctx.countries_at.items() if floor <= start < m.start]
    if not named or not re.fullmatch(r"[^\d()]*\bwith\s+(?:about\s+|around\s+|some\s+|nearly\s+)?",
                                     ctx.text[max(named)[0]:m.start]):
        return None
    return max(named)[1]


def _continues(base: Figure, fig: Figure) -> bool:
    """A part shares its total's crimes when the total is in its sentence or heads it ("Of these,"),
    or when it continues a breakdown begun in the sentence before ("Cusco recorded 98")."""
    return (base.sentence is fig.sentence or fig.head is not None or "crime.breakdown" in base.rules
            or fig.noun.category)  # "Only 74 were minors": a group of the total before


def _own_crimes(ctx: DocContext, m: NumberMention, clause: tuple[int, int], noun: Noun
                ) -> tuple[tuple[str, ...], str | None]:
    found = [c for c in ctx.crimes if clause[0] <= c.start < clause[1]
             and not crime_scope.in_body_name(c, ctx.bodies, ctx.body_starts)
             and not crime_scope.in_title(ctx.text, c)]
    crimes, rule = crime_scope.own_crimes(ctx.text, found, clause, m, ctx.cands)
    if crimes or rule == crime_scope.DISTRIBUTED:
        return crimes, rule
    return fg.crimes_for(ctx.crimes_before(m.start), [], ctx.text, clause, noun)  # "such cases"


def _noun_age(word: str | None, indicator: str) -> str | None:
    age = attrs.age_of_noun(word)
    if age == "18+" and word and word.lower() in ("woman", "women", "man", "men") and not indicator.startswith("victims"):
        return None
    return age
