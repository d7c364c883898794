from __future__ import annotations

import pytest

from dsr_desk.gui.main_window import MainWindow
from dsr_desk.gui.style import apply_style


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
