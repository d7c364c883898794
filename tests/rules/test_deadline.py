"""The statutory term, per Regulation 1182/71: every worked example of LEGAL.md §2, and properties."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dsr_desk.rules.deadline import (
    add_months,
    extended_deadline,
    first_deadline,
    next_working_day,
    working_days_between,
)
from dsr_desk.rules.deadline_text import explain
from dsr_desk.rules.holidays import DutchHolidays

NL = DutchHolidays()
receipt_dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))


# -- LEGAL.md §2, worked examples, one test each -------------------------------------------------------------


def test_example_wed_5_march_2025_weekend():
    deadline = first_deadline(dt.date(2025, 3, 5), NL)
    assert deadline.nominal == dt.date(2025, 4, 5)  # a Saturday
    assert deadline.due == dt.date(2025, 4, 7)  # Monday


def test_example_sat_31_january_2026_no_31_february_then_weekend():
    deadline = first_deadline(dt.date(2026, 1, 31), NL)
    assert deadline.nominal == dt.date(2026, 2, 28) and deadline.clamped
    assert deadline.due == dt.date(2026, 3, 2)


def test_example_wed_25_november_2026_both_christmas_days_then_sunday():
    deadline = first_deadline(dt.date(2026, 11, 25), NL)
    assert deadline.nominal == dt.date(2026, 12, 25)
    assert deadline.skipped == (dt.date(2026, 12, 25), dt.date(2026, 12, 26), dt.date(2026, 12, 27))
    assert deadline.due == dt.date(2026, 12, 28)


def test_example_sat_31_january_2026_extended_the_earlier_reading():
    deadline = extended_deadline(dt.date(2026, 1, 31), NL)
    assert deadline.nominal == dt.date(2026, 4, 30)  # receipt + 3 months
    assert deadline.alternative == dt.date(2026, 4, 28)  # 28 February + 2 months: earlier
    assert deadline.due == dt.date(2026, 4, 28)  # Tuesday


# -- the rule as a sentence ----------------------------------------------------------------------------------


def test_the_rule_is_spelled_out_as_the_issue_asks():
    text = explain(first_deadline(dt.date(2026, 1, 31), NL), NL, "en")
    assert text == (
        "One month from 31 January 2026: February has no day 31, so 28 February 2026. 28 February is a "
        "Saturday and 1 March is a Sunday, so the term ends on Monday 2 March 2026."
    )
    dutch = explain(first_deadline(dt.date(2026, 11, 25), NL), NL, "nl")
    assert (
        "25 december is Eerste Kerstdag, 26 december is Tweede Kerstdag en 27 december is een zondag" in dutch
    )
    assert dutch.endswith("maandag 28 december 2026.")


def test_the_extended_rule_names_both_readings():
    text = explain(extended_deadline(dt.date(2026, 1, 31), NL), NL, "nl")
    assert "30 april 2026" in text and "28 april 2026" in text and "dinsdag 28 april 2026" in text


# -- building blocks -----------------------------------------------------------------------------------------


def test_add_months_clamps_to_the_last_day():
    assert add_months(dt.date(2024, 1, 31), 1) == (dt.date(2024, 2, 29), True)
    assert add_months(dt.date(2026, 3, 31), 1) == (dt.date(2026, 4, 30), True)
    assert add_months(dt.date(2026, 11, 30), 3) == (dt.date(2027, 2, 28), True)
    assert add_months(dt.date(2026, 12, 15), 1) == (dt.date(2027, 1, 15), False)


def test_working_days_between_counts_after_start_up_to_end():
    friday, monday = dt.date(2026, 11, 20), dt.date(2026, 11, 23)
    assert working_days_between(friday, monday, NL) == 1
    assert working_days_between(friday, friday, NL) == 0
    assert working_days_between(monday, friday, NL) == -1


def test_pausing_adds_days_before_the_shift():
    deadline = first_deadline(dt.date(2026, 11, 2), NL, paused_days=5)
    assert deadline.unshifted == dt.date(2026, 12, 7) and deadline.due == dt.date(2026, 12, 7)


# -- properties over any receipt date 2000-2100 --------------------------------------------------------------


@given(receipt_dates)
def test_the_due_date_is_a_working_day_never_early_at_most_5_days_late(received):
    deadline = first_deadline(received, NL)
    assert NL.is_working_day(deadline.due)
    assert deadline.due >= deadline.nominal
    assert (deadline.due - deadline.nominal).days <= 5


@given(receipt_dates)
def test_the_extended_date_lies_between_the_due_date_and_three_months_shifted(received):
    first = first_deadline(received, NL)
    extended = extended_deadline(received, NL)
    three_months_shifted, _ = next_working_day(add_months(received, 3)[0], NL)
    assert extended.due >= first.due
    assert extended.due <= three_months_shifted
    assert NL.is_working_day(extended.due)


@given(receipt_dates, st.integers(min_value=0, max_value=400))
def test_pausing_never_makes_the_due_date_earlier(received, paused):
    assert first_deadline(received, NL, paused).due >= first_deadline(received, NL).due
    assert extended_deadline(received, NL, paused).due >= extended_deadline(received, NL).due


@given(receipt_dates)
def test_the_term_does_not_count_the_day_of_receipt(received):
    assert first_deadline(received, NL).nominal > received
