"""The decision on one request type as form rows, for the decision dialog and the confirmation letters:
the outcome (only what the law allows), what was done, the ground (a known one, in words) and explanation
of a partial or whole refusal, whether an objection concerns direct marketing, and the recipients informed
where the letter reports them (Art. 19)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from dsr_desk.i18n import t
from dsr_desk.rules.outcomes import GROUNDS, RECIPIENTS_TOLD, Decision, Outcome, decision_problems
from dsr_desk.rules.requests import RequestType


def text_box(parent: QWidget, text: str = "", height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit(text, parent)
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    return box


class DecisionFields:
    """Adds its rows to `form`; `values()` gives what Case.record_decision takes."""

    def __init__(
        self, form: QFormLayout, parent: QWidget, request_type: RequestType, decision: Decision | None
    ) -> None:
        self.request_type = request_type
        self.with_recipients = request_type in RECIPIENTS_TOLD
        outcome = QComboBox(parent)
        for option in Outcome:
            # Only what the law allows: a withdrawal of consent is never refused (Art. 7(3)), an
            # automated decision is reviewed or not (Art. 22(3)).
            if not decision_problems(Decision(request_type, option)):
                outcome.addItem(t(f"gui.letter.outcome.{option.value}"), option.value)
        outcome.setCurrentIndex(max(outcome.findData(decision.outcome.value), 0) if decision else 0)
        # A known ground, in words: a letter never prints a code the handler typed.
        ground = QComboBox(parent)
        ground.addItem("", "")
        for code in GROUNDS[request_type]:
            ground.addItem(t(f"gui.letter.ground.{code}"), code)
        if decision and decision.ground:
            ground.setCurrentIndex(max(ground.findData(decision.ground), 0))
        self.widgets: dict[str, QWidget] = {
            "outcome": outcome,
            "what": text_box(parent, decision.what if decision else ""),
            "ground": ground,
            "explanation": text_box(parent, decision.explanation if decision else ""),
        }
        if request_type is RequestType.OBJECTION:
            marketing = QCheckBox(t("gui.letter.direct_marketing"), parent)
            marketing.setChecked(bool(decision and decision.direct_marketing))
            self.widgets["direct_marketing"] = marketing
        if self.with_recipients:
            recipients = QLineEdit("; ".join(decision.recipients_informed or ()) if decision else "", parent)
            recipients.setPlaceholderText(t("gui.letter.recipients_placeholder"))
            no_recipients = QCheckBox(t("gui.letter.no_recipients"), parent)
            no_recipients.setChecked(bool(decision and decision.recipients_informed == ()))
            self.widgets.update(recipients=recipients, no_recipients=no_recipients)
        for name, widget in self.widgets.items():
            form.addRow(t(f"gui.letter.decision.{name}"), widget)

    def values(self) -> dict[str, object]:
        w = self.widgets
        values: dict[str, object] = {
            "outcome": Outcome(w["outcome"].currentData()),
            "what": w["what"].toPlainText(),
            "ground": w["ground"].currentData() or "",
            "explanation": w["explanation"].toPlainText(),
        }
        if "direct_marketing" in w:
            values["direct_marketing"] = w["direct_marketing"].isChecked()
        if self.with_recipients:
            recipients = [r for r in w["recipients"].text().split(";") if r.strip()]
            values["recipients_informed"] = [] if w["no_recipients"].isChecked() else (recipients or None)
        return values
