"""The guided identity check, walked as a handler would: the least intrusive path, and the ID-copy path."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QDir, QPointF, Qt

from dsr_desk.documents.ocr import tesseract_available
from dsr_desk.rules.identity import IdentityOutcome, Method
from dsr_desk.rules.requests import Channel
from tests.rules.test_bsn_and_mrz import NL_ID_CARD_2014
from tests.support.cards import MRZ, specimen_card_back
from tests.support.cases import make_case
from tests.support.raw_db import raw_connection


def _wizard(qtbot, window, desk, **fields):
    summary = make_case(desk, **fields)
    window.refresh_cases()
    window.select_case(summary.reference)
    qtbot.waitUntil(lambda: window.case_view.case is not None)
    wizard = window.case_view.check_identity()
    qtbot.waitUntil(wizard.isVisible)
    return summary, wizard


def _next(qtbot, wizard):
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)


def test_the_least_intrusive_path_a_known_e_mail_address(qtbot, window, desk):
    summary, wizard = _wizard(qtbot, window, desk)
    wizard.who.known.setChecked(True)
    wizard.who.reasoning.setPlainText("Verzoek kwam via het klantaccount.")
    _next(qtbot, wizard)
    assert wizard.stack.currentWidget() is wizard.methods
    assert wizard.methods.method() is Method.KNOWN_CHANNEL  # proposed, already selected
    assert "minst ingrijpend" in wizard.methods.proposal.text()
    assert not wizard.methods.methods["id_copy"].isEnabled()  # the last resort needs a written reason first
    _next(qtbot, wizard)
    wizard.check.known.setChecked(True)
    _next(qtbot, wizard)
    assert wizard.outcome.outcome() is IdentityOutcome.VERIFIED
    assert "bekende e-mailadres" in wizard.outcome.reasoning.toPlainText()
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert "Identiteit vastgesteld via Bevestiging via bekend e-mailadres" in window.case_view.identity.text()
    with desk.open_case(summary.reference) as case:
        assert case.identity().outcome is IdentityOutcome.VERIFIED


def test_no_doubt_goes_straight_to_the_outcome(qtbot, window, desk):
    _summary, wizard = _wizard(qtbot, window, desk, channel=Channel.IN_PERSON)
    wizard.who.doubt["no"].setChecked(True)
    wizard.who.reasoning.setPlainText("Vaste klant, aan de balie herkend.")
    _next(qtbot, wizard)
    assert wizard.stack.currentWidget() is wizard.outcome
    assert wizard.outcome.outcome() is IdentityOutcome.NOT_NEEDED
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.isVisible())


def test_the_id_copy_path_masks_stores_and_deletes(qtbot, window, desk, own_temp_folder):
    summary, wizard = _wizard(qtbot, window, desk, channel=Channel.POST)
    assert Path(tempfile.gettempdir()) == Path(QDir.tempPath()) == own_temp_folder
    temp_before = set(own_temp_folder.iterdir())
    wizard.who.reasoning.setPlainText("Brief zonder klantnummer, afzender onbekend.")
    _next(qtbot, wizard)
    assert wizard.methods.method() is Method.QUESTIONS  # what is proposed for post
    wizard.methods.copy_reason.setPlainText(
        "Geen klantgegevens om naar te vragen en geen e-mailadres bekend."
    )
    assert wizard.methods.methods["id_copy"].isEnabled()
    wizard.methods.methods["id_copy"].setChecked(True)
    _next(qtbot, wizard)
    page = wizard.check.copy_page
    scan = io.BytesIO()
    Image.effect_noise((1011, 638), 60).convert("RGB").save(scan, "JPEG")
    page.load_bytes(scan.getvalue())
    assert len(page.editor.boxes) == 2  # the template's photo and BSN boxes
    # Draw one more box by dragging over the image.
    viewport = page.editor.viewport()
    start = page.editor.mapFromScene(QPointF(700, 100))
    end = page.editor.mapFromScene(QPointF(900, 200))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert len(page.editor.boxes) == 3
    page.mrz.setPlainText("\n".join(NL_ID_CARD_2014))
    page.read_mrz()
    assert "BSN" in page.mrz_result.text() and "verlopen" in page.mrz_result.text()
    assert page.store()
    with desk.open_case(summary.reference) as case:
        [copy_id] = case.identity().copies
        stored = Image.open(io.BytesIO(case.id_copy_image(copy_id)))
        assert stored.size == (1011, 638)
    _next(qtbot, wizard)
    assert "Het document is verlopen." in wizard.outcome.warnings.text()
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    connection = raw_connection(desk.paths.case_file(summary.reference), desk.case_key(summary.reference))
    assert connection.execute("SELECT count(*) FROM id_copies").fetchone()[0] == 0
    connection.close()
    with desk.open_case(summary.reference) as case:
        recorded = next(e for e in case.events() if e.action == "identity.recorded")
    assert recorded.details["warnings"] == ["expired"] and recorded.details["document_type"] == "id_card_2014"
    assert set(own_temp_folder.iterdir()) == temp_before


def test_a_bad_scan_is_refused_with_a_message(qtbot, window, desk):
    _summary, wizard = _wizard(qtbot, window, desk, channel=Channel.POST)
    wizard.who.reasoning.setPlainText("x")
    _next(qtbot, wizard)
    wizard.methods.copy_reason.setPlainText("Geen andere gegevens bekend, alleen een postadres.")
    wizard.methods.methods["id_copy"].setChecked(True)
    _next(qtbot, wizard)
    wizard.check.copy_page.load_bytes(b"this is not a scan")
    assert "geen afbeelding" in wizard.banner.text()
    assert wizard.check.copy_page.editor.image is None


def test_not_verified_offers_the_identity_request_letter(qtbot, window, desk):
    from dsr_desk.desk.demo import demo_organisation
    from dsr_desk.gui.letter_dialog import LetterDialog

    demo_organisation(desk)
    _summary, wizard = _wizard(qtbot, window, desk)
    wizard.who.reasoning.setPlainText("Onbekend adres.")
    _next(qtbot, wizard)
    _next(qtbot, wizard)  # the verification code
    _next(qtbot, wizard)
    wizard.outcome.outcomes["not_verified"].setChecked(True)
    wizard.outcome.reasoning.setPlainText("Code niet teruggekomen.")
    _next(qtbot, wizard)
    letter = window.case_view.findChild(LetterDialog)
    qtbot.waitUntil(lambda: letter is not None and letter.isVisible())
    assert letter.current_kind().value == "identity_request"


def test_ocr_runs_in_the_background_and_boxes_the_mrz(qtbot, window, desk):
    if not tesseract_available():
        pytest.skip("no Tesseract (make test installs it)")
    _summary, wizard = _wizard(qtbot, window, desk, channel=Channel.POST)
    wizard.who.reasoning.setPlainText("Brief zonder klantnummer, afzender onbekend.")
    _next(qtbot, wizard)
    wizard.methods.copy_reason.setPlainText(
        "Geen klantgegevens om naar te vragen en geen e-mailadres bekend."
    )
    wizard.methods.methods["id_copy"].setChecked(True)
    _next(qtbot, wizard)
    page = wizard.check.copy_page
    scan = io.BytesIO()
    specimen_card_back().save(scan, "PNG")
    page.load_bytes(scan.getvalue())
    boxes_before = len(page.editor.boxes)
    task = page.run_ocr()
    assert task.dialog.isVisible()  # the window waits behind a progress dialog, it does not freeze
    with qtbot.waitSignal(task.succeeded, timeout=30000):
        pass
    assert len(page.editor.boxes) > boxes_before
    assert page.mrz.toPlainText().splitlines() == list(MRZ)


def test_the_check_starts_from_who_asks_for_whom(qtbot, window, desk):
    from dsr_desk.gui.identity.wizard import IdentityWizard
    from dsr_desk.rules.representation import Relation
    from dsr_desk.rules.requests import RequestType

    summary = desk.new_case(
        name="Mr. A. Bakker",
        email="a.bakker@advocaat.example",
        received=desk.today(),
        types=[RequestType.ACCESS],
        for_person="Jan Jansen",  # the person the organisation (a debt counsellor) acts for
        relation=Relation.ORGANISATION,
    )
    with desk.open_case(summary.reference) as case:
        wizard = IdentityWizard(case, "Bakkerij De Vries", window)
        assert wizard.who.role().value == "organisation" and wizard.who.proof.isEnabled()
        wizard.reject()
