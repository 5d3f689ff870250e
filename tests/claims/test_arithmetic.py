"""The judge's arithmetic: stated precision (rounded or truncated), 'about', sums."""

from __future__ import annotations

import pytest

from tipwatch.model import Claim, Fact
from tipwatch.resolve.arithmetic import agrees, judge_claims, parse_stated


def change(values: list[float] | None, stated: str) -> Claim:
    return judge_claims([Claim(doc="d", kind="change", indicator="cases", values=values, stated=stated)], [])[0]


def total(total: float, parts: list[float], stated: str = "breakdown", unit: str = "count") -> Claim:
    return judge_claims([Claim(doc="d", kind="sum", indicator="victims", total=total, parts=parts,
                               stated=stated, unit=unit)], [])[0]


@pytest.mark.parametrize(("values", "stated", "verdict"), [
    ([159, 92], "+72.82%", "consistent"),     # 72.826: truncated
    ([159, 92], "+72.83%", "consistent"),     # rounded
    ([159, 92], "+72.8%", "consistent"),
    ([159, 92], "+72.84%", "inconsistent"),
    ([73, 49], "+49%", "consistent"),          # 48.98 rounded
    ([1714, 2208], "-22.4%", "consistent"),
    ([1714, 2208], "+22.4%", "inconsistent"),  # wrong sign
    ([163, 134], "+29", "consistent"),
    ([163, 134], "+30", "inconsistent"),
    ([9, 5], "+50%", "inconsistent"),
    ([203, 113], "up from", "consistent"),
    ([203, 113], "down from", "inconsistent"),
    ([100, 80], "+20, +25%", "consistent"),
    ([236e9, 172e9], "+64 billion, +37%", "consistent"),
    ([77, 95], "-18 (about), -19%", "consistent"),
    ([100, 119], "-18 (about)", "consistent"),   # 19 is within 10 % of 18
    ([100, 120], "-18 (about)", "inconsistent"),  # 20 is not
])
def test_change_verdicts(values: list[float], stated: str, verdict: str) -> None:
    assert change(values, stated).verdict == verdict


def test_change_shows_the_arithmetic_and_the_rule() -> None:
    c = change([159, 92], "+72.82%")
    assert c.computed == "(159 - 92) / 92 = +72.83 %"
    assert c.rule == "stated precision: 2 decimal(s), rounded or truncated"


def test_change_without_base_is_unverifiable() -> None:
    c = change(None, "-18 (about), -19%")
    assert c.verdict == "unverifiable" and c.note == "base not stated"


def test_parse_stated() -> None:
    first, second = parse_stated("+64 billion, +37%")
    assert (first.value, first.scale, first.percent) == (64e9, 1e9, False)
    assert (second.value, second.percent, second.decimals) == (37, True, 0)
    assert parse_stated("-18 (about)")[0].about
    assert parse_stated("up from") == []


def test_agrees_truncation_and_rounding() -> None:
    (s,) = parse_stated("+28%")
    assert agrees(s, 28.497)
    assert not agrees(s, 29.6)


def test_sum_equal_over_short() -> None:
    ok = total(345, [138, 40, 167])
    assert ok.verdict == "consistent" and ok.computed == "138 + 40 + 167 = 345"
    over = total(180, [97, 61, 29])
    assert over.verdict == "inconsistent" and over.note == "parts sum to 187, 7 more than the total"
    short = total(757, [351, 260, 50, 33, 18, 17, 13, 5, 4, 1], stated="including")
    assert short.verdict == "unverifiable" and short.note == "'including': parts sum to 752, 5 short"
    assert total(100, [70, 40], stated="including").verdict == "inconsistent"
    assert total(300, [100, 150]).verdict == "inconsistent"


def test_percent_shares() -> None:
    assert total(100, [46, 31, 18, 7], unit="percent").verdict == "inconsistent"
    assert total(100, [46, 31, 16, 6], unit="percent").verdict == "consistent"   # 99: rounding
    assert total(100, [50.5, 49.5], unit="percent").verdict == "consistent"


def test_qualified_figures_make_a_mismatch_unverifiable() -> None:
    facts = [Fact(doc="d", indicator="victims", value=300, span=(0, 3), qualifier="min"),
             Fact(doc="d", indicator="victims", value=100, span=(5, 8)),
             Fact(doc="d", indicator="victims", value=150, span=(9, 12))]
    c = Claim(doc="d", kind="sum", indicator="victims", total=300, parts=[100, 150], stated="breakdown",
              facts=[0, 1, 2])
    assert judge_claims([c], facts)[0].verdict == "unverifiable"


@pytest.mark.parametrize(("values", "stated", "verdict"), [
    ([500, 250], "x2", "consistent"),
    ([135, 64], "x2", "consistent"),             # 2.11: "doubled" is loose
    ([190, 64], "x2", "inconsistent"),           # 2.97 is no doubling
    ([610, 320], "x2 (nearly)", "consistent"),   # 1.91
    ([700, 320], "x2 (nearly)", "inconsistent"),  # 2.19 is more than double
    ([1100, 480], "x2 (at least)", "consistent"),
    ([900, 480], "x2 (at least)", "inconsistent"),
    ([410, 200], "x2 (about)", "consistent"),
    ([21, 42], "x0.5", "consistent"),
    ([30, 42], "x0.5", "inconsistent"),
    ([18, 42], "x0.5 (at least)", "consistent"),  # "more than halved", "less than half the 42"
    ([25, 42], "x0.5 (at least)", "inconsistent"),
    ([30, 42], "x0.5 (at most)", "consistent"),  # "more than half the 42"
    ([15, 42], "x0.5 (at most)", "inconsistent"),
    ([70, 40], "x2 (at most)", "consistent"),  # "less than double the 40"
    ([90, 40], "x2 (at most)", "inconsistent"),
    ([64, 40], "+50% (at least)", "consistent"),
    ([130, 120], "+20% (at least)", "inconsistent"),
    ([104, 100], "+5% (at most)", "consistent"),
])
def test_ratios_and_bounds(values: list[float], stated: str, verdict: str) -> None:
    claim = change(values, stated)
    assert claim.verdict == verdict, (claim.computed, claim.rule)
    assert claim.computed and claim.rule


def test_ratio_records_its_computation_and_rule() -> None:
    claim = change([610, 320], "x2 (nearly)")
    assert claim.computed == "610 / 320 = x1.91"
    assert claim.rule == "multiplier x2 (nearly): newer / base from 1.6 to 2"
