"""Case: one open case file. Every handler action on a case is a method here.

Each change writes the case file (state and audit event in one transaction), then tells the index the
new summary and audit head.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from dsr_desk.desk.case_archive import ArchiveActions
from dsr_desk.desk.case_clock import ClockActions
from dsr_desk.desk.case_data import DataActions
from dsr_desk.desk.case_exports import ExportActions
from dsr_desk.desk.case_forward import ForwardActions
from dsr_desk.desk.case_identity import IdentityActions
from dsr_desk.desk.case_letters import LetterActions
from dsr_desk.desk.case_rollback import RollbackActions
from dsr_desk.desk.case_workflow import WorkflowActions
from dsr_desk.desk.clock import facts_from_events
from dsr_desk.desk.retention import HoldActions
from dsr_desk.errors import (
    CaseDivergedError,
    CaseGoneError,
    CaseInUseError,
    CaseRolledBackError,
    InvalidTransitionError,
    ValidationError,
    WriteFailedError,
)
from dsr_desk.rules.case_values import CaseRecord, CaseSummary
from dsr_desk.rules.intake import MAX_NOTES_LENGTH, Requester, clean_block, prepare_requester
from dsr_desk.rules.overview import clock_json
from dsr_desk.rules.requests import (
    SET_BY_FORWARDING,
    CaseStatus,
    RequestType,
    can_transition,
    transition_needs_reason,
)
from dsr_desk.store.audit import AuditEvent, AuditReport, verify_chain
from dsr_desk.store.case_file import CaseFile
from dsr_desk.store.index import IndexEntry

if TYPE_CHECKING:
    from collections.abc import Callable

    from dsr_desk.desk.workspace import Desk
    from dsr_desk.store.pending_outputs import PendingOutputs

    RecordUpdate = Callable[[CaseRecord, dt.datetime], tuple[CaseRecord, dict] | None]
    # Called with the event inside its transaction: writing the file the event records, say.
    BeforeCommit = Callable[[AuditEvent], object]


# Why a case may open to be read but not changed: no write is attempted at opening then.
CASE_NOT_WRITABLE = (CaseInUseError, CaseRolledBackError, CaseDivergedError, WriteFailedError)


class Case(
    ClockActions,
    LetterActions,
    IdentityActions,
    DataActions,
    ExportActions,
    ArchiveActions,
    ForwardActions,
    WorkflowActions,
    HoldActions,
    RollbackActions,
):
    def __init__(self, desk: Desk, file: CaseFile, entry: IndexEntry | None) -> None:
        self._desk = desk
        self._file = file
        self.reference = file.reference
        file.before_write = self._may_write
        try:
            self.audit_report = self._check_audit(entry)
            with contextlib.suppress(*CASE_NOT_WRITABLE):
                # Where it cannot be written now, whoever may write it (or acknowledges its rollback) does.
                self.sweep_id_copies()  # an ID copy never outlives its time, even if nobody looks
        except BaseException:
            file.close()
            raise

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------------------------

    def record(self) -> CaseRecord:
        return self._file.record()

    def events(self) -> list[AuditEvent]:
        return self._file.events()

    @property
    def outputs(self) -> PendingOutputs | None:
        """Where a file written for this case outside the workspace is recorded while it is written."""
        return self._desk.outputs

    def today(self) -> dt.date:
        """The desk's today (a test's fixed clock included), for checks made while handling this case."""
        return self._desk.today()

    def verify_audit(self) -> AuditReport:
        """Recomputes the whole chain and compares its head with the one the index remembers."""
        self.audit_report = self._check_audit(self._desk.index.get(self.reference))
        return self.audit_report

    def summary(self) -> CaseSummary:
        """What the index lists of this case: the facts its clock is computed from, and its next step."""
        record, events = self.record(), self.events()
        return replace(
            record.summary(),
            clock=facts_from_events(events),
            progress=self.workflow_from(record, events).progress(),
        )

    def to_json(self) -> dict[str, object]:
        data = self.record().to_json()
        data.update(clock_json(self.clock()))
        data["events"] = [event.to_json() for event in self.events()]
        data["audit_ok"] = self.audit_report.ok
        return data

    # -- changing --------------------------------------------------------------------------------------------

    def set_status(
        self,
        status: CaseStatus,
        reason: str = "",
        *,
        override: bool = False,
        cause: str = "",
        only_from: CaseStatus | None = None,
    ) -> None:
        """Closing is refused while steps are open, unless a privacy officer overrides with a reason;
        `cause` names what moved the status by itself (the move the path makes, in the log), and such a
        move is made `only_from` the status it follows (another window may have moved it meanwhile)."""
        reason = clean_block(reason, field="reason")
        if status in SET_BY_FORWARDING:
            raise ValidationError([("status", "validation.status_by_forwarding", {})])

        def update(current: CaseRecord, now: dt.datetime) -> tuple[CaseRecord, dict] | None:
            if status is current.status or (only_from is not None and current.status is not only_from):
                return None
            if not can_transition(current.status, status):
                raise InvalidTransitionError(current=current.status.label(), new=status.label())
            if transition_needs_reason(current.status, status) and not reason:
                raise ValidationError([("reason", "validation.reopen_needs_reason", {})])
            details: dict[str, object] = {"before": current.status.value, "after": status.value}
            if status is CaseStatus.CLOSED:
                # The guard looks at the case as it is inside this write, not as it was a moment ago.
                details.update(self.closing_details(current, reason, override))
            closed_at = now if not status.is_open else None
            if reason:
                details["reason"] = reason
            if cause:
                details["cause"] = cause
            return replace(current, status=status, updated_at=now, closed_at=closed_at), details

        self._write("status.changed", update)
        if not status.is_open:
            self.sweep_id_copies()

    def add_note(self, text: str) -> None:
        text = clean_block(text, None)
        if not text:
            raise ValidationError([("note", "validation.note_empty", {})])
        if len(text) > MAX_NOTES_LENGTH:
            raise ValidationError([("note", "validation.notes_too_long", {"max": MAX_NOTES_LENGTH})])
        self._touch("note.added", {"text": text})

    def update_requester(self, *, name: str, email: str, address: str) -> None:
        new = prepare_requester(name=name, email=email, address=address)

        def update(current: CaseRecord, now: dt.datetime) -> tuple[CaseRecord, dict] | None:
            changes = _changes(current.requester, new)
            return (replace(current, requester=new, updated_at=now), changes) if changes else None

        self._write("requester.changed", update)

    def update_types(self, types: list[RequestType] | tuple[RequestType, ...]) -> None:
        types = tuple(dict.fromkeys(types))
        if not types:
            raise ValidationError([("types", "validation.no_types", {})])

        def update(current: CaseRecord, now: dt.datetime) -> tuple[CaseRecord, dict] | None:
            if types == current.types:
                return None
            details = {"before": [k.value for k in current.types], "after": [k.value for k in types]}
            return replace(current, types=types, updated_at=now), details

        self._write("types.changed", update)

    # -- internals -------------------------------------------------------------------------------------------

    def _write(
        self, action: str, update: RecordUpdate, before_commit: BeforeCommit | None = None
    ) -> AuditEvent | None:
        """One change: `update` turns the record as it is now (read inside the write transaction) into the
        new one and the event's details, or returns None when there is nothing to change."""
        now = self._desk.now()
        event = self._file.change(
            at=now,
            actor=self._desk.actor,
            action=action,
            update=lambda current: update(current, now),
            before_commit=before_commit,
        )
        if event is not None:
            self._indexed(event)
        return event

    def _touch(self, action: str, details: dict, before_commit: BeforeCommit | None = None) -> AuditEvent:
        """An event that changes nothing in the record but its last-updated time."""
        event = self._write(
            action, lambda current, now: (replace(current, updated_at=now), details), before_commit
        )
        assert event is not None
        return event

    def _indexed(self, event: AuditEvent) -> None:
        """Tells the index the case's new summary and audit head, after every write."""
        summary = self.summary()
        before = self._desk.index.get(self.reference)
        if not self._desk.index.put(summary, event.hash, event.seq):
            raise CaseGoneError(reference=self.reference)
        self.audit_report = replace(self.audit_report, count=event.seq, head=event.hash)
        self._note_ready_to_close(before, summary)

    def refresh_index(self) -> None:
        """The index's row anew, after something outside the case moved its path (the register's systems)."""
        events = self.events()
        if self.audit_report.ok and events:
            self._desk.index.put(self.summary(), events[-1].hash, events[-1].seq)

    def _may_write(self, conn: Connection) -> None:
        """Called inside every write to the case file, before it writes: refuses while another handler has
        the case open, and while the file is behind what the index remembers of it."""
        self._desk.refuse_if_claimed(self.reference)
        self.refuse_if_rolled_back(conn)

    def _check_audit(self, entry: IndexEntry | None) -> AuditReport:
        events = self._file.events()
        entry = self.finish_interrupted_acknowledgement(entry, events)
        head, count = (entry.audit_head, entry.audit_count) if entry else (None, None)
        report = verify_chain(events, self.reference, head, count)
        path_unknown = entry is not None and not entry.summary.progress.known and not self._desk.read_only
        if report.ok and (entry is None or report.index_behind or path_unknown):
            # The index missed the last commit (a crash between the two writes), or its row predates the
            # case's path being kept there (where the workspace can be written): bring it up to date.
            self._desk.index.put(self.summary(), report.head, report.count)
        return report


def _changes(before: Requester, after: Requester) -> dict[str, dict[str, str]]:
    return {
        name: {"before": getattr(before, name), "after": getattr(after, name)}
        for name in ("name", "email", "address")
        if getattr(before, name) != getattr(after, name)
    }
