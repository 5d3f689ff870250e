"""Places and body names of countries the rules have no hand-written entries for."""

from __future__ import annotations

from tipwatch.extract import load_rules


def _keys(name: str) -> set[str]:
    return {e.key for e in load_rules().gazetteer.lookup(name) if e.kind == "subdivision"}


def test_iso_names_without_their_type_word() -> None:
    assert _keys("Aqmola") == {"KZ-11"}  # ISO writes "Aqmola oblysy"
    assert _keys("Khatlon region") == {"TJ-KT"}
    assert _keys("Zagreb") == {"HR-21"}  # "Grad Zagreb", not the county around it


def test_a_city_keeps_its_name_over_the_region_named_after_it() -> None:
    assert _keys("Almaty") == {"KZ-75"}


def test_a_unit_named_like_a_word_is_a_place_only_where_a_place_stands() -> None:
    gaz = load_rules().gazetteer
    text = "Most of them were found in Most last year."
    found = [(m.start, m.entities[0].key) for m in gaz.scan(text) if m.kind == "subdivision"]
    assert found == [(text.rindex("Most"), "CZ-42")]


def test_every_un_member_with_a_subdivision_list_has_a_capital() -> None:
    capitals = load_rules().places.capitals
    assert capitals["BW"] == "BW-GA" and capitals["HN"] == "HN-FM" and capitals["TJ"] == "TJ-DU"
    assert len(capitals) > 150


def test_a_country_in_a_headline_after_bound_for_is_a_destination() -> None:
    places = load_rules().places
    head = "Police stop nine women bound for Oman at a bus park"
    assert places.named_elsewhere(head, head.index("Oman"))
    assert not places.named_elsewhere("Oman police stop nine women", 0)
