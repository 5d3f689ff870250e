"""Rule files: schema validation, lexicon merging, fingerprints, codes that exist."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from tipwatch.clean import clean
from tipwatch.errors import RuleError
from tipwatch.extract import extract_facts, load_rules, parse_number
from tipwatch.extract.lexicon import bundled_data
from tipwatch.model import RawDocument


def _facts(text: str, rules_paths: tuple[str, ...] = ()) -> list[dict]:
    raw = RawDocument(doc="t", text=text, original=text, published="2023")
    return [f.to_record() for f in extract_facts(clean(raw), load_rules(rules_paths))]


@pytest.mark.parametrize(("text", "value"), [
    ("1,009", 1009), ("2.549", 2549), ("29.34", 29.34), ("21 million", 21_000_000),
    ("$150 billion", 150_000_000_000), ("$1.7bn", 1_700_000_000), ("Twenty", 20), ("a", 1),
    ("seventy-nine", 79), ("one thousand six hundred and seventy-nine", 1679), ("1.5 million", 1_500_000),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_fingerprint_is_stable_and_changes_with_a_lexicon(tmp_path: Path) -> None:
    extra = tmp_path / "lex.yaml"
    extra.write_text("bodies:\n  - {id: body.x.test, name: Test Body, aliases: [Testing Agency]}\n")
    assert load_rules().fingerprint == load_rules().fingerprint
    assert load_rules((str(extra),)).fingerprint != load_rules().fingerprint


def test_lexicon_adds_an_indicator_noun_and_a_body(tmp_path: Path) -> None:
    lex = tmp_path / "lex.yaml"
    lex.write_text(
        "nouns:\n  - {id: noun.distress, role: complaint, words: [distress signals]}\n"
        "bodies:\n  - {id: body.xx.watch, name: Freedom Watch, aliases: [Freedom Watch Group], country: PH, kind: ngo}\n"
    )
    text = "Freedom Watch said it received 312 distress signals about human trafficking in 2022."
    assert not any(f.get("indicator") == "complaints" for f in _facts(text))
    facts = _facts(text, (str(lex),))
    assert any(f["indicator"] == "complaints" and f["value"] == 312 and f.get("source") == "Freedom Watch"
               for f in facts), facts


def test_jsonl_lexicon(tmp_path: Path) -> None:
    lex = tmp_path / "lex.jsonl"
    lex.write_text('{"kind": "bodies", "id": "body.zz.a", "name": "Alpha Network", "aliases": ["Alpha"]}\n')
    assert load_rules((str(lex),)).gazetteer.lookup("Alpha Network")


@pytest.mark.parametrize(("content", "message"), [
    ("bodies:\n  - {name: No Id}\n", "missing required field 'id'"),
    ("nouns:\n  - {id: n1, role: case, words: [x], colour: red}\n", "unknown field 'colour'"),
    ("actions:\n  - {id: a1, action: x, patterns: ['(']}\n", "bad pattern"),
    ("actions:\n  - {id: a1, action: x, patterns: []}\n", "empty pattern list"),
    ("mystery: 1\n", "unknown key"),
    ("nouns:\n  - {id: n1, role: wizard, words: [x]}\n", "role 'wizard'"),
    ("- just a list\n", "mapping"),
])
def test_invalid_lexicon_raises_rule_error(tmp_path: Path, content: str, message: str) -> None:
    lex = tmp_path / "bad.yaml"
    lex.write_text(content)
    with pytest.raises(RuleError, match=message):
        load_rules((str(lex),))


def test_missing_lexicon_file_raises_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="cannot read"):
        load_rules((str(tmp_path / "absent.yaml"),))


def test_place_codes_exist() -> None:
    data = bundled_data()
    codes = [rec["code"] for rec in data["places"]] + list(data["capitals"].values())
    for code in codes:
        assert pycountry.subdivisions.get(code=code) is not None, code
    for code in list(data["demonyms"]) + [c for c in data["countries"] if c != "EU"]:
        assert pycountry.countries.get(alpha_2=code) is not None, code


def test_rule_ids_are_unique_across_files() -> None:
    data = bundled_data()
    ids = [rec["id"] for key in ("nouns", "actions", "crimes", "bodies", "places", "qualifiers", "calendars")
           for rec in data[key]]
    assert len(ids) == len(set(ids))
