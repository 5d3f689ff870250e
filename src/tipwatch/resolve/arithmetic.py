"""Verdicts on claims, with the arithmetic shown (SPEC section 6).

Rules (each verdict records the one it applied in ``Claim.rule``):

* **Stated precision.** A stated change is `consistent` when it equals the computed change
  rounded (half up) *or* truncated to the precision it is stated with: "+72.82%" against
  (159 - 92) / 92 = 72.826... is consistent (truncated), "+49%" against 48.98 % (rounded).
  Precision is that of the written figure: "64 billion" is precise to a billion.
* **About.** A change stated with "about", "around", "nearly"... is consistent when within
  10 % of the stated figure, and never less than one unit of its last digit.
* **Bounds.** "by more than 20 per cent" (``+20% (at least)``) needs a computed change of at
  least the stated one; "by less than 5" (``+5 (at most)``) one of at most it.
* **Multipliers.** "doubled", "tripled", "halved", "twice as many" are stated as a ratio
  (``x2``, ``x3``, ``x0.5``) and checked on newer / base, with a tolerance that follows the
  wording: plain, within 10 % of the factor; ``(about)``, within 15 %; ``(nearly)``, from 80 %
  of the factor up to the factor; ``(at least)`` ("more than doubled"), the factor or beyond;
  ``(at most)`` ("less than double"), up to the factor. For a fall ("halved") the same bounds
  apply to base / newer ("less than half the 27" is ``x0.5 (at least)``: halved or more).
* **Direction only.** "up from"/"down from" with no amount checks the direction.
* **Base not stated.** A change with no base (``values`` absent) is `unverifiable`.
* **Derived base.** When both the absolute and the relative change are stated, the base is
  the newer figure minus the absolute change, and the percentage is checked against it.
* **Sums.** Parts equal to the total are `consistent`; parts that exceed it are
  `inconsistent`; parts that fall short are `unverifiable` for an "including" list (with
  the gap in ``note``) and `inconsistent` for a complete breakdown. Percentage shares are
  consistent within one unit of their precision of 100 (rounded shares rarely add to 100
  exactly), else inconsistent.
* **Qualified figures.** When a figure involved is "more than" or "about" something, a
  mismatch is `unverifiable`, not `inconsistent`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from tipwatch.model import Claim, Fact, Verdict

_ITEM = re.compile(r"^(?P<sign>[+-])(?P<num>\d+(?:\.\d+)?)(?:\s*(?P<scale>thousand|million|billion|trillion))?"
                   r"(?P<pct>%)?(?P<rest>.*)$", re.I)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_RATIO = re.compile(r"^x(?P<num>\d+(?:\.\d+)?)(?:\s*\((?P<hedge>about|nearly|at least|at most)\))?$", re.I)
ABOUT_TOLERANCE = 0.10
#: A plain multiplier ("doubled") allows this much either side of its factor: news writes
#: "doubled" for 1.9 or 2.15 times; "about double" allows a little more.
RATIO_TOLERANCE = 0.10
ABOUT_RATIO_TOLERANCE = 0.15
#: "nearly doubled": the ratio is at least this share of the factor (and not above it).
NEARLY_FLOOR = 0.80
EPS = 1e-9


@dataclass(frozen=True)
class Stated:
    """One stated change: '+72.82%' -> Stated(1, 72.82, 2, 1.0, True, False)."""

    sign: int
    value: float
    decimals: int
    scale: float
    percent: bool
    about: bool
    bound: str | None = None  # "at least" ("by more than 20 per cent"), "at most" ("by less than 5")

    @property
    def unit(self) -> float:
        return self.scale * 10 ** -self.decimals


def parse_stated(stated: str | None) -> list[Stated]:
    """The amounts of a change's ``stated`` text ("-18 (about), -19%"); [] for 'up from'."""
    out = []
    for item in (stated or "").split(","):
        m = _ITEM.match(item.strip())
        if m is None:
            continue
        num = m.group("num")
        scale = _SCALES[m.group("scale").lower()] if m.group("scale") else 1.0
        out.append(Stated(-1 if m.group("sign") == "-" else 1, float(num) * scale,
                          len(num.split(".")[1]) if "." in num else 0, scale, bool(m.group("pct")),
                          "about" in m.group("rest"),
                          "at least" if "at least" in m.group("rest") else "at most" if "at most" in m.group("rest")
                          else None))
    return out


