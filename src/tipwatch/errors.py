"""One exception tree; the CLI and web layers turn these into messages."""

from __future__ import annotations


class TipwatchError(Exception):
    """Root of every error tipwatch raises on purpose."""

    code = "TW-E000"


class ConfigError(TipwatchError):
    code = "TW-E001"


class IngestError(TipwatchError):
    """An input cannot be read; the message names the input and the reason."""

    code = "TW-E100"


class RuleError(TipwatchError):
    """A vocabulary, gazetteer or pattern file is invalid."""

    code = "TW-E200"


class StoreError(TipwatchError):
    code = "TW-E300"


class QueryError(TipwatchError):
    """A query names something that does not exist (an unknown indicator, a missing document)."""

    code = "TW-E400"


class EvalError(TipwatchError):
    code = "TW-E500"
