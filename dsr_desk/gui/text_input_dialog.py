"""A small form for one piece of text (a note, a reason), handed to the core, which may refuse it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.errors import DsrDeskError, ValidationError
from dsr_desk.gui.forms import ProblemBanner
from dsr_desk.i18n import t


class TextInputDialog(QDialog):
    def __init__(
        self,
        *,
        title: str,
        label: str,
        submit: Callable[[str], object],
        action: str,
        confirmation: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.banner = ProblemBanner(self)
        explanation = QLabel(label, self)
        explanation.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setFixedHeight(110)
        self.text.setTabChangesFocus(True)
        self.confirm = QCheckBox(confirmation, self) if confirmation else None
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(t("gui.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.banner, explanation, self.text, self.confirm, buttons):
            if widget is not None:
                layout.addWidget(widget)
        if self.confirm is not None:
            self.ok_button.setEnabled(False)
            self.confirm.toggled.connect(self.ok_button.setEnabled)

    def _accept(self) -> None:
        try:
            self._submit(self.text.toPlainText())
        except ValidationError as error:
            self.banner.show_problems(error.problem_messages())
            return
        except DsrDeskError as error:
            self.banner.show_problems([error.message()])
            return
        self.accept()
