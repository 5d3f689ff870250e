"""The one JSON envelope every API response uses, and the models the OpenAPI schema describes.

Success: ``{"ok": true, "data": ..., "status": 200}``.
Failure: ``{"ok": false, "error": {"code", "message", "details"?}, "status": 4xx/5xx}``.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

#: Error codes for failures that are not TipwatchErrors (those carry their own TW-E### code).
HTTP_CODES = {
    400: "TW-W400", 401: "TW-W401", 403: "TW-W403", 404: "TW-W404", 405: "TW-W405",
    413: "TW-W413", 415: "TW-W415", 422: "TW-W422", 500: "TW-W500",
}


class ErrorBody(BaseModel):
    code: str = Field(description="A stable error code, e.g. TW-W404 or TW-E400.")
    message: str = Field(description="One line for a person to read; never a stack trace.")
    details: list[dict[str, Any]] | None = Field(default=None, description="Per-field problems.")


class ErrorEnvelope(BaseModel):
    ok: bool = False
    error: ErrorBody
    status: int


class Envelope(BaseModel, Generic[T]):
    ok: bool = True
    data: T
    status: int = 200


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="How many items match the filters.")
    limit: int
    offset: int


class FactOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: int
    document_id: str
    ordinal: int
    doc: str
    indicator: str
    value: float | int
    unit: str
    qualifier: str
    period: str | None = None
    period_text: str | None = None
    place: str | None = None
    crime: str | None = None
    age: str | None = None
    sex: str | None = None
    nationality: str | None = None
    location: str | None = None
    source: str | None = None
    scope: str
    derived: bool
    span: list[int] = Field(description="Offsets of the number in the document's clean_text.")
    raw_span: list[int] = Field(description="Offsets of the number in the readable raw text.")
    surface: str
    sentence: str


class ClaimOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: int
    document_id: str
    doc: str
    kind: str
    indicator: str
    verdict: str
    values: list[float] | None = None
    stated: str | None = None
    total: float | None = None
    parts: list[float] | None = None
    unit: str
    period: str | None = None
    computed: str | None = None
    sentence: str
    facts: list[int] = Field(description="Ordinals of the document's facts the claim relates.")


class DocumentSummary(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    doc: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    media_type: str
    facts: int
    claims: int


class DocumentOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    doc: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    media_type: str
    clean_text: str = Field(description="The cleaned text; fact spans are offsets into it.")
    facts: list[FactOut]
    claims: list[ClaimOut]


class ConflictFact(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: int
    doc: str
    document_id: str
    value: float | int
    qualifier: str | None = None
    source: str | None = None
    sentence: str | None = None


class ConflictOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    key: dict[str, Any] = Field(description="indicator, unit, period, place and breakdown shared by the facts.")
    values: list[float | int]
    documents: int = Field(description="How many independent sources (near-duplicates count once).")
    sources: list[str]
    facts: list[ConflictFact]


class SeriesPoint(BaseModel):
    model_config = ConfigDict(extra="allow")

    period: str
    value: float | int
    source: str | None = None
    doc: str
    document_id: str
    headline: bool | None = Field(default=None, description="The value chosen for its period, if any.")
    rule: str | None = Field(default=None, description="Why the headline value was chosen.")


class SeriesOut(BaseModel):
    indicator: str
    place: str | None = None
    unit: str
    points: list[SeriesPoint]


class Summary(BaseModel):
    documents: int
    facts: int
    claims: int
    failed_checks: int
    open_conflicts: int
    facts_by_indicator: dict[str, int]
    claims_by_verdict: dict[str, int]


class DocumentIn(BaseModel):
    """A document to ingest: the SPEC section 8 JSON Lines record."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=500)
    text: str | None = None
    html: str | None = None
    published: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)


class IngestResult(BaseModel):
    document_id: str
    doc: str
    status: str = Field(description="added, replaced or unchanged")
    facts: int
    claims: int


def ok(data: Any, status: int = 200) -> dict[str, Any]:
    return {"ok": True, "data": data, "status": status}


def error_response(status: int, message: str, code: str | None = None,
                   details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"code": code or HTTP_CODES.get(status, f"TW-W{status}"), "message": message}
    if details:
        body["details"] = details
    return JSONResponse({"ok": False, "error": body, "status": status}, status_code=status,
                        headers=headers)


#: What every API route declares besides its success model.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorEnvelope, "description": "Bad parameters"},
    422: {"model": ErrorEnvelope, "description": "Invalid parameters"},
    500: {"model": ErrorEnvelope, "description": "Internal error (no details are disclosed)"},
}
