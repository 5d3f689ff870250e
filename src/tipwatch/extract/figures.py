"""From the numbers of one sentence to classified figures (indicator, breakdowns).

A *figure* is a number that counts something the vocabulary knows. Its noun and the
actions in its clause give the indicator; breakdown parts ("Of that number, 138 were
under 15", "including three Vietnamese") and elliptical numbers ("while 273 were
returned home") borrow from the figure they refer to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tipwatch.extract import attributes as attrs
from tipwatch.extract.indicators import ABROAD, CHANGE_BEFORE, Action, Noun, is_difference_after
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
_FROM_COUNTRY = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?(?:from|in)\s+(?:the\s+)?\Z", re.IGNORECASE)
_ARTICLE = re.compile(r"(?:(?<=,\s)|(?<=including\s)|(?<=and\s))(an?)\s+(?=[A-Z])")
_AND_ONE = re.compile(r"\band\s+(an?)\s+(?=(?:girl|boy|woman|man|child|minor|teenager|infant|baby)\b)")
_COUNT_ITEM_BEFORE = re.compile(r"\d\s+[a-z]+\s*\Z")
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
    r"\b(?:at|on|to|via)\s+(?:the\s+)?(?:free\s+|toll[- ]free\s+|emergency\s+|short\s+)?number\s*:?\s*",  # "at the number 1555"
    r"\b(?:hotline|helpline|help line|tip line|tipline|childline|line)\s*,\s*",  # "Its helpline, 116, received"
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
    r"\bzone\s+",  # "in zone 18" (a city district)
    r"(?-i:\b[A-Z][a-z]+\s+(?:Number|Nr\.?))\s+",  # "Department Number 05", "Police Station Nr. 3": a name
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
    # what a victim or worker earns is a wage, not the trafficker's proceeds
    r"\b(?:victims?|survivors?|workers?|women|girls|men|boys|labou?rers|migrants|he|she|they|each)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:earn(?:s|ed|ing)?|made|makes?|receiv(?:es?|ed)|got|gets)\s+(?:only\s+|just\s+|about\s+|around\s+|as little as\s+|"
    r"less than\s+|up to\s+)?(?:US\s?)?",
)
_FRACTION_BEFORE = (
    r"\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out of)\s+(?:every\s+)?",
    r"\ball\s+but\s+",  # "all but one of them were girls": the rest of a group, not a count
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
# targets, plans and capacities are not counts of what happened: "aims to identify at least 1,000 victims a year",
# "the centre can accommodate up to 40 victims", "a capacity of 60"
_PLAN_BEFORE = (
    r"\b(?:aims?|aimed|aiming|plans?|planned|planning|targets?|targeted|goal|objective|intends?|intended|intending|"
    r"seeks?|seeking|hopes?|hoped|hoping|pledged?|pledges|promised?|promises|expects?|expected)\s+"
    r"(?:is\s+|was\s+|are\s+|were\s+)?to\s+(?:[\w-]+\s+){1,2}?(?:at\s+least\s+|about\s+|some\s+|around\s+|up\s+to\s+|"
    r"more\s+than\s+|over\s+|another\s+|a\s+further\s+|an\s+additional\s+|nearly\s+)?",
    r"\b(?:can|could|will\s+be\s+able\s+to|would\s+be\s+able\s+to|is\s+able\s+to|are\s+able\s+to|capacity\s+to)\s+"
    r"(?:house|accommodate|host|shelter|hold|take\s+in|receive|serve)\s+(?:up\s+to\s+|about\s+|some\s+|as\s+many\s+as\s+|"
    r"around\s+|more\s+than\s+)?",
    r"\bcapable\s+of\s+(?:housing|accommodating|hosting|sheltering|holding|taking\s+in|receiving|serving|feeding)\s+"
    r"(?:up\s+to\s+|about\s+|some\s+|as\s+many\s+as\s+|around\s+|more\s+than\s+)?",
    r"\bcapacity\s+(?:of|for)\s+(?:up\s+to\s+|about\s+|some\s+|around\s+|more\s+than\s+)?",
)
_NOT_FACT_BEFORE = re.compile(
    "(?:" + _alt(*_LAW_BEFORE, *_PLAN_BEFORE, *_PHONE_BEFORE, *_PLATE_BEFORE, *_ADDRESS_BEFORE, *_PAGE_BEFORE,
                 *_FOOTNOTE_BEFORE, *_FRACTION_BEFORE, *_POPULATION_BEFORE, *_LABEL_BEFORE) + r")\Z",
    re.IGNORECASE,
)
_COMPARED_RX = re.compile("(?:" + _alt(*_COMPARED_INSPECTIONS) + r")\Z", re.IGNORECASE)  # a 140-char window
#: words one of which ``_COMPARED_INSPECTIONS`` needs: an ASCII window without them cannot match
_COMPARED_WORDS = ("inspections", "visits", "checks", "patrols", "training", "workshops", "seminars",
                   "meetings", "checkpoints", "awareness")


def _may_compare(text: str, start: int, end: int) -> bool:
    window = text[start:end]
    if not window.isascii():
        return True
    low = window.lower()
    return any(w in low for w in _COMPARED_WORDS)


#: nothing counted after an amount: "a budget of 4.5 million for the programme", "funding of 200,000."
_BARE_AMOUNT_AFTER = re.compile(r"\s*(?:(?:for|to|in|on|from|over|per|this|last|each|a|an)\b|[,.;)]|$)", re.IGNORECASE)
_MONEY_BEFORE_RX = re.compile("(?:" + _alt(*_MONEY_BEFORE) + r")\Z", re.IGNORECASE)
_CAPTION_BEFORE_RX = re.compile("(?:" + _alt(*_CAPTION_BEFORE) + r")\Z", re.IGNORECASE)

_DURATION_AFTER = (
    r"\s*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|decades?|nights?|quarters?)\b",
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
    # "Seven victims in ten came from Africa": a proportion, not a count
    r"\s+(?:[\w-]+\s+){1,2}(?:in|out of)\s+(?:every\s+)?(?:two|three|four|five|ten|hundred|\d{1,3})\b"
    r"(?=\s*(?:[,;.]|were|are|was|is|came|come|had|have|said|reported|lived|worked)\b|\s*[,;.])",
)
#: "arrested for smuggling and trafficking of human beings": the other crime comes with trafficking in persons
_NOT_ALSO_TIP = (r"(?![^.;,\d]{0,30}\b(?:human\s+trafficking|trafficking\s+in\s+(?:persons|human)|"
                 r"(?:and|or|&|for|into)\s+(?:the\s+purpose\s+of\s+)?(?:human\s+)?trafficking(?!\s+(?:of\s+)?(?:drugs|narcotics|arms|weapons|firearms))))")
_OTHER_CRIME_AFTER = (
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:(?:migrant|human|people)\s+smuggl(?:ers?|ing)|smuggl(?:ers?|ing)|drugs?|"
    r"narcotics?|methamphetamine|meth|heroin|cocaine|cannabis|marijuana|firearms?|guns?|weapons?|arms|"
    r"(?:online\s+)?fraud(?:sters?)?|robber(?:y|ies)|thefts?|murders?|homicides?|burglar(?:y|ies)|"
    r"corruption|poaching|wildlife|timber|counterfeit)\b" + _NOT_ALSO_TIP,
    # "2,341 cases of domestic violence", "310 kidnappings": crimes that are not trafficking in persons, counted
    # by their own noun (a bare "6 of kidnapping" may be one form in a breakdown of trafficking cases)
    r"\s+(?:[\w'’-]+\s+)?(?:cases?|incidents?|offen[cs]es|crimes|complaints|reports|charges)\s+(?:of|involving|related\s+to|"
    r"for|over)\s+(?:[\w'’-]+\s+)?(?:domestic\s+violence|gender[\s-]based\s+violence|intimate\s+partner\s+violence|"
    r"rape|sexual\s+assault|assault|kidnapping|abduction|extortion|cyber\s?crime|money\s+laundering|missing\s+persons?)\b"
    + _NOT_ALSO_TIP,
    r"\s+(?:[\w'’-]+\s+)?(?:rapes|sexual\s+assaults|assaults|kidnappings|abductions|road\s+accidents|traffic\s+accidents)\b"
    + _NOT_ALSO_TIP,
)
# missing people are not (yet) victims: "340 children had been reported missing"
_MISSING_AFTER = (
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:reported\s+missing|gone\s+missing|went\s+missing|(?:are|were|remain|remained|is|was)\s+(?:still\s+)?missing)\b",
)
_MIGRATION_AFTER = (
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:work|works|working|live|lives|living|reside[sd]?|residing|are employed|"
    r"are working|are living|have migrated|migrated?|emigrated?|are based)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:abroad|overseas|outside|in other countries|in foreign|in the Gulf|in the Middle East)\b",
    r"\s+(?:[\w-]+\s+){0,2}?(?:population|inhabitants|diaspora|tourists)\b",
    # "detained 8,000 men trying to cross the border illegally to avoid mobilisation"
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:trying|attempting|who\s+tried|who\s+attempted|caught\s+trying)\s+to\s+"
    r"(?:cross|leave|enter|flee|slip)\b",
    r"\s+(?:[\w'’-]+\s+){0,6}?to\s+(?:avoid|evade|dodge|escape)\s+(?:military\s+)?(?:mobili[sz]ation|conscription|"
    r"the\s+draft|military\s+service)\b",
)
_MONEY_AFTER = (
    r"\s*(?:[\w-]+\s+){0,2}?(?:in\s+)?(?:fines?|penalt(?:y|ies)|bail|back wages|wages|salar(?:y|ies)|"
    r"compensation|restitution|damages|ransom|budget|grants?|funding|fees?|loans?|debts?|reward|bounty)\b",
    r"\s*(?:[\w-]+\s+)?(?:a|per|an|each)\s+(?:day|week|month|hour|shift|night)\b",  # "$50 a day": a wage
)
# arrests and charges for offences that are not trafficking ("44 migrants for illegal entry",
# "62 were charged with solicitation")
_OTHER_OFFENCE_AFTER = (
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:for|over|with|of|on\s+charges\s+of)\s+(?:[\w'’-]+\s+)?"
    r"(?:illegal(?:ly)?\s+(?:entry|entering|migration|immigration|stay|staying|border\s+crossing|crossing|gambling|mining|"
    r"logging|fishing|residence)|immigration\s+(?:offen[cs]es|violations|charges|breaches)|overstay\w*|"
    r"solicit(?:ation|ing)|visa\s+(?:violations|offen[cs]es|breaches)|irregular\s+(?:entry|migration|stay)|"
    r"(?:migrant\s+|people\s+)?smuggl\w+|drugs?|drug[\w-]+|narcotics?)\b" + _NOT_ALSO_TIP,
)
# labour-law matters: complaints about pay, workers found without permits by labour inspectors
_LABOUR_AFTER = (
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:complaints?|grievances|claims|disputes|petitions)\b[^.;]{0,50}?"
    r"\b(?:about|over|regarding|concerning|related\s+to|on|involving|for)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:wages?|salar(?:y|ies)|pay|payment|contracts?|working\s+(?:conditions|hours)|overtime|dismissals?|"
    r"labou?r\s+disputes?|employment\s+disputes?|severance|leave)\b",
    r"\s+(?:[\w'’-]+\s+)?cases\s+(?:of|over|involving|related\s+to)\s+(?:unpaid\s+wages|wage\s+arrears|non-?payment)\b",
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:complaints?|grievances|claims|petitions)\s+(?:about|against|from|over)\s+(?:their\s+|the\s+)?"
    r"(?:employers?|bosses|companies|recruitment\s+agencies|landlords)\b",  # "1,240 complaints about employers"
    r"\s+labou?r\s+(?:complaints?|grievances|disputes|claims)\b",  # "received 22,500 labour complaints"
    r"\s+(?:undeclared|irregular|unregistered|informal|illegal)\s+(?:foreign\s+)?(?:workers|employees|labourers|laborers)\b",
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:workers|employees|labourers|laborers|migrants|foreigners)\s+(?:who\s+(?:were|was)\s+)?"
    r"(?:working\s+|employed\s+)?(?:without\s+(?:valid\s+|proper\s+)?(?:contracts?|permits?|work\s+permits?|"
    r"papers|documents|visas?)|illegally|irregularly|undeclared)\b",
)
# a rate, not a count: "forced to serve over 10 men daily", "15 clients a night"
_RATE_AFTER = (
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:daily|nightly|a\s+day|per\s+day|each\s+day|every\s+day|a\s+night|per\s+night|"
    r"each\s+night|every\s+night|an\s+hour|per\s+hour)\b",
    # "hears 4 cases of trafficking a week": a pace, not a count of the period
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:a\s+week|per\s+week|each\s+week|every\s+week|weekly)\b",
)
# a share of money, time or staff, not of people: "40 percent of its budget for victims goes to shelters"
_RESOURCE_SHARE_AFTER = (
    r"\s*(?:%|per\s?cent|percent)\s+of\s+(?:the\s+|its\s+|their\s+|our\s+|this\s+|that\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:budgets?|funding|funds|spending|expenditures?|resources|revenues?|income|GDP|allocations?|time|staff|"
    r"workforce|personnel)\b",
)
_NOT_FACT_AFTER = re.compile(
    "^(?:" + _alt(*_DURATION_AFTER, *_RESOURCE_SHARE_AFTER, *_PHONE_AFTER, *_ADDRESS_AFTER, *_FRACTION_AFTER, *_OTHER_CRIME_AFTER,
                  *_OTHER_OFFENCE_AFTER, *_LABOUR_AFTER, *_RATE_AFTER, *_MIGRATION_AFTER, *_MISSING_AFTER, *_LABEL_AFTER) + ")",
    re.IGNORECASE,
)
_MONEY_AFTER_RX = re.compile("^(?:" + _alt(*_MONEY_AFTER) + ")", re.IGNORECASE)
_CAPTION_VERB = re.compile(
    r"^[^.\n]{0,120}?\b(?:arrive|wait|pose|sit|stand|gather|queue|listen|board|walk|rest|line up|look on|"
    r"attend|receive|disembark|return|hold|wave|cry|pray)s?\b|^[^.\n]{0,120}?\b(?:are|is) (?:seen|pictured)\b",
    re.IGNORECASE,
)
_LINE_START = re.compile(r"(?:^|\n)[ \t]*[-–—]?[ \t]*\Z")
_LINE_REST = re.compile(r"^[ \t]*(?:[-–—][ \t]*)?(?:\n|$)|^[.)][ \t]")  # "– 14 –", "3", "1. " list marker
_NAME_AGE = re.compile(r"(?-i:\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*),\s*\Z")
_BRACKET = re.compile(r"\[\s*\Z")
# "between January and May 15": a day of the month, not a count
#: "22 June", "5 Dec.": a day of the month before its month (the claims scan skips such numbers)
MONTH_AFTER = re.compile(r"^\s+(?-i:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?")
MONTH_BEFORE = re.compile(r"(?-i:\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)\s+\Z")
# Phone numbers in national formats: "0800 722 203", "03-2266 2222", "08600 10111", "+254 722 203 444".
# A number is one group of a run of digit groups split by single spaces or hyphens; the run is a phone
# number when it has a country code, a group with a leading zero, or seven digits or more.
_GROUPS_BEFORE = re.compile(r"(?:(?<![\d,.])(\+?)(\d++)[ -])++\Z")
_GROUPS_AFTER = re.compile(r"^(?:[ -]\d++(?![,.]\d))++")
_LEADING_ZERO = re.compile(r"(?:^|[ +-])0\d")
# "841 aged over 16 and 178 under 16": after another number, "under 16" is an age bound
_AGE_BOUND_WORDS = r"\s+(?:aged\s+)?(?:under|over|above|below|younger than|older than)\s+(?:the age of\s+)?"
_AGE_AFTER_COUNT = re.compile(r"\d" + _AGE_BOUND_WORDS + "$", re.IGNORECASE)
#: the words between a count and the age that bounds it ("three | under | 13"): shared with the claims scan
AGE_AFTER_COUNT_BETWEEN = re.compile("^" + _AGE_BOUND_WORDS + "$", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"^\s*(?:of\b|per\s?cent|%)")
_CAP_WORD = re.compile(r"[A-Z][\w'’-]*")
NOT_COUNT_AFTER = re.compile(r"^\s*(?:times|fold|-fold)\b|^(?:st|nd|rd|th)\b|^\s*/\s*\d|^:\d")

# -- guards shared with the claim finders (extract/claims/scan.py): one definition each ----------
#: the whole "after" side of the durations above: "six months", "3-day", "two quarters"
DURATION_AFTER = re.compile("^(?:" + _alt(*_DURATION_AFTER) + ")", re.IGNORECASE)
#: an age that bounds a group, just before the number: "aged 15", "between 15", "younger than 15"
BOUND_BEFORE = re.compile(r"(?:younger|older)\s+than\s+$|(?:aged|ages?|between)\s+\Z", re.IGNORECASE)
#: "under 15", "over 18": a bound when the number is an age
UNDER_OVER_BEFORE = re.compile(r"(?:under|over|below|above)\s+\Z", re.IGNORECASE)
#: "15 years old", "16-year-old", "15 years"
YEARS_OLD_AFTER = re.compile(r"^(?:\s|-)?years?[\s-]+old|^-year-old|^\s*years?\b", re.IGNORECASE)
#: what joins the two ends of a range: "15 and 17", "15 to 17", "15-17"
RANGE_JOIN = re.compile(r"^\s*(?:and|to|-|–)\s*\Z")
#: a person noun after a small number makes it a count, not an age ("between 15 victims")
COUNT_NOUN_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+)?(?:victims?|cases?|people|persons?|suspects?|arrests?|women|men|"
                              r"girls|boys|children|minors|adults|foreigners|nationals|workers)\b", re.IGNORECASE)
#: pieces of "2021-22", "2022/23", phone numbers and times: a digit and a joiner on either side
CODE_BEFORE = re.compile(r"\d[-/–]\Z")
CODE_AFTER = re.compile(r"^[-/:]\d")


def is_code_piece(text: str, start: int, end: int) -> bool:
    """Is the number at ``start:end`` one piece of '2021-22', '2022/23', '10:30' or '555-0100'?"""
    return bool(CODE_BEFORE.search(text[max(0, start - 2):start]) or CODE_AFTER.match(text[end:end + 2]))
_FROM_BEFORE = re.compile(r"\bfrom\s+\Z")
# a related-link headline left in a scrape: "Read more: Police free 40 victims in border raid"
_RELATED_LINK = re.compile(
    r"(?:\b(?:read|see)\s+(?:also|more)|\balso\s+(?:read|see)|\brelated(?:\s+(?:stories|story|articles?|news|"
    r"content|coverage|links?))?|\bmost\s+(?:read|viewed|popular|shared)|\brecommended(?:\s+for\s+you)?|"
    r"\bmore\s+(?:stories|news|on\s+this(?:\s+story)?)|\byou\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested)|"
    r"\btrending(?:\s+now)?)\s*(?:[:|>»›→▶►]+|[-–—]\s)[^.!?\n]*\Z"
    # a bare label opens its line or follows a sentence, and a colon or bar ends it ("Human Rights Watch -" is a name)
    r"|(?:^|\n|[.!?]\s+)[ \t]*(?:watch|listen|read|videos?|photos?|gallery|podcast|up\s+next|top\s+stories|"
    r"latest(?:\s+news)?)\s*[:|>»›→▶►]+[^.!?\n]*\Z",
    re.IGNORECASE,
)
# a headline: capitalised, 4 to 22 words, no end punctuation, no colon or table bar
_HEADLINE = re.compile(r"[ \t]*(?-i:[A-Z0-9‘'\"“])[^\n:|•;]{20,140}?(?<![.!?;:,)\"”’'])[ \t]*")
_BODY_ABOVE = re.compile(r"[.!?][\"”’']?[ \t]*\n")
# ages, not counts: "aged from 18 to 31", "range in age from 13 to 25", "the youngest was 12",
# "The girls, between 14 and 17, were", "Two of the girls were 15."
_AGE_BEFORE = re.compile(
    r"(?:\baged\s+(?:from\s+|between\s+)(?:\d{1,2}\s*(?:years?\s+)?(?:and|to|-|–)\s*)?"
    r"|\baged\s+(?:\d{1,2}\s*(?:,|and|to|-|–)\s*)+"
    r"|\b(?:in\s+age|ages?\s+(?:rang\w+\s+)?)(?:from\s+|between\s+)?(?:\d{1,2}\s*(?:and|to|-|–)\s*)?"
    r"|\b(?:youngest|oldest|eldest)\b[^.;,\d]{0,30}"
    r"|[,(]\s*between\s+(?:\d{1,2}\s*(?:and|to|-|–)\s*)?"
    r"|\b(?:girls?|boys?|victims?|survivors?|women|woman|men|man|children|child|minors?|suspects?|she|he|they|whom|who)"
    r"\s+(?:were|was|is|are)\s+(?:just\s+|only\s+|both\s+|all\s+)?(?:\d{1,2}\s*(?:,|and|or|to|-|–)\s*)?)\Z",
    re.IGNORECASE,
)
_AGE_LIST = re.compile(r"(?:\baged\s+(?:\d{1,2}\s*(?:,|and|to|-|–)\s*)+|\b(?:girls?|boys?|child|children|woman|women|man|men|"
                       r"teenagers?|sons?|daughters?|victims?)\s+of\s+(?:just\s+|only\s+)?)\Z", re.IGNORECASE)
_AGE_BEFORE_END = re.compile(r"^\s*(?:[.;,)]|and\b|(?:and|or|to|-|–)\s*\d{1,2}\s*(?:[.;,)]|years?\b|$)|$)")
# "One woman said she was beaten", "One suspect, a local businessman, owned the brothel": a sentence that
# opens on one person tells a story, it does not count
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)[\"“‘']?\s*$")
_ONE_PERSON = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:victim|survivor|woman|man|girl|boy|child|minor|suspect|person|worker|trafficker|"
    r"defendant|teenager|mother|father|resident|witness|recruiter|broker|accused)\b(?!-)|^\s*(?:,|\s+(?:is|was|has|had|"
    r"managed|escaped|died)\b)|^\s+of\s+(?:the|these|those|them|whom|his|her|their)\b",
    re.IGNORECASE,
)
_VERSION = re.compile(r"\d{1,2}\.0")
_SCALE_AFTER = re.compile(r"\s*(?:%|per\s?cent|percent|million|billion|thousand|bn\b|m\b|mn\b|k\b)", re.IGNORECASE)
# "In one case, a madam recruited ...": an example, not a count
_IN_ONE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)(?:In|On|During)\s+\Z")
_ONE_INSTANCE = re.compile(r"^\s+(?:[\w-]+\s+)?(?:case|instance|incident|raid|operation|example|occasion|village|district)\s*,",
                           re.IGNORECASE)
# "One of the suspects is a soldier", "one of whom was pregnant", "One said": a pronoun, not a count
_ONE_PRONOUN = re.compile(
    r"^\s+(?:of\s+(?:the|these|those|them|whom|his|her|their)\b(?:\s+[\w'’-]+){0,3}?\s*,?\s+"
    r"(?:is|was|has|had|said|says|told|tells|remains|remained|died|escaped|managed|recalled|described|who|reportedly)\b"
    r"|(?:said|says|told|tells|recalled|added|explained|described|who|whose)\b)",
    re.IGNORECASE,
)


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


def counts_people_as_cases(text: str, m: NumberMention) -> bool:
    """'In eleven cases the person's sex was not recorded': no fact of its own, but people who
    complete a breakdown by sex, age or nationality (a part for the claims)."""
    before = text[max(0, m.start - 60):m.start]
    return bool(_IN_BEFORE.search(before) and _CASES_OF_PEOPLE_AFTER.match(text, m.end, m.end + 80))


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
    if counts_people_as_cases(text, m):
        return True  # "In eleven cases the person's sex was not recorded": people, counted by another word
    if _is_phone(text, m, before, after):
        return True
    if not m.is_word and m.value <= 31 and len(m.surface) <= 2 and MONTH_BEFORE.search(before) \
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
    if m.value >= 1000 and _MONEY_BEFORE_RX.search(before) and _BARE_AMOUNT_AFTER.match(after):
        return True  # "approved a budget of 4.5 million for shelters": an amount whose currency goes unsaid
    if not m.is_word and _NAME_BEFORE.search(before) and _APPOSITIVE_AFTER.match(after):
        return True  # "The Línea 145, the free national hotline, ...": a number in a name
    if _DECIMAL.fullmatch(m.surface) and not _SCALE_OR_SHARE.match(after):
        return True  # "NGHTI 2.0", "version 1.5": a count of people or cases has no decimals
    if m.is_word and m.value == 1 and _EVERY_ONE.search(before):
        return True  # "Every one of these reports is a person"
    return bool(m.is_word and m.value == 1 and _ONE_CASE.search(before) and _ONE_CASE_AFTER.match(after))


_IN_BEFORE = re.compile(r"(?:^|[.;,]\s+|\band\s+)[Ii]n\s+\Z")
_CASES_OF_PEOPLE_AFTER = re.compile(r"\s+cases?\b,?\s+(?:the\s+)?(?:person|victim|individual|people|victims)(?:['’]s|s['’])?\s+"
                                    r"(?:sex|gender|age|nationality)\b|\s+cases?\b,?\s+(?:another|a\s+different|no)\s+"
                                    r"(?:sex|gender|age|nationality)\b", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?:^|[\s(])(?-i:[A-Z])[\w'’-]*[^\W\d_A-Z][\w'’-]*\s+\Z")
_APPOSITIVE_AFTER = re.compile(r"\s*,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:hotline|line|helpline|number|law|act|operation|"
                               r"programme|program|centre|center|unit|shelter|road|highway|route)\b", re.IGNORECASE)
_DECIMAL = re.compile(r"\d{1,3}\.\d{1,2}")
_SCALE_OR_SHARE = re.compile(r"\s*(?:%|per\s?cent|percent|pc\b|percentage|million|billion|trillion|thousand|lakh|crore|"
                             r"mn\b|bn\b|m\b|k\b|times\b)", re.IGNORECASE)
#: "In one case, a madam ...": an anecdote, not a count of one case
_EVERY_ONE = re.compile(r"\b(?:[Ee]very|[Ee]ach|[Aa]ny|[Nn]o|[Tt]he)\s+\Z")
_ONE_CASE = re.compile(r"\b(?:[Ii]n|[Ii]n\s+at\s+least)\s+\Z")
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
    borrowed: Figure | None = None  # the figure whose count a part or an elliptical figure continues
    elliptical: bool = False
    rules: list[str] = field(default_factory=list)
    also: list[tuple[str, str]] = field(default_factory=list)  # (indicator, rule) of a second, coordinated action

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


#: "163 cases in 2023, 29 cases more than in 2022": the difference, not a count
_DIFF_AFTER = re.compile(r"\s*(?:[A-Za-z-]+\s+){1,2}(?:more|fewer|less)\s+than\s+(?:in|during|for|the|last|a|an|(?:19|20)\d\d)\b")
def _line_at(text: str, pos: int) -> tuple[int, int]:
    """The line around ``pos``, looked for within 200 characters each side ((-1, -1) when longer)."""
    lo, hi = max(0, pos - 200), min(len(text), pos + 200)
    start = text.rfind("\n", lo, pos) + 1
    end = text.find("\n", pos, hi)
    if (start == 0 and lo > 0) or (end < 0 and hi < len(text)):
        return -1, -1
    return start, hi if end < 0 else end


def _is_headline(text: str, start: int, end: int) -> bool:
    return 0 <= start < end and bool(_HEADLINE.fullmatch(text, start, end))


def _in_headline_run(text: str, pos: int) -> bool:
    """A number in a run of two or more headline-like lines (capitalised, no end punctuation) below a
    paragraph of the body: a list of links to other articles left in a scrape."""
    start, end = _line_at(text, pos)
    if not _is_headline(text, start, end) or not _BODY_ABOVE.search(text, max(0, start - 1500), start):
        return False  # a title and its deck stand above the body
    if start >= 2 and text[start - 2] != "\n":  # the line above, when no blank line separates them
        above = _line_at(text, start - 2)
        if _is_headline(text, *above):
            return True
    if end + 1 < len(text) and text[end + 1] != "\n":
        below = _line_at(text, end + 1)
        if _is_headline(text, *below):
            return True
    return False


def is_skipped(text: str, m: NumberMention, blocked: list[tuple[int, int]]) -> bool:
    """Numbers that are not counts: in time expressions, ages, stated changes."""
    if any(s <= m.start < e for s, e in blocked):
        return True
    before = text[max(0, m.start - 60):m.start]
    after = text[m.end:m.end + 40]
    if m.value < 100 and not m.currency and (_AGE_LIST.search(before) or (
            _AGE_BEFORE.search(before) and _AGE_BEFORE_END.match(after))):
        return True  # "aged from 18 to 31", "the youngest was 12", "aged 22, 37 and 41", "a girl of 14"
    if _VERSION.fullmatch(m.surface) and not _SCALE_AFTER.match(after):
        return True  # "(NGHTI) 2.0": a version, not a count
    if m.value == 1 and m.surface.lower() == "one" and (
            _ONE_PRONOUN.match(after) or (_SENTENCE_START.search(before) and _ONE_PERSON.match(after))
            or (_IN_ONE.search(before) and _ONE_INSTANCE.match(after))):
        return True  # "One of the suspects is a soldier", "One victim, who asked not to be named, said"
    if _RELATED_LINK.search(text, max(0, m.start - 160), m.start) or _in_headline_run(text, m.start):
        return True  # "Read more: Police free 40 victims in border raid"
    if m.value < 100 and attrs.is_age_bound(before, after):
        return True  # an age is under 100: "were over 300" is a count
    if CHANGE_BEFORE.search(before) or _DIFF_AFTER.match(after) or is_difference_after(text, m.start, m.end):
        return True
    if _AT_RISK.match(text, m.end, m.end + 80) or is_not_fact(text, m):
        return True
    return bool(NOT_COUNT_AFTER.match(after) or _OTHER_OFFENCES_AFTER.match(text, m.end))


#: "36 arrests for other offences such as robbery": a count of other crimes beside the trafficking one
_OTHER_OFFENCES_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:for|on|over|involving)\s+(?:\w+\s+)?other\s+"
                                   r"(?:offen[cs]es|crimes|charges|criminal\s+offen[cs]es)\b", re.IGNORECASE)


def with_second_actions(figs: list[Figure]) -> list[Figure]:
    """'arrested 40 suspects and sent them to court' is 40 arrested and 40 prosecuted (SPEC section 1):
    each figure with a coordinated second action is followed by its copy under that action's indicator."""
    out: list[Figure] = []
    for fig in figs:
        out.append(fig)
        for indicator, rule in fig.also:
            rules = [r for r in fig.rules if not r.startswith("act.")] + [rule]
            out.append(replace(fig, indicator=indicator, rules=rules, also=[]))
    return out


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


#: the words between a figure and the base it is compared with ("a 35 per cent rise on the 915")
_BASE_CUE = re.compile(r"\b(?:from|on|than|against|versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+|a\s+|just\s+|only\s+)?\Z",
                       re.IGNORECASE)


def _newer(text: str, figs: list[Figure]) -> Figure:
    """The last figure, or the newer figure when the last is the base it is compared with: in "rescued
    1,236 victims in 2023, a rise on the 915 rescued in 2022, among them 418 children", 418 are of 1,236."""
    last = figs[-1]
    if len(figs) >= 2:
        newer = figs[-2]
        if (newer.indicator == last.indicator and newer.unit == last.unit == "count"
                and _BASE_CUE.search(text, newer.mention.end, last.start)):
            return newer
    return last


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
        after = [f for f in figs if f.start > inc.end() and f.head is None and f.borrowed is None]
        if after:  # "of which 925 were women, and detained 118 persons, 71 of them ...": of the new total
            return after[-1]
        before = [f for f in figs if f.start < inc.start()]
        if before:
            return _newer(text, before)
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
