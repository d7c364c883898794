"""The case view: the requester, the requests, the status, and the case's audit log, with its actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Case
from dsr_desk.desk.event_text import audit_report_lines, identity_summary
from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.audit_log_model import AuditColumn, AuditLogModel
from dsr_desk.gui.clock_panel import ClockPanel
from dsr_desk.gui.data_panel import DataPanel
from dsr_desk.gui.forward_dialog import ForwardDialog
from dsr_desk.gui.identity.wizard import IdentityWizard
from dsr_desk.gui.letters_panel import LettersPanel
from dsr_desk.gui.messages import show_error
from dsr_desk.gui.text_input_dialog import TextInputDialog
from dsr_desk.i18n import format_date, t
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.requests import CaseStatus, allowed_transitions, transition_needs_reason


def plain_label(parent: QWidget, object_name: str = "") -> QLabel:
    """A label for user text: never interpreted as rich text, so '<b>' or '<img>' in a name shows as typed."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


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
        self.status = plain_label(self, "statusChip")
        self.status.setWordWrap(False)
        self.status_button = QToolButton(self)
        self.status_button.setText(t("gui.case.change_status"))
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = QMenu(self)
        self.status_button.setMenu(self.status_menu)
        self.note_button = QPushButton(t("gui.case.add_note"), self)
        self.note_button.clicked.connect(self.ask_note)
        self.identity_button = QPushButton(t("gui.case.check_identity"), self)
        self.identity_button.clicked.connect(self.check_identity)
        self.more_button = QToolButton(self)
        self.more_button.setText("⋯")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self)
        self.forward_action = QAction(t("gui.case.forward"), self)
        self.forward_action.triggered.connect(self.ask_forward)
        more.addAction(self.forward_action)
        self.destroy_action = QAction(t("gui.case.destroy"), self)
        self.destroy_action.triggered.connect(lambda: self.destroy_requested.emit(self.case.reference))
        more.addAction(self.destroy_action)
        self.more_button.setMenu(more)

        header = QHBoxLayout()
        header.addWidget(self.reference)
        header.addWidget(self.status)
        header.addStretch(1)
        header.addWidget(self.more_button)
        actions = QHBoxLayout()
        for widget in (self.status_button, self.note_button, self.identity_button):
            actions.addWidget(widget)
        actions.addStretch(1)

        self.name, self.email, self.address = plain_label(self), plain_label(self), plain_label(self)
        self.for_person = plain_label(self)
        self.received, self.requests, self.notes = plain_label(self), plain_label(self), plain_label(self)
        self.identity = plain_label(self)
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
            details.addRow(_section_label(t(f"gui.case.{key}"), self), widget)

        self.audit_state = plain_label(self, "auditState")
        self.audit_model = AuditLogModel(self)
        self.audit_table = QTableView(self)
        self.audit_table.setModel(self.audit_model)
        self.audit_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.audit_table.setWordWrap(True)
        self.audit_table.verticalHeader().hide()
        self.audit_table.setAlternatingRowColors(True)
        self.audit_table.horizontalHeader().setSectionResizeMode(
            AuditColumn.DETAIL, QHeaderView.ResizeMode.Stretch
        )
        for column in (AuditColumn.WHEN, AuditColumn.WHO, AuditColumn.WHAT):
            self.audit_table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )

        self.clock_panel = ClockPanel(self)
        self.clock_panel.changed.connect(self._after_change)
        self.letters_panel = LettersPanel(self)
        self.letters_panel.changed.connect(self._after_change)
        self.data_panel = DataPanel(self)
        self.data_panel.changed.connect(self._after_change)
        self.data_panel.letter_wanted.connect(self._make_letter)

        # The clock stays in sight; the rest of the case is one tab away.
        log = QWidget(self)
        log_layout = QVBoxLayout(log)
        log_layout.setContentsMargins(0, 4, 0, 0)
        log_layout.addWidget(self.audit_state)
        log_layout.addWidget(self.audit_table, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setMinimumHeight(340)
        self.tabs.addTab(self.letters_panel, t("gui.case.tab.letters"))
        self.tabs.addTab(self.data_panel, t("gui.case.tab.data"))
        self.tabs.addTab(log, t("gui.case.tab.log"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.in_use)
        layout.addLayout(header)
        layout.addLayout(actions)
        layout.addLayout(details)
        layout.addWidget(self.clock_panel)
        layout.addWidget(self.tabs, 1)

    @property
    def in_use_by_other(self) -> bool:
        return not self.in_use.isHidden()

    def set_in_use(self, message: str | None) -> None:
        """`message` names who has the case open elsewhere (read only here); None: this window has it.
        Whatever is still tried is refused by the core with the same message."""
        self.in_use.setText(message or "")
        self.in_use.setVisible(message is not None)
        for widget in (self.status_button, self.note_button, self.identity_button, self.more_button):
            widget.setEnabled(message is None)

    def show_case(self, case: Case) -> None:
        self.case = case
        self.refresh()

    def refresh(self) -> None:
        if self.case is None:
            return
        record = self.case.record()
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
            t("gui.case.received_via", date=format_date(record.received), channel=record.channel.label())
        )
        self.requests.setText("\n".join(kind.label_with_article() for kind in record.types))
        self.notes.setText(record.notes or "—")
        self.identity.setText(identity_summary(self.case.identity()))
        self.audit_model.set_events(self.case.events())
        self.audit_table.resizeRowsToContents()
        report = self.case.audit_report
        self.audit_state.setText(("✓ " if report.ok else "⚠ ") + " ".join(audit_report_lines(report)))
        self.audit_state.setProperty("ok", report.ok)
        self.audit_state.style().unpolish(self.audit_state)
        self.audit_state.style().polish(self.audit_state)
        self._fill_status_menu(record.status)
        self.clock_panel.show_case(self.case)
        self.letters_panel.show_case(self.case)
        self.data_panel.show_case(self.case)
        letters, items = self.letters_panel.list.count(), self.data_panel.model.rowCount()
        self.tabs.setTabText(0, t("gui.case.tab.letters") + (f" ({letters})" if letters else ""))
        self.tabs.setTabText(1, t("gui.case.tab.data") + (f" ({items})" if items else ""))

    def _fill_status_menu(self, current: CaseStatus) -> None:
        self.status_menu.clear()
        for status in sorted(allowed_transitions(current), key=list(CaseStatus).index):
            action = self.status_menu.addAction(status.label())
            action.setData(status.value)
            action.triggered.connect(lambda _checked=False, s=status: self.change_status(s))

    def change_status(self, status: CaseStatus) -> None:
        case = self.case
        if case is None:
            return
        if transition_needs_reason(case.record().status, status):
            dialog = TextInputDialog(
                title=t("gui.case.reopen_title"),
                label=t("gui.case.reopen_label"),
                action=t("gui.case.reopen"),
                submit=lambda reason: case.set_status(status, reason),
                parent=self,
            )
            dialog.accepted.connect(self._after_change)
            dialog.open()
            return
        try:
            case.set_status(status)
        except DsrDeskError as error:
            show_error(self, error)
            return
        self._after_change()

    def ask_note(self) -> None:
        case = self.case
        if case is None:
            return
        dialog = TextInputDialog(
            title=t("gui.case.note_title"),
            label=t("gui.case.note_label"),
            action=t("gui.case.add_note_action"),
            submit=case.add_note,
            parent=self,
        )
        dialog.accepted.connect(self._after_change)
        dialog.open()

    def ask_forward(self) -> QDialog | None:
        if self.case is None:
            return None
        dialog = ForwardDialog(self.case, self)
        dialog.accepted.connect(self._after_change)
        dialog.open()
        return dialog

    def check_identity(self) -> QDialog | None:
        if self.case is None:
            return None
        wizard = IdentityWizard(self.case, self.case.organisation_name(), self)
        wizard.finished.connect(lambda _result: self._after_change())
        wizard.letter_wanted.connect(self._make_letter)
        wizard.open()
        return wizard

    def _make_letter(self, kind: str) -> None:
        dialog = self.letters_panel.make_letter()
        if dialog is not None:
            dialog.select_kind(LetterKind(kind))

    def _after_change(self) -> None:
        self.refresh()
        if self.case is not None:
            self.changed.emit(self.case.reference)


def _section_label(text: str, parent: QWidget, heading: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("sectionHeading" if heading else "fieldLabel")
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
