"""'Demo bekijken': a separate demo workspace in a folder of its own, filled in the background and opened in
a window of its own ('DEMO' in the title, every letter marked as an example). The user's own workspace,
profile and register are never touched; the demo folder goes when its window closes."""

from __future__ import annotations

import logging
import secrets
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from dsr_desk.desk import Desk
from dsr_desk.desk.demo import fill_with_demo_cases
from dsr_desk.gui.background import BackgroundTask
from dsr_desk.gui.messages import show_error
from dsr_desk.i18n import current_language, t
from dsr_desk.store.keyfile import PASSPHRASE

log = logging.getLogger(__name__)


def create_demo_desk(folder: Path, count: int = 25, progress=lambda done, total: None) -> Desk:
    """A demo workspace in `folder`. Its key is wrapped by a random passphrase that lives only in memory:
    the demo needs no keychain entry and leaves none behind."""
    desk, _recovery = Desk.create(
        folder / "workspace",
        organisation=t("gui.demo.organisation"),
        handler=t("gui.demo.handler"),
        storage=PASSPHRASE,
        passphrase=secrets.token_urlsafe(24),
        language=current_language(),
    )
    try:
        fill_with_demo_cases(desk, count, progress=progress)
    except BaseException:
        desk.close()
        raise
    return desk


class DemoLauncher(QObject):
    """Builds the demo off the GUI thread with progress, then hands over the open desk."""

    ready = Signal(object, object)  # the Desk, and the folder to remove when its window closes

    def __init__(self, parent: QWidget, count: int = 25) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.folder = Path(tempfile.mkdtemp(prefix="dsr-desk-demo-"))
        self.task = BackgroundTask(
            parent,
            t("gui.demo.progress_title"),
            t("gui.demo.progress"),
            lambda progress, _cancelled: create_demo_desk(self.folder, count, progress),
            False,
        )
        self.task.succeeded.connect(lambda desk: self.ready.emit(desk, self.folder))
        self.task.failed.connect(self._failed)

    def start(self) -> BackgroundTask:
        return self.task.start()

    def _failed(self, error) -> None:
        remove_demo_folder(self.folder)
        show_error(self.parent_widget, error)


def remove_demo_folder(folder: Path) -> None:
    try:
        shutil.rmtree(folder)
    except OSError as exc:
        # Invented data, encrypted: a leftover is untidy, never a leak. Said, not hidden.
        log.warning("demo folder not removed: %s", exc.strerror or type(exc).__name__)
