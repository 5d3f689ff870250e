"""Time claim judging and cross-document reconciliation on synthetic facts.

    .venv/bin/python bench/checks_speed.py            # 10k and 100k facts
    .venv/bin/python bench/checks_speed.py --sizes 1000 10000

Facts are bulk-inserted into a temporary SQLite store through SQLAlchemy Core (20 facts per
document, keys drawn so that groups of a few documents form and some disagree). Judging runs
on one synthetic claim per 5 facts. The target is under 10 s at 100,000 facts on one core;
the ratio of the two largest sizes is printed next to the n log n ratio.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from tipwatch.model import Claim
from tipwatch.resolve import judge_claims
from tipwatch.store.db import Store
from tipwatch.store.schema import documents, facts
from tipwatch.verify.reconcile import find_conflicts

INDICATORS = ("cases", "victims", "suspects_arrested", "suspects_prosecuted")
PLACES = ("KH", "TH", "VN", "PH", "MY", "LA", "MM", "ID")
CRIMES = (None, "trafficking", "sexual_exploitation+trafficking")
QUALIFIERS = ("exact",) * 8 + ("approx", "min")


def populate(store: Store, n: int, rng: random.Random) -> None:
    per_doc = 20
    docs: list[dict[str, object]] = []
    rows: list[dict[str, object]] = []
    for d in range(max(1, n // per_doc)):
        doc_id = f"{d:064x}"
        docs.append({"id": doc_id, "doc": f"doc{d}.txt", "media_type": "text", "original_text": "",
                     "raw_text": "", "clean_text": "", "offsets": "[]", "removed": "[]",
                     "published": str(2015 + rng.randrange(9)), "fingerprint": f"{rng.getrandbits(64):016x}"})
        for k in range(per_doc):
            if len(rows) >= n:
                break
            rows.append({"document_id": doc_id, "ordinal": k, "doc": f"doc{d}.txt",
                         "indicator": rng.choice(INDICATORS), "value": float(rng.randrange(50, 60)),
                         "unit": "count", "qualifier": rng.choice(QUALIFIERS),
                         "period": str(2010 + rng.randrange(14)), "place": rng.choice(PLACES),
                         "crime": rng.choice(CRIMES), "scope": "aggregate", "derived": False,
                         "span_start": 0, "span_end": 2, "raw_start": 0, "raw_end": 2, "surface": "50",
                         "sentence": "Police handled 50 cases.", "match": "exact", "rules": "[]",
                         "source": rng.choice(("Ministry of Interior", "National Police", "LICADHO"))})
    with store.engine.begin() as conn:
        conn.execute(insert(documents), docs)
        for i in range(0, len(rows), 20000):
            conn.execute(insert(facts), rows[i:i + 20000])


def synthetic_claims(n: int, rng: random.Random) -> list[Claim]:
    out = []
    for _ in range(n):
        if rng.random() < 0.5:
            base = rng.randrange(50, 500)
            newer = base + rng.randrange(-40, 80)
            out.append(Claim(doc="d", kind="change", indicator="cases", values=[float(newer), float(base)],
                             stated=f"+{rng.randrange(1, 30)}%"))
        else:
            parts = [rng.randrange(1, 100) for _ in range(rng.randrange(2, 6))]
            out.append(Claim(doc="d", kind="sum", indicator="victims", total=sum(parts) + rng.choice((0, 0, 3, -3)),
                             parts=[float(p) for p in parts], stated=rng.choice(("breakdown", "including"))))
    return out


def run(n: int, seed: int = 7) -> dict[str, float]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        t0 = time.perf_counter()
        populate(store, n, rng)
        t_insert = time.perf_counter() - t0
        claims = synthetic_claims(n // 5, rng)
        t1 = time.perf_counter()
        judge_claims(claims, [])
        t_judge = time.perf_counter() - t1
        t2 = time.perf_counter()
        conflicts = find_conflicts(store)
        t_reconcile = time.perf_counter() - t2
        store.close()
    return {"facts": n, "insert_s": round(t_insert, 3), "judge_s": round(t_judge, 3),
            "reconcile_s": round(t_reconcile, 3), "checks_s": round(t_judge + t_reconcile, 3),
            "conflicts": len(conflicts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    results = [run(n) for n in args.sizes]
    for r in results:
        print(json.dumps(r))
    if len(results) >= 2:
        a, b = results[-2], results[-1]
        na, nb = a["facts"], b["facts"]
        ratio = b["checks_s"] / a["checks_s"] if a["checks_s"] else float("nan")
        nlogn = (nb * math.log(nb)) / (na * math.log(na))
        print(f"time ratio {nb}/{na}: {ratio:.2f}  (n log n ratio {nlogn:.2f}, n ratio {nb / na:.1f})")
        print(f"checks at {nb} facts: {b['checks_s']:.2f} s (target < 10 s)")


if __name__ == "__main__":
    main()
