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
