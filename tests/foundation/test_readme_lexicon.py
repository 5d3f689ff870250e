"""The README's lexicon example works as the README says."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import ROOT, run_cli

SENTENCE = ("The CTiP Secretariat said 214 people were safeguarded from human trafficking "
            "in Mombasa county in 2023.\n")


def test_readme_lexicon_example_adds_an_action_and_a_body(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"```yaml\n(# my-lexicon\.yaml.*?)```", readme, re.S)
    assert block, "the README lost its lexicon example"
    lexicon = tmp_path / "my-lexicon.yaml"
    lexicon.write_text(block.group(1), encoding="utf-8")
    article = tmp_path / "ke.txt"
    article.write_text(SENTENCE, encoding="utf-8")
    without = run_cli("extract", str(article), "--published", "2024-02-01")
    assert without.returncode == 0 and without.stdout == ""
    done = run_cli("extract", str(article), "--published", "2024-02-01", "--lexicon", str(lexicon))
    assert done.returncode == 0, done.stderr
    [fact] = [json.loads(x) for x in done.stdout.splitlines()]
    assert (fact["indicator"], fact["value"], fact["period"]) == ("victims", 214, "2023")
    assert fact["source"] == "Counter Trafficking in Persons Secretariat"
    assert "act.rescue.safeguarded" in fact["rules"]
    assert SENTENCE[fact["span"][0]:fact["span"][1]] == "214"


def test_a_broken_lexicon_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actions:\n  - {id: act.x, action: rescue, patterns: ['(unclosed']}\n")
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE)
    done = run_cli("extract", str(article), "--lexicon", str(bad))
    assert done.returncode != 0
    assert "bad.yaml" in done.stderr and "Traceback" not in done.stderr
