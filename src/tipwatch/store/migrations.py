"""Append-only, numbered schema migrations; each runs in its own transaction.

Never edit a released migration: add the next one. ``schema_versions`` records
what has been applied, so opening an older database upgrades it in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Column, Connection, Engine, ForeignKey, Index, MetaData, Table, inspect, text

from tipwatch.store import schema

Migration = tuple[int, str, Callable[[Connection], None]]


def _m001_initial(conn: Connection) -> None:
    """Documents, runs, facts, claims and problems as first released (no fingerprint)."""
    md = MetaData()
    for table in (schema.runs, schema.facts, schema.claims, schema.problems):
        table.to_metadata(md)
    Table("documents", md, *[_column_as_of_v1(c) for c in schema.documents.columns if c.name != "fingerprint"])
    Index("ix_documents_doc", md.tables["documents"].c.doc)
    md.create_all(conn, checkfirst=True)


def _column_as_of_v1(col: Column[Any]) -> Column[Any]:
    fks = [ForeignKey(fk.target_fullname) for fk in col.foreign_keys]
    return Column(col.name, col.type, *fks, primary_key=col.primary_key, nullable=col.nullable)


def _m002_document_fingerprint(conn: Connection) -> None:
    """Near-duplicate fingerprint on documents, so wire copies count as one source."""
    conn.execute(text("ALTER TABLE documents ADD COLUMN fingerprint VARCHAR(16)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_fingerprint ON documents (fingerprint)"))


def _m003_fact_order_index(conn: Connection) -> None:
    """Facts listed in document order (the web view's default) without a sort step."""
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_facts_doc_ordinal ON facts (doc, ordinal)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_claims_verdict ON claims (verdict)"))


MIGRATIONS: list[Migration] = [
    (1, "initial", _m001_initial),
    (2, "document_fingerprint", _m002_document_fingerprint),
    (3, "fact_order_index", _m003_fact_order_index),
]
LATEST = MIGRATIONS[-1][0]


def current_version(engine: Engine) -> int:
    with engine.connect() as conn:
        if not inspect(conn).has_table("schema_versions"):
            return 0
        found = conn.execute(text("SELECT MAX(version) FROM schema_versions")).scalar()
        return int(found or 0)


def upgrade(engine: Engine, target: int = LATEST) -> list[int]:
    """Apply every pending migration up to ``target``; returns the versions applied."""
    schema.schema_versions.create(engine, checkfirst=True)
    applied = []
    for version, name, step in MIGRATIONS:
        if version > target:
            break
        with engine.begin() as conn:
            done = conn.execute(
                text("SELECT 1 FROM schema_versions WHERE version = :v"), {"v": version}
            ).first()
            if done:
                continue
            step(conn)
            conn.execute(schema.schema_versions.insert().values(
                version=version, name=name, applied_at=dt.datetime.now(dt.UTC)))
            applied.append(version)
    return applied
