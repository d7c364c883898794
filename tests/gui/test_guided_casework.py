"""An e-mailed access request from intake to archive, by following the next-step button only; and the
guards that keep a handler from closing, extending or destroying by accident."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.gui.data_dialogs import AddDataDialog, SearchDialog
from dsr_desk.gui.decision_dialogs import CloseDialog, DecisionDialog
from dsr_desk.gui.letter_dialog import LetterDialog
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.requests import CaseStatus, RequestType
from dsr_desk.rules.workflow import Step
from tests.support.cases import make_case


def _step(window) -> Step | None:
    step = window.case_view.next_step.step
    return step.code if step else None


def _rendered(qtbot, dialog: LetterDialog) -> None:
    """Letters are laid out off the window's thread: wait for the preview."""
    qtbot.waitUntil(lambda: dialog.rendering is None, timeout=20000)


def _save_letter(qtbot, dialog: LetterDialog) -> None:
    _rendered(qtbot, dialog)
    assert dialog.pdf is not None, dialog.banner.text()
    with qtbot.waitSignal(dialog.recorded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.reject()


def test_an_emailed_access_request_from_intake_to_archive_by_the_next_step_button(
    qtbot, window, desk, tmp_path, monkeypatch
):
    demo_organisation(desk)
    saved = iter(
        tmp_path / name for name in ("ontvangst.pdf", "begeleidend.pdf", "antwoord.pdf", "archief.zip")
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(next(saved)), ""))
    new = window.show_new_case_dialog()
    new.name.setText("Marieke de Jong")
    qtbot.keyClicks(new.email, "marieke@example.nl")
    new.type_boxes[RequestType.ACCESS].setChecked(True)
    with qtbot.waitSignal(new.created):
        qtbot.mouseClick(new.register_button, Qt.MouseButton.LeftButton)
    view = window.case_view
    assert _step(window) is Step.ACKNOWLEDGE
    assert view.next_step.button.text() == "Ontvangstbevestiging maken…"
    assert view.next_step.button.hasFocus()  # Enter would do it

    letter = window.run_next_step()
    assert letter.current_kind() is LetterKind.ACKNOWLEDGEMENT and letter.channel.currentData() == "email"
    _save_letter(qtbot, letter)
    assert view.status.text() == "In behandeling"  # moved by itself, and the log says why
    assert "vanzelf" in view.audit_model.index(0, 3).data()

    while _step(window) is Step.SEARCH_SYSTEMS:
        search = window.run_next_step()
        assert isinstance(search, SearchDialog)
        search.found.setText("een klantaccount")
        with qtbot.waitSignal(search.accepted):
            qtbot.mouseClick(search.ok_button, Qt.MouseButton.LeftButton)
    adding = view.data_panel.add_text()
    assert isinstance(adding, AddDataDialog)
    adding.system.setCurrentText("Webwinkel")
    adding.category.setCurrentText("Klantgegevens")
    adding.text.setPlainText("Klant sinds 2021, 3 bestellingen.")
    adding.ok_button.click()
    qtbot.waitUntil(lambda: view.data_panel.model.rowCount() == 1)

    assert _step(window) is Step.DECIDE
    decision = window.run_next_step()
    assert isinstance(decision, DecisionDialog)
    assert "no_recipients" not in decision.decision.widgets  # Art. 19 is not about access
    decision.decision.widgets["what"].setPlainText("een kopie van uw gegevens")
    qtbot.mouseClick(decision.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _step(window) is Step.EXPORT)

    export = window.run_next_step()
    export.start(tmp_path / "export.zip")
    qtbot.waitUntil(lambda: export.password_dialog is not None, timeout=20000)
    export.password_dialog.noted.setChecked(True)
    export.password_dialog.done_button.click()
    qtbot.waitUntil(lambda: _open_letter(view, LetterKind.EXPORT_COVER) is not None)
    _save_letter(qtbot, _open_letter(view, LetterKind.EXPORT_COVER))

    assert _step(window) is Step.RESPOND
    answer = window.run_next_step()
    assert answer.current_kind() is LetterKind.ACCESS_RESPONSE
    entries = answer.form._widgets["register_entries"]
    entries.item(0).setCheckState(Qt.CheckState.Checked)
    answer.form._widgets["enclosed"].setPlainText("een kopie van uw klantgegevens (versleuteld bestand)")
    _rendered(qtbot, answer)
    qtbot.mouseClick(answer.preview_button, Qt.MouseButton.LeftButton)
    _save_letter(qtbot, answer)

    assert _step(window) is Step.CLOSE and "klaar om af te sluiten" in view.next_step.text.text()
    close = window.run_next_step()
    assert isinstance(close, CloseDialog) and not close.open_steps
    qtbot.mouseClick(close.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _step(window) is Step.ARCHIVE)
    task = window.run_next_step()
    qtbot.waitUntil(lambda: _step(window) is None, timeout=20000)
    assert task is not None and (tmp_path / "archief.zip").exists()
    assert view.next_step.button.isHidden() and "gearchiveerd" in view.next_step.text.text()
    assert desk.list_cases()[0].status is CaseStatus.CLOSED


def _open_letter(view, kind: LetterKind) -> LetterDialog | None:
    return next(
        (
            d
            for d in view.letters_panel.findChildren(LetterDialog)
            if d.isVisible() and d.current_kind() is kind
        ),
        None,
    )


def test_closing_with_open_steps_names_them_and_an_override_needs_a_reason(qtbot, window, desk):
    demo_organisation(desk)
    summary = make_case(desk)
    window.refresh_cases()
    window.select_case(summary.reference)
    dialog = window.case_view.ask_close()
    assert "Webwinkel niet doorzocht" in "\n".join(dialog.open_steps)
    assert dialog.ok_button.text() == "Toch afsluiten"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "reden" in dialog.banner.text()
    assert desk.list_cases()[0].status is CaseStatus.NEW
    dialog.reason.setPlainText("Verzoeker heeft het verzoek ingetrokken.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.list_cases()[0].status is CaseStatus.CLOSED)
    with desk.open_case(summary.reference) as case:
        closed = case.events()[-1]
    assert (
        closed.details["override"] and closed.details["reason"] == "Verzoeker heeft het verzoek ingetrokken."
    )


def test_the_checklist_runs_a_step_with_enter(qtbot, window, desk):
    demo_organisation(desk)
    summary = make_case(desk)
    window.refresh_cases()
    window.select_case(summary.reference)
    steps = window.case_view.steps
    assert steps.currentItem().text().startswith("➜  Ontvangst bevestigen")
    steps.setFocus()
    qtbot.keyClick(steps, Qt.Key.Key_Return)
    letter = window.case_view.letters_panel.findChild(LetterDialog)
    qtbot.waitUntil(lambda: letter is not None and letter.isVisible())
    assert letter.current_kind() is LetterKind.ACKNOWLEDGEMENT
