"""Retention in the window: the reminder, the list with a held case, archives first, then destruction."""

from __future__ import annotations

import datetime as dt

from dsr_desk.gui.main_window import MainWindow
from dsr_desk.gui.retention_view import RetentionDialog
from tests.support.cases import close_anyway, make_case


def test_cases_past_their_term_are_reminded_listed_archived_and_destroyed(qtbot, qapp, desk, clock, tmp_path):
    clock.moment = dt.datetime(2023, 12, 1, 12, tzinfo=dt.UTC)
    references = [
        make_case(desk, name=f"Oud {n}", received=dt.date(2023, 11, 20)).reference for n in range(3)
    ]
    for reference in references:
        with desk.open_case(reference) as case:
            close_anyway(case)
    with desk.open_case(references[2]) as case:
        case.hold("Procedure bij de rechtbank")
    clock.moment = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    assert window.retention_banner.isVisible() and "2 afgesloten" in window.retention_banner.text.text()
    # The start page counts them too; its button opens the same list.
    assert window.start_page.destruction_button.text() == "2 klaar voor vernietiging"
    window.start_page.destruction_button.click()
    [dialog] = window.findChildren(RetentionDialog)
    assert dialog.table.rowCount() == 3 and "rechtbank" in dialog.table.item(2, 2).text()
    archives = dialog.archive_first(tmp_path / "archief")
    assert sorted(p.name for p in archives) == [f"{r}.zip" for r in references[:2]]
    asking = dialog.ask_destroy()
    asking.text.setPlainText("Bewaartermijn van 24 maanden verstreken")
    asking.confirm.setChecked(True)
    asking.ok_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert not window.retention_banner.isVisible()
    assert window.start_page.destruction_button.text() == "0 klaar voor vernietiging"
    assert [r.reference for r in desk.destruction_records()] == references[:2]
    assert {c.reference for c in desk.list_cases()} == {references[2]}
