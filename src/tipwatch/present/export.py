"""Exports of the evidence base: facts, claims or documents as CSV, JSON Lines or Parquet.

The columns are those of ``docs/data-dictionary.md``; lists (spans, claim values and parts,
rule ids) are JSON text in CSV and native lists in JSON Lines and Parquet.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tipwatch.errors import QueryError
from tipwatch.present.renderers import write_csv, write_jsonl
from tipwatch.store.db import Store
from tipwatch.store.queries import _claim_dict, _fact_dict
from tipwatch.store.schema import claims, documents, facts

FACT_EXPORT = ("id", "document_id", "ordinal", "doc", "indicator", "value", "unit", "qualifier", "period",
               "period_text", "place", "crime", "age", "sex", "nationality", "location", "source", "scope",
               "derived", "span", "raw_span", "surface", "sentence", "match", "rules")
CLAIM_EXPORT = ("id", "document_id", "ordinal", "doc", "kind", "indicator", "verdict", "values", "stated",
                "total", "parts", "unit", "period", "crime", "computed", "rule", "note", "span", "sentence",
                "facts")
DOCUMENT_EXPORT = ("id", "doc", "origin", "url", "title", "author", "publisher", "published", "media_type",
                   "ingested_at", "fingerprint", "run_id", "text")
WHAT = {"facts": FACT_EXPORT, "claims": CLAIM_EXPORT, "documents": DOCUMENT_EXPORT}
FORMATS = ("csv", "jsonl", "parquet")


def rows(store: Store, what: str) -> Iterator[dict[str, Any]]:
    """The rows of one export, in a stable order."""
    if what == "facts":
        stmt = select(facts).order_by(facts.c.doc, facts.c.document_id, facts.c.ordinal)
        convert = _fact_dict
    elif what == "claims":
        stmt = select(claims).order_by(claims.c.doc, claims.c.document_id, claims.c.ordinal)
        convert = _claim_dict
    elif what == "documents":
        stmt = select(documents).order_by(documents.c.doc, documents.c.id)
        convert = _document_dict
    else:
        raise QueryError(f"cannot export {what!r}; choose one of {', '.join(WHAT)}")
    columns = WHAT[what]
    with store.connect() as conn:
        for row in conn.execute(stmt).yield_per(2000):
            d = convert(row)
            yield {c: d.get(c) for c in columns}


def _document_dict(row: Any) -> dict[str, Any]:
    d = dict(row._mapping)
    d["text"] = d.pop("clean_text")
    if d.get("ingested_at") is not None:
        d["ingested_at"] = d["ingested_at"].isoformat()
    return d


def export(store: Store, what: str, fmt: str, output: str | Path) -> int:
    """Write one export to ``output``; returns the number of rows."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    items = rows(store, what)
    path = Path(output)
    if fmt == "parquet":
        return _parquet(list(items), WHAT[what], path)
    count = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal count
        for item in items:
            count += 1
            yield item

    with path.open("w", encoding="utf-8", newline="") as out:
        if fmt == "csv":
            write_csv(counted(), out, WHAT[what])
        else:
            write_jsonl(counted(), out)
    return count


def _parquet(items: list[dict[str, Any]], columns: tuple[str, ...], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {c: [_parquet_cell(c, item.get(c)) for item in items] for c in columns}
    table = pa.table({c: pa.array(v, type=_parquet_type(c, v)) for c, v in data.items()})
    pq.write_table(table, path)
    return len(items)


def _parquet_cell(column: str, value: Any) -> Any:
    if column == "value" and value is not None:
        return float(value)
    if column in ("values", "parts") and value is not None:
        return [float(v) for v in value]
    return value


def _parquet_type(column: str, values: list[Any]) -> Any:
    import pyarrow as pa

    typed = {"span": pa.list_(pa.int64()), "raw_span": pa.list_(pa.int64()), "facts": pa.list_(pa.int64()),
             "values": pa.list_(pa.float64()), "parts": pa.list_(pa.float64()), "rules": pa.list_(pa.string()),
             "value": pa.float64(), "total": pa.float64(), "derived": pa.bool_(), "id": pa.int64(),
             "ordinal": pa.int64(), "run_id": pa.int64()}
    if column in typed and not (column == "id" and any(isinstance(v, str) for v in values)):
        return typed[column]
    return pa.string() if all(v is None or isinstance(v, str) for v in values) else None


def data_columns() -> dict[str, tuple[str, ...]]:
    """The exported columns (the data dictionary's tables list exactly these)."""
    return dict(WHAT)


