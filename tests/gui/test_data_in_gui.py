"""Data found, the export for the person and the case archive, as a handler uses them in the window."""

from __future__ import annotations

import json
import os
import zipfile

import pytest
import pyzipper
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.documents.archive.verify import verify_archive
from dsr_desk.gui.archive_actions import verify_archive_file
from dsr_desk.gui.data_dialogs import AddDataDialog
from dsr_desk.gui.data_items_model import ItemColumn
from dsr_desk.gui.letter_dialog import LetterDialog
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.requests import RequestType
from tests.support.cases import close_anyway, make_case


@pytest.fixture
def panel(qtbot, window, desk):
    demo_organisation(desk)
    summary = make_case(desk, types=(RequestType.ACCESS,))
    window.refresh_cases()
    window.select_case(summary.reference)
    qtbot.waitUntil(lambda: window.case_view.case is not None)
    window.case_view.tabs.setCurrentWidget(window.case_view.data_panel)
    return window.case_view.data_panel


def _message(qtbot) -> QMessageBox:
    def boxes():
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(boxes()))
    box = boxes()[-1]
    box.close()
    return box


def _add_text(qtbot, panel, text="Belde op 3 november over zijn bestelling.", system="Mailbox"):
    dialog = panel.add_text()
    dialog.system.setCurrentText(system)
    dialog.category.setCurrentText("Correspondentie")
    dialog.text.setPlainText(text)
    with qtbot.waitSignal(panel.changed):
        dialog.ok_button.click()


def _drop(qtbot, panel, *paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(panel.items.files_dropped) as dropped:
        # Qt delivers a Drop only inside a real drag session, which offscreen cannot start; the handler is
        # called as Qt would call it at the end of one.
        panel.items.dropEvent(event)
    return dropped.args[0]


def test_the_checklist_lists_the_register_systems_and_records_a_search(qtbot, panel):
    rows = {panel.searches.item(r, 0).text(): r for r in range(panel.searches.rowCount())}
    assert {"Webwinkel", "Boekhouding", "Mailbox"} <= set(rows)
    assert panel.searches.item(rows["Webwinkel"], 2).text() == "nog niet vastgelegd"
    dialog = panel.searches.record_search(rows["Webwinkel"])
    assert dialog.system.currentText() == "Webwinkel"
    dialog.found.setText("1 klantaccount")
    with qtbot.waitSignal(panel.changed):
        dialog.ok_button.click()
    rows = {panel.searches.item(r, 0).text(): r for r in range(panel.searches.rowCount())}
    assert panel.searches.item(rows["Webwinkel"], 1).text().startswith("✓")
    assert panel.searches.item(rows["Webwinkel"], 2).text() == "1 klantaccount"
    assert "Petra Jansen" in panel.searches.item(rows["Webwinkel"], 3).text()


def test_typed_text_needs_a_system_and_appears_in_the_list(qtbot, panel):
    dialog = panel.add_text()
    dialog.system.setCurrentText("")
    dialog.text.setPlainText("iets")
    dialog.ok_button.click()
    assert dialog.isVisible() and "systeem" in dialog.banner.text().lower()
    dialog.reject()
    _add_text(qtbot, panel)
    assert panel.model.rowCount() == 1
    assert panel.model.item_at(0).system == "Mailbox" and "1 onderdeel gaat mee" in panel.summary.text()
    assert window_tab_text(panel) == "Gegevens (1)"


def window_tab_text(panel) -> str:
    view = panel.parentWidget()
    while not hasattr(view, "tabs"):
        view = view.parentWidget()
    return view.tabs.tabText(view.tabs.indexOf(panel))


def test_unticking_in_the_answer_is_kept_in_the_case(qtbot, panel):
    _add_text(qtbot, panel)
    index = panel.model.index(0, ItemColumn.INCLUDED)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    with qtbot.waitSignal(panel.changed):
        panel.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert panel.case.items()[0].included is False
    assert (
        panel.model.index(0, ItemColumn.INCLUDED).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Unchecked
    )
    assert panel.case.events()[-1].action == "data.updated"


def test_dropped_files_are_imported_in_the_background_with_their_warnings(qtbot, panel, tmp_path):
    sheet = tmp_path / "klanten.csv"
    sheet.write_bytes("naam;plaats\nJosé Müller;Zürich\n".encode("cp1252"))
    scan = tmp_path / "brief.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + os.urandom(3 * 1024 * 1024))
    dropped = _drop(qtbot, panel, sheet, scan)
    assert [p.name for p in dropped] == ["klanten.csv", "brief.pdf"]
    (dialog,) = [d for d in panel.findChildren(AddDataDialog) if d.isVisible()]  # the drop opened it
    assert dialog.files == dropped
    dialog.system.setCurrentText("Webwinkel")
    dialog.category.setCurrentText("Klantgegevens")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10000)
    box = _message(qtbot)
    assert "Windows-1252" in box.text()
    titles = sorted(panel.model.item_at(r).title for r in range(2))
    assert titles == ["brief.pdf", "klanten.csv"]


