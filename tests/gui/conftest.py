from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from dsr_desk.gui.main_window import MainWindow
from dsr_desk.gui.style import apply_style


@pytest.fixture(autouse=True)
def _own_preferences(tmp_path):
    """Window geometry is remembered in the user's preferences; a test keeps its own, in its temp folder."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "preferences"))


@pytest.fixture(autouse=True)
def _no_dialog_left_open(qapp):
    """A dialog a test left open (a message it did not dismiss) never answers for the next test's."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.done(QDialog.DialogCode.Rejected)


@pytest.fixture
def window(qtbot, qapp, desk):
    apply_style(qapp)
    main = MainWindow(desk)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture(autouse=True)
def _own_qsettings(tmp_path, qapp):
    """What the app remembers per computer (the last handler, window geometry) goes to this test's folder,
    never to the user's own settings."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield
