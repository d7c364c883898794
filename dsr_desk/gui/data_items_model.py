"""The data items of a case as a table: where each came from, what it is, and two ticks the handler sets —
'in the answer' and 'provided by the person' (the only data a portability export holds)."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from dsr_desk.i18n import t
from dsr_desk.rules.data_values import DataItem

Index = QModelIndex | QPersistentModelIndex


class ItemColumn(IntEnum):
    SYSTEM = 0
    CATEGORY = 1
    TITLE = 2
    SIZE = 3
    INCLUDED = 4
    PROVIDED = 5
    REDACTIONS = 6

    def title(self) -> str:
        return t(f"gui.data.column.{self.name.lower()}")


_CHECKS = {ItemColumn.INCLUDED: "included", ItemColumn.PROVIDED: "provided"}


class DataItemsModel(QAbstractTableModel):
    """Ticking a box calls `change(item_id, field, value)`, which writes the case; the table then reloads."""

    def __init__(self, change: Callable[[int, str, bool], None], parent=None) -> None:
        super().__init__(parent)
        self._items: list[DataItem] = []
        self._change = change

    def set_items(self, items: list[DataItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> DataItem:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ItemColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ItemColumn(section).title()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and ItemColumn(index.column()) in _CHECKS:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], ItemColumn(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and column in _CHECKS:
            ticked = getattr(item, _CHECKS[column])
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ItemColumn.TITLE and item.note:
                return f"{item.title}\n{item.note}"
            if column in _CHECKS:
                return t(f"gui.data.tip.{_CHECKS[column]}")
            return _display(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ItemColumn.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not item.included:
            return QColor("#777777")  # left out of the answer: still listed, visibly set aside
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = ItemColumn(index.column())
        if role != Qt.ItemDataRole.CheckStateRole or column not in _CHECKS:
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        self._change(self._items[index.row()].id, _CHECKS[column], ticked)
        return True


def _display(item: DataItem, column: ItemColumn) -> str:
    match column:
        case ItemColumn.SYSTEM:
            return item.system
        case ItemColumn.CATEGORY:
            return item.category
        case ItemColumn.TITLE:
            return ("⚠ " if item.note else "") + item.title
        case ItemColumn.SIZE:
            return QLocale().formattedDataSize(item.size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
        case ItemColumn.REDACTIONS:
            return str(len(item.redactions)) if item.redactions else ""
    return ""
