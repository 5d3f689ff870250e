"""POST /api/documents: authorisation, body parsing and ingestion through the library.

The record goes through the same path as a JSON Lines line on standard input
(``store.loader.ingest_paths`` with ``-``), so the web adds no ingestion logic of its own.
"""

from __future__ import annotations

import hmac
import io
import json
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from pydantic import ValidationError

from tipwatch.present.web.envelope import DocumentIn
from tipwatch.store.db import content_id


def check_token(request: Request) -> None:
    """401 without a bearer token, 403 with a wrong one (compared in constant time)."""
    expected: str | None = request.app.state.token
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    if not expected or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(403, "the token is not accepted")


def parse_record(body: bytes, content_type: str) -> DocumentIn:
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise HTTPException(415, "send the document as application/json")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(400, "the body is not JSON") from None
    try:
        record = DocumentIn.model_validate(data)
    except ValidationError as exc:
        listed = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}"
                           for e in exc.errors())
        raise HTTPException(422, f"invalid document: {listed}") from None
    if not (record.text or record.html):
        raise HTTPException(422, "invalid document: give 'text' or 'html'")
    return record


def ingest_record(app: FastAPI, record: DocumentIn) -> dict[str, Any]:
    """Store the document with its facts and claims; one writer at a time."""
    # Imported here: a read-only server never loads the extraction pipeline and its rules.
    from tipwatch.store.loader import ingest_paths

    line = json.dumps(record.model_dump(exclude_none=True), ensure_ascii=False).encode("utf-8") + b"\n"
    with app.state.write_lock:
        summary = ingest_paths(app.state.store, ["-"], app.state.settings, stdin=io.BytesIO(line),
                               command="web POST /api/documents")
    if summary.problems:
        raise HTTPException(422, "; ".join(p.reason for p in summary.problems))
    outcome = summary.outcomes[0]
    document_id = outcome.document_id
    if not document_id:  # "unchanged": the loader does not report the id again
        document_id = content_id(record.text if record.text is not None else record.html or "")
    return {"document_id": document_id, "doc": outcome.doc, "status": outcome.status,
            "facts": outcome.facts, "claims": outcome.claims}
