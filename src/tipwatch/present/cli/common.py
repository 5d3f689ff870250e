"""Options and helpers every command shares."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from rich.console import Console

from tipwatch.config import Settings
from tipwatch.errors import TipwatchError
from tipwatch.store.db import Store

F = TypeVar("F", bound=Callable[..., Any])

err_console = Console(stderr=True, highlight=False)


def db_option(func: F) -> F:
    return click.option(
        "--db", "db", default=None, metavar="URL",
        help="Database URL (default: sqlite:///tipwatch.db or $TIPWATCH_DB).")(func)


def warn(message: str) -> None:
    """One line on standard error, never on standard output."""
    click.echo(f"tipwatch: {message}", err=True)


@contextmanager
def open_store(db: str | None) -> Iterator[Store]:
    settings = Settings.from_env(db=db)
    store = Store.open(settings.db)
    try:
        yield store
    finally:
        store.close()


def fail(exc: TipwatchError) -> click.ClickException:
    return click.ClickException(str(exc))


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
