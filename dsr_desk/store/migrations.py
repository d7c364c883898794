"""Schema versions: every database starts at version 0 and is brought up by explicit, numbered steps.

The version is SQLite's `user_version`; a `meta` row names the kind of file, so an index is never taken
for a case file. Each step runs in one transaction with the version bump: a crash leaves the old version.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine

from dsr_desk.errors import NewerFormatError
from dsr_desk.store.sqlcipher import writing


@dataclass(frozen=True)
class Migration:
    version: int
    summary: str
    apply: Callable[[Connection], None]


class WrongFileKindError(Exception):
    """The database is readable but belongs to another kind (an index where a case was expected)."""


def sql_steps(*statements: str) -> Callable[[Connection], None]:
    def apply(conn: Connection) -> None:
        for statement in statements:
            conn.exec_driver_sql(statement)

    return apply


def schema_version(conn: Connection) -> int:
    return int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)


def upgrade(engine: Engine, migrations: Sequence[Migration], file_kind: str, label: str) -> tuple[int, int]:
    """Brings the file to the newest version; returns (version before, version after)."""
    latest = migrations[-1].version
    assert [m.version for m in migrations] == list(range(1, latest + 1)), "migrations must be 1..n"
    with writing(engine) as conn:
        before = schema_version(conn)
        if before > latest:
            raise NewerFormatError(name=label, version=before, supported=latest)
        if before > 0:
            kind = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'format'").scalar()
            if kind != file_kind:
                raise WrongFileKindError(kind)
    for migration in migrations[before:]:
        with writing(engine) as conn:
            # Another process opening the same file may have taken this step since we looked; the write
            # lock is held from here on, so the version read now is the one this step would follow.
            if schema_version(conn) >= migration.version:
                continue
            migration.apply(conn)
            if migration.version == 1:
                conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('format', ?)", (file_kind,))
            conn.exec_driver_sql(f"PRAGMA user_version = {int(migration.version)}")
    return before, latest
