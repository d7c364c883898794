"""The case file's schema: its migrations (the history) and its tables (the present, for queries)."""

from __future__ import annotations

from sqlalchemy import Column, Integer, LargeBinary, MetaData, String, Table, Text

from dsr_desk.store.migrations import Migration, sql_steps

FILE_KIND = "dsr-desk-case"

MIGRATIONS = (
    Migration(
        1,
        "case record, request types, hash-chained audit log",
        sql_steps(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """CREATE TABLE case_record (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                reference TEXT NOT NULL,
                name TEXT NOT NULL,
                email TEXT NOT NULL,
                address TEXT NOT NULL,
                channel TEXT NOT NULL,
                received TEXT NOT NULL,
                status TEXT NOT NULL,
                notes TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                closed_at TEXT
            )""",
            """CREATE TABLE requests (
                id INTEGER PRIMARY KEY,
                type TEXT NOT NULL UNIQUE,
                position INTEGER NOT NULL
            )""",
            """CREATE TABLE events (
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                details TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE
            )""",
            # Append-only at the database level too: a bug cannot rewrite history, only add to it.
            """CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
               BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
            """CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
               BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        ),
    ),
    Migration(
        2,
        "documents: letters as sent (PDF bytes and their SHA-256)",
        sql_steps(
            """CREATE TABLE documents (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                subtype TEXT NOT NULL,
                lang TEXT NOT NULL,
                created_at TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size INTEGER NOT NULL,
                content BLOB NOT NULL
            )""",
        ),
    ),
    Migration(
        3,
        "masked copies of identity documents, kept only until the check is recorded",
        sql_steps(
            """CREATE TABLE id_copies (
                id INTEGER PRIMARY KEY,
                created_at TEXT NOT NULL,
                document_type TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                image BLOB NOT NULL
            )""",
        ),
    ),
    Migration(
        4,
        "data found in the organisation's systems: items and their content in 1 MiB chunks",
        sql_steps(
            """CREATE TABLE data_items (
                id INTEGER PRIMARY KEY,
                created_at TEXT NOT NULL,
                system TEXT NOT NULL,
                category TEXT NOT NULL,
                title TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('text', 'file')),
                source_format TEXT NOT NULL,
                size INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                included INTEGER NOT NULL,
                provided INTEGER NOT NULL,
                redactions TEXT NOT NULL,
                records TEXT,
                note TEXT NOT NULL
            )""",
            """CREATE TABLE item_chunks (
                item_id INTEGER NOT NULL REFERENCES data_items(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (item_id, seq)
            )""",
        ),
    ),
    Migration(
        5,
        "who is asking for whom: the data subject and the requester's relation to them",
        sql_steps(
            # Cases of earlier releases: the requester was the data subject ('' and '').
            "ALTER TABLE case_record ADD COLUMN data_subject TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE case_record ADD COLUMN relation TEXT NOT NULL DEFAULT ''",
        ),
    ),
    Migration(
        6,
        "large data items as encrypted files beside the case file (store/attachment_files.py)",
        # NULL: the content is in item_chunks, as every item of an earlier release keeps it.
        sql_steps("ALTER TABLE data_items ADD COLUMN file TEXT"),
    ),
)

metadata = MetaData()

case_record = Table(
    "case_record",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String, nullable=False),
    Column("name", String, nullable=False),
    Column("email", String, nullable=False),
    Column("address", Text, nullable=False),
    Column("channel", String, nullable=False),
    Column("received", String, nullable=False),
    Column("status", String, nullable=False),
    Column("notes", Text, nullable=False),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("closed_at", String),
    Column("data_subject", String, nullable=False),
    Column("relation", String, nullable=False),
)

requests = Table(
    "requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String, nullable=False, unique=True),
    Column("position", Integer, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String, nullable=False),
    Column("subtype", String, nullable=False),
    Column("lang", String, nullable=False),
    Column("created_at", String, nullable=False),
    Column("sha256", String, nullable=False),
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
)

id_copies = Table(
    "id_copies",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", String, nullable=False),
    Column("document_type", String, nullable=False),
    Column("sha256", String, nullable=False),
    Column("image", LargeBinary, nullable=False),
)

data_items = Table(
    "data_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", String, nullable=False),
    Column("system", String, nullable=False),
    Column("category", String, nullable=False),
    Column("title", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("source_format", String, nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String, nullable=False),
    Column("included", Integer, nullable=False),
    Column("provided", Integer, nullable=False),
    Column("redactions", Text, nullable=False),
    Column("records", Text),
    Column("note", Text, nullable=False),
    Column("file", String),
)

item_chunks = Table(
    "item_chunks",
    metadata,
    Column("item_id", Integer, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("at", String, nullable=False),
    Column("actor", String, nullable=False),
    Column("action", String, nullable=False),
    Column("details", Text, nullable=False),
    Column("prev_hash", String, nullable=False),
    Column("hash", String, nullable=False, unique=True),
)
