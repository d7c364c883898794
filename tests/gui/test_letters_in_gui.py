"""Letters as a handler makes them: pick the kind, fill in what it needs, check the preview, save or print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.gui.pdf_output import print_pdf
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.requests import RequestType
from tests.support.cases import make_case
from tests.support.letters import pdf_text


def _open_letter_dialog(qtbot, window, desk, **case_fields):
    demo_organisation(desk)
    summary = make_case(desk, **case_fields)
    window.refresh_cases()
    window.select_case(summary.reference)
    qtbot.waitUntil(lambda: window.case_view.case is not None)
    dialog = window.case_view.letters_panel.make_letter()
    qtbot.waitUntil(dialog.isVisible)
    _rendered(qtbot, dialog)
    return summary, dialog


def _rendered(qtbot, dialog) -> None:
    """Letters are laid out off the window's thread: wait for the preview."""
    qtbot.waitUntil(lambda: dialog.rendering is None, timeout=20000)


def test_the_acknowledgement_previews_and_is_kept_when_saved(qtbot, window, desk, tmp_path, monkeypatch):
    _summary, dialog = _open_letter_dialog(qtbot, window, desk, name="Ζωή Παπαδοπούλου")
    assert dialog.current_kind() is LetterKind.ACKNOWLEDGEMENT  # suggested first: nothing was sent yet
    assert dialog.pdf is not None and dialog.view.document().pageCount() >= 1
    assert dialog.save_button.isEnabled()
    target = tmp_path / "ontvangst.pdf"
    # A native file dialog cannot be driven offscreen; the answer it would give is supplied here.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(dialog.recorded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == dialog.pdf
    assert "Ζωή Παπαδοπούλου" in pdf_text(target.read_bytes())
    dialog.reject()
    panel = window.case_view.letters_panel
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert "Ontvangstbevestiging" in panel.list.item(0).text() and "post" in panel.list.item(0).text()
    viewer = panel.open_letter(panel.list.item(0).data(Qt.ItemDataRole.UserRole))
    assert viewer.document.pageCount() >= 1


def test_an_incomplete_letter_says_what_is_missing_and_cannot_be_sent(qtbot, window, desk):
    _summary, dialog = _open_letter_dialog(qtbot, window, desk)
    dialog.select_kind(LetterKind.REFUSAL)
    _rendered(qtbot, dialog)
    assert dialog.pdf is None
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert "redenen van de weigering" in dialog.banner.text()
    dialog.form._widgets["refusal_article"].setCurrentIndex(2)  # 12(5)
    dialog.form._widgets["refusal_reasons"].setPlainText("Vierde gelijke verzoek dit jaar.")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    _rendered(qtbot, dialog)
    assert dialog.pdf is None and "ongegrond of juist buitensporig" in dialog.banner.text()  # choose one
    ground = dialog.form._widgets["refusal_ground"]
    ground.setCurrentIndex(ground.findData("excessive"))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    _rendered(qtbot, dialog)
    text = " ".join(pdf_text(dialog.pdf).split()) if dialog.pdf else ""
    assert "buitensporig (artikel 12 lid 5 AVG)" in text and "ongegrond" not in text
    assert not dialog.banner.isVisible()


def test_an_access_response_is_filled_from_the_register(qtbot, window, desk):
    summary, dialog = _open_letter_dialog(qtbot, window, desk, types=(RequestType.ACCESS,))
    dialog.select_kind(LetterKind.ACCESS_RESPONSE)
    _rendered(qtbot, dialog)
    entries = dialog.form._widgets["register_entries"]
    assert [entries.item(i).text() for i in range(entries.count())] == [
        "Klantenadministratie",
        "Nieuwsbrief",
        "Klantenservice",
        "Webwinkels voor andere bakkers",
    ]
    entries.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.form._widgets["enclosed"].setPlainText("uw klantgegevens (bijlage)")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    _rendered(qtbot, dialog)
    text = pdf_text(dialog.pdf)
    assert "Klantenadministratie" in text and "art. 52 AWR" in text and "Nieuwsbrief" not in text
    with desk.open_case(summary.reference) as case:
        assert case.letter_inputs().register_entries == ("klanten",)


