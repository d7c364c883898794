"""A bug in the window: the log file gets where it happened, the user always gets a dialog.

Exceptions in Qt slots, in start-up and in background work all end here (sys.excepthook). Nothing here may
raise: a windowed app has no console, so a crash handler that fails leaves the user with nothing at all.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from dsr_desk.diagnostics import log_dir, log_exception, log_file
from dsr_desk.gui.messages import show_message
from dsr_desk.i18n import t

log = logging.getLogger(__name__)
_UNPARENTED: list[QMessageBox] = []
_reporting: list[bool] = []


def report_unexpected(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None, *, wait: bool = False
) -> None:
    """Where it happened goes to the log (and the console, where there is one), never the message: it may
    quote a name or a file. The user gets one plain sentence and the way to the log; with `wait`, the
    call returns when the dialog is closed (start-up failed, and the process ends after it)."""
    log_exception(log, "unexpected error", kind, exc, tb, logging.CRITICAL)
    if _reporting:
        return  # the dialog itself failed: logged above, and no endless loop of boxes
    _reporting.append(True)
    try:
        _show_dialog(wait)
    except Exception as failure:  # the last line of defence must not raise; what broke it is in the log
        log_exception(log, "the error dialog failed", type(failure), failure, failure.__traceback__)
    finally:
        _reporting.clear()


def open_log_file() -> bool:
    """Opens the log in the system's viewer, or its folder while nothing has been logged yet."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = log_file() if log_file().exists() else folder
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


def _show_dialog(wait: bool) -> None:
    text = t("gui.unexpected") + "\n\n" + t("gui.help.unexpected_log", path=str(log_file()))
    if wait or QApplication.instance() is None:
        # No event loop to come back to: a modal box, in an application of its own if there is none yet.
        app = QApplication.instance() or QApplication(sys.argv[:1])
        box = QMessageBox(
            QMessageBox.Icon.Critical, t("gui.error_title"), text, QMessageBox.StandardButton.Ok
        )
        _add_log_button(box)
        box.exec()
        del app
        return
    # Parented to the window in front, so it stays alive (a parentless box would be collected at once).
    parent = QApplication.activeWindow()
    box = show_message(parent, t("gui.error_title"), text, QMessageBox.Icon.Critical)
    _add_log_button(box)
    if parent is None:
        _UNPARENTED.append(box)
        box.finished.connect(lambda _result: _UNPARENTED.remove(box) if box in _UNPARENTED else None)


def _add_log_button(box: QMessageBox) -> None:
    button = box.addButton(t("gui.help.open_log_button"), QMessageBox.ButtonRole.ActionRole)
    button.clicked.connect(open_log_file)
