"""Load, merge, validate and compile the rule files once.

The bundled files in ``extract/rules/`` are read first; each ``--lexicon`` file (YAML,
JSON, or JSON Lines with a ``kind`` field naming the list a record belongs to) is
merged over them: a record whose ``id`` already exists replaces the bundled one, other
records are appended, mappings are updated and word lists extended.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tipwatch.errors import RuleError
from tipwatch.extract import schema
from tipwatch.extract.attributes import AttributeRules
from tipwatch.extract.gazetteer import Gazetteer
from tipwatch.extract.indicators import IndicatorRules
from tipwatch.extract.numbers import NumberParser
from tipwatch.extract.orgs import OrgRules
from tipwatch.extract.periods import PeriodRules
from tipwatch.extract.places import PlaceRules
from tipwatch.extract.sources import BodyRules

RULE_FILES: tuple[str, ...] = (
    "numbers.yaml", "indicators.yaml", "crimes.yaml", "qualifiers.yaml", "periods.yaml",
    "fiscal.yaml", "bodies.yaml", "orgs.yaml", "places.yaml", "cities.yaml", "demonyms.yaml",
)


@dataclass(frozen=True)
class Rules:
    """Every compiled rule the extractor uses, and the fingerprint of the files they came from."""

    fingerprint: str
    files: tuple[str, ...]
    numbers: NumberParser
    indicators: IndicatorRules
    attributes: AttributeRules
    periods: PeriodRules
    places: PlaceRules
    bodies: BodyRules
    gazetteer: Gazetteer
    orgs: OrgRules

    def parse_number(self, text: str) -> int | float | None:
        """The value of a number's words ('1,009', 'twenty-one', '$1.7bn'), else None."""
        return self.numbers.parse(text)

    @property
    def indicator_names(self) -> tuple[str, ...]:
        return self.indicators.names


def _parse_text(origin: str, text: str) -> dict[str, Any]:
    try:
        if origin.endswith(".jsonl"):
            data: dict[str, Any] = {}
            for n, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                if not isinstance(rec, dict) or "kind" not in rec:
                    raise RuleError(f"{origin}:{n}: each line needs a 'kind' naming its list (e.g. bodies)")
                kind = rec.pop("kind")
                data.setdefault(kind, []).append(rec)
            return data
        loaded = yaml.safe_load(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise RuleError(f"{origin}: cannot parse: {exc}") from exc
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise RuleError(f"{origin}: a rule file must be a mapping of keys to lists or mappings")
    return loaded


def _merge_records(base: list[dict[str, Any]], extra: list[dict[str, Any]]) -> list[dict[str, Any]]:
    index = {rec["id"]: i for i, rec in enumerate(base)}
    out = list(base)
    for rec in extra:
        if rec["id"] in index:
            out[index[rec["id"]]] = rec
        else:
            index[rec["id"]] = len(out)
            out.append(rec)
    return out


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` layered over ``base`` (neither is modified)."""
    out = copy.deepcopy(base)
    for key, value in extra.items():
        if key == "version":
            continue
        if key in schema.RECORDS:
            out[key] = _merge_records(out.get(key, []), value)
        elif key == "roles":
            roles = out.setdefault("roles", {})
            for role, spec in value.items():
                merged = roles.setdefault(role, {"default": None, "actions": {}})
                if "default" in spec:
                    merged["default"] = spec["default"]
                merged.setdefault("actions", {}).update(spec.get("actions") or {})
        elif key in schema.MAPPINGS:
            out.setdefault(key, {}).update(value)
        else:
            out[key] = list(dict.fromkeys([*out.get(key, []), *value]))
    return out


def _bundled_sources() -> list[tuple[str, str]]:
    pkg = resources.files("tipwatch.extract").joinpath("rules")
    return [(name, pkg.joinpath(name).read_text("utf-8")) for name in RULE_FILES]


def _combine(sources: list[tuple[str, str]]) -> tuple[dict[str, Any], str]:
    data: dict[str, Any] = {}
    digest = hashlib.sha256()
    for origin, text in sources:
        part = _parse_text(origin, text)
        schema.validate(part, origin)
        digest.update(Path(origin).name.encode())
        digest.update(json.dumps(part, sort_keys=True, ensure_ascii=False).encode())
        data = merge(data, part)
    schema.check_references(data)
    return data, digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def bundled_data() -> dict[str, Any]:
    """The merged bundled rules (validated)."""
    return _combine(_bundled_sources())[0]


def _read_extra(path: str) -> tuple[str, str]:
    try:
        return path, Path(path).read_text("utf-8")
    except OSError as exc:
        raise RuleError(f"{path}: cannot read lexicon: {exc.strerror or exc}") from exc


def compile_rules(sources: list[tuple[str, str]]) -> Rules:
    data, fingerprint = _combine(sources)
    try:
        gazetteer = Gazetteer(data)
        indicators = IndicatorRules(data)
        indicators.add_nationals(gazetteer.country_words())
        return Rules(
            fingerprint=fingerprint,
            files=tuple(origin for origin, _ in sources),
            numbers=NumberParser(data),
            indicators=indicators,
            attributes=AttributeRules(data),
            periods=PeriodRules(data),
            places=PlaceRules(data),
            bodies=BodyRules(data),
            gazetteer=gazetteer,
            orgs=OrgRules(data),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleError(f"rules: cannot compile: {exc!r}") from exc


@lru_cache(maxsize=16)
def _load_cached(extra: tuple[tuple[str, str], ...]) -> Rules:
    return compile_rules(_bundled_sources() + list(extra))


def load_rules(extra_paths: tuple[str, ...] = ()) -> Rules:
    """The bundled rules with the given lexicon files merged over them (compiled once per content)."""
    return _load_cached(tuple(_read_extra(p) for p in extra_paths))
