"""Forwarding a request to its controller, where this organisation is only the processor (LEGAL.md §6): to
whom, when and how are recorded; the forwarded part leaves the clock, and a case forwarded whole is closed as
'forwarded', never as 'answered on time'."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from dsr_desk.desk.clock import FORWARDED
from dsr_desk.errors import ValidationError
from dsr_desk.rules.intake import clean_line
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case

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
        record, to = self.record(), clean_line(to)
        already = self.clock().facts.forwarded_types
        chosen = tuple(dict.fromkeys(types)) if types else tuple(t for t in record.types if t not in already)
        problems: list[tuple[str, str, dict[str, object]]] = []
        if not to:
            problems.append(("to", "validation.forward_to_empty", {}))
        elif len(to) > MAX_CONTROLLER_LENGTH:
            problems.append(("to", "validation.forward_to_too_long", {"max": MAX_CONTROLLER_LENGTH}))
        if not record.status.is_open:
            problems.append(("status", "validation.forward_closed", {"status": record.status.label()}))
        for kind in chosen:
            if kind not in record.types:
                problems.append(("types", "validation.decision_type_not_requested", {"type": kind.value}))
            elif kind in already:
                problems.append(("types", "validation.forward_twice", {"type": kind.value}))
        if not chosen:
            problems.append(("types", "validation.forward_nothing_left", {}))
        if problems:
            raise ValidationError(problems)
        on = self._checked_date(on)
        remaining = tuple(t for t in record.types if t not in already and t not in chosen)
        details = {
            "to": to,
            "on": on.isoformat(),
            "channel": channel.value,
            "types": [kind.value for kind in chosen],
            "all": not remaining,
        }
        now = self._desk.now()
        if remaining:
            updated = replace(record, updated_at=now)
        else:
            updated = replace(record, status=CaseStatus.FORWARDED, updated_at=now, closed_at=now)
        self._write(updated, FORWARDED, details)
        if not remaining:
            self.sweep_id_copies()
        return remaining
