"""Ingestion: inputs on disk (or standard input) to :class:`RawDocument` records.

``read_inputs(paths, settings)`` yields a ``RawDocument`` for every document it can
read and an ``InputProblem`` (input name + one-line reason) for every one it cannot.
"""

from tipwatch.ingest.sources import SUPPORTED_SUFFIXES, read_inputs

__all__ = ["SUPPORTED_SUFFIXES", "read_inputs"]
