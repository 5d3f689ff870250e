"""``tipwatch eval GOLD INPUT...``: score the extractor against a gold file (SPEC section 7)."""

from __future__ import annotations

import json
import sys

import click

from tipwatch.config import Settings
from tipwatch.errors import TipwatchError
from tipwatch.verify.evaluation import evaluate


@click.command("eval", epilog="\b\nExamples:\n  tipwatch eval dev/gold.jsonl seeds/ --show\n"
               "  tipwatch eval tests/devset/gold.jsonl tests/devset/articles --min-f1 0.92")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--show", is_flag=True, help="List every miss, extra and attribute error per document.")
@click.option("--min-f1", type=float, default=None, metavar="FLOAT", help="Exit 1 when F1 is below this.")
@click.option("--min-precision", type=float, default=None, metavar="FLOAT",
              help="Exit 1 when precision is below this.")
@click.option("--lexicon", multiple=True, type=click.Path(dir_okay=False),
              help="Extra lexicon file (indicators, bodies); may be repeated.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_command(gold: str, inputs: tuple[str, ...], show: bool, min_f1: float | None,
                 min_precision: float | None, lexicon: tuple[str, ...], fmt: str) -> None:
    """Score extraction of INPUT... against the GOLD file: precision, recall, F1,
    per-attribute accuracy and the claims score. Each gold document's `published`
    date is given to the extractor; inputs that are not in GOLD are ignored."""
    try:
        settings = Settings.from_env(lexicon=tuple(lexicon))
        report = evaluate(gold, list(inputs), settings)
    except TipwatchError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        click.echo(report.render(show=show))
    failures = []
    if min_f1 is not None and report.f1 < min_f1:
        failures.append(f"F1 {report.f1:.3f} is below {min_f1}")
    if min_precision is not None and report.precision < min_precision:
        failures.append(f"precision {report.precision:.3f} is below {min_precision}")
    for failure in failures:
        click.echo(f"tipwatch: {failure}", err=True)
    sys.exit(1 if failures else 0)
