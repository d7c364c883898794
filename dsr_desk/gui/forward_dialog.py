"""Forwarding a request, or part of it, to its controller (we are its processor): to whom, when, how, which
part. The core records it; the forwarded part leaves the clock."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from dsr_desk.desk import Case
from dsr_desk.gui.forms import FormDialog, date_edit
from dsr_desk.i18n import t
from dsr_desk.rules.requests import Channel


class ForwardDialog(FormDialog):
    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(
            t("gui.forward.title"), t("gui.forward.action"), parent, intro=t("gui.forward.intro")
        )
        self._case = case
        record, today = case.record(), case.today()
        controllers = sorted(
            {e.controller for e in case.register() if e.role == "processor" and e.controller}
        )
        self.to = QComboBox(self)
        self.to.setEditable(True)
        self.to.addItems(controllers)
        self.to.setCurrentText(controllers[0] if len(controllers) == 1 else "")
        self.on = date_edit(self, today, earliest=record.received, latest=today)
        self.channel = QComboBox(self)
        for channel in Channel:
            self.channel.addItem(channel.label(), channel.value)
        forwarded = case.clock().facts.forwarded_types
        self.type_boxes = {}
        for kind in record.types:
            if kind not in forwarded:
                box = QCheckBox(kind.label_with_article(), self)
                box.setChecked(True)
                self.type_boxes[kind] = box
        self.form.addRow(t("gui.forward.to"), self.to)
        self.form.addRow(t("gui.forward.on"), self.on)
        self.form.addRow(t("gui.forward.channel"), self.channel)
        for i, box in enumerate(self.type_boxes.values()):
            self.form.addRow(t("gui.forward.types") if i == 0 else "", box)
        self.fields = {"to": self.to, "on": self.on}
        line: QLineEdit | None = self.to.lineEdit()
        if line is not None:
            line.setPlaceholderText(t("gui.forward.to_placeholder"))

    def submit(self) -> object:
        return self._case.forward(
            self.to.currentText(),
            on=self.on.date().toPython(),
            channel=Channel(self.channel.currentData()),
            types=[kind for kind, box in self.type_boxes.items() if box.isChecked()],
        )
