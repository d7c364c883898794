"""The destruction records in the index, and how they come back when the index itself was lost.

A destroyed case leaves a record (no personal data) and its reference is never handed out again. The index
keeps the records; each case's tombstone (store/tombstones.py) keeps a copy beside it, from which a rebuilt
index takes them back, together with the reference counters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from dsr_desk.rules.case_values import DestructionRecord, parse_moment, stamp
from dsr_desk.store import index_schema as schema
from dsr_desk.store.sqlcipher import writing


class DestructionRecords:
    _engine: Engine

    def begin_destruction(self, record: DestructionRecord) -> None:
        with writing(self._engine) as conn:
            conn.execute(
                delete(schema.destructions).where(schema.destructions.c.reference == record.reference)
            )
            conn.execute(insert(schema.destructions).values(state="pending", **_destruction_row(record)))

    def finish_destruction(self, reference: str) -> None:
        with writing(self._engine) as conn:
            conn.execute(delete(schema.cases).where(schema.cases.c.reference == reference))
            conn.execute(delete(schema.case_claims).where(schema.case_claims.c.reference == reference))
            conn.execute(
                update(schema.destructions)
                .where(schema.destructions.c.reference == reference)
                .values(state="done")
            )

    def pending_destructions(self) -> list[str]:
        with self._engine.connect() as conn:
            query = select(schema.destructions.c.reference).where(schema.destructions.c.state == "pending")
            return list(conn.execute(query).scalars())

    def destruction_records(self, *, pending_too: bool = False) -> list[DestructionRecord]:
        with self._engine.connect() as conn:
            query = select(schema.destructions)
            if not pending_too:
                query = query.where(schema.destructions.c.state == "done")
            rows = conn.execute(query.order_by(schema.destructions.c.destroyed_at)).mappings().all()
        return [
            DestructionRecord(
                reference=row["reference"],
                received=dt.date.fromisoformat(row["received"]),
                closed_at=parse_moment(row["closed_at"]) if row["closed_at"] else None,
                destroyed_at=parse_moment(row["destroyed_at"]),
                destroyed_by=row["destroyed_by"],
                reason=row["reason"],
            )
            for row in rows
        ]

    def destroyed_references(self) -> set[str]:
        """Every reference with a destruction record, finished or not."""
        with self._engine.connect() as conn:
            return set(conn.execute(select(schema.destructions.c.reference)).scalars())

    def restore_destruction(self, record: DestructionRecord, *, finished: bool) -> None:
        """A destruction record taken back from its tombstone (the index was lost or replaced)."""
        state = "done" if finished else "pending"
        with writing(self._engine) as conn:
            conn.execute(
                delete(schema.destructions).where(schema.destructions.c.reference == record.reference)
            )
            conn.execute(insert(schema.destructions).values(state=state, **_destruction_row(record)))
            conn.execute(delete(schema.cases).where(schema.cases.c.reference == record.reference))

    def raise_counters(self, references: Iterable[str]) -> None:
        """Each year's counter at least as high as the highest of `references` (after a rebuild, so numbers
        go on from where they were)."""
        highest: dict[int, int] = {}
        for reference in references:
            _, year, number = reference.split("-")
            highest[int(year)] = max(highest.get(int(year), 0), int(number))
        with writing(self._engine) as conn:
            for year, number in highest.items():
                conn.execute(
                    sqlite_insert(schema.reference_counters)
                    .values(year=year, last_number=number)
                    .on_conflict_do_update(
                        index_elements=["year"],
                        set_={"last_number": number},
                        where=schema.reference_counters.c.last_number < number,
                    )
                )


def _destruction_row(record: DestructionRecord) -> dict[str, object]:
    return {
        "reference": record.reference,
        "received": record.received.isoformat(),
        "closed_at": stamp(record.closed_at) if record.closed_at else None,
        "destroyed_at": stamp(record.destroyed_at),
        "destroyed_by": record.destroyed_by,
        "reason": record.reason,
    }
