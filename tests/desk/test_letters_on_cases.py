"""Letters made from a real case and kept in its case file, with the event that says they were sent."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.errors import LetterIncompleteError, ValidationError
from dsr_desk.rules.clock import ExtensionReason
from dsr_desk.rules.letters import LetterKind, Outcome
from dsr_desk.rules.requests import RequestType
from tests.support.cases import make_case
from tests.support.letters import pdf_text


@pytest.fixture
def organised(desk):
    demo_organisation(desk)
    return desk


def test_a_letter_is_stored_in_the_case_with_its_hash(organised):
    summary = make_case(organised, name="Fleur de Wit")
    with organised.open_case(summary.reference) as case:
        pdf = case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
        document_id = case.record_letter(LetterKind.ACKNOWLEDGEMENT, "nl", pdf, "email")
        [sent] = case.letters()
        event = case.events()[-1]
        assert case.letter_pdf(document_id) == pdf
    assert "Fleur de Wit" in pdf_text(pdf) and summary.reference in pdf_text(pdf)
    assert sent.kind == "acknowledgement" and sent.channel == "email" and sent.sent_on == "2026-11-20"
    assert event.action == "letter.sent"
    assert event.details["sha256"] == hashlib.sha256(pdf).hexdigest() == sent.sha256
    assert event.details["language"] == "nl"


def test_the_extension_letter_is_the_notice_the_law_asks_for(organised):
    summary = make_case(organised)
    with organised.open_case(summary.reference) as case:
        with pytest.raises(LetterIncompleteError):
            case.make_letter(LetterKind.EXTENSION, "nl")  # no extension recorded yet
        case.extend(ExtensionReason.COMPLEXITY, "Vijf systemen.")
        case.record_letter(LetterKind.EXTENSION, "en", case.make_letter(LetterKind.EXTENSION, "en"))
        clock = case.clock()
    assert clock.facts.extension.notified_on == dt.date(2026, 11, 20)
    assert not clock.extension_notice_late


def test_answers_and_decisions_are_recorded_with_before_and_after(organised):
    summary = make_case(organised, types=(RequestType.ACCESS, RequestType.ERASURE))
    with organised.open_case(summary.reference) as case:
        case.set_answers(register_entries="klanten, nieuwsbrief", enclosed="uw klantgegevens (bijlage)")
        case.set_answers(enclosed="uw klantgegevens en bestellingen (bijlage)")
        case.record_decision(
            RequestType.ERASURE,
            Outcome.PARTLY,
            what="uw account",
            ground="17(3)(b)",
            explanation="Facturen: 7 jaar (art. 52 AWR).",
            recipients_informed=["Mailchimp"],
        )
        events = case.events()
        inputs = case.letter_inputs()
        with pytest.raises(ValidationError):
            case.record_decision(RequestType.OBJECTION, Outcome.DONE)  # nothing was asked about objection
        text = pdf_text(case.make_letter(LetterKind.ERASURE_CONFIRMATION, "nl"))
    assert inputs.register_entries == ("klanten", "nieuwsbrief")
    assert events[-2].details == {
        "enclosed": {
            "before": "uw klantgegevens (bijlage)",
            "after": "uw klantgegevens en bestellingen (bijlage)",
        }
    }
    assert events[-1].action == "decision.recorded" and events[-1].details["ground"] == "17(3)(b)"
    flat = " ".join(text.split())
    assert "artikel 17 lid 3 onder b AVG" in flat and "Mailchimp" in flat


def test_a_letter_needs_the_organisation_profile_first(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case, pytest.raises(LetterIncompleteError) as raised:
        case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
    assert "Instellingen → Organisatie" in raised.value.message("nl")


def test_the_logo_is_checked_and_printed(organised, tmp_path):
    import io

    from PIL import Image

    from dsr_desk.errors import ImageRefusedError

    buffer = io.BytesIO()
    Image.new("RGB", (400, 120), "#1f5f8b").save(buffer, "PNG")
    organised.set_logo(buffer.getvalue())
    summary = make_case(organised)
    with organised.open_case(summary.reference) as case:
        pdf = case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
    assert b"/Subtype /Image" in pdf
    with pytest.raises(ImageRefusedError):
        organised.set_logo(b"this is no image")
    assert organised.logo() is not None  # the old logo is kept
