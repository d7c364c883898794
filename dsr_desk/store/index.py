"""The workspace index (index.dsrdb): an encrypted list of cases, so the dashboard never opens every case.

It also allocates references, remembers each case's audit head (to detect a case file rolled back to an
older copy) and keeps the destruction records of cases that are gone.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from dsr_desk.errors import IndexCorruptError
from dsr_desk.rules.case_values import CaseSummary, parse_moment, reference_for, stamp
from dsr_desk.rules.clock import ClockFacts
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType
from dsr_desk.store import index_schema as schema
from dsr_desk.store.case_claims import CaseClaims
from dsr_desk.store.index_destructions import DestructionRecords
from dsr_desk.store.migrations import WrongFileKindError, upgrade
from dsr_desk.store.sqlcipher import NotReadableError, integrity_problems, open_engine, writing


@dataclass(frozen=True)
class IndexEntry:
    summary: CaseSummary
    audit_head: str
    audit_count: int


class WorkspaceIndex(DestructionRecords):
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @classmethod
    def open(cls, path: Path, key: bytes, *, create: bool = False) -> WorkspaceIndex:
        try:
            engine = open_engine(path, key, create=create)
        except NotReadableError as exc:
            raise IndexCorruptError(reason=exc.reason) from None
        try:
            if not create:
                problems = integrity_problems(engine)
                if problems:
                    raise IndexCorruptError(reason=problems[0][:200])
            upgrade(engine, schema.MIGRATIONS, schema.FILE_KIND, "index.dsrdb")
        except WrongFileKindError:
            engine.dispose()
            raise IndexCorruptError(reason="not an index") from None
        except IndexCorruptError:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        self._engine.dispose()

    def claims(self, alive: Callable[[str], bool]) -> CaseClaims:
        return CaseClaims(self._engine, alive)

    def reserve_reference(self, year: int, session: str, since: dt.datetime) -> str:
        """The next free reference of `year`, recorded as being created by `session` until add_case.

        No number is handed out twice, not even after destruction: the counter only goes up, and a number
        the index knows in any way (listed, being created, destroyed) is skipped.
        """
        with writing(self._engine) as conn:
            last = (
                conn.execute(
                    select(schema.reference_counters.c.last_number).where(
                        schema.reference_counters.c.year == year
                    )
                ).scalar()
                or 0
            )
            number = last + 1
            while self._known(conn, reference_for(year, number)):
                number += 1
            conn.execute(
                sqlite_insert(schema.reference_counters)
                .values(year=year, last_number=number)
                .on_conflict_do_update(index_elements=["year"], set_={"last_number": number})
            )
            reference = reference_for(year, number)
            conn.execute(
                insert(schema.pending_cases).values(reference=reference, session=session, since=stamp(since))
            )
        return reference

    def pending_cases(self) -> list[str]:
        """Cases whose creation began but never finished (seen under the workspace lock: abandoned)."""
        with self._engine.connect() as conn:
            return list(conn.execute(select(schema.pending_cases.c.reference)).scalars())

    def forget_pending(self, reference: str) -> None:
        with writing(self._engine) as conn:
            conn.execute(delete(schema.pending_cases).where(schema.pending_cases.c.reference == reference))

    def add_case(self, summary: CaseSummary, audit_head: str, audit_count: int) -> None:
        """Lists a new (or re-found) case, and ends its creation, in one transaction."""
        with writing(self._engine) as conn:
            self._upsert(conn, summary, audit_head, audit_count)
            conn.execute(
                delete(schema.pending_cases).where(schema.pending_cases.c.reference == summary.reference)
            )

    def put(
        self, summary: CaseSummary, audit_head: str, audit_count: int, *, accept_older: bool = False
    ) -> bool:
        """The case's summary after a write. False when the case was destroyed meanwhile.

        Writes by several processes can reach the index in another order than they reached the case file;
        a summary never replaces one that recorded a longer log, so the index ends at the newest state.
        Only an acknowledged rollback (`accept_older`) sets a shorter log as the case's head.
        """
        with writing(self._engine) as conn:
            gone = conn.execute(
                select(schema.destructions.c.reference).where(
                    schema.destructions.c.reference == summary.reference
                )
            ).first()
            if gone is not None:
                return False
            self._upsert(conn, summary, audit_head, audit_count, accept_older)
        return True

    @staticmethod
    def _upsert(
        conn, summary: CaseSummary, audit_head: str, audit_count: int, accept_older: bool = False
    ) -> None:
        values = {
            "name": summary.name,
            "email": summary.email,
            "types": ",".join(kind.value for kind in summary.types),
            "received": summary.received.isoformat(),
            "status": summary.status.value,
            "channel": summary.channel.value,
            "created_at": stamp(summary.created_at),
            "updated_at": stamp(summary.updated_at),
            "closed_at": stamp(summary.closed_at) if summary.closed_at else None,
            "audit_head": audit_head,
            "audit_count": audit_count,
            "clock": json.dumps(summary.clock.to_json(), sort_keys=True),
        }
        conn.execute(
            sqlite_insert(schema.cases)
            .values(reference=summary.reference, **values)
            .on_conflict_do_update(
                index_elements=["reference"],
                set_=values,
                where=None if accept_older else schema.cases.c.audit_count <= audit_count,
            )
        )

    def references(self) -> set[str]:
        with self._engine.connect() as conn:
            return set(conn.execute(select(schema.cases.c.reference)).scalars())

    def entries(self) -> list[IndexEntry]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(schema.cases).order_by(schema.cases.c.reference)).mappings().all()
        return [_entry(row) for row in rows]

    def get(self, reference: str) -> IndexEntry | None:
        with self._engine.connect() as conn:
            row = (
                conn.execute(select(schema.cases).where(schema.cases.c.reference == reference))
                .mappings()
                .first()
            )
        return _entry(row) if row else None

    @staticmethod
    def _known(conn, reference: str) -> bool:
        in_cases = conn.execute(select(schema.cases.c.reference).where(schema.cases.c.reference == reference))
        gone = conn.execute(
            select(schema.destructions.c.reference).where(schema.destructions.c.reference == reference)
        )
        pending = conn.execute(
            select(schema.pending_cases.c.reference).where(schema.pending_cases.c.reference == reference)
        )
        return any(result.first() is not None for result in (in_cases, gone, pending))


def _entry(row) -> IndexEntry:
    summary = CaseSummary(
        reference=row["reference"],
        name=row["name"],
        email=row["email"],
        types=_types(row["types"]),
        received=dt.date.fromisoformat(row["received"]),
        status=CaseStatus(row["status"]),
        channel=Channel(row["channel"]),
        created_at=parse_moment(row["created_at"]),
        updated_at=parse_moment(row["updated_at"]),
        closed_at=parse_moment(row["closed_at"]) if row["closed_at"] else None,
        clock=_clock_facts(row["clock"]),
    )
    return IndexEntry(summary, row["audit_head"], row["audit_count"])


# Most rows share these texts (no clock facts yet, one request type): the list of 10,000 cases reads each
# distinct one once. Both values are immutable, so rows may share them.
@lru_cache(maxsize=1024)
def _clock_facts(text: str) -> ClockFacts:
    return ClockFacts.from_json(json.loads(text))


@lru_cache(maxsize=256)
def _types(text: str) -> tuple[RequestType, ...]:
    return tuple(RequestType(code) for code in text.split(",") if code)
