"""The window on a shared workspace: a case another handler has open is shown read-only with their name, a
crashed window's claim is taken over with a message, other processes' changes appear, and the unlock
dialog asks who you are."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dsr_desk.desk import Desk
from dsr_desk.errors import CaseInUseError
from dsr_desk.gui.start import Start
from dsr_desk.gui.unlock_dialog import UnlockDialog
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case

ROOT = Path(__file__).resolve().parents[2]
PIET = "Piet de Boer wachtwoord 2026"
CLAIMER = """
import sys
from dsr_desk.desk import Desk
desk = Desk.open(sys.argv[1], handler="Piet de Boer", passphrase=sys.argv[3])
desk.claim_case(sys.argv[2])
print("claimed", flush=True)
sys.stdin.read()
"""


def test_a_case_open_elsewhere_is_read_only_here_and_says_by_whom(
    qtbot, window, desk, workspace_dir, keychain
):
    reference = make_case(desk, name="Fleur de Wit").reference
    window.refresh_cases()
    with Desk.open(workspace_dir, keychain=keychain) as colleague:  # a second window, as a live session
        colleague.claim_case(reference)
        window.select_case(reference)
        qtbot.waitUntil(lambda: window.case_view.in_use_by_other)
        assert "in gebruik door Petra Jansen" in window.case_view.in_use.text()
        assert not window.case_view.note_button.isEnabled()
        with window.desk.open_case(reference) as case, pytest.raises(CaseInUseError):
            case.add_note("mag niet")
    # The colleague closed their window: the next look at the workspace makes the case editable here.
    window._watch_workspace()
    qtbot.waitUntil(lambda: not window.case_view.in_use_by_other)
    assert window.case_view.note_button.isEnabled()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_the_claim_of_a_crashed_window_is_taken_over_with_a_message(
    qtbot, window, desk, workspace_dir, tmp_path
):
    desk.add_handler("Piet de Boer", passphrase=PIET)
    reference = make_case(desk).reference
    window.refresh_cases()
    claimer = subprocess.Popen(
        [sys.executable, "-c", CLAIMER, str(workspace_dir), reference, PIET],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)},
        cwd=ROOT,
    )
    assert claimer.stdout.readline().strip() == "claimed"
    assert desk.case_holder(reference).handler == "Piet de Boer"  # alive: never taken over
    claimer.send_signal(signal.SIGKILL)
    claimer.wait()
    claimer.stdin.close()
    claimer.stdout.close()
    window.select_case(reference)
    qtbot.waitUntil(lambda: window.open_case is not None)
    assert not window.case_view.in_use_by_other
    assert "Piet de Boer" in window.statusBar().currentMessage()
    assert "niet meer open" in window.statusBar().currentMessage()


def test_a_case_made_by_another_process_appears_in_the_list(qtbot, window, workspace_dir, keychain):
    before = window.model.rowCount()
    with Desk.open(workspace_dir, keychain=keychain) as script:
        make_case(script, name="Gemaakt door een script")
    window._watch_workspace()
    assert window.model.rowCount() == before + 1


def test_the_unlock_dialog_asks_who_you_are_and_remembers_it(qtbot, passphrase_desk, workspace_dir, keychain):
    passphrase_desk.add_handler("Piet de Boer", passphrase=PIET)
    passphrase_desk.close()
    opened: list[Desk] = []
    start = Start(workspace_dir, keychain)
    start.ready.connect(opened.append)
    start.begin()
    dialog = start.dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.addWidget(dialog)
    assert dialog.who.isVisibleTo(dialog) and dialog.who.count() == 2
    assert dialog.banner.isHidden()  # nothing is wrong before anything was tried
    dialog.who.setCurrentIndex(dialog.who.findData("Piet de Boer"))
    dialog.passphrase.setText(PASSPHRASE)  # Petra's, not Piet's
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "Onjuiste wachtwoordzin" in dialog.banner.text() and opened == []
    dialog.passphrase.setText(PIET)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].actor == "Piet de Boer"
    opened[0].close()
    again = Start(workspace_dir, keychain)
    again.begin()
    qtbot.addWidget(again.dialog)
    assert again.dialog.who.currentData() == "Piet de Boer"


def test_a_workspace_in_a_cloud_sync_folder_is_warned_about(qtbot, tmp_path, keychain):
    from dsr_desk.gui.main_window import MainWindow

    desk, _ = Desk.create(
        tmp_path / "OneDrive - Bakkerij" / "workspace",
        organisation="X",
        storage="keychain",
        keychain=keychain,
    )
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert window.cloud_warning is not None and "OneDrive" in window.cloud_warning.text()
    desk.close()


def test_settings_handlers_tab_adds_and_removes_a_handler(qtbot, passphrase_desk, workspace_dir):
    from PySide6.QtWidgets import QMessageBox

    from dsr_desk.gui.settings import SettingsDialog

    dialog = SettingsDialog(passphrase_desk)
    qtbot.addWidget(dialog)
    tab = dialog.handlers_tab
    add = tab.show_add_dialog()
    qtbot.addWidget(add)
    add.name.setText("Piet de Boer")
    add.passphrase.setText(PIET)
    add.again.setText(PIET + "x")
    qtbot.mouseClick(add.ok_button, Qt.MouseButton.LeftButton)
    assert "komen niet overeen" in add.banner.text() or "niet gelijk" in add.banner.text()
    add.again.setText(PIET)
    qtbot.mouseClick(add.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2)
    assert tab.table.item(1, 0).text() == "Piet de Boer" and tab.table.item(1, 1).text() == "behandelaar"
    tab.table.selectRow(1)
    box = tab.remove_selected()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    assert [h.name for h in passphrase_desk.handlers()] == ["Petra Jansen"]


def test_a_handler_sees_the_organisation_settings_but_cannot_change_them(
    qtbot, passphrase_desk, workspace_dir
):
    from dsr_desk.gui.settings import SettingsDialog

    passphrase_desk.add_handler("Piet de Boer", passphrase=PIET)
    passphrase_desk.close()
    with Desk.open(workspace_dir, handler="Piet de Boer", passphrase=PIET) as piet:
        dialog = SettingsDialog(piet)
        qtbot.addWidget(dialog)
        assert not dialog.organisation_tab.isEnabled() and not dialog.register_tab.isEnabled()
        assert not dialog.handlers_tab.add_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # what a handler may change is saved
        assert dialog.banner.isHidden()
