"""The deadline clock of one case: its first and extended terms, pauses, the extension notice, urgency.

Everything here is computed from the receipt date, a few recorded facts (the extension, requests for
information) and the organisation's settings, for any 'today': nothing is stored that could go stale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from dsr_desk.rules.clock_facts import (
    LAWFUL_EXTENSION_REASONS,
    ClockFacts,
    Extension,
    ExtensionReason,
    Forward,
    InformationNeeded,
    InformationRequest,
)
from dsr_desk.rules.deadline import Deadline, extended_deadline, first_deadline, working_days_between
from dsr_desk.rules.deadline_text import explain
from dsr_desk.rules.holidays import DutchHolidays, HolidayCalendar

__all__ = [
    "ClockFacts",
    "ClockSettings",
    "ClockState",
    "Extension",
    "ExtensionReason",
    "Forward",
    "InformationNeeded",
    "InformationRequest",
    "PromiseStart",
    "Urgency",
    "clock_state",
    "extension_problems",
]

CRITICAL_WORKING_DAYS = 2  # LEGAL.md §2: reminders at 7 and 2 working days before, and on the day
SOON_WORKING_DAYS = 7


class Urgency(StrEnum):
    OVERDUE = "overdue"
    CRITICAL = "critical"  # due within 2 working days (or today)
    SOON = "soon"  # within 7 working days
    LATER = "later"
    CLOSED = "closed"
    FORWARDED = "forwarded"  # all of it went to the controller: no longer this organisation's term


class PromiseStart(StrEnum):
    RECEIVED = "received"
    ACKNOWLEDGEMENT = "acknowledgement"


@dataclass(frozen=True)
class ClockSettings:
    pause_while_waiting: bool = False  # LEGAL.md §2: the EU texts do not settle it; default no pause
    holidays: HolidayCalendar = field(default_factory=DutchHolidays)
    # The organisation's own promise (a privacy statement's "within 30 days of our acknowledgement"): shown
    # beside the statutory term, never instead of it. 0: no promise.
    promise_days: int = 0
    promise_from: PromiseStart = PromiseStart.RECEIVED


@dataclass(frozen=True)
class ClockState:
    received: dt.date
    first: Deadline
    extended: Deadline | None
    facts: ClockFacts
    today: dt.date
    closed_on: dt.date | None
    holidays: HolidayCalendar
    promise_days: int = 0
    promise_from: PromiseStart = PromiseStart.RECEIVED

    @property
    def current(self) -> Deadline:
        return self.extended or self.first

    @property
    def due(self) -> dt.date:
        return self.current.due

    @property
    def paused_days(self) -> int:
        return self.current.paused_days

    @property
    def forwarded(self) -> bool:
        """All of the case went to its controller: the term is no longer this organisation's to meet."""
        return self.facts.forwarded_on is not None

    @property
    def running(self) -> bool:
        return self.closed_on is None and not self.forwarded

    @property
    def calendar_days_left(self) -> int | None:
        return (self.due - self.today).days if self.running else None

    @cached_property  # a frozen state: each row of the list computes it (and its urgency) once
    def working_days_left(self) -> int | None:
        return working_days_between(self.today, self.due, self.holidays) if self.running else None

    @property
    def overdue(self) -> bool:
        """Open and past the term: no letter may promise an answer by a date already gone."""
        return self.running and self.today > self.due

    @property
    def promised_due(self) -> dt.date | None:
        """The organisation's own promised date, where it set one (and, counted from the acknowledgement,
        once there is one)."""
        if self.promise_days <= 0:
            return None
        start = self.received
        if self.promise_from is PromiseStart.ACKNOWLEDGEMENT:
            if self.facts.acknowledged_on is None:
                return None
            start = self.facts.acknowledged_on
        return start + dt.timedelta(days=self.promise_days)

    @property
    def earlier_term(self) -> str:
        """Which comes first, to warn on: 'promise' or 'statutory' (the statutory term always binds)."""
        promised = self.promised_due
        return "promise" if promised is not None and promised < self.due else "statutory"

    @cached_property
    def urgency(self) -> Urgency:
        if self.forwarded:
            return Urgency.FORWARDED
        if self.closed_on is not None:
            return Urgency.CLOSED
        if self.today > self.due:
            return Urgency.OVERDUE
        left = self.working_days_left or 0
        if left <= CRITICAL_WORKING_DAYS:
            return Urgency.CRITICAL
        return Urgency.SOON if left <= SOON_WORKING_DAYS else Urgency.LATER

    @property
    def answered_on_time(self) -> bool | None:
        """None while open, and for a forwarded case: it was not ours to answer."""
        if self.closed_on is None or self.forwarded:
            return None
        return self.closed_on <= self.due

    @property
    def can_extend(self) -> bool:
        """Once, before the first term ends, while the case is open (Art. 12(3))."""
        return self.facts.extension is None and self.today <= self.first.due and self.running

    @property
    def extension_untold(self) -> bool:
        """Extended, and the person not yet told: the notice is still to be sent."""
        extension = self.facts.extension
        return extension is not None and extension.notified_on is None

    @property
    def extended_if_extended_now(self) -> Deadline:
        """What the due date becomes if the term is extended today (paused days kept)."""
        return extended_deadline(self.received, self.holidays, self.paused_days)

    @property
    def extension_notice_late(self) -> bool:
        """The person must hear of an extension, with its reasons, within the first term (Art. 12(3))."""
        extension = self.facts.extension
        if extension is None:
            return False
        told = extension.notified_on
        return (told is None and self.today > self.first.due) or (told is not None and told > self.first.due)

    def rule(self, lang: str | None = None) -> str:
        return explain(self.current, self.holidays, lang)


