"""The recovery key, like the export password, leaves the clipboard after a delay: copied with the button
or by hand, and only if it is still what the clipboard holds."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from dsr_desk.gui import secret_clipboard
from dsr_desk.gui.export_dialog import PasswordDialog
from dsr_desk.gui.recovery_sheet_dialog import RecoverySheetDialog

KEY = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789-ABCD"


@pytest.fixture
def short_delay(monkeypatch):
    monkeypatch.setattr(secret_clipboard, "CLIPBOARD_SECONDS", 0.3)


def test_the_recovery_key_copied_with_the_button_leaves_the_clipboard(qtbot, short_delay):
    dialog = RecoverySheetDialog(KEY, b"%PDF-1.4")
    qtbot.addWidget(dialog)
    clipboard = QGuiApplication.clipboard()
    dialog.copy_button.click()
    assert clipboard.text() == KEY
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=5000)


def test_the_recovery_key_copied_by_hand_leaves_the_clipboard_too(qtbot, short_delay):
    dialog = RecoverySheetDialog(KEY, b"%PDF-1.4")
    qtbot.addWidget(dialog)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(f" {KEY}\n")  # as a mouse selection and Ctrl+C gives it
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=5000)


def test_what_was_copied_after_the_secret_stays(qtbot, short_delay):
    password = "K7PQ2-MX4RT-9VWHC-3JNZE"
    dialog = PasswordDialog(password, "export.zip")
    qtbot.addWidget(dialog)
    clipboard = QGuiApplication.clipboard()
    dialog.copy()
    clipboard.setText("Kerkstraat 1, Utrecht")
    qtbot.waitUntil(lambda: not secret_clipboard.is_pending(password), timeout=5000)
    assert clipboard.text() == "Kerkstraat 1, Utrecht"


def test_a_secret_still_on_the_clipboard_goes_when_the_application_quits(qtbot):
    secret_clipboard.copy_secret(KEY)
    QGuiApplication.instance().aboutToQuit.emit()
    assert QGuiApplication.clipboard().text() == ""
