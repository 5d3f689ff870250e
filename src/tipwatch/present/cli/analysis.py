"""Commands that analyse the evidence base: checks, conflicts, series, report, export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from tipwatch.errors import TipwatchError
from tipwatch.present.cli.common import db_option, open_store, warn
from tipwatch.present.cli.main import cli
from tipwatch.present.export import FORMATS, WHAT, export
from tipwatch.present.renderers import format_value, write_csv, write_jsonl
from tipwatch.present.report import render_html, render_markdown
from tipwatch.store import queries
from tipwatch.verify.indicators import known_indicators
from tipwatch.verify.reconcile import find_conflicts
from tipwatch.verify.report import build_report
from tipwatch.verify.series import build_series, render_chart

CHECK_COLUMNS = ("doc", "kind", "indicator", "verdict", "values", "stated", "total", "parts", "unit", "period",
                 "computed", "rule", "note", "sentence")
FORMAT_HELP = "Default: a table on a terminal, JSON Lines otherwise."


def _check_indicator(indicator: str | None) -> None:
    if indicator and indicator not in known_indicators():
        raise click.UsageError(f"unknown indicator {indicator!r}; known indicators: {', '.join(known_indicators())}")


def _fmt(fmt: str | None) -> str:
    return fmt or ("table" if sys.stdout.isatty() else "jsonl")


def _table(headers: tuple[str, ...], rows: list[list[str]], caption: str) -> None:
    table = Table(header_style="bold")
    for h in headers:
        table.add_column(h, overflow="fold")
    for r in rows:
        table.add_row(*r)
    console = Console()
    console.print(table)
    console.print(caption)


@cli.command("checks", epilog="\b\nExamples:\n  tipwatch checks --verdict inconsistent\n"
             "  tipwatch checks --kind sum --format csv > sums.csv")
@db_option
@click.option("--verdict", type=click.Choice(["consistent", "inconsistent", "unverifiable"]))
@click.option("--doc", help="Document name or id prefix.")
@click.option("--indicator", help="An indicator, e.g. cases.")
@click.option("--kind", type=click.Choice(["change", "sum"]))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default=None, help=FORMAT_HELP)
def checks_command(db: str | None, verdict: str | None, doc: str | None, indicator: str | None,
                   kind: str | None, fmt: str | None) -> None:
    """The claims documents make (changes, sums) with their verdicts and the arithmetic."""
    _check_indicator(indicator)
    with open_store(db) as store:
        rows = queries.list_claims(store, verdict=verdict, doc=doc, indicator=indicator, kind=kind)
    fmt = _fmt(fmt)
    if fmt == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif fmt == "csv":
        write_csv(rows, sys.stdout, CHECK_COLUMNS)
    else:
        _table(("doc", "kind", "indicator", "verdict", "stated", "computed", "note"),
               [[r["doc"], r["kind"], r["indicator"], r["verdict"], _what(r), r.get("computed") or "",
                 r.get("note") or ""] for r in rows], f"{len(rows)} claim(s)")


def _what(claim: dict[str, Any]) -> str:
    if claim["kind"] == "change":
        values = claim.get("values")
        pair = f"{format_value(values[0])} vs {format_value(values[1])}: " if values else ""
        return pair + (claim.get("stated") or "")
    return f"{format_value(claim.get('total'))} = parts ({claim.get('stated') or ''})"


@cli.command("conflicts", epilog="\b\nExamples:\n  tipwatch conflicts --place KH --period 2017\n"
             "  tipwatch conflicts --indicator victims --format jsonl")
@db_option
@click.option("--indicator", help="An indicator, e.g. cases.")
@click.option("--place", help="ISO code; KH also matches KH-12.")
@click.option("--period", help="2017 also matches 2017-H1.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default=None, help=FORMAT_HELP)
def conflicts_command(db: str | None, indicator: str | None, place: str | None, period: str | None,
                      fmt: str | None) -> None:
    """Figures that different sources state with values that cannot all be true."""
    _check_indicator(indicator)
    with open_store(db) as store:
        found = find_conflicts(store, indicator=indicator, place=place, period=period)
    if _fmt(fmt) == "jsonl":
        write_jsonl((c.to_record() for c in found), sys.stdout)
        return
    rows = []
    for c in found:
        key = f"{c.key['indicator']} {c.key['place'] or ''} {c.key['period']}"
        for m in c.members:
            rows.append([key, c.crime or "", format_value(m["value"], c.key["unit"], m["qualifier"]),
                         m.get("source") or "", m["doc"], ", ".join(m["contradicts"]) or "-", m["sentence"]])
            key = ""
    _table(("figure", "crime", "value", "source", "document", "contradicts", "sentence"), rows,
           f"{len(found)} conflict(s)")


@cli.command("series", epilog="\b\nExamples:\n  tipwatch series --indicator cases --place KH\n"
             "  tipwatch series --indicator victims --place KH --by source --chart victims.svg")
@db_option
@click.option("--indicator", required=True, help="An indicator, e.g. cases.")
@click.option("--place", required=True, help="ISO code, exactly (KH does not include KH-12).")
@click.option("--unit", default="count", show_default=True, help="count, percent or a currency code.")
@click.option("--by", "by", type=click.Choice(["source"]), default=None, help="One row per source and period.")
@click.option("--chart", type=click.Path(dir_okay=False), help="Write a chart: PATH.png or PATH.svg.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default=None, help=FORMAT_HELP)
def series_command(db: str | None, indicator: str, place: str, unit: str, by: str | None, chart: str | None,
                   fmt: str | None) -> None:
    """An indicator's values per period for one place, with sources and the headline rule."""
    _check_indicator(indicator)
    if chart and Path(chart).suffix.lower() not in (".png", ".svg"):
        raise click.UsageError(f"--chart {chart}: the file must end in .png or .svg")
    with open_store(db) as store:
        series = build_series(store, indicator, place, unit)
    if not series.points:
        warn(f"no {indicator} figures for {place} in the evidence base")
        return
    records = series.to_records(by_source=by == "source")
    if chart:
        Path(chart).write_bytes(render_chart(series, Path(chart).suffix.lower()[1:]))
        warn(f"chart written to {chart}")
    fmt = _fmt(fmt)
    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
    elif fmt == "csv":
        write_csv(records, sys.stdout, tuple(records[0]))
    else:
        cols = tuple(k for k in records[0] if k not in ("indicator", "place"))
        _table(cols, [[_cell(r[c]) for c in cols] for r in records], f"{indicator} in {place}: "
               f"{len(series.points)} period(s)")


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(format_value(v) if isinstance(v, int | float) else str(v) for v in value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_value(value)
    return "" if value is None else str(value)


@cli.command("report", epilog="\b\nExamples:\n  tipwatch report --place KH --period 2017\n"
             "  tipwatch report --place KH --period 2017 --format html --output kh-2017.html")
@db_option
@click.option("--place", required=True, help="ISO code, e.g. KH.")
@click.option("--period", required=True, help="2017, 2019-H1, ...")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="Write to FILE instead of standard output.")
def report_command(db: str | None, place: str, period: str, fmt: str, output: str | None) -> None:
    """A report for one place and period: figures, comparisons, conflicts, failed checks, sources."""
    with open_store(db) as store:
        report = build_report(store, place, period)
        chart = None
        if not report.empty and fmt == "html" and report.chart_indicator:
            series = build_series(store, report.chart_indicator, place)
            chart = render_chart(series, "svg") if series.points else None
    if report.empty:
        warn(f"no figures for {place} in {period} in the evidence base; nothing to report")
        return
    text = render_html(report, chart) if fmt == "html" else render_markdown(report)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        warn(f"report written to {output}")
    else:
        sys.stdout.write(text)


@cli.command("export", epilog="\b\nExamples:\n  tipwatch export --what facts --format csv --output facts.csv\n"
             "  tipwatch export --what claims --format parquet --output claims.parquet")
@db_option
@click.option("--what", type=click.Choice(list(WHAT)), default="facts", show_default=True)
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True)
@click.option("--output", type=click.Path(dir_okay=False), required=True, help="The file to write.")
def export_command(db: str | None, what: str, fmt: str, output: str) -> None:
    """Export facts, claims or documents (columns: docs/data-dictionary.md)."""
    try:
        with open_store(db) as store:
            n = export(store, what, fmt, output)
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot write: {exc.strerror or exc}") from exc
    except TipwatchError as exc:
        raise click.ClickException(str(exc)) from exc
    warn(f"{n} {what} written to {output}")
