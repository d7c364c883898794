"""Retention: how long a closed case is kept, and when it is ready for destruction (Art. 5(1)(e)).

Long enough to answer a complaint or an inquiry of the Autoriteit Persoonsgegevens about how the request
was handled (Art. 5(2)); not longer. A case held for a complaint or a procedure is never due until released.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day where it has no such day (31 Jan + 1 = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class RetentionEntry:
    reference: str
    closed_on: dt.date
    due_on: dt.date  # the first day the case may be destroyed
    held: bool = False
    hold_reason: str = ""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "reference": self.reference,
            "closed_on": self.closed_on.isoformat(),
            "destroy_from": self.due_on.isoformat(),
        }
        if self.held:
            data["held"] = True
            data["hold_reason"] = self.hold_reason
        return data


def retention_due_on(closed_on: dt.date, months: int) -> dt.date:
    return months_later(closed_on, months)


def is_due(entry: RetentionEntry, today: dt.date) -> bool:
    return not entry.held and entry.due_on <= today
