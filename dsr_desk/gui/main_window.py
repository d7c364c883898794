"""The main window: the case list (searchable, filterable, sortable) beside the open case."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from dsr_desk import APP_NAME
from dsr_desk.desk import Case, Desk
from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.archive_actions import BulkArchiveDialog, verify_archive_file
from dsr_desk.gui.background import stop_all_background_work
from dsr_desk.gui.case_filter_model import CaseFilter
from dsr_desk.gui.case_table import CaseTable
from dsr_desk.gui.case_table_model import REFERENCE_ROLE
from dsr_desk.gui.case_view import CaseView, plain_label
from dsr_desk.gui.help_menu import add_about_action, add_log_file_action
from dsr_desk.gui.idle_lock import IdleLock, watch_screen_lock
from dsr_desk.gui.new_case_dialog import NewCaseDialog
from dsr_desk.gui.records_actions import RecordsActionsMixin
from dsr_desk.gui.reminder_banner import ReminderBanner, TrayNotifier
from dsr_desk.gui.settings import SettingsDialog
from dsr_desk.gui.shared_workspace import SharedWorkspaceMixin
from dsr_desk.gui.style import app_icon
from dsr_desk.gui.text_input_dialog import TextInputDialog
from dsr_desk.i18n import t
from dsr_desk.rules.overview import CaseOverview, reminder


class MainWindow(SharedWorkspaceMixin, RecordsActionsMixin, QMainWindow):
    # Why (idle | screen | suspend), the window's geometry, the open case's reference: what to restore.
    locked = Signal(str, bytes, object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.open_case: Case | None = None
        self.setWindowTitle(_title(desk))
        self.resize(1400, 860)

        self.table = CaseTable(self)
        self.model, self.proxy = self.table.source, self.table.proxy
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.case_view = CaseView(self)
        self.case_view.changed.connect(self._case_changed)
        self.case_view.destroy_requested.connect(self.ask_destroy)
        self.placeholder = QLabel(t("gui.main.no_case_selected"), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("placeholder")
        self.case_error = plain_label(self, "caseError")
        self.case_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QStackedWidget(self)
        # On a laptop screen the case scrolls rather than squeezing its tabs to nothing.
        self.case_scroll = QScrollArea(self)
        self.case_scroll.setWidgetResizable(True)
        self.case_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.case_scroll.setWidget(self.case_view)
        self.case_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.case_scroll.setMinimumWidth(self.case_view.minimumSizeHint().width() + 20)
        for widget in (self.placeholder, self.case_scroll, self.case_error):
            self.detail.addWidget(widget)

        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([820, 560])
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
        self._build_toolbar()
        self._build_menus()
        self.count_label = QLabel(self)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(QLabel(t("gui.main.workspace", path=str(desk.paths.root)), self))
        self.show_cloud_warning()
        self.check_reminders()  # fills the list as well
        self.start_watching()
        self.idle_lock = IdleLock(desk.settings.idle_lock_minutes, self)
        self.idle_lock.lock_requested.connect(self.lock)
        watch_screen_lock(self.idle_lock)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(t("gui.main.toolbar"), self)
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_case_action = QAction(t("gui.main.new_case"), self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.triggered.connect(self.show_new_case_dialog)
        toolbar.addAction(self.new_case_action)
        toolbar.widgetForAction(self.new_case_action).setObjectName("primaryAction")
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(t("gui.main.search_placeholder"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.search.textChanged.connect(self.proxy.set_search_text)
        toolbar.addWidget(self.search)
        self.status_filter = QComboBox(self)
        for option in CaseFilter:
            self.status_filter.addItem(t(f"gui.filter.{option.value}"), option.value)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_case_filter(CaseFilter(self.status_filter.currentData()))
        )
        toolbar.addWidget(self.status_filter)
        self.addToolBar(toolbar)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(t("gui.menu.file"))
        file_menu.addAction(self.new_case_action)
        file_menu.addAction(t("gui.menu.settings")).triggered.connect(self.show_settings)
        file_menu.addSeparator()
        self.add_records_actions(file_menu)
        archives = file_menu.addAction(t("gui.menu.archive_bulk"))
        archives.triggered.connect(self.export_archives)
        verify = file_menu.addAction(t("gui.menu.archive_verify"))
        verify.triggered.connect(lambda: verify_archive_file(self))
        file_menu.addSeparator()
        quit_action = file_menu.addAction(t("gui.menu.quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(t("gui.menu.help"))
        add_log_file_action(help_menu)
        add_about_action(help_menu, self)

    # -- the list ------------------------------------------------------------------------------------------

    def refresh_cases(self, select: str | None = None) -> list[CaseOverview]:
        current = select or (self.open_case.reference if self.open_case else None)
        rows = self.desk.overview()
        self.table.set_rows(rows)
        self.count_label.setText(t("gui.main.count", count=self.model.rowCount()))
        if current:
            self.select_case(current)
        return rows

    def select_case(self, reference: str) -> None:
        self.table.select(reference)

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

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        reference = indexes[0].data(REFERENCE_ROLE) if indexes else None
        if self.open_case is not None and self.open_case.reference == reference:
            return
        self._close_open_case()
        if reference is None:
            self.detail.setCurrentWidget(self.placeholder)
            return
        try:
            self.open_case = self.desk.open_case(reference)
        except DsrDeskError as error:
            self.case_error.setText(error.message())
            self.detail.setCurrentWidget(self.case_error)
            return
        self._claim_open_case()
        self.case_view.show_case(self.open_case)
        self.detail.setCurrentWidget(self.case_scroll)

    # -- actions -------------------------------------------------------------------------------------------

    def show_new_case_dialog(self) -> NewCaseDialog:
        dialog = NewCaseDialog(self.desk.new_case, self.desk.today(), self)
        dialog.created.connect(lambda summary: self._created(summary.reference))
        dialog.open()
        return dialog

    def _created(self, reference: str) -> None:
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.refresh_cases(select=reference)
        self._seen = self.desk.change_token()
        self.statusBar().showMessage(t("gui.main.created", reference=reference), 8000)

    def ask_destroy(self, reference: str) -> TextInputDialog:
        def destroy(reason: str) -> None:
            self._close_open_case()
            self.desk.destroy_case(reference, reason)

        dialog = TextInputDialog(
            title=t("gui.destroy.title", reference=reference),
            label=t("gui.destroy.label"),
            action=t("gui.destroy.action"),
            confirmation=t("gui.destroy.confirm"),
            submit=destroy,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._destroyed(reference))
        dialog.open()
        return dialog

    def _destroyed(self, reference: str) -> None:
        self.refresh_cases()
        self._seen = self.desk.change_token()
        self.detail.setCurrentWidget(self.placeholder)
        self.statusBar().showMessage(t("gui.main.destroyed", reference=reference), 8000)

    def export_archives(self) -> BulkArchiveDialog:
        dialog = BulkArchiveDialog(self.desk, self)
        dialog.archived.connect(lambda _count: self.refresh_cases())
        dialog.archived.connect(lambda _count: self.case_view.refresh())
        dialog.open()
        return dialog

    def show_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.desk, self)
        dialog.accepted.connect(self._settings_saved)
        dialog.open()
        return dialog

    def _settings_saved(self) -> None:
        self._seen = self.desk.change_token()
        self.idle_lock.set_minutes(self.desk.settings.idle_lock_minutes)
        self.setWindowTitle(_title(self.desk))
        self.refresh_cases()  # holiday and pause settings move due dates
        self.case_view.refresh()

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
        self.backup_on_quit()
        self._close_open_case()
        super().closeEvent(event)


def _title(desk: Desk) -> str:
    organisation = desk.settings.organisation_name
    return f"{APP_NAME} — {organisation}" if organisation else APP_NAME
