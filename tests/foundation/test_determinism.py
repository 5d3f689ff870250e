"""Extraction is deterministic: the same inputs give the same output in every process."""

from __future__ import annotations

from tests.conftest import EXAMPLES, ROOT, run_cli


def test_two_processes_with_different_hash_seeds_agree() -> None:
    inputs = [str(EXAMPLES), str(ROOT / "tests" / "heldout" / "articles")]
    first = run_cli("extract", *inputs, "--published", "2023-06-30", env={"PYTHONHASHSEED": "1"})
    second = run_cli("extract", *inputs, "--published", "2023-06-30", env={"PYTHONHASHSEED": "2"})
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert first.stdout.count("\n") > 100
    assert first.stdout == second.stdout
