"""Search and filter over the case list: free text over name, e-mail and reference; a status filter."""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from dsr_desk.gui.case_table_model import SEARCH_ROLE, SORT_ROLE, STATUS_ROLE


class StatusFilter(StrEnum):
    ALL = "all"
    OPEN = "open"
    WAITING = "waiting"
    CLOSED = "closed"

    def accepts(self, status: str) -> bool:
        match self:
            case StatusFilter.ALL:
                return True
            case StatusFilter.OPEN:
                return status != "closed"
        return status == self.value


def fold(text: str) -> str:
    """Case- and accent-insensitive: 'zoe' finds 'Zoë', 'ozturk' finds 'Öztürk'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class CaseFilterModel(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._status = StatusFilter.ALL
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_search_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status_filter(self, status: StatusFilter) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if not self._status.accepts(index.data(STATUS_ROLE)):
            return False
        haystack = fold(index.data(SEARCH_ROLE) or "")
        return all(word in haystack for word in self._words)
