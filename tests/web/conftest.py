"""An evidence base for the web tests: articles written for these tests, stored two ways.

- ``kh-police-2022.txt`` and ``kh-ncct-2022.txt`` are stored with hand-checked facts and
  claims (``Store.save_extraction``), so pages and API answers can be asserted exactly
  whatever the extractor currently finds: a change claim that is consistent, a sum that
  is not, and a conflict (police 180 cases vs the committee's 176 for 2022).
- ``wire.jsonl`` goes through the real ingestion path (``ingest_paths``); one of its
  records is hostile (script and onerror markup, a javascript: URL) and must render as text.
"""

from __future__ import annotations

import io
import json
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tipwatch.config import Settings
from tipwatch.model import Claim, CleanDocument, Extraction, Fact, RawDocument
from tipwatch.store.db import Store
from tipwatch.store.loader import ingest_paths

with warnings.catch_warnings():  # Starlette 1.x nags about httpx in TestClient; httpx is what we have
    warnings.simplefilter("ignore")
    import fastapi.testclient  # noqa: F401

POLICE = (
    "Phnom Penh, 12 January 2023. The National Police said on Thursday that its officers handled "
    "180 human trafficking cases in 2022, up from 151 cases in 2021, an increase of 19 percent.\n\n"
    "Officers rescued 345 victims during the year. Of the 345 victims, 210 were women and 135 "
    "were girls, the report said.\n\n"
    "The report also counted 96 suspects arrested in 2022.\n"
)
NCCT = (
    "The National Committee for Counter Trafficking said in its annual report that authorities "
    "dealt with 176 trafficking cases in 2022. The committee said 151 cases had been handled in "
    "2021. Of 300 victims referred to social services, 120 were children and 150 were adults.\n"
)
HOSTILE_TEXT = (
    "Police in Mombasa rescued 12 victims of trafficking in 2023. <script>alert(1)</script> "
    "A caption read <img src=x onerror=alert(1)> and nothing else.\n"
)
WIRE = [
    {"id": "wire-hostile", "title": "<b>Rescue</b> <script>alert(2)</script>", "url": "javascript:alert(3)",
     "published": "2023-07-14", "text": HOSTILE_TEXT},
    {"id": "wire-ph-2023", "title": "Philippine rescues", "url": "https://example.org/ph-2023",
     "published": "2023-07-24",
     "text": "Authorities in the Philippines rescued 1,009 victims of human trafficking in the first "
             "half of 2023, the Inter-Agency Council Against Trafficking said.\n"},
]


@dataclass(frozen=True)
class WebData:
    url: str
    police_id: str
    ncct_id: str


def _span(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def _fact(doc: str, text: str, surface: str, value: float, nth: int = 0, **fields: Any) -> Fact:
    sentence_start = text.rfind(".", 0, _span(text, surface, nth)[0]) + 1
    sentence_end = text.find(".", _span(text, surface, nth)[1])
    return Fact(doc=doc, value=value, span=_span(text, surface, nth), surface=surface,
                sentence=text[sentence_start:sentence_end + 1].strip(), **fields)


def _extraction(doc: str, text: str, published: str, facts: list[Fact], claims: list[Claim]) -> Extraction:
    raw = RawDocument(doc=doc, text=text, original=text, origin=f"tests/{doc}", published=published)
    return Extraction(CleanDocument(raw, text), facts, claims, "test", "test")


def police_extraction() -> Extraction:
    d, t = "kh-police-2022.txt", POLICE
    base = {"place": "KH", "source": "National Police", "crime": "trafficking"}
    facts = [
        _fact(d, t, "180", 180, indicator="cases", period="2022", period_text="in 2022", **base),
        _fact(d, t, "151", 151, indicator="cases", period="2021", period_text="in 2021", **base),
        _fact(d, t, "345", 345, indicator="victims", period="2022", period_text="during the year", **base),
        _fact(d, t, "210", 210, indicator="victims", period="2022", sex="female", age="18+", **base),
        _fact(d, t, "135", 135, indicator="victims", period="2022", sex="female", age="<18", **base),
        _fact(d, t, "96", 96, indicator="suspects_arrested", period="2022", period_text="in 2022", **base),
    ]
    claims = [
        Claim(doc=d, kind="change", indicator="cases", verdict="consistent", values=[180, 151],
              stated="+19%", computed="180 vs 151 = +19.21%", period="2022", facts=[0, 1],
              sentence=facts[0].sentence),
        Claim(doc=d, kind="sum", indicator="victims", verdict="consistent", total=345, parts=[210, 135],
              computed="210 + 135 = 345", period="2022", facts=[2, 3, 4], sentence=facts[3].sentence),
    ]
    return _extraction(d, t, "2023-01-12", facts, claims)


def ncct_extraction() -> Extraction:
    d, t = "kh-ncct-2022.txt", NCCT
    base = {"place": "KH", "source": "National Committee for Counter Trafficking", "crime": "trafficking"}
    facts = [
        _fact(d, t, "176", 176, indicator="cases", period="2022", period_text="in 2022", **base),
        _fact(d, t, "151", 151, indicator="cases", period="2021", period_text="in 2021", **base),
        _fact(d, t, "300", 300, indicator="victims_referred", period="2022", **base),
        _fact(d, t, "120", 120, indicator="victims_referred", period="2022", age="<18", **base),
        _fact(d, t, "150", 150, indicator="victims_referred", period="2022", age="18+", **base),
    ]
    claims = [Claim(doc=d, kind="sum", indicator="victims_referred", verdict="inconsistent", total=300,
                    parts=[120, 150], computed="120 + 150 = 270, not 300", period="2022", facts=[2, 3, 4],
                    sentence=facts[2].sentence)]
    return _extraction(d, t, "2023-02-16", facts, claims)


def fill_store(url: str) -> WebData:
    store = Store.open(url)
    try:
        police = store.save_extraction(police_extraction())
        ncct = store.save_extraction(ncct_extraction())
        lines = "".join(json.dumps(r) + "\n" for r in WIRE).encode()
        summary = ingest_paths(store, ["-"], Settings(db=url), stdin=io.BytesIO(lines), command="tests")
        assert not summary.problems, summary.problems
    finally:
        store.close()
    return WebData(url, police.document_id, ncct.document_id)


@pytest.fixture(scope="session")
def web_data(tmp_path_factory: pytest.TempPathFactory) -> WebData:
    path: Path = tmp_path_factory.mktemp("web") / "web.db"
    return fill_store(f"sqlite:///{path}")
