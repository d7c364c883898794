"""Long work (an export of a gigabyte, a folder of archives, an import) off the GUI thread, behind a progress
dialog that stays until the work has really stopped.

The work gets two callables: `progress(done, total[, label])` and `cancelled()`. It runs in a QThread; its
outcome comes back to the GUI thread as a signal. The dialog is window-modal from the first moment and cannot
be closed while the work runs (Escape or the close button ask to cancel, where cancelling is possible), so
the case the work uses cannot be switched, changed or closed underneath it.
"""

from __future__ import annotations

import sys
import threading
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from dsr_desk.errors import DsrDeskError, ExportCancelledError
from dsr_desk.i18n import t

STEPS = 1000  # progress in permille: a progress bar counts in int, a byte count of gigabytes does not fit

Work = Callable[[Callable[..., None], Callable[[], bool]], object]
_RUNNING: weakref.WeakSet[BackgroundTask] = weakref.WeakSet()


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


class ProgressDialog(QDialog):
    """A bar, a line of text and, where the work can stop, a cancel button; closes only when told to."""

    cancel_requested = Signal()

    def __init__(self, title: str, label: str, cancellable: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.cancellable = cancellable
        self.finished_work = False
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, STEPS)
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.cancel_button = None
        if cancellable:
            buttons = QDialogButtonBox(self)
            self.cancel_button = buttons.addButton(t("gui.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
            buttons.rejected.connect(self.reject)
            layout.addWidget(buttons)

    def reject(self) -> None:
        # Escape, the close button, Cancel: a request to stop, never a way to leave work running unseen.
        if self.finished_work:
            super().reject()
        elif self.cancellable:
            self.cancel_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.finished_work:
            super().closeEvent(event)
        else:
            event.ignore()
            self.reject()

    def close_for_good(self) -> None:
        self.finished_work = True
        self.done(QDialog.DialogCode.Accepted)


class BackgroundTask(QObject):
    """Runs `work` and reports: `succeeded(result)`, `failed(DsrDeskError)` or `cancelled()`."""

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        work: Work,
        cancellable: bool = True,
        show_after_ms: int = 0,
    ) -> None:
        super().__init__(parent)
        self.label = label
        # Work that is mostly quick (a letter) shows its progress only once it takes a while, as Anki
        # does; the caller keeps its own controls disabled until then.
        self.show_after_ms = show_after_ms
        self.abandoned = False  # set when the application quits: the outcome no longer has anyone to tell
        self.dialog = ProgressDialog(title, label, cancellable, parent)
        self.dialog.cancel_requested.connect(self.cancel)
        self.worker = _Worker(work, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)

    def start(self) -> BackgroundTask:
        _RUNNING.add(self)
        if self.show_after_ms:
            QTimer.singleShot(self.show_after_ms, self.dialog, self._show_if_running)
        else:
            self.dialog.open()
        self.worker.start()
        return self

    def _show_if_running(self) -> None:
        if self in _RUNNING:
            self.dialog.open()

    @property
    def running(self) -> bool:
        return self.worker.isRunning()

    def cancel(self) -> None:
        self.worker.stop.set()
        self.dialog.label.setText(t("gui.background.cancelling"))
        if self.dialog.cancel_button is not None:
            self.dialog.cancel_button.setEnabled(False)

    def _progressed(self, step: int, label: str) -> None:
        if label and not self.worker.stop.is_set():
            self.dialog.label.setText(f"{self.label}\n{label}")
        self.dialog.bar.setValue(step)

    def _succeeded(self, result: object) -> None:
        self._finish()
        if not self.abandoned:
            self.succeeded.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if self.abandoned:
            return
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
        _RUNNING.discard(self)
        self.dialog.close_for_good()
        self.dialog.deleteLater()


def background_work_running() -> bool:
    return any(task.running for task in list(_RUNNING))


def stop_all_background_work() -> None:
    """On quitting: ask what can stop to stop, and wait for all of it, so no half-written file is left."""
    for task in list(_RUNNING):
        task.cancel()
    for task in list(_RUNNING):
        task.worker.wait()
        task.abandoned = True