def agrees(stated: Stated, computed: float) -> bool:
    """Does the computed change agree with the stated one (sign, precision, 'about')?"""
    if computed != 0 and (computed > 0) != (stated.sign > 0):
        return False
    c = abs(computed)
    if stated.bound == "at least":
        return c >= stated.value - EPS
    if stated.bound == "at most":
        return c <= stated.value + EPS
    if stated.about:
        return abs(c - stated.value) <= max(stated.unit, ABOUT_TOLERANCE * stated.value) + EPS
    q = stated.unit
    rounded = math.floor(c / q + 0.5 + EPS) * q
    truncated = math.floor(c / q + EPS) * q
    return any(abs(x - stated.value) <= EPS * max(1.0, stated.value) for x in (rounded, truncated))


@dataclass(frozen=True)
class Ratio:
    """One stated multiplier: 'x2 (nearly)' -> Ratio(2.0, 'nearly')."""

    factor: float
    hedge: str | None

    def bounds(self) -> tuple[float, float]:
        """The ratios (newer / base, or base / newer for a fall) the wording allows."""
        f = self.factor if self.factor >= 1 else 1 / self.factor
        if self.hedge == "nearly":
            return NEARLY_FLOOR * f, f
        if self.hedge == "at least":
            return f, math.inf
        if self.hedge == "at most":
            return 0.0, f
        tol = ABOUT_RATIO_TOLERANCE if self.hedge == "about" else RATIO_TOLERANCE
        return (1 - tol) * f, (1 + tol) * f

    def agrees(self, newer: float, base: float) -> tuple[bool, float]:
        """(does the computed ratio fit, the ratio newer / base)."""
        ratio = newer / base
        strength = ratio if self.factor >= 1 else (base / newer if newer else math.inf)
        lo, hi = self.bounds()
        return lo - EPS <= strength <= hi + EPS, ratio

    def rule(self) -> str:
        lo, hi = self.bounds()
        word = "newer / base" if self.factor >= 1 else "base / newer"
        upper = "or more" if math.isinf(hi) else f"to {num(hi)}"
        return f"multiplier x{num(self.factor)}{f' ({self.hedge})' if self.hedge else ''}: {word} from {num(lo)} {upper}"


def parse_ratio(stated: str | None) -> Ratio | None:
    """'x2 (nearly)' -> Ratio(2.0, 'nearly'); None for any other stated change."""
    m = _RATIO.match((stated or "").strip())
    if m is None:
        return None
    return Ratio(float(m.group("num")), m.group("hedge").lower() if m.group("hedge") else None)


