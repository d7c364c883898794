"""The handler's actions on cases, through the Desk API, as the GUI and the command line use it."""

from __future__ import annotations

import datetime as dt

import pytest

from dsr_desk.desk import Desk
from dsr_desk.errors import CaseNotFoundError, InvalidTransitionError, ValidationError
from dsr_desk.rules.requests import CaseStatus, RequestType
from tests.support.cases import close_anyway, make_case


def test_references_count_up_per_year_of_receipt(desk):
    first = make_case(desk, received=dt.date(2026, 1, 5))
    second = make_case(desk, received=dt.date(2026, 11, 2))
    older = make_case(desk, received=dt.date(2025, 12, 30))
    assert (first.reference, second.reference, older.reference) == (
        "DSR-2026-0001",
        "DSR-2026-0002",
        "DSR-2025-0001",
    )


def test_everything_is_there_after_quitting_and_starting_again(desk, workspace_dir, keychain):
    summary = make_case(desk, name="Łukasz Wróbel", types=(RequestType.ACCESS, RequestType.PORTABILITY))
    with desk.open_case(summary.reference) as case:
        case.set_status(CaseStatus.IN_PROGRESS)
        case.add_note("Identiteit bevestigd via bekend e-mailadres.")
    desk.close()
    with Desk.open(workspace_dir, keychain=keychain) as reopened:
        [listed] = reopened.list_cases()
        assert listed.name == "Łukasz Wróbel" and listed.status is CaseStatus.IN_PROGRESS
        with reopened.open_case(summary.reference) as case:
            record = case.record()
            actions = [event.action for event in case.events()]
            assert record.types == (RequestType.ACCESS, RequestType.PORTABILITY)
            assert actions == ["case.created", "status.changed", "note.added"]
            assert case.verify_audit().ok


def test_every_change_is_in_the_audit_log_with_who_and_before_and_after(desk, clock):
    summary = make_case(desk)
    clock.advance(hours=2)
    with desk.open_case(summary.reference) as case:
        case.update_requester(name="Jan Jansen-de Vries", email="jan@example.nl", address="Dorpsstraat 1")
        event = case.events()[-1]
    assert event.actor == "Petra Jansen"
    assert event.at.startswith("2026-11-20T12:30")
    assert event.details["name"] == {"before": "Jan Jansen", "after": "Jan Jansen-de Vries"}


def test_closing_records_when_and_reopening_needs_a_reason(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        close_anyway(case)
        assert case.record().closed_at is not None
        with pytest.raises(ValidationError):
            case.set_status(CaseStatus.IN_PROGRESS)
        with pytest.raises(InvalidTransitionError):
            case.set_status(CaseStatus.WAITING)
        case.set_status(CaseStatus.IN_PROGRESS, reason="Verzoeker stuurde nog een vraag na.")
        assert case.record().closed_at is None
        assert case.events()[-1].details["reason"] == "Verzoeker stuurde nog een vraag na."


def test_bad_changes_are_refused_and_nothing_is_written(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        before = case.events()
        with pytest.raises(ValidationError):
            case.update_requester(name="", email="nope", address="")
        with pytest.raises(ValidationError):
            case.add_note("   ")
        with pytest.raises(ValidationError):
            case.update_types([])
        assert case.events() == before


def test_the_index_follows_every_change(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.update_types([RequestType.ERASURE, RequestType.OBJECTION])
        case.set_status(CaseStatus.WAITING)
    [listed] = desk.list_cases()
    assert listed.types == (RequestType.ERASURE, RequestType.OBJECTION)
    assert listed.status is CaseStatus.WAITING


def test_an_unknown_reference_is_named(desk):
    with pytest.raises(CaseNotFoundError, match="DSR-2026-0099"):
        desk.open_case("DSR-2026-0099")


def test_a_reference_cannot_step_outside_the_cases_folder(desk):
    with pytest.raises(ValueError):
        desk.open_case("../keyfile")
