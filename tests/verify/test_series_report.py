"""Series, reports, checks, conflicts and exports on a small evidence base of our own articles."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tipwatch.config import Settings
from tipwatch.present.cli.main import cli
from tipwatch.present.report import render_html, render_markdown
from tipwatch.store.db import Store
from tipwatch.store.loader import ingest_paths
from tipwatch.verify.report import build_report
from tipwatch.verify.series import build_series, render_chart

ARTICLES = {
    "ministry.txt": ("2023-02-01", """Cambodia reports more trafficking cases

PHNOM PENH - Cambodia's Ministry of Interior said on Monday that police handled 120 human trafficking cases in 2022, up from 100 in 2021, an increase of 30 percent.

Officers rescued 300 victims of trafficking in 2022, the ministry said. Of these, 180 were women and 120 were children.
"""),
    "licadho.txt": ("2023-03-01", """Rights group counts more trafficking cases in Cambodia

PHNOM PENH - The rights group LICADHO said on Tuesday that the authorities in Cambodia dealt with 131 human trafficking cases in 2022, a figure well above the official count.

LICADHO said it had also recorded 96 human trafficking cases in 2021.
"""),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("articles")
    inputs = tmp / "articles.jsonl"
    inputs.write_text("".join(json.dumps({"id": name, "text": text, "published": date}) + "\n"
                              for name, (date, text) in ARTICLES.items()), "utf-8")
    url = f"sqlite:///{tmp / 't.db'}"
    store = Store.open(url)
    ingest_paths(store, [str(inputs)], Settings.from_env(db=url))
    store.close()
    return url


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    s = Store.open(db)
    yield s
    s.close()


def test_series_keeps_every_value_and_names_the_headline_rule(store: Store) -> None:
    series = build_series(store, "cases", "KH")
    points = {p.period: p for p in series.points}
    assert points["2022"].distinct == [120, 131]
    assert points["2022"].headline is not None and points["2022"].headline.value == 120
    assert points["2022"].rule.startswith("official: latest-published official figure (Ministry of Interior")
    assert points["2021"].distinct == [96, 100]


def test_chart_png_and_svg(store: Store) -> None:
    series = build_series(store, "cases", "KH")
    assert render_chart(series, "png").startswith(b"\x89PNG")
    svg = render_chart(series, "svg").decode()
    assert "<svg" in svg and svg.count("<use") + svg.count("<path") > 4


def test_report_footnotes_comparison_conflicts_and_failed_checks(store: Store) -> None:
    report = build_report(store, "KH", "2022")
    cases = next(s for s in report.sections if s.indicator == "cases")
    assert cases.headline is not None and cases.headline.value == 120
    assert cases.comparison is not None and cases.comparison.change == 20
    assert cases.conflicts and {131, 120} <= set(cases.conflicts[0].values)
    victims = next(s for s in report.sections if s.indicator == "victims")
    assert {b.label for b in victims.breakdowns} >= {"age 18+, sex female", "age <18"}
    assert any(c["stated"] == "+30%" for c in report.failed_checks)   # 120 vs 100 is +20 %
    md = render_markdown(report)
    assert "| cases | 120[^" in md and "+20 (+20.00 %) from 100" in md
    note = cases.headline.note
    assert f"[^{note}]: ministry.txt" in md and "police handled 120 human trafficking cases" in md
    html = render_html(report, render_chart(build_series(store, "cases", "KH"), "svg"))
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and "<svg" in html
    for remote in ('src="http', 'href="http', "url(http", "<link", "<script", "@import"):
        assert remote not in html   # self-contained: nothing to fetch


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--db", db])
    return result.exit_code, result.stdout, result.stderr


def test_cli_checks_filters_and_formats(db: str) -> None:
    code, out, _ = run(db, "checks", "--verdict", "inconsistent", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows and all(r["verdict"] == "inconsistent" for r in rows)
    code, out, _ = run(db, "checks", "--kind", "sum", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("doc,kind,indicator,verdict")


def test_cli_conflicts_series_report(db: str, tmp_path: Path) -> None:
    code, out, _ = run(db, "conflicts", "--place", "KH", "--period", "2022", "--format", "jsonl")
    assert code == 0 and "LICADHO" in out
    chart = tmp_path / "cases.svg"
    code, out, _ = run(db, "series", "--indicator", "cases", "--place", "KH", "--by", "source",
                       "--chart", str(chart), "--format", "jsonl")
    assert code == 0 and chart.read_text().count("<svg") == 1
    assert {json.loads(line)["source"] for line in out.splitlines()} == {"Ministry of Interior", "LICADHO"}
    page = tmp_path / "kh.html"
    code, _, err = run(db, "report", "--place", "KH", "--period", "2022", "--format", "html", "--output", str(page))
    assert code == 0 and "<svg" in page.read_text()


def test_cli_no_data_and_unknown_indicator(db: str) -> None:
    code, out, err = run(db, "report", "--place", "KH", "--period", "1999")
    assert code == 0 and out == "" and "no figures for KH in 1999" in err
    code, out, err = run(db, "series", "--indicator", "victims", "--place", "ZZ")
    assert code == 0 and "no victims figures for ZZ" in err
    code, _, err = run(db, "series", "--indicator", "arrests", "--place", "KH")
    assert code == 2 and "unknown indicator 'arrests'" in err and "suspects_arrested" in err


@pytest.mark.parametrize("what", ["facts", "claims", "documents"])
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_cli_export(db: str, tmp_path: Path, what: str, fmt: str) -> None:
    out = tmp_path / f"{what}.{fmt}"
    code, _, err = run(db, "export", "--what", what, "--format", fmt, "--output", str(out))
    assert code == 0, err
    if fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        assert table.num_rows > 0 and "doc" in table.column_names
    elif fmt == "jsonl":
        assert all(json.loads(line)["doc"] for line in out.read_text().splitlines())
    else:
        assert out.read_text().splitlines()[0].startswith("id,")


def test_store_stays_readable_by_plain_sqlite3(db: str) -> None:
    path = db.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        (n,) = conn.execute("select count(*) from claims where verdict = 'consistent'").fetchone()
    assert n >= 1


def test_data_dictionary_lists_every_exported_column() -> None:
    from tipwatch.present.export import WHAT

    text = (Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md").read_text("utf-8")
    for what, columns in WHAT.items():
        for column in columns:
            assert f"| `{column}` |" in text, f"{what}.{column} is not in docs/data-dictionary.md"
