"""The clock's small forms: extending the term (with the reason the requester will read), and dating
a request for information, its answer, or the extension notice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QPlainTextEdit,
    QWidget,
)

from dsr_desk.gui.forms import FormDialog, date_edit
from dsr_desk.i18n import format_date, format_date_with_weekday, t
from dsr_desk.rules.clock import ClockState, ExtensionReason, InformationNeeded
from dsr_desk.rules.clock_facts import LAWFUL_EXTENSION_REASONS


class ClockDialog(FormDialog):
    """A clock form: an explanation above, the values below; `submit` is set by each dialog."""

    def __init__(self, title: str, intro: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(title, action, parent, intro=intro)
        self.submit: Callable[[], object] = lambda: None


class ExtendDialog(ClockDialog):
    def __init__(
        self, state: ClockState, extend: Callable[[ExtensionReason, str], object], parent: QWidget
    ) -> None:
        new_due = state.extended_if_extended_now.due
        intro = t(
            "gui.clock.extend_intro",
            first=format_date(state.first.due),
            new=format_date_with_weekday(new_due),
        )
        super().__init__(t("gui.clock.extend_title"), intro, t("gui.clock.extend_action"), parent)
        self.reason = QComboBox(self)
        for reason in LAWFUL_EXTENSION_REASONS:
            self.reason.addItem(t(f"clock.reason.{reason.value}"), reason.value)
        self.explanation = QPlainTextEdit(self)
        self.explanation.setFixedHeight(90)
        self.explanation.setTabChangesFocus(True)
        self.explanation.setPlaceholderText(t("gui.clock.explanation_placeholder"))
        self.form.addRow(t("gui.clock.reason"), self.reason)
        self.form.addRow(t("gui.clock.explanation"), self.explanation)
        self.submit = lambda: extend(
            ExtensionReason(self.reason.currentData()), self.explanation.toPlainText()
        )


class AskInformationDialog(ClockDialog):
    def __init__(
        self,
        today: dt.date,
        received: dt.date,
        ask: Callable[[InformationNeeded, dt.date, str], object],
        parent: QWidget,
    ) -> None:
        super().__init__(
            t("gui.clock.ask_title"), t("gui.clock.ask_intro"), t("gui.clock.ask_action"), parent
        )
        self.what = QComboBox(self)
        for what in InformationNeeded:
            self.what.addItem(t(f"clock.information.{what.value}"), what.value)
        self.on = date_edit(self, today, earliest=received, latest=today)
        self.note = QPlainTextEdit(self)
        self.note.setFixedHeight(70)
        self.note.setTabChangesFocus(True)
        self.form.addRow(t("gui.clock.what"), self.what)
        self.form.addRow(t("gui.clock.asked_on"), self.on)
        self.form.addRow(t("gui.clock.note"), self.note)
        self.submit = lambda: ask(
            InformationNeeded(self.what.currentData()), self.on.date().toPython(), self.note.toPlainText()
        )


class DatedDialog(ClockDialog):
    """'It happened on ...': information received, the extension notified."""

    def __init__(
        self,
        title: str,
        intro: str,
        today: dt.date,
        earliest: dt.date,
        record: Callable[[dt.date], object],
        parent: QWidget,
    ) -> None:
        super().__init__(title, intro, t("gui.clock.record"), parent)
        self.on = date_edit(self, today, earliest=earliest, latest=today)
        self.form.addRow(t("gui.clock.on"), self.on)
        self.submit = lambda: record(self.on.date().toPython())
