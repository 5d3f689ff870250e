"""Placeholder: claim verdicts. Being replaced."""

from __future__ import annotations

from tipwatch.model import Claim, Fact


def judge_claims(claims: list[Claim], facts: list[Fact]) -> list[Claim]:
    return claims
