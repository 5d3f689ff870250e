"""Load benchmark for the web view: many concurrent requests to the facts page.

    .venv/bin/python bench/web_load.py                 # 100,000 facts, 200 concurrent requests
    .venv/bin/python bench/web_load.py --facts 20000 --requests 400 --path "/api/facts?limit=100"

Fills a temporary SQLite store with synthetic facts (bulk insert), serves it with uvicorn
on a free loopback port, sends the requests all at once with httpx, and reports errors
and latency percentiles. Nothing leaves the loopback interface.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert

from tipwatch.present.web.app import create_app
from tipwatch.present.web.background import running_server
from tipwatch.store.db import Store, content_id
from tipwatch.store.schema import documents, facts

INDICATORS = ("cases", "victims", "suspects_arrested", "suspects_prosecuted", "victims_referred")
PLACES = ("KH", "TH", "VN", "PH", "KE", "NG", "GB", "US", "MX", "NP")
SOURCES = ("National Police", "Ministry of Interior", "National Committee for Counter Trafficking",
           "Ministry of Social Affairs", None)


def _document_row(n: int, per_doc: int) -> dict[str, Any]:
    text = " ".join(f"Police handled {100 + i} cases in {2015 + i % 9}." for i in range(per_doc))
    return {"id": content_id(f"bench-{n}-{text}"), "doc": f"bench-{n:05d}.txt", "origin": "bench",
            "media_type": "text", "original_text": text, "raw_text": text, "clean_text": text,
            "offsets": "[[0, 0]]", "removed": "[]", "published": "2024-01-01",
            "ingested_at": dt.datetime.now(dt.UTC)}


def _fact_rows(doc: dict[str, Any], n: int, per_doc: int) -> list[dict[str, Any]]:
    rows, pos = [], 0
    text = doc["clean_text"]
    for i in range(per_doc):
        surface = str(100 + i)
        start = text.index(surface, pos)
        pos = start + len(surface)
        k = n * per_doc + i
        rows.append({
            "document_id": doc["id"], "ordinal": i, "doc": doc["doc"], "indicator": INDICATORS[k % 5],
            "value": float(100 + i), "unit": "count", "qualifier": "exact",
            "period": str(2015 + i % 9), "period_text": None, "place": PLACES[k % 10],
            "crime": "trafficking", "source": SOURCES[k % 5], "scope": "aggregate", "derived": False,
            "span_start": start, "span_end": pos, "raw_start": start, "raw_end": pos,
            "surface": surface, "sentence": f"Police handled {surface} cases.", "match": "exact",
            "rules": "[]"})
    return rows


def fill(url: str, n_facts: int, per_doc: int = 100) -> None:
    store = Store.open(url)
    try:
        n_docs = max(1, n_facts // per_doc)
        with store.engine.begin() as conn:
            for n in range(n_docs):
                doc = _document_row(n, per_doc)
                conn.execute(insert(documents), [doc])
                conn.execute(insert(facts), _fact_rows(doc, n, per_doc))
    finally:
        store.close()


async def _one(client: httpx.AsyncClient, path: str, slots: asyncio.Semaphore) -> tuple[int, float]:
    async with slots:  # latency is timed from send, not from waiting for a free slot
        started = time.perf_counter()
        try:
            response = await client.get(path)
            status = response.status_code
        except httpx.HTTPError:
            status = 0
        return status, time.perf_counter() - started


async def fire(base_url: str, path: str, requests: int, concurrency: int, timeout: float) -> list[tuple[int, float]]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=timeout, limits=limits, trust_env=False) as client:
        await client.get(path)  # warm-up: templates compiled, pool connected
        slots = asyncio.Semaphore(concurrency)
        tasks = [_one(client, path, slots) for _ in range(requests)]
        return await asyncio.wait_for(asyncio.gather(*tasks), timeout=timeout * 2)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def report(results: list[tuple[int, float]], wall: float, args: argparse.Namespace) -> dict[str, Any]:
    times = [t for _, t in results]
    errors = sum(1 for status, _ in results if status != 200)
    return {"facts": args.facts, "path": args.path, "requests": len(results), "concurrency": args.concurrency,
            "errors": errors, "p50_ms": round(percentile(times, 0.50) * 1000, 1),
            "p95_ms": round(percentile(times, 0.95) * 1000, 1), "max_ms": round(max(times) * 1000, 1),
            "mean_ms": round(statistics.fmean(times) * 1000, 1),
            "throughput_rps": round(len(results) / wall, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--path", default="/facts", help="what to request (default: the facts page)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per request")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tipwatch-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        started = time.perf_counter()
        fill(url, args.facts)
        print(f"filled {args.facts} facts in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        with running_server(create_app(url), host="127.0.0.1") as base_url:
            started = time.perf_counter()
            results = asyncio.run(fire(base_url, args.path, args.requests, args.concurrency, args.timeout))
            wall = time.perf_counter() - started
    summary = report(results, wall, args)
    print(json.dumps(summary))
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
