"""The seed must-holds, end to end: `tipwatch ingest` into a temporary SQLite, then the queries.

The seeds are plain text files; their publication dates (which resolve "last year") are taken
from the development gold, as a crawler's metadata would give them, and fed through a JSON
Lines input.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tipwatch.store import queries
from tipwatch.store.db import Store
from tipwatch.verify.reconcile import find_conflicts


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    root = Path(__file__).resolve().parents[2].parent / "shared"
    if not (root / "seeds").is_dir() or not (root / "dev" / "gold.jsonl").is_file():
        pytest.skip("../shared/seeds or ../shared/dev/gold.jsonl is absent (they exist in CI beside the checkout)")
    tmp = tmp_path_factory.mktemp("seeds")
    published = {json.loads(line)["doc"]: json.loads(line).get("published")
                 for line in (root / "dev" / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()}
    inputs = tmp / "seeds.jsonl"
    with inputs.open("w", encoding="utf-8") as out:
        for path in sorted((root / "seeds").glob("*.txt")):
            out.write(json.dumps({"id": path.name, "text": path.read_text("utf-8"),
                                  "published": published.get(path.name)}) + "\n")
    url = f"sqlite:///{tmp / 't.db'}"
    done = subprocess.run([sys.executable, "-m", "tipwatch", "ingest", str(inputs), "--db", url],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    store = Store.open(url)
    yield store
    store.close()


def _claim(store: Store, **want: object) -> dict:
    rows = queries.list_claims(store)
    found = [r for r in rows if all(r.get(k) == v for k, v in want.items())]
    assert found, f"no claim {want} among {[(r['kind'], r['values'], r['total'], r['verdict']) for r in rows]}"
    return found[0]


def test_increase_of_29_is_consistent(seeds_store: Store) -> None:
    c = _claim(seeds_store, kind="change", values=[163, 134])
    assert (c["stated"], c["verdict"], c["computed"]) == ("+29", "consistent", "163 - 134 = +29")


def test_increase_of_72_82_percent_is_consistent(seeds_store: Store) -> None:
    c = _claim(seeds_store, kind="change", values=[159, 92])
    assert (c["stated"], c["verdict"]) == ("+72.82%", "consistent")
    assert c["computed"] == "(159 - 92) / 92 = +72.83 %"
    assert "rounded or truncated" in c["rule"]


def test_age_breakdown_adds_up(seeds_store: Store) -> None:
    c = _claim(seeds_store, kind="sum", total=345)
    assert (c["parts"], c["verdict"]) == ([138, 40, 167], "consistent")


def test_including_list_five_short_is_unverifiable(seeds_store: Store) -> None:
    c = _claim(seeds_store, kind="sum", total=757)
    assert sum(c["parts"]) == 752
    assert c["verdict"] == "unverifiable"
    assert c["note"] == "'including': parts sum to 752, 5 short"


def test_ncct_and_national_police_conflict_for_cambodia_2017(seeds_store: Store) -> None:
    conflicts = find_conflicts(seeds_store, indicator="cases", place="KH", period="2017")
    match = [c for c in conflicts if {151, 159} <= set(c.values)]
    assert match, [c.values for c in conflicts]
    members = {m["value"]: m for m in match[0].members}
    assert members[159]["source"] == "National Committee for Counter Trafficking"
    assert members[151]["source"] == "National Police"
    assert members[159]["sentence"] and members[151]["doc"].startswith("003_")


def test_more_than_150_is_not_counted_against_151(seeds_store: Store) -> None:
    for conflict in find_conflicts(seeds_store, indicator="cases", place="KH", period="2017"):
        for m in conflict.members:
            if m["value"] == 150 and m["qualifier"] == "min":
                assert m["contradicts"] == []
                assert "151" not in " ".join(m["contradicts"])
