"""Schema of the rule files in ``extract/rules/`` and of user lexicons.

Every top-level key has one shape. Record lists (``bodies``, ``nouns``...) need a stable
``id`` per record; a lexicon record with an id that already exists replaces the bundled one.
``validate`` raises :class:`tipwatch.errors.RuleError` naming the file, key and record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tipwatch.errors import RuleError

QUALIFIERS = ("approx", "min", "max")


@dataclass(frozen=True)
class RecordShape:
    """A list of records: required fields (name -> type), optional fields, regex-list fields."""

    required: dict[str, type | tuple[type, ...]]
    optional: dict[str, type | tuple[type, ...]]
    regex_fields: tuple[str, ...] = ()


_STR = str
_LIST = list
_NUM = (int, float)
_OPT_STR = (str, type(None))

RECORDS: dict[str, RecordShape] = {
    "indicators": RecordShape({"id": _STR, "name": _STR}, {"help": _STR}),
    "nouns": RecordShape({"id": _STR, "role": _STR, "words": _LIST}, {}),
    "actions": RecordShape({"id": _STR, "action": _STR, "patterns": _LIST}, {"priority": int}, ("patterns",)),
    "crimes": RecordShape({"id": _STR, "crime": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "exclude": RecordShape({"id": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "off_topic": RecordShape({"id": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "qualifiers": RecordShape({"id": _STR, "qualifier": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "after": RecordShape({"id": _STR, "qualifier": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "halves": RecordShape({"id": _STR, "half": int, "patterns": _LIST}, {}, ("patterns",)),
    "quarters": RecordShape({"id": _STR, "quarter": int, "patterns": _LIST}, {}, ("patterns",)),
    "relative_years": RecordShape({"id": _STR, "offset": int, "patterns": _LIST}, {"anchored": bool}, ("patterns",)),
    "events": RecordShape({"id": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "origins": RecordShape({"id": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "relative_months": RecordShape({"id": _STR, "offset": int, "patterns": _LIST}, {}, ("patterns",)),
    "ignore": RecordShape({"id": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "fiscal": RecordShape({"id": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "to_date": RecordShape({"id": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "cumulative": RecordShape({"id": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "seasons": RecordShape({"id": _STR, "patterns": _LIST}, {}, ("patterns",)),
    "report_year": RecordShape({"id": _STR, "patterns": _LIST}, {"offset": int, "anaphoric": bool}, ("patterns",)),
    "calendars": RecordShape(
        {"id": _STR, "country": _STR, "start_month": int, "start_day": int}, {"named_by": _STR}
    ),
    "currencies": RecordShape({"id": _STR, "code": _STR}, {"symbols": _LIST, "words": _LIST}),
    "bodies": RecordShape(
        {"id": _STR, "name": _STR},
        {"aliases": _LIST, "abbr": _LIST, "country": _OPT_STR, "kind": _STR, "place": _OPT_STR,
         "doc_country_only": bool, "national": bool},
    ),
    "places": RecordShape({"id": _STR, "code": _STR, "names": _LIST}, {}),
    "org_units": RecordShape({"id": _STR, "parent": _STR, "patterns": _LIST}, {"country": _STR}, ("patterns",)),
}

MAPPINGS: dict[str, type | tuple[type, ...]] = {
    "units": int, "tens": int, "scales": _NUM, "abbreviations": _NUM, "months": int,
    "roles": dict, "pairs": str, "countries": list, "capitals": str, "demonyms": list,
    "org_heads": str, "org_local_heads": str, "org_expand": str, "org_same_words": str, "org_office_heads": str,
}
STRING_LISTS = ("articles", "article_nouns", "article_verbs", "vague", "modifiers", "noncount", "money_cues", "other_crimes",
                "covered", "stop", "world", "multi", "foreign", "org_local_mods", "org_stop", "org_stop_lead", "org_general_heads", "org_office_leads", "org_seat",
                "org_end", "regions", "eu", "national", "authorities", "counted_people", "roll_up", "subdivision_types")
REGEX_LISTS = ("money_cues", "other_crimes", "world", "multi", "regions", "eu", "national", "authorities", "counted_people")
KNOWN = set(RECORDS) | set(MAPPINGS) | set(STRING_LISTS) | {"version"}


def _fail(origin: str, where: str, message: str) -> RuleError:
    return RuleError(f"{origin}: {where}: {message}")


def _check_regexes(origin: str, where: str, patterns: list[Any]) -> None:
    if not patterns:
        raise _fail(origin, where, "empty pattern list (an empty alternation matches everywhere)")
    for pat in patterns:
        if not isinstance(pat, str) or not pat.strip():
            raise _fail(origin, where, f"pattern must be a non-empty string, got {pat!r}")
        try:
            re.compile(pat)
        except re.error as exc:
            raise _fail(origin, where, f"bad pattern {pat!r}: {exc}") from exc


def _check_record(origin: str, key: str, index: int, rec: Any, shape: RecordShape) -> None:
    where = f"{key}[{index}]"
    if not isinstance(rec, dict):
        raise _fail(origin, where, f"expected a mapping, got {type(rec).__name__}")
    where = f"{key}[{index}] (id {rec.get('id')!r})"
    for name, typ in shape.required.items():
        if name not in rec:
            raise _fail(origin, where, f"missing required field {name!r}")
        if not isinstance(rec[name], typ) or (typ is _STR and not rec[name]):
            raise _fail(origin, where, f"field {name!r} has the wrong type or is empty")
    for name, value in rec.items():
        if name in shape.required:
            continue
        if name not in shape.optional:
            allowed = sorted(shape.required) + sorted(shape.optional)
            raise _fail(origin, where, f"unknown field {name!r} (allowed: {', '.join(allowed)})")
        if not isinstance(value, shape.optional[name]):
            raise _fail(origin, where, f"field {name!r} has the wrong type")
    for name in shape.regex_fields:
        _check_regexes(origin, f"{where}.{name}", rec[name])
    if key in ("qualifiers", "after") and rec["qualifier"] not in QUALIFIERS:
        raise _fail(origin, where, f"qualifier must be one of {QUALIFIERS}")


def validate(data: dict[str, Any], origin: str) -> None:
    """Check one rule file (or lexicon) against the schema."""
    if not isinstance(data, dict):
        raise RuleError(f"{origin}: a rule file must be a mapping of keys to lists or mappings")
    for key, value in data.items():
        if key not in KNOWN:
            raise _fail(origin, key, f"unknown key (known keys: {', '.join(sorted(KNOWN))})")
        if key in RECORDS:
            if not isinstance(value, list):
                raise _fail(origin, key, "expected a list of records")
            ids: set[str] = set()
            for i, rec in enumerate(value):
                _check_record(origin, key, i, rec, RECORDS[key])
                if rec["id"] in ids:
                    raise _fail(origin, key, f"duplicate id {rec['id']!r}")
                ids.add(rec["id"])
        elif key in MAPPINGS:
            if not isinstance(value, dict):
                raise _fail(origin, key, "expected a mapping")
            for name, item in value.items():
                if not isinstance(name, str):
                    raise _fail(origin, f"{key}.{name}", "keys must be strings (quote NO, YES, ON, OFF)")
                if not isinstance(item, MAPPINGS[key]):
                    raise _fail(origin, f"{key}.{name}", "value has the wrong type")
        elif key in STRING_LISTS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _fail(origin, key, "expected a list of strings")
            if key in REGEX_LISTS:
                _check_regexes(origin, key, value)


def check_references(data: dict[str, Any]) -> None:
    """Cross-file checks on the merged rules: roles name known indicators and actions."""
    names = {rec["name"] for rec in data.get("indicators", [])}
    actions = {rec["action"] for rec in data.get("actions", [])}
    roles = data.get("roles", {})
    for rec in data.get("nouns", []):
        if rec["role"] not in roles:
            raise RuleError(f"nouns: {rec['id']}: role {rec['role']!r} has no entry under 'roles'")
    for role, spec in roles.items():
        default = spec.get("default")
        if default is not None and default not in names:
            raise RuleError(f"roles.{role}: default {default!r} is not a declared indicator")
        for action, indicator in (spec.get("actions") or {}).items():
            if action not in actions:
                raise RuleError(f"roles.{role}: action {action!r} is not declared under 'actions'")
            if indicator is not None and indicator not in names:  # null: the action makes it no fact
                raise RuleError(f"roles.{role}: indicator {indicator!r} is not declared")