def num(value: float) -> str:
    """145.0 -> '145'; 72.826 -> '72.83'; large values keep their digits."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _signed(value: float, decimals: int = 2) -> str:
    text = f"{abs(value):.{decimals}f}".rstrip("0").rstrip(".") if decimals else num(abs(value))
    return ("+" if value >= 0 else "-") + text


def judge_claims(claims: list[Claim], facts: list[Fact]) -> list[Claim]:
    """Fill ``verdict``, ``computed``, ``rule`` and ``note`` of every claim (in place) and return them."""
    for claim in claims:
        if claim.kind == "change":
            _judge_change(claim, facts)
        elif claim.kind == "sum":
            _judge_sum(claim, facts)
    return claims


def _qualified(claim: Claim, facts: list[Fact]) -> bool:
    return any(0 <= i < len(facts) and facts[i].qualifier != "exact" and not facts[i].derived
               for i in claim.facts)


def _derived_base(claim: Claim, facts: list[Fact]) -> bool:
    return any(0 <= i < len(facts) and facts[i].derived for i in claim.facts)


def _judge_change(claim: Claim, facts: list[Fact]) -> None:
    if not claim.values or len(claim.values) != 2:
        claim.verdict = Verdict.UNVERIFIABLE.value
        claim.rule = "a change whose base is not stated cannot be checked"
        claim.note = claim.note or "base not stated"
        return
    newer, base = claim.values
    diff = newer - base
    ratio = parse_ratio(claim.stated)
    if ratio is not None:
        _judge_ratio(claim, ratio, facts)
        return
    items = parse_stated(claim.stated)
    if not items:
        _judge_direction(claim, diff)
        return
    shown, rules, results = [], [], []
    for item in items:
        if item.percent:
            if base == 0:
                claim.verdict, claim.note = Verdict.UNVERIFIABLE.value, "base is 0: no percentage"
                return
            pct = diff / base * 100
            shown.append(f"({num(newer)} - {num(base)}) / {num(base)} = {_signed(pct, max(2, item.decimals))} %")
            results.append(agrees(item, pct))
        else:
            shown.append(f"{num(newer)} - {num(base)} = {_signed(diff, item.decimals)}")
            results.append(agrees(item, diff))
        rules.append(_rule_text(item))
    claim.computed = "; ".join(shown)
    claim.rule = "; ".join(dict.fromkeys(rules))
    if _derived_base(claim, facts) and len(items) > 1:
        claim.note = f"base derived: {num(newer)} - the stated change = {num(base)}"
    _set_verdict(claim, all(results), facts)


def _judge_ratio(claim: Claim, ratio: Ratio, facts: list[Fact]) -> None:
    newer, base = claim.values  # type: ignore[misc]
    if base == 0 or newer == 0:
        claim.verdict, claim.note = Verdict.UNVERIFIABLE.value, "a figure is 0: no ratio"
        return
    ok, value = ratio.agrees(newer, base)
    claim.computed = f"{num(newer)} / {num(base)} = x{num(round(value, 2))}"
    claim.rule = ratio.rule()
    _set_verdict(claim, ok, facts)


def _rule_text(item: Stated) -> str:
    if item.bound:
        return f"{item.bound}: the computed change is {'no less' if item.bound == 'at least' else 'no more'} than stated"
    if item.about:
        return f"about: within {ABOUT_TOLERANCE:.0%} of the stated figure"
    places = "a whole number" if item.decimals == 0 else f"{item.decimals} decimal(s)"
    if item.scale != 1.0:
        places = f"{places} of {num(item.scale)}"
    return f"stated precision: {places}, rounded or truncated"


def _judge_direction(claim: Claim, diff: float) -> None:
    up = not (claim.stated or "").lower().startswith(("down", "fell", "-"))
    claim.computed = f"{num(claim.values[0])} - {num(claim.values[1])} = {_signed(diff, 2)}"  # type: ignore[index]
    claim.rule = "direction only: 'up from' needs a larger newer figure, 'down from' a smaller one"
    ok = diff > 0 if up else diff < 0
    claim.verdict = (Verdict.CONSISTENT if ok else Verdict.INCONSISTENT).value


def _set_verdict(claim: Claim, ok: bool, facts: list[Fact]) -> None:
    if ok:
        claim.verdict = Verdict.CONSISTENT.value
    elif _qualified(claim, facts):
        claim.verdict = Verdict.UNVERIFIABLE.value
        claim.note = "a figure involved is approximate or a bound"
    else:
        claim.verdict = Verdict.INCONSISTENT.value


def _judge_sum(claim: Claim, facts: list[Fact]) -> None:
    parts = claim.parts or []
    total = claim.total if claim.total is not None else 0.0
    got = sum(parts)
    claim.computed = " + ".join(num(p) for p in parts) + f" = {num(got)}"
    if claim.unit == "percent":
        decimals = max((len(num(p).split(".")[1]) if "." in num(p) else 0) for p in parts) if parts else 0
        tol = 10 ** -decimals
        claim.rule = f"percentage shares make 100 within {num(tol)} point(s) (rounding of each share)"
        ok = abs(got - 100) <= tol + EPS
        claim.verdict = (Verdict.CONSISTENT if ok else Verdict.INCONSISTENT).value
        if not ok:
            claim.note = f"shares sum to {num(got)}%"
        return
    gap = got - total
    partial = (claim.stated or "").lower() in ("including", "included", "includes", "include")
    claim.rule = ("'including' may list only some parts: short is unverifiable, over is inconsistent"
                  if partial else "a breakdown's parts must equal its total")
    if abs(gap) <= EPS * max(1.0, abs(total)):
        claim.verdict = Verdict.CONSISTENT.value
    elif gap > 0:
        claim.note = f"parts sum to {num(got)}, {num(gap)} more than the total"
        _set_verdict(claim, False, facts)
    elif partial:
        claim.verdict = Verdict.UNVERIFIABLE.value
        claim.note = f"'{claim.stated}': parts sum to {num(got)}, {num(-gap)} short"
    else:
        claim.note = f"parts sum to {num(got)}, {num(-gap)} short of the total"
        _set_verdict(claim, False, facts)
