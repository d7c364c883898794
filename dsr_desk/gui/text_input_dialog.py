"""A small form for one piece of text (a note, a reason), handed to the core, which may refuse it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QPlainTextEdit,
    QWidget,
)

from dsr_desk.gui.forms import FormDialog


class TextInputDialog(FormDialog):
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
        super().__init__(title, action, parent, intro=label)
        self._submit = submit
        self.setMinimumWidth(460)
        self.text = QPlainTextEdit(self)
        self.text.setFixedHeight(110)
        self.text.setTabChangesFocus(True)
        self.extra.addWidget(self.text)
        self.confirm = QCheckBox(confirmation, self) if confirmation else None
        if self.confirm is not None:
            self.extra.addWidget(self.confirm)
            self.ok_button.setEnabled(False)
            self.confirm.toggled.connect(self.ok_button.setEnabled)

    def submit(self) -> object:
        return self._submit(self.text.toPlainText())
