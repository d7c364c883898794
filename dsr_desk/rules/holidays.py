"""Public holidays that move a deadline (Regulation 1182/71 art. 3(4)).

The Netherlands as the Algemene termijnenwet art. 3 lists them (LEGAL.md §2). Another country's calendar is
another class with the same methods; the deadline clock asks `is_working_day`, and counts working days over
a range from `days_off` (so a count is arithmetic over weeks, never a loop over every day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from dsr_desk.i18n import t


class HolidayCalendar(Protocol):
    def holidays(self, year: int, lang: str | None = None) -> dict[dt.date, str]:
        """Every public holiday of `year`, with its name."""
        ...

    def holiday_name(self, day: dt.date, lang: str | None = None) -> str | None: ...

    def is_working_day(self, day: dt.date) -> bool: ...

    def days_off(self, year: int) -> frozenset[dt.date]:
        """The days of `year` from Monday to Friday that are no working day."""
        ...


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (the anonymous algorithm of Meeus/Jones/Butcher): computed, never tabulated."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def kings_day(year: int) -> dt.date:
    """Koningsdag: 27 April, or the 26th when the 27th is a Sunday (to 2013 Koninginnedag: 30 or 29 April)."""
    day = dt.date(year, 4, 27) if year >= 2014 else dt.date(year, 4, 30)
    return day - dt.timedelta(days=1) if day.isoweekday() == 7 else day


@cache
def _dutch_holiday_keys(year: int, good_friday: bool) -> dict[dt.date, str]:
    easter = easter_sunday(year)
    keys = {
        dt.date(year, 1, 1): "nieuwjaarsdag",
        easter + dt.timedelta(days=1): "tweede_paasdag",
        kings_day(year): "koningsdag",
        dt.date(year, 5, 5): "bevrijdingsdag",
        easter + dt.timedelta(days=39): "hemelvaartsdag",
        easter + dt.timedelta(days=50): "tweede_pinksterdag",
        dt.date(year, 12, 25): "eerste_kerstdag",
        dt.date(year, 12, 26): "tweede_kerstdag",
    }
    if good_friday:
        keys[easter - dt.timedelta(days=2)] = "goede_vrijdag"
    return keys


@dataclass(frozen=True)
class DutchHolidays:
    """Algemene termijnenwet art. 3: Goede Vrijdag is equated (art. 3(2)) and can be switched off; 5 May
    counts every year; the organisation can add days of its own (a decree day, a regional day)."""

    good_friday: bool = True
    extra_days: tuple[tuple[dt.date, str], ...] = ()

    def holidays(self, year: int, lang: str | None = None) -> dict[dt.date, str]:
        names = {
            day: t(f"holiday.{key}", lang) for day, key in _dutch_holiday_keys(year, self.good_friday).items()
        }
        names.update({day: name for day, name in self.extra_days if day.year == year})
        return dict(sorted(names.items()))

    def holiday_name(self, day: dt.date, lang: str | None = None) -> str | None:
        key = _dutch_holiday_keys(day.year, self.good_friday).get(day)
        if key is not None:
            return t(f"holiday.{key}", lang)
        return next((name for extra, name in self.extra_days if extra == day), None)

    def is_working_day(self, day: dt.date) -> bool:
        return day.isoweekday() <= 5 and day not in self.days_off(day.year)

    def days_off(self, year: int) -> frozenset[dt.date]:
        return _weekdays_off(year, self.good_friday, self.extra_days)


@cache
def _weekdays_off(
    year: int, good_friday: bool, extra_days: tuple[tuple[dt.date, str], ...]
) -> frozenset[dt.date]:
    days = set(_dutch_holiday_keys(year, good_friday)) | {
        day for day, _name in extra_days if day.year == year
    }
    return frozenset(day for day in days if day.isoweekday() <= 5)
