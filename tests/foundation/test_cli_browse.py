"""The read-side commands on a real database: facts, docs, show, summary, help."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

REPORT = (
    "The Ministry of Interior said on Monday that police handled 163 human trafficking cases in 2019, "
    "up from 134 in 2018, and rescued 438 victims.\n"
    "In Phnom Penh, 57 victims were rescued by police in 2019, the ministry said.\n"
)


@pytest.fixture
def filled_db(tmp_path: Path, db_url: str) -> str:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kh-2019.txt").write_text(REPORT)
    done = run_cli("ingest", "--db", db_url, str(tmp_path / "in"))
    assert done.returncode == 0, done.stderr
    return db_url


def test_facts_filters_and_formats(filled_db: str) -> None:
    done = run_cli("facts", "--db", filled_db, "--indicator", "cases", "--format", "jsonl")
    rows = [json.loads(x) for x in done.stdout.splitlines()]
    assert rows and {r["indicator"] for r in rows} == {"cases"}
    assert {r["value"] for r in rows} >= {163}
    as_csv = run_cli("facts", "--db", filled_db, "--format", "csv")
    table = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(table) >= len(rows) and "sentence" in table[0]
    none = run_cli("facts", "--db", filled_db, "--period", "1999", "--format", "jsonl")
    assert none.returncode == 0 and none.stdout == ""


def test_facts_table_is_the_default_on_request(filled_db: str) -> None:
    done = run_cli("facts", "--db", filled_db, "--format", "table", env={"COLUMNS": "200"})
    assert done.returncode == 0
    assert "indicator" in done.stdout and "fact(s)" in done.stdout


def test_docs_and_show_highlight_the_facts(filled_db: str) -> None:
    docs = [json.loads(x) for x in run_cli("docs", "--db", filled_db, "--format", "jsonl").stdout.splitlines()]
    assert [d["doc"] for d in docs] == ["kh-2019.txt"] and docs[0]["facts"] >= 1
    shown = run_cli("show", "kh-2019.txt", "--db", filled_db)
    assert shown.returncode == 0
    assert "163" in shown.stdout and "[1]" in shown.stdout
    by_id = run_cli("show", docs[0]["id"][:10], "--db", filled_db)
    assert by_id.returncode == 0 and by_id.stdout == shown.stdout
    missing = run_cli("show", "nope.txt", "--db", filled_db)
    assert missing.returncode == 1 and "no document 'nope.txt'" in missing.stderr


def test_summary_counts(filled_db: str) -> None:
    done = run_cli("summary", "--db", filled_db, "--format", "jsonl")
    counts = json.loads(done.stdout)
    assert counts["documents"] == 1 and counts["facts"] >= 2


def test_ingest_progress_is_silent_when_not_a_terminal(tmp_path: Path, db_url: str) -> None:
    (tmp_path / "a.txt").write_text(REPORT)
    done = run_cli("ingest", "--db", db_url, str(tmp_path / "a.txt"))
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        line for line in done.stderr.strip().splitlines() if line.startswith("tipwatch: ")
    ]


@pytest.mark.parametrize("command", ["ingest", "extract", "facts", "docs", "show", "summary"])
def test_every_command_has_help_with_examples(command: str) -> None:
    done = run_cli(command, "--help")
    assert done.returncode == 0
    assert "Example" in done.stdout


def test_bad_database_url_is_one_clear_line(tmp_path: Path) -> None:
    done = run_cli("docs", "--db", "nonsense://x")
    assert done.returncode != 0
    assert "nonsense://x" in done.stderr and "Traceback" not in done.stderr
