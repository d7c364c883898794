"""The statutory term of Art. 12(3) GDPR, computed the way Regulation 1182/71 counts periods.

- The day of receipt is not counted; one month ends on the same date of the next month (art. 3(2)(c)),
  or on that month's last day when it has no such date.
- Only the final date moves past Saturdays, Sundays and public holidays (art. 3(4)).
- The extended term (two further months) is the EARLIER of receipt + 3 months and the unshifted one-month
  date + 2 months, then moved to a working day: early in a regulator's view, never late.
- Paused days (only where the organisation has switched pausing on) are added before the shift.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from dsr_desk.rules.holidays import HolidayCalendar


@dataclass(frozen=True)
class Deadline:
    received: dt.date
    months: int  # 1 for the first term, 3 for the extended one
    nominal: dt.date  # same date N months on, clamped to the month's end
    clamped: bool  # the month had no such date
    alternative: dt.date | None  # extended only: the unshifted one-month date + 2 months
    paused_days: int
    unshifted: dt.date  # the earlier reading, plus paused days
    due: dt.date  # moved to a working day
    skipped: tuple[dt.date, ...]  # the days it moved past


def add_months(day: dt.date, months: int) -> tuple[dt.date, bool]:
    """The same date `months` later, or the last day of that month; and whether it had to be clamped."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last)), day.day > last


def next_working_day(day: dt.date, holidays: HolidayCalendar) -> tuple[dt.date, tuple[dt.date, ...]]:
    skipped: list[dt.date] = []
    while not holidays.is_working_day(day):
        skipped.append(day)
        day += dt.timedelta(days=1)
    return day, tuple(skipped)


def first_deadline(received: dt.date, holidays: HolidayCalendar, paused_days: int = 0) -> Deadline:
    nominal, clamped = add_months(received, 1)
    unshifted = nominal + dt.timedelta(days=paused_days)
    due, skipped = next_working_day(unshifted, holidays)
    return Deadline(received, 1, nominal, clamped, None, paused_days, unshifted, due, skipped)


def extended_deadline(received: dt.date, holidays: HolidayCalendar, paused_days: int = 0) -> Deadline:
    three_months, clamped = add_months(received, 3)
    one_month, _ = add_months(received, 1)
    alternative, _ = add_months(one_month, 2)
    earlier = min(three_months, alternative)
    unshifted = earlier + dt.timedelta(days=paused_days)
    due, skipped = next_working_day(unshifted, holidays)
    return Deadline(received, 3, three_months, clamped, alternative, paused_days, unshifted, due, skipped)


def working_days_between(start: dt.date, end: dt.date, holidays: HolidayCalendar) -> int:
    """Working days in (start, end]: after `start`, up to and including `end`; negative when end < start.

    Counted from the weeks in between and the holidays in range, not day by day: the case list asks this
    for every open case on every refresh."""
    if end < start:
        return -working_days_between(end, start, holidays)
    weeks, rest = divmod((end - start).days, 7)
    first = start.weekday() + 1  # the weekday (Monday 0) of the day after start
    weekdays = weeks * 5 + sum(1 for n in range(rest) if (first + n) % 7 < 5)
    off = sum(
        1 for year in range(start.year, end.year + 1) for day in holidays.days_off(year) if start < day <= end
    )
    return weekdays - off
