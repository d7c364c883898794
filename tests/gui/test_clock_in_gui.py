"""The clock as a privacy officer sees it: which cases are in danger, and the date the law gives."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from dsr_desk.desk.demo import fill_with_demo_cases
from dsr_desk.gui.case_filter_model import CaseFilter
from dsr_desk.gui.case_table_model import REFERENCE_ROLE, URGENCY_ROLE, Column
from dsr_desk.gui.clock_dialogs import AskInformationDialog, DatedDialog, ExtendDialog
from tests.support.cases import make_case


def _column(window, column):
    return [window.proxy.index(r, column).data() for r in range(window.proxy.rowCount())]


def _open(qtbot, window, reference):
    window.refresh_cases()
    window.select_case(reference)
    qtbot.waitUntil(
        lambda: window.case_view.case is not None and window.case_view.case.reference == reference
    )


def test_an_overdue_demo_case_shows_as_overdue_and_sorts_first(qtbot, window, desk):
    fill_with_demo_cases(desk)
    window.refresh_cases()
    first = window.proxy.index(0, Column.DAYS_LEFT)
    assert first.data(URGENCY_ROLE) == "overdue"
    assert first.data().startswith("Verlopen · ")  # spelled out, not colour alone
    assert first.data(Qt.ItemDataRole.BackgroundRole) is not None
    urgencies = [window.proxy.index(r, 0).data(URGENCY_ROLE) for r in range(window.proxy.rowCount())]
    order = ["overdue", "critical", "soon", "later", "closed"]
    assert urgencies == sorted(urgencies, key=order.index)  # the default sort: most urgent first


def test_the_overdue_and_this_week_filters(qtbot, window, desk, clock):
    overdue = make_case(desk, name="Te laat", received=dt.date(2026, 10, 1))
    this_week = make_case(desk, name="Deze week", received=dt.date(2026, 10, 20))  # due Fri 20 Nov
    make_case(desk, name="Later", received=dt.date(2026, 11, 19))
    window.refresh_cases()
    window.set_filter(CaseFilter.OVERDUE)
    assert [window.proxy.index(r, 0).data(REFERENCE_ROLE) for r in range(window.proxy.rowCount())] == [
        overdue.reference
    ]
    window.set_filter(CaseFilter.THIS_WEEK)
    assert _column(window, Column.REQUESTER) == ["Deze week"]
    assert this_week.reference


def test_the_reminder_banner_names_what_needs_attention_and_comes_back_the_next_day(qtbot, desk, clock):
    from dsr_desk.gui.main_window import MainWindow

    make_case(desk, name="Te laat", received=dt.date(2026, 10, 1))
    make_case(desk, name="Bijna", received=dt.date(2026, 10, 22))  # due Mon 23 Nov: 1 working day
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    assert window.banner.isVisible()
    assert "1 verzoek(en) voorbij de termijn" in window.banner.text.text()
    assert "1 verzoek(en) moeten binnen 2 werkdagen af" in window.banner.text.text()
    window.banner.hide()
    window.check_reminders()  # the same day: no second reminder
    assert not window.banner.isVisible()
    clock.advance(days=4)  # Tuesday 24 November: both overdue now
    window.check_reminders()
    assert window.banner.isVisible() and "2 verzoek(en) voorbij de termijn" in window.banner.text.text()
    qtbot.mouseClick(window.banner.show_button, Qt.MouseButton.LeftButton)
    assert window.proxy.rowCount() == 2


def test_extending_through_the_dialog_moves_the_due_date_on_screen(qtbot, window, desk):
    summary = make_case(desk)  # received 2 Nov, due 2 Dec
    _open(qtbot, window, summary.reference)
    panel = window.case_view.clock_panel
    assert "2 december 2026" in panel.due.text()
    assert panel.extend_button.isVisible()
    dialog = panel.ask_extension()
    assert isinstance(dialog, ExtendDialog)
    assert dialog.reason.findData("other") == -1  # Art. 12(3): no reason but complexity and number
    dialog.reason.setCurrentIndex(dialog.reason.findData("number_of_requests"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "reden" in dialog.banner.text()  # every reason is spelled out for the requester
    qtbot.keyClicks(dialog.explanation, "Gegevens op drie locaties")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "2 februari 2027" in panel.due.text())
    assert "verlengd tot 2 feb" in panel.dates.text() or "verlengd tot 2 februari 2027" in panel.dates.text()
    assert not panel.extend_button.isVisible() and panel.notice_button.isVisible()
    assert "uiterlijk 2 december 2026" in panel.warning.text()
    row = window.model.row_of(summary.reference)
    assert window.model.index(row, Column.DUE).data() == "2 feb 2027"


def test_asking_and_receiving_information_is_recorded(qtbot, window, desk):
    summary = make_case(desk)
    _open(qtbot, window, summary.reference)
    view = window.case_view
    ask = view.clock_panel.ask_information()
    assert isinstance(ask, AskInformationDialog)
    qtbot.mouseClick(ask.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.status.text() == "Wacht op verzoeker")
    assert "identiteitsgegevens opgevraagd" in view.clock_panel.history.text()
    assert view.clock_panel.received_button.isVisible()
    received = view.clock_panel.ask_information_received()
    assert isinstance(received, DatedDialog)
    qtbot.mouseClick(received.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.status.text() == "In behandeling")
    assert "informatie ontvangen" in view.clock_panel.history.text()


def test_settings_explain_the_law_and_move_due_dates(qtbot, window, desk):
    make_case(desk, received=dt.date(2026, 11, 4))  # due Friday 4 December
    window.refresh_cases()
    assert window.model.index(0, Column.DUE).data() == "4 dec 2026"
    dialog = window.show_settings()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert (
        "Algemene termijnenwet (art. 3 lid 2)" in texts and "regelen niet dat de termijn stilstaat" in texts
    )
    assert not dialog.pause.isChecked() and dialog.good_friday.isChecked()  # the safe defaults
    dialog.new_day.setDate(dt.date(2026, 12, 4))
    qtbot.keyClicks(dialog.new_day_name, "Sluitingsdag")
    qtbot.mouseClick(dialog.add_day_button, Qt.MouseButton.LeftButton)
    dialog.pause.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert desk.settings.pause_while_waiting
    assert desk.settings.extra_holidays == ((dt.date(2026, 12, 4), "Sluitingsdag"),)
    qtbot.waitUntil(lambda: window.model.index(0, Column.DUE).data() == "7 dec 2026")
