"""The answers one kind of letter is filled from, as a form: only the fields that kind uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.i18n import t
from dsr_desk.rules.letters import (
    CONFIRMS,
    GROUNDS,
    REFUSAL_ARTICLES,
    REFUSAL_GROUNDS_12_5,
    LetterInputs,
    LetterKind,
    Outcome,
)
from dsr_desk.rules.organisation import RegisterEntry
from dsr_desk.rules.outcomes import Decision, decision_problems
from dsr_desk.rules.requests import RequestType

# Per kind: the answers it uses, and how each is asked ('text', 'line', 'check', 'entries', 'article',
# 'refusal_ground').
FIELDS: dict[LetterKind, tuple[tuple[str, str], ...]] = {
    LetterKind.ACKNOWLEDGEMENT: (("identity_needed", "check"), ("identity_reason", "text")),
    LetterKind.IDENTITY_REQUEST: (("identity_what", "text"), ("identity_reason", "text")),
    LetterKind.ACCESS_RESPONSE: (
        ("processes_data", "check"),
        ("register_entries", "entries"),
        ("enclosed", "text"),
        ("recipients_asked", "check"),
    ),
    LetterKind.REFUSAL: (
        ("refusal_article", "article"),
        ("refusal_ground", "refusal_ground"),
        ("refusal_reasons", "text"),
    ),
    LetterKind.FORWARDED: (("forwarded_reason", "text"),),
    LetterKind.AUTOMATED_DECISION_RESPONSE: (("review_by", "line"), ("person_view", "text")),
    LetterKind.DIRECT_TRANSMISSION: (("transmitted_to", "line"),),
    LetterKind.EXPORT_COVER: (
        ("export_file", "line"),
        ("export_format", "line"),
        ("export_encrypted", "check"),
        ("password_channel", "line"),
    ),
}


def _text_box(parent: QWidget, text: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text, parent)
    box.setFixedHeight(64)
    box.setTabChangesFocus(True)
    return box


class LetterInputsForm(QWidget):
    def __init__(
        self,
        kind: LetterKind,
        inputs: LetterInputs,
        register: tuple[RegisterEntry, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._widgets: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        for name, how in FIELDS.get(kind, ()):
            widget = self._make(name, how, getattr(inputs, name), register)
            self._widgets[name] = widget
            form.addRow(t(f"gui.letter.field.{name}"), widget)
        self.decision: dict[str, QWidget] = {}
        if kind in CONFIRMS:
            self._decision_fields(form, inputs, kind)
        notes = {
            LetterKind.EXTENSION: "gui.letter.extension_note",
            LetterKind.FORWARDED: "gui.letter.forward_note",
        }
        if kind in notes:
            note = QLabel(t(notes[kind]), self)
            note.setWordWrap(True)
            note.setObjectName("hint")
            form.addRow(note)

    def _make(self, name: str, how: str, value: object, register: tuple[RegisterEntry, ...]) -> QWidget:
        if how == "check":
            box = QCheckBox(self)
            box.setChecked(bool(value))
            return box
        if how == "line":
            return QLineEdit(str(value), self)
        if how in ("article", "refusal_ground"):
            combo = QComboBox(self)
            combo.addItem(t("gui.letter.choose"), "")
            for code in REFUSAL_ARTICLES if how == "article" else REFUSAL_GROUNDS_12_5:
                combo.addItem(t(f"gui.letter.{how}.{code}"), code)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            return combo
        if how == "entries":
            entries = QListWidget(self)
            entries.setFixedHeight(96)
            for entry in register:
                item = QListWidgetItem(entry.name, entries)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                item.setCheckState(Qt.CheckState.Checked if entry.id in value else Qt.CheckState.Unchecked)
            return entries
        return _text_box(self, str(value))

    def _decision_fields(self, form: QFormLayout, inputs: LetterInputs, kind: LetterKind) -> None:
        request_type = CONFIRMS[kind]
        decision = inputs.decisions.get(request_type)
        outcome = QComboBox(self)
        for option in Outcome:
            # Only what the law allows: a withdrawal of consent is never refused (Art. 7(3)), an
            # automated decision is reviewed or not (Art. 22(3)).
            if not decision_problems(Decision(request_type, option)):
                outcome.addItem(t(f"gui.letter.outcome.{option.value}"), option.value)
        outcome.setCurrentIndex(max(outcome.findData(decision.outcome.value), 0) if decision else 0)
        # A known ground, in words: a letter never prints a code the handler typed.
        ground = QComboBox(self)
        ground.addItem("", "")
        for code in GROUNDS[request_type]:
            ground.addItem(t(f"gui.letter.ground.{code}"), code)
        if decision and decision.ground:
            ground.setCurrentIndex(max(ground.findData(decision.ground), 0))
        recipients = QLineEdit("; ".join(decision.recipients_informed or ()) if decision else "", self)
        recipients.setPlaceholderText(t("gui.letter.recipients_placeholder"))
        no_recipients = QCheckBox(t("gui.letter.no_recipients"), self)
        no_recipients.setChecked(bool(decision and decision.recipients_informed == ()))
        self.decision = {
            "outcome": outcome,
            "what": _text_box(self, decision.what if decision else ""),
            "ground": ground,
            "explanation": _text_box(self, decision.explanation if decision else ""),
            "recipients": recipients,
            "no_recipients": no_recipients,
        }
        if request_type is RequestType.OBJECTION:
            marketing = QCheckBox(t("gui.letter.direct_marketing"), self)
            marketing.setChecked(bool(decision and decision.direct_marketing))
            self.decision["direct_marketing"] = marketing
        for name in self.decision:
            form.addRow(t(f"gui.letter.decision.{name}"), self.decision[name])

    def answers(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for name, widget in self._widgets.items():
            if isinstance(widget, QCheckBox):
                values[name] = widget.isChecked()
            elif isinstance(widget, QLineEdit):
                values[name] = widget.text()
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentData()
            elif isinstance(widget, QListWidget):
                values[name] = [
                    widget.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(widget.count())
                    if widget.item(i).checkState() == Qt.CheckState.Checked
                ]
            elif isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText()
        return values

    def decision_values(self) -> dict[str, object] | None:
        if not self.decision:
            return None
        recipients = self.decision["recipients"].text()
        none = self.decision["no_recipients"].isChecked()
        values: dict[str, object] = {
            "outcome": Outcome(self.decision["outcome"].currentData()),
            "what": self.decision["what"].toPlainText(),
            "ground": self.decision["ground"].currentData() or "",
            "explanation": self.decision["explanation"].toPlainText(),
            "recipients_informed": [] if none else ([r for r in recipients.split(";") if r.strip()] or None),
        }
        if "direct_marketing" in self.decision:
            values["direct_marketing"] = self.decision["direct_marketing"].isChecked()
        return values
