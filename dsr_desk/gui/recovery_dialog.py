"""Opening the workspace with the recovery key from the recovery sheet, and keeping the key anew."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.errors import DsrDeskError, ValidationError
from dsr_desk.gui.forms import ProblemBanner, action_buttons
from dsr_desk.gui.key_storage_choice import KeyStorageChoice
from dsr_desk.i18n import t
from dsr_desk.rules.workspace_setup import passphrase_problems
from dsr_desk.store.keyfile import PASSPHRASE

# recover(recovery_key, storage=..., passphrase=...) -> Desk
Recover = Callable[..., object]


class RecoveryDialog(QDialog):
    recovered = Signal(object)  # the open Desk

    def __init__(self, recover: Recover, keychain_usable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recover = recover
        self.setWindowTitle(t("gui.recovery.title"))
        self.setMinimumWidth(520)
        intro = QLabel(t("gui.recovery.intro"), self)
        intro.setWordWrap(True)
        self.banner = ProblemBanner(self)
        self.recovery_key = QLineEdit(self)
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        form = QFormLayout()
        form.addRow(t("gui.recovery.key"), self.recovery_key)
        self.keys = KeyStorageChoice(keychain_usable, self)
        box = QGroupBox(t("gui.recovery.new_storage"), self)
        QVBoxLayout(box).addWidget(self.keys)
        buttons, _open_button = action_buttons(self, t("gui.recovery.open"), self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(buttons)

    def _open(self) -> None:
        storage = self.keys.storage()
        passphrase = self.keys.passphrase.text()
        if storage == PASSPHRASE and (problems := passphrase_problems(passphrase, self.keys.repeat.text())):
            self.banner.show_problems(ValidationError(problems).problem_messages())
            return
        try:
            desk = self._recover(self.recovery_key.text(), storage=storage, passphrase=passphrase or None)
        except DsrDeskError as error:
            self.banner.show_problems([error.message()])
            return
        self.recovered.emit(desk)
        self.accept()
