"""Settings, processing register: the activities an access response is filled from (Art. 15(1), 30)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Desk
from dsr_desk.gui.settings.general_tab import hint
from dsr_desk.i18n import t
from dsr_desk.rules.organisation import RegisterEntry

LIST_FIELDS = ("purposes", "categories", "recipients", "systems")  # one item per line
TEXT_FIELDS = ("legal_basis", "retention", "source", "automated_decisions", "transfers", "safeguards")


class RegisterTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.entries: list[RegisterEntry] = list(desk.settings.register)
        self._loaded = tuple(self.entries)
        self.list = QListWidget(self)
        self.list.setMaximumWidth(220)
        self.list.currentRowChanged.connect(self._show)
        add = QPushButton(t("gui.register.add"), self)
        add.clicked.connect(self.add_entry)
        remove = QPushButton(t("gui.register.remove"), self)
        remove.clicked.connect(self.remove_entry)
        self.name = QLineEdit(self)
        self.editors: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow(t("gui.register.name"), self.name)
        for field in LIST_FIELDS[:3] + TEXT_FIELDS + LIST_FIELDS[3:]:
            editor = QPlainTextEdit(self)
            editor.setFixedHeight(46)
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(t(f"gui.register.placeholder.{field}"))
            self.editors[field] = editor
            form.addRow(t(f"gui.register.{field}"), editor)
        for widget in (self.name, *self.editors.values()):
            (widget.textChanged if hasattr(widget, "textChanged") else widget.textEdited).connect(self._store)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        left.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(form, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(t("gui.register.intro"), self))
        layout.addLayout(body)
        self._loading = False
        self._refill()

    def _refill(self) -> None:
        self.list.clear()
        for entry in self.entries:
            QListWidgetItem(entry.name or t("gui.register.unnamed"), self.list)
        if self.entries:
            self.list.setCurrentRow(0)
        self._set_enabled(bool(self.entries))

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.name, *self.editors.values()):
            widget.setEnabled(enabled)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        self._loading = True
        self.name.setText(entry.name)
        for field, editor in self.editors.items():
            value = getattr(entry, field)
            editor.setPlainText("\n".join(value) if field in LIST_FIELDS else value)
        self._loading = False

    def _store(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self.entries):
            return
        values = {field: editor.toPlainText() for field, editor in self.editors.items()}
        changes = {
            field: tuple(line.strip() for line in values[field].splitlines() if line.strip())
            for field in LIST_FIELDS
        }
        changes.update({field: " ".join(values[field].split()) for field in TEXT_FIELDS})
        # Fields this tab does not show (the English texts, the role, ...) stay as they were.
        self.entries[row] = replace(self.entries[row], name=self.name.text().strip(), **changes)
        self.list.item(row).setText(self.entries[row].name or t("gui.register.unnamed"))

    def add_entry(self) -> None:
        taken = {entry.id for entry in self.entries}
        number = len(self.entries) + 1
        while f"verwerking-{number}" in taken:
            number += 1
        self.entries.append(RegisterEntry(id=f"verwerking-{number}", name=t("gui.register.new")))
        self._refill()
        self.list.setCurrentRow(len(self.entries) - 1)
        self.name.selectAll()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_entry(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.entries):
            del self.entries[row]
            self._refill()

    def save(self) -> None:
        if tuple(self.entries) != self._loaded:
            # Refused, not overwritten, when a colleague saved another register since this one was read.
            self._desk.update_register(tuple(self.entries), expected=self._loaded)
            self._loaded = tuple(self.entries)
