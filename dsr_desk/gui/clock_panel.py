"""The clock in the case view: the due date and what is left, the rule applied, what moved it, and the
actions that move it (extend, ask for information, information received, extension notified)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dsr_desk.desk import Case
from dsr_desk.gui.clock_dialogs import AskInformationDialog, DatedDialog, ExtendDialog
from dsr_desk.i18n import format_date, format_date_with_weekday, t
from dsr_desk.rules.clock import ClockState
from dsr_desk.rules.clock_text import days_left_text, promise_text


def _label(parent: QWidget, name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


class ClockPanel(QFrame):
    changed = Signal()  # a clock action was recorded

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockPanel")
        self.due = _label(self, "clockDue", wrap=False)
        self.urgency = _label(self, "clockUrgency", wrap=False)
        self.dates = _label(self, "hint")
        self.rule = _label(self, "hint")
        self.history = _label(self)
        self.warning = _label(self, "clockWarning")
        self.promise = _label(self, "clockWarning")
        self.extend_button = QPushButton(t("gui.clock.extend"), self)
        self.notice_button = QPushButton(t("gui.clock.notified"), self)
        self.ask_button = QPushButton(t("gui.clock.ask"), self)
        self.received_button = QPushButton(t("gui.clock.received"), self)
        self.case: Case | None = None
        self.extend_button.clicked.connect(self.ask_extension)
        self.notice_button.clicked.connect(self.ask_notice)
        self.ask_button.clicked.connect(self.ask_information)
        self.received_button.clicked.connect(self.ask_information_received)
        top = QHBoxLayout()
        top.addWidget(self.due)
        top.addSpacing(12)
        top.addWidget(self.urgency)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.extend_button, self.notice_button, self.ask_button, self.received_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        for widget in (self.dates, self.rule, self.history, self.warning, self.promise):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    def show_case(self, case: Case) -> None:
        self.case = case
        self.show_clock(case.clock())

    def ask_extension(self) -> QDialog | None:
        if self.case is None:
            return None
        return self._open(ExtendDialog(self.case.clock(), self.case.extend, self))

    def ask_notice(self) -> QDialog | None:
        if self.case is None:
            return None
        clock = self.case.clock()
        extension = clock.facts.extension
        earliest = extension.decided_on if extension else clock.received
        return self._open(
            DatedDialog(
                t("gui.clock.notified_title"),
                t("gui.clock.notified_intro"),
                clock.today,
                earliest,
                self.case.record_extension_notice,
                self,
            )
        )

    def ask_information(self) -> QDialog | None:
        if self.case is None:
            return None
        clock = self.case.clock()
        return self._open(
            AskInformationDialog(clock.today, clock.received, self.case.request_information, self)
        )

    def ask_information_received(self) -> QDialog | None:
        if self.case is None:
            return None
        clock = self.case.clock()
        since = clock.facts.waiting_since or clock.received
        return self._open(
            DatedDialog(
                t("gui.clock.received_title"),
                t("gui.clock.received_intro"),
                clock.today,
                since,
                self.case.information_received,
                self,
            )
        )

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.accepted.connect(self.changed.emit)
        dialog.open()
        return dialog

    def show_clock(self, state: ClockState) -> None:
        self.due.setText(t("gui.clock.due", date=format_date_with_weekday(state.due)))
        self.urgency.setText(days_left_text(state))
        self.urgency.setProperty("urgency", state.urgency.value)
        self.urgency.style().unpolish(self.urgency)
        self.urgency.style().polish(self.urgency)
        dates = [
            t("gui.clock.received_on", date=format_date(state.received)),
            t("gui.clock.first_term", date=format_date(state.first.due)),
        ]
        if state.extended:
            dates.append(t("gui.clock.extended_to", date=format_date(state.extended.due)))
        if state.paused_days:
            dates.append(t("gui.clock.paused", days=state.paused_days))
        self.dates.setText(" · ".join(dates))
        self.rule.setText(state.rule())
        self.history.setText("\n".join(_history(state)))
        self.history.setVisible(bool(self.history.text()))
        self.warning.setVisible(state.extension_notice_late or state.extension_untold)
        if state.extension_notice_late:
            self.warning.setText(t("gui.clock.notice_late", date=format_date(state.first.due)))
        elif state.extension_untold:
            self.warning.setText(t("gui.clock.notice_due", date=format_date(state.first.due)))
        self.promise.setText(promise_text(state))
        self.promise.setVisible(bool(self.promise.text()))
        self.extend_button.setVisible(state.can_extend)
        self.notice_button.setVisible(state.extension_untold)
        self.ask_button.setVisible(state.closed_on is None)
        self.received_button.setVisible(state.facts.waiting_since is not None)


def _history(state: ClockState) -> list[str]:
    lines = []
    extension = state.facts.extension
    if extension is not None:
        lines.append(
            t(
                "gui.clock.history_extended",
                date=format_date(extension.decided_on),
                reason=t(f"clock.reason.{extension.reason.value}"),
            )
        )
        if extension.notified_on:
            lines.append(t("gui.clock.history_notified", date=format_date(extension.notified_on)))
    for request in state.facts.information_requests:
        what = t(f"clock.information.{request.what.value}")
        lines.append(t("gui.clock.history_asked", date=format_date(request.asked_on), what=what))
        if request.received_on:
            lines.append(t("gui.clock.history_received", date=format_date(request.received_on)))
    for forward in state.facts.forwards:
        types = ", ".join(kind.label() for kind in forward.types)
        lines.append(
            t("gui.clock.history_forwarded", date=format_date(forward.on), types=types, to=forward.to)
        )
    return lines
