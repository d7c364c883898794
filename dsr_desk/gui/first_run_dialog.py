"""First start: set up the workspace (organisation, handler, where the key is kept)."""

from __future__ import annotations

import getpass
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
from dsr_desk.gui.forms import ProblemBanner, action_buttons, mark_fields
from dsr_desk.gui.key_storage_choice import KeyStorageChoice
from dsr_desk.i18n import t
from dsr_desk.rules.workspace_setup import setup_problems

# create(organisation=..., handler=..., storage=..., passphrase=...) -> (desk, recovery key)
Create = Callable[..., tuple[object, str]]


class FirstRunDialog(QDialog):
    created = Signal(object, str)  # the open Desk, the recovery key

    def __init__(
        self, create: Create, keychain_usable: bool, folder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._create = create
        self.setWindowTitle(t("gui.first_run.title"))
        self.setMinimumWidth(560)
        intro = QLabel(t("gui.first_run.intro"), self)
        intro.setWordWrap(True)
        self.banner = ProblemBanner(self)
        self.organisation = QLineEdit(self)
        self.handler = QLineEdit(getpass.getuser(), self)
        where = QLabel(folder, self)
        where.setObjectName("hint")
        where.setWordWrap(True)
        form = QFormLayout()
        form.addRow(t("gui.first_run.organisation"), self.organisation)
        form.addRow(t("gui.first_run.handler"), self.handler)
        form.addRow(t("gui.first_run.folder"), where)
        self.keys = KeyStorageChoice(keychain_usable, self)
        key_box = QGroupBox(t("gui.first_run.key_storage"), self)
        QVBoxLayout(key_box).addWidget(self.keys)
        buttons, self.create_button = action_buttons(
            self, t("gui.first_run.create"), self._create_workspace, cancel=t("gui.quit")
        )
        layout = QVBoxLayout(self)
        for widget in (intro, self.banner):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(key_box)
        layout.addWidget(buttons)

    def _create_workspace(self) -> None:
        storage = self.keys.storage()
        problems = setup_problems(
            self.organisation.text(), storage, self.keys.passphrase.text(), self.keys.repeat.text()
        )
        fields = {
            "organisation": self.organisation,
            "passphrase": self.keys.passphrase,
            "repeat": self.keys.repeat,
        }
        if problems:
            error = ValidationError(problems)
            self.banner.show_problems(error.problem_messages())
            mark_fields(fields, error)
            return
        try:
            desk, recovery_key = self._create(
                organisation=self.organisation.text(),
                handler=self.handler.text(),
                storage=storage,
                passphrase=self.keys.passphrase.text() or None,
            )
        except DsrDeskError as error:
            self.banner.show_problems([error.message()])
            return
        self.created.emit(desk, recovery_key)
        self.accept()
