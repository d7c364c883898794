"""Long work (an export of a gigabyte, a folder of archives) off the GUI thread, with a progress dialog
that appears only when the work takes a while and a cancel button that the work itself checks.

The work gets two callables: `progress(done, total)` and `cancelled()`. It runs in a QThread; its outcome
comes back to the GUI thread as a signal. While it runs, the progress dialog is window-modal, so the case the
work reads cannot be closed or changed underneath it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from dsr_desk.errors import DsrDeskError, ExportCancelledError
from dsr_desk.i18n import t

SHOW_AFTER_MS = 500
STEPS = 1000  # progress in permille: a QProgressDialog counts in int, a byte count of gigabytes does not fit

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], object]


class _Worker(QThread):
    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, parent: QObject) -> None:
        super().__init__(parent)
        self.work = work
        self.stop = threading.Event()
        self._last = -1

    def run(self) -> None:
        try:
            result = self.work(self._progress, self.stop.is_set)
        except BaseException as exc:  # every outcome, a bug included, must reach the GUI thread
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)

    def _progress(self, done: int, total: int, label: str = "") -> None:
        step = min(STEPS, done * STEPS // max(total, 1))
        if step != self._last or label:  # a signal per permille, not per chunk
            self._last = step
            self.progressed.emit(step, label)


class BackgroundTask(QObject):
    """Runs `work` and reports: `succeeded(result)`, `failed(DsrDeskError)` or `cancelled()`."""

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget, title: str, label: str, work: Work, cancellable: bool = True) -> None:
        super().__init__(parent)
        self.label = label
        self.dialog = QProgressDialog(label, t("gui.cancel") if cancellable else "", 0, STEPS, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        self.worker = _Worker(work, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.dialog.setValue(0)

    def start(self) -> BackgroundTask:
        self.worker.start()
        return self

    @property
    def running(self) -> bool:
        return self.worker.isRunning()

    def cancel(self) -> None:
        self.worker.stop.set()
        self.dialog.setLabelText(t("gui.background.cancelling"))

    def _progressed(self, step: int, label: str) -> None:
        if label:
            self.dialog.setLabelText(f"{self.label}\n{label}")
        self.dialog.setValue(step)

    def _succeeded(self, result: object) -> None:
        self._finish()
        self.succeeded.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, ExportCancelledError):
            self.cancelled.emit()
        elif isinstance(exc, DsrDeskError):
            self.failed.emit(exc)
        else:
            # A bug, not a user error: the user still gets a message; the traceback goes to the handler.
            self.failed.emit(DsrDeskError())
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _finish(self) -> None:
        self.worker.wait()
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
