"""Issue #2's acceptance on the shared seeds, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli
from tests.helpers import assert_spans_ground
from tipwatch.clean import clean
from tipwatch.model import RawDocument


def test_ingesting_the_seeds_twice_keeps_one_copy_and_lists_kh_cases(seeds_dir: Path, db_url: str) -> None:
    first = run_cli("ingest", "--db", db_url, str(seeds_dir))
    second = run_cli("ingest", "--db", db_url, str(seeds_dir))
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "5 added" in first.stderr and "5 unchanged" in second.stderr
    docs = [json.loads(x) for x in run_cli("docs", "--db", db_url, "--format", "jsonl").stdout.splitlines()]
    assert len(docs) == 5
    cases = [json.loads(x) for x in run_cli("facts", "--db", db_url, "--place", "KH", "--indicator", "cases",
                                            "--format", "jsonl").stdout.splitlines()]
    by_value = {c["value"]: c for c in cases}
    assert {163, 134, 159, 92, 151, 90, 100} <= set(by_value)
    assert by_value[159]["period"] == "2017" and by_value[159]["source"] == "National Committee for Counter Trafficking"
    assert by_value[151]["period"] == "2017" and by_value[151]["source"] == "National Police"
    assert by_value[163]["period"] == "2019" and by_value[163]["source"] == "Ministry of Interior"
    assert all(c["place"].startswith("KH") for c in cases)


def test_extract_streams_every_seed_with_grounded_spans(seeds_dir: Path) -> None:
    done = run_cli("extract", str(seeds_dir), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(x) for x in done.stdout.splitlines()]
    facts = [r for r in records if r["type"] == "fact"]
    assert {f["doc"] for f in facts} == {p.name for p in seeds_dir.iterdir()}
    assert any(r["type"] == "claim" for r in records)
    for path in seeds_dir.iterdir():
        text = path.read_text("utf-8")
        cleaned = clean(RawDocument(doc=path.name, text=text, original=text)).text
        assert_spans_ground(cleaned, [f for f in facts if f["doc"] == path.name and not f.get("derived")])
