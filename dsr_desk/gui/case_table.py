"""The case list's view: a sortable table over the filter model over the case model."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QWidget

from dsr_desk.gui.case_filter_model import CaseFilterModel
from dsr_desk.gui.case_table_model import CaseTableModel, Column
from dsr_desk.rules.overview import CaseOverview

OPTIONAL = (Column.DUE, Column.STATUS, Column.RECEIVED)  # in the order they are given room
REQUESTER_WIDTH = 150  # what a name needs to be recognised


class CaseTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseTable")
        self.source = CaseTableModel(self)
        self.proxy = CaseFilterModel(self)
        self.proxy.setSourceModel(self.source)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(30)
        header = self.horizontalHeader()
        # Every column as wide as what it says (names of request types are never cut to 'V', 'I.'); the
        # requester's name takes what is left, and the list scrolls sideways only when even that runs out.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.REQUESTER, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.chosen: dict[Column, bool] = {}  # columns the handler showed or hid (right-click the header)
        self.sortByColumn(Column.DAYS_LEFT, Qt.SortOrder.AscendingOrder)  # most urgent first
        self.fit_columns()

    def fit_columns(self) -> None:
        """The optional columns show where they fit beside a readable name; the rest is in tooltips (the
        due date on the time left, the status in the next step) and a right-click away."""
        header = self.horizontalHeader()
        room = self.viewport().width() - REQUESTER_WIDTH
        for column in Column:
            if column not in OPTIONAL and column is not Column.REQUESTER:
                room -= self._width(column)
        for column in OPTIONAL:
            shown = self.chosen.get(column)
            if shown is None:
                shown = column is not Column.RECEIVED and self._width(column) <= room
            self.setColumnHidden(column, not shown)
            if shown:
                room -= self._width(column)
        header.setMinimumSectionSize(48)

    def _width(self, column: Column) -> int:
        return max(self.sizeHintForColumn(column), self.horizontalHeader().sectionSizeHint(column))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _choose_columns(self, position) -> QMenu:
        """Right-click on the header: which columns show."""
        menu = QMenu(self)
        for column in Column:
            if column is Column.REFERENCE:
                continue
            action = menu.addAction(column.title())
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self._choose(c, shown))
        menu.popup(self.horizontalHeader().mapToGlobal(position))
        return menu

    def _choose(self, column: Column, shown: bool) -> None:
        self.chosen[column] = shown
        self.setColumnHidden(column, not shown)

    def set_rows(self, rows: list[CaseOverview]) -> None:
        self.source.set_rows(rows)
        self.fit_columns()

    def select(self, reference: str) -> bool:
        """Selects the case's row when it is listed (and not filtered out)."""
        row = self.source.row_of(reference)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.source.index(row, 0))
        if not index.isValid():
            return False
        self.selectRow(index.row())
        self.scrollTo(index)
        return True
