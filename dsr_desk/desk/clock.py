"""The deadline clock as the desk sees it: facts read from a case's audit events, and the workspace's clock
settings. The list's rows and the reminder built on them are rules: rules/overview.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from dsr_desk.desk.answers import LETTER_SENT
from dsr_desk.rules.clock import (
    ClockFacts,
    ClockSettings,
    Extension,
    ExtensionReason,
    Forward,
    InformationNeeded,
    InformationRequest,
)
from dsr_desk.rules.holidays import DutchHolidays
from dsr_desk.store.audit import AuditEvent
from dsr_desk.store.settings import Settings

EXTENDED = "clock.extended"
EXTENSION_NOTIFIED = "clock.extension_notified"
INFO_REQUESTED = "clock.info_requested"
INFO_RECEIVED = "clock.info_received"
FORWARDED = "case.forwarded"
STATUS_CHANGED = "status.changed"


def facts_from_events(events: Iterable[AuditEvent]) -> ClockFacts:
    extension: Extension | None = None
    requests: list[InformationRequest] = []
    forwards: list[Forward] = []
    forwarded_on: dt.date | None = None
    acknowledged_on: dt.date | None = None
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
        elif event.action == FORWARDED:
            forwards.append(Forward.from_json(details))
            if details.get("all"):
                forwarded_on = dt.date.fromisoformat(details["on"])
        elif event.action == STATUS_CHANGED and details.get("before") == "forwarded":
            # Taken back from the controller: the case is ours again, on its first clock.
            forwards, forwarded_on = [], None
        elif event.action == LETTER_SENT and details.get("kind") == "acknowledgement":
            acknowledged_on = acknowledged_on or dt.date.fromisoformat(details["date"])
    return ClockFacts(extension, tuple(requests), tuple(forwards), forwarded_on, acknowledged_on)


def clock_settings(settings: Settings) -> ClockSettings:
    return ClockSettings(
        pause_while_waiting=settings.pause_while_waiting,
        holidays=DutchHolidays(good_friday=settings.good_friday, extra_days=settings.extra_holidays),
        promise_days=settings.profile.promise_days,
        promise_from=settings.profile.promise_from,
    )
