"""The ``tipwatch`` click group and the commands that read inputs (ingest, extract)."""

from __future__ import annotations

import sys
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tipwatch import __version__
from tipwatch.config import Settings
from tipwatch.errors import TipwatchError
from tipwatch.model import InputProblem
from tipwatch.pipeline import extract_inputs
from tipwatch.present.cli.common import db_option, err_console, open_store, warn
from tipwatch.present.renderers import write_jsonl
from tipwatch.store.db import IngestOutcome
from tipwatch.store.loader import ingest_paths

INPUT_HELP = "INPUT is a .txt/.html file, a folder (searched recursively), a .jsonl file of documents, or - for standard input."


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tipwatch")
def cli() -> None:
    """tipwatch: trafficking-in-persons statistics from documents, every figure with its source.

    \b
    Typical session:
      tipwatch ingest examples/            # read documents into ./tipwatch.db
      tipwatch facts --place KH --indicator cases
      tipwatch show 002_article.txt        # the document with its facts highlighted
      tipwatch extract article.txt --format jsonl   # stream facts, no database
    """


def _common_input_options(func: Any) -> Any:
    func = click.option("--published", metavar="YYYY[-MM[-DD]]",
                        help="Publication date for inputs whose metadata has none.")(func)
    func = click.option("--lexicon", multiple=True, type=click.Path(dir_okay=False),
                        help="Extra lexicon file (indicators, bodies); may be repeated.")(func)
    func = click.option("--max-bytes", type=int, default=None,
                        help="Refuse inputs over this size (default 20 MB).")(func)
    return func


def _settings(db: str | None = None, published: str | None = None, lexicon: tuple[str, ...] = (),
              max_bytes: int | None = None) -> Settings:
    try:
        return Settings.from_env(db=db, published=published, lexicon=tuple(lexicon), max_bytes=max_bytes)
    except TipwatchError as exc:
        raise click.UsageError(str(exc)) from exc


@cli.command("extract", epilog="\b\nExamples:\n  tipwatch extract seeds/ --format jsonl > facts.jsonl\n"
             "  cat article.txt | tipwatch extract - --published 2019-07-02")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@_common_input_options
def extract_command(inputs: tuple[str, ...], fmt: str, published: str | None, lexicon: tuple[str, ...],
                    max_bytes: int | None) -> None:
    """Stream the facts and claims of INPUT... as JSON Lines on standard output (no database).

    \b
    INPUT is a .txt/.html file, a folder (searched recursively), a .jsonl file
    of documents, or - for standard input. Problems go to standard error and
    make the exit status 1; the other inputs are still processed.
    """
    settings = _settings(published=published, lexicon=lexicon, max_bytes=max_bytes)
    failed = False
    out = sys.stdout
    for item in extract_inputs(inputs, settings):
        if isinstance(item, InputProblem):
            warn(item.message())
            failed = True
            continue
        write_jsonl((f.to_record() for f in item.facts), out)
        write_jsonl((c.to_record() for c in item.claims), out)
        out.flush()
    sys.exit(1 if failed else 0)


@cli.command("ingest", epilog="\b\nExamples:\n  tipwatch ingest examples/\n"
             "  tipwatch ingest --db postgresql+psycopg://localhost/tip reports/*.html\n"
             "  tipwatch ingest dump.jsonl --published 2024")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@_common_input_options
@click.option("--reextract", is_flag=True, help="Extract again even documents already stored unchanged.")
def ingest_command(inputs: tuple[str, ...], db: str | None, published: str | None,
                   lexicon: tuple[str, ...], max_bytes: int | None, reextract: bool) -> None:
    """Read INPUT... into the evidence base, one transaction per document.

    \b
    INPUT is a .txt/.html file, a folder (searched recursively), a .jsonl file
    of documents, or - for standard input. Identical content already stored
    is skipped; a document is re-extracted when the extractor changed.
    """
    settings = _settings(db=db, published=published, lexicon=lexicon, max_bytes=max_bytes)
    with open_store(settings.db) as store, _progress() as progress:
        task = progress.add_task("ingest", total=None)

        def listener(item: Any, outcome: IngestOutcome | None) -> None:
            if isinstance(item, InputProblem):
                progress.console.print(f"tipwatch: {item.message()}", markup=False, highlight=False) \
                    if progress.console.is_terminal else warn(item.message())
            progress.advance(task)

        summary = ingest_paths(store, inputs, settings, reextract=reextract, listener=listener)
    added, replaced, unchanged = (summary.count(s) for s in ("added", "replaced", "unchanged"))
    warn(f"{added} added, {replaced} re-extracted, {unchanged} unchanged, "
         f"{len(summary.problems)} problem(s); {summary.facts} facts written (run {summary.run_id})")
    sys.exit(1 if summary.problems else 0)


def _progress() -> Progress:
    """A progress bar on standard error, silent when standard error is not a terminal."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err_console, transient=True,
                    disable=not err_console.is_terminal)


# Commands defined in sibling modules register themselves on import.
import tipwatch.present.cli.analysis  # noqa: E402,F401
from tipwatch.present.cli import browse, serve  # noqa: E402,F401
from tipwatch.present.cli.evaluate import eval_command  # noqa: E402

cli.add_command(eval_command)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except TipwatchError as exc:
        warn(str(exc))
        sys.exit(2)
