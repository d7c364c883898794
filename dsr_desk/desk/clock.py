"""The deadline clock as the desk sees it: facts read from a case's audit events, the workspace's clock
settings, and the overview row (summary + clock) that the list, the command line and reminders share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from dsr_desk.rules.case_values import CaseSummary
from dsr_desk.rules.clock import (
    ClockFacts,
    ClockSettings,
    ClockState,
    Extension,
    ExtensionReason,
    InformationNeeded,
    InformationRequest,
    Urgency,
    clock_state,
)
from dsr_desk.rules.clock_text import days_left_text
from dsr_desk.rules.holidays import DutchHolidays
from dsr_desk.rules.requests import CaseStatus
from dsr_desk.store.audit import AuditEvent
from dsr_desk.store.settings import Settings

EXTENDED = "clock.extended"
EXTENSION_NOTIFIED = "clock.extension_notified"
INFO_REQUESTED = "clock.info_requested"
INFO_RECEIVED = "clock.info_received"


def facts_from_events(events: Iterable[AuditEvent]) -> ClockFacts:
    extension: Extension | None = None
    requests: list[InformationRequest] = []
    for event in events:
        details = event.details
        if event.action == EXTENDED:
            extension = Extension(
                decided_on=dt.date.fromisoformat(details["on"]),
                reason=ExtensionReason(details["reason"]),
                explanation=details.get("explanation", ""),
            )
        elif event.action == EXTENSION_NOTIFIED and extension is not None:
            extension = replace(extension, notified_on=dt.date.fromisoformat(details["on"]))
        elif event.action == INFO_REQUESTED:
            requests.append(
                InformationRequest(InformationNeeded(details["what"]), dt.date.fromisoformat(details["on"]))
            )
        elif event.action == INFO_RECEIVED:
            received_on = dt.date.fromisoformat(details["on"])
            requests = [r if r.received_on else replace(r, received_on=received_on) for r in requests]
    return ClockFacts(extension, tuple(requests))


def clock_settings(settings: Settings) -> ClockSettings:
    return ClockSettings(
        pause_while_waiting=settings.pause_while_waiting,
        holidays=DutchHolidays(good_friday=settings.good_friday, extra_days=settings.extra_holidays),
    )


@dataclass(frozen=True)
class CaseOverview:
    """One row of the case list: the summary from the index and its clock as of today."""

    summary: CaseSummary
    clock: ClockState

    @property
    def urgency(self) -> Urgency:
        return self.clock.urgency

    @property
    def filter_tags(self) -> frozenset[str]:
        """The list filters this case belongs to: open, overdue, this_week, waiting, closed."""
        if self.summary.status is CaseStatus.CLOSED:
            return frozenset({"closed"})
        tags = {"open"}
        if self.urgency is Urgency.OVERDUE:
            tags.add("overdue")
        elif self.clock.due <= _end_of_week(self.clock.today):
            tags.add("this_week")
        if self.summary.status is CaseStatus.WAITING:
            tags.add("waiting")
        return frozenset(tags)

    def to_json(self) -> dict[str, object]:
        data = self.summary.to_json()
        data.update(clock_json(self.clock))
        return data


def clock_json(state: ClockState) -> dict[str, object]:
    extension = state.facts.extension
    return {
        "due": state.first.due.isoformat(),
        "extended_due": state.extended.due.isoformat() if state.extended else None,
        "effective_due": state.due.isoformat(),
        "days_left": state.calendar_days_left,
        "working_days_left": state.working_days_left,
        "urgency": state.urgency.value,
        "paused_days": state.paused_days,
        "waiting_since": state.facts.waiting_since.isoformat() if state.facts.waiting_since else None,
        "extension_reason": extension.reason.value if extension else None,
        "extension_notified_on": extension.notified_on.isoformat()
        if extension and extension.notified_on
        else None,
        "extension_notice_late": state.extension_notice_late,
        "answered_on_time": state.answered_on_time,
        "rule": state.rule(),
        "status_text": days_left_text(state),
    }


def overview(summary: CaseSummary, settings: ClockSettings, today: dt.date) -> CaseOverview:
    closed_on = summary.closed_at.astimezone().date() if summary.closed_at else None
    return CaseOverview(summary, clock_state(summary.received, summary.clock, settings, today, closed_on))


_URGENCY_RANK = {
    Urgency.OVERDUE: 0,
    Urgency.CRITICAL: 1,
    Urgency.SOON: 2,
    Urgency.LATER: 3,
    Urgency.CLOSED: 4,
}


def _end_of_week(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=7 - day.isoweekday())


@dataclass(frozen=True)
class Reminder:
    """What needs the handler's attention today: overdue cases and those due within 2 working days."""

    overdue: tuple[str, ...]
    due_soon: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.overdue or self.due_soon)


def reminder(rows: Iterable[CaseOverview]) -> Reminder:
    ordered = sorted(rows, key=urgency_order)
    return Reminder(
        overdue=tuple(r.summary.reference for r in ordered if r.urgency is Urgency.OVERDUE),
        due_soon=tuple(r.summary.reference for r in ordered if r.urgency is Urgency.CRITICAL),
    )


def urgency_order(row: CaseOverview) -> tuple:
    """Most urgent first: overdue (longest overdue first), then by due date; closed cases last."""
    return (
        _URGENCY_RANK[row.urgency],
        row.clock.due if row.urgency is not Urgency.CLOSED else dt.date.max,
        row.summary.reference,
    )
