"""The clock actions on a case: extend the term, record the extension notice, ask for and receive
information (which pauses the clock only where the organisation has switched pausing on)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from dsr_desk.desk.clock import (
    EXTENDED,
    EXTENSION_NOTIFIED,
    INFO_RECEIVED,
    INFO_REQUESTED,
    facts_from_events,
)
from dsr_desk.errors import ClockPauseDisabledError, ValidationError
from dsr_desk.rules.clock import (
    ClockState,
    ExtensionReason,
    InformationNeeded,
    clock_state,
    extension_problems,
)
from dsr_desk.rules.intake import clean_block
from dsr_desk.rules.requests import CaseStatus

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case
    from dsr_desk.rules.case_values import CaseRecord
    from dsr_desk.store.audit import AuditEvent


class ClockActions:
    """Mixed into Case; relies on its record(), events(), _write() and _desk."""

    def clock(self: Case) -> ClockState:
        return self.clock_from(self.record(), self.events())

    def clock_from(self: Case, record: CaseRecord, events: list[AuditEvent]) -> ClockState:
        """The clock from a record and log already read (an archive reads them once for everything)."""
        settings, today = self._desk.clock_settings(), self._desk.today()
        return clock_state(record.received, facts_from_events(events), settings, today, record.closed_on)

    def extend(self: Case, reason: ExtensionReason, explanation: str = "") -> ClockState:
        explanation = clean_block(explanation)
        settings, today = self._desk.clock_settings(), self._desk.today()

        def update(current: CaseRecord, now: dt.datetime) -> tuple[CaseRecord, dict]:
            # Checked against the log as it is inside the write: two windows cannot both extend.
            events = self._file.events()
            before = clock_state(
                current.received, facts_from_events(events), settings, today, current.closed_on
            )
            if problems := extension_problems(before, reason, explanation):
                raise ValidationError(problems)
            details = {
                "on": today.isoformat(),
                "reason": reason.value,
                "explanation": explanation,
                "first_due": before.first.due.isoformat(),
                "notify_by": before.first.due.isoformat(),
            }
            return replace(current, updated_at=now), details

        self._write(EXTENDED, update)
        return self.clock()

    def record_extension_notice(self: Case, on: dt.date | None = None) -> None:
        """The person was told of the extension and its reasons (by letter, e-mail, phone) on `on`."""
        if self.clock().facts.extension is None:
            raise ValidationError([("extension", "clock.no_extension", {})])
        on = self._checked_date(on)
        self._touch(EXTENSION_NOTIFIED, {"on": on.isoformat()})

    def request_information(
        self: Case, what: InformationNeeded, on: dt.date | None = None, note: str = ""
    ) -> None:
        """Records that identity information or a clarification was asked; the case now waits."""
        on = self._checked_date(on)
        note = clean_block(note)

        def update(current: CaseRecord, now: dt.datetime) -> tuple[CaseRecord, dict]:
            status = CaseStatus.WAITING if current.status.is_open else current.status
            details = {"what": what.value, "on": on.isoformat(), "status_before": current.status.value}
            if note:
                details["note"] = note
            return replace(current, status=status, updated_at=now), details

        self._write(INFO_REQUESTED, update)

    def information_received(self: Case, on: dt.date | None = None) -> None:
        if self.clock().facts.waiting_since is None:
            raise ValidationError([("on", "clock.not_waiting", {})])
        on = self._checked_date(on)

        def update(current: CaseRecord, now: dt.datetime) -> tuple[CaseRecord, dict]:
            status = CaseStatus.IN_PROGRESS if current.status is CaseStatus.WAITING else current.status
            return replace(current, status=status, updated_at=now), {"on": on.isoformat()}

        self._write(INFO_RECEIVED, update)

    def pause(self: Case, what: InformationNeeded, on: dt.date | None = None) -> None:
        if not self._desk.settings.pause_while_waiting:
            raise ClockPauseDisabledError()
        self.request_information(what, on)

    def resume(self: Case, on: dt.date | None = None) -> None:
        if not self._desk.settings.pause_while_waiting:
            raise ClockPauseDisabledError()
        self.information_received(on)

    def _checked_date(self: Case, on: dt.date | None) -> dt.date:
        today = self._desk.today()
        on = on or today
        if on > today:
            raise ValidationError([("on", "clock.date_in_future", {"date": on.isoformat()})])
        if on < self.record().received:
            raise ValidationError([("on", "clock.date_before_receipt", {"date": on.isoformat()})])
        return on
