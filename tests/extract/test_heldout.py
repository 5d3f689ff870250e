"""The held-out set (tests/heldout) measures generalisation: its floors only ever go up.

Rules are developed on the devset and on the odd-numbered held-out documents; the
even-numbered ones are never read during rule development, so their score is the honest
estimate of quality on unseen real articles.

The second held-out set (tests/heldout2) was made after the first had been used for tuning;
nobody reads it for rule development, and its floors pin the score measured when it was made.
The third (tests/heldout3) was made when heldout2 went to tuning, under the same rule.
The fourth (tests/heldout4, 30 countries none of the earlier sets covers) was annotated from SPEC and
the seed gold only, without reading the rules; same rule: never read for rule development.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tipwatch.config import Settings
from tipwatch.verify.evaluation import EvalReport, evaluate

HELDOUT = Path(__file__).resolve().parents[1] / "heldout"
FLOOR = json.loads((HELDOUT / "floor.json").read_text("utf-8"))
HELDOUT2 = Path(__file__).resolve().parents[1] / "heldout2"
HELDOUT3 = Path(__file__).resolve().parents[1] / "heldout3"
HELDOUT4 = Path(__file__).resolve().parents[1] / "heldout4"


def _gold_subset(tmp_path: Path, parity: int | None) -> Path:
    lines = [line for line in (HELDOUT / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    if parity is not None:
        lines = [line for line in lines if int(json.loads(line)["doc"][:2]) % 2 == parity]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("part,parity", [("all", None), ("unseen_even", 0)])
def test_heldout_floor(tmp_path: Path, part: str, parity: int | None) -> None:
    report = evaluate(_gold_subset(tmp_path, parity), [str(HELDOUT / "articles")], Settings.from_env(environ={}))
    _assert_above(report, FLOOR[part])


def _assert_above(report: EvalReport, floor: dict[str, Any]) -> None:
    assert report.f1 >= floor["f1"], report.render(show=False)
    assert report.precision >= floor["precision"], report.render(show=False)
    assert report.claims_score >= floor["claims"], report.render(show=False)
    for attr, value in floor.get("attributes", {}).items():
        assert report.attribute_accuracy[attr] >= value, f"{attr}: {report.attribute_accuracy[attr]:.3f} < {value}"


@pytest.mark.parametrize("folder", [HELDOUT2, HELDOUT3, HELDOUT4], ids=lambda p: p.name)
def test_later_heldout_floor(folder: Path) -> None:
    """heldout2 (tuned on since session 3), heldout3 and heldout4 (never read) stay above their floors."""
    report = evaluate(folder / "gold.jsonl", [str(folder / "articles")], Settings.from_env(environ={}))
    _assert_above(report, json.loads((folder / "floor.json").read_text("utf-8"))["all"])
