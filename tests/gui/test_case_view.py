"""The case view: what it shows, and the handler's actions on a case."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dsr_desk.gui.case_table_model import Column
from dsr_desk.rules.requests import CaseStatus
from tests.support.cases import make_case

HOSTILE = '<b>Vet</b><img src="file:///etc/passwd"> & <a href="http://example.com">klik</a>'


def _open(qtbot, window, desk, **fields):
    summary = make_case(desk, **fields)
    window.refresh_cases()
    window.select_case(summary.reference)
    qtbot.waitUntil(lambda: window.case_view.case is not None)
    return summary


def test_user_text_is_shown_as_typed_never_as_markup(qtbot, window, desk):
    _open(qtbot, window, desk, name=HOSTILE, notes=HOSTILE)
    for label in (window.case_view.name, window.case_view.notes):
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.text() == HOSTILE


def test_changing_status_is_logged_and_refreshes_the_list(qtbot, window, desk):
    summary = _open(qtbot, window, desk)
    view = window.case_view
    labels = [action.text() for action in view.status_menu.actions()]
    assert labels == ["In behandeling", "Wacht op verzoeker", "Afgesloten"]
    view.status_menu.actions()[1].trigger()
    assert view.status.text() == "Wacht op verzoeker"
    assert view.audit_model.rowCount() == 2
    assert view.audit_model.index(0, 3).data() == "Nieuw → Wacht op verzoeker"
    assert desk.list_cases()[0].status is CaseStatus.WAITING
    row = window.model.row_of(summary.reference)
    assert window.model.index(row, Column.STATUS).data() == "Wacht op verzoeker"


def test_reopening_asks_for_a_reason(qtbot, window, desk):
    summary = _open(qtbot, window, desk)
    window.case_view.change_status(CaseStatus.CLOSED)
    window.case_view.change_status(CaseStatus.IN_PROGRESS)
    dialogs = [w for w in window.case_view.children() if w.metaObject().className() == "TextInputDialog"]
    dialog = dialogs[-1]
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "reden" in dialog.banner.text()
    qtbot.keyClicks(dialog.text, "Verzoeker vroeg om aanvulling")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with desk.open_case(summary.reference) as case:
        assert case.record().status is CaseStatus.IN_PROGRESS
        assert case.events()[-1].details["reason"] == "Verzoeker vroeg om aanvulling"


def test_adding_a_note(qtbot, window, desk):
    _open(qtbot, window, desk)
    window.case_view.ask_note()
    dialog = [w for w in window.case_view.children() if w.metaObject().className() == "TextInputDialog"][-1]
    qtbot.keyClicks(dialog.text, "Teruggebeld, verzoek toegelicht.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.case_view.audit_model.rowCount() == 2)
    assert window.case_view.audit_model.index(0, 3).data() == "Teruggebeld, verzoek toegelicht."


def test_destroying_needs_a_reason_and_a_confirmation(qtbot, window, desk):
    summary = _open(qtbot, window, desk)
    dialog = window.ask_destroy(summary.reference)
    assert not dialog.ok_button.isEnabled()
    dialog.confirm.setChecked(True)
    qtbot.keyClicks(dialog.text, "Per abuis aangemaakt")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.detail.currentWidget() is window.placeholder
    assert [r.reference for r in desk.destruction_records()] == [summary.reference]


def test_a_damaged_case_file_shows_a_message_not_a_crash(qtbot, window, desk):
    summary = make_case(desk)
    path = desk.paths.case_file(summary.reference)
    data = bytearray(path.read_bytes())
    data[5000] ^= 0x10
    path.write_bytes(bytes(data))
    window.refresh_cases()
    window.select_case(summary.reference)
    qtbot.waitUntil(lambda: window.detail.currentWidget() is window.case_error)
    assert summary.reference in window.case_error.text() and "beschadigd" in window.case_error.text()


def test_audit_log_model_passes_qt_model_tester(qtmodeltester, qtbot, window, desk):
    _open(qtbot, window, desk)
    qtmodeltester.check(window.case_view.audit_model)


def test_forwarding_from_the_case_view_takes_the_case_off_the_clock(qtbot, window, desk):
    from dsr_desk.rules.requests import RequestType

    summary = _open(qtbot, window, desk, types=(RequestType.ACCESS, RequestType.ERASURE))
    view = window.case_view
    dialog = view.ask_forward()
    dialog.type_boxes[RequestType.ACCESS].setChecked(False)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "verwerkingsverantwoordelijke" in dialog.banner.text()  # to whom?
    dialog.to.setCurrentText("Bakkerij Noord B.V.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "doorgestuurd aan Bakkerij Noord B.V." in view.clock_panel.history.text())
    assert view.status.text() != "Doorgestuurd"  # access is still ours
    dialog = view.ask_forward()
    assert list(dialog.type_boxes) == [RequestType.ACCESS]
    dialog.to.setCurrentText("Bakkerij Noord B.V.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.status.text() == "Doorgestuurd")
    assert view.clock_panel.urgency.text().startswith("Doorgestuurd")
    assert not view.forward_action.isEnabled()
    row = window.model.row_of(summary.reference)
    assert window.model.index(row, Column.STATUS).data() == "Doorgestuurd"
