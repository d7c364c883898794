"""The small forms of the data panel: a system searched, data found (files or typed text), and the others'
data inside an item that must be blacked out before it goes to the person (Art. 15(4))."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from dsr_desk.desk import Case
from dsr_desk.gui.forms import FormDialog
from dsr_desk.i18n import t
from dsr_desk.rules.data_values import DataItem, Search

COMMON_CATEGORIES = ("contact", "customer", "orders", "correspondence", "attachments")


def _combo(parent: QWidget, choices: list[str], current: str = "") -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(choices)
    combo.setCurrentText(current)
    return combo


class SearchDialog(FormDialog):
    """One line of the checklist: was this system searched, and what was found there."""

    def __init__(self, case: Case, previous: Search | None = None, parent: QWidget | None = None) -> None:
        super().__init__(t("gui.data.search_title"), t("gui.data.search_save"), parent)
        self.setMinimumWidth(520)
        self.case = case
        self.system = _combo(self, case.systems(), previous.system if previous else "")
        self.searched = QCheckBox(t("gui.data.searched"), self)
        self.searched.setChecked(previous.searched if previous else True)
        self.found = QLineEdit(previous.found if previous else "", self)
        self.found.setPlaceholderText(t("gui.data.found_placeholder"))
        self.note = QLineEdit(previous.note if previous else "", self)
        self.note.setPlaceholderText(t("gui.data.note_placeholder"))
        self.form.addRow(t("gui.data.system"), self.system)
        self.form.addRow("", self.searched)
        self.form.addRow(t("gui.data.found"), self.found)
        self.form.addRow(t("gui.data.note"), self.note)
        self.fields = {"system": self.system}

    def submit(self) -> None:
        self.case.record_search(
            self.system.currentText(),
            searched=self.searched.isChecked(),
            found=self.found.text(),
            note=self.note.text(),
        )


class AddDataDialog(FormDialog):
    """Where the data came from and what it is; then either files (imported by the caller, in the
    background) or typed text (stored here)."""

    def __init__(self, case: Case, files: list[Path] | None = None, parent: QWidget | None = None) -> None:
        title = t("gui.data.add_files_title") if files else t("gui.data.add_text_title")
        super().__init__(title, t("gui.data.add"), parent)
        self.case, self.files = case, list(files or [])
        items = case.items()
        categories = list(dict.fromkeys([i.category for i in items] + _common_categories()))
        self.system = _combo(self, case.systems(), items[-1].system if items else "")
        self.category = _combo(self, categories, "")
        self.form.addRow(t("gui.data.system"), self.system)
        self.form.addRow(t("gui.data.category"), self.category)
        self.fields = {"system": self.system, "category": self.category}
        self.title = self.text = None
        if self.files:
            listing = QListWidget(self)
            listing.addItems([path.name for path in self.files])
            listing.setMaximumHeight(110)
            self.form.addRow(t("gui.data.files"), listing)
        else:
            self.title = QLineEdit(self)
            self.title.setPlaceholderText(t("gui.data.title_placeholder"))
            self.text = QPlainTextEdit(self)
            self.text.setTabChangesFocus(True)
            self.form.addRow(t("gui.data.title"), self.title)
            self.form.addRow(t("gui.data.text"), self.text)
            self.fields["text"] = self.text
        self.included = QCheckBox(t("gui.data.included"), self)
        self.included.setChecked(True)
        self.provided = QCheckBox(t("gui.data.provided"), self)
        self.provided.setToolTip(t("gui.data.tip.provided"))
        self.extra.addWidget(self.included)
        self.extra.addWidget(self.provided)

    def place(self) -> tuple[str, str]:
        return self.case.checked_place(self.system.currentText(), self.category.currentText())

    def submit(self) -> None:
        if self.files:
            self.place()  # the import itself runs after the dialog, with progress
            return
        self.case.add_data_text(
            self.text.toPlainText(),
            system=self.system.currentText(),
            category=self.category.currentText(),
            title=self.title.text(),
            included=self.included.isChecked(),
            provided=self.provided.isChecked(),
        )


class RedactionsDialog(FormDialog):
    """One name, number or phrase per line; each is blacked out wherever it appears in the item."""

    def __init__(self, case: Case, item: DataItem, parent: QWidget | None = None) -> None:
        super().__init__(t("gui.data.redact_title", title=item.title), t("gui.data.redact_save"), parent)
        self.case, self.item = case, item
        explanation = QLabel(t("gui.data.redact_explanation"), self)
        explanation.setWordWrap(True)
        self.lines = QPlainTextEdit("\n".join(item.redactions), self)
        self.lines.setTabChangesFocus(True)
        self.extra.addWidget(explanation)
        self.extra.addWidget(self.lines)
        if item.kind == "file" and not item.has_records:
            # A PDF or a photo cannot be blacked out as text: the original then stays out of the export.
            warning = QLabel(t("gui.data.redact_file_warning"), self)
            warning.setObjectName("clockWarning")
            warning.setWordWrap(True)
            warning.setTextFormat(Qt.TextFormat.PlainText)
            self.extra.addWidget(warning)

    def submit(self) -> None:
        wanted = [line.strip() for line in self.lines.toPlainText().splitlines() if line.strip()]
        self.case.set_item(self.item.id, redactions=list(dict.fromkeys(wanted)))


def _common_categories() -> list[str]:
    return [t(f"gui.data.category_{key}") for key in COMMON_CATEGORIES]
