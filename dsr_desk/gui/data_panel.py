"""Data found: the checklist of the organisation's systems, the items found in them (typed, imported or
dropped onto the list), and from there the export for the person and the case archive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Case
from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.archive_actions import save_case_archive
from dsr_desk.gui.background import BackgroundTask
from dsr_desk.gui.data_dialogs import AddDataDialog, RedactionsDialog
from dsr_desk.gui.data_items_model import DataItemsModel, ItemColumn
from dsr_desk.gui.export_dialog import ExportDialog
from dsr_desk.gui.messages import show_error, show_message
from dsr_desk.gui.search_checklist import SearchChecklist
from dsr_desk.gui.text_input_dialog import TextInputDialog
from dsr_desk.i18n import t


class _DropTable(QTableView):
    """The items list also takes files dropped from Explorer or Finder."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)


class DataPanel(QWidget):
    changed = Signal()
    letter_wanted = Signal(str)  # a LetterKind value: after an export, its cover letter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        self.task: BackgroundTask | None = None
        self.search_button = QPushButton(t("gui.data.record_search"), self)
        self.searches = SearchChecklist(self)
        self.searches.changed.connect(self._after_change)
        self.search_button.clicked.connect(lambda: self.searches.record_search())

        self.add_files_button = QPushButton(t("gui.data.add_files"), self)
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_text_button = QPushButton(t("gui.data.add_text"), self)
        self.add_text_button.clicked.connect(self.add_text)
        self.redact_button = QPushButton(t("gui.data.redact"), self)
        self.redact_button.clicked.connect(self.redact_selected)
        self.remove_button = QPushButton(t("gui.data.remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.model = DataItemsModel(self._tick, self)
        self.items = _DropTable(self)
        self.items.setModel(self.model)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.verticalHeader().hide()
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ItemColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        self.items.files_dropped.connect(self.add_files)
        self.items.doubleClicked.connect(lambda _index: self.redact_selected())
        self.drop_hint = QLabel(t("gui.data.drop_hint"), self)
        self.drop_hint.setObjectName("hint")
        self.drop_hint.setWordWrap(True)

        self.export_button = QPushButton(t("gui.data.export"), self)
        self.export_button.clicked.connect(self.export)
        self.archive_button = QPushButton(t("gui.data.archive"), self)
        self.archive_button.clicked.connect(self.archive)
        self.summary = QLabel(self)
        self.summary.setObjectName("hint")

        # Two halves the handler can resize: the checklist above, the items below.
        searches = QWidget(self)
        top = QVBoxLayout(searches)
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(_row(_heading(t("gui.data.searches_heading"), self), self.search_button))
        top.addWidget(self.searches)
        found = QWidget(self)
        bottom = QVBoxLayout(found)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(_heading(t("gui.data.items_heading"), self))
        actions = QHBoxLayout()
        for button in (self.add_files_button, self.add_text_button, self.redact_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        bottom.addLayout(actions)
        bottom.addWidget(self.items, 1)
        bottom.addWidget(self.drop_hint)
        halves = QSplitter(Qt.Orientation.Vertical, self)
        halves.setChildrenCollapsible(False)
        halves.addWidget(searches)
        halves.addWidget(found)
        halves.setStretchFactor(1, 2)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        # What the data is for, at the top where it is always in sight: never below the fold.
        layout.addLayout(_row(self.summary, self.export_button, self.archive_button))
        layout.addWidget(halves, 1)

    def show_case(self, case: Case) -> None:
        self.case = case
        self.refresh()

    def refresh(self) -> None:
        if self.case is None:
            return
        self.searches.show_case(self.case)
        items = self.case.items()
        self.model.set_items(items)
        included = [i for i in items if i.included]
        self.summary.setText(
            t("gui.data.summary", count=len(included), excluded=len(items) - len(included)) if items else ""
        )
        self.drop_hint.setVisible(not items)

    def selected_item(self):
        rows = self.items.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    # -- actions ---------------------------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, t("gui.data.choose_files"), str(Path.home()))
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, files: list[Path]) -> AddDataDialog | None:
        if self.case is None:
            return None
        dialog = AddDataDialog(self.case, files, self)
        dialog.accepted.connect(lambda: self._import(dialog))
        dialog.open()
        return dialog

    def add_text(self) -> AddDataDialog | None:
        if self.case is None:
            return None
        dialog = AddDataDialog(self.case, None, self)
        dialog.accepted.connect(self._after_change)
        dialog.open()
        return dialog

    def redact_selected(self) -> RedactionsDialog | None:
        item = self.selected_item()
        if self.case is None or item is None:
            return None
        dialog = RedactionsDialog(self.case, item, self)
        dialog.accepted.connect(self._after_change)
        dialog.open()
        return dialog

    def remove_selected(self) -> TextInputDialog | None:
        item, case = self.selected_item(), self.case
        if case is None or item is None:
            return None
        dialog = TextInputDialog(
            title=t("gui.data.remove_title", title=item.title),
            label=t("gui.data.remove_label"),
            action=t("gui.data.remove_action"),
            submit=lambda reason: case.remove_item(item.id, reason),
            parent=self,
        )
        dialog.accepted.connect(self._after_change)
        dialog.open()
        return dialog

    def export(self) -> ExportDialog | None:
        if self.case is None:
            return None
        dialog = ExportDialog(self.case, self)
        dialog.exported.connect(self._after_change)
        dialog.letter_wanted.connect(self.letter_wanted)
        dialog.open()
        return dialog

    def archive(self) -> BackgroundTask | None:
        if self.case is None:
            return None
        self.task = save_case_archive(self.case, self)
        if self.task is not None:
            self.task.succeeded.connect(lambda _result: self._after_change())
        return self.task

    def _import(self, dialog: AddDataDialog) -> None:
        case, files = self.case, dialog.files
        system, category = dialog.place()
        included, provided = dialog.included.isChecked(), dialog.provided.isChecked()

        def work(progress, _cancelled):
            warnings: list[str] = []
            for done, path in enumerate(files):
                progress(done, len(files), path.name)
                _items, found = case.add_data_file(
                    path, system=system, category=category, included=included, provided=provided
                )
                warnings += found
            return list(dict.fromkeys(warnings))

        self.task = BackgroundTask(self, t("gui.data.importing_title"), t("gui.data.importing"), work, False)
        self.task.succeeded.connect(self._imported)
        self.task.failed.connect(self._import_failed)
        self.task.start()

    def _imported(self, warnings: list[str]) -> None:
        self._after_change()
        if warnings:
            text = "\n".join(f"• {t(f'data.warning.{w}')}" for w in warnings)
            show_message(self, t("gui.data.import_warnings_title"), text)

    def _import_failed(self, error: DsrDeskError) -> None:
        self._after_change()  # files before the refused one are in; show them
        show_error(self, error)

    def _tick(self, item_id: int, field: str, value: bool) -> None:
        try:
            self.case.set_item(item_id, **{field: value})
        except DsrDeskError as error:
            show_error(self, error)
        self._after_change()

    def _after_change(self) -> None:
        self.changed.emit()  # the case view refreshes everything, this panel included


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("sectionHeading")
    return label


def _row(first: QWidget, *rest: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(first)
    row.addStretch(1)
    for widget in rest:
        row.addWidget(widget)
    return row
