"""Long work behind a progress dialog that cannot be dismissed while the work runs, and stops on request."""

from __future__ import annotations

import os
import threading

from PySide6.QtWidgets import QWidget

from dsr_desk.errors import ExportCancelledError
from dsr_desk.gui.background import BackgroundTask
from dsr_desk.rules.requests import RequestType
from tests.support.cases import make_case


def test_the_dialog_shows_at_once_and_escape_does_not_hide_running_work(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    gate = threading.Event()
    task = BackgroundTask(
        parent, "Bezig", "Even geduld", lambda _p, _c: gate.wait(10) and 42, cancellable=False
    )
    task.start()
    assert task.dialog.isVisible()  # modal from the first moment: nothing can be clicked underneath
    task.dialog.reject()
    task.dialog.close()
    assert task.dialog.isVisible() and task.running
    with qtbot.waitSignal(task.succeeded) as outcome:
        gate.set()
    assert outcome.args == [42] and not task.running


def test_cancel_asks_the_work_to_stop_and_waits_for_it(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    started = threading.Event()

    def work(progress, cancelled):
        started.set()
        for step in range(10**9):
            progress(step % 100, 100)
            if cancelled():
                raise ExportCancelledError()
        return None

    task = BackgroundTask(parent, "Bezig", "Even geduld", work).start()
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled):
        task.dialog.reject()  # Escape on a cancellable task means: cancel
        assert task.dialog.isVisible()  # until the work has actually stopped


def test_quitting_during_an_export_cancels_it_and_leaves_no_file(qtbot, window, desk, tmp_path):
    summary = make_case(desk, types=(RequestType.ACCESS,))
    big = tmp_path / "groot.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(32 * 1024 * 1024))
    with desk.open_case(summary.reference) as case:
        case.add_data_file(big, system="Mailbox", category="Bijlagen")
    window.refresh_cases()
    window.select_case(summary.reference)
    qtbot.waitUntil(lambda: window.case_view.case is not None)
    out = tmp_path / "uit"
    out.mkdir()
    dialog = window.case_view.data_panel.export()
    task = dialog.start(out / "export.zip")
    window.close()
    assert not task.running
    assert list(out.iterdir()) == []  # neither the ZIP nor a temp file
    with desk.open_case(summary.reference) as case:
        assert not any(e.action == "export.created" for e in case.events())


def test_an_unexpected_error_tells_the_user_and_logs_no_case_data(qtbot, caplog):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from dsr_desk.gui.app import report_unexpected

    try:
        raise ValueError("Jan Jansen, Kerkstraat 1")
    except ValueError as exc:
        report_unexpected(type(exc), exc, exc.__traceback__)
    logged = caplog.text
    assert "ValueError" in logged and "test_background.py" in logged and "Jan Jansen" not in logged
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and "onverwachts" in boxes[-1].text()
    boxes[-1].close()
