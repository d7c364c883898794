"""The main window as a handler uses it: register a request, find it, open it, work on it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from dsr_desk.desk.demo import fill_with_demo_cases
from dsr_desk.gui.case_table_model import REFERENCE_ROLE, Column
from dsr_desk.rules.requests import CaseStatus, RequestType
from tests.support.cases import make_case


def _visible_references(window) -> list[str]:
    proxy = window.proxy
    return [proxy.index(row, 0).data(REFERENCE_ROLE) for row in range(proxy.rowCount())]


def test_a_case_created_through_the_dialog_appears_in_the_list_and_opens(qtbot, window):
    dialog = window.show_new_case_dialog()
    qtbot.waitUntil(dialog.isVisible)
    dialog.name.setText("Fatma Yılmaz")  # QTest types ASCII only
    qtbot.keyClicks(dialog.email, "fatma@example.nl")
    dialog.address.setPlainText("Beijerlandselaan 140\n3074 EP Rotterdam")
    dialog.type_boxes[RequestType.ACCESS].setChecked(True)
    dialog.type_boxes[RequestType.ERASURE].setChecked(True)
    with qtbot.waitSignal(dialog.created) as created:
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    reference = created.args[0].reference
    assert reference == "DSR-2026-0001"
    assert not dialog.isVisible()
    assert _visible_references(window) == [reference]
    row = window.proxy.index(0, Column.REQUESTER)
    assert row.data() == "Fatma Yılmaz"
    assert window.proxy.index(0, Column.TYPES).data() == "Inzage, Verwijdering"
    qtbot.waitUntil(lambda: window.case_view.isVisible())
    assert window.case_view.name.text() == "Fatma Yılmaz"
    assert window.case_view.address.text() == "Beijerlandselaan 140\n3074 EP Rotterdam"


def test_the_dialog_says_what_to_fix_and_keeps_what_was_typed(qtbot, window, desk):
    dialog = window.show_new_case_dialog()
    qtbot.keyClicks(dialog.name, "Jan")
    qtbot.keyClicks(dialog.email, "jan@@example")
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "jan@@example" in dialog.banner.text() and "soort verzoek" in dialog.banner.text()
    assert dialog.email.property("invalid") is True
    assert dialog.name.text() == "Jan"
    assert desk.list_cases() == []


def test_a_pasted_name_and_address_keep_the_address_and_offer_the_name(qtbot, window, desk):
    dialog = window.show_new_case_dialog()
    dialog.email.setText("Łukasz Wróbel <lukasz@example.pl>")  # as a paste arrives: all at once
    assert dialog.email.text() == "lukasz@example.pl" and dialog.name.text() == "Łukasz Wróbel"
    dialog.name.setText("L. Wróbel")
    dialog.email.setText('"Wróbel, Łukasz" <lukasz@example.pl>')
    assert dialog.email.text() == "lukasz@example.pl" and dialog.name.text() == "L. Wróbel"
    assert dialog.offered_name.isVisibleTo(dialog) and "Wróbel, Łukasz" in dialog.offered_name.text()
    qtbot.mouseClick(dialog.offered_name, Qt.MouseButton.LeftButton)
    assert dialog.name.text() == "Wróbel, Łukasz" and not dialog.offered_name.isVisibleTo(dialog)


def test_a_request_for_a_child_records_who_asks_for_whom(qtbot, window, desk):
    dialog = window.show_new_case_dialog()
    dialog.name.setText("Jan Jansen")
    dialog.email.setText("jan@example.nl")
    dialog.relation.setCurrentIndex(dialog.relation.findData("parent"))
    dialog.type_boxes[RequestType.ACCESS].setChecked(True)
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.for_person.property("invalid") is True  # for whom, then?
    dialog.for_person.setText("Sanne Jansen")
    with qtbot.waitSignal(dialog.created) as created:
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    with desk.open_case(created.args[0].reference) as case:
        record = case.record()
    assert (record.requester.name, record.data_subject, record.relation.value) == (
        "Jan Jansen",
        "Sanne Jansen",
        "parent",
    )


def test_the_received_date_cannot_be_in_the_future(qtbot, window, desk):
    dialog = window.show_new_case_dialog()
    today = desk.today()
    dialog.received.setDate(dialog.received.date().addDays(5))
    assert dialog.received.date().toPython() == today


def test_search_finds_names_without_accents_and_by_reference(qtbot, window, desk):
    make_case(desk, name="Şükrü Öztürk", email="sukru@example.nl")
    make_case(desk, name="Zoë van der Linden", email="zoe@example.nl")
    make_case(desk, name="Jan de Vries", email="jan@example.nl")
    window.refresh_cases()
    qtbot.keyClicks(window.search, "ozturk")
    assert [window.proxy.index(r, 1).data() for r in range(window.proxy.rowCount())] == ["Şükrü Öztürk"]
    window.search.clear()
    qtbot.keyClicks(window.search, "zoe@")
    assert window.proxy.rowCount() == 1
    window.search.setText("DSR-2026-0003")
    assert _visible_references(window) == ["DSR-2026-0003"]
    window.search.clear()
    assert window.proxy.rowCount() == 3


def test_status_filter(qtbot, window, desk):
    open_case = make_case(desk, name="Open Zaak")
    closed = make_case(desk, name="Dicht Zaak")
    with desk.open_case(closed.reference) as case:
        case.set_status(CaseStatus.CLOSED)
    window.refresh_cases()
    window.status_filter.setCurrentIndex(window.status_filter.findData("closed"))
    assert _visible_references(window) == [closed.reference]
    window.status_filter.setCurrentIndex(window.status_filter.findData("open"))
    assert _visible_references(window) == [open_case.reference]


def test_sorting_by_received_date(qtbot, window, desk):
    make_case(desk, name="Later", received=dt.date(2026, 11, 10))
    make_case(desk, name="Eerder", received=dt.date(2025, 12, 31))
    make_case(desk, name="Midden", received=dt.date(2026, 2, 1))
    window.refresh_cases()
    window.table.sortByColumn(Column.RECEIVED, Qt.SortOrder.AscendingOrder)
    assert [window.proxy.index(r, Column.REQUESTER).data() for r in range(3)] == ["Eerder", "Midden", "Later"]


def test_the_demo_workspace_lists_all_cases(qtbot, window, desk):
    fill_with_demo_cases(desk, 25)
    window.refresh_cases()
    assert window.proxy.rowCount() == 25
    assert window.count_label.text() == "25 verzoeken"


def test_case_table_model_passes_qt_model_tester(qtmodeltester, window, desk):
    make_case(desk)
    make_case(desk, name="Anna")
    window.refresh_cases()
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.proxy)
