"""The case view: the next step and its button above everything; the clock; then the case in tabs — the
overview (requester, requests, the checklist of steps), letters, data found, and the audit log."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Case
from dsr_desk.desk.event_text import identity_summary
from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.audit_log_view import AuditLogView
from dsr_desk.gui.case_steps import NextStepBar, StepsList
from dsr_desk.gui.clock_panel import ClockPanel
from dsr_desk.gui.data_panel import DataPanel
from dsr_desk.gui.decision_dialogs import CloseDialog, DecisionDialog
from dsr_desk.gui.forms import plain_label, section_label
from dsr_desk.gui.forward_dialog import ForwardDialog
from dsr_desk.gui.identity.wizard import IdentityWizard
from dsr_desk.gui.letters_panel import LettersPanel
from dsr_desk.gui.messages import show_error
from dsr_desk.gui.step_actions import run_step
from dsr_desk.gui.text_input_dialog import TextInputDialog
from dsr_desk.i18n import format_date, t
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.requests import CaseStatus, RequestType, allowed_transitions, transition_needs_reason


class CaseView(QWidget):
    changed = Signal(str)  # reference: the case was changed; the list should refresh
    destroy_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        # Shown when another handler has this case open: it can be read here, not changed.
        self.in_use = plain_label(self, "caseInUse")
        self.in_use.hide()
        self.reference = plain_label(self, "caseReference")
        self.reference.setWordWrap(False)
        self.status = plain_label(self, "statusChip")
        self.status.setWordWrap(False)
        self.more_button = QToolButton(self)
        self.more_button.setText(t("gui.case.more"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self)
        self.status_menu = more.addMenu(t("gui.case.change_status"))
        self.forward_action = QAction(t("gui.case.forward"), self)
        self.forward_action.triggered.connect(self.ask_forward)
        more.addAction(self.forward_action)
        more.addSeparator()
        self.destroy_action = QAction(t("gui.case.destroy"), self)
        self.destroy_action.triggered.connect(lambda: self.destroy_requested.emit(self.case.reference))
        more.addAction(self.destroy_action)
        self.more_button.setMenu(more)
        header = QHBoxLayout()
        header.addWidget(self.reference)
        header.addWidget(self.status)
        header.addStretch(1)
        header.addWidget(self.more_button)

        self.next_step = NextStepBar(self)
        self.next_step.run_requested.connect(self.run_step)
        self.clock_panel = ClockPanel(self)
        self.clock_panel.changed.connect(self._after_change)
        self.letters_panel = LettersPanel(self)
        self.letters_panel.changed.connect(self._after_change)
        self.data_panel = DataPanel(self)
        self.data_panel.changed.connect(self._after_change)
        self.data_panel.letter_wanted.connect(lambda kind: self.make_letter(LetterKind(kind)))
        self.log = AuditLogView(self)
        self.audit_model = self.log.model
        self.overview = self._build_overview()

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setMinimumHeight(250)
        for widget, key in (
            (self.overview, "overview"),
            (self.letters_panel, "letters"),
            (self.data_panel, "data"),
            (self.log, "log"),
        ):
            self.tabs.addTab(widget, t(f"gui.case.tab.{key}"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.in_use)
        layout.addLayout(header)
        layout.addWidget(self.next_step)
        layout.addWidget(self.clock_panel)
        layout.addWidget(self.tabs, 1)

    def _build_overview(self) -> QWidget:
        page = QWidget(self)
        self.name, self.email, self.address = plain_label(page), plain_label(page), plain_label(page)
        self.for_person = plain_label(page)
        self.received, self.requests, self.notes = plain_label(page), plain_label(page), plain_label(page)
        self.identity = plain_label(page)
        details = QFormLayout()
        details.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, widget in (
            ("name", self.name),
            ("email", self.email),
            ("address", self.address),
            ("for_person", self.for_person),
            ("received", self.received),
            ("requests", self.requests),
            ("identity", self.identity),
            ("notes", self.notes),
        ):
            details.addRow(section_label(t(f"gui.case.{key}"), page), widget)
        self.note_button = QPushButton(t("gui.case.add_note"), page)
        self.note_button.clicked.connect(self.ask_note)
        self.identity_button = QPushButton(t("gui.case.check_identity"), page)
        self.identity_button.clicked.connect(self.check_identity)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.identity_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(details)
        left.addLayout(buttons)
        left.addStretch(1)
        self.steps = StepsList(page)
        self.steps.run_requested.connect(self.run_step)
        right = QVBoxLayout()
        right.addWidget(section_label(t("gui.case.steps"), page, heading=True))
        right.addWidget(self.steps, 1)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 6, 0, 0)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        return page

    @property
    def in_use_by_other(self) -> bool:
        return not self.in_use.isHidden()

    def set_in_use(self, message: str | None) -> None:
        """`message` names who has the case open elsewhere (read only here); None: this window has it.
        Whatever is still tried is refused by the core with the same message."""
        self.in_use.setText(message or "")
        self.in_use.setVisible(message is not None)
        for widget in (self.next_step.button, self.note_button, self.identity_button, self.more_button):
            widget.setEnabled(message is None)

    def show_case(self, case: Case) -> None:
        self.case = case
        self.refresh()

    def refresh(self) -> None:
        if self.case is None:
            return
        record, events = self.case.record(), self.case.events()
        self.reference.setText(record.reference)
        self.status.setText(record.status.label())
        self.status.setProperty("status", record.status.value)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.name.setText(record.requester.name)
        self.email.setText(record.requester.email or "—")
        self.address.setText(record.requester.address or "—")
        self.for_person.setText(
            f"{record.data_subject} ({record.relation.label()})"
            if record.data_subject and record.relation
            else "—"
        )
        self.forward_action.setEnabled(record.status.is_open)
        self.received.setText(
            t("gui.case.received_via", date=format_date(record.received), channel=record.channel.phrase())
        )
        self.requests.setText("\n".join(kind.label_with_article() for kind in record.types))
        self.notes.setText(record.notes or "—")
        self.identity.setText(identity_summary(self.case.identity()))
        path = self.case.workflow_from(record, events)
        self.next_step.show_workflow(path, record.status is CaseStatus.WAITING)
        self.steps.show_workflow(path)
        self._fill_status_menu(record.status)
        self.clock_panel.show_case(self.case)
        self.letters_panel.show_case(self.case)
        self.data_panel.show_case(self.case)
        self.log.show_events(events, self.case.audit_report)
        letters, items = self.letters_panel.list.count(), self.data_panel.model.rowCount()
        for index, key, count in ((1, "letters", letters), (2, "data", items), (3, "log", len(events))):
            self.tabs.setTabText(index, t(f"gui.case.tab.{key}") + (f" ({count})" if count else ""))

    def _fill_status_menu(self, current: CaseStatus) -> None:
        self.status_menu.clear()
        for status in sorted(allowed_transitions(current), key=list(CaseStatus).index):
            action = self.status_menu.addAction(status.label())
            action.setData(status.value)
            action.triggered.connect(lambda _checked=False, s=status: self.change_status(s))

    # -- actions ---------------------------------------------------------------------------------------------

    def run_step(self, step) -> object:
        if self.in_use_by_other:
            return None  # read only here: the checklist's Enter does nothing the button could not
        return run_step(self, step)

    def run_next_step(self) -> object:
        return self.run_step(self.next_step.step) if self.next_step.step is not None else None

    def change_status(self, status: CaseStatus) -> QDialog | None:
        case = self.case
        if case is None:
            return None
        if status is CaseStatus.CLOSED:
            return self.ask_close()
        if transition_needs_reason(case.record().status, status):
            dialog = TextInputDialog(
                title=t("gui.case.reopen_title"),
                label=t("gui.case.reopen_label"),
                action=t("gui.case.reopen"),
                submit=lambda reason: case.set_status(status, reason),
                parent=self,
            )
            return self._open(dialog)
        try:
            case.set_status(status)
        except DsrDeskError as error:
            show_error(self, error)
            return None
        self._after_change()
        return None

    def ask_close(self) -> CloseDialog | None:
        return self._open(CloseDialog(self.case, self)) if self.case is not None else None

    def decide(self, request_type: RequestType | None) -> DecisionDialog | None:
        if self.case is None or request_type is None:
            return None
        return self._open(DecisionDialog(self.case, request_type, self))

    def ask_note(self) -> TextInputDialog | None:
        case = self.case
        if case is None:
            return None
        dialog = TextInputDialog(
            title=t("gui.case.note_title"),
            label=t("gui.case.note_label"),
            action=t("gui.case.add_note_action"),
            submit=case.add_note,
            parent=self,
        )
        return self._open(dialog)

    def ask_forward(self) -> QDialog | None:
        return self._open(ForwardDialog(self.case, self)) if self.case is not None else None

    def check_identity(self) -> QDialog | None:
        if self.case is None:
            return None
        wizard = IdentityWizard(self.case, self.case.organisation_name(), self)
        wizard.finished.connect(lambda _result: self._after_change())
        wizard.changed.connect(self._after_change)
        wizard.letter_wanted.connect(lambda kind: self.make_letter(LetterKind(kind)))
        wizard.open()
        return wizard

    def make_letter(self, kind: LetterKind | None = None) -> QDialog | None:
        self.tabs.setCurrentWidget(self.letters_panel)
        dialog = self.letters_panel.make_letter()
        if dialog is not None and kind is not None:
            dialog.select_kind(kind)
        return dialog

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.accepted.connect(self._after_change)
        dialog.open()
        return dialog

    def _after_change(self) -> None:
        self.refresh()
        if self.case is not None:
            self.changed.emit(self.case.reference)
