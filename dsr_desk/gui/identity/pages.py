"""The identity wizard's first and last steps: who is asking and is there doubt; which method; the outcome."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.i18n import t
from dsr_desk.rules.identity import MIN_COPY_REASON, DocumentType, IdentityOutcome, Method, RequesterRole


def text_box(parent: QWidget, height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    return box


def label(text: str, parent: QWidget, name: str = "") -> QLabel:
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        widget.setObjectName(name)
    return widget


def radio_group(
    parent: QWidget, layout: QVBoxLayout, options: list[tuple[str, str]]
) -> dict[str, QRadioButton]:
    group = QButtonGroup(parent)
    buttons = {}
    for value, text in options:
        button = QRadioButton(text, parent)
        group.addButton(button)
        layout.addWidget(button)
        buttons[value] = button
    return buttons


class WhoPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(label(t("gui.identity.who_title"), self, "sectionHeading"))
        self.roles = radio_group(
            self, layout, [(r.value, t(f"identity.role.{r.value}")) for r in RequesterRole]
        )
        self.roles[RequesterRole.SELF.value].setChecked(True)
        self.proof = QLineEdit(self)
        self.proof.setPlaceholderText(t("gui.identity.proof_placeholder"))
        layout.addWidget(self.proof)
        layout.addWidget(label(t("gui.identity.doubt_title"), self, "sectionHeading"))
        layout.addWidget(label(t("gui.identity.doubt_intro"), self, "hint"))
        self.doubt = radio_group(
            self, layout, [("no", t("gui.identity.no_doubt")), ("yes", t("gui.identity.doubt"))]
        )
        # Asked, never preselected: the advice above says to ask for proof only in doubt.
        self.known = QCheckBox(t("gui.identity.known_address"), self)
        layout.addWidget(self.known)
        layout.addWidget(label(t("gui.identity.reasoning"), self))
        self.reasoning = text_box(self)
        layout.addWidget(self.reasoning)
        layout.addStretch(1)
        for button in self.roles.values():
            button.toggled.connect(self._roles_changed)
        self._roles_changed()

    def doubt_choice(self) -> bool | None:
        """True: reasonable doubt; False: none; None: not answered yet."""
        if self.doubt["yes"].isChecked():
            return True
        return False if self.doubt["no"].isChecked() else None

    def role(self) -> RequesterRole:
        return next(RequesterRole(value) for value, button in self.roles.items() if button.isChecked())

    def _roles_changed(self) -> None:
        self.proof.setEnabled(self.role() is not RequesterRole.SELF)


class MethodPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(label(t("gui.identity.method_title"), self, "sectionHeading"))
        self.proposal = label("", self, "proposal")
        layout.addWidget(self.proposal)
        self.methods = radio_group(self, layout, [(m.value, t(f"identity.method.{m.value}")) for m in Method])
        layout.addWidget(label(t("gui.identity.copy_reason", min=MIN_COPY_REASON), self, "hint"))
        self.copy_reason = text_box(self, 60)
        layout.addWidget(self.copy_reason)
        layout.addStretch(1)
        self.copy_reason.textChanged.connect(self._reason_changed)
        self._reason_changed()

    def propose(self, method: Method | None, reason: str) -> None:
        self.proposal.setText(reason)
        if method is not None:
            self.methods[method.value].setChecked(True)

    def method(self) -> Method | None:
        return next((Method(v) for v, button in self.methods.items() if button.isChecked()), None)

    def _reason_changed(self) -> None:
        # The last resort only becomes choosable once the reason for it has been written down.
        enough = len(self.copy_reason.toPlainText().strip()) >= MIN_COPY_REASON
        self.methods[Method.ID_COPY.value].setEnabled(enough)
        if not enough and self.methods[Method.ID_COPY.value].isChecked():
            self.methods[Method.ID_COPY.value].setAutoExclusive(False)
            self.methods[Method.ID_COPY.value].setChecked(False)
            self.methods[Method.ID_COPY.value].setAutoExclusive(True)


class OutcomePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(label(t("gui.identity.outcome_title"), self, "sectionHeading"))
        self.outcomes = radio_group(
            self, layout, [(o.value, t(f"identity.outcome.{o.value}")) for o in IdentityOutcome]
        )
        self.document = QComboBox(self)
        for document in DocumentType:
            self.document.addItem(t(f"identity.document.{document.value}"), document.value)
        self.document_label = label(t("gui.identity.document"), self)
        layout.addWidget(self.document_label)
        layout.addWidget(self.document)
        self.warnings = label("", self, "clockWarning")
        layout.addWidget(self.warnings)
        layout.addWidget(label(t("gui.identity.outcome_reasoning"), self))
        self.reasoning = text_box(self, 90)
        layout.addWidget(self.reasoning)
        layout.addWidget(label(t("gui.identity.after"), self, "hint"))
        layout.addStretch(1)

    def prepare(
        self, method: Method | None, reasoning: str, warnings: list[str], document: str | None
    ) -> None:
        self.outcomes[(IdentityOutcome.VERIFIED if method else IdentityOutcome.NOT_NEEDED).value].setChecked(
            True
        )
        self.reasoning.setPlainText(reasoning)
        self.document.setVisible(method is Method.ID_COPY)
        self.document_label.setVisible(method is Method.ID_COPY)
        if document:
            self.document.setCurrentIndex(self.document.findData(document))
        self.warnings.setText("\n".join(t(f"identity.warning.{w}") for w in warnings))
        self.warnings.setVisible(bool(warnings))

    def outcome(self) -> IdentityOutcome:
        return next(IdentityOutcome(v) for v, button in self.outcomes.items() if button.isChecked())
