"""The path through real cases: the status moving by itself, the next step in the index, and the guards
on closing, extending and destroying."""

from __future__ import annotations

import pytest

from dsr_desk.desk.demo import demo_organisation, fill_with_demo_cases
from dsr_desk.errors import CaseNotReadyToCloseError, DemoRefusedError, ValidationError
from dsr_desk.rules.clock import ExtensionReason
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.organisation import RegisterEntry
from dsr_desk.rules.requests import CaseStatus
from dsr_desk.rules.workflow import Step
from tests.support.cases import answer_access_request, make_case


@pytest.fixture
def organised(desk):
    demo_organisation(desk)
    return desk


def _actions(case) -> list[str]:
    return [event.action for event in case.events()]


def test_the_acknowledgement_moves_a_new_case_into_progress_and_says_so(organised):
    summary = make_case(organised)
    with organised.open_case(summary.reference) as case:
        assert case.workflow().next.code is Step.ACKNOWLEDGE
        case.record_letter(
            LetterKind.ACKNOWLEDGEMENT, "nl", case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
        )
        moved = case.events()[-1]
        assert case.record().status is CaseStatus.IN_PROGRESS
        assert case.workflow().next.code is Step.SEARCH_SYSTEMS
    assert moved.action == "status.changed"
    assert moved.details == {"before": "new", "after": "in_progress", "cause": "acknowledgement_sent"}
    [row] = organised.list_cases()
    assert row.progress.next_step is Step.SEARCH_SYSTEMS


def test_asking_for_identity_makes_the_case_wait_and_the_answer_brings_it_back(organised):
    summary = make_case(organised)
    with organised.open_case(summary.reference) as case:
        case.set_answers(
            identity_what="Een kopie van uw pas, afgeschermd.", identity_reason="Onbekend adres."
        )
        case.record_letter(
            LetterKind.IDENTITY_REQUEST, "nl", case.make_letter(LetterKind.IDENTITY_REQUEST, "nl")
        )
        waiting = case.record().status
        asked = case.events()[-1]
        path = case.workflow()
        case.information_received()
        back = case.record().status
    assert waiting is CaseStatus.WAITING and back is CaseStatus.IN_PROGRESS
    assert asked.details["status_before"] == "new" and asked.details["status_after"] == "waiting"
    assert path.next.code is Step.ACKNOWLEDGE
    assert [s.code for s in path.steps][1] is Step.VERIFY_IDENTITY


def test_a_case_closes_only_when_its_steps_are_done(organised, tmp_path):
    summary = make_case(organised)
    with organised.open_case(summary.reference) as case:
        with pytest.raises(CaseNotReadyToCloseError) as refused:
            case.set_status(CaseStatus.CLOSED)
        assert "Webwinkel niet doorzocht" in refused.value.message()
        assert "geen besluit over inzage" in refused.value.message()
        answer_access_request(case, tmp_path)
        assert case.workflow().ready_to_close
        assert _actions(case).count("workflow.ready_to_close") == 1
        assert case.record().status is CaseStatus.IN_PROGRESS  # offered, not forced
        assert organised.list_cases()[0].progress.ready_to_close
        case.set_status(CaseStatus.CLOSED)
        assert case.workflow().next.code is Step.ARCHIVE
        case.write_archive(tmp_path / "archief.zip")
        assert case.workflow().next is None
    assert organised.list_cases()[0].progress.next_step is None


def test_a_privacy_officer_may_close_anyway_with_a_reason_that_is_recorded(organised):
    summary = make_case(organised)
    with organised.open_case(summary.reference) as case:
        with pytest.raises(ValidationError):
            case.set_status(CaseStatus.CLOSED, override=True)  # no reason
        assert case.record().status is CaseStatus.NEW
        case.set_status(CaseStatus.CLOSED, "Verzoeker trok het verzoek telefonisch in.", override=True)
        closed = case.events()[-1]
    assert closed.details["override"] is True
    assert "Webwinkel niet doorzocht" in closed.details["open"]
    assert closed.details["reason"] == "Verzoeker trok het verzoek telefonisch in."


def test_a_handler_who_is_not_a_privacy_officer_cannot_close_anyway(passphrase_desk, workspace_dir):
    from dsr_desk.desk import Desk
    from dsr_desk.errors import NotPermittedError

    demo_organisation(passphrase_desk)
    passphrase_desk.add_handler("Piet de Boer", role="handler", passphrase="Piet de Boer wachtwoord 2026")
    reference = make_case(passphrase_desk).reference
    passphrase_desk.close()
    piet = Desk.open(workspace_dir, handler="Piet de Boer", passphrase="Piet de Boer wachtwoord 2026")
    with piet, piet.open_case(reference) as case:
        assert not case.may_override_closing
        with pytest.raises(NotPermittedError, match="stappen openstaan"):
            case.set_status(CaseStatus.CLOSED, "Ingetrokken.", override=True)
        assert case.record().status is CaseStatus.NEW and _actions(case) == ["case.created"]


def test_a_system_added_to_the_register_reopens_the_search_step_in_the_list(organised):
    summary = make_case(organised)
    with organised.open_case(summary.reference) as case:
        for system in case.systems():
            case.record_search(system, searched=True, found="niets")
        case.record_letter(
            LetterKind.ACKNOWLEDGEMENT, "nl", case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
        )
    assert organised.list_cases()[0].progress.next_step is Step.DECIDE
    crm = RegisterEntry(id="crm", name="Relatiebeheer", purposes=("contact",), systems=("CRM",))
    organised.update_register((*organised.settings.register, crm))
    assert organised.list_cases()[0].progress.next_step is Step.SEARCH_SYSTEMS


def test_an_extension_needs_its_reasons_written_down(organised):
    summary = make_case(organised)
    with organised.open_case(summary.reference) as case:
        with pytest.raises(ValidationError) as refused:
            case.extend(ExtensionReason.COMPLEXITY, "  ")
        assert case.clock().facts.extension is None
    assert "reden" in refused.value.message()


def test_destroying_needs_a_reason(organised):
    summary = make_case(organised)
    with pytest.raises(ValidationError):
        organised.destroy_case(summary.reference, " ")
    assert [c.reference for c in organised.list_cases()] == [summary.reference]


def test_the_demo_goes_only_into_an_empty_workspace_and_leaves_a_profile_alone(desk):
    desk.update_profile(chamber_of_commerce="87654321")
    make_case(desk)
    with pytest.raises(DemoRefusedError) as refused:
        fill_with_demo_cases(desk, 3)
    assert "workspace-demo" in refused.value.message()
    assert len(desk.list_cases()) == 1 and not desk.settings.demo
    assert desk.settings.profile.signatory_name == ""


def test_a_demo_workspace_marks_its_letters(desk):
    from tests.support.letters import pdf_text

    fill_with_demo_cases(desk, 2)
    assert desk.settings.demo
    with desk.open_case(desk.list_cases()[0].reference) as case:
        text = pdf_text(case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl"))
    assert "VOORBEELD" in text


def test_the_profile_is_checked_before_it_prints_on_every_letter(desk):
    with pytest.raises(ValidationError) as refused:
        desk.update_profile(chamber_of_commerce="1234", email="sanne@", postcode_city="3511LX-Utrecht")
    assert refused.value.fields_with_problems() == {"chamber_of_commerce", "email", "postcode_city"}
    assert desk.settings.profile.chamber_of_commerce == ""
    desk.update_profile(
        chamber_of_commerce="1234 5678", email="sanne@example.nl", postcode_city="3511 LX Utrecht"
    )
    assert desk.settings.profile.email == "sanne@example.nl"
