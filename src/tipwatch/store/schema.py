"""The logical schema of the evidence base (the latest version).

Migrations in :mod:`tipwatch.store.migrations` build exactly this, step by step.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the original text
    Column("doc", Text, nullable=False),  # the SPEC's document id (file name or record id)
    Column("origin", Text),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("publisher", Text),
    Column("published", String(10)),
    Column("media_type", String(10), nullable=False),
    Column("original_text", Text, nullable=False),
    Column("raw_text", Text, nullable=False),  # readable text before clean-up
    Column("clean_text", Text, nullable=False),
    Column("offsets", Text, nullable=False),  # JSON: [[clean_start, raw_start], ...]
    Column("removed", Text, nullable=False),  # JSON: [[start, end, rule], ...]
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("ingested_at", DateTime(timezone=True)),
    Column("fingerprint", String(16)),  # near-duplicate fingerprint (simhash), migration 2
)
Index("ix_documents_doc", documents.c.doc)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("extractor_version", String(32), nullable=False),
    Column("rules_fingerprint", String(64), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("command", Text),
    Column("documents", Integer, default=0),
    Column("problems", Integer, default=0),
)

facts = Table(
    "facts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),  # position among the document's facts
    Column("doc", Text, nullable=False),
    Column("indicator", String(64), nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String(16), nullable=False),
    Column("qualifier", String(8), nullable=False),
    Column("period", String(32)),
    Column("period_text", Text),
    Column("place", String(16)),
    Column("crime", String(128)),
    Column("age", String(16)),
    Column("sex", String(8)),
    Column("nationality", String(16)),
    Column("location", String(16)),
    Column("source", Text),
    Column("scope", String(16), nullable=False),
    Column("derived", Boolean, nullable=False, default=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("raw_start", Integer, nullable=False),
    Column("raw_end", Integer, nullable=False),
    Column("surface", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("match", String(16), nullable=False),
    Column("rules", Text, nullable=False),  # JSON list of rule ids
)
Index("ix_facts_document", facts.c.document_id)
Index("ix_facts_lookup", facts.c.indicator, facts.c.place, facts.c.period)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("doc", Text, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("indicator", String(64), nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("values_json", Text),  # change: [newer, base]
    Column("stated", Text),
    Column("total", Float),
    Column("parts_json", Text),
    Column("unit", String(16), nullable=False),
    Column("period", String(32)),
    Column("crime", String(128)),
    Column("computed", Text),
    Column("rule", Text),
    Column("note", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("sentence", Text, nullable=False),
    Column("fact_ordinals", Text, nullable=False),  # JSON list of facts.ordinal in the same document
)
Index("ix_claims_document", claims.c.document_id)

problems = Table(
    "problems", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

schema_versions = Table(
    "schema_versions", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)
