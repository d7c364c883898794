"""Search and filter over the case list: free text over name, e-mail and reference; a filter by state."""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from dsr_desk.gui.case_table_model import FILTER_ROLE, SEARCH_ROLE, SORT_ROLE


class CaseFilter(StrEnum):
    """The values match CaseOverview.filter_tags; ALL shows every case."""

    ALL = "all"
    OPEN = "open"
    OVERDUE = "overdue"
    THIS_WEEK = "this_week"
    WAITING = "waiting"
    READY_TO_CLOSE = "ready_to_close"
    CLOSED = "closed"


def fold(text: str) -> str:
    """Case- and accent-insensitive: 'zoe' finds 'Zoë', 'ozturk' finds 'Öztürk'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class CaseFilterModel(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._filter = CaseFilter.ALL
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_search_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_case_filter(self, case_filter: CaseFilter) -> None:
        self.beginFilterChange()
        self._filter = case_filter
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if (
            self._filter is not CaseFilter.ALL
            and self._filter.value not in (index.data(FILTER_ROLE) or "").split()
        ):
            return False
        haystack = fold(index.data(SEARCH_ROLE) or "")
        return all(word in haystack for word in self._words)
