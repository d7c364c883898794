"""The deadline clock of one case: its first and extended terms, pauses, the extension notice, urgency.

Everything here is computed from the receipt date, a few recorded facts (the extension, requests for
information) and the organisation's settings, for any 'today': nothing is stored that could go stale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from dsr_desk.rules.deadline import Deadline, extended_deadline, first_deadline, working_days_between
from dsr_desk.rules.deadline_text import explain
from dsr_desk.rules.holidays import DutchHolidays, HolidayCalendar

CRITICAL_WORKING_DAYS = 2  # LEGAL.md §2: reminders at 7 and 2 working days before, and on the day
SOON_WORKING_DAYS = 7


class ExtensionReason(StrEnum):
    COMPLEXITY = "complexity"
    NUMBER_OF_REQUESTS = "number_of_requests"
    OTHER = "other"


class InformationNeeded(StrEnum):
    IDENTITY = "identity"
    CLARIFICATION = "clarification"


class Urgency(StrEnum):
    OVERDUE = "overdue"
    CRITICAL = "critical"  # due within 2 working days (or today)
    SOON = "soon"  # within 7 working days
    LATER = "later"
    CLOSED = "closed"


@dataclass(frozen=True)
class Extension:
    decided_on: dt.date
    reason: ExtensionReason
    explanation: str
    notified_on: dt.date | None = None


@dataclass(frozen=True)
class InformationRequest:
    what: InformationNeeded
    asked_on: dt.date
    received_on: dt.date | None = None


@dataclass(frozen=True)
class ClockFacts:
    """What was recorded on a case that moves or explains its clock (derived from its audit events)."""

    extension: Extension | None = None
    information_requests: tuple[InformationRequest, ...] = ()

    @property
    def waiting_since(self) -> dt.date | None:
        open_requests = [r.asked_on for r in self.information_requests if r.received_on is None]
        return min(open_requests) if open_requests else None

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {}
        if self.extension is not None:
            e = self.extension
            data["extension"] = {
                "decided_on": e.decided_on.isoformat(),
                "reason": e.reason.value,
                "explanation": e.explanation,
                "notified_on": e.notified_on.isoformat() if e.notified_on else None,
            }
        if self.information_requests:
            data["information_requests"] = [
                {
                    "what": r.what.value,
                    "asked_on": r.asked_on.isoformat(),
                    "received_on": r.received_on.isoformat() if r.received_on else None,
                }
                for r in self.information_requests
            ]
        return data

    @classmethod
    def from_json(cls, data: dict) -> ClockFacts:
        e = data.get("extension")
        extension = (
            Extension(
                decided_on=dt.date.fromisoformat(e["decided_on"]),
                reason=ExtensionReason(e["reason"]),
                explanation=e.get("explanation", ""),
                notified_on=dt.date.fromisoformat(e["notified_on"]) if e.get("notified_on") else None,
            )
            if e
            else None
        )
        requests = tuple(
            InformationRequest(
                what=InformationNeeded(r["what"]),
                asked_on=dt.date.fromisoformat(r["asked_on"]),
                received_on=dt.date.fromisoformat(r["received_on"]) if r.get("received_on") else None,
            )
            for r in data.get("information_requests", [])
        )
        return cls(extension, requests)


@dataclass(frozen=True)
class ClockSettings:
    pause_while_waiting: bool = False  # LEGAL.md §2: the EU texts do not settle it; default no pause
    holidays: HolidayCalendar = field(default_factory=DutchHolidays)


@dataclass(frozen=True)
class ClockState:
    received: dt.date
    first: Deadline
    extended: Deadline | None
    facts: ClockFacts
    today: dt.date
    closed_on: dt.date | None
    holidays: HolidayCalendar

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
    def calendar_days_left(self) -> int | None:
        return None if self.closed_on else (self.due - self.today).days

    @property
    def working_days_left(self) -> int | None:
        return None if self.closed_on else working_days_between(self.today, self.due, self.holidays)

    @property
    def urgency(self) -> Urgency:
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
        return None if self.closed_on is None else self.closed_on <= self.due

    @property
    def can_extend(self) -> bool:
        """Once, before the first term ends, while the case is open (Art. 12(3))."""
        return self.facts.extension is None and self.today <= self.first.due and self.closed_on is None

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
    return ClockState(received, first, extended, facts, today, closed_on, settings.holidays)


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
    if state.closed_on is not None:
        problems.append(("extension", "clock.extension_closed", {}))
    if reason is ExtensionReason.OTHER and not explanation.strip():
        problems.append(("explanation", "clock.extension_needs_reason", {}))
    return problems