def test_redactions_are_kept_and_a_pdf_warns_that_it_cannot_be_blacked_out(qtbot, panel, tmp_path):
    _add_text(qtbot, panel, "Jan sprak met Piet de Boer.")
    panel.items.selectRow(0)
    dialog = panel.redact_selected()
    dialog.lines.setPlainText("Piet de Boer\n\n  ")
    with qtbot.waitSignal(panel.changed):
        dialog.ok_button.click()
    assert panel.case.items()[0].redactions == ("Piet de Boer",)
    assert panel.model.index(0, ItemColumn.REDACTIONS).data() == "1"
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    panel.case.add_data_file(pdf, system="Mailbox", category="Bijlagen")
    panel.refresh()
    panel.items.selectRow(1)
    dialog = panel.redact_selected()
    assert "niet als tekst" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    dialog.reject()


def test_an_item_is_removed_only_with_a_reason(qtbot, panel):
    _add_text(qtbot, panel)
    panel.items.selectRow(0)
    dialog = panel.remove_selected()
    dialog.ok_button.click()
    assert dialog.isVisible() and panel.model.rowCount() == 1
    dialog.text.setPlainText("Hoort bij een andere klant")
    with qtbot.waitSignal(panel.changed):
        dialog.ok_button.click()
    assert panel.model.rowCount() == 0
    assert panel.case.events()[-1].details["reason"] == "Hoort bij een andere klant"


def test_an_encrypted_export_shows_its_password_once_then_offers_the_cover_letter(
    qtbot, panel, tmp_path, monkeypatch
):
    _add_text(qtbot, panel)
    target = tmp_path / "export.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    dialog = panel.export()
    assert "1 onderdeel" in dialog.contents.text()
    dialog.channel.setCurrentText("telefoon")
    dialog.choose_target()
    qtbot.waitUntil(lambda: dialog.password_dialog is not None, timeout=10000)
    password = dialog.password_dialog.password
    with pyzipper.AESZipFile(target) as archive:
        archive.setpassword(password.encode())
        assert json.loads(archive.read("data.json"))["items"][0]["text"].startswith("Belde op 3 november")
    dialog.password_dialog.reject()  # Escape: the password exists nowhere else, so it stays
    assert dialog.password_dialog.isVisible()
    assert any(e.action == "export.created" and e.details["encrypted"] for e in panel.case.events())
    assert panel.case.letter_inputs().password_channel == "telefoon"
    dialog.password_dialog.noted.setChecked(True)
    view = panel.window().case_view
    dialog.password_dialog.done_button.click()
    qtbot.waitUntil(
        lambda: any(
            d.isVisible() and d.current_kind() is LetterKind.EXPORT_COVER
            for d in view.letters_panel.findChildren(LetterDialog)
        )
    )


def test_a_cancelled_export_leaves_no_file_and_records_nothing(qtbot, panel, tmp_path):
    big = tmp_path / "groot.bin"
    big.write_bytes(os.urandom(16 * 1024 * 1024))
    panel.case.add_data_file(big, system="Mailbox", category="Bijlagen")
    events = len(panel.case.events())
    dialog = panel.export()
    task = dialog.start(tmp_path / "export.zip")
    task.cancel()
    with qtbot.waitSignal(task.cancelled, timeout=10000):
        pass
    assert not list(tmp_path.glob("*.zip")) and not list(tmp_path.glob(".*.tmp"))
    assert len(panel.case.events()) == events
    assert "afgebroken" in _message(qtbot).text()


def test_an_export_that_cannot_be_written_says_so(qtbot, panel, tmp_path):
    _add_text(qtbot, panel)
    events = len(panel.case.events())
    dialog = panel.export()
    dialog.encrypt.setChecked(False)
    with qtbot.waitSignal(dialog.start(tmp_path / "missing" / "export.zip").failed, timeout=10000):
        pass
    assert "missing" in _message(qtbot).text()
    assert len(panel.case.events()) == events


def test_the_case_archive_is_saved_and_verifies(qtbot, panel, tmp_path, monkeypatch):
    target = tmp_path / "archief.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    task = panel.archive()
    with qtbot.waitSignal(task.succeeded, timeout=10000):
        pass
    assert str(target) in _message(qtbot).text()
    assert verify_archive(target).ok
    assert panel.case.events()[-1].action == "archive.created"


def test_bulk_archives_of_closed_cases_and_checking_one_from_the_menu(
    qtbot, window, desk, tmp_path, monkeypatch
):
    closed = [make_case(desk, name=f"Klant {n}") for n in range(3)]
    for summary in closed[:2]:
        with desk.open_case(summary.reference) as case:
            close_anyway(case)
    dialog = window.export_archives()
    assert "2 afgesloten" in dialog.count.text()
    folder = tmp_path / "ap"
    folder.mkdir()
    task = dialog.start(folder)
    with qtbot.waitSignal(task.succeeded, timeout=20000):
        pass
    assert "2 archieven" in _message(qtbot).text()
    written = sorted(p.name for p in folder.glob("*.zip"))
    assert written == sorted(f"{s.reference}.zip" for s in closed[:2])

    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(folder / written[0]) as source, zipfile.ZipFile(tampered, "w") as copy:
        for name in source.namelist():
            copy.writestr(name, source.read(name) + (b" " if name == "case.json" else b""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(tampered), ""))
    report = verify_archive_file(window)
    assert not report.ok and "case.json" in _message(qtbot).text()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(folder / written[1]), "")
    )
    assert verify_archive_file(window).ok and "intact" in _message(qtbot).text().lower()
