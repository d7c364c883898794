"""The case list as a Qt table model: one row per case, with its clock as of today."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from dsr_desk.i18n import format_date_short, t
from dsr_desk.rules.clock import Urgency
from dsr_desk.rules.clock_text import days_left_short, days_left_text
from dsr_desk.rules.overview import CaseOverview, urgency_order
from dsr_desk.rules.requests import CaseStatus

Index = QModelIndex | QPersistentModelIndex
REFERENCE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 4

_STATUS_ORDER = {
    CaseStatus.NEW: 0,
    CaseStatus.IN_PROGRESS: 1,
    CaseStatus.WAITING: 2,
    CaseStatus.CLOSED: 3,
    CaseStatus.FORWARDED: 4,
}
# Colour helps the eye; the text in the same cell says the same thing, so colour is never the only signal.
URGENCY_COLOURS = {
    Urgency.OVERDUE: ("#fbe0dd", "#8a1c12"),
    Urgency.CRITICAL: ("#ffe6c7", "#7a3d00"),
    Urgency.SOON: ("#fff5cf", "#6b5300"),
    Urgency.LATER: (None, "#22662f"),
    Urgency.CLOSED: (None, "#6b7680"),
    Urgency.FORWARDED: (None, "#6b7680"),
}


class Column(IntEnum):
    REFERENCE = 0
    REQUESTER = 1
    DAYS_LEFT = 2
    DUE = 3
    RECEIVED = 4
    STATUS = 5
    TYPES = 6

    def title(self) -> str:
        return t(f"gui.column.{self.name.lower()}")


class CaseTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[CaseOverview] = []

    def set_rows(self, rows: list[CaseOverview]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, reference: str) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.summary.reference == reference), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return Column(section).title()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return _colour(row, column, role)
        if role == SORT_ROLE:
            return _sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.DUE, Column.DAYS_LEFT):
                return f"{days_left_text(row.clock)}\n{row.clock.rule()}"
            return row.summary.email
        if role == REFERENCE_ROLE:
            return row.summary.reference
        if role == SEARCH_ROLE:
            return " ".join((row.summary.reference, row.summary.name, row.summary.email))
        if role == FILTER_ROLE:
            return " ".join(sorted(row.filter_tags))
        if role == URGENCY_ROLE:
            return row.urgency.value
        return None


def _display(row: CaseOverview, column: Column) -> str:
    case = row.summary
    match column:
        case Column.REFERENCE:
            return case.reference
        case Column.REQUESTER:
            return case.name
        case Column.TYPES:
            return ", ".join(kind.label() for kind in case.types)
        case Column.RECEIVED:
            return format_date_short(case.received)
        case Column.DUE:
            return format_date_short(row.clock.due)
        case Column.DAYS_LEFT:
            return days_left_short(row.clock)
        case Column.STATUS:
            return case.status.label()


def _colour(row: CaseOverview, column: Column, role: int):
    if column is not Column.DAYS_LEFT:
        return None
    background, foreground = URGENCY_COLOURS[row.urgency]
    colour = background if role == Qt.ItemDataRole.BackgroundRole else foreground
    return QBrush(QColor(colour)) if colour else None


def _sort_key(row: CaseOverview, column: Column):
    match column:
        case Column.RECEIVED:
            return row.summary.received.isoformat()
        case Column.DUE:
            return row.clock.due.isoformat()
        case Column.DAYS_LEFT:
            rank, due, reference = urgency_order(row)
            return f"{rank}|{due.isoformat()}|{reference}"
        case Column.STATUS:
            return _STATUS_ORDER[row.summary.status]
        case Column.REQUESTER:
            return row.summary.name.casefold()
    return _display(row, column)
