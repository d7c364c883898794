"""The identity check on a real case: least intrusive first, and an ID copy that never outlives the check."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PIL import Image

from dsr_desk.documents.id_copy import masked_copy
from dsr_desk.errors import ValidationError
from dsr_desk.rules.clock import InformationNeeded
from dsr_desk.rules.id_templates import boxes_for
from dsr_desk.rules.identity import DocumentType, IdentityOutcome, Method, RequesterRole
from dsr_desk.rules.requests import CaseStatus, Channel
from tests.support.cases import close_anyway, make_case
from tests.support.raw_db import raw_connection


def _masked_png() -> bytes:
    image = Image.effect_noise((600, 380), 50).convert("RGB")
    return masked_copy(image, boxes_for("id_card_2014_front", 600, 380), "KOPIE — test — DSR-2026-0001")


def _copies_in_database(desk, reference) -> int:
    connection = raw_connection(desk.paths.case_file(reference), desk.case_key(reference))
    count = connection.execute("SELECT count(*) FROM id_copies").fetchone()[0]
    connection.close()
    return count


def _decrypted_bytes(desk, reference, tmp_path) -> bytes:
    """The whole case file decrypted into a plain SQLite copy (test data only), to search every byte."""
    plain = tmp_path / "plain.sqlite"
    connection = raw_connection(desk.paths.case_file(reference), desk.case_key(reference))
    connection.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    connection.execute("SELECT sqlcipher_export('plain')")
    connection.execute("DETACH DATABASE plain")
    connection.close()
    return plain.read_bytes()


def test_the_least_intrusive_path_a_known_address(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        proposed = case.assess_identity(
            role=RequesterRole.SELF,
            doubt=True,
            from_known_address=True,
            reasoning="Verzoek via het contactformulier, met ons bekende e-mailadres.",
        )
        assert proposed.method is Method.KNOWN_CHANNEL
        case.choose_identity_method(Method.KNOWN_CHANNEL)
        case.record_identity(
            IdentityOutcome.VERIFIED,
            method=Method.KNOWN_CHANNEL,
            reasoning="Bevestiging ontvangen vanaf het bekende adres.",
        )
        state = case.identity()
        actions = [e.action for e in case.events()]
    assert state.outcome is IdentityOutcome.VERIFIED and state.method is Method.KNOWN_CHANNEL
    assert actions[-3:] == ["identity.assessed", "identity.method_chosen", "identity.recorded"]


def test_no_doubt_means_no_check_but_the_reasoning_is_kept(desk):
    summary = make_case(desk, channel=Channel.IN_PERSON)
    with desk.open_case(summary.reference) as case:
        assert (
            case.assess_identity(
                role=RequesterRole.SELF,
                doubt=False,
                from_known_address=False,
                reasoning="Vaste klant, aan de balie herkend.",
            ).method
            is None
        )
        case.record_identity(IdentityOutcome.NOT_NEEDED, method=None, reasoning="Geen twijfel.")
        assert case.identity().outcome is IdentityOutcome.NOT_NEEDED


def test_the_verification_code_round_trip_and_the_clock_waits(desk, clock):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.assess_identity(
            role=RequesterRole.SELF, doubt=True, from_known_address=False, reasoning="Onbekend adres."
        )
        case.choose_identity_method(Method.VERIFICATION_CODE)
        code = case.issue_verification_code()
        assert case.record().status is CaseStatus.WAITING
        assert case.clock().facts.information_requests[0].what is InformationNeeded.IDENTITY
        assert not case.check_verification_code("ZZZZ-ZZZZ")
        assert case.check_verification_code(code.lower())
        case.record_identity(
            IdentityOutcome.VERIFIED, method=Method.VERIFICATION_CODE, reasoning="Code klopte."
        )
        assert case.record().status is CaseStatus.IN_PROGRESS
        assert code not in json.dumps([e.to_json() for e in case.events()])


def test_a_representative_must_show_proof(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case, pytest.raises(ValidationError):
        case.assess_identity(
            role=RequesterRole.REPRESENTATIVE, doubt=True, from_known_address=False, reasoning="x"
        )


def test_an_id_copy_needs_a_reason_and_is_deleted_when_the_check_is_recorded(desk, tmp_path):
    summary = make_case(desk, channel=Channel.POST)
    png = _masked_png()
    with desk.open_case(summary.reference) as case:
        case.assess_identity(
            role=RequesterRole.SELF, doubt=True, from_known_address=False, reasoning="Per post."
        )
        with pytest.raises(ValidationError):
            case.store_id_copy(png, DocumentType.ID_CARD_2014)  # the method was not chosen
        with pytest.raises(ValidationError):
            case.choose_identity_method(Method.ID_COPY, "kort")
        case.choose_identity_method(
            Method.ID_COPY, "Geen e-mail, geen klantgegevens om naar te vragen: alleen post."
        )
        copy_id = case.store_id_copy(png, DocumentType.ID_CARD_2014)
        assert case.id_copy_image(copy_id) == png
        assert _copies_in_database(desk, summary.reference) == 1
        case.record_identity(
            IdentityOutcome.VERIFIED,
            method=Method.ID_COPY,
            reasoning="Naam en geboortedatum kloppen.",
            document_type=DocumentType.ID_CARD_2014,
            warnings=("expired",),
        )
        events = case.events()
        assert case.identity().copies == ()
    assert _copies_in_database(desk, summary.reference) == 0
    everything = _decrypted_bytes(desk, summary.reference, tmp_path)
    assert b"\x89PNG" not in everything and png[200:260] not in everything
    recorded = next(e for e in events if e.action == "identity.recorded")
    assert recorded.details["document_type"] == "id_card_2014" and recorded.details["warnings"] == ["expired"]
    assert [e.action for e in events][-1] == "identity.copy_deleted"
    assert "999999990" not in json.dumps([e.to_json() for e in events])


def test_a_configured_retention_keeps_the_copy_at_most_that_many_days(desk, clock):
    desk.update_identity_settings(id_copy_keep_days=3)
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.assess_identity(role=RequesterRole.SELF, doubt=True, from_known_address=False, reasoning="x")
        case.choose_identity_method(
            Method.ID_COPY, "Alleen per post bereikbaar, geen andere gegevens bekend."
        )
        case.store_id_copy(_masked_png(), DocumentType.PASSPORT_2014)
        case.record_identity(IdentityOutcome.VERIFIED, method=Method.ID_COPY, reasoning="Klopt.")
        assert len(case.identity().copies) == 1
    clock.advance(days=3, minutes=1)
    with desk.open_case(summary.reference) as case:  # opening sweeps what is due
        assert case.identity().copies == ()


def test_closing_the_case_deletes_a_copy_that_was_never_used(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.assess_identity(role=RequesterRole.SELF, doubt=True, from_known_address=False, reasoning="x")
        case.choose_identity_method(
            Method.ID_COPY, "Alleen per post bereikbaar, geen andere gegevens bekend."
        )
        case.store_id_copy(_masked_png(), DocumentType.ID_CARD_2021)
        close_anyway(case)
        assert case.identity().copies == ()


def test_a_dated_outcome_names_the_day(desk, clock):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.record_identity(IdentityOutcome.NOT_NEEDED, method=None, reasoning="Bekende klant.")
        recorded = case.events()[-1]
    assert recorded.details["verified_on"] == dt.date(2026, 11, 20).isoformat()
