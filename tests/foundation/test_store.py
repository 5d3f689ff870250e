"""The evidence base: idempotent ingest, atomic replacement, migrations, crash safety, PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from tests.conftest import TIPWATCH, run_cli
from tipwatch.config import Settings
from tipwatch.model import RawDocument
from tipwatch.pipeline import Pipeline
from tipwatch.store import migrations, queries
from tipwatch.store.db import Store, content_id
from tipwatch.store.loader import ingest_paths

ARTICLE = (
    "The National Police said on Friday that officers rescued {n} victims of human trafficking "
    "in 2022, and arrested {m} suspects, according to the annual report.\n"
)


def _write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        p = folder / f"report_{i:04d}.txt"
        p.write_text(ARTICLE.format(n=100 + i, m=20 + i))
        paths.append(p)
    return paths


def test_reingesting_identical_content_is_a_no_op(tmp_path: Path, db_url: str) -> None:
    _write_articles(tmp_path / "in", 3)
    store = Store.open(db_url)
    first = ingest_paths(store, [str(tmp_path / "in")], Settings())
    second = ingest_paths(store, [str(tmp_path / "in")], Settings())
    assert first.count("added") == 3
    assert second.count("unchanged") == 3 and second.count("added") == 0
    assert queries.count_documents(store) == 3
    assert queries.count_facts(store) == first.facts


def test_reextracting_replaces_facts_in_one_transaction(tmp_path: Path, db_url: str) -> None:
    _write_articles(tmp_path / "in", 2)
    store = Store.open(db_url)
    ingest_paths(store, [str(tmp_path / "in")], Settings())
    before = queries.list_facts(store)
    again = ingest_paths(store, [str(tmp_path / "in")], Settings(), reextract=True)
    assert again.count("replaced") == 2
    after = queries.list_facts(store)
    strip = [{k: v for k, v in f.items() if k != "id"} for f in before]
    assert strip == [{k: v for k, v in f.items() if k != "id"} for f in after]


def test_failed_save_leaves_the_old_facts(tmp_path: Path, db_url: str) -> None:
    _write_articles(tmp_path / "in", 1)
    store = Store.open(db_url)
    ingest_paths(store, [str(tmp_path / "in")], Settings())
    before = queries.count_facts(store)
    raw = RawDocument(doc="report_0000.txt", text=ARTICLE.format(n=100, m=20),
                      original=ARTICLE.format(n=100, m=20))
    extraction = Pipeline.from_settings(Settings()).run(raw)
    assert extraction.facts, "the extractor must find the rescued victims"
    extraction.facts[-1].indicator = None  # type: ignore[assignment]  # violates NOT NULL mid-write
    with pytest.raises(IntegrityError):
        store.save_extraction(extraction)
    assert queries.count_facts(store) == before


def test_schema_version_is_recorded_and_old_databases_upgrade(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    assert migrations.upgrade(engine, target=1) == [1]
    assert "fingerprint" not in {c["name"] for c in inspect(engine).get_columns("documents")}
    store = Store.open(url)  # opening upgrades in place
    assert migrations.current_version(store.engine) == migrations.LATEST
    assert "fingerprint" in {c["name"] for c in inspect(store.engine).get_columns("documents")}
    with store.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM schema_versions ORDER BY version"))]
    assert names == [name for _, name, _ in migrations.MIGRATIONS]


def test_sqlite_uses_wal_and_a_reader_works_during_a_write(tmp_path: Path, db_url: str) -> None:
    _write_articles(tmp_path / "in", 2)
    store = Store.open(db_url)
    ingest_paths(store, [str(tmp_path / "in")], Settings())
    path = db_url.removeprefix("sqlite:///")
    writer = sqlite3.connect(path)
    assert writer.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM claims")
    assert queries.count_documents(store) == 2  # a reader is not blocked by the open write
    writer.rollback()
    writer.close()


def test_database_is_readable_by_plain_sqlite(tmp_path: Path, db_url: str) -> None:
    _write_articles(tmp_path / "in", 1)
    store = Store.open(db_url)
    ingest_paths(store, [str(tmp_path / "in")], Settings())
    conn = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM facts").fetchone()[0] >= 1


def _expected_fact_counts(folder: Path) -> dict[str, int]:
    pipeline = Pipeline.from_settings(Settings())
    out = {}
    for p in sorted(folder.iterdir()):
        text_ = p.read_text()
        out[content_id(text_)] = len(pipeline.run(RawDocument(doc=p.name, text=text_, original=text_)).facts)
    return out


def test_kill_9_mid_ingest_leaves_a_consistent_database_and_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write_articles(folder, 1500)
    db_path = tmp_path / "crash.db"
    url = f"sqlite:///{db_path}"
    Store.open(url).close()
    proc = subprocess.Popen([*TIPWATCH, "ingest", "--db", url, str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db_path, timeout=5) as conn:
                stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= 50:
            break
    assert proc.poll() is None, "ingest finished before it could be killed; use more documents"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    expected = _expected_fact_counts(folder)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute("SELECT d.id, (SELECT COUNT(*) FROM facts f WHERE f.document_id = d.id) "
                        "FROM documents d").fetchall()
    conn.close()
    assert 50 <= len(rows) < 1500
    for doc_id, n_facts in rows:
        assert n_facts == expected[doc_id], "a document was stored without all of its facts"

    done = run_cli("ingest", "--db", url, str(folder))
    assert done.returncode == 0, done.stderr
    store = Store.open(url)
    assert queries.count_documents(store) == 1500
    assert queries.count_facts(store) == sum(expected.values())


@pytest.mark.postgres
def test_postgresql_store_round_trip(tmp_path: Path, pg_url: str) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as conn:  # a clean schema for this test
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    _write_articles(tmp_path / "in", 4)
    store = Store.open(pg_url)
    first = ingest_paths(store, [str(tmp_path / "in")], Settings(db=pg_url))
    second = ingest_paths(store, [str(tmp_path / "in")], Settings(db=pg_url))
    assert first.count("added") == 4 and second.count("unchanged") == 4
    assert migrations.current_version(store.engine) == migrations.LATEST
    facts = queries.list_facts(store, queries.FactFilter(indicator="victims"))
    assert sorted(f["value"] for f in facts) == [100, 101, 102, 103]
    listed = run_cli("facts", "--db", pg_url, "--indicator", "victims", "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr
    assert len([json.loads(x) for x in listed.stdout.splitlines()]) == 4
    store.close()


def test_python_m_tipwatch_help_runs() -> None:
    done = subprocess.run([sys.executable, "-m", "tipwatch", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "ingest" in done.stdout
