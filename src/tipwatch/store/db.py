"""Opening the evidence base and writing extractions into it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from tipwatch.errors import StoreError
from tipwatch.model import Extraction, InputProblem
from tipwatch.store import migrations
from tipwatch.store.schema import claims, documents, facts, problems, runs

SQLITE_BUSY_TIMEOUT_MS = 30_000


def content_id(original: str) -> str:
    """A document's id: SHA-256 of its original text."""
    return hashlib.sha256(original.encode("utf-8")).hexdigest()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for a database URL; SQLite files get WAL and a busy timeout."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{url}: not a database URL") from exc
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return create_engine(url, pool_pre_ping=True)
    except NoSuchModuleError:
        raise StoreError(f"{url}: unknown database kind {parsed.drivername!r} "
                         "(use sqlite:///FILE or postgresql+psycopg://...)") from None
    except ImportError as exc:
        raise StoreError(f"{parsed.drivername}: driver not installed ({exc.name}); "
                         "for PostgreSQL install tipwatch[postgres]") from None


@dataclass(frozen=True)
class IngestOutcome:
    document_id: str
    doc: str
    status: str  # "added", "unchanged", "replaced"
    facts: int
    claims: int


class Store:
    """The evidence base: documents, runs, facts, claims and input problems."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, migrate: bool = True) -> Store:
        engine = make_engine(url)
        try:
            if migrate:
                migrations.upgrade(engine)
        except OperationalError as exc:
            reason = " ".join(str(exc.orig).split())
            raise StoreError(f"{engine.url.render_as_string(hide_password=True)}: cannot open: "
                             f"{reason}") from exc
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    # -- runs ------------------------------------------------------------------
    def begin_run(self, extractor_version: str, rules_fingerprint: str, command: str = "") -> int:
        with self.engine.begin() as conn:
            result = conn.execute(insert(runs).values(
                extractor_version=extractor_version, rules_fingerprint=rules_fingerprint,
                started_at=dt.datetime.now(dt.UTC), command=command, documents=0, problems=0))
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def finish_run(self, run_id: int, documents_done: int, problems_seen: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(runs).where(runs.c.id == run_id).values(
                finished_at=dt.datetime.now(dt.UTC), documents=documents_done, problems=problems_seen))

    def record_problem(self, run_id: int | None, problem: InputProblem) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(problems).values(run_id=run_id, origin=problem.origin, reason=problem.reason))

    # -- documents -------------------------------------------------------------
    def is_current(self, original: str, extractor_version: str, rules_fingerprint: str) -> bool:
        """True when this exact content was already extracted with these rules."""
        doc_id = content_id(original)
        with self.engine.connect() as conn:
            row = conn.execute(
                select(runs.c.extractor_version, runs.c.rules_fingerprint)
                .select_from(documents.join(runs, documents.c.run_id == runs.c.id))
                .where(documents.c.id == doc_id)
            ).first()
        return row is not None and tuple(row) == (extractor_version, rules_fingerprint)

    def save_extraction(self, extraction: Extraction, run_id: int | None = None,
                        fingerprint: str | None = None) -> IngestOutcome:
        """Write a document with its facts and claims in one transaction, replacing older ones."""
        doc = extraction.document
        raw = doc.raw
        doc_id = content_id(raw.original)
        row = {
            "doc": raw.doc, "origin": raw.origin, "url": raw.url, "title": raw.title,
            "author": raw.author, "publisher": raw.publisher, "published": raw.published,
            "media_type": raw.media_type, "original_text": raw.original, "raw_text": raw.text,
            "clean_text": doc.text,
            "offsets": json.dumps(list(zip(doc.offsets.clean_starts, doc.offsets.raw_starts, strict=True))),
            "removed": json.dumps([[r.start, r.end, r.rule] for r in doc.removed]),
            "run_id": run_id, "ingested_at": dt.datetime.now(dt.UTC), "fingerprint": fingerprint,
        }
        with self.engine.begin() as conn:
            exists = conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first()
            if exists:
                conn.execute(delete(claims).where(claims.c.document_id == doc_id))
                conn.execute(delete(facts).where(facts.c.document_id == doc_id))
                conn.execute(update(documents).where(documents.c.id == doc_id).values(**row))
            else:
                conn.execute(insert(documents).values(id=doc_id, **row))
            fact_rows = [_fact_row(doc_id, i, f, doc.offsets) for i, f in enumerate(extraction.facts)]
            if fact_rows:
                conn.execute(insert(facts), fact_rows)
            claim_rows = [_claim_row(doc_id, i, c) for i, c in enumerate(extraction.claims)]
            if claim_rows:
                conn.execute(insert(claims), claim_rows)
        return IngestOutcome(doc_id, raw.doc, "replaced" if exists else "added",
                             len(fact_rows), len(claim_rows))


def _fact_row(doc_id: str, ordinal: int, fact: Any, offsets: Any) -> dict[str, Any]:
    raw_start, raw_end = offsets.span_to_raw(*fact.span)
    return {
        "document_id": doc_id, "ordinal": ordinal, "doc": fact.doc, "indicator": fact.indicator,
        "value": float(fact.value), "unit": fact.unit, "qualifier": fact.qualifier,
        "period": fact.period, "period_text": fact.period_text, "place": fact.place,
        "crime": fact.crime, "age": fact.age, "sex": fact.sex, "nationality": fact.nationality,
        "location": fact.location, "source": fact.source, "scope": fact.scope,
        "derived": bool(fact.derived), "span_start": fact.span[0], "span_end": fact.span[1],
        "raw_start": raw_start, "raw_end": raw_end, "surface": fact.surface,
        "sentence": fact.sentence, "match": fact.match, "rules": json.dumps(list(fact.rules)),
    }


def _claim_row(doc_id: str, ordinal: int, claim: Any) -> dict[str, Any]:
    return {
        "document_id": doc_id, "ordinal": ordinal, "doc": claim.doc, "kind": claim.kind,
        "indicator": claim.indicator, "verdict": claim.verdict,
        "values_json": json.dumps(claim.values) if claim.values is not None else None,
        "stated": claim.stated, "total": claim.total,
        "parts_json": json.dumps(claim.parts) if claim.parts is not None else None,
        "unit": claim.unit, "period": claim.period, "crime": claim.crime,
        "computed": claim.computed, "rule": claim.rule, "note": claim.note,
        "span_start": claim.span[0] if claim.span else None,
        "span_end": claim.span[1] if claim.span else None,
        "sentence": claim.sentence, "fact_ordinals": json.dumps(list(claim.facts)),
    }
