"""The clock on a real case: extension, notice, information asked and received, settings, the overview."""

from __future__ import annotations

import datetime as dt

import pytest

from dsr_desk.errors import ClockPauseDisabledError, ValidationError
from dsr_desk.rules.clock import ExtensionReason, InformationNeeded, Urgency
from dsr_desk.rules.requests import CaseStatus
from tests.support.cases import make_case

# The desk fixture's today is 20 November 2026; make_case receives on 2 November, due 2 December.


def test_extending_records_reason_and_moves_the_due_date(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        state = case.extend(ExtensionReason.NUMBER_OF_REQUESTS, "Drie verzoeken tegelijk, elk met veel data.")
        event = case.events()[-1]
    assert state.first.due == dt.date(2026, 12, 2) and state.due == dt.date(2027, 2, 2)
    assert event.action == "clock.extended"
    assert event.details["reason"] == "number_of_requests" and event.details["notify_by"] == "2026-12-02"
    [row] = desk.overview()
    assert row.clock.due == dt.date(2027, 2, 2)  # the index knows the extension without opening the case
    assert row.to_json()["extended_due"] == "2027-02-02" and row.to_json()["due"] == "2026-12-02"


def test_a_second_extension_and_a_late_one_are_refused_citing_the_rule(desk, clock):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.extend(ExtensionReason.COMPLEXITY, "Vijf systemen.")
        with pytest.raises(ValidationError, match=r"12\(3\)"):
            case.extend(ExtensionReason.COMPLEXITY, "Vijf systemen.")
    late = make_case(desk, received=dt.date(2026, 10, 1))
    with desk.open_case(late.reference) as case, pytest.raises(ValidationError, match="first term"):
        case.extend(ExtensionReason.COMPLEXITY, "Vijf systemen.")


def test_the_extension_notice_is_recorded_and_checked_for_lateness(desk, clock):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        with pytest.raises(ValidationError):
            case.record_extension_notice()  # nothing to notify yet
        case.extend(ExtensionReason.COMPLEXITY, "Vijf systemen.")
        clock.advance(days=15)  # 5 December: after the first term
        assert case.clock().extension_notice_late
        case.record_extension_notice(dt.date(2026, 11, 25))
        assert not case.clock().extension_notice_late


def test_asking_information_records_dates_and_waits_but_does_not_pause_by_default(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.request_information(InformationNeeded.IDENTITY, dt.date(2026, 11, 5))
        assert case.record().status is CaseStatus.WAITING
        case.information_received(dt.date(2026, 11, 12))
        assert case.record().status is CaseStatus.IN_PROGRESS
        state = case.clock()
    assert state.due == dt.date(2026, 12, 2) and state.paused_days == 0
    assert [r.received_on for r in state.facts.information_requests] == [dt.date(2026, 11, 12)]


def test_with_pausing_switched_on_the_waiting_days_count(desk):
    desk.update_clock_settings(pause_while_waiting=True, good_friday=True, extra_holidays=())
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.pause(InformationNeeded.CLARIFICATION, dt.date(2026, 11, 5))
        case.resume(dt.date(2026, 11, 12))
        assert case.clock().due == dt.date(2026, 12, 9)


def test_pause_is_refused_where_the_setting_does_not_allow_it(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case, pytest.raises(ClockPauseDisabledError):
        case.pause(InformationNeeded.IDENTITY)


def test_dates_in_the_future_or_before_receipt_are_refused(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        with pytest.raises(ValidationError, match="in the future"):
            case.request_information(InformationNeeded.IDENTITY, dt.date(2026, 11, 21))
        with pytest.raises(ValidationError, match="before the request"):
            case.request_information(InformationNeeded.IDENTITY, dt.date(2026, 11, 1))
        with pytest.raises(ValidationError):
            case.information_received()  # nothing was asked


def test_holiday_settings_change_due_dates_at_once(desk):
    make_case(desk, received=dt.date(2026, 11, 4))  # due Friday 4 December
    assert desk.overview()[0].clock.due == dt.date(2026, 12, 4)
    desk.update_clock_settings(
        pause_while_waiting=False, good_friday=True, extra_holidays=((dt.date(2026, 12, 4), "Sluitingsdag"),)
    )
    assert desk.overview()[0].clock.due == dt.date(2026, 12, 7)


def test_the_overview_sorts_most_urgent_first(desk):
    from dsr_desk.rules.overview import urgency_order

    later = make_case(desk, name="Later", received=dt.date(2026, 11, 19))
    overdue = make_case(desk, name="Te laat", received=dt.date(2026, 10, 1))
    closed = make_case(desk, name="Klaar", received=dt.date(2026, 9, 1))
    with desk.open_case(closed.reference) as case:
        case.set_status(CaseStatus.CLOSED)
    urgent = make_case(desk, name="Dringend", received=dt.date(2026, 10, 22))
    rows = sorted(desk.overview(), key=urgency_order)
    assert [r.summary.reference for r in rows] == [
        overdue.reference,
        urgent.reference,
        later.reference,
        closed.reference,
    ]
    assert [r.urgency for r in rows] == [Urgency.OVERDUE, Urgency.CRITICAL, Urgency.LATER, Urgency.CLOSED]
