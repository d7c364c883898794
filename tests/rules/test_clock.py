"""The clock of one case: extension rules, pauses, the extension notice, urgency."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dsr_desk.rules.clock import (
    ClockFacts,
    ClockSettings,
    Extension,
    ExtensionReason,
    InformationNeeded,
    InformationRequest,
    Urgency,
    clock_state,
    extension_problems,
)
from dsr_desk.rules.clock_text import days_left_text

RECEIVED = dt.date(2026, 11, 2)  # due Wednesday 2 December 2026
DUE = dt.date(2026, 12, 2)
PAUSING = ClockSettings(pause_while_waiting=True)


def _state(today, facts=None, settings=None, closed_on=None):
    return clock_state(RECEIVED, facts or ClockFacts(), settings or ClockSettings(), today, closed_on)


def _kinds(problems):
    return [key for _field, key, _params in problems]


def test_urgency_bands_by_working_days():
    assert _state(dt.date(2026, 12, 3)).urgency is Urgency.OVERDUE
    assert _state(DUE).urgency is Urgency.CRITICAL
    assert _state(dt.date(2026, 11, 30)).urgency is Urgency.CRITICAL  # Mon: 2 working days left
    assert _state(dt.date(2026, 11, 27)).urgency is Urgency.SOON  # Fri: 3 working days left
    assert _state(dt.date(2026, 11, 20)).urgency is Urgency.LATER  # 8 working days left
    assert _state(dt.date(2026, 12, 20), closed_on=dt.date(2026, 11, 30)).urgency is Urgency.CLOSED


def test_days_left_are_spelled_out_not_only_coloured():
    assert days_left_text(_state(dt.date(2026, 12, 5)), "nl") == "Verlopen: 3 dagen te laat"
    assert days_left_text(_state(DUE), "nl") == "Dringend: vandaag"
    assert days_left_text(_state(dt.date(2026, 11, 30)), "en") == "Urgent: 2 working days left (2 days)"
    closed = _state(dt.date(2026, 12, 20), closed_on=dt.date(2026, 12, 10))
    assert days_left_text(closed, "nl") == "Afgehandeld na de termijn" and closed.answered_on_time is False


def test_an_extension_is_allowed_until_the_first_due_date_and_needs_a_reason():
    assert extension_problems(_state(DUE), ExtensionReason.COMPLEXITY, "Vijf systemen") == []
    late = extension_problems(_state(DUE + dt.timedelta(days=1)), ExtensionReason.COMPLEXITY, "Vijf systemen")
    assert _kinds(late) == ["clock.extension_too_late"]
    assert _kinds(extension_problems(_state(DUE), ExtensionReason.COMPLEXITY, " ")) == [
        "clock.extension_needs_reason"
    ]


def test_only_complexity_and_the_number_of_requests_extend_the_term():
    """Art. 12(3): workload, holidays or staff absence are no reason (LEGAL.md §6)."""
    for lawful in (ExtensionReason.COMPLEXITY, ExtensionReason.NUMBER_OF_REQUESTS):
        assert extension_problems(_state(DUE), lawful, "Drie verzoeken, vijf systemen") == []
    holiday = extension_problems(_state(DUE), ExtensionReason.OTHER, "Onze privacy officer is met vakantie")
    assert _kinds(holiday) == ["clock.extension_reason_unlawful"]


def test_a_second_extension_is_refused():
    facts = ClockFacts(extension=Extension(dt.date(2026, 11, 10), ExtensionReason.COMPLEXITY, ""))
    problems = extension_problems(
        _state(dt.date(2026, 11, 12), facts), ExtensionReason.NUMBER_OF_REQUESTS, "x"
    )
    assert _kinds(problems) == ["clock.second_extension"]


def test_the_extended_term_becomes_the_due_date():
    facts = ClockFacts(extension=Extension(dt.date(2026, 11, 10), ExtensionReason.COMPLEXITY, ""))
    state = _state(dt.date(2026, 11, 12), facts)
    assert state.first.due == DUE
    assert state.extended is not None and state.due == state.extended.due == dt.date(2027, 2, 2)


def test_an_extension_notice_after_the_first_term_is_late():
    extension = Extension(dt.date(2026, 11, 10), ExtensionReason.COMPLEXITY, "")
    assert not _state(DUE, ClockFacts(extension=extension)).extension_notice_late
    assert _state(DUE + dt.timedelta(days=1), ClockFacts(extension=extension)).extension_notice_late
    told_late = Extension(
        dt.date(2026, 11, 10), ExtensionReason.COMPLEXITY, "", notified_on=dt.date(2026, 12, 3)
    )
    assert _state(dt.date(2026, 12, 10), ClockFacts(extension=told_late)).extension_notice_late
    told = Extension(dt.date(2026, 11, 10), ExtensionReason.COMPLEXITY, "", notified_on=dt.date(2026, 11, 11))
    assert not _state(dt.date(2026, 12, 10), ClockFacts(extension=told)).extension_notice_late


def test_waiting_does_not_pause_the_clock_by_default():
    facts = ClockFacts(
        information_requests=(InformationRequest(InformationNeeded.IDENTITY, dt.date(2026, 11, 5)),)
    )
    assert _state(dt.date(2026, 11, 20), facts).due == DUE
    assert facts.waiting_since == dt.date(2026, 11, 5)


def test_with_pausing_on_the_waiting_days_extend_the_term():
    request = InformationRequest(InformationNeeded.IDENTITY, dt.date(2026, 11, 5), dt.date(2026, 11, 12))
    state = _state(dt.date(2026, 11, 20), ClockFacts(information_requests=(request,)), PAUSING)
    assert state.paused_days == 7
    assert state.due == dt.date(2026, 12, 9)


def test_an_open_request_keeps_the_clock_paused_until_today():
    request = InformationRequest(InformationNeeded.CLARIFICATION, dt.date(2026, 11, 10))
    state = _state(dt.date(2026, 11, 20), ClockFacts(information_requests=(request,)), PAUSING)
    assert state.paused_days == 10


def test_a_request_made_after_the_term_ran_out_does_not_revive_it():
    request = InformationRequest(InformationNeeded.IDENTITY, dt.date(2026, 12, 5), dt.date(2026, 12, 10))
    state = _state(dt.date(2026, 12, 20), ClockFacts(information_requests=(request,)), PAUSING)
    assert state.paused_days == 0 and state.urgency is Urgency.OVERDUE


def test_clock_facts_round_trip_through_json():
    facts = ClockFacts(
        Extension(dt.date(2026, 11, 10), ExtensionReason.OTHER, "Veel systemen", dt.date(2026, 11, 11)),
        (InformationRequest(InformationNeeded.IDENTITY, dt.date(2026, 11, 5), dt.date(2026, 11, 8)),),
    )
    assert ClockFacts.from_json(facts.to_json()) == facts


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=4),
)
def test_pausing_never_makes_any_due_date_earlier(received, waits):
    requests = tuple(
        InformationRequest(
            InformationNeeded.IDENTITY,
            received + dt.timedelta(days=start),
            received + dt.timedelta(days=start + length),
        )
        for start, length in waits
    )
    facts = ClockFacts(Extension(received, ExtensionReason.COMPLEXITY, ""), requests)
    today = received + dt.timedelta(days=200)
    paused = clock_state(received, facts, PAUSING, today)
    running = clock_state(received, facts, ClockSettings(), today)
    assert paused.first.due >= running.first.due
    assert paused.due >= running.due


def test_when_an_extension_can_be_taken_and_whether_the_notice_is_still_owed():
    assert _state(DUE).can_extend  # on the last day of the first term still
    assert not _state(DUE + dt.timedelta(days=1)).can_extend  # Art. 12(3): within the first term only
    assert not _state(DUE, closed_on=DUE).can_extend
    extended = ClockFacts(
        extension=Extension(dt.date(2026, 11, 20), ExtensionReason.COMPLEXITY, "Vijf systemen")
    )
    state = _state(dt.date(2026, 11, 21), extended)
    assert not state.can_extend and state.extension_untold  # once only, and the person must hear of it
    assert _state(dt.date(2026, 11, 20)).extended_if_extended_now.due == state.extended.due


def test_the_organisations_promise_is_shown_beside_the_statutory_term_and_never_extends_it():
    """'Within 30 days of our acknowledgement' (LEGAL.md §6): both dates, a warning on the earlier."""
    from dsr_desk.rules.clock import PromiseStart
    from dsr_desk.rules.clock_text import promise_text

    promise = ClockSettings(promise_days=21, promise_from=PromiseStart.ACKNOWLEDGEMENT)
    waiting = _state(dt.date(2026, 11, 3), settings=promise)
    assert waiting.promised_due is None and "ontvangstbevestiging" in promise_text(waiting, "nl")
    acknowledged = ClockFacts(acknowledged_on=dt.date(2026, 11, 4))
    state = _state(dt.date(2026, 11, 5), acknowledged, promise)
    assert state.promised_due == dt.date(2026, 11, 25) and state.due == DUE  # the law's date unchanged
    assert state.earlier_term == "promise" and "25 november 2026" in promise_text(state, "nl")
    late_promise = ClockSettings(promise_days=40)
    later = _state(dt.date(2026, 11, 5), settings=late_promise)
    assert later.earlier_term == "statutory" and "wettelijke termijn geldt" in promise_text(later, "nl")
    assert promise_text(_state(dt.date(2026, 11, 5)), "nl") == ""  # no promise, nothing said
