"""Retention in the window: a reminder when closed cases are past their term, and the list of them, where
each can be held, the archives saved first, and the rest destroyed (by a privacy officer, with a reason)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Desk
from dsr_desk.errors import DsrDeskError, WriteFailedError
from dsr_desk.gui.messages import show_error, show_message
from dsr_desk.gui.text_input_dialog import TextInputDialog
from dsr_desk.i18n import format_date, t


class RetentionBanner(QFrame):
    show_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.text = QLabel(self)
        button = QPushButton(t("gui.retention.show"), self)
        button.clicked.connect(self.show_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(button)
        self.hide()

    def show_count(self, count: int) -> None:
        self.text.setText(t("gui.retention.banner", count=count))
        self.setVisible(count > 0)


class RetentionDialog(QDialog):
    changed = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(t("gui.retention.title"))
        self.resize(760, 460)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [t("gui.column.reference"), t("gui.retention.closed"), t("gui.retention.state")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        buttons = QDialogButtonBox(self)
        self.hold_button = buttons.addButton(t("gui.retention.hold"), QDialogButtonBox.ButtonRole.ActionRole)
        self.archive_button = buttons.addButton(
            t("gui.retention.archive_first"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.destroy_button = buttons.addButton(
            t("gui.retention.destroy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(t("gui.close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.hold_button.clicked.connect(self.ask_hold)
        self.archive_button.clicked.connect(self.archive_first)
        self.destroy_button.clicked.connect(self.ask_destroy)
        buttons.rejected.connect(self.reject)
        self.destroy_button.setEnabled(desk.is_officer)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.entries = self.desk.retention_candidates()
        due = [e for e in self.entries if not e.held]
        self.intro.setText(
            t("gui.retention.intro", months=self.desk.settings.retention_months, count=len(due))
        )
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            state = (
                t("gui.retention.held", reason=entry.hold_reason) if entry.held else t("gui.retention.due")
            )
            for column, text in enumerate((entry.reference, format_date(entry.closed_on), state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.destroy_button.setEnabled(self.desk.is_officer and bool(due))
        self.archive_button.setEnabled(bool(due))

    def selected_reference(self) -> str | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.entries[min(rows)].reference if rows else None

    def ask_hold(self) -> TextInputDialog | None:
        reference = self.selected_reference()
        if reference is None:
            return None

        def hold(reason: str) -> None:
            with self.desk.open_case(reference) as case:
                case.hold(reason)

        dialog = TextInputDialog(
            title=t("gui.retention.hold_title", reference=reference),
            label=t("gui.retention.hold_label"),
            action=t("gui.retention.hold"),
            submit=hold,
            parent=self,
        )
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def archive_first(self, folder: Path | None = None) -> list[Path]:
        """Saves the archive of every case due, before anything is destroyed (offered, never forced)."""
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, t("gui.archive.choose_folder"), str(Path.home()))
            if not chosen:
                return []
            folder = Path(chosen)
        written = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for entry in self.entries:
                if not entry.held:
                    with self.desk.open_case(entry.reference) as case:
                        written.append(case.write_archive(folder / f"{entry.reference}.zip").path)
        except DsrDeskError as error:
            show_error(self, error)
        except OSError as error:
            show_error(
                self, WriteFailedError(path=str(folder), reason=error.strerror or type(error).__name__)
            )
        else:
            show_message(
                self, self.windowTitle(), t("gui.archive.bulk_done", count=len(written), folder=str(folder))
            )
        return written

    def ask_destroy(self) -> TextInputDialog:
        def destroy(reason: str) -> None:
            self.destroyed, refused = self.desk.destroy_due(reason)
            if refused:
                show_message(self, self.windowTitle(), "\n".join(f"• {r}: {why}" for r, why in refused))

        dialog = TextInputDialog(
            title=t("gui.retention.destroy_title"),
            label=t("gui.retention.destroy_label"),
            action=t("gui.retention.destroy"),
            confirmation=t("gui.retention.destroy_confirm"),
            submit=destroy,
            parent=self,
        )
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()
