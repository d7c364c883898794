"""The workspace's start page, shown where a case would be when none is chosen: what needs attention, each
count a button that filters the list to those cases; a new request; the demo to look around in."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dsr_desk.gui.case_filter_model import CaseFilter
from dsr_desk.i18n import t
from dsr_desk.rules.overview import CaseOverview

# The counts, in the order a handler attends to them; then the closed cases past their retention term,
# which are not in the list's filters but in the retention dialog.
COUNTED = (CaseFilter.OVERDUE, CaseFilter.THIS_WEEK, CaseFilter.WAITING, CaseFilter.READY_TO_CLOSE)


class StartPage(QWidget):
    filter_requested = Signal(str)  # a CaseFilter value
    new_case_requested = Signal()
    demo_requested = Signal()
    destruction_requested = Signal()

    def __init__(self, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel(t("gui.start.title"), self)
        title.setObjectName("startTitle")
        self.summary = QLabel(self)
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.counts: dict[CaseFilter, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        for position, case_filter in enumerate(COUNTED):
            button = QPushButton(self)
            button.setObjectName("countButton")
            button.setProperty("filter", case_filter.value)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False, f=case_filter: self.filter_requested.emit(f.value))
            self.counts[case_filter] = button
            grid.addWidget(button, position // 2, position % 2)
        self.destruction_button = QPushButton(self)
        self.destruction_button.setObjectName("countButton")
        self.destruction_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.destruction_button.clicked.connect(self.destruction_requested.emit)
        grid.addWidget(self.destruction_button, len(COUNTED) // 2, len(COUNTED) % 2)
        self.show_destruction_count(0)
        self.new_button = QPushButton(t("gui.start.new_case"), self)
        self.new_button.clicked.connect(self.new_case_requested.emit)
        self.demo_button = QPushButton(t("gui.start.demo"), self)
        self.demo_button.setToolTip(t("gui.start.demo_tip"))
        self.demo_button.clicked.connect(self.demo_requested.emit)
        self.demo_button.setVisible(not demo)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.demo_button)
        actions.addStretch(1)
        hint = QLabel(t("gui.start.hint"), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addSpacing(12)
        layout.addLayout(actions)
        layout.addWidget(hint)
        layout.addStretch(1)

    def show_rows(self, rows: Iterable[CaseOverview]) -> None:
        rows = list(rows)
        for case_filter, button in self.counts.items():
            count = sum(1 for row in rows if case_filter.value in row.filter_tags)
            _show_count(button, t(f"gui.start.count.{case_filter.value}", count=count), count)
        open_rows = sum(1 for row in rows if "open" in row.filter_tags)
        self.summary.setText(t("gui.start.summary", count=len(rows), open=open_rows))

    def show_destruction_count(self, count: int) -> None:
        """Counted with the daily reminder (it reads each closed case past its term for a hold)."""
        _show_count(self.destruction_button, t("gui.start.count.destruction", count=count), count)


def _show_count(button: QPushButton, text: str, count: int) -> None:
    button.setText(text)
    button.setProperty("empty", count == 0)
    button.style().unpolish(button)
    button.style().polish(button)
