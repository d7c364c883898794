"""The Dutch holiday calendar of the Algemene termijnenwet (LEGAL.md §2)."""

from __future__ import annotations

import datetime as dt

import pytest

from dsr_desk.rules.holidays import DutchHolidays, easter_sunday, kings_day

# Published dates of Easter Sunday (e.g. the Dutch government's calendar of public holidays).
PUBLISHED_EASTER = {
    2024: dt.date(2024, 3, 31),
    2025: dt.date(2025, 4, 20),
    2026: dt.date(2026, 4, 5),
    2027: dt.date(2027, 3, 28),
    2028: dt.date(2028, 4, 16),
    2029: dt.date(2029, 4, 1),
    2030: dt.date(2030, 4, 21),
}


@pytest.mark.parametrize(("year", "easter"), sorted(PUBLISHED_EASTER.items()))
def test_easter_is_computed_as_published(year, easter):
    assert easter_sunday(year) == easter


def test_easter_of_far_years_against_known_dates():
    assert easter_sunday(2000) == dt.date(2000, 4, 23)
    assert easter_sunday(2038) == dt.date(2038, 4, 25)  # the latest possible date
    assert easter_sunday(2285) == dt.date(2285, 3, 22)  # the earliest possible date


def test_kings_day_moves_to_saturday_when_27_april_is_a_sunday():
    assert dt.date(2025, 4, 27).isoweekday() == 7
    assert kings_day(2025) == dt.date(2025, 4, 26)
    assert kings_day(2031) == dt.date(2031, 4, 26)
    assert kings_day(2026) == dt.date(2026, 4, 27)


def test_the_2026_holidays():
    names = DutchHolidays().holidays(2026, "nl")
    assert names == {
        dt.date(2026, 1, 1): "Nieuwjaarsdag",
        dt.date(2026, 4, 3): "Goede Vrijdag",
        dt.date(2026, 4, 6): "Tweede Paasdag",
        dt.date(2026, 4, 27): "Koningsdag",
        dt.date(2026, 5, 5): "Bevrijdingsdag (5 mei)",
        dt.date(2026, 5, 14): "Hemelvaartsdag",
        dt.date(2026, 5, 25): "Tweede Pinksterdag",
        dt.date(2026, 12, 25): "Eerste Kerstdag",
        dt.date(2026, 12, 26): "Tweede Kerstdag",
    }


def test_5_may_counts_every_year_not_only_lustrum_years():
    for year in (2026, 2027, 2029):
        assert not DutchHolidays().is_working_day(dt.date(year, 5, 5)) or dt.date(year, 5, 5).isoweekday() > 5
    assert not DutchHolidays().is_working_day(dt.date(2027, 5, 5))  # a Wednesday


def test_good_friday_can_be_switched_off():
    good_friday = dt.date(2026, 4, 3)
    assert not DutchHolidays().is_working_day(good_friday)
    assert DutchHolidays(good_friday=False).is_working_day(good_friday)


def test_the_organisation_can_add_days():
    decree_day = dt.date(2026, 6, 15)
    calendar = DutchHolidays(extra_days=((decree_day, "Sluitingsdag kantoor"),))
    assert not calendar.is_working_day(decree_day)
    assert calendar.holiday_name(decree_day) == "Sluitingsdag kantoor"
    assert DutchHolidays().is_working_day(decree_day)
