"""The checklist of the organisation's systems for one case: each searched or not, what was found, by whom
and when. Systems come from the processing register; a system searched but not in it is listed too."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from dsr_desk.desk import Case
from dsr_desk.gui.data_dialogs import SearchDialog
from dsr_desk.i18n import format_date, format_datetime, t
from dsr_desk.rules.case_values import parse_moment
from dsr_desk.rules.data_values import Search

_COLUMNS = ("system", "searched", "found", "by")


class SearchChecklist(QTableWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(_COLUMNS), parent)
        self.case: Case | None = None
        self.setHorizontalHeaderLabels([t(f"gui.data.search_column.{c}") for c in _COLUMNS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        for column in range(len(_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.cellDoubleClicked.connect(lambda row, _column: self.record_search(row))

    def show_case(self, case: Case) -> None:
        self.case = case
        searched = {s.system: s for s in case.searches()}
        systems = case.systems()  # the register's, then any other system searched
        self.setRowCount(len(systems))
        for row, system in enumerate(systems):
            search = searched.get(system)
            for column, text in enumerate(_cells(system, search)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(_tip(search) if search else text)
                self.setItem(row, column, cell)

    def record_search(self, row: int | None = None) -> SearchDialog | None:
        """A new line, or (double-click) the line of one system, prefilled."""
        if self.case is None:
            return None
        previous = None
        if row is not None:
            system = self.item(row, 0).text()
            found = [s for s in self.case.searches() if s.system == system]
            previous = found[0] if found else Search(system, searched=True)
        dialog = SearchDialog(self.case, previous, self)
        dialog.accepted.connect(self.changed)
        dialog.open()
        return dialog


def _cells(system: str, search: Search | None) -> tuple[str, str, str, str]:
    if search is None:
        return system, "—", t("gui.data.not_recorded"), ""
    state = "✓ " + t("gui.data.yes") if search.searched else "✗ " + t("gui.data.no")
    when = format_date(parse_moment(search.at).astimezone().date()) if search.at else ""
    found = search.found or (search.note if not search.searched else "") or "—"
    return system, state, found, f"{search.by}, {when}".strip(", ")


def _tip(search: Search) -> str:
    lines = [search.found, search.note, f"{search.by}, {format_datetime(parse_moment(search.at))}"]
    return "\n".join(line for line in lines if line)
