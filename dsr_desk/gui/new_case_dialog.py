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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.errors import ValidationError
from dsr_desk.gui.forms import ProblemBanner, action_buttons, date_edit, mark_fields
from dsr_desk.i18n import t
from dsr_desk.rules.case_values import CaseSummary
from dsr_desk.rules.email_address import split_pasted
from dsr_desk.rules.representation import Relation
from dsr_desk.rules.requests import Channel, RequestType

Submit = Callable[..., CaseSummary]


class NewCaseDialog(QDialog):
    created = Signal(object)  # the CaseSummary of the new case

    def __init__(self, submit: Submit, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self._name_on_offer = ""
        self.setWindowTitle(t("gui.new_case.title"))
        self.setMinimumWidth(560)

        self.banner = ProblemBanner(self)
        self.name = QLineEdit(self)
        self.email = QLineEdit(self)
        self.email.setPlaceholderText(t("gui.new_case.email_placeholder"))
        self.email.textChanged.connect(self._take_pasted_address)
        # 'Naam <adres>' pasted from a mail program: the address stays, the name is offered.
        self.offered_name = QPushButton(self)
        self.offered_name.setFlat(True)
        self.offered_name.setVisible(False)
        self.offered_name.clicked.connect(self._use_offered_name)
        self.address = QPlainTextEdit(self)
        self.address.setPlaceholderText(t("gui.new_case.address_placeholder"))
        self.address.setFixedHeight(64)
        self.address.setTabChangesFocus(True)
        # Who the data are about, when the requester asks for someone else (LEGAL.md §6).
        self.for_person = QLineEdit(self)
        self.for_person.setPlaceholderText(t("gui.new_case.for_person_placeholder"))
        self.relation = QComboBox(self)
        self.relation.addItem(t("gui.new_case.relation_self"), "")
        for relation in Relation:
            self.relation.addItem(relation.label(), relation.value)
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
        form.addRow("", self.offered_name)
        form.addRow(t("gui.new_case.address"), self.address)
        form.addRow(t("gui.new_case.relation"), self.relation)
        form.addRow(t("gui.new_case.for_person"), self.for_person)
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
            "for_person": self.for_person,
            "relation": self.relation,
            "received": self.received,
            "types": types,
            "notes": self.notes,
        }
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _take_pasted_address(self, text: str) -> None:
        if "<" not in text:
            return
        pasted = split_pasted(text)
        if pasted is None:
            return
        self.email.setText(pasted.address)
        if not pasted.name:
            return
        if not self.name.text().strip():
            self.name.setText(pasted.name)
        elif pasted.name != self.name.text().strip():
            self._name_on_offer = pasted.name
            self.offered_name.setText(t("gui.new_case.use_pasted_name", name=pasted.name))
            self.offered_name.setVisible(True)

    def _use_offered_name(self) -> None:
        self.name.setText(self._name_on_offer)
        self.offered_name.setVisible(False)

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
                for_person=self.for_person.text(),
                relation=Relation(self.relation.currentData()) if self.relation.currentData() else None,
            )
        except ValidationError as error:
            self.banner.show_problems(error.problem_messages())
            mark_fields(self._fields, error)
            return
        self.created.emit(summary)
        self.accept()
