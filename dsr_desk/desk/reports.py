"""Reports for a period, as the desk gathers them: the index for what it lists, each case's log for what only
the log knows (decisions, identity checks, ID copies)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dsr_desk.desk.answers import inputs_from_events
from dsr_desk.desk.identity_state import COPY_DELETED, COPY_STORED, identity_from_events
from dsr_desk.rules.outcomes import Outcome
from dsr_desk.rules.report import Period, Report, ReportCase, build_report

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case
    from dsr_desk.desk.workspace import Desk


class ReportActions:
    """Mixed into Desk."""

    def report(self: Desk, period: Period) -> Report:
        """The figures of `period`. Only cases that can count in it are opened: received by its last day
        and not closed before its first."""
        cases = []
        for summary in self.list_cases():
            closed_on = summary.closed_on
            if summary.received > period.last or (closed_on is not None and closed_on < period.first):
                continue
            with self.open_case(summary.reference) as case:
                cases.append(report_case(case))
        return build_report(cases, period)


def report_case(case: Case) -> ReportCase:
    record, events = case.record(), case.events()
    clock = case.clock_from(record, events)
    decisions = inputs_from_events(events).decisions.values()
    identity = identity_from_events(events)
    return ReportCase(
        reference=record.reference,
        types=record.types,
        channel=record.channel,
        received=record.received,
        status=record.status,
        closed_on=record.closed_on,
        due=clock.due,
        extended=clock.facts.extension is not None,
        forwarded_on=clock.facts.forwarded_on,
        refusal_grounds=tuple(d.ground for d in decisions if d.outcome is not Outcome.DONE),
        identity_method=identity.method.value if identity.finished and identity.method else None,
        identity_on=_day(identity.outcome_at) if identity.finished else None,
        copies_made=tuple(_day(e.at) for e in events if e.action == COPY_STORED),
        copies_deleted=tuple(_day(e.at) for e in events if e.action == COPY_DELETED),
    )


def _day(at: str) -> dt.date:
    """An event's UTC moment as the local day, as the clock counts days."""
    return dt.datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone().date()
