"""On a 1366x768 laptop with a taskbar (1366x728 usable) every window and dialog fits, its content scrolls
where it must, and its buttons never do; the main window's geometry is remembered per screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QDialog, QPushButton, QScrollArea, QWidget

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.gui.audit_log_model import AuditColumn
from dsr_desk.gui.case_table_model import Column
from dsr_desk.gui.main_window import MainWindow
from dsr_desk.gui.screen_fit import FRAME_HEIGHT, FRAME_WIDTH, fit_to_screen
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.requests import RequestType
from tests.support.cases import make_case

LAPTOP = QRect(0, 0, 1366, 728)
ROOM = (LAPTOP.width() - FRAME_WIDTH, LAPTOP.height() - FRAME_HEIGHT)


def _in_a_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _assert_fits(qtbot, window: QWidget) -> None:
    """Fitted to the laptop, it is no larger than the room, and every button shows, outside any scrolling."""
    fit_to_screen(window, window.width(), window.height(), LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    minimum = window.minimumSizeHint()
    name = type(window).__name__
    assert minimum.width() <= ROOM[0] and minimum.height() <= ROOM[1], name
    assert window.width() <= ROOM[0] and window.height() <= ROOM[1], name
    # The dialog's own buttons: in its button box, or placed on the dialog itself (a wizard's Next).
    own = [
        b
        for b in window.findChildren(QPushButton)
        if b.isVisibleTo(window)
        and (b.parentWidget() is window or b.parentWidget().metaObject().className() == "QDialogButtonBox")
    ]
    assert own, name
    for button in own:
        corner = button.mapTo(window, QPoint(0, 0))
        assert window.rect().contains(QRect(corner, button.size())), f"{name}: {button.text()}"
        assert not _in_a_scroll_area(button), f"{name}: {button.text()} scrolls away"


@pytest.fixture
def opened(qtbot, window, desk):
    demo_organisation(desk)
    summary = make_case(desk, types=(RequestType.ACCESS, RequestType.ERASURE))
    fit_to_screen(window, 1400, 860, LAPTOP)
    window.refresh_cases()
    window.select_case(summary.reference)
    qtbot.waitUntil(lambda: window.case_view.case is not None)
    return window


def test_the_main_window_fits_and_every_case_button_is_in_sight(qtbot, opened):
    window = opened
    minimum = window.minimumSizeHint()
    assert minimum.width() <= ROOM[0] and minimum.height() <= ROOM[1]
    view = window.case_view
    view.tabs.setCurrentWidget(view.data_panel)
    qtbot.wait(1)  # a tab change lays out on the next turn of the event loop
    for button in (
        view.next_step.button,
        view.data_panel.export_button,
        view.data_panel.archive_button,
        view.data_panel.search_button,
    ):
        assert button.isVisible() and not button.visibleRegion().isEmpty(), button.text()
        corner = button.mapTo(window, QPoint(0, 0))
        assert window.rect().contains(QRect(corner, button.size())), button.text()


def test_the_log_leaves_its_explanation_room_and_the_list_never_cuts_a_type(qtbot, opened):
    window = opened
    view = window.case_view
    view.tabs.setCurrentWidget(view.log)
    qtbot.waitUntil(lambda: view.log.table.isVisible())
    assert view.log.table.columnWidth(AuditColumn.DETAIL) >= 200
    table = window.table
    assert table.columnWidth(Column.TYPES) >= table.sizeHintForColumn(Column.TYPES)
    assert table.columnWidth(Column.REQUESTER) >= 140
    assert not table.isColumnHidden(Column.NEXT_STEP)


def test_every_dialog_fits_with_its_buttons_in_sight(qtbot, opened):
    window = opened
    view = window.case_view
    dialogs: list[QDialog] = [
        window.show_settings(),
        window.show_new_case_dialog(),
        view.make_letter(LetterKind.ACKNOWLEDGEMENT),
        view.check_identity(),
        view.clock_panel.ask_extension(),
        view.decide(RequestType.ERASURE),
        view.ask_close(),
        view.data_panel.export(),
    ]
    for dialog in dialogs:
        _assert_fits(qtbot, dialog)
        dialog.reject()


def test_the_settings_rows_never_overlap(qtbot, window):
    settings = window.show_settings()
    fit_to_screen(settings, 820, 720, LAPTOP)
    qtbot.waitExposed(settings)
    general = settings.general
    adding_row = general.new_day.geometry().united(general.add_day_button.geometry())
    listing = general.extra_days.geometry()
    assert general.extra_days.parentWidget() is general.new_day.parentWidget()
    assert not listing.intersects(adding_row)
    assert adding_row.top() >= listing.bottom()


def test_the_geometry_is_remembered_per_screen(qtbot, desk):
    first = MainWindow(desk)
    qtbot.addWidget(first)
    first.show()
    default = first.size()
    first.resize(first.minimumSizeHint().expandedTo(first.minimumSize()))  # as small as it goes
    chosen = first.size()
    assert chosen != default
    first.close()
    second = MainWindow(desk)
    qtbot.addWidget(second)
    assert second.size() == chosen
    second.close()


def test_the_main_window_never_opens_larger_than_its_screen(qtbot, desk):
    window = MainWindow(desk)
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    assert window.windowState() == Qt.WindowState.WindowNoState
