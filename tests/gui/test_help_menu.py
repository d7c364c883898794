"""Help → Logbestand openen and Help → Over; an unexpected error always reaches the user as a dialog."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, QTimer, QTranslator, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from dsr_desk import __version__
from dsr_desk.diagnostics import log_file
from dsr_desk.gui.help_menu import AboutDialog
from dsr_desk.gui.unexpected import report_unexpected


class OpenedUrls(QObject):
    """Catches what the app asks the desktop to open, instead of starting a viewer."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    @Slot("QUrl")
    def open(self, url) -> None:
        self.paths.append(url.toLocalFile())


@pytest.fixture
def opened():
    catcher = OpenedUrls()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher.paths
    QDesktopServices.unsetUrlHandler("file")


def _help_action(window, text: str):
    [help_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    return next(a for a in help_menu.actions() if a.text() == text)


def test_help_opens_the_log_file(window, opened):
    _help_action(window, "&Logbestand openen").trigger()
    assert opened and opened[-1] in (str(log_file()), str(log_file().parent))


def test_about_shows_the_version_and_the_third_party_licences(window, qtbot):
    _help_action(window, "&Over DSR Desk").trigger()
    [about] = window.findChildren(AboutDialog)
    qtbot.waitUntil(about.isVisible)
    assert __version__ in about.version.text()
    notices = about.notices.toPlainText()
    for name in (
        "PySide6",
        "Qt 6",
        "GNU LESSER GENERAL PUBLIC LICENSE",
        "SQLCipher",
        "reportlab",
        "Noto Sans",
    ):
        assert name in notices
    about.close()


def _visible_error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_an_unexpected_error_without_a_console_still_shows_a_dialog_with_the_way_to_the_log(
    qtbot, monkeypatch, opened
):
    monkeypatch.setattr(sys, "stderr", None)  # a windowed executable has none
    try:
        raise KeyError("Jan Jansen")
    except KeyError as exc:
        report_unexpected(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: bool(_visible_error_boxes()))
    box = _visible_error_boxes()[-1]
    assert "onverwachts" in box.text() and str(log_file()) in box.text() and "Jan Jansen" not in box.text()
    [button] = [b for b in box.findChildren(QPushButton) if b.text() == "Logbestand openen"]
    button.click()
    assert opened
    box.close()


def test_a_failing_dialog_is_logged_instead_of_looping(qtbot, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the dialog itself")

    monkeypatch.setattr("dsr_desk.gui.unexpected.show_message", broken)
    before = len(_visible_error_boxes())
    report_unexpected(ValueError, ValueError("x"), None)  # must not raise
    assert len(_visible_error_boxes()) == before


def test_a_start_up_failure_waits_for_the_user_to_read_the_dialog(qtbot, monkeypatch, tmp_path):
    from dsr_desk.gui import app as gui_app

    def broken(_start):  # a fault we cannot cause through the real start-up
        raise RuntimeError("Jan Jansen")

    monkeypatch.setattr("dsr_desk.gui.start.Start.begin", broken)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own; put it back after
    seen: list[str] = []

    def read_and_close() -> None:
        boxes = _visible_error_boxes()
        if not boxes:
            QTimer.singleShot(10, read_and_close)
            return
        seen.append(boxes[-1].text())
        boxes[-1].accept()

    QTimer.singleShot(0, read_and_close)
    try:
        assert gui_app.run_gui(tmp_path / "ws") == 3
    finally:
        application = QApplication.instance()
        for translator in application.findChildren(QTranslator):
            application.removeTranslator(translator)
            translator.deleteLater()
    assert seen and "onverwachts" in seen[0] and "Jan Jansen" not in seen[0]
