"""The main window's actions on the workspace: new requests, destroying a case, bulk archives, settings,
and the demo in a workspace and window of its own. Mixed into MainWindow."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dsr_desk import APP_NAME
from dsr_desk.desk import Desk
from dsr_desk.gui.archive_actions import BulkArchiveDialog
from dsr_desk.gui.decision_dialogs import DestroyDialog
from dsr_desk.gui.demo_workspace import DemoLauncher
from dsr_desk.gui.new_case_dialog import NewCaseDialog
from dsr_desk.gui.settings import SettingsDialog
from dsr_desk.i18n import t

if TYPE_CHECKING:
    from dsr_desk.gui.main_window import MainWindow


class MainWindowActions:
    def show_new_case_dialog(self: MainWindow) -> NewCaseDialog:
        dialog = NewCaseDialog(self.desk.new_case, self.desk.today(), self)
        dialog.created.connect(lambda summary: self._created(summary.reference))
        dialog.open()
        return dialog

    def _created(self: MainWindow, reference: str) -> None:
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.refresh_cases(select=reference)
        self._seen = self.desk.change_token()
        self.statusBar().showMessage(t("gui.main.created", reference=reference), 8000)
        self.case_view.next_step.button.setFocus()  # the next step, the acknowledgement, is one key away

    def ask_destroy(self: MainWindow, reference: str) -> DestroyDialog:
        def destroy(reason: str) -> None:
            self._close_open_case()
            self.desk.destroy_case(reference, reason)

        dialog = DestroyDialog(reference, destroy, self)
        dialog.accepted.connect(lambda: self._destroyed(reference))
        dialog.open()
        return dialog

    def _destroyed(self: MainWindow, reference: str) -> None:
        self.refresh_cases()
        self._seen = self.desk.change_token()
        self._show_nothing()
        self.show_retention_count()  # it may have been one of those past their term
        self.statusBar().showMessage(t("gui.main.destroyed", reference=reference), 8000)

    def export_archives(self: MainWindow) -> BulkArchiveDialog:
        dialog = BulkArchiveDialog(self.desk, self)
        dialog.archived.connect(lambda _count: self.refresh_cases())
        dialog.archived.connect(lambda _count: self.case_view.refresh())
        dialog.open()
        return dialog

    def show_settings(self: MainWindow) -> SettingsDialog:
        dialog = SettingsDialog(self.desk, self)
        dialog.accepted.connect(self._settings_saved)
        dialog.open()
        return dialog

    def _settings_saved(self: MainWindow) -> None:
        self._seen = self.desk.change_token()
        self.idle_lock.set_minutes(self.desk.settings.idle_lock_minutes)
        self.setWindowTitle(window_title(self.desk))
        self.refresh_cases()  # holiday and pause settings move due dates; the register, next steps
        self.case_view.refresh()

    def open_demo(self: MainWindow, count: int = 25) -> DemoLauncher:
        """The demo in a workspace and a window of its own; this workspace is never touched."""
        launcher = DemoLauncher(self, count)
        launcher.ready.connect(self._show_demo)
        launcher.start()
        return launcher

    def _show_demo(self: MainWindow, desk: Desk, folder: Path) -> None:
        window = type(self)(desk, demo_folder=folder)
        self.demo_windows.append(window)
        window.show()


def window_title(desk: Desk) -> str:
    organisation = desk.settings.organisation_name
    title = f"{APP_NAME} — {organisation}" if organisation else APP_NAME
    return f"{title} — {t('gui.main.demo_title')}" if desk.settings.demo else title
