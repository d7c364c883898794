"""Who has a case open for editing: one claim per case, kept in the index so every process sees it.

A claim names its session; a session whose process has ended (see locks.py) holds nothing, so a claim left
by a crashed window is taken over by the next one that asks, and the taker is told whose it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from dsr_desk.rules.case_values import parse_moment, stamp
from dsr_desk.store import index_schema as schema
from dsr_desk.store.locks import Owner
from dsr_desk.store.sqlcipher import writing

_claims = schema.case_claims


@dataclass(frozen=True)
class ClaimResult:
    granted: bool
    holder: Owner | None = None  # refused: who has it; granted: whose ended claim was taken over


class CaseClaims:
    def __init__(self, engine: Engine, alive: Callable[[str], bool]) -> None:
        self._engine = engine
        self._alive = alive

    def claim(self, reference: str, owner: Owner) -> ClaimResult:
        with writing(self._engine) as conn:
            row = conn.execute(select(_claims).where(_claims.c.reference == reference)).mappings().first()
            previous = _owner(row) if row else None
            if previous is not None and previous.session == owner.session:
                return ClaimResult(True)
            if previous is not None and self._alive(previous.session):
                return ClaimResult(False, previous)
            values = {
                "session": owner.session,
                "handler": owner.handler,
                "host": owner.host,
                "pid": owner.pid,
                "since": stamp(owner.since),
            }
            conn.execute(
                sqlite_insert(_claims)
                .values(reference=reference, **values)
                .on_conflict_do_update(index_elements=["reference"], set_=values)
            )
        return ClaimResult(True, previous)

    def holder(self, reference: str, own_session: str) -> Owner | None:
        """Another live session's claim on the case, if there is one."""
        with self._engine.connect() as conn:
            row = conn.execute(select(_claims).where(_claims.c.reference == reference)).mappings().first()
        if row is None or row["session"] == own_session or not self._alive(row["session"]):
            return None
        return _owner(row)

    def release(self, reference: str, session: str) -> None:
        with writing(self._engine) as conn:
            conn.execute(
                delete(_claims).where(_claims.c.reference == reference, _claims.c.session == session)
            )

    def release_all(self, session: str) -> None:
        with writing(self._engine) as conn:
            conn.execute(delete(_claims).where(_claims.c.session == session))

    def sessions(self) -> set[str]:
        with self._engine.connect() as conn:
            return set(conn.execute(select(_claims.c.session).distinct()).scalars())


def _owner(row) -> Owner:
    return Owner(row["session"], row["handler"], row["host"], row["pid"], parse_moment(row["since"]))
