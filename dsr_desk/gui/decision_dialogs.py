"""The guarded and decisive steps of a case as dialogs: the decision on one request type, closing (refused
with the open steps named; a privacy officer may close anyway with a reason), and destroying (confirmed by
typing the reference)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from dsr_desk.desk import Case
from dsr_desk.gui.decision_fields import DecisionFields, text_box
from dsr_desk.gui.forms import FormDialog
from dsr_desk.i18n import t
from dsr_desk.rules.requests import CaseStatus, RequestType


class DecisionDialog(FormDialog):
    def __init__(self, case: Case, request_type: RequestType, parent: QWidget | None = None) -> None:
        super().__init__(
            t("gui.decision.title", type=request_type.label().lower(), reference=case.reference),
            t("gui.decision.record"),
            parent,
            intro=t("gui.decision.intro", type=request_type.label_with_article()),
        )
        self.case = case
        self.request_type = request_type
        current = case.letter_inputs().decisions.get(request_type)
        self.decision = DecisionFields(self.form, self, request_type, current)
        if self.decision.with_recipients:
            self.extra.addWidget(_hint(t("gui.decision.recipients_hint"), self))
        self.fields = {"type": self.decision.widgets["outcome"], "ground": self.decision.widgets["ground"]}

    def focus_recipients(self) -> None:
        self.decision.widgets["recipients"].setFocus()

    def submit(self) -> object:
        return self.case.record_decision(self.request_type, **self.decision.values())


class CloseDialog(FormDialog):
    """Closing is offered when every step is done; with steps open it is refused and says which, and a
    privacy officer may still close with a reason that goes into the log."""

    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        open_steps = case.workflow().open_texts()
        allowed = not open_steps or case.may_override_closing
        action = t("gui.close_case.override" if open_steps else "gui.close_case.close")
        intro = t(
            "gui.close_case.open_intro" if open_steps else "gui.close_case.ready", reference=case.reference
        )
        super().__init__(t("gui.close_case.title", reference=case.reference), action, parent, intro=intro)
        self.case, self.open_steps = case, open_steps
        self.reason = text_box(self, height=80)
        if self.open_steps:
            steps = QLabel("\n".join(f"• {text}" for text in self.open_steps), self)
            steps.setObjectName("openSteps")
            steps.setWordWrap(True)
            self.extra.addWidget(steps)
            note = "gui.close_case.override_intro" if allowed else "gui.close_case.officer_only"
            self.extra.addWidget(_hint(t(note), self))
            self.extra.addWidget(self.reason)
        self.reason.setVisible(bool(self.open_steps) and allowed)
        self.ok_button.setEnabled(allowed)
        self.fields = {"reason": self.reason}

    def submit(self) -> object:
        return self.case.set_status(
            CaseStatus.CLOSED, self.reason.toPlainText(), override=bool(self.open_steps)
        )


class DestroyDialog(FormDialog):
    """Destroying cannot be undone: the reason is kept, and the reference must be typed to confirm."""

    def __init__(self, reference: str, destroy, parent: QWidget | None = None) -> None:
        super().__init__(
            t("gui.destroy.title", reference=reference),
            t("gui.destroy.action"),
            parent,
            intro=t("gui.destroy.label"),
        )
        self.reference = reference
        self._destroy = destroy
        self.reason = text_box(self, height=80)
        self.typed = QLineEdit(self)
        self.typed.setPlaceholderText(reference)
        self.extra.addWidget(self.reason)
        self.extra.addWidget(_hint(t("gui.destroy.type_reference", reference=reference), self))
        self.extra.addWidget(self.typed)
        self.ok_button.setEnabled(False)
        self.ok_button.setDefault(False)  # Enter in the reference field must never destroy
        self.typed.textChanged.connect(
            lambda text: self.ok_button.setEnabled(text.strip().upper() == reference.upper())
        )
        self.fields = {"reason": self.reason}

    def submit(self) -> object:
        return self._destroy(self.reason.toPlainText())


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label
