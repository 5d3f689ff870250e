"""One settings object: layered from defaults and TIPWATCH_* variables, validated, documented."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from tipwatch.config import Settings, settings_help
from tipwatch.errors import ConfigError

README = Path(__file__).resolve().parents[2] / "README.md"


def test_environment_then_overrides() -> None:
    env = {"TIPWATCH_DB": "sqlite:///x.db", "TIPWATCH_MAX_BYTES": "1000", "TIPWATCH_TOKEN": "t"}
    s = Settings.from_env(environ=env, max_bytes=None, published="2024")
    assert (s.db, s.max_bytes, s.token, s.published) == ("sqlite:///x.db", 1000, "t", "2024")
    assert Settings.from_env(environ=env, db="sqlite:///y.db").db == "sqlite:///y.db"


@pytest.mark.parametrize("env", [{"TIPWATCH_MAX_BYTES": "lots"}, {"TIPWATCH_MAX_BYTES": "0"},
                                 {"TIPWATCH_LEXICON": "no/such/file.yaml"}])
def test_bad_settings_are_one_clear_error(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        Settings.from_env(environ=env)


def test_every_setting_is_documented() -> None:
    readme = README.read_text("utf-8")
    for f in fields(Settings):
        assert f"`{f.name}`" in readme and f"`TIPWATCH_{f.name.upper()}`" in readme, f.name
        assert settings_help()[f.name]
