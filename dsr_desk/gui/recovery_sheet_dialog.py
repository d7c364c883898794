"""Shown once, right after set-up: the recovery key, with the recovery sheet to print or save."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.forms import secret_label
from dsr_desk.gui.messages import show_error
from dsr_desk.gui.pdf_output import ask_and_print, ask_and_save
from dsr_desk.gui.secret_clipboard import SecretClipboardWatch, copy_secret
from dsr_desk.i18n import t


class RecoverySheetDialog(QDialog):
    def __init__(self, recovery_key: str, sheet_pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf = sheet_pdf
        self.setWindowTitle(t("gui.recovery_sheet.title"))
        self.setMinimumWidth(620)
        intro = QLabel(t("gui.recovery_sheet.intro"), self)
        intro.setWordWrap(True)
        self.key = secret_label(recovery_key, self)
        self.clipboard_watch = SecretClipboardWatch(recovery_key, self)  # copied by hand: cleared as well
        warning = QLabel(t("gui.recovery_sheet.warning"), self)
        warning.setWordWrap(True)
        warning.setObjectName("hint")
        self.print_button = QPushButton(t("gui.recovery_sheet.print"), self)
        self.print_button.clicked.connect(lambda: ask_and_print(self._pdf, self))
        self.save_button = QPushButton(t("gui.recovery_sheet.save"), self)
        self.save_button.clicked.connect(self._save)
        self.copy_button = QPushButton(t("gui.recovery_sheet.copy"), self)
        self.copy_button.setToolTip(t("gui.recovery_sheet.copy_hint"))
        self.copy_button.clicked.connect(lambda: copy_secret(recovery_key))
        self.kept = QCheckBox(t("gui.recovery_sheet.kept"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.done_button = buttons.addButton(
            t("gui.recovery_sheet.done"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_button.setEnabled(False)
        self.kept.toggled.connect(self.done_button.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (intro, self.key, warning, self.kept, buttons):
            layout.addWidget(widget)

    def _save(self) -> None:
        try:
            saved = ask_and_save(self._pdf, self, t("gui.recovery_sheet.file_name"))
        except DsrDeskError as error:
            show_error(self, error)
            return
        if saved is not None:
            self.kept.setChecked(True)

    def reject(self) -> None:
        # The key is shown only once: closing the window is only possible once the user says it is kept.
        if self.kept.isChecked():
            super().reject()
