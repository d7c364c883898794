"""A case's path as the rules judge it: which steps there are, which are done, and what comes next."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dsr_desk.rules.letters import Decision, LetterKind, Outcome
from dsr_desk.rules.requests import CaseStatus, RequestType
from dsr_desk.rules.workflow import CaseProgress, Step, WorkflowFacts, workflow

ACCESS, ERASURE = RequestType.ACCESS, RequestType.ERASURE
SYSTEMS = ("Webwinkel", "Mailbox")


def facts(**changes) -> WorkflowFacts:
    base = WorkflowFacts(status=CaseStatus.NEW, types=(ACCESS,), systems=SYSTEMS)
    return replace(base, **changes)


def codes(path) -> list[str]:
    return [step.code.value for step in path.steps]


def sent(*kinds: LetterKind) -> frozenset[str]:
    return frozenset(kind.value for kind in kinds)


def test_a_new_access_request_starts_with_the_acknowledgement():
    path = workflow(facts())
    assert codes(path) == ["acknowledge", "search_systems", "decide", "export", "respond", "close"]
    assert path.next.code is Step.ACKNOWLEDGE
    assert path.next.text("nl") == "Ontvangst bevestigen"


def test_identity_is_a_step_only_where_it_is_needed():
    assert "verify_identity" not in codes(workflow(facts()))
    waiting = workflow(facts(identity_needed=True, waiting_since=dt.date(2026, 11, 3)))
    step = next(s for s in waiting.steps if s.code is Step.VERIFY_IDENTITY)
    assert not step.done and step.text("nl") == "Wacht op de verzoeker (gevraagd op 3 november 2026)"
    settled = workflow(facts(identity_needed=True, identity_settled=True))
    assert next(s for s in settled.steps if s.code is Step.VERIFY_IDENTITY).done


def test_the_search_step_names_each_system_not_yet_searched():
    path = workflow(facts(letters_sent=sent(LetterKind.ACKNOWLEDGEMENT), handled_systems={"Mailbox"}))
    assert path.next.code is Step.SEARCH_SYSTEMS
    assert path.next.text("nl") == "Nog doorzoeken: Webwinkel"
    assert path.open_texts("nl")[0] == "Webwinkel niet doorzocht"


def test_one_decision_per_request_type_then_the_recipients_of_an_erasure():
    decided = {ACCESS: Decision(ACCESS, Outcome.DONE, what="kopie")}
    path = workflow(
        facts(
            types=(ACCESS, ERASURE),
            letters_sent=sent(LetterKind.ACKNOWLEDGEMENT),
            handled_systems=frozenset(SYSTEMS),
            decisions=decided,
        )
    )
    decide = [s for s in path.steps if s.code is Step.DECIDE]
    assert [(s.request_type, s.done) for s in decide] == [(ACCESS, True), (ERASURE, False)]
    assert path.next.text("nl") == "Besluiten over verwijdering"
    assert decide[0].text("nl") == "Besluit over inzage: ingewilligd"
    assert "notify_recipients" in codes(path)


def test_a_refused_erasure_needs_no_recipients_and_is_answered_by_the_refusal():
    refused = {ERASURE: Decision(ERASURE, Outcome.REFUSED, ground="12(5)", explanation="herhaald")}
    path = workflow(
        facts(
            status=CaseStatus.IN_PROGRESS,
            types=(ERASURE,),
            letters_sent=sent(LetterKind.ACKNOWLEDGEMENT),
            handled_systems=frozenset(SYSTEMS),
            decisions=refused,
        )
    )
    assert "notify_recipients" not in codes(path)
    assert path.next.code is Step.RESPOND
    assert path.next.text("nl") == "Antwoord versturen: weigering"


def test_all_decided_and_answered_is_ready_to_close_but_not_closed():
    answered = facts(
        status=CaseStatus.IN_PROGRESS,
        letters_sent=sent(LetterKind.ACKNOWLEDGEMENT, LetterKind.ACCESS_RESPONSE, LetterKind.EXPORT_COVER),
        handled_systems=frozenset(SYSTEMS),
        decisions={ACCESS: Decision(ACCESS, Outcome.DONE, what="kopie")},
        exported=True,
        items_in_answer=3,
    )
    path = workflow(answered)
    assert path.ready_to_close and path.next.code is Step.CLOSE
    assert path.open_texts() == []
    assert path.progress() == CaseProgress(True, Step.CLOSE, None)
    closed = workflow(replace(answered, status=CaseStatus.CLOSED, closed_on=dt.date(2026, 11, 27)))
    assert closed.next.code is Step.ARCHIVE
    assert (
        next(s for s in closed.steps if s.code is Step.CLOSE).text("nl") == "Afgesloten op 27 november 2026"
    )
    archived = workflow(replace(answered, status=CaseStatus.CLOSED, archived_since_closing=True))
    assert archived.next is None and archived.to_json()["next"] is None


def test_nothing_found_needs_no_export_and_an_answer_without_the_acknowledgement_is_fine():
    path = workflow(
        facts(
            status=CaseStatus.IN_PROGRESS,
            letters_sent=sent(LetterKind.ACCESS_RESPONSE),
            handled_systems=frozenset(SYSTEMS),
            decisions={ACCESS: Decision(ACCESS, Outcome.DONE, what="geen gegevens")},
        )
    )
    assert [s.done for s in path.steps if s.code in (Step.ACKNOWLEDGE, Step.EXPORT)] == [True, True]
    assert path.ready_to_close


def test_an_export_wants_its_cover_letter():
    path = workflow(
        facts(
            status=CaseStatus.IN_PROGRESS,
            letters_sent=sent(LetterKind.ACKNOWLEDGEMENT, LetterKind.ACCESS_RESPONSE),
            handled_systems=frozenset(SYSTEMS),
            decisions={ACCESS: Decision(ACCESS, Outcome.DONE, what="kopie")},
            exported=True,
        )
    )
    assert path.next.code is Step.RESPOND
    assert path.next.text("en") == "Send the answer: cover letter for a data export"


def test_the_json_form_is_the_command_line_contract():
    data = workflow(facts()).to_json("en")
    assert data["next"] == "acknowledge"
    assert data["steps"][0] == {"code": "acknowledge", "done": False, "text": "Acknowledge receipt"}
    assert all(set(step) == {"code", "done", "text"} for step in data["steps"])


def test_progress_round_trips_through_the_index_form():
    progress = CaseProgress(True, Step.DECIDE, ERASURE)
    assert CaseProgress.from_json(progress.to_json()) == progress
    assert progress.label("nl") == "Besluiten: verwijdering"
    assert CaseProgress.from_json({}) == CaseProgress() and CaseProgress().label() == ""


def test_a_case_closed_with_steps_open_has_only_its_archive_left():
    closed = workflow(facts(status=CaseStatus.CLOSED, closed_on=dt.date(2026, 11, 20)))
    assert closed.next.code is Step.ARCHIVE
    assert not next(s for s in closed.steps if s.code is Step.ACKNOWLEDGE).done  # still shown as not done


def test_a_forwarded_part_needs_no_decision_here_only_the_forwarding_notice():
    part = facts(
        status=CaseStatus.IN_PROGRESS,
        types=(ACCESS, ERASURE),
        forwarded=(ERASURE,),
        letters_sent=sent(LetterKind.ACKNOWLEDGEMENT),
        handled_systems=frozenset(SYSTEMS),
        decisions={ACCESS: Decision(ACCESS, Outcome.DONE, what="kopie")},
        exported=True,
    )
    path = workflow(part)
    assert [s.request_type for s in path.steps if s.code is Step.DECIDE] == [ACCESS]
    assert "notify_recipients" not in codes(path)
    assert path.next.code is Step.RESPOND
    assert path.next.text("nl").startswith(
        "Antwoord versturen: doorgestuurd aan verwerkingsverantwoordelijke"
    )
    whole = workflow(facts(status=CaseStatus.FORWARDED, forwarded=(ACCESS,), closed_on=dt.date(2026, 11, 5)))
    assert codes(whole) == ["acknowledge", "respond", "close", "archive"]
    assert whole.next.code is Step.ARCHIVE
    close = next(s for s in whole.steps if s.code is Step.CLOSE)
    assert close.text("nl") == "Doorgestuurd naar de verwerkingsverantwoordelijke op 5 november 2026"


def test_no_data_about_the_person_needs_no_export():
    path = workflow(
        facts(
            status=CaseStatus.IN_PROGRESS,
            letters_sent=sent(LetterKind.ACKNOWLEDGEMENT),
            handled_systems=frozenset(SYSTEMS),
            decisions={ACCESS: Decision(ACCESS, Outcome.DONE, what="geen gegevens")},
            items_in_answer=4,
            processes_data=False,
        )
    )
    assert "export" not in codes(path) and path.next.code is Step.RESPOND


def test_an_automated_decision_is_answered_by_its_own_letter_and_portability_by_either():
    decided = {
        RequestType.AUTOMATED_DECISION: Decision(
            RequestType.AUTOMATED_DECISION, Outcome.DONE, what="herzien"
        ),
        RequestType.PORTABILITY: Decision(RequestType.PORTABILITY, Outcome.DONE, what="verstuurd"),
    }
    base = facts(
        status=CaseStatus.IN_PROGRESS,
        types=(RequestType.AUTOMATED_DECISION, RequestType.PORTABILITY),
        letters_sent=sent(LetterKind.ACKNOWLEDGEMENT),
        handled_systems=frozenset(SYSTEMS),
        decisions=decided,
        items_in_answer=0,
    )
    assert workflow(base).next.fields["letters"] == (
        LetterKind.AUTOMATED_DECISION_RESPONSE,
        LetterKind.EXPORT_COVER,
    )
    done = replace(
        base, letters_sent=sent(LetterKind.AUTOMATED_DECISION_RESPONSE, LetterKind.DIRECT_TRANSMISSION)
    )
    assert workflow(done).ready_to_close