def clock_state(
    received: dt.date,
    facts: ClockFacts,
    settings: ClockSettings,
    today: dt.date,
    closed_on: dt.date | None = None,
) -> ClockState:
    until = closed_on or today

    def term(make):
        # Which waits count depends on the unpaused due date, so the term is made once without pauses.
        plain = make(received, settings.holidays)
        if not settings.pause_while_waiting:
            return plain
        return make(received, settings.holidays, _paused_days(plain.unshifted, facts, until))

    first = term(first_deadline)
    extended = term(extended_deadline) if facts.extension is not None else None
    return ClockState(
        received,
        first,
        extended,
        facts,
        today,
        closed_on,
        settings.holidays,
        settings.promise_days,
        settings.promise_from,
    )


def _paused_days(unshifted_due: dt.date, facts: ClockFacts, until: dt.date) -> int:
    """Days spent waiting for the requester, counting only waits that began while the term still ran."""
    paused = 0
    for request in sorted(facts.information_requests, key=lambda r: r.asked_on):
        if request.asked_on > unshifted_due + dt.timedelta(days=paused):
            continue
        end = min(request.received_on or until, until)
        paused += max((end - request.asked_on).days, 0)
    return paused


def extension_problems(
    state: ClockState, reason: ExtensionReason, explanation: str
) -> list[tuple[str, str, dict]]:
    """Why an extension cannot be taken now, if it cannot (Art. 12(3) GDPR)."""
    problems: list[tuple[str, str, dict]] = []
    if state.facts.extension is not None:
        problems.append(
            ("extension", "clock.second_extension", {"on": state.facts.extension.decided_on.isoformat()})
        )
    elif state.today > state.first.due:
        problems.append(("extension", "clock.extension_too_late", {"due": state.first.due.isoformat()}))
    if not state.running:
        problems.append(("extension", "clock.extension_closed", {}))
    if reason not in LAWFUL_EXTENSION_REASONS:
        # Workload, holidays or staff absence are no reason (LEGAL.md §6).
        problems.append(("reason", "clock.extension_reason_unlawful", {}))
    if not explanation.strip():
        problems.append(("explanation", "clock.extension_needs_reason", {}))
    return problems
