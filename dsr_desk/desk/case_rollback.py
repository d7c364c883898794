"""A case file copied back to an older version: refused for writing until a privacy officer accepts it.

The index remembers each case's last audit event. A file whose log ends before that event (or holds another
event there) has lost history; writing on would make the chain look whole again and hide the loss. So every
write checks, inside its own transaction, that the file still holds the event the index remembers, and the
only way on is an acknowledgement: a recorded event that names the events that are missing.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from dsr_desk.errors import (
    CaseDivergedError,
    CaseRolledBackError,
    NothingRolledBackError,
    ValidationError,
    WriteFailedError,
)
from dsr_desk.rules.intake import clean_block
from dsr_desk.store.audit import AuditEvent

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case
    from dsr_desk.store.index import IndexEntry

ACKNOWLEDGED = "audit.rollback_acknowledged"


class RollbackActions:
    # Per thread: a write on another thread of the same case (an archive on a worker) is still checked.
    _acknowledging = threading.local()

    def refuse_if_rolled_back(self: Case, conn: Connection) -> None:
        if getattr(self._acknowledging, "case", None) is self:
            return
        loss = self._loss(conn)
        if loss is None:
            return
        kind, last, remembered = loss
        if kind == "behind":
            raise CaseRolledBackError(reference=self.reference, first=last + 1, last=remembered)
        raise CaseDivergedError(reference=self.reference, seq=min(last, remembered))

    def rollback_loss(self: Case) -> tuple[str, int, int] | None:
        """("behind" | "diverged", the file's last event, the event the index remembers), or None."""
        with self._file.connection() as conn:
            return self._loss(conn)

    def acknowledge_rollback(self: Case, reason: str) -> AuditEvent:
        """Records that the events the index remembers beyond this file are lost, and why that is accepted;
        from then on the file is the case again (its next writes are checked against this event)."""
        self._desk.require_officer("handlers.what.acknowledge_rollback")
        reason = clean_block(reason, field="reason")
        if not reason:
            raise ValidationError([("reason", "validation.rollback_reason", {})])
        loss = self.rollback_loss()
        if loss is None:
            raise NothingRolledBackError(reference=self.reference)
        kind, last, remembered = loss
        entry = self._desk.index.get(self.reference)
        details = {
            "kind": kind,
            "file_last_event": last,
            "index_last_event": remembered,
            "index_head": entry.audit_head if entry else "",
            "lost_events": [last + 1, remembered] if kind == "behind" else [],
            "reason": reason,
        }
        now = self._desk.now()
        self._acknowledging.case = self
        try:
            event = self._file.change(
                at=now,
                actor=self._desk.actor,
                action=ACKNOWLEDGED,
                update=lambda current: (replace(current, updated_at=now), details),
            )
        finally:
            self._acknowledging.case = None
        assert event is not None
        self._desk.index.put(self.summary(), event.hash, event.seq, accept_older=True)
        self.verify_audit()
        self.sweep_id_copies()  # held back while the file could not be written
        return event

    def finish_interrupted_acknowledgement(
        self: Case, entry: IndexEntry | None, events: list[AuditEvent]
    ) -> IndexEntry | None:
        """An acknowledgement whose process died between its event and the index: the file's last event
        acknowledges exactly the head the index still holds, so the index only needs that event's head."""
        last = events[-1] if events else None
        if (
            entry is None
            or last is None
            or last.action != ACKNOWLEDGED
            or last.details.get("index_head") != entry.audit_head
            or last.details.get("index_last_event") != entry.audit_count
        ):
            return entry
        try:
            self._desk.index.put(self.summary(), last.hash, last.seq, accept_older=True)
        except WriteFailedError:
            return entry  # a workspace this process cannot write: the next one that can finishes it
        return self._desk.index.get(self.reference)

    def _loss(self: Case, conn: Connection) -> tuple[str, int, int] | None:
        entry = self._desk.index.get(self.reference)
        if entry is None or not entry.audit_count:
            return None
        kind, last = self._file.chain_position(conn, entry.audit_head, entry.audit_count)
        return None if kind == "ok" else (kind, last, entry.audit_count)
