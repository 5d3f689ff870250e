"""Number formats, period expressions and precision guards (unit level).

The golden rows in tests/golden/extract/formats_periods_guards.jsonl cover the same ground
end to end; these tests pin the pieces: parsing, period resolution, and the regex budget.
"""

from __future__ import annotations

import time

import pytest

from tipwatch.extract import load_rules, parse_number
from tipwatch.extract.figures import is_not_fact
from tipwatch.extract.periods import PublicationYear, publication_year


@pytest.mark.parametrize(("text", "value"), [
    ("1.943", 1943), ("2.830", 2830), ("R$ 12.877.721,82", 12877721.82), ("13 mil 378", 13378),
    ("1.2k", 1200), ("5 lakh", 500_000), ("3 crore", 30_000_000), ("Rs 5,00,000", 500_000),
    ("1,20,50,000", 12_050_000), ("one thousand, two hundred and forty-seven", 1247),
    ("Eighty-five", 85), ("2.5", 2.5), ("6.8m", None),
])
def test_number_formats(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_currency_symbols_and_words() -> None:
    rules = load_rules()
    found = {m.surface: m.currency for m in rules.numbers.finditer("R$ 500, Tk 5 lakh, 50,000 pesos and 20 yen")}
    assert found == {"R$ 500": "BRL", "Tk 5 lakh": "BDT", "50,000": "PHP", "20": "JPY"}


def test_counting_articles() -> None:
    rules = load_rules()
    text = "Police rescued a girl. A man was arrested. A woman told reporters about it."
    found = [(m.surface, m.value, m.start) for m in rules.numbers.finditer(text)]
    assert found == [("a", 1, 15), ("A", 1, 23)]


def _period(text: str, published: str | None, country: str | None = None) -> tuple[str | None, str]:
    rules = load_rules().periods
    exprs, _ = rules.find(text, 0, len(text))
    assert exprs, f"no time expression in {text!r}"
    e = exprs[0]
    return rules.resolve(e, publication_year(published), None, country), e.text


@pytest.mark.parametrize(("text", "published", "country", "period"), [
    ("from June 5 to July 3", "2023-07-15", None, "2023-06-05/2023-07-03"),
    ("from 5 to 11 June 2023", "2023-06-22", None, "2023-06-05/2023-06-11"),
    ("between 5 June and 3 July 2022", "2023-01-01", None, "2022-06-05/2022-07-03"),
    ("between January and March", "2023-04-20", None, "2023-Q1"),
    ("since January", "2023-07-15", None, "2023-01-01/2023-07-15"),
    ("since January", "2023", None, None),
    ("since March 2022", "2023-07-15", None, "2022-03-01/2023-07-15"),
    ("so far this year", "2023-07-15", None, "2023-01-01/2023-07-15"),
    ("year to date", None, None, None),
    ("between 2018 and 2022", "2023", None, "2018-01-01/2022-12-31"),
    ("during 2016 and 2017", "2023", None, "2016-01-01/2017-12-31"),
    ("in 2018-2022", "2023", None, "2018-01-01/2022-12-31"),
    ("since 2003", "2023", None, None),
    ("since it was formed", "2023", None, None),
    ("FY2022", "2022-11-02", "US", "2021-10-01/2022-09-30"),
    ("fiscal year 2022", "2023", "TH", "2021-10-01/2022-09-30"),
    ("fiscal year 2022", "2023", "JP", "2022-04-01/2023-03-31"),
    ("FY2022", "2023", "PK", "2021-07-01/2022-06-30"),
    ("FY2022", "2023", "KE", None),
    ("financial year 2023-24", "2024", "KE", "2023-07-01/2024-06-30"),
    ("the 2023-24 financial year", "2024", "AU", "2023-07-01/2024-06-30"),
    ("2022/23", "2023", "GB", "2022-04-01/2023-03-31"),
    ("fiscal year 2022/23", "2023", "NP", None),
    ("fiscal year 2022", "2023", "PH", "2022"),
    ("B.E. 2565", "2023", None, "2022"),
    ("in 2565", "2023", "TH", "2022"),
    ("fiscal year 2565", "2023", "TH", "2021-10-01/2022-09-30"),
])
def test_periods(text: str, published: str | None, country: str | None, period: str | None) -> None:
    assert _period(text, published, country)[0] == period


@pytest.mark.parametrize("text", ["(4/7/2023)", "on 24.1.2024", "on 09-05-2025", "2023-07-04"])
def test_local_dates_are_blocked_and_give_no_period(text: str) -> None:
    rules = load_rules().periods
    exprs, blocked = rules.find(text, 0, len(text))
    assert exprs == []
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    assert all(any(s <= i < e for s, e in blocked) for i in digits)


def test_publication_year_keeps_the_date() -> None:
    year = publication_year("2023-07-15")
    assert year == 2023 and isinstance(year, PublicationYear) and year.published == "2023-07-15"
    assert year + 1 == 2024


@pytest.mark.parametrize(("text", "number"), [
    ("Police arrested Abdi, 32, and", "32"), ("under Act 670 police", "670"), ("RA 10364", "10364"),
    ("call 1343 now", "1343"), ("dialling 100 for help", "100"), ("the hotline 139", "139"),
    ("Seite 3\nPolice", "3"), ("\n– 14 –\n", "14"), ("Page 3 of 12", "3"), ("identified [3].", "3"),
    ("S.No. 4 Police", "4"), ("paid Tk 5 lakh to a broker", "Tk 5 lakh"), ("a fine of $500 for", "$500"),
    ("arrested 40 migrant smugglers", "40"), ("for 10 years", "10"), ("within 48 hours", "48"),
    ("eight in 10 of the victims", "10"), ("one in four victims", "four"),
    ("some nine million Indonesians work abroad", "nine million"),
])
def test_guards(text: str, number: str) -> None:
    rules = load_rules()
    mention = next(m for m in rules.numbers.finditer(text) if m.surface == number)
    assert is_not_fact(text, mention)


@pytest.mark.parametrize(("text", "number"), [
    ("The hotline received 2,830 reports", "2,830"), ("Police rescued 45 victims", "45"),
    ("traffickers earned $5,000 from each victim", "$5,000"), ("call centre staff took 300 complaints", "300"),
])
def test_guards_keep_counts(text: str, number: str) -> None:
    rules = load_rules()
    mention = next(m for m in rules.numbers.finditer(text) if m.surface == number)
    assert not is_not_fact(text, mention)


@pytest.mark.parametrize("text", [
    "1" * 100_000, "1." * 50_000, "1,0" * 30_000, "between " * 10_000, "since " * 10_000,
    "Act " + "1, " * 20_000, "- Aa " * 20_000, "from 5 to " * 10_000, "12 mil " * 10_000,
])
def test_regex_budget(text: str) -> None:
    rules = load_rules()
    start = time.process_time()
    mentions = list(rules.numbers.finditer(text))
    rules.periods.find(text, 0, len(text))
    for m in mentions[:2000]:
        is_not_fact(text, m)
    assert time.process_time() - start < 5.0


def test_period_pattern_keeps_the_lower_cased_fast_path() -> None:
    """Rule patterns in periods.yaml must stay case-free (no ``(?-i:``)."""
    assert load_rules().periods.lower_pattern is not None


@pytest.mark.parametrize(("published", "text", "expected"), [
    ("2024", "KYIV, 3 May — Police said", "2024-05-03"),
    (None, "QUITO, 9 April 2024 (Wire) — Officials", "2024-04-09"),
    ("2024-08", "Media Release\n30 August 2024, 6:00am\n", "2024-08-30"),
    ("2024-08", "LIMA, 3 May — Police", "2024-08"),  # the month disagrees
    ("2024", "In 2023, 5 May was a holiday", "2024"),
    ("2024-03-01", "KYIV, 3 May — Police", "2024-03-01"),
    (None, "Tbilisi, 14 March 2024 — Officials", "2024-03-14"),
    (None, "Asuncion, 2 of June of 2023\n\nThe prosecutors", "2023-06-02"),
    (None, "Home | News\nFriday, 7 June 2024\nPolice said", "2024-06-07"),
    (None, "By Our Correspondent | 12 Nov 2023\n", "2023-11-12"),
    (None, "Published: 2022-09-30\nThe ministry", "2022-09-30"),
    (None, "Herald | National\n\n2023.10.05 09:12 | Updated 2023.10.05 11:40\n", "2023-10-05"),
    (None, "Daily Courier  28/02/2024\n\nPolice", "2024-02-28"),  # only one order makes a date
    (None, "Daily Courier  04-03-2024 14:05\n\nPolice", "2024"),  # 4 March or 3 April: the year alone
    ("2023", "Daily Courier  04-03-2024\n", "2023"),  # disagrees with what is known
    (None, "Case 12/3/2023 was heard again on appeal", None),  # a date inside a sentence dates an event
])
def test_dateline_refines_publication_date(published: str | None, text: str, expected: str | None) -> None:
    from tipwatch.extract.pubdate import refine_published
    assert refine_published(published, text) == expected
