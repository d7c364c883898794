"""Rapportage in the window: the same figures as `dsr-desk report`, and its charts."""

from __future__ import annotations

import datetime as dt

from dsr_desk.rules.report import Period
from dsr_desk.rules.requests import RequestType
from tests.support.cases import close_anyway, make_case


def test_the_report_view_shows_the_period_figures_and_charts(qtbot, window, desk, clock):
    make_case(desk, received=dt.date(2026, 10, 1), types=(RequestType.ACCESS, RequestType.ERASURE))
    closed = make_case(desk, name="Klaar", received=dt.date(2026, 11, 2))
    with desk.open_case(closed.reference) as case:
        close_anyway(case)
    view = window.show_report()
    qtbot.waitUntil(view.isVisible)
    cells = {
        view.table.item(row, 0).text().strip(): view.table.item(row, 1).text()
        for row in range(view.table.rowCount())
    }
    assert cells["Ontvangen verzoeken"] == "2" and cells["Afgehandeld"] == "1"
    assert cells["Op tijd"] == "1 (100%)" and cells["Te laat"] == "0"
    assert view.report == desk.report(Period.year(2026))
    assert ("Inzage", 2) in [(label, value) for label, value, _ in view.types.bars]
    assert sum(value for _, value, _ in view.months.bars) == 2 and len(view.months.bars) == 12
    view.choice.setCurrentIndex(view.choice.findData("other"))
    view.first.setDate(dt.date(2026, 11, 1))
    assert view.report.received == 1 and view.first.isEnabled()
