"""Settings: the organisation's name, the handler's name (as the audit log shows it), the language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Desk
from dsr_desk.errors import ValidationError
from dsr_desk.gui.forms import ProblemBanner
from dsr_desk.i18n import LANGUAGES, t


class SettingsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.setWindowTitle(t("gui.settings.title"))
        self.setMinimumWidth(480)
        settings = desk.settings
        self.banner = ProblemBanner(self)
        self.organisation = QLineEdit(settings.organisation_name, self)
        self.handler = QLineEdit(settings.handler_name, self)
        self.handler.setPlaceholderText(desk.actor)
        self.language = QComboBox(self)
        for lang in LANGUAGES:
            self.language.addItem(t(f"gui.language.{lang}"), lang)
        self.language.setCurrentIndex(LANGUAGES.index(settings.language))
        note = QLabel(t("gui.settings.language_note"), self)
        note.setWordWrap(True)
        note.setObjectName("hint")
        form = QFormLayout()
        form.addRow(t("gui.settings.organisation"), self.organisation)
        form.addRow(t("gui.settings.handler"), self.handler)
        form.addRow(t("gui.settings.language"), self.language)
        form.addRow("", note)
        buttons = QDialogButtonBox(self)
        buttons.addButton(t("gui.save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(t("gui.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _save(self) -> None:
        try:
            self._desk.update_settings(
                organisation_name=self.organisation.text(),
                handler_name=self.handler.text(),
                language=self.language.currentData(),
            )
        except ValidationError as error:
            self.banner.show_problems(error.problem_messages())
            return
        self.accept()
