"""The workspace index's schema: what the case list shows, reference counters, destruction records."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table

from dsr_desk.store.migrations import Migration, sql_steps

FILE_KIND = "dsr-desk-index"

MIGRATIONS = (
    Migration(
        1,
        "case list, reference counters, destruction records",
        sql_steps(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """CREATE TABLE cases (
                reference TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT NOT NULL,
                types TEXT NOT NULL,
                received TEXT NOT NULL,
                status TEXT NOT NULL,
                channel TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                closed_at TEXT,
                audit_head TEXT NOT NULL,
                audit_count INTEGER NOT NULL
            )""",
            "CREATE TABLE reference_counters (year INTEGER PRIMARY KEY, last_number INTEGER NOT NULL)",
            """CREATE TABLE destructions (
                reference TEXT PRIMARY KEY,
                received TEXT NOT NULL,
                closed_at TEXT,
                destroyed_at TEXT NOT NULL,
                destroyed_by TEXT NOT NULL,
                reason TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'done'))
            )""",
        ),
    ),
    Migration(
        2,
        "the clock facts of each case (extension, requests for information), so the list shows due dates",
        sql_steps("ALTER TABLE cases ADD COLUMN clock TEXT NOT NULL DEFAULT '{}'"),
    ),
    Migration(
        3,
        "a shared workspace: cases being created (and by which session), and who has a case open to edit",
        sql_steps(
            """CREATE TABLE pending_cases (
                reference TEXT PRIMARY KEY,
                session TEXT NOT NULL,
                since TEXT NOT NULL
            )""",
            """CREATE TABLE case_claims (
                reference TEXT PRIMARY KEY,
                session TEXT NOT NULL,
                handler TEXT NOT NULL,
                host TEXT NOT NULL,
                pid INTEGER NOT NULL,
                since TEXT NOT NULL
            )""",
        ),
    ),
)

metadata = MetaData()

cases = Table(
    "cases",
    metadata,
    Column("reference", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("email", String, nullable=False),
    Column("types", String, nullable=False),
    Column("received", String, nullable=False),
    Column("status", String, nullable=False),
    Column("channel", String, nullable=False),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("closed_at", String),
    Column("audit_head", String, nullable=False),
    Column("audit_count", Integer, nullable=False),
    Column("clock", String, nullable=False),
)

reference_counters = Table(
    "reference_counters",
    metadata,
    Column("year", Integer, primary_key=True),
    Column("last_number", Integer, nullable=False),
)

destructions = Table(
    "destructions",
    metadata,
    Column("reference", String, primary_key=True),
    Column("received", String, nullable=False),
    Column("closed_at", String),
    Column("destroyed_at", String, nullable=False),
    Column("destroyed_by", String, nullable=False),
    Column("reason", String, nullable=False),
    Column("state", String, nullable=False),
)

pending_cases = Table(
    "pending_cases",
    metadata,
    Column("reference", String, primary_key=True),
    Column("session", String, nullable=False),
    Column("since", String, nullable=False),
)

case_claims = Table(
    "case_claims",
    metadata,
    Column("reference", String, primary_key=True),
    Column("session", String, nullable=False),
    Column("handler", String, nullable=False),
    Column("host", String, nullable=False),
    Column("pid", Integer, nullable=False),
    Column("since", String, nullable=False),
)
