"""One run of the application: from start-up to an open window, and back to the unlock dialog whenever
the window locks (idle, a locked screen, a suspend), then to a new window where the old one was.

Locking closes the window with everything it showed (the case view, the list, any dialog) and the
workspace itself (its keys go with the Desk); unlocking is the same unlock flow as at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from dsr_desk.desk import Desk
from dsr_desk.gui.main_window import MainWindow
from dsr_desk.gui.start import Start
from dsr_desk.store.keychain import Keychain


@dataclass(frozen=True)
class LockedWindow:
    """What a new window restores after unlocking: where it was, and the case that was open."""

    geometry: bytes
    reference: str | None


class Session(QObject):
    ended = Signal()  # the user quit from a dialog (set-up, unlock)

    def __init__(self, root: Path, keychain: Keychain | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.start = Start(root, keychain, self)
        self.window: MainWindow | None = None
        self.restore: LockedWindow | None = None
        self.cancelled = False
        self.start.ready.connect(self._open)
        self.start.cancelled.connect(self._cancel)

    def begin(self) -> None:
        self.start.begin()

    def _open(self, desk: Desk) -> None:
        self.window = MainWindow(desk)
        self.window.locked.connect(self._locked)
        if self.restore is not None:
            self.window.restoreGeometry(self.restore.geometry)
            if self.restore.reference:
                self.window.select_case(self.restore.reference)
            self.restore = None
        self.window.show()

    def _locked(self, why: str, geometry: bytes, reference: str | None) -> None:
        window, self.window = self.window, None
        self.restore = LockedWindow(geometry, reference)
        window.desk.close()
        # The unlock dialog is shown before the window closes: the application must not see its last
        # window close and quit.
        self.start.relock(why, window.idle_lock.minutes)

    def to_front(self) -> None:
        """Another start for this workspace knocked: show what is open now, the window or a dialog."""
        front = self.window if self.window is not None else self.start.dialog
        if front is not None:
            front.showNormal()
            front.raise_()
            front.activateWindow()

    def _cancel(self) -> None:
        self.cancelled = True
        self.ended.emit()

    def close(self) -> None:
        if self.window is not None:
            self.window.desk.close()
