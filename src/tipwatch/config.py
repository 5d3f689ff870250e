"""One settings object. The only module that reads the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from tipwatch.errors import ConfigError

ENV_PREFIX = "TIPWATCH_"


@dataclass(frozen=True)
class Settings:
    """Every setting tipwatch has, with its default and help text."""

    db: str = field(
        default="sqlite:///tipwatch.db",
        metadata={"help": "Database URL: a SQLite file (default ./tipwatch.db) or postgresql+psycopg://..."},
    )
    max_bytes: int = field(
        default=20 * 1024 * 1024,
        metadata={"help": "Inputs larger than this many bytes are refused (default 20 MB)."},
    )
    lexicon: tuple[str, ...] = field(
        default=(),
        metadata={"help": "Extra lexicon files (indicators, bodies, patterns) layered over the bundled ones."},
    )
    token: str | None = field(
        default=None,
        metadata={"help": "Bearer token that `serve --allow-ingest` requires of POST /api/documents."},
    )
    published: str | None = field(
        default=None,
        metadata={"help": "Publication date (YYYY[-MM[-DD]]) for inputs whose metadata has none."},
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then TIPWATCH_* variables, then explicit overrides (None means 'not given')."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is not None and raw != "":
                values[f.name] = _parse(f.name, raw)
        for name, val in overrides.items():
            if val is not None and val != ():
                values[name] = val
        settings = replace(cls(), **values)
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes must be positive, got {self.max_bytes}")
        for path in self.lexicon:
            if not Path(path).is_file():
                raise ConfigError(f"{path}: lexicon file not found")


def _parse(name: str, raw: str) -> Any:
    if name == "max_bytes":
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(f"{ENV_PREFIX}MAX_BYTES: not an integer: {raw!r}") from exc
    if name == "lexicon":
        return tuple(p for p in raw.split(os.pathsep) if p)
    return raw


def settings_help() -> dict[str, str]:
    return {f.name: str(f.metadata.get("help", "")) for f in fields(Settings)}
