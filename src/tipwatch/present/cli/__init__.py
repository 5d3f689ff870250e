"""The ``tipwatch`` command line: thin commands over the library."""

from tipwatch.present.cli.main import cli, main

__all__ = ["cli", "main"]
