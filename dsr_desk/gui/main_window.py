"""The main window: the case list (searchable, filterable, sortable) beside the open case, or beside the
workspace's start page when no case is chosen. Sized to the screen it is on, and remembered per screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Case, Desk
from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.background import stop_all_background_work
from dsr_desk.gui.case_filter_model import CaseFilter
from dsr_desk.gui.case_table import CaseTable
from dsr_desk.gui.case_table_model import REFERENCE_ROLE
from dsr_desk.gui.case_view import CaseView
from dsr_desk.gui.demo_workspace import remove_demo_folder
from dsr_desk.gui.forms import plain_label
from dsr_desk.gui.idle_lock import IdleLock, watch_screen_lock
from dsr_desk.gui.main_actions import MainWindowActions, window_title
from dsr_desk.gui.main_menus import build_menus, build_toolbar, set_case_actions_enabled
from dsr_desk.gui.records_actions import RecordsActionsMixin
from dsr_desk.gui.reminder_banner import ReminderBanner, TrayNotifier
from dsr_desk.gui.screen_fit import remember_geometry, restore_geometry, scrolling
from dsr_desk.gui.shared_workspace import SharedWorkspaceMixin
from dsr_desk.gui.start_page import StartPage
from dsr_desk.gui.style import app_icon
from dsr_desk.i18n import t
from dsr_desk.rules.overview import CaseOverview, reminder


class MainWindow(MainWindowActions, SharedWorkspaceMixin, RecordsActionsMixin, QMainWindow):
    # Why (idle | screen | suspend), the window's geometry, the open case's reference: what to restore.
    locked = Signal(str, bytes, object)

    def __init__(self, desk: Desk, parent: QWidget | None = None, demo_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.demo_folder = demo_folder  # a demo's own folder, removed when this window closes
        self.open_case: Case | None = None
        self.demo_windows: list[MainWindow] = []
        self.setWindowTitle(window_title(desk))
        self.table = CaseTable(self)
        self.model, self.proxy = self.table.source, self.table.proxy
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # Enter or a click on a row always opens it, also when it was already the current row.
        self.table.activated.connect(self.open_row)
        self.table.clicked.connect(self.open_row)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        self.case_view = CaseView(self)
        self.case_view.changed.connect(self._case_changed)
        self.case_view.destroy_requested.connect(self.ask_destroy)
        self.start_page = StartPage(desk.settings.demo, self)
        self.start_page.filter_requested.connect(lambda value: self.set_filter(CaseFilter(value)))
        self.start_page.new_case_requested.connect(self.show_new_case_dialog)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.destruction_requested.connect(self.show_retention)
        self.placeholder = scrolling(self.start_page, self)
        self.case_error = plain_label(self, "caseError")
        self.case_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Not in a scroll area: the case view fits a laptop's height, its tabs scroll where they must.
        self.case_scroll = self.case_view
        self.detail = QStackedWidget(self)
        for widget in (self.placeholder, self.case_scroll, self.case_error):
            self.detail.addWidget(widget)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([780, 570])
        self.banner = ReminderBanner(self)
        self.banner.show_requested.connect(self.show_urgent)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.make_retention_banner())
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.setWindowIcon(app_icon())
        self.tray = TrayNotifier(app_icon(), self)
        self.reminded_on: dt.date | None = None
        # Once a day while open: the hourly check notices a new day (and a laptop waking up).
        self.reminder_timer = QTimer(self)
        self.reminder_timer.setInterval(60 * 60 * 1000)
        self.reminder_timer.timeout.connect(self.check_reminders)
        self.reminder_timer.start()
        build_toolbar(self)
        build_menus(self)
        set_case_actions_enabled(self, False)
        self.count_label = QLabel(self)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(QLabel(t("gui.main.workspace", path=str(desk.paths.root)), self))
        restore_geometry(self, 1400, 860)
        self.show_cloud_warning()
        self.check_reminders()  # fills the list as well
        self.start_watching()
        self.idle_lock = IdleLock(desk.settings.idle_lock_minutes, self)
        self.idle_lock.lock_requested.connect(self.lock)
        watch_screen_lock(self.idle_lock)

    # -- the list ------------------------------------------------------------------------------------------

    def refresh_cases(self, select: str | None = None) -> list[CaseOverview]:
        current = select or (self.open_case.reference if self.open_case else None)
        rows = self.desk.overview()
        self.table.set_rows(rows)
        self.start_page.show_rows(rows)
        if current:
            self.select_case(current)
        self._update_count()
        return rows

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        key = "gui.main.count" if shown == total else "gui.main.count_filtered"
        self.count_label.setText(t(key, count=total, shown=shown))

    def select_case(self, reference: str) -> None:
        self.table.select(reference)

    def open_row(self, index: QModelIndex) -> None:
        reference = index.data(REFERENCE_ROLE) if index.isValid() else None
        if reference is None:
            return
        if self.open_case is None or self.open_case.reference != reference:
            self.table.selectRow(index.row())
            self._open(reference)
        elif self.detail.currentWidget() is not self.case_scroll:
            self._open(reference)
        self.case_view.next_step.button.setFocus()

    def open_first_hit(self) -> None:
        """Enter in the search box opens the first case the search found."""
        if self.proxy.rowCount():
            self.open_row(self.proxy.index(0, 0))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def check_reminders(self) -> None:
        """On start and each new day: the overdue cases and those due within 2 working days."""
        today = self.desk.today()
        if self.reminded_on == today:
            return
        self.reminded_on = today
        due = reminder(self.refresh_cases())
        self.banner.show_reminder(due)
        self.check_records()
        self.tray.notify(due)

    def show_urgent(self) -> None:
        self.search.clear()
        self.set_filter(
            CaseFilter.OVERDUE if reminder(self.desk.overview()).overdue else CaseFilter.THIS_WEEK
        )

    def set_filter(self, case_filter: CaseFilter) -> None:
        self.status_filter.setCurrentIndex(self.status_filter.findData(case_filter.value))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def show_start_page(self) -> None:
        self.table.clearSelection()
        self._show_nothing()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        reference = indexes[0].data(REFERENCE_ROLE) if indexes else None
        if self.open_case is not None and self.open_case.reference == reference:
            return
        if reference is None:
            self._show_nothing()
            return
        self._open(reference)

    def _open(self, reference: str) -> None:
        self._close_open_case()
        try:
            self.open_case = self.desk.open_case(reference)
        except DsrDeskError as error:
            self.case_error.setText(error.message())
            self.detail.setCurrentWidget(self.case_error)
            return
        self._claim_open_case()  # enables the case's actions, unless another handler has it open
        self.case_view.show_case(self.open_case)
        self.detail.setCurrentWidget(self.case_scroll)

    def _show_nothing(self) -> None:
        self._close_open_case()
        self.detail.setCurrentWidget(self.placeholder)

    def run_next_step(self) -> object:
        return self.case_view.run_next_step() if self.open_case is not None else None

    # -- locking -------------------------------------------------------------------------------------------

    def lock(self, why: str = "idle") -> None:
        """Closes every dialog first (a file dialog's own event loop included), then the window, on the
        next turn of the event loop, with everything it showed; `locked` asks for the unlock dialog."""
        self.idle_lock.stop()
        stop_all_background_work()  # a locked screen stops an export; it leaves no partial file
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.done(QDialog.DialogCode.Rejected)  # done(), not reject(): no dialog may refuse
        QTimer.singleShot(0, self, lambda: self._lock_now(why))

    def _lock_now(self, why: str) -> None:
        reference = self.open_case.reference if self.open_case else None
        self.locked.emit(why, bytes(self.saveGeometry()), reference)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        stop_all_background_work()  # an export is cancelled (no partial file), an import finished
        for window in self.demo_windows:
            if window.isVisible():
                window.close()
        self.backup_on_quit()
        self._close_open_case()
        # A closed window looks no more: not at the workspace (a demo's folder is gone next), nor the clock.
        for timer in (self.watch_timer, self.reminder_timer):
            timer.stop()
        self.idle_lock.stop()
        if self.demo_folder is None:
            remember_geometry(self)
        else:
            self.desk.close()
            remove_demo_folder(self.demo_folder)
        super().closeEvent(event)
