"""Settings, processing register: the activities an access response is filled from (Art. 15(1), 30).

The texts are kept in Dutch and, for English letters, in English: the language switch shows one set at a
time. The role, the transfer basis, the Art. 22 and direct-marketing marks and the names of recipients are
the same in both languages.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from dsr_desk.rules.organisation import RegisterEntry, Role, TransferBasis

LIST_FIELDS = ("purposes", "categories", "recipients", "recipient_names", "systems")  # one item per line
TEXT_FIELDS = ("legal_basis", "retention", "source", "automated_decisions", "transfers", "safeguards")
ORDER = ("purposes", "categories", "recipients", "recipient_names", *TEXT_FIELDS, "systems")
SAME_IN_BOTH = ("recipient_names", "systems")  # names, not words: one version for both languages


class RegisterTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._loading = False
        self.entries: list[RegisterEntry] = list(desk.settings.register)
        self._loaded = tuple(self.entries)
        self.list = QListWidget(self)
        self.list.setMaximumWidth(220)
        self.list.currentRowChanged.connect(self._show)
        add = QPushButton(t("gui.register.add"), self)
        add.clicked.connect(self.add_entry)
        remove = QPushButton(t("gui.register.remove"), self)
        remove.clicked.connect(self.remove_entry)
        self.language = QComboBox(self)
        for lang in ("nl", "en"):
            self.language.addItem(t(f"gui.register.texts_{lang}"), lang)
        self.language.currentIndexChanged.connect(lambda _i: self._show(self.list.currentRow()))
        self.name = QLineEdit(self)
        self.editors: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow(t("gui.register.language"), self.language)
        form.addRow(t("gui.register.name"), self.name)
        self.transfer_basis = QComboBox(self)
        self.transfer_basis.addItem("—", "")
        for basis in TransferBasis:
            self.transfer_basis.addItem(t(f"gui.register.basis.{basis.value}"), basis.value)
        self.significant_effects = QCheckBox(t("gui.register.significant_effects"), self)
        self.direct_marketing = QCheckBox(t("gui.register.direct_marketing"), self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(t(f"gui.register.role.{role.value}"), role.value)
        self.controller = QLineEdit(self)
        self.controller.setPlaceholderText(t("gui.register.placeholder.controller"))
        # Each mark right below the text it qualifies.
        after = {
            "automated_decisions": [("", self.significant_effects)],
            "safeguards": [(t("gui.register.transfer_basis"), self.transfer_basis)],
            "purposes": [("", self.direct_marketing)],
        }
        for field in ORDER:
            editor = QPlainTextEdit(self)
            editor.setFixedHeight(40)
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(t(f"gui.register.placeholder.{field}"))
            self.editors[field] = editor
            form.addRow(t(f"gui.register.{field}"), editor)
            for caption, widget in after.get(field, ()):
                form.addRow(caption, widget)
        form.addRow(t("gui.register.role_label"), self.role)
        form.addRow(t("gui.register.controller"), self.controller)
        for widget in (self.name, self.controller, *self.editors.values()):
            widget.textChanged.connect(self._store)
        for box in (self.significant_effects, self.direct_marketing):
            box.toggled.connect(self._store)
        for combo in (self.transfer_basis, self.role):
            combo.currentIndexChanged.connect(self._store)
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
        self._refill()

    @property
    def english(self) -> bool:
        return self.language.currentData() == "en"

    def _refill(self) -> None:
        self.list.clear()
        for entry in self.entries:
            QListWidgetItem(entry.name or t("gui.register.unnamed"), self.list)
        if self.entries:
            self.list.setCurrentRow(0)
        self._set_enabled(bool(self.entries))

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.name, self.controller, self.role, self.transfer_basis, *self.editors.values()):
            widget.setEnabled(enabled)
        for box in (self.significant_effects, self.direct_marketing):
            box.setEnabled(enabled)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        self._loading = True
        english = self.english
        self.name.setText(str(entry.en.get("name", "")) if english else entry.name)
        for field, editor in self.editors.items():
            value = (
                entry.en.get(field, "") if english and field not in SAME_IN_BOTH else getattr(entry, field)
            )
            editor.setPlainText("\n".join(value) if isinstance(value, tuple | list) else str(value))
            editor.setEnabled(not (english and field in SAME_IN_BOTH))
        self.transfer_basis.setCurrentIndex(max(self.transfer_basis.findData(entry.transfer_basis), 0))
        self.role.setCurrentIndex(max(self.role.findData(entry.role), 0))
        self.controller.setText(entry.controller)
        self.significant_effects.setChecked(entry.significant_effects)
        self.direct_marketing.setChecked(entry.direct_marketing)
        self._loading = False

    def _store(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self.entries):
            return
        values = {field: editor.toPlainText() for field, editor in self.editors.items()}
        texts: dict[str, object] = {
            field: tuple(line.strip() for line in values[field].splitlines() if line.strip())
            for field in LIST_FIELDS
        }
        texts.update({field: " ".join(values[field].split()) for field in TEXT_FIELDS})
        texts["name"] = self.name.text().strip()
        entry = self.entries[row]
        common = {
            "transfer_basis": self.transfer_basis.currentData() or "",
            "role": self.role.currentData(),
            "controller": self.controller.text().strip(),
            "significant_effects": self.significant_effects.isChecked(),
            "direct_marketing": self.direct_marketing.isChecked(),
        }
        if self.english:
            # Fields this tab does not show stay as they were; an emptied English text is removed.
            english = {k: v for k, v in {**entry.en, **texts}.items() if v and k not in SAME_IN_BOTH}
            self.entries[row] = replace(entry, en=english, **common)
        else:
            self.entries[row] = replace(entry, **texts, **common)
        self.list.item(row).setText(self.entries[row].name or t("gui.register.unnamed"))

    def add_entry(self) -> None:
        taken = {entry.id for entry in self.entries}
        number = len(self.entries) + 1
        while f"verwerking-{number}" in taken:
            number += 1
        self.entries.append(RegisterEntry(id=f"verwerking-{number}", name=t("gui.register.new")))
        self._refill()
        self.list.setCurrentRow(len(self.entries) - 1)
        self.language.setCurrentIndex(0)
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
