"""The document page's view model: clean text cut into plain and highlighted segments.

Spans are offsets into ``clean_text``. Several facts may share one span (one number,
several facts); a span that overlaps an earlier one is not highlighted but its fact is
still listed. Text stays text: the template escapes every segment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from tipwatch.present.renderers import format_value
from tipwatch.present.web.params import query_string

CARD_FIELDS = ("indicator", "period", "period_text", "place", "crime", "age", "sex", "nationality",
               "location", "source", "qualifier", "scope", "match")


@dataclass
class Segment:
    text: str
    facts: list[int] = field(default_factory=list)  # fact ordinals; empty for plain text
    mark: int | None = None  # the highlight's number on the page


def segments(text: str, doc_facts: list[dict[str, Any]]) -> list[Segment]:
    groups: dict[tuple[int, int], list[int]] = {}
    for fact in doc_facts:
        start, end = fact["span"]
        if fact.get("derived") or not (0 <= start < end <= len(text)):
            continue
        groups.setdefault((start, end), []).append(fact["ordinal"])
    out: list[Segment] = []
    pos = 0
    for n, (start, end) in enumerate(sorted(groups)):
        if start < pos:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], groups[(start, end)], mark=n + 1))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def placed_ordinals(segs: list[Segment]) -> set[int]:
    return {o for s in segs for o in s.facts}


def conflict_link(fact: dict[str, Any]) -> str:
    return "/conflicts" + query_string({"indicator": fact["indicator"], "period": fact.get("period"),
                                        "place": fact.get("place")})


def fact_cards(doc_facts: list[dict[str, Any]], doc_claims: list[dict[str, Any]],
               conflict_ids: set[int]) -> dict[str, dict[str, Any]]:
    """Per fact ordinal: its fields, the claims it is in and its conflict link (if any).

    The page embeds this as JSON for the popover script (the template's ``tojson``
    escapes ``<``, ``>`` and ``&``); the script writes it with ``textContent`` only.
    """
    claims_of: dict[int, list[dict[str, Any]]] = {}
    for claim in doc_claims:
        for ordinal in claim.get("facts") or []:
            claims_of.setdefault(ordinal, []).append(claim)
    cards: dict[str, dict[str, Any]] = {}
    for fact in doc_facts:
        fields = [[name, fact[name]] for name in CARD_FIELDS if fact.get(name) not in (None, "")]
        in_conflict = fact["id"] in conflict_ids
        cards[str(fact["ordinal"])] = {
            "value": format_value(fact["value"], fact.get("unit"), fact.get("qualifier")),
            "indicator": fact["indicator"],
            "fields": fields,  # [name, value] pairs: JSON objects would lose the order
            "claims": [{"id": c["id"], "kind": c["kind"], "verdict": c["verdict"]}
                       for c in claims_of.get(fact["ordinal"], [])],
            "conflict": conflict_link(fact) if in_conflict else None,
        }
    return cards


def fact_title(fact: dict[str, Any]) -> str:
    """A one-line plain-text summary for the mark's ``title`` (the no-script fallback)."""
    bits = [f"{fact['indicator']} {format_value(fact['value'], fact.get('unit'), fact.get('qualifier'))}"]
    bits += [f"{name}={fact[name]}" for name in ("period", "place", "crime", "age", "sex", "nationality",
                                                   "location", "source") if fact.get(name)]
    return ", ".join(bits)


def safe_link(url: str | None) -> str | None:
    """The document's URL when it is an http(s) link; anything else is shown as text only."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None
