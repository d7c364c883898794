"""Forwarding a request to its controller, where this organisation is only the processor (LEGAL.md §6): to
whom, when and how are recorded; the forwarded part leaves the clock, and a case forwarded whole is closed as
'forwarded', never as 'answered on time'."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from dsr_desk.desk.clock import FORWARDED, facts_from_events
from dsr_desk.errors import ValidationError
from dsr_desk.rules.intake import clean_line
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case
    from dsr_desk.rules.case_values import CaseRecord

MAX_CONTROLLER_LENGTH = 300


class ForwardActions:
    """Mixed into Case; relies on its record(), clock(), _checked_date(), _write() and _desk."""

    def forward(
        self: Case,
        to: str,
        *,
        on: dt.date | None = None,
        channel: Channel = Channel.EMAIL,
        types: list[RequestType] | tuple[RequestType, ...] | None = None,
    ) -> tuple[RequestType, ...]:
        """Records that `types` (default: all not yet forwarded) went to controller `to`; returns the types
        still this organisation's to answer. Forwarding the last of them closes the case as forwarded."""
        to = clean_line(to)
        if not to:
            raise ValidationError([("to", "validation.forward_to_empty", {})])
        if len(to) > MAX_CONTROLLER_LENGTH:
            raise ValidationError([("to", "validation.forward_to_too_long", {"max": MAX_CONTROLLER_LENGTH})])
        on = self._checked_date(on)
        left: list[tuple[RequestType, ...]] = []

        def update(current: CaseRecord, now: dt.datetime) -> tuple[CaseRecord, dict]:
            # Checked against the log inside the write: two windows cannot forward the same part twice.
            already = facts_from_events(self._file.events()).forwarded_types
            chosen = (
                tuple(dict.fromkeys(types)) if types else tuple(t for t in current.types if t not in already)
            )
            problems: list[tuple[str, str, dict[str, object]]] = []
            if not current.status.is_open:
                problems.append(("status", "validation.forward_closed", {"status": current.status.label()}))
            for kind in chosen:
                if kind not in current.types:
                    problems.append(("types", "validation.decision_type_not_requested", {"type": kind.value}))
                elif kind in already:
                    problems.append(("types", "validation.forward_twice", {"type": kind.value}))
            if not chosen:
                problems.append(("types", "validation.forward_nothing_left", {}))
            if problems:
                raise ValidationError(problems)
            remaining = tuple(t for t in current.types if t not in already and t not in chosen)
            left.append(remaining)
            details = {
                "to": to,
                "on": on.isoformat(),
                "channel": channel.value,
                "types": [kind.value for kind in chosen],
                "all": not remaining,
            }
            if remaining:
                return replace(current, updated_at=now), details
            return replace(current, status=CaseStatus.FORWARDED, updated_at=now, closed_at=now), details

        self._write(FORWARDED, update)
        remaining = left[-1]
        if not remaining:
            self.sweep_id_copies()
        return remaining
