"""The 'New request' form. The core checks the input; the dialog shows what to fix, keeping what was typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.errors import ValidationError
from dsr_desk.gui.forms import ProblemBanner, action_buttons, date_edit, mark_fields
from dsr_desk.i18n import t
from dsr_desk.rules.case_values import CaseSummary
from dsr_desk.rules.requests import Channel, RequestType

Submit = Callable[..., CaseSummary]


class NewCaseDialog(QDialog):
    created = Signal(object)  # the CaseSummary of the new case

    def __init__(self, submit: Submit, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(t("gui.new_case.title"))
        self.setMinimumWidth(560)

        self.banner = ProblemBanner(self)
        self.name = QLineEdit(self)
        self.email = QLineEdit(self)
        self.email.setPlaceholderText(t("gui.new_case.email_placeholder"))
        self.address = QPlainTextEdit(self)
        self.address.setPlaceholderText(t("gui.new_case.address_placeholder"))
        self.address.setFixedHeight(64)
        self.address.setTabChangesFocus(True)
        self.channel = QComboBox(self)
        for channel in Channel:
            self.channel.addItem(channel.label(), channel.value)
        self.received = date_edit(self, today, latest=today)
        self.type_boxes: dict[RequestType, QCheckBox] = {}
        types = QWidget(self)
        grid = QGridLayout(types)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, kind in enumerate(RequestType):
            box = QCheckBox(kind.label_with_article(), types)
            self.type_boxes[kind] = box
            grid.addWidget(box, i // 2, i % 2)
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(t("gui.new_case.notes_placeholder"))
        self.notes.setFixedHeight(80)
        self.notes.setTabChangesFocus(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(t("gui.new_case.name"), self.name)
        form.addRow(t("gui.new_case.email"), self.email)
        form.addRow(t("gui.new_case.address"), self.address)
        form.addRow(t("gui.new_case.channel"), self.channel)
        form.addRow(t("gui.new_case.received"), self.received)
        form.addRow(t("gui.new_case.types"), types)
        form.addRow(t("gui.new_case.notes"), self.notes)

        self.buttons, self.register_button = action_buttons(self, t("gui.new_case.register"), self._register)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._fields = {
            "name": self.name,
            "email": self.email,
            "address": self.address,
            "received": self.received,
            "types": types,
            "notes": self.notes,
        }
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen_types(self) -> list[RequestType]:
        return [kind for kind, box in self.type_boxes.items() if box.isChecked()]

    def _register(self) -> None:
        received = self.received.date()
        try:
            summary = self._submit(
                name=self.name.text(),
                email=self.email.text(),
                address=self.address.toPlainText(),
                received=dt.date(received.year(), received.month(), received.day()),
                types=self.chosen_types(),
                channel=Channel(self.channel.currentData()),
                notes=self.notes.toPlainText(),
            )
        except ValidationError as error:
            self.banner.show_problems(error.problem_messages())
            mark_fields(self._fields, error)
            return
        self.created.emit(summary)
        self.accept()
