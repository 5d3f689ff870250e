"""Commands that read the evidence base: facts, docs, show."""

from __future__ import annotations

import sys
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tipwatch.errors import TipwatchError
from tipwatch.present.cli.common import db_option, open_store
from tipwatch.present.cli.main import cli
from tipwatch.present.renderers import (
    FACT_COLUMNS,
    format_value,
    write_csv,
    write_jsonl,
)
from tipwatch.store import queries
from tipwatch.store.queries import FactFilter


@cli.command("facts", epilog="\b\nExamples:\n  tipwatch facts --place KH --indicator cases\n"
             "  tipwatch facts --period 2017 --format csv > 2017.csv\n"
             "  tipwatch facts --source 'national police' --format jsonl")
@db_option
@click.option("--indicator", help="An indicator, e.g. victims, cases, suspects_arrested.")
@click.option("--place", help="ISO code; KH also matches KH-12 and other subdivisions.")
@click.option("--period", help="2017 also matches 2017-H1, 2017-Q3, 2017-05.")
@click.option("--source", help="Part of the source body's name, any case.")
@click.option("--doc", help="Document name or id prefix.")
@click.option("--crime", help="A crime of SPEC section 4, e.g. sexual_exploitation.")
@click.option("--sort", type=click.Choice(sorted(queries.FACT_SORTS)), default="doc", show_default=True)
@click.option("--limit", type=int, default=None, help="At most this many facts.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default=None,
              help="Default: a table on a terminal, JSON Lines otherwise.")
def facts_command(db: str | None, indicator: str | None, place: str | None, period: str | None,
                  source: str | None, doc: str | None, crime: str | None, sort: str,
                  limit: int | None, fmt: str | None) -> None:
    """List stored facts, filtered."""
    flt = FactFilter(indicator=indicator, place=place, period=period, source=source, doc=doc, crime=crime)
    with open_store(db) as store:
        rows = queries.list_facts(store, flt, sort=sort, limit=limit)
        if indicator and not rows and indicator not in queries.known_values(store, "indicator"):
            known = ", ".join(queries.known_values(store, "indicator")) or "none yet"
            click.echo(f"tipwatch: no facts with indicator {indicator!r} (stored indicators: {known})", err=True)
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif fmt == "csv":
        write_csv(rows, sys.stdout, FACT_COLUMNS)
    else:
        _print_facts_table(rows)


BREAKDOWN_FIELDS = ("crime", "age", "sex", "nationality", "location")
TABLE_WIDTH_OFF_TERMINAL = 160


def _breakdown(row: dict[str, Any]) -> str:
    return " ".join(f"{k}={row[k]}" for k in BREAKDOWN_FIELDS if row.get(k))


def _print_facts_table(rows: list[dict[str, Any]]) -> None:
    table = Table(show_lines=False, header_style="bold", pad_edge=False)
    table.add_column("doc", overflow="ellipsis", max_width=28, no_wrap=True)
    table.add_column("indicator")
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("period")
    table.add_column("place")
    table.add_column("breakdown", overflow="fold")
    table.add_column("source", overflow="fold")
    for row in rows:
        table.add_row(row["doc"], row["indicator"], format_value(row["value"], row["unit"], row["qualifier"]),
                      row.get("period") or "", row.get("place") or "", _breakdown(row), row.get("source") or "")
    console = Console()
    if not console.is_terminal:  # a pipe or a log: wide enough to read, not squeezed to 80
        console = Console(width=TABLE_WIDTH_OFF_TERMINAL)
    console.print(table)
    console.print(f"{len(rows)} fact(s)")


@cli.command("docs", epilog="\b\nExample:\n  tipwatch docs --format jsonl")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default=None)
def docs_command(db: str | None, fmt: str | None) -> None:
    """List stored documents with their fact and claim counts."""
    with open_store(db) as store:
        rows = queries.list_documents(store)
    columns = ("id", "doc", "published", "title", "publisher", "facts", "claims")
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        write_jsonl(rows, sys.stdout)
        return
    if fmt == "csv":
        write_csv(rows, sys.stdout, columns)
        return
    table = Table(header_style="bold")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*[str(row[c])[:12] if c == "id" else ("" if row[c] is None else str(row[c]))
                        for c in columns])
    Console().print(table)


@cli.command("show", epilog="\b\nExample:\n  tipwatch show 002_d10760c36b453557.txt")
@click.argument("doc")
@db_option
def show_command(doc: str, db: str | None) -> None:
    """Print DOC's cleaned text with every fact highlighted, then its facts and claims."""
    with open_store(db) as store:
        try:
            record = queries.get_document(store, doc)
        except TipwatchError as exc:
            raise click.ClickException(str(exc)) from exc
    console = Console(highlight=False)
    console.print(Text(f"{record['doc']}  ({record['id'][:12]})  published {record['published'] or '?'}",
                       style="bold"))
    if record.get("title"):
        console.print(Text(record["title"], style="italic"))
    console.print(highlighted_text(record["clean_text"], record["facts"]))
    for i, fact in enumerate(record["facts"], start=1):
        fields = ", ".join(f"{k}={fact[k]}" for k in ("period", "place", "crime", "age", "sex",
                                                      "nationality", "location", "source") if fact.get(k))
        console.print(f"[{i}] {fact['indicator']} {format_value(fact['value'], fact['unit'], fact['qualifier'])}"
                      f"  {fields}", markup=False)
    for claim in record["claims"]:
        console.print(f"claim {claim['kind']} {claim['indicator']}: {claim['verdict']}"
                      f"  {claim.get('computed') or ''}", markup=False)


def highlighted_text(text: str, facts: list[dict[str, Any]]) -> Text:
    """The document text with each fact's span in reverse video and numbered."""
    out = Text()
    pos = 0
    spans = sorted({(f["span"][0], f["span"][1]) for f in facts if not f.get("derived")})
    numbers: dict[tuple[int, int], int] = {}
    for i, fact in enumerate(facts, start=1):
        numbers.setdefault((fact["span"][0], fact["span"][1]), i)
    for start, end in spans:
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(text[start:end], style="bold reverse yellow")
        out.append(f"[{numbers[(start, end)]}]", style="dim")
        pos = end
    out.append(text[pos:])
    return out


@cli.command("summary", epilog="\b\nExample:\n  tipwatch summary --format jsonl")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
def summary_command(db: str | None, fmt: str) -> None:
    """Count documents, facts by indicator and checked claims by verdict."""
    with open_store(db) as store:
        counts = queries.summary_counts(store)
    if fmt == "jsonl":
        write_jsonl([counts], sys.stdout)
        return
    click.echo(f"{counts['documents']} documents, {counts['facts']} facts, {counts['claims']} checked claims")
    for name, n in counts["facts_by_indicator"].items():
        click.echo(f"  {name:<22} {n:>6} facts")
    verdicts = counts["claims_by_verdict"]
    if verdicts:
        click.echo("  checks: " + ", ".join(f"{n} {v}" for v, n in verdicts.items()))
