"""Round-2 precision guards: phone numbers, age bounds after counts, chart labels, anchored
relative years, year-to-date and dated running totals, list items joined to their lead-in."""

from __future__ import annotations

import time

import pytest

from tipwatch.extract import figures as fg
from tipwatch.extract import load_rules
from tipwatch.extract.numbers import NumberMention, _default_parser
from tipwatch.extract.periods import _shift, _span_months, publication_year
from tipwatch.extract.sentences import segment_at, segments, split_sentences


def _mentions(text: str) -> list[NumberMention]:
    return list(_default_parser().finditer(text))


@pytest.mark.parametrize("text", [
    "ring 0800 311 944 now",
    "tips on 04-3381 5500.",
    "WhatsApp +233 244 310 870",
    "#SpeakUpNow 08007 52210",
    "free of charge on 116 006.",
])
def test_every_group_of_a_phone_number_is_not_a_fact(text: str) -> None:
    assert all(fg.is_not_fact(text, m) for m in _mentions(text))


@pytest.mark.parametrize("text", [
    "Police rescued 345 victims in 2022.",
    "The unit recorded 1,252 cases and 436 arrests.",
    "Of the 120 victims, 45 were girls.",
])
def test_ordinary_counts_are_not_phone_numbers(text: str) -> None:
    counts = [m for m in _mentions(text) if not m.is_year_like]
    assert counts and not any(fg._is_phone(text, m, text[:m.start], text[m.end:]) for m in counts)


def test_age_bound_after_a_count() -> None:
    text = "Officers rescued 640 victims: 512 aged over 14 and 128 under 14."
    skipped = {m.value for m in _mentions(text) if fg.is_skipped(text, m, [])}
    assert 14 in skipped and 128 not in skipped and 512 not in skipped


@pytest.mark.parametrize("text,value", [
    ("see Table 4 for details", 4),
    ("[Chart 2: 205 | 230 | 264]", 230),
    ("a workforce of about 60 million", 60000000),
    ("between March and June 30, police", 30),
])
def test_labels_chart_runs_workforce_and_month_days(text: str, value: float) -> None:
    m = next(m for m in _mentions(text) if m.value == value)
    assert fg.is_not_fact(text, m)


@pytest.mark.parametrize("period,delta,any_span,expected", [
    ("2023", -1, False, "2022"),
    ("2023-Q2", -1, False, "2022-Q2"),
    ("2023-03", -1, False, "2022-03"),
    ("2022-10-01/2023-09-30", -1, False, "2021-10-01/2022-09-30"),
    ("2023-01-01/2023-04-18", -1, False, None),  # not one year: "a year earlier" is not defined
    ("2023-01-01/2023-04-18", -1, True, "2022-01-01/2022-04-18"),
    ("2016-01-01/2017-12-31", -1, True, None),  # a multi-year span
    ("2024-02-01/2024-02-29", -1, True, None),  # 29 February a year earlier does not exist
])
def test_shift(period: str, delta: int, any_span: bool, expected: str | None) -> None:
    assert _shift(period, delta, any_span=any_span) == expected


def test_span_months() -> None:
    assert (_span_months("Q2"), _span_months("H1"), _span_months("M01-M09"), _span_months(None)) == (3, 6, 9, None)


def _resolve(text: str, published: str, country: str | None = None) -> list[str | None]:
    rules = load_rules().periods
    exprs, _ = rules.find(text, 0, len(text))
    return [rules.resolve(e, publication_year(published), None, country) for e in exprs]


def test_as_at_today_year_is_year_to_date() -> None:
    assert _resolve("As of today, 2023 has seen 31 convictions", "2023-04-12") == ["2023-01-01/2023-04-12"]
    assert _resolve("As of today, 2023 has seen 31 convictions", "2023") == [None]  # no full date


def test_year_before_a_fiscal_year_is_the_fiscal_year_before() -> None:
    text = "In fiscal 2022 the bureau opened 412 cases, up from 378 the year before."
    assert _resolve(text, "2022-12-01", "US") == ["2021-10-01/2022-09-30", "2020-10-01/2021-09-30"]
    assert _resolve(text, "2022-12-01", None) == [None, None]  # unknown calendar: null, never 2021


def test_dated_running_total() -> None:
    text = "The squad was set up on 3 April. By 28 April it had rescued 377 victims since it was formed."
    rules = load_rules().periods
    start = text.index("By")
    exprs, _ = rules.find(text, start, len(text))
    dated = [e for e in exprs if e.rule == "per.cumulative.dated"]
    assert dated and rules.resolve(dated[0], publication_year("2023-05-02"), None, None) == "2023-04-03/2023-04-28"


def test_three_months_takes_the_quarter_named_before() -> None:
    text = "The ministry counted 140 cases in the second quarter. Charges were filed in 52 during the three months."
    rules = load_rules().periods
    start = text.index("Charges")
    exprs, _ = rules.find(text, start, len(text))
    assert [e.sub for e in exprs] == ["Q2"]


def test_list_items_join_their_lead_in() -> None:
    text = "The total breaks down as follows:\n • 512 in the north\n • 418 in the south.\n\nNext paragraph here."
    sents = split_sentences(text)
    assert len(sents) == 2 and "418" in sents[0].text


def test_drop_of_from_starts_a_comparison() -> None:
    sent = split_sentences("Police uncovered 52 cases in 2021, a drop of 8 from a year earlier, and arrested 61 people.")[0]
    segs = segments(sent)
    assert segment_at(segs, sent.text.index("a year earlier")).comparison
    assert not segment_at(segs, sent.text.index("61")).comparison


def test_phone_guard_is_linear_on_long_digit_runs() -> None:
    text = "call " + "0800 " * 20000 + "now"
    t0 = time.process_time()
    for m in list(_default_parser().finditer(text))[:2000]:
        fg.is_not_fact(text, m)
    assert time.process_time() - t0 < 2.0
