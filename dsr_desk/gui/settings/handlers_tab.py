"""Settings, handlers: who may open this workspace, each with their own passphrase or keychain entry, and
their role. Changes here take effect at once (they are not part of the dialog's Save); only a privacy
officer may make them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Desk
from dsr_desk.errors import DsrDeskError, ValidationError
from dsr_desk.gui.forms import FormDialog
from dsr_desk.gui.messages import show_error
from dsr_desk.gui.settings.general_tab import hint
from dsr_desk.i18n import t
from dsr_desk.rules.workspace_setup import passphrase_problems
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.keyfile import HANDLER, KEYCHAIN, PASSPHRASE, ROLES

_COLUMNS = ("name", "role", "storage")


class HandlersTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None, keychain: Keychain | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._keychain = keychain or Keychain()
        self.table = QTableWidget(0, len(_COLUMNS), self)
        self.table.setHorizontalHeaderLabels([t(f"gui.handlers.column.{c}") for c in _COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.add_button = QPushButton(t("gui.handlers.add"), self)
        self.add_button.clicked.connect(self.show_add_dialog)
        self.remove_button = QPushButton(t("gui.handlers.remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.remove_button):
            button.setEnabled(desk.is_officer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        intro = "gui.handlers.intro" if desk.is_officer else "gui.handlers.intro_handler"
        layout.addWidget(hint(t(intro, name=desk.handler.name), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        handlers = self._desk.handlers()
        self.table.setRowCount(len(handlers))
        for row, handler in enumerate(handlers):
            values = (
                handler.name,
                t(f"handlers.role.{handler.role}"),
                t(f"handlers.storage.{handler.storage}"),
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).text() if rows else None

    def show_add_dialog(self) -> AddHandlerDialog:
        dialog = AddHandlerDialog(self._desk, self._keychain, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def remove_selected(self) -> QMessageBox | None:
        name = self.selected_name()
        if name is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            t("gui.handlers.remove"),
            t("gui.handlers.remove_confirm", name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self._remove(name))
        box.open()
        self.confirm_box = box
        return box

    def _remove(self, name: str) -> None:
        try:
            self._desk.remove_handler(name, keychain=self._keychain)
        except DsrDeskError as error:
            self.error_box = show_error(self, error)
            return
        self.refresh()

    def save(self) -> None:
        """Nothing to save: each change was made when it was asked for."""


class AddHandlerDialog(FormDialog):
    def __init__(self, desk: Desk, keychain: Keychain, parent: QWidget | None = None) -> None:
        super().__init__(
            t("gui.handlers.add_title"), t("gui.handlers.add"), parent, t("gui.handlers.add_intro")
        )
        self._desk, self._keychain = desk, keychain
        self.name = QLineEdit(self)
        self.role = QComboBox(self)
        for role in ROLES:
            self.role.addItem(t(f"handlers.role.{role}"), role)
        self.role.setCurrentIndex(ROLES.index(HANDLER))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_keychain = QCheckBox(t("gui.handlers.use_keychain"), self)
        self.use_keychain.setEnabled(keychain.is_usable())
        self.use_keychain.toggled.connect(self.passphrase.setDisabled)
        self.use_keychain.toggled.connect(self.again.setDisabled)
        self.form.addRow(t("gui.handlers.column.name"), self.name)
        self.form.addRow(t("gui.handlers.column.role"), self.role)
        self.form.addRow(t("gui.handlers.passphrase"), self.passphrase)
        self.form.addRow(t("gui.handlers.again"), self.again)
        self.form.addRow("", self.use_keychain)
        self.fields = {"handler": self.name, "passphrase": self.passphrase, "repeat": self.again}

    def submit(self) -> object:
        keychain = self.use_keychain.isChecked()
        if not keychain and (problems := passphrase_problems(self.passphrase.text(), self.again.text())):
            raise ValidationError(problems)
        return self._desk.add_handler(
            self.name.text(),
            role=self.role.currentData(),
            storage=KEYCHAIN if keychain else PASSPHRASE,
            passphrase=None if keychain else self.passphrase.text(),
            keychain=self._keychain,
        )
