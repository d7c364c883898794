"""The case list's view: a sortable table over the filter model over the case model."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from dsr_desk.gui.case_filter_model import CaseFilterModel
from dsr_desk.gui.case_table_model import CaseTableModel, Column
from dsr_desk.rules.overview import CaseOverview


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
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TYPES, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.sortByColumn(Column.DAYS_LEFT, Qt.SortOrder.AscendingOrder)  # most urgent first

    def set_rows(self, rows: list[CaseOverview]) -> None:
        self.source.set_rows(rows)

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
