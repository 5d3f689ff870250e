"""Placeholder: claim detection. Being replaced."""

from __future__ import annotations

from typing import Any

from tipwatch.model import Claim, CleanDocument, Fact


def find_claims(doc: CleanDocument, facts: list[Fact], rules: Any) -> tuple[list[Claim], list[Fact]]:
    return [], []
