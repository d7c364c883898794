"""The main window on a shared workspace: the case it shows is claimed for editing (or shown read-only with
who has it), other processes' changes appear, and a workspace in a cloud-sync folder is warned about."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from dsr_desk import APP_NAME
from dsr_desk.desk.sharing import owner_fields
from dsr_desk.errors import CaseInUseError, DsrDeskError
from dsr_desk.gui.forms import plain_label
from dsr_desk.gui.main_menus import set_case_actions_enabled
from dsr_desk.gui.messages import show_message
from dsr_desk.i18n import t
from dsr_desk.rules.workspace_setup import cloud_sync_service

if TYPE_CHECKING:
    from dsr_desk.gui.main_window import MainWindow

# How often the window looks whether another process changed the workspace: a stat of three files.
WATCH_INTERVAL_MS = 3000


class SharedWorkspaceMixin:
    """Mixed into MainWindow; relies on its desk, open_case, case_view, refresh_cases and status bar."""

    def start_watching(self: MainWindow) -> None:
        self._seen = self.desk.change_token()
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_INTERVAL_MS)
        self.watch_timer.timeout.connect(self._watch_workspace)
        self.watch_timer.start()

    def show_cloud_warning(self: MainWindow) -> None:
        self.cloud_warning = None
        service = cloud_sync_service(str(self.desk.paths.root.resolve()))
        if service is None:
            return
        # Said once a session, and kept in sight: a sync client damages databases it copies mid-write.
        warning = t("workspace.cloud_warning", service=service)
        self.cloud_warning = plain_label(self, "cloudWarning")
        self.cloud_warning.setText(t("gui.main.cloud_short", service=service))
        self.cloud_warning.setToolTip(warning)
        self.statusBar().addPermanentWidget(self.cloud_warning)
        # With the window as context: never shown after the window is gone.
        QTimer.singleShot(0, self, lambda: show_message(self, APP_NAME, warning, QMessageBox.Icon.Warning))

    def _claim_open_case(self: MainWindow) -> None:
        """The case shown here is this window's to edit, unless another handler has it open: then it can be
        read, and the view says who has it."""
        assert self.open_case is not None
        reference = self.open_case.reference
        try:
            taken_over = self.desk.claim_case(reference)
        except CaseInUseError as error:
            self.case_view.set_in_use(error.message())
            set_case_actions_enabled(self, False)  # the menu's case actions too: read only here
            return
        self.case_view.set_in_use(None)
        set_case_actions_enabled(self, True)
        if taken_over is not None:
            self.statusBar().showMessage(
                t(
                    "gui.case_lock.taken_over",
                    reference=reference,
                    **owner_fields(taken_over, self.desk.today()),
                ),
                15000,
            )

    def _watch_workspace(self: MainWindow) -> None:
        """Another window, a colleague or a script changed the workspace: show it, as it is now."""
        token = self.desk.change_token()
        if token == self._seen:
            return
        self._seen = token
        self.refresh_cases()
        if self.open_case is not None:
            if self.case_view.in_use_by_other:
                self._claim_open_case()
            self.case_view.refresh()

    def _case_changed(self: MainWindow, reference: str) -> None:
        self.refresh_cases(select=reference)
        self._seen = self.desk.change_token()

    def _close_open_case(self: MainWindow) -> None:
        set_case_actions_enabled(self, False)
        if self.open_case is not None:
            with contextlib.suppress(DsrDeskError):
                self.desk.release_case(self.open_case.reference)
            self.open_case.close()
            self.open_case = None
            self.case_view.case = None
