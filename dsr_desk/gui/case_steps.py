"""The case's path in the case view: the next step with its one prominent button, and the checklist of
every step (done, next, still to come), each of which can be run from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.i18n import t
from dsr_desk.rules.workflow import CaseStep, Step, Workflow

STEP_ROLE = Qt.ItemDataRole.UserRole


def action_text(step: CaseStep, waiting: bool) -> str:
    """What the button does: 'Zoekactie vastleggen…', or 'Informatie ontvangen…' while the case waits."""
    if waiting and step.code is Step.VERIFY_IDENTITY:
        return t("workflow.action.information_received")
    return t(f"workflow.action.{step.code.value}")


class NextStepBar(QFrame):
    """'Volgende stap: …' and the button that does it; when all is done, says so."""

    run_requested = Signal(object)  # the CaseStep

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextStep")
        self.step: CaseStep | None = None
        title = QLabel(t("workflow.next_title"), self)
        title.setObjectName("nextStepTitle")
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("primaryButton")
        self.button.setToolTip(t("workflow.shortcut_hint"))
        self.button.clicked.connect(lambda: self.step and self.run_requested.emit(self.step))
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(title)
        column.addWidget(self.text)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addLayout(column, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_workflow(self, path: Workflow, waiting: bool) -> None:
        self.step = path.next
        if self.step is None:
            self.text.setText(t("workflow.all_done"))
            self.button.hide()
            return
        text = self.step.text()
        if path.ready_to_close:
            text = t("workflow.ready")
        self.text.setText(text)
        self.button.setText(action_text(self.step, waiting))
        self.button.show()


class StepsList(QListWidget):
    """Every step: ✓ done, ➜ the next, ○ still to come. Enter or a double-click runs the step."""

    run_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepsList")
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # long steps wrap; no scrolling sideways
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemActivated.connect(lambda item: self.run_requested.emit(item.data(STEP_ROLE)))

    def show_workflow(self, path: Workflow) -> None:
        self.clear()
        upcoming = path.next
        for step in path.steps:
            mark = "✓" if step.done else ("➜" if step is upcoming else "○")
            item = QListWidgetItem(f"{mark}  {step.text()}", self)
            item.setData(STEP_ROLE, step)
            if step is upcoming:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                self.setCurrentItem(item)
            elif step.done:
                item.setForeground(self.palette().placeholderText())
