"""Shared fixtures: temporary stores, the shared development data, a PostgreSQL URL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEV_GOLD = SHARED / "dev" / "gold.jsonl"
EXAMPLES = ROOT / "examples"
TIPWATCH = [sys.executable, "-m", "tipwatch"]


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (it exists in CI beside the checkout, not in a fresh clone)")
    return SEEDS


@pytest.fixture
def dev_gold() -> Path:
    if not DEV_GOLD.is_file():
        pytest.skip("../shared/dev/gold.jsonl is absent (it exists in CI beside the checkout, not in a fresh clone)")
    return DEV_GOLD


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'tipwatch.db'}"


@pytest.fixture(scope="session")
def pg_url() -> str:
    """A URL of a reachable PostgreSQL test database; in CI its absence is an error."""
    url = os.environ.get("TIPWATCH_TEST_PG_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must provide TIPWATCH_TEST_PG_URL (see .ci/run)")
        pytest.skip("no PostgreSQL server: set TIPWATCH_TEST_PG_URL (scripts/pg-test-server.sh starts one)")
    from sqlalchemy import create_engine, text

    try:
        with create_engine(url).connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means 'not reachable'
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at TIPWATCH_TEST_PG_URL not reachable in CI: {exc}")
        pytest.skip(f"PostgreSQL at TIPWATCH_TEST_PG_URL not reachable: {exc}")
    return url


def run_cli(*args: str, input_bytes: bytes | None = None, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``tipwatch`` command in a subprocess, as a user would."""
    full_env = {**os.environ, **(env or {})}
    done = subprocess.run([*TIPWATCH, *args], input=input_bytes, capture_output=True, env=full_env,
                          cwd=cwd, timeout=300)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8"),
                                       done.stderr.decode("utf-8"))
