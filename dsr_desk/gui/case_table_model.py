"""The case list as a Qt table model: one row per CaseSummary from the index."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from dsr_desk.i18n import format_date, t
from dsr_desk.rules.case_values import CaseSummary
from dsr_desk.rules.requests import CaseStatus

Index = QModelIndex | QPersistentModelIndex
REFERENCE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_STATUS_ORDER = {CaseStatus.NEW: 0, CaseStatus.IN_PROGRESS: 1, CaseStatus.WAITING: 2, CaseStatus.CLOSED: 3}


class Column(IntEnum):
    REFERENCE = 0
    REQUESTER = 1
    TYPES = 2
    RECEIVED = 3
    STATUS = 4

    def title(self) -> str:
        return t(f"gui.column.{self.name.lower()}")


class CaseTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._cases: list[CaseSummary] = []

    def set_cases(self, cases: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self.endResetModel()

    def case_at(self, row: int) -> CaseSummary:
        return self._cases[row]

    def row_of(self, reference: str) -> int | None:
        return next((i for i, case in enumerate(self._cases) if case.reference == reference), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return Column(section).title()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._cases):
            return None
        case = self._cases[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(case, column)
        if role == SORT_ROLE:
            return _sort_key(case, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.REQUESTER:
            return case.email
        if role == REFERENCE_ROLE:
            return case.reference
        if role == SEARCH_ROLE:
            return " ".join((case.reference, case.name, case.email))
        if role == STATUS_ROLE:
            return case.status.value
        return None


def _display(case: CaseSummary, column: Column) -> str:
    match column:
        case Column.REFERENCE:
            return case.reference
        case Column.REQUESTER:
            return case.name
        case Column.TYPES:
            return ", ".join(kind.label() for kind in case.types)
        case Column.RECEIVED:
            return format_date(case.received)
        case Column.STATUS:
            return case.status.label()


def _sort_key(case: CaseSummary, column: Column):
    match column:
        case Column.RECEIVED:
            return case.received.isoformat()
        case Column.STATUS:
            return _STATUS_ORDER[case.status]
        case Column.REQUESTER:
            return case.name.casefold()
    return _display(case, column)
