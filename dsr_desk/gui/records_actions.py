"""The window's records actions: Rapportage, a backup by hand, and the cases ready for destruction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from dsr_desk.gui.backup_status import BackupStatusMixin
from dsr_desk.gui.report_view import ReportView
from dsr_desk.gui.retention_view import RetentionBanner, RetentionDialog
from dsr_desk.i18n import t

if TYPE_CHECKING:
    from dsr_desk.gui.main_window import MainWindow


class RecordsActionsMixin(BackupStatusMixin):
    """Mixed into MainWindow; relies on its desk and the case list."""

    def check_records(self: MainWindow) -> None:
        """With the daily reminder: the last backup's age, the daily backup, the cases past their term."""
        self.show_backup_state()
        self.backup_if_due()
        self.show_retention_count()

    def add_records_actions(self: MainWindow, menu: QMenu) -> None:
        backup = menu.addAction(t("gui.menu.backup"))
        backup.triggered.connect(lambda: self.make_backup())
        reports = menu.addAction(t("gui.menu.report"))
        reports.triggered.connect(self.show_report)

    def make_retention_banner(self: MainWindow) -> RetentionBanner:
        self.retention_banner = RetentionBanner(self)
        self.retention_banner.show_requested.connect(self.show_retention)
        return self.retention_banner

    def show_retention_count(self: MainWindow) -> None:
        count = len(self.desk.cases_due_for_destruction())
        self.retention_banner.show_count(count)
        self.start_page.show_destruction_count(count)

    def show_retention(self: MainWindow) -> RetentionDialog:
        dialog = RetentionDialog(self.desk, self)
        dialog.changed.connect(self._retention_changed)
        dialog.open()
        return dialog

    def _retention_changed(self: MainWindow) -> None:
        self._close_open_case()
        self.refresh_cases()
        self._seen = self.desk.change_token()
        self.show_retention_count()

    def show_report(self: MainWindow) -> ReportView:
        view = ReportView(self.desk, self)
        view.open()
        return view
