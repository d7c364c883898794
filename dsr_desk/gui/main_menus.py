"""The main window's menus and toolbar, each task with a shortcut, so every main task has a keyboard path:
Ctrl+N a new request, Ctrl+F the search, Enter opens the chosen case, Ctrl+Enter its next step,
Ctrl+L a letter, Alt+Home back to the start page, F1 the manual."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QSizePolicy, QToolBar, QWidget

from dsr_desk.gui.archive_actions import verify_archive_file
from dsr_desk.gui.case_filter_model import CaseFilter
from dsr_desk.gui.help_dialogs import show_manual
from dsr_desk.gui.help_menu import add_about_action, add_log_file_action
from dsr_desk.i18n import t

if TYPE_CHECKING:
    from dsr_desk.gui.main_window import MainWindow


def _action(window: MainWindow, key: str, slot, shortcut=None) -> QAction:
    action = QAction(t(key), window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_toolbar(window: MainWindow) -> None:
    toolbar = QToolBar(t("gui.main.toolbar"), window)
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.new_case_action = _action(
        window, "gui.main.new_case", window.show_new_case_dialog, QKeySequence.StandardKey.New
    )
    toolbar.addAction(window.new_case_action)
    toolbar.widgetForAction(window.new_case_action).setObjectName("primaryAction")
    window.home_action = _action(window, "gui.main.home", window.show_start_page, "Alt+Home")
    toolbar.addAction(window.home_action)
    spacer = QWidget(window)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    window.search = QLineEdit(window)
    window.search.setPlaceholderText(t("gui.main.search_placeholder"))
    window.search.setClearButtonEnabled(True)
    window.search.setMinimumWidth(260)
    window.search.textChanged.connect(window.proxy.set_search_text)
    window.search.returnPressed.connect(window.open_first_hit)
    toolbar.addWidget(window.search)
    window.status_filter = QComboBox(window)
    for option in CaseFilter:
        window.status_filter.addItem(t(f"gui.filter.{option.value}"), option.value)
    window.status_filter.currentIndexChanged.connect(
        lambda: window.proxy.set_case_filter(CaseFilter(window.status_filter.currentData()))
    )
    toolbar.addWidget(window.status_filter)
    window.addToolBar(toolbar)


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(t("gui.menu.file"))
    file_menu.addAction(window.new_case_action)
    file_menu.addAction(_action(window, "gui.menu.settings", window.show_settings, "Ctrl+,"))
    file_menu.addSeparator()
    window.add_records_actions(file_menu)  # a backup by hand, Rapportage
    file_menu.addAction(_action(window, "gui.menu.archive_bulk", window.export_archives))
    file_menu.addAction(_action(window, "gui.menu.archive_verify", lambda: verify_archive_file(window)))
    if not window.desk.settings.demo:
        file_menu.addAction(_action(window, "gui.menu.demo", window.open_demo))
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "gui.menu.quit", window.close, QKeySequence.StandardKey.Quit))

    case_menu = bar.addMenu(t("gui.menu.case"))
    window.find_action = _action(window, "gui.menu.find", window.focus_search, QKeySequence.StandardKey.Find)
    window.next_step_action = _action(window, "gui.menu.next_step", window.run_next_step, "Ctrl+Return")
    view = window.case_view
    window.letter_action = _action(window, "gui.menu.letter", lambda: view.make_letter(), "Ctrl+L")
    window.note_action = _action(window, "gui.menu.note", view.ask_note, "Ctrl+Shift+N")
    window.identity_action = _action(window, "gui.menu.identity", view.check_identity, "Ctrl+I")
    window.close_case_action = _action(window, "gui.menu.close_case", view.ask_close, "Ctrl+Shift+W")
    for action in (window.find_action, window.next_step_action):
        case_menu.addAction(action)
    case_menu.addSeparator()
    for action in (window.letter_action, window.note_action, window.identity_action):
        case_menu.addAction(action)
    case_menu.addAction(window.close_case_action)
    case_menu.addSeparator()
    case_menu.addAction(window.home_action)

    help_menu = bar.addMenu(t("gui.menu.help"))
    help_menu.addAction(_action(window, "gui.menu.manual", lambda: show_manual(window), "F1"))
    add_log_file_action(help_menu)
    add_about_action(help_menu, window)  # the version, and the licences


def set_case_actions_enabled(window: MainWindow, enabled: bool) -> None:
    for action in (
        window.next_step_action,
        window.letter_action,
        window.note_action,
        window.identity_action,
        window.close_case_action,
    ):
        action.setEnabled(enabled)