def test_an_erasure_decision_is_recorded_from_the_letter_form(qtbot, window, desk):
    summary, dialog = _open_letter_dialog(qtbot, window, desk, types=(RequestType.ERASURE,))
    dialog.select_kind(LetterKind.ERASURE_CONFIRMATION)
    _rendered(qtbot, dialog)
    decision = dialog.form.decision
    decision["outcome"].setCurrentIndex(decision["outcome"].findData("partly"))
    decision["what"].setPlainText("uw account")
    decision["ground"].setCurrentIndex(decision["ground"].findData("17(3)(b)"))
    decision["explanation"].setPlainText("Facturen bewaren wij 7 jaar.")
    decision["no_recipients"].setChecked(True)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    _rendered(qtbot, dialog)
    assert dialog.pdf is not None and "artikel 17 lid 3 onder b AVG" in " ".join(pdf_text(dialog.pdf).split())
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)  # unchanged: no second event
    _rendered(qtbot, dialog)
    with desk.open_case(summary.reference) as case:
        assert [e.action for e in case.events()].count("decision.recorded") == 1


def test_a_withdrawal_of_consent_cannot_be_chosen_as_refused(qtbot, window, desk):
    _summary, dialog = _open_letter_dialog(qtbot, window, desk, types=(RequestType.WITHDRAW_CONSENT,))
    dialog.select_kind(LetterKind.CONSENT_WITHDRAWAL_CONFIRMATION)
    _rendered(qtbot, dialog)
    outcome = dialog.form.decision["outcome"]
    assert outcome.findData("refused") == -1 and outcome.findData("partly") >= 0
    ground = dialog.form.decision["ground"]
    assert ground.findData("6(1)(c)") >= 0 and not ground.isEditable()  # words, never a typed code


def test_printing_draws_every_page(qtbot, tmp_path):
    from tests.support.letters import facts, letter_pdf

    pdf = letter_pdf(facts(LetterKind.ACCESS_RESPONSE))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(pdf, printer) == 2
    from io import BytesIO

    from pypdf import PdfReader

    assert len(PdfReader(BytesIO(Path(tmp_path / "printed.pdf").read_bytes())).pages) == 2


def test_the_organisation_and_register_tabs_save(qtbot, window, desk):
    dialog = window.show_settings()
    dialog.organisation_tab.fields["email"].setText("privacy@bakkerij.example")
    dialog.organisation_tab.fields["signatory_name"].setText("Petra Jansen")
    register = dialog.register_tab
    register.add_entry()
    register.name.setText("Personeelsdossiers")
    register.editors["purposes"].setPlainText("salarisadministratie\nverzuim")
    register.editors["retention"].setPlainText("7 jaar na uitdiensttreding")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert desk.settings.profile.email == "privacy@bakkerij.example"
    [entry] = desk.settings.register
    assert entry.name == "Personeelsdossiers" and entry.purposes == ("salarisadministratie", "verzuim")
    assert entry.retention == "7 jaar na uitdiensttreding"


def test_the_register_tab_keeps_english_texts_and_the_new_marks(qtbot, window, desk):
    demo_organisation(desk)
    dialog = window.show_settings()
    register = dialog.register_tab
    register.list.setCurrentRow(1)  # Nieuwsbrief
    assert register.direct_marketing.isChecked() and register.transfer_basis.currentData() == "45"
    register.language.setCurrentIndex(register.language.findData("en"))
    assert register.name.text() == "Newsletter" and not register.editors["systems"].isEnabled()
    register.editors["retention"].setPlainText("until you unsubscribe; deleted within 30 days")
    register.language.setCurrentIndex(register.language.findData("nl"))
    assert register.name.text() == "Nieuwsbrief"
    register.significant_effects.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    entry = next(e for e in desk.settings.register if e.id == "nieuwsbrief")
    assert entry.en["retention"] == "until you unsubscribe; deleted within 30 days"
    assert entry.en["name"] == "Newsletter" and entry.significant_effects and entry.direct_marketing
    assert entry.retention.startswith("tot u zich afmeldt")  # the Dutch text untouched
