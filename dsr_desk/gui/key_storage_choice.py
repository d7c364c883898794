"""Choosing where the master key is kept: the OS keychain, or a passphrase (typed twice)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from dsr_desk.i18n import t
from dsr_desk.store.keyfile import KEYCHAIN, PASSPHRASE


class KeyStorageChoice(QWidget):
    def __init__(self, keychain_usable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.use_keychain = QRadioButton(t("gui.keys.keychain"), self)
        self.use_passphrase = QRadioButton(t("gui.keys.passphrase"), self)
        group = QButtonGroup(self)
        group.addButton(self.use_keychain)
        group.addButton(self.use_passphrase)
        keychain_hint = QLabel(
            t("gui.keys.keychain_hint" if keychain_usable else "gui.keys.no_keychain"), self
        )
        keychain_hint.setWordWrap(True)
        keychain_hint.setObjectName("hint")
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_fields = QWidget(self)
        fields = QFormLayout(self.passphrase_fields)
        fields.setContentsMargins(24, 0, 0, 0)
        fields.addRow(t("gui.keys.passphrase_field"), self.passphrase)
        fields.addRow(t("gui.keys.repeat_field"), self.repeat)
        passphrase_hint = QLabel(t("gui.keys.passphrase_hint"), self)
        passphrase_hint.setWordWrap(True)
        passphrase_hint.setObjectName("hint")
        fields.addRow("", passphrase_hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.use_keychain)
        layout.addWidget(keychain_hint)
        layout.addWidget(self.use_passphrase)
        layout.addWidget(self.passphrase_fields)
        self.use_keychain.setEnabled(keychain_usable)
        (self.use_keychain if keychain_usable else self.use_passphrase).setChecked(True)
        self.use_passphrase.toggled.connect(self.passphrase_fields.setEnabled)
        self.passphrase_fields.setEnabled(not keychain_usable)

    def storage(self) -> str:
        return PASSPHRASE if self.use_passphrase.isChecked() else KEYCHAIN
