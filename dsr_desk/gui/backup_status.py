"""Backups in the window: when the last one was made (a warning after 7 days without one), a backup made by
hand, and the automatic backups of the setting, daily while the window is open or when it closes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from dsr_desk.errors import DsrDeskError, WriteFailedError
from dsr_desk.gui.background import BackgroundTask
from dsr_desk.gui.messages import show_error, show_message
from dsr_desk.i18n import format_datetime, t
from dsr_desk.store.backup_file import SUFFIX

if TYPE_CHECKING:
    from dsr_desk.gui.main_window import MainWindow


class BackupStatusMixin:
    """Mixed into MainWindow; relies on its desk and status bar."""

    def show_backup_state(self: MainWindow) -> None:
        if not hasattr(self, "backup_label"):
            self.backup_label = QLabel(self)
            self.statusBar().addPermanentWidget(self.backup_label)
        last = self.desk.last_backup_at()
        when = format_datetime(last) if last else t("gui.records.never")
        overdue = self.desk.backup_overdue()
        self.backup_label.setText(t("gui.backup.overdue" if overdue else "gui.backup.last", when=when))
        self.backup_label.setObjectName("backupWarning" if overdue else "backupState")
        self.backup_label.setStyleSheet("color: #b3261e; font-weight: 600;" if overdue else "")

    def make_backup(self: MainWindow, target: Path | None = None) -> BackgroundTask | None:
        if target is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                t("gui.backup.save_title"),
                str(Path.home() / f"dsr-desk{SUFFIX}"),
                t("gui.backup.filter"),
            )
            if not name:
                return None
            target = Path(name if name.endswith(SUFFIX) else name + SUFFIX)

        def work() -> Path:
            self.desk.write_backup(target)
            return target

        return self._backup_task(work)

    def backup_if_due(self: MainWindow) -> BackgroundTask | None:
        """The daily backup of the setting, once a day while the window is open."""
        if self.desk.read_only or not self.desk.automatic_backup_due():
            return None
        return self._backup_task(self.desk.run_automatic_backup, quiet=True)

    def backup_on_quit(self: MainWindow) -> None:
        """The 'on quit' backup: made before the window goes, with a wait cursor; a failure is said."""
        if self.desk.read_only or not self.desk.automatic_backup_due(quitting=True):
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.desk.run_automatic_backup()
        except DsrDeskError as error:
            show_error(None, error)
        except OSError as error:
            show_error(
                None, WriteFailedError(path=self.desk.settings.backup_folder, reason=error.strerror or "")
            )
        finally:
            QApplication.restoreOverrideCursor()

    def _backup_task(self: MainWindow, work, quiet: bool = False) -> BackgroundTask:
        task = BackgroundTask(
            self,
            t("gui.backup.title"),
            t("gui.backup.progress"),
            lambda _progress, _cancelled: work(),
            cancellable=False,
            show_after_ms=600,
        )
        task.succeeded.connect(lambda path: self._backup_done(path, quiet))
        task.failed.connect(lambda error: show_error(self, error))
        return task.start()

    def _backup_done(self: MainWindow, path: Path, quiet: bool) -> None:
        self.show_backup_state()
        if not quiet:
            show_message(self, t("gui.backup.title"), t("gui.backup.saved", path=str(path)))
