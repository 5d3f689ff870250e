"""Output renderers shared by the CLI, the web API and exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FACT_COLUMNS = ("doc", "indicator", "value", "unit", "qualifier", "period", "period_text", "place",
                "crime", "age", "sex", "nationality", "location", "source", "scope", "derived",
                "span", "surface", "sentence")

def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO, columns: Sequence[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})


def csv_text(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    write_csv(rows, buf, columns)
    return buf.getvalue()


def format_value(value: Any, unit: str | None = "count", qualifier: str | None = "exact") -> str:
    """'more than 150', '72.8 %', 'USD 150,000,000,000' — the way an analyst reads a figure."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit == "percent":
        text += " %"
    elif unit and unit != "count":
        text = f"{unit} {text}"
    prefix = {"approx": "~", "min": "≥", "max": "≤"}.get(qualifier or "exact", "")
    return prefix + text
