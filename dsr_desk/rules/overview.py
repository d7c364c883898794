"""The case list's rows as the rules see them: a case's summary with its clock as of today, the filters it
belongs to, its urgency order, its JSON form, and the daily reminder. No I/O: the desk supplies the rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from dsr_desk.rules.case_values import CaseSummary
from dsr_desk.rules.clock import ClockSettings, ClockState, Urgency, clock_state
from dsr_desk.rules.clock_text import days_left_text
from dsr_desk.rules.requests import CaseStatus


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
        if self.summary.status is CaseStatus.FORWARDED:
            return frozenset({"closed", "forwarded"})
        if not self.summary.status.is_open:
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
        "forwarded": [forward.to_json() for forward in state.facts.forwards],
        "promised_due": state.promised_due.isoformat() if state.promised_due else None,
        "earlier_term": state.earlier_term,
        "rule": state.rule(),
        "status_text": days_left_text(state),
    }


def overview(summary: CaseSummary, settings: ClockSettings, today: dt.date) -> CaseOverview:
    return CaseOverview(
        summary, clock_state(summary.received, summary.clock, settings, today, summary.closed_on)
    )


_URGENCY_RANK = {
    Urgency.OVERDUE: 0,
    Urgency.CRITICAL: 1,
    Urgency.SOON: 2,
    Urgency.LATER: 3,
    Urgency.CLOSED: 4,
    Urgency.FORWARDED: 4,
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
        row.clock.due if row.clock.running else dt.date.max,
        row.summary.reference,
    )
